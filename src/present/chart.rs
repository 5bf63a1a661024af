//! Chart geometry: linear scales from data to pixels and round tick values, so every chart
//! labels its axes and no bar or line is drawn from an axis that does not start where it says.
//!
//! ```
//! use discount_lab::present::chart::{ticks, LinearScale};
//! let s = LinearScale::new((0.0, 2.0), (100.0, 0.0));
//! assert_eq!(s.at(0.5), 75.0);
//! assert_eq!(ticks(0.27, 0.37, 5), vec![0.28, 0.3, 0.32, 0.34, 0.36]);
//! assert_eq!(ticks(0.0, 1500.0, 3), vec![0.0, 500.0, 1000.0, 1500.0]);
//! ```

/// A linear map from a data range onto a pixel range (either may run backwards, as the y axis does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl LinearScale {
    /// Maps `domain` onto `range`; an empty domain is widened so that nothing divides by zero.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        let (lo, hi) = domain;
        let domain = if hi - lo > 1e-12 { domain } else { (lo - 0.5, lo + 0.5) };
        LinearScale { domain, range }
    }

    /// The pixel position of `v`.
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// About `n` round values (steps of 1, 2 or 5 times a power of ten) inside `[lo, hi]`.
pub fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || n == 0 {
        return vec![lo];
    }
    let raw = (hi - lo) / n as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // Rounded to the step's decimals, so 0.30000000000000004 reads 0.3.
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let round = |v: f64| (v * 10f64.powi(decimals)).round() / 10f64.powi(decimals);
    (first..=last).map(|k| round(k as f64 * step)).collect()
}

/// Lengths of bars for `values` drawn from zero, the longest `full` pixels long.
pub fn bar_lengths(values: &[f64], full: f64) -> Vec<f64> {
    let top = values.iter().copied().filter(|v| v.is_finite()).fold(0.0, f64::max);
    values.iter().map(|v| if top > 0.0 && v.is_finite() { full * v.max(0.0) / top } else { 0.0 }).collect()
}
