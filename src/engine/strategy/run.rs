//! Every discount strategy behind one call: data + checked parameters → an offer per
//! user with the reasons for it, the same guardrails and the same budget for all.
//!
//! The strategies (names as the CLI and JS take them):
//! - `seed-user`: the articles' user formula — neighbours who rate low mark a
//!   price-sensitive customer ([`crate::engine::discount::seed_user`]).
//! - `seed-item`: the articles' item formula on the user's most frequent item ([`crate::engine::discount::seed_item`]).
//! - `segment`: one offer per segment ([`crate::engine::discount::segments`]), from a table or from the
//!   segment's elasticity through the markup rule.
//! - `elasticity`: the user's elasticity (shrunk toward the segment's) through the
//!   markup rule on the user's basket ([`crate::engine::discount::elasticity`], [`crate::engine::discount::markup`]).
//! - `propensity`: the offer maximising expected incremental profit under the
//!   purchase-probability model ([`crate::engine::discount::propensity`]).
//! - `coupon`: the shop's coupon rules on the user's basket ([`crate::engine::discount::coupon`]).
//!
//! Every proposal then passes the guardrails ([`crate::engine::discount::guardrails`]); with a budget,
//! [`crate::engine::discount::budget`] decides who keeps how much of it. The yardstick for every strategy
//! is the same purchase-probability model: expected conversion p(d), revenue
//! p·P(1 − d), margin p·(P(1 − d) − c), discount cost p·P·d, and incremental profit over
//! no offer. Under a budget each user may keep 0, ¼, ½, ¾ or all of their offer; the
//! allocation buys the most extra purchases, p(d) − p(0), for the money (without a
//! purchase log: the most percentage points, at cost P·d as if bought).
//!
//! ```
//! use discount_lab::engine::strategy::{discounts, Strategy, StrategyParams};
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 42, customers: 60, products: 20 });
//! let params = StrategyParams { strategy: Strategy::Elasticity, budget: Some(50.0), ..Default::default() };
//! let report = discounts(&data, &params.check().unwrap()).unwrap();
//! assert_eq!(report.offers.len(), 60);
//! assert!(report.totals.discount_cost.unwrap() <= 50.0 + 1e-9);
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::Kind;
use crate::engine::data::samples::Dataset;
use crate::engine::discount::basket::{baskets, Basket};
use crate::engine::discount::budget::{allocate, Allocation, OfferOption};
use crate::engine::discount::coupon::{CouponOutcome, CouponRules, ValidCouponRules};
use crate::engine::discount::elasticity::{fit as fit_elasticity, fit_ols, shrink, Estimate, NoEstimate, Shrunk};
use crate::engine::discount::fairness::{audit_all, Audit};
use crate::engine::discount::features::{user_features, UserFeatures};
use crate::engine::discount::guardrails::{Guard, Guardrails, ValidGuardrails};
use crate::engine::discount::markup::{markup, Markup};
use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::discount::propensity::{
    best_offer, fit_response, incremental_profit, ResponseModel, ResponseParams, ValidResponseParams,
};
use crate::engine::discount::seed_item::{item_discounts, ItemDiscountParams};
use crate::engine::discount::seed_user::{user_discounts, user_discounts_from_neighbours, UserDiscountParams};
use crate::engine::discount::segments::{segment, Profile, SegmentParams, Segmentation, ValidSegmentParams};
use crate::engine::error::{EngineError, Need};
use crate::engine::similarity::neighbours::{top_k_streaming, Neighbour, NeighbourFilter};
use crate::engine::similarity::{Measure, SimilarityMatrix, SimilarityParams};

/// A discount strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
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

    /// The strategy of a name.
    pub fn from_name(name: &str) -> Result<Strategy, EngineError> {
        Strategy::ALL.into_iter().find(|s| s.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Strategy::ALL.iter().map(|s| s.name()).collect();
            EngineError::param("strategy", format!("unknown strategy '{name}'; use one of {}", names.join(", ")))
        })
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
#[serde(rename_all = "snake_case")]
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

