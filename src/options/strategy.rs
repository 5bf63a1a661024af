//! A strategy run as a person describes it — command-line flags or a JS object, the same
//! names — turned into [`StrategyParams`] by one set of rules: `k` is the neighbours K of the
//! two formulas and the number of segments of the others, one seed drives the segmentation
//! and the purchase model, C is the model's penalty (`noPenalty` for none), coupons by
//! [`CouponSpec`], and `at` is the day the offers are made (unset: the end of the purchase log).
//!
//! ```
//! use discount_lab::engine::strategy::Strategy;
//! use discount_lab::options::strategy::StrategyOptions;
//! let o = StrategyOptions { strategy: Some(Strategy::SeedUser), k: Some(7), ..Default::default() };
//! let p = o.params().unwrap();
//! assert_eq!((p.neighbours, p.segments.k), (7, 4));
//! ```

use serde::{Deserialize, Serialize};

use super::coupon::CouponSpec;
use super::names::Named;
use crate::engine::data::dates::timestamp;
use crate::engine::discount::coupon::{Combine, CouponRules};
use crate::engine::discount::guardrails::Guardrails;
use crate::engine::discount::offer::Percent;
use crate::engine::discount::segments::SegmentModel;
use crate::engine::error::EngineError;
use crate::engine::similarity::Measure;
use crate::engine::strategy::{BudgetGoal, Strategy, StrategyParams, ValidStrategyParams};

/// Everything a strategy run may be given; `None` (or absent) means the default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StrategyOptions {
    /// The strategy (required).
    pub strategy: Option<Strategy>,
    /// Neighbours K (seed-user, seed-item) or number of segments (the others).
    pub k: Option<usize>,
    /// Largest percentage off.
    pub max_discount: Option<f64>,
    /// Minimum margin over unit cost, percent.
    pub min_margin: Option<f64>,
    /// Largest amount off per purchase.
    pub cap: Option<f64>,
    /// Total expected discount cost allowed.
    pub budget: Option<f64>,
    /// What the budget buys the most of.
    pub budget_goal: Option<BudgetGoal>,
    /// Seed of the segmentation and the purchase model.
    pub seed: Option<u64>,
    /// Segmentation model.
    pub model: Option<SegmentModel>,
    /// One offer (percent) per segment.
    pub segment_offers: Option<Vec<f64>>,
    /// The purchase model's C.
    pub c: Option<f64>,
    /// No penalty on the purchase model (C = ∞).
    pub no_penalty: bool,
    /// The coupons.
    pub coupons: Option<Vec<CouponSpec>>,
    /// Stack the coupons, capped at this percentage (otherwise the best one counts).
    pub stack: Option<f64>,
    /// The day (or time) the offers are made.
    pub at: Option<String>,
    /// The user formula's similarity measure.
    pub measure: Option<Measure>,
}

impl StrategyOptions {
    /// The parameters these options describe (not yet checked: see [`StrategyOptions::check`]).
    pub fn params(&self) -> Result<StrategyParams, EngineError> {
        let d = StrategyParams::default();
        let g = Guardrails::default();
        let strategy = match self.strategy {
            Some(s) => s,
            None => Strategy::parse_name("")?,
        };
        let seed = self.seed.unwrap_or(d.segments.seed);
        let k_of = |s: Strategy, default: usize| if strategy == s { self.k.unwrap_or(default) } else { default };
        let by_neighbours = matches!(strategy, Strategy::SeedUser | Strategy::SeedItem);
        let mut coupons = CouponRules::default();
        if let Some(specs) = &self.coupons {
            coupons.coupons = specs.iter().map(CouponSpec::coupon).collect::<Result<_, _>>()?;
        }
        if let Some(cap) = self.stack {
            coupons.combine = Combine::Stacked { cap: Percent(cap) };
        }
        coupons.at = match &self.at {
            Some(t) => Some(
                timestamp(t.trim())
                    .ok_or_else(|| EngineError::param("at", format!("'{t}' is not a date like 2026-06-30")))?,
            ),
            None => None,
        };
        Ok(StrategyParams {
            strategy,
            guardrails: Guardrails {
                max_discount: Percent(self.max_discount.unwrap_or(g.max_discount.0)),
                min_margin: Percent(self.min_margin.unwrap_or(g.min_margin.0)),
                per_user_cap: self.cap,
            },
            budget: self.budget,
            segments: crate::engine::discount::segments::SegmentParams {
                k: if by_neighbours { d.segments.k } else { self.k.unwrap_or(d.segments.k) },
                model: self.model.unwrap_or_default(),
                seed,
                ..d.segments
            },
            segment_offers: self.segment_offers.clone(),
            neighbours: k_of(Strategy::SeedUser, d.neighbours),
            measure: self.measure.unwrap_or(d.measure),
            item_neighbours: k_of(Strategy::SeedItem, d.item_neighbours),
            coupons,
            response: crate::engine::discount::propensity::ResponseParams {
                c: if self.no_penalty { None } else { self.c.or(d.response.c) },
                seed,
                ..d.response
            },
            budget_goal: self.budget_goal.unwrap_or_default(),
            user_formula: None,
        })
    }

    /// The checked parameters.
    pub fn check(&self) -> Result<ValidStrategyParams, EngineError> {
        self.params()?.check()
    }
}
