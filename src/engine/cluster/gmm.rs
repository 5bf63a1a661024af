//! A Gaussian mixture with diagonal covariances, fitted by expectation–maximisation —
//! the "profile model" alternative to k-means: each customer gets a probability of
//! belonging to each segment instead of one hard label.
//!
//! E step: responsibilities r_ik ∝ w_k·N(x_i; μ_k, diag σ²_k), by log-sum-exp. M step:
//! w_k = mean of r_·k, μ_k = responsibility-weighted mean, σ²_k = weighted variance +
//! `reg_covar`. It stops when the mean log-likelihood per point improves by less than
//! `tol`, as scikit-learn's `GaussianMixture(covariance_type="diag")`, and starts from a
//! seeded k-means (responsibilities one-hot on its labels), scikit-learn's default.
//!
//! ```
//! use discount_lab::engine::cluster::{gmm, GmmParams};
//! let x = ndarray::array![[0.0], [0.2], [0.1], [5.0], [5.2], [5.1]];
//! let fit = gmm(x.view(), &GmmParams { k: 2, ..Default::default() }.check().unwrap()).unwrap();
//! assert_eq!(fit.labels[0], fit.labels[2]);
//! assert_ne!(fit.labels[0], fit.labels[3]);
//! assert!((fit.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
//! ```

use ndarray::{Array2, ArrayView2};

use super::check_data;
use super::kmeans::{kmeans, KMeansParams};
use crate::engine::error::EngineError;

/// Options of the mixture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GmmParams {
    /// Components (default 4).
    pub k: usize,
    /// EM iterations at most (default 100).
    pub max_iter: usize,
    /// Stop when the mean log-likelihood gains less (default 1e-3).
    pub tol: f64,
    /// Added to every variance (default 1e-6).
    pub reg_covar: f64,
    /// Seed of the k-means start (default 42).
    pub seed: u64,
}

impl Default for GmmParams {
    fn default() -> Self {
        GmmParams { k: 4, max_iter: 100, tol: 1e-3, reg_covar: 1e-6, seed: 42 }
    }
}

/// Checked [`GmmParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidGmmParams(GmmParams);

impl std::ops::Deref for ValidGmmParams {
    type Target = GmmParams;
    fn deref(&self) -> &GmmParams {
        &self.0
    }
}

impl GmmParams {
    /// Checks 1 ≤ k ≤ 50, 1 ≤ max_iter ≤ 10,000, tol ≥ 0, reg_covar > 0.
    pub fn check(self) -> Result<ValidGmmParams, EngineError> {
        if !(1..=50).contains(&self.k) {
            return Err(EngineError::param("k", "must be between 1 and 50"));
        }
        if !(1..=10_000).contains(&self.max_iter) {
            return Err(EngineError::param("max_iter", "must be between 1 and 10000"));
        }
        if !(self.tol.is_finite() && self.tol >= 0.0) {
            return Err(EngineError::param("tol", "must be a non-negative number"));
        }
        if !(self.reg_covar.is_finite() && self.reg_covar > 0.0) {
            return Err(EngineError::param("reg_covar", "must be a positive number"));
        }
        Ok(ValidGmmParams(self))
    }
}

/// A fitted mixture.
#[derive(Debug, Clone, PartialEq)]
pub struct GmmFit {
    /// Mixing weights.
    pub weights: Vec<f64>,
    /// Means, k × features.
    pub means: Array2<f64>,
    /// Variances, k × features.
    pub variances: Array2<f64>,
    /// Most probable component per row.
    pub labels: Vec<usize>,
    /// Responsibilities, rows × k.
    pub responsibilities: Array2<f64>,
    /// Mean log-likelihood per row at the end.
    pub mean_log_likelihood: f64,
    /// EM iterations run.
    pub iterations: usize,
    /// Whether the tolerance was reached.
    pub converged: bool,
}

const LN_2PI: f64 = 1.837_877_066_409_345_5;