impl StrategyParams {
    /// What the proposals of strategy `s` depend on besides the data and the shared context
    /// (segments, purchase model): equal keys, equal proposals. Lets a caller recompute only
    /// the strategies a change affects (the user formula is the slow one).
    pub fn proposal_key(&self, s: Strategy) -> String {
        let g = &self.guardrails;
        match s {
            Strategy::SeedUser => format!("{g:?}|{}|{:?}|{:?}", self.neighbours, self.measure, self.user_formula),
            Strategy::SeedItem => format!("{g:?}|{}", self.item_neighbours),
            Strategy::Segment => format!("{g:?}|{:?}", self.segment_offers),
            Strategy::Elasticity | Strategy::Propensity => format!("{g:?}"),
            Strategy::Coupon => format!("{g:?}|{:?}", self.coupons),
        }
    }
}

/// Checked [`StrategyParams`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidStrategyParams {
    /// The parameters as given.
    pub params: StrategyParams,
    guardrails: ValidGuardrails,
    segments: ValidSegmentParams,
    coupons: ValidCouponRules,
    response: ValidResponseParams,
}

impl StrategyParams {
    /// Checks every part.
    pub fn check(self) -> Result<ValidStrategyParams, EngineError> {
        if self.budget.is_some_and(|b| !(b.is_finite() && b >= 0.0)) {
            return Err(EngineError::param("budget", "must be a non-negative amount"));
        }
        if let Some(offers) = &self.segment_offers {
            if offers.len() > 12 || offers.iter().any(|p| !(p.is_finite() && (0.0..=100.0).contains(p))) {
                return Err(EngineError::param("segment_offers", "one percentage (0-100) per segment, at most 12"));
            }
        }
        if !(1..=1000).contains(&self.neighbours) {
            return Err(EngineError::param("k", "neighbours must be between 1 and 1000"));
        }
        if !(1..=1000).contains(&self.item_neighbours) {
            return Err(EngineError::param("item_k", "similar items must be between 1 and 1000"));
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

/// Elasticities of the segments, the categories and the users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ElasticityTable {
    /// Per segment (index = segment).
    pub by_segment: Vec<Result<Estimate, NoEstimate>>,
    /// Per category of the item table, by name.
    pub by_category: Vec<(String, Result<Estimate, NoEstimate>)>,
    /// Per user, shrunk toward the segment; `None` when neither has an estimate.
    pub by_user: Vec<Option<Shrunk>>,
    /// For comparison, least squares of ln q on buyers only, per segment ([`fit_ols`]).
    pub ols_by_segment: Vec<Result<Estimate, NoEstimate>>,
    /// The same per category.
    pub ols_by_category: Vec<Result<Estimate, NoEstimate>>,
}

/// What every strategy run on one dataset shares: features, baskets, segments and the
/// fitted models. Each part that cannot be built records why.
#[derive(Debug, Clone)]
pub struct Context {
    /// Per-user features.
    pub features: UserFeatures,
    /// Per-user baskets.
    pub baskets: Vec<Option<Basket>>,
    /// The segmentation, or why there is none.
    pub segmentation: Result<Segmentation, EngineError>,
    /// The purchase-probability model, or why there is none.
    pub response: Result<ResponseModel, EngineError>,
    /// Elasticities, or why there are none.
    pub elasticity: Result<ElasticityTable, EngineError>,
}

/// Builds the shared context (segments, purchase model, elasticities) once.
pub fn prepare(data: &Dataset, params: &ValidStrategyParams) -> Context {
    let features = user_features(data);
    let baskets = baskets(data);
    let segmentation = segment(&features, &params.segments);
    let response = fit_response(data, &features, &params.response);
    // The missing purchase log is the first thing to say, before any segment problem.
    let elasticity = match &segmentation {
        _ if data.purchases.is_empty() => Err(EngineError::Needs(Need::PurchaseLogForElasticity)),
        Ok(s) => elasticities(data, s),
        Err(e) => Err(e.clone()),
    };
    Context { features, baskets, segmentation, response, elasticity }
}

fn elasticities(data: &Dataset, seg: &Segmentation) -> Result<ElasticityTable, EngineError> {
    if data.purchases.is_empty() {
        return Err(EngineError::Needs(Need::PurchaseLogForElasticity));
    }
    let index: std::collections::HashMap<&str, usize> =
        data.ratings.user_ids().iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    let rows: Vec<(usize, f64, f64, &str)> = data
        .purchases
        .rows
        .iter()
        .filter_map(|p| Some((*index.get(p.user.as_str())?, p.price_paid / p.list_price, p.units(), p.item.as_str())))
        .collect();
    let k = seg.profiles.len();
    let of_segment = |s: usize| rows.iter().filter(move |r| seg.labels[r.0] == s).map(|r| (r.1, r.2, r.0));
    let by_segment: Vec<Result<Estimate, NoEstimate>> = (0..k).map(|s| fit_elasticity(of_segment(s))).collect();
    let ols_by_segment = (0..k).map(|s| fit_ols(of_segment(s))).collect();
    let items = data.items.index();
    let mut categories: Vec<String> = data.items.items.iter().filter_map(|i| i.category.clone()).collect();
    categories.sort();
    categories.dedup();
    let items = &items;
    let of_category = |c: &str| {
        let c = c.to_string();
        rows.iter()
            .filter(move |r| items.get(r.3).and_then(|i| i.category.as_deref()) == Some(c.as_str()))
            .map(|r| (r.1, r.2, r.0))
    };
    let ols_by_category = categories.iter().map(|c| fit_ols(of_category(c))).collect();
    let by_category = categories.into_iter().map(|c| (c.clone(), fit_elasticity(of_category(&c)))).collect();
    let mut per_user: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); data.ratings.n_users()];
    for r in &rows {
        per_user[r.0].push((r.1, r.2, r.0));
    }
    let own: Vec<Option<Estimate>> = per_user.iter().map(|rows| fit_elasticity(rows.iter().copied()).ok()).collect();
    let group: Vec<Option<f64>> = by_segment.iter().map(|e| e.as_ref().ok().map(|e| e.elasticity)).collect();
    let by_user = shrink(&own, &seg.labels, &group);
    Ok(ElasticityTable { by_segment, by_category, by_user, ols_by_segment, ols_by_category })
}

