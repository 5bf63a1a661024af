//! Price elasticity from the purchase log: how much demand moves when price moves.
//!
//! The constant-elasticity (log-log) demand model is ln E\[q\] = α + ε·ln(P / P0):
//! a 1% lower price sells ε% more (ε < 0). It is fitted by Poisson pseudo-maximum
//! likelihood (Santos Silva & Tenreyro, "The Log of Gravity", 2006), the standard way
//! to estimate a log-log model when some quantities are 0 — the views without a
//! purchase, which ordinary least squares on ln q would have to drop, biasing ε.
//! Standard errors are the cluster-robust sandwich H⁻¹(Σ_g s_g s_gᵀ)H⁻¹·G/(G−1),
//! clustered by user (rows of one customer are not independent); the 95% interval is
//! ε ± 1.96·SE. Price enters relative to the list price, so items of very different
//! prices share one curve.
//!
//! Estimates come per group (segment or category); a user's own estimate is shrunk
//! toward their segment's by empirical Bayes: w = τ² / (τ² + SE_u²), ε_u =
//! w·ε̂_u + (1 − w)·ε_segment, where τ² is the spread of the users' estimates in that
//! segment beyond their sampling noise (method of moments, never below 0).
//!
//! ```
//! use discount_lab::engine::discount::elasticity::fit;
//! // Demand doubles when the price falls by half: ε = −1.
//! let rows = [(1.0, 1.0, 0), (0.5, 2.0, 1), (1.0, 1.0, 2), (0.5, 2.0, 3)];
//! let e = fit(rows.iter().copied()).unwrap();
//! assert!((e.elasticity + 1.0).abs() < 1e-9);
//! ```

use serde::{Deserialize, Serialize};

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// One elasticity estimate with its uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    /// ε, the slope of ln E\[q\] on ln(P / P0).
    pub elasticity: f64,
    /// Cluster-robust standard error of ε.
    pub se: f64,
    /// Lower end of the 95% interval.
    pub ci_low: f64,
    /// Upper end of the 95% interval.
    pub ci_high: f64,
    /// α: ln of the expected quantity at list price.
    pub intercept: f64,
    /// Rows used.
    pub rows: usize,
    /// Rows with a purchase.
    pub purchases: usize,
    /// Clusters (users) in the rows.
    pub clusters: usize,
}

impl Estimate {
    /// Expected units per row at price ratio `ratio` = P / P0.
    pub fn expected_quantity(&self, ratio: f64) -> f64 {
        (self.intercept + self.elasticity * ratio.ln()).exp()
    }
}

/// Why no estimate could be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoEstimate {
    /// No row has a purchase.
    NoPurchases,
    /// Every row has the same price ratio, so the slope is not identified.
    NoPriceVariation,
    /// The iterations did not settle (e.g. purchases only at one extreme price).
    NotConverged,
}