/// E step: responsibilities (in place) and the mean log-likelihood.
fn expectation(data: ArrayView2<f64>, w: &[f64], mu: &Array2<f64>, var: &Array2<f64>, resp: &mut Array2<f64>) -> f64 {
    let (n, d) = data.dim();
    let k = w.len();
    let mut total = 0.0;
    let consts: Vec<f64> = (0..k)
        .map(|c| w[c].ln() - 0.5 * (d as f64 * LN_2PI + var.row(c).iter().map(|v| v.ln()).sum::<f64>()))
        .collect();
    for i in 0..n {
        let mut top = f64::NEG_INFINITY;
        for c in 0..k {
            let q: f64 = (0..d).map(|j| (data[(i, j)] - mu[(c, j)]).powi(2) / var[(c, j)]).sum();
            let l = consts[c] - 0.5 * q;
            resp[(i, c)] = l;
            top = top.max(l);
        }
        let s: f64 = (0..k).map(|c| (resp[(i, c)] - top).exp()).sum();
        let lse = top + s.ln();
        for c in 0..k {
            resp[(i, c)] = (resp[(i, c)] - lse).exp();
        }
        total += lse;
    }
    total / n as f64
}

/// M step: weights, means and variances from responsibilities.
fn maximisation(data: ArrayView2<f64>, resp: &Array2<f64>, reg: f64) -> (Vec<f64>, Array2<f64>, Array2<f64>) {
    let (n, d) = data.dim();
    let k = resp.ncols();
    let mut w = vec![0.0; k];
    let mut mu = Array2::zeros((k, d));
    let mut var = Array2::zeros((k, d));
    for c in 0..k {
        let nk: f64 = resp.column(c).sum() + 10.0 * f64::EPSILON;
        w[c] = nk / n as f64;
        for j in 0..d {
            let m = (0..n).map(|i| resp[(i, c)] * data[(i, j)]).sum::<f64>() / nk;
            mu[(c, j)] = m;
            var[(c, j)] = (0..n).map(|i| resp[(i, c)] * (data[(i, j)] - m).powi(2)).sum::<f64>() / nk + reg;
        }
    }
    (w, mu, var)
}

/// EM from given weights, means and variances.
pub fn em_from(
    data: ArrayView2<f64>,
    weights: &[f64],
    means: ArrayView2<f64>,
    variances: ArrayView2<f64>,
    max_iter: usize,
    tol: f64,
    reg_covar: f64,
) -> Result<GmmFit, EngineError> {
    check_data(data)?;
    let k = weights.len();
    if k == 0 || means.dim() != (k, data.ncols()) || variances.dim() != (k, data.ncols()) {
        return Err(EngineError::param("initial mixture", "weights, means and variances must agree with the data"));
    }
    if weights.iter().any(|w| !(w.is_finite() && *w > 0.0)) || variances.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
        return Err(EngineError::param("initial mixture", "weights and variances must be positive"));
    }
    let (mut w, mut mu, mut var) = (weights.to_vec(), means.to_owned(), variances.to_owned());
    let mut resp = Array2::zeros((data.nrows(), k));
    let mut ll = f64::NEG_INFINITY;
    let mut converged = false;
    let mut iterations = 0;
    for _ in 0..max_iter {
        iterations += 1;
        let new_ll = expectation(data, &w, &mu, &var, &mut resp);
        (w, mu, var) = maximisation(data, &resp, reg_covar);
        if (new_ll - ll).abs() < tol {
            ll = new_ll;
            converged = true;
            break;
        }
        ll = new_ll;
    }
    // Final E step so labels and responsibilities match the returned parameters.
    let final_ll = expectation(data, &w, &mu, &var, &mut resp);
    let labels = resp
        .rows()
        .into_iter()
        .map(|r| r.iter().enumerate().fold((0, f64::NEG_INFINITY), |b, (c, &p)| if p > b.1 { (c, p) } else { b }).0)
        .collect();
    let _ = ll;
    Ok(GmmFit {
        weights: w,
        means: mu,
        variances: var,
        labels,
        responsibilities: resp,
        mean_log_likelihood: final_ll,
        iterations,
        converged,
    })
}

/// A mixture started from a seeded k-means.
pub fn gmm(data: ArrayView2<f64>, params: &ValidGmmParams) -> Result<GmmFit, EngineError> {
    let km = kmeans(data, &KMeansParams { k: params.k, n_init: 1, seed: params.seed, ..Default::default() }.check()?)?;
    let mut resp = Array2::zeros((data.nrows(), params.k));
    for (i, &l) in km.labels.iter().enumerate() {
        resp[(i, l)] = 1.0;
    }
    let (w, mu, var) = maximisation(data, &resp, params.reg_covar);
    em_from(data, &w, mu.view(), var.view(), params.max_iter, params.tol, params.reg_covar)
}