/// What a proposal was based on, per strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase", tag = "kind")]
pub enum Basis {
    /// The user formula: neighbours, their mean, the strength.
    SeedUser {
        /// The neighbours used.
        neighbours: Vec<Neighbour>,
        /// r̄_K.
        neighbour_mean: f64,
        /// The strength.
        strength: f64,
        /// Set when no neighbour was positively similar.
        no_neighbours: bool,
    },
    /// The item formula on the user's basket item.
    SeedItem {
        /// The item.
        item: Option<String>,
        /// Its mean similar-item rate m.
        m: Option<f64>,
        /// Its offer before the guardrails (percent).
        item_offer: f64,
    },
    /// The segment's offer.
    Segment {
        /// From the table (true) or from the segment's elasticity (false).
        from_table: bool,
        /// The segment's elasticity estimate and markup verdict, when from elasticity.
        markup: Option<(Estimate, Markup)>,
    },
    /// The markup rule on the user's elasticity.
    Elasticity {
        /// The shrunk elasticity and its parts.
        elasticity: Shrunk,
        /// The segment's estimate.
        segment: Option<Estimate>,
        /// The verdict.
        markup: Markup,
    },
    /// The profit-maximising point of the user's purchase curve.
    Propensity {
        /// p(buy | d) at 1-point steps.
        curve: Vec<(f64, f64)>,
        /// Expected incremental profit at the chosen d.
        best_profit: f64,
        /// Whether unit costs were missing (revenue maximised instead).
        no_costs: bool,
    },
    /// The coupons that applied.
    Coupon {
        /// What they gave.
        outcome: CouponOutcome,
    },
    /// The strategy could not make an offer to this user.
    Unavailable {
        /// Why.
        reason: Unavailable,
    },
}

/// Why a strategy made no offer to a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unavailable {
    /// None of the user's items has a list price (item table or purchase log).
    NoListPrice,
    /// The user's item has no item-table row with discount rates.
    NoItemRates,
    /// Neither the user nor their segment has an elasticity estimate.
    NoElasticity,
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unavailable::NoListPrice => "no list price for the user's items",
            Unavailable::NoItemRates => "no item table row with discount rates for the user's item",
            Unavailable::NoElasticity => "no elasticity estimate for the user or their segment",
        })
    }
}

