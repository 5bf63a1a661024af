//! The profit-maximising price under constant elasticity: the markup rule.
//!
//! With demand q ∝ P^ε and unit cost c, profit (P − c)·q peaks where
//! P* = c / (1 − 1/|ε|) — only when |ε| > 1. The discount from the list price P0 is
//! d* = max(0, 1 − P*/P0). When |ε| ≤ 1 demand is inelastic: every price rise raises
//! profit, there is no interior optimum, and no discount pays for itself. An estimate
//! of ε ≥ 0 (demand not falling as the price rises) is not a demand curve the rule
//! applies to, and without a unit cost there is no margin to optimise: both give no
//! discount, each with its own reason.
//!
//! ```
//! use discount_lab::engine::discount::markup::{markup, Markup};
//! // ε = −3, cost 40, list 100: P* = 40 / (1 − 1/3) = 60, so 40% off.
//! let m = markup(-3.0, 100.0, Some(40.0));
//! assert!(matches!(m, Markup::Interior { .. }));
//! assert!((m.discount() - 0.4).abs() < 1e-12);
//! assert_eq!(markup(-0.8, 100.0, Some(40.0)), Markup::Inelastic);
//! assert_eq!(markup(0.5, 100.0, Some(40.0)), Markup::NotDownward);
//! assert_eq!(markup(-3.0, 100.0, None), Markup::NoCost);
//! ```

use serde::{Deserialize, Serialize};

/// The markup rule's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase", tag = "kind")]
pub enum Markup {
    /// P* is below the list price: discount d* = 1 − P*/P0.
    Interior {
        /// The profit-maximising price P*.
        price: f64,
        /// d*.
        discount: f64,
    },
    /// P* is at or above the list price: no discount.
    AboveList {
        /// The profit-maximising price P*.
        price: f64,
    },
    /// −1 ≤ ε < 0: demand is inelastic, no interior optimum, no discount.
    Inelastic,
    /// ε ≥ 0 (or not a number): demand does not fall as the price rises, so the rule does not apply.
    NotDownward,
    /// The unit cost is unknown, so there is no margin to optimise.
    NoCost,
}

impl Markup {
    /// The discount it implies (a fraction).
    pub fn discount(self) -> f64 {
        match self {
            Markup::Interior { discount, .. } => discount,
            _ => 0.0,
        }
    }
}

/// Applies the markup rule for elasticity `elasticity`, list price `list` and unit cost `cost`.
pub fn markup(elasticity: f64, list: f64, cost: Option<f64>) -> Markup {
    let e = elasticity.abs();
    if !(elasticity < 0.0 && e.is_finite()) {
        return Markup::NotDownward;
    }
    if e <= 1.0 {
        return Markup::Inelastic;
    }
    let Some(cost) = cost else { return Markup::NoCost };
    let price = cost / (1.0 - 1.0 / e);
    if price < list {
        Markup::Interior { price, discount: 1.0 - price / list }
    } else {
        Markup::AboveList { price }
    }
}
