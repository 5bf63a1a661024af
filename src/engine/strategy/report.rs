//! What a strategy run reports: each user's offer and why, and the totals in money with
//! their ranges and where the incremental profit comes from.

use serde::{Deserialize, Serialize};

use super::basis::Basis;
use super::params::Strategy;
use crate::engine::discount::basket::Basket;
use crate::engine::discount::budget::Allocation;
use crate::engine::discount::fairness::Audit;
use crate::engine::discount::guardrails::Guard;
use crate::engine::discount::offer::Percent;
use crate::engine::discount::segments::Profile;

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

/// Who gained an offer and who lost one between two plans for the same users.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfferChanges {
    /// Users offered something now and nothing before.
    pub gained: Vec<String>,
    /// Users offered something before and nothing now.
    pub lost: Vec<String>,
}

impl StrategyReport {
    /// Whether each user (in user order) is offered anything.
    pub fn offered(&self) -> Vec<bool> {
        self.offers.iter().map(|o| o.percent_off.0 > 0.0).collect()
    }

    /// Who gained and who lost an offer since the plan whose [`StrategyReport::offered`] was
    /// `before`; `None` when `before` is about another number of users.
    pub fn changes_since(&self, before: &[bool]) -> Option<OfferChanges> {
        if before.len() != self.offers.len() {
            return None;
        }
        let mut changes = OfferChanges::default();
        for ((offer, now), was) in self.offers.iter().zip(self.offered()).zip(before) {
            match (now, *was) {
                (true, false) => changes.gained.push(offer.user.clone()),
                (false, true) => changes.lost.push(offer.user.clone()),
                _ => {}
            }
        }
        Some(changes)
    }
}