/// Fits ε on `(price ratio P/P0, quantity, cluster id)` rows; ratios ≤ 0 are skipped.
pub fn fit(rows: impl Iterator<Item = (f64, f64, usize)>) -> Result<Estimate, NoEstimate> {
    let data: Vec<(f64, f64, usize)> = rows.filter(|r| r.0 > 0.0 && r.0.is_finite() && r.1.is_finite()).collect();
    let bought = data.iter().filter(|r| r.1 > 0.0).count();
    if bought == 0 {
        return Err(NoEstimate::NoPurchases);
    }
    let xs: Vec<f64> = data.iter().map(|r| r.0.ln()).collect();
    let n = data.len() as f64;
    let x_mean = xs.iter().sum::<f64>() / n;
    let x_var = xs.iter().map(|x| (x - x_mean).powi(2)).sum::<f64>() / n;
    if x_var < 1e-12 {
        return Err(NoEstimate::NoPriceVariation);
    }
    // Centre x for a well-conditioned Newton iteration; the slope is unchanged.
    let y_mean = data.iter().map(|r| r.1).sum::<f64>() / n;
    let (mut a, mut b) = (y_mean.ln(), 0.0);
    let mut converged = false;
    for _ in 0..100 {
        let (mut g0, mut g1, mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (r, x) in data.iter().zip(&xs) {
            let xc = x - x_mean;
            let mu = (a + b * xc).exp();
            let e = r.1 - mu;
            g0 += e;
            g1 += e * xc;
            h00 += mu;
            h01 += mu * xc;
            h11 += mu * xc * xc;
        }
        let det = h00 * h11 - h01 * h01;
        if !(det.is_finite() && det > 0.0) {
            return Err(NoEstimate::NotConverged);
        }
        let da = (h11 * g0 - h01 * g1) / det;
        let db = (h00 * g1 - h01 * g0) / det;
        a += da;
        b += db;
        if !(a.is_finite() && b.is_finite()) || b.abs() > 50.0 {
            return Err(NoEstimate::NotConverged);
        }
        if da.abs() < 1e-12 && db.abs() < 1e-12 {
            converged = true;
            break;
        }
    }
    if !converged {
        return Err(NoEstimate::NotConverged);
    }
    let parts: Vec<SandwichRow> = data
        .iter()
        .zip(&xs)
        .map(|(r, x)| {
            let xc = x - x_mean;
            let mu = (a + b * xc).exp();
            SandwichRow { xc, weight: mu, residual: r.1 - mu, cluster: r.2 }
        })
        .collect();
    Ok(estimate(b, a - b * x_mean, &parts, bought))
}

/// Ordinary least squares of ln q on ln(P/P0) over the rows with a purchase — the
/// textbook log-log regression, for comparison: it has to drop the views without a
/// purchase (ln 0 is undefined), so with many zeros it is biased toward 0, which is why
/// [`fit`] uses Poisson pseudo-maximum likelihood. Same rows, clusters and standard errors.
pub fn fit_ols(rows: impl Iterator<Item = (f64, f64, usize)>) -> Result<Estimate, NoEstimate> {
    let data: Vec<(f64, f64, usize)> =
        rows.filter(|r| r.0 > 0.0 && r.0.is_finite() && r.1.is_finite() && r.1 > 0.0).collect();
    if data.is_empty() {
        return Err(NoEstimate::NoPurchases);
    }
    let n = data.len() as f64;
    let xs: Vec<f64> = data.iter().map(|r| r.0.ln()).collect();
    let ys: Vec<f64> = data.iter().map(|r| r.1.ln()).collect();
    let x_mean = xs.iter().sum::<f64>() / n;
    let y_mean = ys.iter().sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - x_mean).powi(2)).sum();
    if sxx / n < 1e-12 {
        return Err(NoEstimate::NoPriceVariation);
    }
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - x_mean) * (y - y_mean)).sum();
    let b = sxy / sxx;
    let parts: Vec<SandwichRow> = data
        .iter()
        .zip(xs.iter().zip(&ys))
        .map(|(r, (x, y))| {
            let xc = x - x_mean;
            SandwichRow { xc, weight: 1.0, residual: y - y_mean - b * xc, cluster: r.2 }
        })
        .collect();
    Ok(estimate(b, y_mean - b * x_mean, &parts, data.len()))
}

/// The estimate of slope `b` and `intercept` with its cluster-robust interval.
fn estimate(b: f64, intercept: f64, parts: &[SandwichRow], purchases: usize) -> Estimate {
    let (se, clusters) = sandwich_se(parts);
    Estimate {
        elasticity: b,
        se,
        ci_low: b - Z95 * se,
        ci_high: b + Z95 * se,
        intercept,
        rows: parts.len(),
        purchases,
        clusters,
    }
}

/// One row's part in the sandwich: centred regressor, Hessian weight, residual, cluster.
struct SandwichRow {
    xc: f64,
    weight: f64,
    residual: f64,
    cluster: usize,
}

