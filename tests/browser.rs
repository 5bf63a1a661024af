//! Browser tier: the JS API and `mount`, run by wasm-bindgen-test in headless Chromium
//! (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use discount_lab::js::{
    cross_validate_js, discounts, explain, mount, neighbours, predict, recommend, segments, similarity,
};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn worked_rows() -> JsValue {
    let rows = Array::new();
    for (u, vals) in [("u1", [1.0, 3.0, 5.0, 0.0, 4.0]), ("u2", [5.0, 2.0, 4.0, 5.0, 1.0])] {
        for (k, r) in vals.iter().enumerate() {
            let row =
                Array::of3(&JsValue::from_str(u), &JsValue::from_str(&format!("i{}", k + 1)), &JsValue::from_f64(*r));
            rows.push(&row);
        }
    }
    rows.into()
}

fn cell(m: &JsValue, a: u32, b: u32) -> f64 {
    let values: Array = get(m, "values").dyn_into().unwrap();
    let row: Array = values.get(a).dyn_into().unwrap();
    row.get(b).as_f64().unwrap()
}

#[wasm_bindgen_test]
fn similarity_from_rows_gives_the_worked_example_cosine() {
    let scale = Array::of2(&JsValue::from_f64(0.0), &JsValue::from_f64(5.0));
    let m = similarity(worked_rows(), options(&[("measure", "cosine".into()), ("scale", scale.into())])).unwrap();
    let v = cell(&m, 0, 1);
    assert!((v - 35.0 / (51.0f64 * 71.0).sqrt()).abs() < 1e-12, "{v}");
    let ids: Array = get(&m, "ids").dyn_into().unwrap();
    assert_eq!(ids.get(0).as_string().unwrap(), "u1");
    let support: Array = get(&m, "support").dyn_into().unwrap();
    let row: Array = support.get(0).dyn_into().unwrap();
    assert_eq!(row.get(1).as_f64().unwrap(), 5.0);
}

#[wasm_bindgen_test]
fn similarity_from_text_and_objects_agree() {
    let text = JsValue::from_str("user,item,rating\na,x,4\na,y,2\nb,x,5\nb,y,1\nc,x,1\n");
    let m1 = similarity(text, options(&[("measure", "pearson".into())])).unwrap();
    let rows = Array::new();
    for (u, i, r) in [("a", "x", 4.0), ("a", "y", 2.0), ("b", "x", 5.0), ("b", "y", 1.0), ("c", "x", 1.0)] {
        let o = options(&[("user", u.into()), ("item", i.into()), ("rating", r.into())]);
        rows.push(&o);
    }
    let m2 = similarity(rows.into(), options(&[("measure", "pearson".into())])).unwrap();
    assert_eq!(cell(&m1, 0, 1), cell(&m2, 0, 1));
    assert!((cell(&m1, 0, 1) - 1.0).abs() < 1e-12);
}

#[wasm_bindgen_test]
fn bad_input_becomes_a_javascript_error_with_line_and_column() {
    let e = similarity(JsValue::from_str("a,x,4\nb,x,oops\n"), JsValue::UNDEFINED).unwrap_err();
    let msg = JsValue::from(e);
    let text = get(&msg, "message").as_string().unwrap();
    assert_eq!(text, "line 2, column 3: rating 'oops' is not a number");
    let e = similarity(JsValue::from_f64(3.0), JsValue::UNDEFINED).unwrap_err();
    assert!(get(&JsValue::from(e), "message").as_string().unwrap().contains("ratings must be"));
    let e = similarity(worked_rows(), options(&[("measure", "nope".into())])).unwrap_err();
    assert!(get(&JsValue::from(e), "message").as_string().unwrap().contains("unknown measure"));
}

#[wasm_bindgen_test]
fn discounts_as_in_the_article_give_0_42() {
    let text = JsValue::from_str("1,101,5\n1,102,3\n1,103,1\n2,201,5\n2,202,2\n2,203,4\n");
    let scale = Array::of2(&JsValue::from_f64(0.0), &JsValue::from_f64(5.0));
    let rows =
        discounts(text, options(&[("asInArticle", true.into()), ("scale", scale.into()), ("lang", "zh".into())]))
            .unwrap();
    let rows: Array = rows.dyn_into().unwrap();
    assert_eq!(rows.length(), 2);
    let first = rows.get(0);
    let s = get(&first, "strength").as_f64().unwrap();
    assert!((s - 5.0 / 12.0).abs() < 1e-12);
    assert!(get(&first, "why").as_string().unwrap().contains("优惠"));
}

