//! Coupon rules: the offers a shop announces rather than computes.
//!
//! A coupon takes a percentage off, optionally capped at a fixed amount: its value on
//! a price P is min(amount, percentage × P), and the customer pays P − value. A coupon
//! is site-wide, or limited to one item or one category, and optionally valid only
//! between two times. When several apply, they combine by **best of** (the single
//! largest value) or **stacked** (the sum of their values, each on the list price,
//! capped at a percentage of the price).
//!
//! ```
//! use discount_lab::engine::discount::coupon::{Combine, Coupon, CouponRules, Scope, Window};
//! use discount_lab::engine::discount::offer::Percent;
//! let ten = Coupon { percent: Percent(10.0), max_amount: Some(5.0), scope: Scope::SiteWide, valid: Window::ALWAYS };
//! let books = Coupon { percent: Percent(20.0), max_amount: None, scope: Scope::Category("books".into()), valid: Window::ALWAYS };
//! let rules = CouponRules { coupons: vec![ten, books], combine: Combine::Stacked { cap: Percent(25.0) }, at: None };
//! let out = rules.check().unwrap().apply(80.0, None, Some("books"), 0.0);
//! // 10% of 80 = 8, capped at 5; plus 20% of 80 = 16; 21 of 80 is 26.25%, capped at 25% = 20.
//! assert!((out.value - 20.0).abs() < 1e-12);
//! assert!(out.capped);
//! ```

use serde::{Deserialize, Serialize};

use super::basket::Basket;
use super::offer::{Offered, Percent, Unavailable};
use crate::engine::error::EngineError;
use crate::engine::limits::MAX_PERCENT_OFF;

/// What a coupon applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Scope {
    /// Everything.
    SiteWide,
    /// One item id.
    Item(String),
    /// One category.
    Category(String),
}

/// When a coupon can be used: from and until two moments (Unix seconds, both included), either
/// side open when `None`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Window {
    /// The first moment, if any.
    pub from: Option<f64>,
    /// The last moment, if any.
    pub until: Option<f64>,
}

impl Window {
    /// Open on both sides.
    pub const ALWAYS: Window = Window { from: None, until: None };

    /// Whether `at` lies inside.
    pub fn contains(&self, at: f64) -> bool {
        self.from.is_none_or(|f| at >= f) && self.until.is_none_or(|u| at <= u)
    }

    /// Whether either side is set.
    pub fn is_limited(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// One coupon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coupon {
    /// Percentage off.
    pub percent: Percent,
    /// Largest amount off, if capped.
    pub max_amount: Option<f64>,
    /// What it applies to.
    pub scope: Scope,
    /// When it can be used.
    pub valid: Window,
}

impl Coupon {
    /// The coupon's value on price `price`: min(amount, percentage × price).
    pub fn value(&self, price: f64) -> f64 {
        let v = self.percent.fraction() * price;
        self.max_amount.map_or(v, |m| v.min(m))
    }
    /// Whether it applies to `item` in `category` at time `at`.
    pub fn applies(&self, item: Option<&str>, category: Option<&str>, at: f64) -> bool {
        let in_scope = match &self.scope {
            Scope::SiteWide => true,
            Scope::Item(id) => item == Some(id.as_str()),
            Scope::Category(c) => category == Some(c.as_str()),
        };
        in_scope && self.valid.contains(at)
    }
}

/// How several applicable coupons combine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Combine {
    /// Only the most valuable one counts.
    BestOf,
    /// Their values add up, capped at a percentage of the price.
    Stacked {
        /// The cap.
        cap: Percent,
    },
}

impl Combine {
    /// Stacking as it starts when a person first chooses it: capped at 25%.
    pub const FIRST_STACKED: Combine = Combine::Stacked { cap: Percent(25.0) };
}

/// The shop's coupons, how they combine, and the time they are evaluated at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CouponRules {
    /// The coupons.
    pub coupons: Vec<Coupon>,
    /// How they combine.
    pub combine: Combine,
    /// The moment offers are made (Unix seconds), for time-limited coupons; `None` is the end
    /// of the purchase log (the log's "now").
    pub at: Option<f64>,
}

impl CouponRules {
    /// The positions of the item coupons whose item `known` does not know (an empty id is
    /// one being typed, not unknown).
    pub fn unknown_items(&self, known: impl Fn(&str) -> bool) -> Vec<usize> {
        self.coupons
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(&c.scope, Scope::Item(id) if !id.is_empty() && !known(id)))
            .map(|(k, _)| k)
            .collect()
    }
}