/// Cluster-robust standard error of the slope of a two-parameter (intercept, slope)
/// M-estimator: bread H⁻¹ with H = Σ w (1, xc)ᵀ(1, xc), meat Σ over clusters of the summed
/// scores e·(1, xc), times G/(G − 1). With one cluster the rows are the clusters
/// (heteroskedasticity-robust). Returns (SE, number of clusters).
fn sandwich_se(rows: &[SandwichRow]) -> (f64, usize) {
    let (mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0);
    let mut scores: std::collections::BTreeMap<usize, (f64, f64)> = std::collections::BTreeMap::new();
    for r in rows {
        h00 += r.weight;
        h01 += r.weight * r.xc;
        h11 += r.weight * r.xc * r.xc;
        let s = scores.entry(r.cluster).or_default();
        s.0 += r.residual;
        s.1 += r.residual * r.xc;
    }
    let clusters = scores.len();
    let meat_scores: Vec<(f64, f64)> = if clusters >= 2 {
        scores.into_values().collect()
    } else {
        rows.iter().map(|r| (r.residual, r.residual * r.xc)).collect()
    };
    let g = meat_scores.len() as f64;
    let (mut m00, mut m01, mut m11) = (0.0, 0.0, 0.0);
    for (s0, s1) in &meat_scores {
        m00 += s0 * s0;
        m01 += s0 * s1;
        m11 += s1 * s1;
    }
    let det = h00 * h11 - h01 * h01;
    // Row 2 of H⁻¹ is (−h01, h00)/det; var(b) = row2 · M · row2ᵀ.
    let (i0, i1) = (-h01 / det, h00 / det);
    let var_b = (i0 * i0 * m00 + 2.0 * i0 * i1 * m01 + i1 * i1 * m11) * if g > 1.0 { g / (g - 1.0) } else { 1.0 };
    (var_b.max(0.0).sqrt(), clusters)
}

/// A user's elasticity after shrinking toward the segment's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shrunk {
    /// The value used.
    pub elasticity: f64,
    /// The user's own estimate, when one could be made.
    pub own: Option<Estimate>,
    /// Weight on the user's own estimate (0 = the segment's value).
    pub weight: f64,
}

/// Shrinks each user's own estimate toward `group` (their segment's ε) by empirical Bayes.
/// `own[u]` is user u's estimate, `segment[u]` their segment, `group[s]` segment s's ε
/// (`None` when the segment has no estimate: its users keep their own, unshrunk). A user
/// with neither gets `None`.
pub fn shrink(own: &[Option<Estimate>], segment: &[usize], group: &[Option<f64>]) -> Vec<Option<Shrunk>> {
    let k = group.len();
    // τ² per segment: variance of own estimates beyond their mean squared SE.
    let mut tau2 = vec![0.0; k];
    for (s, t) in tau2.iter_mut().enumerate() {
        let ests: Vec<&Estimate> = own
            .iter()
            .zip(segment)
            .filter(|(e, &g)| g == s && e.is_some_and(|e| e.se.is_finite() && e.se > 0.0))
            .filter_map(|(e, _)| e.as_ref())
            .collect();
        if ests.len() >= 3 {
            let n = ests.len() as f64;
            let mean = ests.iter().map(|e| e.elasticity).sum::<f64>() / n;
            let var = ests.iter().map(|e| (e.elasticity - mean).powi(2)).sum::<f64>() / (n - 1.0);
            let noise = ests.iter().map(|e| e.se * e.se).sum::<f64>() / n;
            *t = (var - noise).max(0.0);
        }
    }
    own.iter()
        .zip(segment)
        .map(|(e, &s)| {
            let prior = group.get(s).copied().flatten();
            match (e, prior) {
                (Some(e), Some(prior)) if e.se.is_finite() && e.se > 0.0 => {
                    let t = tau2.get(s).copied().unwrap_or(0.0);
                    let w = t / (t + e.se * e.se);
                    Some(Shrunk { elasticity: w * e.elasticity + (1.0 - w) * prior, own: Some(*e), weight: w })
                }
                (_, Some(prior)) => Some(Shrunk { elasticity: prior, own: *e, weight: 0.0 }),
                (Some(e), None) => Some(Shrunk { elasticity: e.elasticity, own: Some(*e), weight: 1.0 }),
                (None, None) => None,
            }
        })
        .collect()
}