/// What the budget did to one user's offer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetNote {
    /// λ of the allocation.
    pub lambda: f64,
    /// The share of the proposed offer kept (0, 0.25, ..., 1).
    pub kept: f64,
}

/// One user's offer and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserOffer {
    /// User id.
    pub user: String,
    /// Final offer.
    pub percent_off: Percent,
    /// The strategy's proposal before guardrails.
    pub proposed: Percent,
    /// Segment index, when segments exist.
    pub segment: Option<usize>,
    /// p(buy | offer) under the purchase model.
    pub conversion: Option<f64>,
    /// Expected discount cost (p·P·d; P·d when there is no purchase model).
    pub expected_cost: Option<f64>,
    /// Expected incremental profit over no offer.
    pub expected_profit: Option<f64>,
    /// The basket the offer is priced on.
    pub basket: Option<Basket>,
    /// What the proposal was based on.
    pub basis: Basis,
    /// Guardrails that lowered the proposal.
    pub guards: Vec<Guard>,
    /// What the budget did, when there is one.
    pub budget: Option<BudgetNote>,
}

/// Totals over all users (sums of expectations; `None` without a purchase model).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Users.
    pub users: usize,
    /// Users with an offer above 0.
    pub offered: usize,
    /// Mean offer (percent) over all users.
    pub mean_offer: f64,
    /// Expected purchases Σ p(d).
    pub conversions: Option<f64>,
    /// Expected revenue Σ p·P(1 − d).
    pub revenue: Option<f64>,
    /// Expected margin Σ p·(P(1 − d) − c).
    pub margin: Option<f64>,
    /// Expected discount cost Σ p·P·d (Σ P·d without a purchase model).
    pub discount_cost: Option<f64>,
    /// Expected incremental profit over offering nothing.
    pub incremental_profit: Option<f64>,
    /// How far the outcomes may fall from these expectations, when there is a purchase model.
    pub spread: Option<Spread>,
    /// Where the incremental profit comes from, when there is a purchase model.
    pub breakdown: Option<ProfitBreakdown>,
}

/// The incremental profit taken apart: Σ p(d)(P(1 − d) − c) − p(0)(P − c) equals
/// Σ (p(d) − p(0))(P(1 − d) − c) − Σ p(0)·P·d, the margin of the purchases the offers add,
/// less the discount given to customers who would have bought without it. A strategy that
/// loses money against no offer does so because the second outweighs the first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ProfitBreakdown {
    /// Purchases the offers add, Σ p(d) − p(0).
    pub extra_purchases: f64,
    /// Margin of those purchases at the discounted price, Σ (p(d) − p(0))(P(1 − d) − c).
    pub extra_margin: f64,
    /// Discount that goes to customers who would have bought anyway, Σ p(0)·P·d.
    pub paid_to_buyers_anyway: f64,
}

impl ProfitBreakdown {
    /// The incremental profit it adds up to.
    pub fn incremental_profit(&self) -> f64 {
        self.extra_margin - self.paid_to_buyers_anyway
    }
}

/// Standard deviations of the totals over the randomness of who buys: each user buys
/// with probability p independently of the others, so Var(purchases) = Σ p(1 − p) and a
/// sum of per-user amounts a has Var = Σ p(1 − p)·a². The model is taken as exact (its
/// own estimation error is not included); ± 1.96 sd is a 95% range of outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    /// sd of the number of purchases.
    pub conversions: f64,
    /// sd of revenue.
    pub revenue: f64,
    /// sd of margin (and of incremental profit, the no-offer baseline being an expectation).
    pub margin: f64,
    /// sd of the discount cost.
    pub discount_cost: f64,
}

/// The result of one strategy run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrategyReport {
    /// The strategy.
    pub strategy: Strategy,
    /// One offer per user of the rating set, in user order.
    pub offers: Vec<UserOffer>,
    /// Segment names (index = segment), when segments exist.
    pub segment_names: Vec<String>,
    /// Segment profiles (index = segment), when segments exist.
    pub segments: Vec<Profile>,
    /// The budget allocation, when a budget was given.
    pub allocation: Option<Allocation>,
    /// Totals.
    pub totals: Totals,
    /// Fairness audits by segment and user attributes.
    pub fairness: Vec<Audit>,
}