impl Default for CouponRules {
    fn default() -> Self {
        CouponRules {
            coupons: vec![Coupon {
                percent: Percent(10.0),
                max_amount: None,
                scope: Scope::SiteWide,
                valid: Window::ALWAYS,
            }],
            combine: Combine::BestOf,
            at: None,
        }
    }
}

/// Checked [`CouponRules`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCouponRules(CouponRules);

impl std::ops::Deref for ValidCouponRules {
    type Target = CouponRules;
    fn deref(&self) -> &CouponRules {
        &self.0
    }
}

impl CouponRules {
    /// Checks percentages in 0..=100, amounts ≥ 0, from ≤ until, at most 100 coupons.
    pub fn check(self) -> Result<ValidCouponRules, EngineError> {
        let pct = |p: Percent| p.0.is_finite() && (0.0..=MAX_PERCENT_OFF).contains(&p.0);
        if self.coupons.len() > 100 {
            return Err(EngineError::param("coupons", "at most 100 coupons"));
        }
        for c in &self.coupons {
            if !pct(c.percent) {
                return Err(EngineError::param("coupon percent", "must be between 0 and 100"));
            }
            if c.max_amount.is_some_and(|m| !(m.is_finite() && m >= 0.0)) {
                return Err(EngineError::param("coupon amount", "must be a non-negative amount"));
            }
            let Window { from, until } = c.valid;
            if from.is_some_and(|t| !t.is_finite()) || until.is_some_and(|t| !t.is_finite()) {
                return Err(EngineError::param("coupon validity", "must be a time"));
            }
            if let (Some(a), Some(b)) = (from, until) {
                if a > b {
                    return Err(EngineError::param("coupon validity", "'from' must not be after 'until'"));
                }
            }
        }
        if let Combine::Stacked { cap } = self.combine {
            if !pct(cap) {
                return Err(EngineError::param("stack cap", "must be between 0 and 100 percent"));
            }
        }
        if self.at.is_some_and(|t| !t.is_finite()) {
            return Err(EngineError::param("at", "must be a time"));
        }
        Ok(ValidCouponRules(self))
    }
}

/// What the coupons give on one price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CouponOutcome {
    /// Total money off.
    pub value: f64,
    /// value / price.
    pub discount: f64,
    /// Indices of the coupons that counted.
    pub applied: Vec<usize>,
    /// Whether the stacking cap lowered the total.
    pub capped: bool,
}

impl ValidCouponRules {
    /// The coupons' combined value on `price` for `item` in `category`, at time `at`.
    pub fn apply(&self, price: f64, item: Option<&str>, category: Option<&str>, at: f64) -> CouponOutcome {
        let live: Vec<(usize, f64)> = self
            .coupons
            .iter()
            .enumerate()
            .filter(|(_, c)| c.applies(item, category, at))
            .map(|(k, c)| (k, c.value(price)))
            .collect();
        let (value, applied, capped) = match self.combine {
            Combine::BestOf => match live.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a }) {
                Some((k, v)) => (v, vec![k], false),
                None => (0.0, Vec::new(), false),
            },
            Combine::Stacked { cap } => {
                let sum: f64 = live.iter().fold(0.0, |s, l| s + l.1);
                let limit = cap.fraction() * price;
                (sum.min(limit), live.iter().map(|l| l.0).collect(), sum > limit + 1e-12)
            }
        };
        let discount = if price > 0.0 { (value / price).clamp(0.0, 1.0) } else { 0.0 };
        CouponOutcome { value, discount, applied, capped }
    }
}

/// The coupon rules for every user, on their basket, at `rules.at` (or `end_of_log` when unset).
pub fn propose(rules: &ValidCouponRules, baskets: &[Option<Basket>], end_of_log: f64) -> Vec<Offered<CouponOutcome>> {
    let at = rules.at.unwrap_or(end_of_log);
    baskets
        .iter()
        .map(|b| match b {
            Some(b) => {
                let outcome = rules.apply(b.list_price, b.item.as_deref(), b.category.as_deref(), at);
                (outcome.discount, Ok(outcome))
            }
            None => (0.0, Err(Unavailable::NoListPrice)),
        })
        .collect()
}
