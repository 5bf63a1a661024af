//! The JavaScript API: `similarity`, `neighbours`, `discounts` (the articles' formula, or any
//! strategy), `segments`, `explain`, `evaluate`, `gridSearch`, `predict`, `recommend`, `RatingSet`
//! and `mount`.
//!
//! Ratings are either text (any format the app reads) or an array of
//! `{user, item, rating}` objects or `[user, item, rating]` arrays; ids may be
//! strings or numbers. Options use camelCase names (`minSupport`, `zeroFill`...).
//! Errors are thrown as JavaScript `Error`s with the engine's message.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::data::parse::{parse_ratings, ParseOptions};
use crate::engine::data::ratings::{Kind, Ratings, Scale};
use crate::engine::data::samples::{shop, Dataset, ShopParams};
use crate::engine::data::text_input::Separator;
use crate::engine::discount::offer::{zhe_label, OfferBounds, Percent};
use crate::engine::discount::seed_user::{user_discounts, UserDiscountParams};
use crate::engine::discount::segments::SegmentModel;
use crate::engine::evaluate::cross_validate::{cross_validate, Progress};
use crate::engine::evaluate::{
    grid_search, predefined_folds, CvReport, CvSummary, Fold, KFold, TopNParams, ValidTopNParams,
};
use crate::engine::predict::{fit_explainable, AlgoSpec, Trainset};
use crate::engine::similarity::neighbours::{top_k, NeighbourFilter};
use crate::engine::similarity::steps::explain_pair;
use crate::engine::similarity::{compute, Measure, SimilarityParams};
pub use crate::js_strategy::segments;
use crate::options::algo::{AlgoOptions, GridParams};
use crate::options::strategy::StrategyOptions;
use crate::present::why::why_user;
use crate::present::Lang;

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(f64),
}