/// One user's proposal before the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Proposed discount (fraction), before guardrails.
    pub raw: f64,
    /// After guardrails.
    pub guarded: f64,
    /// Binding guardrails.
    pub guards: Vec<Guard>,
    /// Its basis.
    pub basis: Basis,
}

/// The proposals of `params.strategy` for every user (before the budget).
pub fn propose(
    data: &Dataset,
    ctx: &Context,
    params: &ValidStrategyParams,
    sim: Option<&SimilarityMatrix>,
) -> Result<Vec<Proposal>, EngineError> {
    let n = data.ratings.n_users();
    let g = &params.guardrails;
    let max = g.max_discount.fraction();
    let unavailable = |reason: Unavailable| Basis::Unavailable { reason };
    let raw: Vec<(f64, Basis)> = match params.params.strategy {
        Strategy::SeedUser => {
            let formula = params.params.user_formula.unwrap_or(UserFormula {
                bounds: OfferBounds { min: Percent(0.0), max: g.max_discount },
                as_in_article: false,
            });
            let p = UserDiscountParams {
                k: params.params.neighbours,
                bounds: formula.bounds,
                as_in_article: formula.as_in_article,
            }
            .check()?;
            let rows = match sim {
                Some(s) if s.kind == Kind::User && s.measure == params.params.measure && s.len() == n => {
                    user_discounts(&data.ratings, s, &p)?
                }
                // Row by row: no n × n matrix, so any number of users fits in memory.
                _ => {
                    let sp = SimilarityParams::new(Kind::User, params.params.measure).check()?;
                    let filter = if p.as_in_article { NeighbourFilter::Any } else { NeighbourFilter::Similar };
                    let lists = top_k_streaming(&data.ratings, &sp, p.k, filter)?;
                    user_discounts_from_neighbours(&data.ratings, &lists, &p)?
                }
            };
            rows.into_iter()
                .map(|d| {
                    let basis = Basis::SeedUser {
                        no_neighbours: d.neighbours.is_empty(),
                        neighbours: d.neighbours,
                        neighbour_mean: d.neighbour_mean,
                        strength: d.strength,
                    };
                    (d.percent_off.fraction(), basis)
                })
                .collect()
        }
        Strategy::SeedItem => {
            let p = ItemDiscountParams {
                k: params.params.item_neighbours,
                bounds: OfferBounds { min: Percent(0.0), max: g.max_discount },
            }
            .check()?;
            let table = item_discounts(&data.items, &p)?;
            ctx.baskets
                .iter()
                .map(|b| {
                    let item = b.as_ref().and_then(|b| b.item.clone());
                    match item.as_deref().and_then(|i| table.iter().find(|d| d.item == i)) {
                        Some(d) => (d.discount.fraction(), Basis::SeedItem { item, m: d.m, item_offer: d.discount.0 }),
                        None => (0.0, unavailable(Unavailable::NoItemRates)),
                    }
                })
                .collect()
        }
        Strategy::Segment => {
            let seg = ctx.segmentation.as_ref().map_err(Clone::clone)?;
            let per_segment: Vec<(f64, Option<(Estimate, Markup)>)> = match &params.params.segment_offers {
                Some(table) => {
                    (0..seg.profiles.len()).map(|s| (table.get(s).copied().unwrap_or(0.0) / 100.0, None)).collect()
                }
                None => {
                    let el = ctx.elasticity.as_ref().map_err(Clone::clone)?;
                    (0..seg.profiles.len())
                        .map(|s| {
                            let members: Vec<&Basket> = (0..n)
                                .filter(|&u| seg.labels[u] == s)
                                .filter_map(|u| ctx.baskets[u].as_ref())
                                .collect();
                            let m = members.len().max(1) as f64;
                            let list = members.iter().map(|b| b.list_price).sum::<f64>() / m;
                            // The mean unit cost of the members whose cost is known.
                            let costs: Vec<f64> = members.iter().filter_map(|b| b.unit_cost).collect();
                            let cost = (!costs.is_empty()).then(|| costs.iter().sum::<f64>() / costs.len() as f64);
                            match el.by_segment.get(s) {
                                Some(Ok(e)) => {
                                    let verdict = markup(e.elasticity, list, cost);
                                    (verdict.discount(), Some((*e, verdict)))
                                }
                                _ => (0.0, None),
                            }
                        })
                        .collect()
                }
            };
            let from_table = params.params.segment_offers.is_some();
            (0..n)
                .map(|u| {
                    let (d, m) = per_segment.get(seg.labels[u]).cloned().unwrap_or((0.0, None));
                    (d, Basis::Segment { from_table, markup: m })
                })
                .collect()
        }
        Strategy::Elasticity => {
            let el = ctx.elasticity.as_ref().map_err(Clone::clone)?;
            let seg = ctx.segmentation.as_ref().map_err(Clone::clone)?;
            (0..n)
                .map(|u| match (&ctx.baskets[u], el.by_user.get(u).copied().flatten()) {
                    (Some(b), Some(e)) => {
                        let verdict = markup(e.elasticity, b.list_price, b.unit_cost);
                        let segment = el.by_segment.get(seg.labels[u]).and_then(|r| r.ok());
                        (verdict.discount(), Basis::Elasticity { elasticity: e, segment, markup: verdict })
                    }
                    (None, _) => (0.0, unavailable(Unavailable::NoListPrice)),
                    (Some(_), None) => (0.0, unavailable(Unavailable::NoElasticity)),
                })
                .collect()
        }
        Strategy::Propensity => {
            let model = ctx.response.as_ref().map_err(Clone::clone)?;
            (0..n)
                .map(|u| match &ctx.baskets[u] {
                    Some(b) => {
                        let ceiling = g.ceiling(b.list_price, b.unit_cost).min(max);
                        let curve = model.curve(u, b.list_price, b.category.as_deref(), ceiling);
                        let (d, best_profit) = best_offer(&curve, b.list_price, b.unit_cost.unwrap_or(0.0));
                        (d, Basis::Propensity { curve, best_profit, no_costs: b.unit_cost.is_none() })
                    }
                    None => (0.0, unavailable(Unavailable::NoListPrice)),
                })
                .collect()
        }
        Strategy::Coupon => ctx
            .baskets
            .iter()
            .map(|b| match b {
                Some(b) => {
                    let outcome = params.coupons.apply(b.list_price, b.item.as_deref(), b.category.as_deref());
                    (outcome.discount, Basis::Coupon { outcome })
                }
                None => (0.0, unavailable(Unavailable::NoListPrice)),
            })
            .collect(),
    };
    Ok(raw
        .into_iter()
        .zip(&ctx.baskets)
        .map(|((d, basis), b)| {
            let guarded = match b {
                Some(b) => g.apply(d, b.list_price, b.unit_cost),
                None => g.apply(d, 0.0, None),
            };
            Proposal { raw: d, guarded: guarded.discount, guards: guarded.binding, basis }
        })
        .collect())
}

