//! The last step of every strategy: the budget decides who keeps how much of their proposal,
//! then every offer is priced under the purchase model and totalled up.
//!
//! The yardstick is the same for every strategy: expected conversion p(d), revenue
//! p·P(1 − d), margin p·(P(1 − d) − c), discount cost p·P·d, and incremental profit over no
//! offer. Under a budget each user may keep 0, ¼, ½, ¾ or all of their offer; the allocation
//! buys the most extra purchases, p(d) − p(0), for the money (or the most incremental profit;
//! without a purchase log, the most percentage points, at cost P·d as if bought).

use super::context::Context;
use super::params::{BudgetGoal, ValidStrategyParams};
use super::propose::{propose, Proposal};
use super::report::{BudgetNote, ProfitBreakdown, Spread, StrategyReport, Totals, UserOffer};
use crate::engine::data::samples::Dataset;
use crate::engine::discount::basket::Basket;
use crate::engine::discount::budget::{allocate, Allocation, OfferOption};
use crate::engine::discount::fairness::audit_all;
use crate::engine::discount::offer::Percent;
use crate::engine::discount::propensity::incremental_profit;
use crate::engine::error::EngineError;

/// Shares of the proposed offer a budget may keep.
pub const BUDGET_STEPS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

/// What an offer is expected to bring, under the purchase model when there is one.
#[derive(Debug, Clone, Copy, Default)]
struct Expected {
    /// p(buy | d).
    conversion: Option<f64>,
    /// p·P·d (P·d without a purchase model).
    cost: Option<f64>,
    /// p(d)(P(1 − d) − c) − p(0)(P − c).
    profit: Option<f64>,
}

/// p(buy) of user `u` without an offer, when there are a basket and a purchase model.
fn base_conversion(ctx: &Context, u: usize) -> Option<f64> {
    let b = ctx.baskets.get(u)?.as_ref()?;
    Some(ctx.response.as_ref().ok()?.of_basket(u, b, 0.0))
}

/// What offering `d` to user `u` is expected to bring, given their conversion without an
/// offer `p0` ([`base_conversion`]).
fn expect(ctx: &Context, u: usize, d: f64, p0: Option<f64>) -> Expected {
    let Some(b) = ctx.baskets.get(u).and_then(|b| b.as_ref()) else { return Expected::default() };
    match (&ctx.response, p0) {
        (Ok(m), Some(p0)) => {
            let p = m.of_basket(u, b, d);
            let cost = b.unit_cost.unwrap_or(0.0);
            Expected {
                conversion: Some(p),
                cost: Some(p * b.list_price * d),
                profit: Some(incremental_profit(p, p0, d, b.list_price, cost)),
            }
        }
        _ => Expected { cost: Some(b.list_price * d), ..Expected::default() },
    }
}

/// Each user's choices for the budget: shares of their guarded proposal, valued by the goal.
fn budget_options(ctx: &Context, goal: BudgetGoal, proposals: &[Proposal]) -> Vec<Vec<OfferOption>> {
    proposals
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
                    let e = expect(ctx, u, d, p0);
                    // A tiny share of d breaks ties toward the larger offer where the value is flat.
                    let value = match (e.conversion, e.profit, goal) {
                        (Some(p_d), _, BudgetGoal::Purchases) => p_d - p0.unwrap_or(0.0) + 1e-9 * d,
                        (_, Some(v), BudgetGoal::Profit) => v + 1e-9 * d,
                        _ => d,
                    };
                    OfferOption { discount: d, value, cost: e.cost.unwrap_or(f64::INFINITY) }
                })
                .collect()
        })
        .collect()
}

/// The running sums behind [`Totals`]: expectations, the variances of the outcomes
/// (Σ p(1 − p)·a² for an amount a per buyer) and the profit breakdown.
#[derive(Debug, Default)]
struct Running {
    conversions: f64,
    revenue: f64,
    margin: f64,
    discount_cost: f64,
    incremental_profit: f64,
    var_conversions: f64,
    var_revenue: f64,
    var_margin: f64,
    var_discount_cost: f64,
    breakdown: ProfitBreakdown,
    /// Every user had a basket and a purchase model.
    complete: bool,
    /// Every offer's cost is known.
    cost_complete: bool,
}

impl Running {
    fn new(with_model: bool) -> Running {
        Running { complete: with_model, cost_complete: true, ..Running::default() }
    }

