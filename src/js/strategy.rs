//! The JavaScript side of the strategies: `discounts(data, {strategy, ...})` and `segments`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::input::{dataset, err, options, to_js, Options};
use crate::engine::data::samples::Dataset;
use crate::engine::discount::fairness::Audit;
use crate::engine::discount::features::user_features;
use crate::engine::discount::offer::zhe_label;
use crate::engine::discount::segments::{segment, Profile, SegmentParams};
use crate::engine::strategy::{discounts as run, Basis, Strategy, Totals};
use crate::options::strategy::StrategyOptions;
use crate::present::why::{segment_names, why_offer};
use crate::present::Lang;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OfferOut {
    user: String,
    percent_off: f64,
    zhe: String,
    proposed: f64,
    expected_cost: Option<f64>,
    conversion: Option<f64>,
    expected_profit: Option<f64>,
    segment: Option<usize>,
    segment_name: Option<String>,
    why: String,
    basis: Basis,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StrategyOut {
    strategy: Strategy,
    offers: Vec<OfferOut>,
    totals: Totals,
    segment_names: Vec<String>,
    lambda: Option<f64>,
    fairness: Vec<Audit>,
}

/// `discounts(data, {strategy, ...})`: the strategy options are read from the same object
/// (`StrategyOptions`, the names the command line takes too).
pub(crate) fn strategy_discounts(data: Dataset, o: &Options, strategy: StrategyOptions) -> Result<JsValue, JsError> {
    let valid = strategy.check().map_err(err)?;
    let report = run(&data, &valid).map_err(err)?;
    let lang = o.lang.as_deref().map(Lang::from_code).unwrap_or_default();
    let names = segment_names(lang, &report.segments);
    let offers = report
        .offers
        .iter()
        .map(|u| OfferOut {
            user: u.user.clone(),
            percent_off: u.percent_off.0,
            zhe: zhe_label(u.percent_off),
            proposed: u.proposed.0,
            expected_cost: u.expected_cost,
            conversion: u.conversion,
            expected_profit: u.expected_profit,
            segment: u.segment,
            segment_name: u.segment.and_then(|s| names.get(s).cloned()),
            why: why_offer(lang, u, &names),
            basis: u.basis.clone(),
        })
        .collect();
    to_js(&StrategyOut {
        strategy: report.strategy,
        offers,
        totals: report.totals,
        segment_names: names.clone(),
        lambda: report.allocation.as_ref().map(|a| a.lambda),
        fairness: report.fairness.clone(),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SegmentsOut {
    users: Vec<String>,
    labels: Vec<usize>,
    profiles: Vec<Profile>,
    features: Vec<&'static str>,
    inertia: f64,
    silhouette: Option<f64>,
}

/// Customer segments: `{users, labels, profiles, features, inertia, silhouette}`.
/// Options: `k` (default 4), `seed`, `model` (`kmeans` or `gmm`), `purchases` (text).
#[wasm_bindgen]
pub fn segments(data_in: JsValue, options_in: JsValue) -> Result<JsValue, JsError> {
    let o = options(options_in)?;
    let data = dataset(data_in, &o)?;
    let d = SegmentParams::default();
    let p = SegmentParams {
        k: o.k.unwrap_or(d.k),
        seed: o.seed.unwrap_or(d.seed),
        model: o.model.unwrap_or_default(),
        ..d
    }
    .check()
    .map_err(err)?;
    let f = user_features(&data);
    let s = segment(&f, &p).map_err(err)?;
    to_js(&SegmentsOut {
        users: data.ratings.user_ids().to_vec(),
        labels: s.labels.clone(),
        features: s.features.iter().map(|f| f.name()).collect(),
        profiles: s.profiles,
        inertia: s.inertia,
        silhouette: s.silhouette,
    })
}
