//! The source articles' numbers, worked by hand.

use approx::assert_abs_diff_eq;
use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
use discount_lab::engine::data::samples::{article_code_sample, worked_example};
use discount_lab::engine::discount::offer::{zhe_label, Percent};
use discount_lab::engine::discount::seed_item::{item_discounts, ItemDiscountParams, ItemOutcome};
use discount_lab::engine::discount::seed_user::{user_discounts, UserDiscountParams};
use discount_lab::engine::similarity::attributes::jaccard;
use discount_lab::engine::similarity::steps::{explain_pair, StepLabel};
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};

fn sim(r: &Ratings, measure: Measure, zero_fill: bool) -> f64 {
    let p = SimilarityParams::new(Kind::User, measure).zero_fill(zero_fill).check().unwrap();
    compute(r, None, &p).unwrap().get(0, 1)
}

#[test]
fn zero_filled_cosine_of_u1_u2_is_35_over_root_51_times_71() {
    let ex = worked_example();
    // u1 = [1,3,5,0,4], u2 = [5,2,4,5,1]: dot 5+6+20+0+4 = 35, |u1|² = 51, |u2|² = 25+4+16+25+1 = 71.
    let v = sim(&ex.ratings, Measure::Cosine, true);
    assert_abs_diff_eq!(v, 35.0 / (51.0f64 * 71.0).sqrt(), epsilon = 1e-12);
    assert_abs_diff_eq!(v, 0.58164, epsilon = 1e-5);
    // 0 is a real rating on the 0-5 scale, so the common-items cosine is the same here.
    assert_abs_diff_eq!(sim(&ex.ratings, Measure::Cosine, false), v, epsilon = 1e-12);
}

#[test]
fn zero_fill_differs_when_a_cell_is_really_unrated() {
    // The same vectors with u1's 0 left unrated: common-items cosine over i1,i2,i3,i5.
    let scale = Scale::new(0.0, 5.0).unwrap();
    let mut t: Vec<(&str, String, f64)> = Vec::new();
    for (k, r) in [1.0, 3.0, 5.0, 4.0].iter().enumerate() {
        t.push(("u1", ["i1", "i2", "i3", "i5"][k].to_string(), *r));
    }
    for (k, r) in [5.0, 2.0, 4.0, 5.0, 1.0].iter().enumerate() {
        t.push(("u2", format!("i{}", k + 1), *r));
    }
    let r = Ratings::from_triples(t, scale).unwrap();
    // common items: dot 35, norms 51 and 71 − 25 = 46.
    assert_abs_diff_eq!(sim(&r, Measure::Cosine, false), 35.0 / (51.0f64 * 46.0).sqrt(), epsilon = 1e-12);
    assert_abs_diff_eq!(sim(&r, Measure::Cosine, true), 35.0 / (51.0f64 * 71.0).sqrt(), epsilon = 1e-12);
}

#[test]
fn pearson_of_u1_u2_by_hand() {
    let ex = worked_example();
    // means 2.6 and 3.4; Σ dev products −9.2; Σ dev² 17.2 and 13.2.
    assert_abs_diff_eq!(sim(&ex.ratings, Measure::Pearson, false), -9.2 / (17.2f64 * 13.2).sqrt(), epsilon = 1e-12);
}

#[test]
fn msd_of_u1_u2_by_hand() {
    let ex = worked_example();
    // differences −4, 1, 1, −5, 3: squares sum 52, mean 10.4.
    assert_abs_diff_eq!(sim(&ex.ratings, Measure::Msd, false), 1.0 / 11.4, epsilon = 1e-12);
}

#[test]
fn explanation_shows_the_article_arithmetic() {
    let ex = worked_example();
    let p = SimilarityParams::new(Kind::User, Measure::Cosine).zero_fill(true).check().unwrap();
    let e = explain_pair(&ex.ratings, None, &p, 0, 1).unwrap();
    assert_eq!(e.rows.len(), 5);
    let by = |l: StepLabel| e.steps.iter().find(|s| s.label == l).unwrap().value;
    assert_eq!(by(StepLabel::SumProducts), 35.0);
    assert_eq!(by(StepLabel::NormA), 51.0);
    assert_eq!(by(StepLabel::NormB), 71.0);
    let raw = e.steps.iter().find(|s| s.label == StepLabel::Raw).unwrap();
    assert_eq!(raw.expression, "35 / √3621 = 35 / 60.1747 = 0.5816");
}