#[wasm_bindgen_test]
fn explain_returns_the_steps() {
    let scale = Array::of2(&JsValue::from_f64(0.0), &JsValue::from_f64(5.0));
    let e = explain(
        worked_rows(),
        options(&[("measure", "cosine".into()), ("zeroFill", true.into()), ("scale", scale.into())]),
        "u1",
        "u2",
    )
    .unwrap();
    let steps: Array = get(&e, "steps").dyn_into().unwrap();
    assert!(steps.length() >= 4);
    assert!((get(&e, "value").as_f64().unwrap() - 0.581_64).abs() < 1e-4);
}

#[wasm_bindgen_test]
fn neighbours_lists_positively_similar_rows() {
    let text = JsValue::from_str("a,x,5\na,y,1\nb,x,4\nb,y,2\nc,x,1\nc,y,5\n");
    let top: Array = neighbours(text, JsValue::UNDEFINED, "a", 5).unwrap().dyn_into().unwrap();
    assert_eq!(top.length(), 1);
    assert_eq!(get(&top.get(0), "id").as_string().unwrap(), "b");
}

fn shop_text() -> JsValue {
    let mut text = String::new();
    for u in 0..30 {
        for i in 0..12 {
            if (u * 7 + i * 3) % 4 != 0 {
                text.push_str(&format!("u{u},i{i},{}\n", 1 + (u + 2 * i) % 5));
            }
        }
    }
    JsValue::from_str(&text)
}

#[wasm_bindgen_test]
fn cross_validation_reports_progress_and_means() {
    let calls = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = calls.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_p: JsValue| seen.set(seen.get() + 1));
    let f: js_sys::Function = cb.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let run =
        cross_validate_js(shop_text(), options(&[("algo", "knn-means".into()), ("folds", 3.into())]), Some(f)).unwrap();
    assert_eq!(calls.get(), 3);
    assert_eq!(get(&run, "folds").as_f64().unwrap(), 3.0);
    let rmse = get(&run, "rmse").as_f64().unwrap();
    assert!(rmse > 0.0 && rmse < 4.0, "{rmse}");
    assert!(get(&run, "label").as_string().unwrap().starts_with("knn-means (user, msd"));
}

#[wasm_bindgen_test]
fn predict_explains_and_recommend_lists_unrated_items() {
    let p = predict(shop_text(), options(&[("algo", "baseline".into())]), "u1", "i3").unwrap();
    let est = get(&p, "est").as_f64().unwrap();
    assert!((1.0..=5.0).contains(&est));
    assert!(get(&p, "formula").as_string().unwrap().contains('='));
    // u0 rated every item but i0, i4 and i8: those three are what can be recommended.
    let recs: Array =
        recommend(shop_text(), options(&[("algo", "slope-one".into())]), "u0", 5).unwrap().dyn_into().unwrap();
    let mut items: Vec<String> = recs.iter().map(|r| get(&r, "item").as_string().unwrap()).collect();
    items.sort();
    assert_eq!(items, ["i0", "i4", "i8"]);
    let top: Array =
        recommend(shop_text(), options(&[("algo", "slope-one".into())]), "u0", 2).unwrap().dyn_into().unwrap();
    assert_eq!(top.length(), 2);
    let est = |r: JsValue| get(&r, "est").as_f64().unwrap();
    assert!(est(top.get(0)) >= est(top.get(1)), "best first");
    let e = predict(shop_text(), options(&[("algo", "nope".into())]), "u1", "i3").unwrap_err();
    assert!(get(&JsValue::from(e), "message").as_string().unwrap().contains("unknown algorithm"));
}

#[wasm_bindgen_test]
fn svdpp_nmf_and_coclustering_are_reachable_with_their_options() {
    for (algo, terms) in [("svdpp", "svdpp"), ("nmf", "nmf"), ("coclustering", "co_clustering")] {
        let o =
            options(&[("algo", algo.into()), ("factors", 4.into()), ("epochs", 5.into()), ("userClusters", 2.into())]);
        let p = predict(shop_text(), o, "u1", "i3").unwrap();
        assert_eq!(get(&get(&p, "terms"), "terms").as_string().unwrap(), terms);
        assert!((1.0..=5.0).contains(&get(&p, "est").as_f64().unwrap()), "{algo}");
    }
    let run = cross_validate_js(
        shop_text(),
        options(&[("algo", "coclustering".into()), ("itemClusters", 4.into()), ("folds", 2.into())]),
        None,
    )
    .unwrap();
    assert_eq!(get(&run, "label").as_string().unwrap(), "coclustering (3 × 4 clusters, 20 epochs)");
    let e = predict(shop_text(), options(&[("algo", "coclustering".into()), ("userClusters", 0.into())]), "u1", "i3");
    assert!(get(&JsValue::from(e.unwrap_err()), "message").as_string().unwrap().contains("n_cltr_u"));
}

