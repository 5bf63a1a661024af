//! `evaluate` (cross-validation), `gridSearch`, `predict` (with its explanation) and
//! `recommend`, with progress reported to a callback.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::input::{err, options, ratings, to_js, Options};
use crate::engine::data::parse::ParseOptions;
use crate::engine::data::ratings::Scale;
use crate::engine::evaluate::cross_validate::{cross_validate, Progress};
use crate::engine::evaluate::{grid_search, predefined_folds, CvRun, Fold};
use crate::engine::predict::{fit_explainable, Trainset};
use crate::options::algo::AlgoOptions;
use crate::options::evaluate::CvOptions;
use crate::present::labels::run_label;

fn now_ms() -> f64 {
    let performance = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok();
    let now = performance.as_ref().and_then(|p| js_sys::Reflect::get(p, &JsValue::from_str("now")).ok());
    match (performance, now.and_then(|f| f.dyn_into::<js_sys::Function>().ok())) {
        (Some(p), Some(f)) => f.call0(&p).ok().and_then(|v| v.as_f64()).unwrap_or_else(js_sys::Date::now),
        _ => js_sys::Date::now(),
    }
}

fn cv_options(value: JsValue) -> Result<CvOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(CvOptions::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| err(format!("options: {e}")))
}

/// The folds: predefined files when given, else a seeded k-fold split of `ratings`.
fn cv_folds(ratings_in: JsValue, o: &CvOptions) -> Result<Vec<Fold>, JsError> {
    let scale = o.scale.map(|(lo, hi)| Scale::new(lo, hi)).transpose().map_err(err)?;
    if let Some(files) = &o.fold_files {
        let pairs: Vec<(&[u8], &[u8])> = files.iter().map(|f| (f.train.as_bytes(), f.test.as_bytes())).collect();
        return predefined_folds(&pairs, &ParseOptions { scale, ..Default::default() }).map_err(err);
    }
    let r = ratings(ratings_in, &Options { scale: o.scale, ..Default::default() })?;
    o.kfold().map_err(err)?.split(&r).map_err(err)
}

/// Calls `onProgress({done, total})` if given; never cancels (the worker is terminated instead).
fn progress_to(on_progress: &Option<js_sys::Function>) -> impl FnMut(Progress<'_>) -> bool + '_ {
    move |p: Progress<'_>| {
        if let Some(f) = on_progress {
            let obj = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&obj, &"done".into(), &JsValue::from_f64(p.done as f64));
            let _ = js_sys::Reflect::set(&obj, &"total".into(), &JsValue::from_f64(p.total as f64));
            let _ = f.call1(&JsValue::NULL, &obj);
        }
        true
    }
}

/// Cross-validation of one algorithm: k-fold on `ratings` (seeded shuffle) or the
/// predefined `foldFiles`; RMSE, MAE, FCP, precision@k, recall@k, NDCG@k and times as
/// means over the folds. `onProgress({done, total})` is called after every fold.
#[wasm_bindgen(js_name = evaluate)]
pub fn cross_validate_js(
    ratings_in: JsValue,
    options_in: JsValue,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let o = cv_options(options_in)?;
    let spec = o.algo.check().map_err(err)?;
    let folds = cv_folds(ratings_in, &o)?;
    let report = cross_validate(&spec, &folds, &o.top_n().map_err(err)?, &now_ms, &mut progress_to(&on_progress))
        .map_err(err)?;
    to_js(&CvRun::of(run_label(&spec), report.report()))
}

/// Grid search: every combination of `grid` (`{k, measure, factors, epochs}` lists) over the
/// same folds; an array of runs (as `evaluate` returns), best mean RMSE first.
#[wasm_bindgen(js_name = gridSearch)]
pub fn grid_search_js(
    ratings_in: JsValue,
    options_in: JsValue,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let o = cv_options(options_in)?;
    let params = o.grid().map_err(err)?;
    let folds = cv_folds(ratings_in, &o)?;
    let outcome =
        grid_search(&params, &folds, &o.top_n().map_err(err)?, &now_ms, &mut progress_to(&on_progress)).map_err(err)?;
    let runs: Vec<CvRun> = outcome
        .report()
        .results
        .iter()
        .map(|r| {
            let mut a = o.algo.clone();
            a.k = r.point.k.or(a.k);
            a.measure = r.point.measure.or(a.measure);
            a.factors = r.point.factors.or(a.factors);
            a.epochs = r.point.epochs.or(a.epochs);
            let label = a.check().map(|spec| run_label(&spec)).unwrap_or_else(|_| a.algo.clone());
            CvRun::of(label, &r.report)
        })
        .collect();
    to_js(&runs)
}

fn algo_options(value: JsValue) -> Result<AlgoOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(AlgoOptions { algo: "svd".into(), ..Default::default() });
    }
    let mut o: AlgoOptions = serde_wasm_bindgen::from_value(value).map_err(|e| err(format!("options: {e}")))?;
    if o.algo.is_empty() {
        o.algo = "svd".into();
    }
    Ok(o)
}

/// Fits the algorithm of `options` (`{algo, k, minK, kind, measure, factors, epochs, userClusters,
/// itemClusters, seed, scale}`;
/// default SVD) on `ratings` and predicts `user`'s rating of `item`, with the explanation:
/// `{user, item, algorithm, est, raw, clipped, impossible, actual_k, global_mean, terms, formula}`.
#[wasm_bindgen]
pub fn predict(ratings_in: JsValue, options_in: JsValue, user: &str, item: &str) -> Result<JsValue, JsError> {
    let scale = options(options_in.clone())?.scale;
    let r = ratings(ratings_in, &Options { scale, ..Default::default() })?;
    let spec = algo_options(options_in)?.check().map_err(err)?;
    let train = Trainset::new(r);
    let model = fit_explainable(&spec, &train).map_err(err)?;
    to_js(&model.explain(&train, user, item))
}

/// The `n` items `user` has not rated with the highest predicted rating: an array of
/// `{item, est}` (options as for `predict`).
#[wasm_bindgen]
pub fn recommend(ratings_in: JsValue, options_in: JsValue, user: &str, n: usize) -> Result<JsValue, JsError> {
    let scale = options(options_in.clone())?.scale;
    let r = ratings(ratings_in, &Options { scale, ..Default::default() })?;
    let spec = algo_options(options_in)?.check().map_err(err)?;
    let train = Trainset::new(r);
    let model = spec.fit(&train).map_err(err)?;
    let recs = crate::engine::predict::recommend(model.as_ref(), &train, user, n).map_err(err)?;
    #[derive(Serialize)]
    struct Rec {
        item: String,
        est: f64,
    }
    to_js(&recs.into_iter().map(|p| Rec { item: p.item, est: p.est }).collect::<Vec<_>>())
}