impl Id {
    fn into_string(self) -> String {
        match self {
            Id::Text(s) => s,
            Id::Number(n) => n.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Row {
    Object { user: Id, item: Id, rating: f64 },
    Tuple(Id, Id, f64),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RatingsInput {
    Text(String),
    Rows(Vec<Row>),
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Options {
    pub(crate) kind: Option<Kind>,
    pub(crate) measure: Option<Measure>,
    pub(crate) min_support: Option<usize>,
    pub(crate) shrinkage: Option<f64>,
    pub(crate) zero_fill: bool,
    pub(crate) scale: Option<(f64, f64)>,
    pub(crate) separator: Option<Separator>,
    pub(crate) header: Option<bool>,
    pub(crate) k: Option<usize>,
    pub(crate) max_discount: Option<f64>,
    pub(crate) min_discount: Option<f64>,
    pub(crate) as_in_article: bool,
    pub(crate) lang: Option<String>,
    /// Set for `discounts` with a strategy; its options are then read as `StrategyOptions`.
    pub(crate) strategy: Option<serde::de::IgnoredAny>,
    pub(crate) items: Option<String>,
    pub(crate) purchases: Option<String>,
    pub(crate) users: Option<String>,
    pub(crate) seed: Option<u64>,
    pub(crate) model: Option<SegmentModel>,
}

#[derive(Deserialize)]
struct SampleIn {
    sample: String,
    seed: Option<u64>,
    customers: Option<usize>,
    products: Option<usize>,
}

pub(crate) fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

pub(crate) fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| err(format!("options: {e}")))
}

fn ratings(value: JsValue, o: &Options) -> Result<Ratings, JsError> {
    let scale = o.scale.map(|(lo, hi)| Scale::new(lo, hi)).transpose().map_err(err)?;
    let input: RatingsInput = serde_wasm_bindgen::from_value(value).map_err(|_| {
        err("ratings must be text or an array of {user, item, rating} objects or [user, item, rating] arrays")
    })?;
    match input {
        RatingsInput::Text(text) => {
            let opts = ParseOptions { separator: o.separator, has_header: o.header, scale };
            parse_ratings(text.as_bytes(), &opts).map(|p| p.ratings).map_err(err)
        }
        RatingsInput::Rows(rows) => {
            let triples: Vec<(String, String, f64)> = rows
                .into_iter()
                .map(|r| match r {
                    Row::Object { user, item, rating } | Row::Tuple(user, item, rating) => {
                        (user.into_string(), item.into_string(), rating)
                    }
                })
                .collect();
            if let Some((k, t)) = triples.iter().enumerate().find(|(_, t)| !t.2.is_finite()) {
                return Err(err(format!("row {}: rating {} is not a finite number", k + 1, t.2)));
            }
            let scale = match scale {
                Some(s) => s,
                None => {
                    let lo = triples.iter().map(|t| t.2).fold(f64::INFINITY, f64::min);
                    let hi = triples.iter().map(|t| t.2).fold(f64::NEG_INFINITY, f64::max);
                    Scale::infer(lo, hi)
                }
            };
            Ratings::from_triples(triples, scale).map_err(err)
        }
    }
}

/// The dataset of `data` (ratings, or `{sample, seed, customers, products}`) plus the
/// item, purchase and user files in the options.
pub(crate) fn dataset(value: JsValue, o: &Options) -> Result<Dataset, JsError> {
    let mut data = match serde_wasm_bindgen::from_value::<SampleIn>(value.clone()) {
        Ok(s) if s.sample == "shop" => {
            let d = ShopParams::default();
            shop(
                &ShopParams {
                    seed: s.seed.unwrap_or(d.seed),
                    customers: s.customers.unwrap_or(d.customers),
                    products: s.products.unwrap_or(d.products),
                }
                .check()
                .map_err(err)?,
            )
        }
        Ok(s) => return Err(err(format!("unknown sample '{}'; use 'shop'", s.sample))),
        Err(_) => Dataset::of_ratings(ratings(value, o)?),
    };
    let located = |what: &str, e: crate::engine::error::ParseErrors| err(format!("{what}: {e}"));
    if let Some(t) = &o.items {
        let items = crate::engine::data::items::parse_items(t.as_bytes()).map_err(|e| located("items", e))?;
        data.items = items.for_ratings(&data.ratings).map_err(|e| err(format!("items: {e}")))?;
    }
    if let Some(t) = &o.purchases {
        data.purchases =
            crate::engine::data::purchases::parse_purchases(t.as_bytes()).map_err(|e| located("purchases", e))?;
    }
    if let Some(t) = &o.users {
        data.users = crate::engine::data::user_table::parse_users(t.as_bytes()).map_err(|e| located("users", e))?;
    }
    Ok(data)
}

fn similarity_params(o: &Options) -> Result<crate::engine::similarity::ValidSimilarityParams, JsError> {
    let mut p =
        SimilarityParams::new(o.kind.unwrap_or_default(), o.measure.unwrap_or(Measure::Pearson)).zero_fill(o.zero_fill);
    if let Some(n) = o.min_support {
        p = p.min_support(n);
    }
    if let Some(s) = o.shrinkage {
        p = p.shrinkage(s);
    }
    p.check().map_err(err)
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(err)
}

#[derive(Serialize)]
struct MatrixOut<'a> {
    kind: Kind,
    measure: &'a str,
    ids: &'a [String],
    values: Vec<Vec<f64>>,
    support: Vec<Vec<u32>>,
}

/// Similarity matrix: `{kind, measure, ids, values, support}` (rows in order of first appearance).
#[wasm_bindgen]
pub fn similarity(ratings_in: JsValue, options_in: JsValue) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let r = ratings(ratings_in, &o)?;
    let p = similarity_params(&o)?;
    let m = compute(&r, None, &p).map_err(err)?;
    to_js(&MatrixOut {
        kind: m.kind,
        measure: m.measure.name(),
        ids: &m.ids,
        values: m.values.rows().into_iter().map(|r| r.to_vec()).collect(),
        support: m.support.rows().into_iter().map(|r| r.to_vec()).collect(),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DiscountOut {
    user: String,
    neighbours: Vec<String>,
    neighbour_mean: f64,
    strength: f64,
    percent_off: f64,
    zhe: String,
    why: String,
}

/// Per-user discounts. Without `options.strategy`: the articles' user model, an array of
/// `{user, neighbours, neighbourMean, strength, percentOff, zhe, why}`. With a strategy
/// (`seed-user`, `seed-item`, `segment`, `elasticity`, `propensity`, `coupon`):
/// `{strategy, offers, totals, segmentNames, lambda, fairness}`; `data` may then also be
/// `{sample: "shop", seed}` and `options.items`, `options.purchases`, `options.users`
/// carry those files' text.
#[wasm_bindgen]
pub fn discounts(ratings_in: JsValue, options_in: JsValue) -> Result<JsValue, JsError> {
    let o = options(options_in.clone())?;
    if o.strategy.is_some() {
        let strategy: StrategyOptions =
            serde_wasm_bindgen::from_value(options_in).map_err(|e| err(format!("options: {e}")))?;
        return crate::js_strategy::strategy_discounts(dataset(ratings_in, &o)?, &o, strategy);
    }
    let r = ratings(ratings_in, &o)?;
    let measure = o.measure.unwrap_or(Measure::Pearson);
    let sim = compute(&r, None, &SimilarityParams::new(Kind::User, measure).check().map_err(err)?).map_err(err)?;
    let d = OfferBounds::default();
    let params = UserDiscountParams {
        k: o.k.unwrap_or(5),
        bounds: OfferBounds {
            min: Percent(o.min_discount.unwrap_or(d.min.0)),
            max: Percent(o.max_discount.unwrap_or(d.max.0)),
        },
        as_in_article: o.as_in_article,
    }
    .check()
    .map_err(err)?;
    let lang = o.lang.as_deref().map(Lang::from_code).unwrap_or_default();
    let rows = user_discounts(&r, &sim, &params).map_err(err)?;
    let out: Vec<DiscountOut> = rows
        .iter()
        .map(|u| DiscountOut {
            user: u.user.clone(),
            neighbours: u.neighbours.iter().map(|n| n.id.clone()).collect(),
            neighbour_mean: u.neighbour_mean,
            strength: u.strength,
            percent_off: u.percent_off.0,
            zhe: zhe_label(u.percent_off),
            why: why_user(lang, u, o.as_in_article),
        })
        .collect();
    to_js(&out)
}

/// The step-by-step computation of one pair's similarity (ids `a` and `b`).
#[wasm_bindgen]
pub fn explain(ratings_in: JsValue, options_in: JsValue, a: &str, b: &str) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let r = ratings(ratings_in, &o)?;
    let p = similarity_params(&o)?;
    let ids = r.ids(p.kind);
    let find = |id: &str| ids.iter().position(|x| x == id).ok_or_else(|| err(format!("unknown id '{id}'")));
    let e = explain_pair(&r, None, &p, find(a)?, find(b)?).map_err(err)?;
    to_js(&e)
}

/// The `k` users (or items) most similar to `id`: an array of `{index, id, similarity, support}`
/// (positive similarity over common ratings only, most similar first).
#[wasm_bindgen]
pub fn neighbours(ratings_in: JsValue, options_in: JsValue, id: &str, k: usize) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let r = ratings(ratings_in, &o)?;
    let p = similarity_params(&o)?;
    let row = r.ids(p.kind).iter().position(|x| x == id).ok_or_else(|| err(format!("unknown id '{id}'")))?;
    let m = compute(&r, None, &p).map_err(err)?;
    to_js(&top_k(&m, row, k, NeighbourFilter::Similar))
}

/// Options of `crossValidate`: the algorithm's (`algo`, `k`, `minK`, `kind`, `measure`,
/// `minSupport`, `shrinkage`, `factors`, `epochs`, `seed`) plus the folds and top-N settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CvOptions {
    /// The algorithm and its parameters.
    #[serde(flatten)]
    pub algo: AlgoOptions,
    /// Number of folds (5).
    pub folds: Option<usize>,
    /// Seed of the fold shuffle (0).
    pub split_seed: Option<u32>,
    /// k of precision@k, recall@k, NDCG@k (10).
    pub top_k: Option<usize>,
    /// Relevance threshold (4).
    pub threshold: Option<f64>,
    /// Rating scale; inferred when absent.
    pub scale: Option<(f64, f64)>,
    /// Predefined folds (MovieLens `u1.base`/`u1.test` texts) instead of k-fold on `ratings`.
    pub fold_files: Option<Vec<FoldText>>,
    /// Grid search: values to try (`gridSearch` only).
    pub grid: Option<GridValues>,
}

/// One predefined fold as texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoldText {
    /// The training file's text.
    pub train: String,
    /// The test file's text.
    pub test: String,
}