#[wasm_bindgen_test]
async fn two_instances_mount_side_by_side() {
    let document = web_sys::window().unwrap().document().unwrap();
    let body = document.body().unwrap();
    let a = document.create_element("div").unwrap();
    let b = document.create_element("div").unwrap();
    body.append_child(&a).unwrap();
    body.append_child(&b).unwrap();
    let mut ha = mount(a.clone(), options(&[("view", "similarity".into()), ("sample", "worked".into())])).unwrap();
    let mut hb = mount(b.clone(), options(&[("view", "discounts".into()), ("lang", "zh".into())])).unwrap();
    // Let Yew render (the strategies first paint a note, then compute: wait for the table).
    for _ in 0..100 {
        if b.query_selector("#strategy-table").unwrap().is_some() {
            break;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    assert!(a.query_selector("canvas").unwrap().is_some(), "first instance shows the heatmap");
    assert!(b.query_selector("#strategy-table").unwrap().is_some(), "second instance shows the offers");
    assert!(b.text_content().unwrap().contains("优惠"), "second instance is in Chinese");
    assert!(a.query_selector("#strategy-table").unwrap().is_none());
    ha.destroy();
    hb.destroy();
}

fn shop_data() -> JsValue {
    options(&[("sample", "shop".into()), ("seed", JsValue::from_f64(7.0)), ("customers", JsValue::from_f64(60.0))])
}

#[wasm_bindgen_test]
fn every_strategy_runs_from_javascript_on_the_shop() {
    for s in ["seed-user", "seed-item", "segment", "elasticity", "propensity", "coupon"] {
        let r = discounts(shop_data(), options(&[("strategy", s.into()), ("budget", JsValue::from_f64(30.0))]))
            .unwrap_or_else(|_| panic!("{s} failed"));
        let offers: Array = get(&r, "offers").dyn_into().unwrap();
        assert_eq!(offers.length(), 60, "{s}");
        let totals = get(&r, "totals");
        assert!(get(&totals, "discountCost").as_f64().unwrap() <= 30.0 + 1e-9, "{s}");
        let first = offers.get(0);
        assert!(get(&first, "why").as_string().unwrap().len() > 5, "{s}");
        assert!(get(&r, "lambda").as_f64().is_some(), "{s}");
    }
}

#[wasm_bindgen_test]
fn strategy_errors_are_js_errors_with_the_reason() {
    let text = JsValue::from_str("a,x,4\na,y,2\nb,x,5\nb,y,1\nc,x,1\nd,y,3\n");
    let e = discounts(text, options(&[("strategy", "elasticity".into())])).unwrap_err();
    let e: JsValue = e.into();
    let msg = get(&e, "message").as_string().unwrap();
    assert!(msg.contains("purchase log"), "{msg}");
    let e: JsValue = discounts(shop_data(), options(&[("strategy", "cheapest".into())])).unwrap_err().into();
    assert!(get(&e, "message").as_string().unwrap().contains("unknown strategy"));
}

#[wasm_bindgen_test]
fn segments_from_javascript_match_the_native_engine() {
    use discount_lab::engine::data::samples::{shop, ShopParams};
    use discount_lab::engine::discount::features::user_features;
    use discount_lab::engine::discount::segments::{segment, SegmentParams};
    let s = segments(shop_data(), options(&[("k", JsValue::from_f64(3.0))])).unwrap();
    let labels: Array = get(&s, "labels").dyn_into().unwrap();
    let native = segment(
        &user_features(&shop(&ShopParams { seed: 7, customers: 60, ..ShopParams::default() })),
        &SegmentParams { k: 3, ..Default::default() }.check().unwrap(),
    )
    .unwrap();
    let from_js: Vec<usize> = labels.iter().map(|v| v.as_f64().unwrap() as usize).collect();
    assert_eq!(from_js, native.labels);
    assert!((get(&s, "inertia").as_f64().unwrap() - native.inertia).abs() < 1e-9);
}
