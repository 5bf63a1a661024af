//! An offer: a percentage off, clamped to [min, max], and its Chinese reading.
//!
//! In China a discount is named by what the customer pays, in tenths: 20% off is
//! 8折 ("pay 80%"), 15% off is 8.5折.
//!
//! ```
//! use discount_lab::engine::discount::offer::{zhe, Percent};
//! assert_eq!(zhe(Percent(20.0)), Some(8.0));
//! assert_eq!(zhe(Percent(15.0)), Some(8.5));
//! assert_eq!(zhe(Percent(0.0)), None);
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::error::EngineError;
use crate::engine::limits::MAX_PERCENT_OFF;

/// The largest discount unless set otherwise, for every formula and strategy alike: the articles' 25%.
pub const DEFAULT_MAX_DISCOUNT: Percent = Percent(25.0);

/// A percentage, 0-100 (25.0 means 25%).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize, Default)]
pub struct Percent(pub f64);

impl Percent {
    /// As a fraction (25% → 0.25).
    pub fn fraction(self) -> f64 {
        self.0 / 100.0
    }
    /// From a fraction (0.25 → 25%).
    pub fn from_fraction(f: f64) -> Percent {
        // + 0.0 turns −0 (an empty f64 sum is −0) into 0, so no "-0%" is shown.
        Percent(f * 100.0 + 0.0)
    }
}

/// The range an offer is clamped to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OfferBounds {
    /// Smallest offer (default 0%).
    pub min: Percent,
    /// Largest offer (default 25%).
    pub max: Percent,
}

impl Default for OfferBounds {
    fn default() -> Self {
        OfferBounds { min: Percent(0.0), max: DEFAULT_MAX_DISCOUNT }
    }
}

impl OfferBounds {
    /// Checks 0 ≤ min ≤ max ≤ 100.
    pub fn check(self) -> Result<OfferBounds, EngineError> {
        let ok = |p: Percent| p.0.is_finite() && (0.0..=MAX_PERCENT_OFF).contains(&p.0);
        if !ok(self.max) {
            return Err(EngineError::param("max_discount", "must be between 0 and 100 percent"));
        }
        if !ok(self.min) || self.min > self.max {
            return Err(EngineError::param("min_discount", "must be between 0 percent and the maximum discount"));
        }
        Ok(self)
    }

    /// Clamps an offer into the bounds.
    pub fn clamp(self, p: Percent) -> Percent {
        Percent(p.0.clamp(self.min.0, self.max.0))
    }
}

/// The 折 number (tenths paid) of an offer, rounded to 0.1; `None` when nothing is off.
pub fn zhe(off: Percent) -> Option<f64> {
    let paid_tenths = (100.0 - off.0).round() / 10.0;
    if off.0 <= 0.0 || paid_tenths >= 10.0 {
        None
    } else {
        Some(paid_tenths)
    }
}

/// 折 as text: "8折", "8.5折", or "—" when nothing is off.
pub fn zhe_label(off: Percent) -> String {
    match zhe(off) {
        Some(z) if (z - z.round()).abs() < 1e-9 => format!("{}折", z.round() as i64),
        Some(z) => format!("{z:.1}折"),
        None => "—".to_string(),
    }
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

/// One user's proposed discount (a fraction) and what it is based on, or why there is none.
pub type Offered<B> = (f64, Result<B, Unavailable>);
