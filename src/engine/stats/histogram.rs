//! Equal-width histograms, for the distribution of offers.
//!
//! ```
//! use discount_lab::engine::stats::histogram::histogram;
//! let h = histogram(&[0.0, 1.0, 2.0, 2.5], 0.0, 3.0, 3);
//! assert_eq!(h.counts, vec![1, 1, 2]);
//! ```

use serde::{Deserialize, Serialize};

/// Counts of values in equal-width bins over [lo, hi]; the last bin includes `hi`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Bin edges, `counts.len() + 1` of them.
    pub edges: Vec<f64>,
    /// Values per bin.
    pub counts: Vec<usize>,
}

/// Bins `values` into `bins` equal bins over [lo, hi] (values outside are clamped into the end bins).
pub fn histogram(values: &[f64], lo: f64, hi: f64, bins: usize) -> Histogram {
    let bins = bins.max(1);
    let width = if hi > lo { (hi - lo) / bins as f64 } else { 1.0 };
    let edges = (0..=bins).map(|k| lo + width * k as f64).collect();
    let mut counts = vec![0; bins];
    for &v in values.iter().filter(|v| v.is_finite()) {
        let k = ((v - lo) / width).floor();
        let k = if k < 0.0 { 0 } else { (k as usize).min(bins - 1) };
        counts[k] += 1;
    }
    Histogram { edges, counts }
}