/// Values of a grid search; absent lists are not searched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GridValues {
    /// Values of k (k-NN).
    pub k: Option<Vec<usize>>,
    /// Similarity measures (k-NN).
    pub measure: Option<Vec<Measure>>,
    /// Numbers of factors (SVD).
    pub factors: Option<Vec<usize>>,
    /// Numbers of epochs (SVD).
    pub epochs: Option<Vec<usize>>,
}

impl Default for CvOptions {
    fn default() -> Self {
        CvOptions {
            algo: AlgoOptions { algo: "knn-means".into(), measure: Some(Measure::Pearson), ..Default::default() },
            folds: None,
            split_seed: None,
            top_k: None,
            threshold: None,
            scale: None,
            fold_files: None,
            grid: None,
        }
    }
}

/// One cross-validation run: its label, size and the means over the folds
/// (`rmse, mae, fcp, precision, recall, ndcg, fitMs, testMs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CvRun {
    /// The algorithm with its main parameters, e.g. "knn-means (user, pearson, k=40)".
    pub label: String,
    /// Number of folds.
    pub folds: usize,
    /// Test predictions over all folds.
    pub n_test: usize,
    /// Mean scores and times per fold.
    #[serde(flatten)]
    pub mean: CvSummary,
}

fn run_label(o: &AlgoOptions, spec: &AlgoSpec) -> String {
    match spec {
        AlgoSpec::Knn(p) => format!(
            "{} ({}, {}, k={})",
            spec.name(),
            if p.kind == Kind::User { "user" } else { "item" },
            p.measure.name(),
            p.k
        ),
        AlgoSpec::Svd(_) => format!("svd ({} factors, {} epochs)", o.factors.unwrap_or(100), o.epochs.unwrap_or(20)),
        _ => spec.name().to_string(),
    }
}

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
    KFold::new()
        .n_splits(o.folds.unwrap_or(5))
        .random_state(o.split_seed.unwrap_or(0))
        .check()
        .map_err(err)?
        .split(&r)
        .map_err(err)
}