    /// Adds one user offered `d`.
    fn add(&mut self, d: f64, basket: Option<&Basket>, p0: Option<f64>, e: Expected) {
        if let (Some(p), Some(p0), Some(b)) = (e.conversion, p0, basket) {
            let cost = b.unit_cost.unwrap_or(0.0);
            let paid = b.list_price * (1.0 - d);
            self.breakdown.extra_purchases += p - p0;
            self.breakdown.extra_margin += (p - p0) * (paid - cost);
            self.breakdown.paid_to_buyers_anyway += p0 * b.list_price * d;
            self.conversions += p;
            self.revenue += p * paid;
            self.margin += p * (paid - cost);
            self.incremental_profit += e.profit.unwrap_or(0.0);
            let v = p * (1.0 - p);
            self.var_conversions += v;
            self.var_revenue += v * paid * paid;
            self.var_margin += v * (paid - cost) * (paid - cost);
            self.var_discount_cost += v * (b.list_price * d) * (b.list_price * d);
        } else {
            self.complete = false;
        }
        match e.cost {
            Some(c) => self.discount_cost += c,
            None if d > 0.0 => self.cost_complete = false,
            None => {}
        }
    }

    /// The totals of `finals`, the offers made (fractions).
    fn totals(self, finals: &[f64]) -> Totals {
        let n = finals.len();
        let mut totals = Totals {
            users: n,
            offered: finals.iter().filter(|&&d| d > 0.0).count(),
            mean_offer: if n == 0 { 0.0 } else { finals.iter().fold(0.0, |s, d| s + d) * 100.0 / n as f64 },
            ..Totals::default()
        };
        if self.complete {
            totals.conversions = Some(self.conversions);
            totals.revenue = Some(self.revenue);
            totals.margin = Some(self.margin);
            totals.incremental_profit = Some(self.incremental_profit);
            totals.spread = Some(Spread {
                conversions: self.var_conversions.sqrt(),
                revenue: self.var_revenue.sqrt(),
                margin: self.var_margin.sqrt(),
                discount_cost: self.var_discount_cost.sqrt(),
            });
            totals.breakdown = Some(self.breakdown);
        }
        if self.cost_complete {
            totals.discount_cost = Some(self.discount_cost);
        }
        totals
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
    let allocation: Option<(Allocation, Vec<Vec<OfferOption>>)> = budget.map(|b| {
        let options = budget_options(ctx, params.params.budget_goal, proposals);
        (allocate(&options, Some(b)), options)
    });
    let finals: Vec<f64> = (0..proposals.len())
        .map(|u| match &allocation {
            Some((a, options)) => a.choice[u].and_then(|k| options[u].get(k)).map_or(0.0, |o| o.discount),
            None => proposals[u].guarded,
        })
        .collect();
    let seg = ctx.segmentation.as_ref().ok();
    let mut running = Running::new(ctx.response.is_ok());
    let offers: Vec<UserOffer> = proposals
        .iter()
        .enumerate()
        .map(|(u, proposal)| {
            let d = finals[u];
            let p0 = base_conversion(ctx, u);
            let e = expect(ctx, u, d, p0);
            let basket = ctx.baskets[u].clone();
            running.add(d, basket.as_ref(), p0, e);
            UserOffer {
                user: data.ratings.user_ids()[u].clone(),
                percent_off: Percent::from_fraction(d),
                proposed: Percent::from_fraction(proposal.raw),
                segment: seg.map(|s| s.labels[u]),
                conversion: e.conversion,
                expected_cost: e.cost,
                expected_profit: e.profit,
                basket,
                basis: proposal.basis.clone(),
                guards: proposal.guards.clone(),
                budget: allocation.as_ref().map(|(a, _)| BudgetNote {
                    lambda: a.lambda,
                    kept: a.choice[u].and_then(|k| BUDGET_STEPS.get(k)).copied().unwrap_or(0.0),
                }),
            }
        })
        .collect();
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
        totals: running.totals(&finals),
        fairness,
    }
}

/// Runs one strategy end to end (context, proposals, budget).
pub fn discounts(data: &Dataset, params: &ValidStrategyParams) -> Result<StrategyReport, EngineError> {
    let ctx = super::context::prepare(data, params);
    let proposals = propose(data, &ctx, params, None)?;
    Ok(finish(data, &ctx, params, &proposals, params.params.budget))
}
