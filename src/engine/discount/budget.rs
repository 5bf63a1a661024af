//! Spending a total budget B on offers: Lagrangian relaxation with a greedy top-up.
//!
//! Each user has a few candidate offers (always including "nothing", worth 0 and
//! costing 0), each with an expected value and an expected cost. Maximising total
//! value with total cost ≤ B is a multiple-choice knapsack. Relaxing the budget with
//! a price λ per unit of cost splits it per user: each takes the option maximising
//! value − λ·cost. Spend falls as λ rises, so λ is found by bisection — the smallest
//! λ whose spend fits B (λ = 0 when everything fits). Because options are discrete,
//! that leaves some budget unspent; a greedy pass then upgrades users, best value per
//! extra cost first, while the upgrade still fits. Spend never exceeds B.
//!
//! ```
//! use discount_lab::engine::discount::budget::{allocate, OfferOption};
//! let opt = |value, cost| OfferOption { discount: 0.1, value, cost };
//! let users = vec![vec![opt(5.0, 4.0)], vec![opt(3.0, 4.0)], vec![opt(1.0, 4.0)]];
//! let a = allocate(&users, Some(8.0));
//! assert_eq!(a.choice, vec![Some(0), Some(0), None]);
//! assert!(a.spend <= 8.0);
//! ```

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

/// One candidate offer for one user (the "no offer" option is implicit).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OfferOption {
    /// The discount (fraction).
    pub discount: f64,
    /// Expected value of making it, relative to no offer.
    pub value: f64,
    /// Expected cost of making it (≥ 0).
    pub cost: f64,
}

/// The chosen option per user and the budget's shadow price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Index into the user's options, `None` for no offer.
    pub choice: Vec<Option<usize>>,
    /// λ: value a unit of budget must earn to be spent (0 when the budget does not bind).
    pub lambda: f64,
    /// Total expected cost of the chosen options.
    pub spend: f64,
    /// Total expected value of the chosen options.
    pub value: f64,
    /// Users upgraded by the greedy pass after the Lagrangian step.
    pub greedy_upgrades: usize,
}

fn pick(options: &[OfferOption], lambda: f64) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut best_score = 0.0;
    for (k, o) in options.iter().enumerate() {
        let score = o.value - lambda * o.cost;
        // Strictly better than what we have; on a tie keep the cheaper (earlier found) choice.
        if score > best_score + 1e-12 {
            best = Some(k);
            best_score = score;
        }
    }
    best
}

/// A candidate upgrade of one user's choice, ordered by value per extra cost.
struct Upgrade {
    ratio: f64,
    user: usize,
    option: usize,
}

impl PartialEq for Upgrade {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Upgrade {}
impl PartialOrd for Upgrade {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Upgrade {
    fn cmp(&self, other: &Self) -> Ordering {
        // Higher ratio first; on ties the lower user index first (deterministic).
        self.ratio.total_cmp(&other.ratio).then(other.user.cmp(&self.user)).then(other.option.cmp(&self.option))
    }
}

/// The upgrade of `current` with the best extra value per extra cost that fits in `room`.
fn best_upgrade(options: &[OfferOption], current: Option<usize>, user: usize, room: f64) -> Option<Upgrade> {
    let (cur_v, cur_c) = current.and_then(|k| options.get(k)).map_or((0.0, 0.0), |o| (o.value, o.cost));
    let mut best: Option<Upgrade> = None;
    for (k, o) in options.iter().enumerate() {
        let (dv, dc) = (o.value - cur_v, o.cost - cur_c);
        if dv <= 1e-12 || dv.is_nan() || dc > room {
            continue;
        }
        let ratio = if dc <= 0.0 { f64::INFINITY } else { dv / dc };
        if best.as_ref().is_none_or(|b| ratio > b.ratio) {
            best = Some(Upgrade { ratio, user, option: k });
        }
    }
    best
}

fn totals(options: &[Vec<OfferOption>], choice: &[Option<usize>]) -> (f64, f64) {
    choice.iter().zip(options).fold((0.0, 0.0), |(s, v), (c, o)| match c.and_then(|k| o.get(k)) {
        Some(o) => (s + o.cost, v + o.value),
        None => (s, v),
    })
}

/// Allocates a budget (`None`: unlimited) over `options[user]`. Options with a
/// non-finite or negative cost, or a non-finite value, are never chosen.
pub fn allocate(options: &[Vec<OfferOption>], budget: Option<f64>) -> Allocation {
    let clean: Vec<Vec<OfferOption>> = options
        .iter()
        .map(|o| {
            o.iter()
                .map(|x| {
                    if x.cost.is_finite() && x.cost >= 0.0 && x.value.is_finite() {
                        *x
                    } else {
                        OfferOption { value: f64::NEG_INFINITY, ..*x }
                    }
                })
                .collect()
        })
        .collect();
    let choose = |lambda: f64| -> Vec<Option<usize>> { clean.iter().map(|o| pick(o, lambda)).collect() };
    let budget = budget.filter(|b| b.is_finite()).map(|b| b.max(0.0));
    let mut choice = choose(0.0);
    let mut lambda = 0.0;
    if let Some(b) = budget {
        if totals(&clean, &choice).0 > b {
            // Above λ_hi no option has a positive score: spend is 0.
            let mut hi = clean
                .iter()
                .flatten()
                .filter(|o| o.cost > 0.0 && o.value > 0.0)
                .map(|o| o.value / o.cost)
                .fold(0.0, f64::max)
                * 2.0
                + 1.0;
            let mut lo = 0.0;
            // Spend at λ without building the choice (this runs for every budget move).
            let spend_at = |lambda: f64| -> f64 {
                clean.iter().map(|o| pick(o, lambda).and_then(|k| o.get(k)).map_or(0.0, |x| x.cost)).sum()
            };
            for _ in 0..100 {
                let mid = 0.5 * (lo + hi);
                if spend_at(mid) > b {
                    lo = mid;
                } else {
                    hi = mid;
                }
                // Nothing lies between two neighbouring floats.
                if hi - lo <= f64::EPSILON * hi {
                    break;
                }
            }
            lambda = hi;
            choice = choose(hi);
        }
    }
    let mut greedy_upgrades = 0;
    if let Some(b) = budget {
        let mut spend = totals(&clean, &choice).0;
        // Rounding in the running sum must never push the recomputed total over B.
        let slack = 1e-9 * b.max(1.0);
        // Each user's best upgrade that fits, best extra value per extra cost first; an entry
        // is re-derived when popped, since the remaining budget only shrinks.
        let mut heap: BinaryHeap<Upgrade> = BinaryHeap::new();
        for u in 0..clean.len() {
            if let Some(up) = best_upgrade(&clean[u], choice[u], u, b - spend - slack) {
                heap.push(up);
            }
        }
        while let Some(up) = heap.pop() {
            let u = up.user;
            let fresh = best_upgrade(&clean[u], choice[u], u, b - spend - slack);
            match fresh {
                Some(f) if f.option == up.option && f.ratio.total_cmp(&up.ratio).is_eq() => {
                    let cur_c = choice[u].and_then(|j| clean[u].get(j)).map_or(0.0, |o| o.cost);
                    spend += clean[u][f.option].cost - cur_c;
                    choice[u] = Some(f.option);
                    greedy_upgrades += 1;
                    if let Some(next) = best_upgrade(&clean[u], choice[u], u, b - spend - slack) {
                        heap.push(next);
                    }
                }
                Some(f) => heap.push(f),
                None => {}
            }
        }
    }
    let (spend, value) = totals(&clean, &choice);
    Allocation { choice, lambda, spend, value, greedy_upgrades }
}
