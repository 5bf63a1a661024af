//! What a strategy run is configured by: the strategy, its guardrails and budget, the
//! segmentation and purchase model, each formula's own settings; checked once.

use serde::{Deserialize, Serialize};

use crate::engine::data::samples::Dataset;
use crate::engine::discount::coupon::{CouponRules, ValidCouponRules};
use crate::engine::discount::guardrails::{Guardrails, ValidGuardrails};
use crate::engine::discount::offer::OfferBounds;
use crate::engine::discount::propensity::{ResponseParams, ValidResponseParams};
use crate::engine::discount::segments::{SegmentParams, ValidSegmentParams};
use crate::engine::error::EngineError;
use crate::engine::limits::{MAX_NEIGHBOURS, MAX_PERCENT_OFF, MAX_SEGMENTS};
use crate::engine::similarity::Measure;

/// A discount strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", try_from = "String")]
pub enum Strategy {
    /// The articles' user formula.
    #[default]
    SeedUser,
    /// The articles' item formula on the user's basket item.
    SeedItem,
    /// One offer per segment.
    Segment,
    /// Markup rule on the user's elasticity.
    Elasticity,
    /// Profit-maximising offer under the purchase-probability model.
    Propensity,
    /// Coupon rules.
    Coupon,
}

impl Strategy {
    /// Every strategy, in the order the articles introduce them.
    pub const ALL: [Strategy; 6] = [
        Strategy::SeedUser,
        Strategy::SeedItem,
        Strategy::Segment,
        Strategy::Elasticity,
        Strategy::Propensity,
        Strategy::Coupon,
    ];

    /// The name the CLI and JS use.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::SeedUser => "seed-user",
            Strategy::SeedItem => "seed-item",
            Strategy::Segment => "segment",
            Strategy::Elasticity => "elasticity",
            Strategy::Propensity => "propensity",
            Strategy::Coupon => "coupon",
        }
    }

    /// The strategy to look at first on `data`: with a purchase log, the purchase-probability
    /// strategy, which offers each customer the discount that maximises their expected
    /// incremental profit (so, by its own model, it never loses money against no offer);
    /// without one, the articles' user formula, which needs ratings only.
    pub fn first_to_show(data: &Dataset) -> Strategy {
        if data.purchases.is_empty() {
            Strategy::SeedUser
        } else {
            Strategy::Propensity
        }
    }
}

/// Everything a strategy run is configured by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyParams {
    /// The strategy.
    pub strategy: Strategy,
    /// Limits on every offer.
    pub guardrails: Guardrails,
    /// Total expected discount cost allowed; `None` for no budget.
    pub budget: Option<f64>,
    /// Segmentation (k, model, restarts, seed).
    pub segments: SegmentParams,
    /// Offer per segment (percent); `None` takes each segment's elasticity through the markup rule.
    pub segment_offers: Option<Vec<f64>>,
    /// Neighbours K of the user formula (default 5).
    pub neighbours: usize,
    /// Similarity measure of the user formula's neighbours (default pearson, as the app's).
    pub measure: Measure,
    /// Similar items K of the item formula (default 3).
    pub item_neighbours: usize,
    /// The coupon rules.
    pub coupons: CouponRules,
    /// The purchase-probability model.
    pub response: ResponseParams,
    /// What a budget buys the most of.
    pub budget_goal: BudgetGoal,
    /// The user formula's own clamp and mode, as the articles' step-by-step table sets them;
    /// `None`: clamped to [0, the guardrails' maximum], the default mode.
    pub user_formula: Option<UserFormula>,
}

/// The user formula's own settings (the guardrails still apply after them).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserFormula {
    /// Offers are clamped to these bounds.
    pub bounds: OfferBounds,
    /// The articles' code: the user among their own neighbours, pooled mean, r_min from the data.
    pub as_in_article: bool,
}

/// What the budget allocation maximises (with a purchase model; without one, percentage points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum BudgetGoal {
    /// Extra expected purchases, p(d) − p(0).
    #[default]
    Purchases,
    /// Expected incremental profit, p(d)(P(1 − d) − c) − p(0)(P − c): offers that lose money are dropped.
    Profit,
}

impl Default for StrategyParams {
    fn default() -> Self {
        StrategyParams {
            strategy: Strategy::SeedUser,
            guardrails: Guardrails::default(),
            budget: None,
            segments: SegmentParams::default(),
            segment_offers: None,
            neighbours: 5,
            measure: Measure::Pearson,
            item_neighbours: 3,
            coupons: CouponRules::default(),
            response: ResponseParams::default(),
            budget_goal: BudgetGoal::default(),
            user_formula: None,
        }
    }
}

/// Checked [`StrategyParams`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidStrategyParams {
    /// The parameters as given.
    pub params: StrategyParams,
    pub(super) guardrails: ValidGuardrails,
    pub(super) segments: ValidSegmentParams,
    pub(super) coupons: ValidCouponRules,
    pub(super) response: ValidResponseParams,
}

impl StrategyParams {
    /// Checks every part.
    pub fn check(self) -> Result<ValidStrategyParams, EngineError> {
        if self.budget.is_some_and(|b| !(b.is_finite() && b >= 0.0)) {
            return Err(EngineError::param("budget", "must be a non-negative amount"));
        }
        if let Some(offers) = &self.segment_offers {
            if offers.len() > MAX_SEGMENTS
                || offers.iter().any(|p| !(p.is_finite() && (0.0..=MAX_PERCENT_OFF).contains(p)))
            {
                return Err(EngineError::param(
                    "segment_offers",
                    format!("one percentage (0-{MAX_PERCENT_OFF}) per segment, at most {MAX_SEGMENTS}"),
                ));
            }
        }
        if !(1..=MAX_NEIGHBOURS).contains(&self.neighbours) {
            return Err(EngineError::param("k", format!("neighbours must be between 1 and {MAX_NEIGHBOURS}")));
        }
        if !(1..=MAX_NEIGHBOURS).contains(&self.item_neighbours) {
            return Err(EngineError::param("item_k", format!("similar items must be between 1 and {MAX_NEIGHBOURS}")));
        }
        Ok(ValidStrategyParams {
            guardrails: self.guardrails.check()?,
            segments: self.segments.check()?,
            coupons: self.coupons.clone().check()?,
            response: self.response.check()?,
            params: self,
        })
    }
}