/// Shares of the proposed offer a budget may keep.
pub const BUDGET_STEPS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

/// p(buy) of user `u` without an offer, when there are a basket and a purchase model.
fn base_conversion(ctx: &Context, u: usize) -> Option<f64> {
    let b = ctx.baskets.get(u)?.as_ref()?;
    Some(ctx.response.as_ref().ok()?.of_basket(u, b, 0.0))
}

/// Expected (conversion, cost, incremental profit) of offering `d` to user `u`, given
/// their conversion without an offer `p0` ([`base_conversion`]).
fn expect_from(ctx: &Context, u: usize, d: f64, p0: Option<f64>) -> (Option<f64>, Option<f64>, Option<f64>) {
    let Some(b) = ctx.baskets.get(u).and_then(|b| b.as_ref()) else { return (None, None, None) };
    match (&ctx.response, p0) {
        (Ok(m), Some(p0)) => {
            let p = m.of_basket(u, b, d);
            let cost = b.unit_cost.unwrap_or(0.0);
            (Some(p), Some(p * b.list_price * d), Some(incremental_profit(p, p0, d, b.list_price, cost)))
        }
        _ => (None, Some(b.list_price * d), None),
    }
}

/// Applies the budget to the proposals and totals everything up.
pub fn finish(
    data: &Dataset,
    ctx: &Context,
    params: &ValidStrategyParams,
    proposals: &[Proposal],
    budget: Option<f64>,
) -> StrategyReport {
    let n = proposals.len();
    let allocation = budget.map(|b| {
        let options: Vec<Vec<OfferOption>> = proposals
            .iter()
            .enumerate()
            .map(|(u, p)| {
                if p.guarded <= 0.0 {
                    return Vec::new();
                }
                let p0 = base_conversion(ctx, u);
                BUDGET_STEPS
                    .iter()
                    .map(|s| {
                        let d = p.guarded * s;
                        let (conv, cost, profit) = expect_from(ctx, u, d, p0);
                        // A tiny share of d breaks ties toward the larger offer where the value is flat.
                        let value = match (conv, profit, params.params.budget_goal) {
                            (Some(p_d), _, BudgetGoal::Purchases) => p_d - p0.unwrap_or(0.0) + 1e-9 * d,
                            (_, Some(v), BudgetGoal::Profit) => v + 1e-9 * d,
                            _ => d,
                        };
                        OfferOption { discount: d, value, cost: cost.unwrap_or(f64::INFINITY) }
                    })
                    .collect()
            })
            .collect();
        (allocate(&options, Some(b)), options)
    });
    let finals: Vec<f64> = (0..n)
        .map(|u| match &allocation {
            Some((a, options)) => a.choice[u].and_then(|k| options[u].get(k)).map_or(0.0, |o| o.discount),
            None => proposals[u].guarded,
        })
        .collect();
    let seg = ctx.segmentation.as_ref().ok();
    let mut totals = Totals { users: n, ..Default::default() };
    let mut sums = [0.0f64; 5];
    // Σ p(1 − p)·a² of purchases, revenue, margin and cost.
    let mut variances = [0.0f64; 4];
    let mut complete = ctx.response.is_ok();
    let mut cost_complete = true;
    let mut breakdown = ProfitBreakdown::default();
    let offers: Vec<UserOffer> = (0..n)
        .map(|u| {
            let d = finals[u];
            let p0 = base_conversion(ctx, u);
            let (conversion, expected_cost, expected_profit) = expect_from(ctx, u, d, p0);
            let b = ctx.baskets[u].clone();
            if let (Some(p), Some(p0), Some(b)) = (conversion, p0, &b) {
                let cost = b.unit_cost.unwrap_or(0.0);
                breakdown.extra_purchases += p - p0;
                breakdown.extra_margin += (p - p0) * (b.list_price * (1.0 - d) - cost);
                breakdown.paid_to_buyers_anyway += p0 * b.list_price * d;
                sums[0] += p;
                sums[1] += p * b.list_price * (1.0 - d);
                sums[2] += p * (b.list_price * (1.0 - d) - cost);
                sums[4] += expected_profit.unwrap_or(0.0);
                let v = p * (1.0 - p);
                let paid = b.list_price * (1.0 - d);
                for (slot, amount) in variances.iter_mut().zip([1.0, paid, paid - cost, b.list_price * d]) {
                    *slot += v * amount * amount;
                }
            } else {
                complete = false;
            }
            match expected_cost {
                Some(c) => sums[3] += c,
                None if d > 0.0 => cost_complete = false,
                None => {}
            }
            UserOffer {
                user: data.ratings.user_ids()[u].clone(),
                percent_off: Percent::from_fraction(d),
                proposed: Percent::from_fraction(proposals[u].raw),
                segment: seg.map(|s| s.labels[u]),
                conversion,
                expected_cost,
                expected_profit,
                basket: b,
                basis: proposals[u].basis.clone(),
                guards: proposals[u].guards.clone(),
                budget: allocation.as_ref().map(|(a, _)| BudgetNote {
                    lambda: a.lambda,
                    kept: a.choice[u].and_then(|k| BUDGET_STEPS.get(k)).copied().unwrap_or(0.0),
                }),
            }
        })
        .collect();
    totals.offered = finals.iter().filter(|&&d| d > 0.0).count();
    totals.mean_offer = if n == 0 { 0.0 } else { finals.iter().fold(0.0, |s, d| s + d) * 100.0 / n as f64 };
    if complete {
        totals.conversions = Some(sums[0]);
        totals.revenue = Some(sums[1]);
        totals.margin = Some(sums[2]);
        totals.incremental_profit = Some(sums[4]);
        let [conversions, revenue, margin, discount_cost] = variances.map(f64::sqrt);
        totals.spread = Some(Spread { conversions, revenue, margin, discount_cost });
        totals.breakdown = Some(breakdown);
    }
    if cost_complete {
        totals.discount_cost = Some(sums[3]);
    }
    let segment_names: Vec<String> =
        seg.map(|s| s.profiles.iter().map(|p| p.name.clone()).collect()).unwrap_or_default();
    // Grouped by segment number (two segments may share a name), labelled "number: name".
    let segment_of: Option<Vec<String>> = seg.map(|s| {
        s.labels.iter().map(|&l| format!("{l}: {}", segment_names.get(l).map_or("", String::as_str))).collect()
    });
    let pct: Vec<f64> = finals.iter().map(|d| d * 100.0).collect();
    let fairness = audit_all(data.ratings.user_ids(), &pct, segment_of.as_deref(), &data.users);
    StrategyReport {
        strategy: params.params.strategy,
        offers,
        segment_names,
        segments: seg.map(|s| s.profiles.clone()).unwrap_or_default(),
        allocation: allocation.map(|(a, _)| a),
        totals,
        fairness,
    }
}

