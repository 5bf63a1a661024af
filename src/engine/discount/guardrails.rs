//! Guardrails every strategy's offer passes through: a maximum percentage off, a
//! margin floor (the price never goes below unit cost × (1 + minimum margin)), and a
//! per-user cap on the money given away per purchase.
//!
//! The offer becomes min(d, max, 1 − c(1 + m)/P0, cap/P0), never below 0; each limit
//! that bit is recorded so the "why" can say which one did.
//!
//! ```
//! use discount_lab::engine::discount::guardrails::{Guard, Guardrails};
//! use discount_lab::engine::discount::offer::Percent;
//! let g = Guardrails { max_discount: Percent(30.0), min_margin: Percent(10.0), per_user_cap: None }.check().unwrap();
//! // List 100, cost 80: the floor is 88, so at most 12% off.
//! let out = g.apply(0.25, 100.0, Some(80.0));
//! assert!((out.discount - 0.12).abs() < 1e-12);
//! assert_eq!(out.binding, vec![Guard::MarginFloor]);
//! ```

use serde::{Deserialize, Serialize};

use super::offer::{Percent, DEFAULT_MAX_DISCOUNT};
use crate::engine::error::EngineError;
use crate::engine::limits::{MAX_MIN_MARGIN, MAX_PERCENT_OFF};

/// The limits on every offer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Guardrails {
    /// Largest percentage off (default [`DEFAULT_MAX_DISCOUNT`], the articles' 25%).
    pub max_discount: Percent,
    /// Minimum margin over unit cost (default 10%): price ≥ cost × (1 + m).
    pub min_margin: Percent,
    /// Largest discount per purchase in money, if any.
    pub per_user_cap: Option<f64>,
}

impl Default for Guardrails {
    fn default() -> Self {
        Guardrails { max_discount: DEFAULT_MAX_DISCOUNT, min_margin: Percent(10.0), per_user_cap: None }
    }
}

/// Checked [`Guardrails`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidGuardrails(Guardrails);

impl std::ops::Deref for ValidGuardrails {
    type Target = Guardrails;
    fn deref(&self) -> &Guardrails {
        &self.0
    }
}

impl Guardrails {
    /// Checks 0 ≤ max ≤ 100, 0 ≤ min margin ≤ 1000, cap ≥ 0.
    pub fn check(self) -> Result<ValidGuardrails, EngineError> {
        if !(self.max_discount.0.is_finite() && (0.0..=MAX_PERCENT_OFF).contains(&self.max_discount.0)) {
            return Err(EngineError::param("max_discount", "must be between 0 and 100 percent"));
        }
        if !(self.min_margin.0.is_finite() && (0.0..=MAX_MIN_MARGIN).contains(&self.min_margin.0)) {
            return Err(EngineError::param("min_margin", "must be between 0 and 1000 percent"));
        }
        if let Some(cap) = self.per_user_cap {
            if !(cap.is_finite() && cap >= 0.0) {
                return Err(EngineError::param("per_user_cap", "must be a non-negative amount"));
            }
        }
        Ok(ValidGuardrails(self))
    }
}

/// A guardrail that lowered an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Guard {
    /// The maximum percentage off.
    MaxDiscount,
    /// The margin floor.
    MarginFloor,
    /// The per-user cap.
    PerUserCap,
}

/// An offer after the guardrails.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guarded {
    /// The discount allowed (fraction).
    pub discount: f64,
    /// The limits that lowered it, in the order checked.
    pub binding: Vec<Guard>,
}

impl ValidGuardrails {
    /// The largest discount these guardrails allow on list price `list` with unit cost `cost`.
    pub fn ceiling(&self, list: f64, cost: Option<f64>) -> f64 {
        self.apply(1.0, list, cost).discount
    }

    /// Applies the guardrails to discount `d` (a fraction) on list price `list` with unit cost `cost`.
    pub fn apply(&self, d: f64, list: f64, cost: Option<f64>) -> Guarded {
        let mut out = if d.is_finite() { d.max(0.0) } else { 0.0 };
        let mut binding = Vec::new();
        let mut limit = |value: f64, guard: Guard, out: &mut f64| {
            let value = value.max(0.0);
            if *out > value + 1e-12 {
                *out = value;
                binding.push(guard);
            }
        };
        limit(self.max_discount.fraction(), Guard::MaxDiscount, &mut out);
        if list > 0.0 {
            if let Some(c) = cost {
                limit(1.0 - c * (1.0 + self.min_margin.fraction()) / list, Guard::MarginFloor, &mut out);
            }
            if let Some(cap) = self.per_user_cap {
                limit(cap / list, Guard::PerUserCap, &mut out);
            }
        }
        Guarded { discount: out + 0.0, binding }
    }
}
