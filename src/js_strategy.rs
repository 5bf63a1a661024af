//! The JavaScript side of the strategies: `discounts(data, {strategy, ...})` and `segments`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::data::purchases::timestamp;
use crate::engine::data::samples::Dataset;
use crate::engine::discount::coupon::{Combine, Coupon, CouponRules, Scope};
use crate::engine::discount::fairness::Audit;
use crate::engine::discount::features::user_features;
use crate::engine::discount::guardrails::Guardrails;
use crate::engine::discount::offer::{zhe_label, Percent};
use crate::engine::discount::propensity::ResponseParams;
use crate::engine::discount::segments::{segment, Profile, SegmentModel, SegmentParams};
use crate::engine::similarity::Measure;
use crate::engine::strategy::{discounts as run, Basis, Strategy, StrategyParams, Totals};
use crate::js_api::{dataset, err, options, to_js, Options};
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

fn model(o: &Options) -> Result<SegmentModel, JsError> {
    match o.model.as_deref() {
        None | Some("kmeans") | Some("k-means") => Ok(SegmentModel::KMeans),
        Some("gmm") => Ok(SegmentModel::Gmm),
        Some(m) => Err(err(format!("model '{m}' should be 'kmeans' or 'gmm'"))),
    }
}

fn date(v: &Option<String>, end_of_day: bool) -> Result<Option<f64>, JsError> {
    v.as_deref()
        .map(|t| {
            timestamp(t)
                .map(|x| if end_of_day && !t.contains(['T', ' ']) { x + 86_399.0 } else { x })
                .ok_or_else(|| err(format!("'{t}' is not a date like 2026-06-30")))
        })
        .transpose()
}

fn coupons(o: &Options, data: &Dataset) -> Result<CouponRules, JsError> {
    let mut rules = CouponRules::default();
    if let Some(list) = &o.coupons {
        rules.coupons = list
            .iter()
            .map(|c| {
                let scope = match (&c.item, &c.category) {
                    (Some(i), _) => Scope::Item(i.clone()),
                    (None, Some(cat)) => Scope::Category(cat.clone()),
                    _ => Scope::SiteWide,
                };
                let (from, until) = (date(&c.from, false)?, date(&c.until, true)?);
                let valid = (from.is_some() || until.is_some()).then(|| (from.unwrap_or(-1e15), until.unwrap_or(1e15)));
                Ok(Coupon { percent: Percent(c.percent), max_amount: c.max_amount, scope, valid })
            })
            .collect::<Result<_, JsError>>()?;
    }
    if let Some(cap) = o.stack {
        rules.combine = Combine::Stacked { cap: Percent(cap) };
    }
    rules.at = date(&o.at, false)?.unwrap_or_else(|| data.purchases.latest());
    Ok(rules)
}

fn params(o: &Options, data: &Dataset) -> Result<StrategyParams, JsError> {
    let d = StrategyParams::default();
    let g = Guardrails::default();
    let strategy = o.strategy.as_deref().unwrap_or("").parse::<Strategy>().map_err(err)?;
    let seed = o.seed.unwrap_or(d.segments.seed);
    let by_neighbours = matches!(strategy, Strategy::SeedUser | Strategy::SeedItem);
    Ok(StrategyParams {
        strategy,
        guardrails: Guardrails {
            max_discount: Percent(o.max_discount.unwrap_or(g.max_discount.0)),
            min_margin: Percent(o.min_margin.unwrap_or(g.min_margin.0)),
            per_user_cap: o.cap,
        },
        budget: o.budget,
        segments: SegmentParams {
            k: if by_neighbours { d.segments.k } else { o.k.unwrap_or(d.segments.k) },
            model: model(o)?,
            seed,
            ..d.segments
        },
        segment_offers: o.segment_offers.clone(),
        neighbours: if strategy == Strategy::SeedUser { o.k.unwrap_or(d.neighbours) } else { d.neighbours },
        measure: match &o.measure {
            Some(m) => m.parse::<Measure>().map_err(err)?,
            None => d.measure,
        },
        item_neighbours: if strategy == Strategy::SeedItem {
            o.k.unwrap_or(d.item_neighbours)
        } else {
            d.item_neighbours
        },
        coupons: coupons(o, data)?,
        response: ResponseParams { c: if o.no_penalty { None } else { o.c.or(d.response.c) }, seed, ..d.response },
        budget_goal: o.budget_goal.unwrap_or_default(),
        user_formula: None,
    })
}

/// `discounts(data, {strategy, ...})`.
pub(crate) fn strategy_discounts(data: Dataset, o: &Options) -> Result<JsValue, JsError> {
    let valid = params(o, &data)?.check().map_err(err)?;
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
    let p = SegmentParams { k: o.k.unwrap_or(d.k), seed: o.seed.unwrap_or(d.seed), model: model(&o)?, ..d }
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