/// Runs one strategy end to end (context, proposals, budget).
pub fn discounts(data: &Dataset, params: &ValidStrategyParams) -> Result<StrategyReport, EngineError> {
    let ctx = prepare(data, params);
    let proposals = propose(data, &ctx, params, None)?;
    Ok(finish(data, &ctx, params, &proposals, params.params.budget))
}

/// Every strategy's proposals, kept between calls so that a change of settings recomputes
/// only the strategies it affects ([`StrategyParams::proposal_key`]): switching strategy,
/// moving the budget or editing a coupon never redoes the user formula.
#[derive(Debug, Default)]
pub struct ProposalCache {
    entries: std::collections::HashMap<Strategy, (String, Result<Vec<Proposal>, EngineError>)>,
    recomputed: Vec<Strategy>,
}

impl ProposalCache {
    /// The proposals of every strategy, before the budget (`params.strategy` is ignored); a
    /// strategy that cannot run on this data gives its error instead. `context` must name
    /// the data and the shared context they are for: an entry made for another is recomputed.
    pub fn propose_all(
        &mut self,
        context: &str,
        data: &Dataset,
        ctx: &Context,
        params: &ValidStrategyParams,
        sim: Option<&SimilarityMatrix>,
    ) -> Vec<(Strategy, Result<Vec<Proposal>, EngineError>)> {
        self.recomputed.clear();
        Strategy::ALL
            .iter()
            .map(|&s| {
                let key = format!("{context}|{}", params.params.proposal_key(s));
                if let Some((_, r)) = self.entries.get(&s).filter(|(k, _)| *k == key) {
                    return (s, r.clone());
                }
                let mut p = params.clone();
                p.params.strategy = s;
                let r = propose(data, ctx, &p, sim);
                self.entries.insert(s, (key, r.clone()));
                self.recomputed.push(s);
                (s, r)
            })
            .collect()
    }

    /// The strategies the last [`ProposalCache::propose_all`] had to compute.
    pub fn recomputed(&self) -> &[Strategy] {
        &self.recomputed
    }
}

/// The report of each strategy from its proposals ([`ProposalCache::propose_all`]) under `budget`:
/// the comparison table of strategies on the same customers, in money. Moving the
/// budget only re-runs this step.
pub fn compare_proposals(
    data: &Dataset,
    ctx: &Context,
    params: &ValidStrategyParams,
    proposals: &[(Strategy, Result<Vec<Proposal>, EngineError>)],
    budget: Option<f64>,
) -> Vec<(Strategy, Result<StrategyReport, EngineError>)> {
    proposals
        .iter()
        .map(|(s, props)| {
            let mut p = params.clone();
            p.params.strategy = *s;
            (*s, props.as_ref().map(|props| finish(data, ctx, &p, props, budget)).map_err(Clone::clone))
        })
        .collect()
}