#[test]
fn jaccard_of_i1_i2_is_three_quarters_and_discount_of_i1_is_a_quarter() {
    let ex = worked_example();
    assert_eq!(jaccard(&ex.items.items[0].attributes, &ex.items.items[1].attributes), 0.75);
    let d = item_discounts(&ex.items, &ItemDiscountParams::default().check().unwrap()).unwrap();
    assert_eq!(d[0].neighbours[0].id, "i2");
    assert_abs_diff_eq!(d[0].neighbours[0].similarity, 0.75);
    assert_eq!(d[0].m, Some(0.2));
    assert_abs_diff_eq!(d[0].discount.fraction(), 0.25, epsilon = 1e-12);
    assert_eq!(d[0].outcome, ItemOutcome::Formula);
    assert_eq!(zhe_label(d[0].discount), "7.5折");
    // i2's neighbour i1 has rates [0.2, 0.3, 0.4]: m = 0.2 as well.
    assert_abs_diff_eq!(d[1].discount.fraction(), 0.25, epsilon = 1e-12);
}

#[test]
fn item_discount_saturates_when_m_is_half_or_more() {
    let mut ex = worked_example();
    ex.items.items[1].discount_rates = vec![0.6];
    let params = ItemDiscountParams { k: 3, ..Default::default() }.check().unwrap();
    let d = item_discounts(&ex.items, &params).unwrap();
    assert_eq!(d[0].outcome, ItemOutcome::Saturated);
    assert_eq!(d[0].discount, Percent(25.0));
}

#[test]
fn article_code_sample_gives_both_users_0_42_as_in_the_article() {
    let r = article_code_sample();
    let p = SimilarityParams::new(Kind::User, Measure::Cosine).check().unwrap();
    let s = compute(&r, None, &p).unwrap();
    let params = UserDiscountParams { as_in_article: true, ..Default::default() }.check().unwrap();
    let d = user_discounts(&r, &s, &params).unwrap();
    for u in &d {
        // pooled mean 20/6, r_min 1 (lowest in data), r_max 5: (5 − 10/3) / 4 = 5/12.
        assert_abs_diff_eq!(u.strength, 5.0 / 12.0, epsilon = 1e-12);
        assert_eq!(format!("{:.2}", u.strength), "0.42");
        assert_abs_diff_eq!(u.percent_off.0, 25.0 * 5.0 / 12.0, epsilon = 1e-9);
    }
    // The default definition finds no similar user (no common items) and says so.
    let d = user_discounts(&r, &s, &UserDiscountParams::default().check().unwrap()).unwrap();
    assert!(d.iter().all(|u| u.fallback.is_some() && u.neighbours.is_empty()));
}

#[test]
fn default_user_discount_uses_neighbour_means() {
    // a and b share items; c shares with a only with opposite taste.
    let scale = Scale::new(1.0, 5.0).unwrap();
    let r = Ratings::from_triples(
        [
            ("a", "x", 5.0),
            ("a", "y", 1.0),
            ("b", "x", 4.0),
            ("b", "y", 2.0),
            ("b", "z", 3.0),
            ("c", "x", 1.0),
            ("c", "y", 5.0),
        ],
        scale,
    )
    .unwrap();
    let s = compute(&r, None, &SimilarityParams::new(Kind::User, Measure::Pearson).check().unwrap()).unwrap();
    let d = user_discounts(&r, &s, &UserDiscountParams { k: 5, ..Default::default() }.check().unwrap()).unwrap();
    // a's only positively similar user is b (mean 3): strength (5 − 3) / 4 = 0.5 → 12.5% off.
    assert_eq!(d[0].neighbours.len(), 1);
    assert_eq!(d[0].neighbours[0].id, "b");
    assert_abs_diff_eq!(d[0].strength, 0.5, epsilon = 1e-12);
    assert_abs_diff_eq!(d[0].percent_off.0, 12.5, epsilon = 1e-12);
}
