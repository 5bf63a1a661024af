//! `discounts`: the articles' user formula, or (with `strategy`) any strategy.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::input::{dataset, err, options, ratings, to_js};
use crate::engine::data::ratings::Kind;
use crate::engine::discount::offer::{zhe_label, OfferBounds, Percent};
use crate::engine::discount::seed_user::{user_discounts, UserDiscountParams};
use crate::engine::similarity::{compute, Measure, SimilarityParams};
use crate::options::strategy::StrategyOptions;
use crate::present::why::why_user;
use crate::present::Lang;

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
        return super::strategy::strategy_discounts(dataset(ratings_in, &o)?, &o, strategy);
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