fn top_n_params(o: &CvOptions) -> Result<ValidTopNParams, JsError> {
    TopNParams::new().k(o.top_k.unwrap_or(10)).threshold(o.threshold.unwrap_or(4.0)).check().map_err(err)
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

fn cv_run(label: String, report: &CvReport) -> CvRun {
    CvRun { label, folds: report.folds.len(), n_test: report.folds.iter().map(|f| f.n_test).sum(), mean: report.mean }
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
    let report =
        cross_validate(&spec, &folds, &top_n_params(&o)?, &now_ms, &mut progress_to(&on_progress)).map_err(err)?;
    to_js(&cv_run(run_label(&o.algo, &spec), report.report()))
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
    let g = o.grid.clone().unwrap_or_default();
    let params = GridParams { base: o.algo.clone(), k: g.k, measure: g.measure, factors: g.factors, epochs: g.epochs }
        .check()
        .map_err(err)?;
    let folds = cv_folds(ratings_in, &o)?;
    let outcome =
        grid_search(&params, &folds, &top_n_params(&o)?, &now_ms, &mut progress_to(&on_progress)).map_err(err)?;
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
            let label = a.check().map(|spec| run_label(&a, &spec)).unwrap_or_else(|_| a.algo.clone());
            cv_run(label, &r.report)
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

/// Fits the algorithm of `options` (`{algo, k, minK, kind, measure, factors, epochs, seed, scale}`;
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

/// A parsed rating set kept in WebAssembly memory, for repeated computations
/// without re-parsing (and a flat `Float64Array` for large matrices).
#[wasm_bindgen]
pub struct RatingSet {
    ratings: Ratings,
}

#[wasm_bindgen]
impl RatingSet {
    /// Parses ratings (text or rows, as for `similarity`); options may give `scale`, `separator`, `header`.
    #[wasm_bindgen(constructor)]
    pub fn new(ratings_in: JsValue, options_in: JsValue) -> Result<RatingSet, JsError> {
        let o = options(options_in)?;
        Ok(RatingSet { ratings: ratings(ratings_in, &o)? })
    }

    /// User ids in order of first appearance.
    #[wasm_bindgen(getter)]
    pub fn users(&self) -> Vec<String> {
        self.ratings.user_ids().to_vec()
    }

    /// Item ids in order of first appearance.
    #[wasm_bindgen(getter)]
    pub fn items(&self) -> Vec<String> {
        self.ratings.item_ids().to_vec()
    }

    /// Number of ratings.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.ratings.len()
    }

    /// The similarity matrix row-major in one `Float64Array` (n × n; ids from `users` or `items`).
    #[wasm_bindgen(js_name = similarityValues)]
    pub fn similarity_values(&self, options_in: JsValue) -> Result<Vec<f64>, JsError> {
        let o = options(options_in)?;
        let m = compute(&self.ratings, None, &similarity_params(&o)?).map_err(err)?;
        Ok(m.values.into_raw_vec_and_offset().0)
    }
}

#[cfg(feature = "ui")]
mod mount_api {
    use super::*;
    use crate::ui::{start, App, AppProps};

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct MountOptions {
        view: Option<String>,
        lang: Option<String>,
        sample: Option<String>,
        seed: Option<u64>,
        customers: Option<usize>,
        products: Option<usize>,
        page: bool,
    }

    /// A mounted app; call `destroy()` to remove it.
    #[wasm_bindgen]
    pub struct MountHandle {
        handle: Option<yew::AppHandle<App>>,
    }

    #[wasm_bindgen]
    impl MountHandle {
        /// Unmounts the app and frees it.
        pub fn destroy(&mut self) {
            if let Some(h) = self.handle.take() {
                h.destroy();
            }
        }
    }

    /// Renders the app into `element`. Options: `{view, lang, sample, seed, customers, products}`; several
    /// instances can live on one page, each with its own state.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, options_in: JsValue) -> Result<MountHandle, JsError> {
        let o: MountOptions = if options_in.is_undefined() || options_in.is_null() {
            MountOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options_in).map_err(|e| err(format!("options: {e}")))?
        };
        let props = AppProps {
            view: o.view,
            lang: o.lang,
            sample: o.sample,
            seed: o.seed,
            customers: o.customers,
            products: o.products,
            page: o.page,
        };
        Ok(MountHandle { handle: Some(start(Some(element), props)) })
    }
}

#[cfg(feature = "ui")]
pub use mount_api::{mount, MountHandle};
