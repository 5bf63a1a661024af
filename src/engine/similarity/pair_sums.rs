//! The sums over a pair's common ratings that every measure is finished from.

use serde::{Deserialize, Serialize};

/// Sums over the common ratings of a pair, from which every measure is finished.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PairSums {
    /// Number of common ratings.
    pub n: f64,
    /// Σ x·y.
    pub sxy: f64,
    /// Σ x².
    pub sxx: f64,
    /// Σ y².
    pub syy: f64,
    /// Σ x.
    pub sx: f64,
    /// Σ y.
    pub sy: f64,
}

impl PairSums {
    /// Adds one pair of values.
    #[inline]
    pub(crate) fn add(&mut self, x: f64, y: f64) {
        self.n += 1.0;
        self.sxy += x * y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sx += x;
        self.sy += y;
    }
}

/// The `pearson_baseline` shrinkage factor (n − 1) / (n − 1 + shrinkage).
pub fn shrink_factor(n: f64, shrinkage: f64) -> f64 {
    let den = n - 1.0 + shrinkage;
    if den > 0.0 {
        (n - 1.0) / den
    } else {
        0.0
    }
}
