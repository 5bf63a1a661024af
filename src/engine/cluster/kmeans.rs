//! k-means: k centres placed to minimise the inertia, the sum of squared distances from
//! each point to its nearest centre.
//!
//! Lloyd's iterations alternate assigning points to their nearest centre and moving each
//! centre to the mean of its points, until the centres move less than `tol` (relative to
//! the mean feature variance, as scikit-learn) or `max_iter` is reached. Starts are
//! k-means++ (each next centre drawn with probability proportional to the squared
//! distance to the nearest chosen one, the best of 2 + ⌊ln k⌋ candidates, as
//! scikit-learn's greedy variant), repeated `n_init` times from one seeded generator;
//! the run with the lowest inertia wins. An emptied cluster takes the point farthest
//! from its centre.
//!
//! ```
//! use discount_lab::engine::cluster::{kmeans, KMeansParams};
//! let x = ndarray::array![[0.0, 0.0], [0.1, 0.0], [10.0, 10.0], [10.1, 10.0]];
//! let fit = kmeans(x.view(), &KMeansParams { k: 2, seed: 42, ..Default::default() }.check().unwrap()).unwrap();
//! assert_eq!(fit.labels[0], fit.labels[1]);
//! assert_ne!(fit.labels[0], fit.labels[2]);
//! assert!((fit.inertia - 0.01).abs() < 1e-12);
//! ```

use std::ops::RangeInclusive;

use ndarray::{Array2, ArrayView1, ArrayView2};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{check_data, dist2};
use crate::engine::error::{EngineError, Task};

/// Options of k-means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KMeansParams {
    /// Number of clusters (default 4).
    pub k: usize,
    /// Restarts (default 10).
    pub n_init: usize,
    /// Iterations per run at most (default 300).
    pub max_iter: usize,
    /// Convergence tolerance, relative to the mean feature variance (default 1e-4).
    pub tol: f64,
    /// Seed (default 42).
    pub seed: u64,
}

impl Default for KMeansParams {
    fn default() -> Self {
        KMeansParams { k: 4, n_init: 10, max_iter: 300, tol: 1e-4, seed: 42 }
    }
}

/// Checked [`KMeansParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidKMeansParams(KMeansParams);

impl std::ops::Deref for ValidKMeansParams {
    type Target = KMeansParams;
    fn deref(&self) -> &KMeansParams {
        &self.0
    }
}

impl KMeansParams {
    /// Checks 1 ≤ k ≤ 50, 1 ≤ n_init ≤ 100, 1 ≤ max_iter ≤ 10,000, tol ≥ 0.
    pub fn check(self) -> Result<ValidKMeansParams, EngineError> {
        if !(1..=50).contains(&self.k) {
            return Err(EngineError::param("k", "must be between 1 and 50"));
        }
        if !(1..=100).contains(&self.n_init) {
            return Err(EngineError::param("n_init", "must be between 1 and 100"));
        }
        if !(1..=10_000).contains(&self.max_iter) {
            return Err(EngineError::param("max_iter", "must be between 1 and 10000"));
        }
        if !(self.tol.is_finite() && self.tol >= 0.0) {
            return Err(EngineError::param("tol", "must be a non-negative number"));
        }
        Ok(ValidKMeansParams(self))
    }
}

/// A fitted k-means.
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansFit {
    /// Centres, k × features.
    pub centres: Array2<f64>,
    /// Cluster of each row.
    pub labels: Vec<usize>,
    /// Σ squared distance to the assigned centre.
    pub inertia: f64,
    /// Lloyd iterations of the winning run.
    pub iterations: usize,
}

impl KMeansFit {
    /// The nearest centre of `row`.
    pub fn predict(&self, row: ArrayView1<f64>) -> usize {
        nearest(self.centres.view(), row).0
    }
}

fn nearest(centres: ArrayView2<f64>, row: ArrayView1<f64>) -> (usize, f64) {
    let mut best = (0, f64::INFINITY);
    for (c, centre) in centres.rows().into_iter().enumerate() {
        let d = dist2(centre, row);
        if d < best.1 {
            best = (c, d);
        }
    }
    best
}

/// Lloyd's iterations from given initial centres.
pub fn lloyd(
    data: ArrayView2<f64>,
    init: ArrayView2<f64>,
    max_iter: usize,
    tol: f64,
) -> Result<KMeansFit, EngineError> {
    check_data(data)?;
    check_data(init)?;
    if init.ncols() != data.ncols() {
        return Err(EngineError::param("initial centres", "must have as many features as the data"));
    }
    let (n, d, k) = (data.nrows(), data.ncols(), init.nrows());
    // scikit-learn's tolerance: tol × mean of the features' variances.
    let variance: f64 = data
        .columns()
        .into_iter()
        .map(|c| {
            let m = c.sum() / n as f64;
            c.iter().map(|x| (x - m).powi(2)).sum::<f64>() / n as f64
        })
        .sum::<f64>()
        / d as f64;
    let tol = tol * variance;
    let mut centres = init.to_owned();
    let mut labels = vec![0usize; n];
    let mut iterations = 0;
    for _ in 0..max_iter {
        iterations += 1;
        for (r, row) in data.rows().into_iter().enumerate() {
            labels[r] = nearest(centres.view(), row).0;
        }
        let mut sums = Array2::<f64>::zeros((k, d));
        let mut counts = vec![0usize; k];
        for (r, row) in data.rows().into_iter().enumerate() {
            counts[labels[r]] += 1;
            sums.row_mut(labels[r]).scaled_add(1.0, &row);
        }
        let mut new = centres.clone();
        for (c, &count) in counts.iter().enumerate() {
            if count > 0 {
                new.row_mut(c).assign(&(&sums.row(c) / count as f64));
            }
        }
        // Empty clusters take the points farthest from their centres.
        let mut taken = vec![false; n];
        for c in (0..k).filter(|&c| counts[c] == 0) {
            let far = (0..n)
                .filter(|&r| !taken[r])
                .max_by(|&a, &b| {
                    let da = dist2(data.row(a), new.row(labels[a]));
                    let db = dist2(data.row(b), new.row(labels[b]));
                    da.total_cmp(&db).then(b.cmp(&a))
                })
                .unwrap_or(0);
            taken[far] = true;
            new.row_mut(c).assign(&data.row(far));
        }
        let shift: f64 = (0..k).map(|c| dist2(new.row(c), centres.row(c))).sum();
        centres = new;
        if shift <= tol {
            break;
        }
    }
    // Final assignment against the final centres (as scikit-learn reports labels and inertia).
    let mut inertia = 0.0;
    for (r, row) in data.rows().into_iter().enumerate() {
        let (c, dd) = nearest(centres.view(), row);
        labels[r] = c;
        inertia += dd;
    }
    Ok(KMeansFit { centres, labels, inertia, iterations })
}

fn plus_plus(data: ArrayView2<f64>, k: usize, rng: &mut StdRng) -> Array2<f64> {
    let n = data.nrows();
    let trials = 2 + (k as f64).ln().floor() as usize;
    let mut centres = Array2::zeros((k, data.ncols()));
    let first = rng.random_range(0..n);
    centres.row_mut(0).assign(&data.row(first));
    let mut closest: Vec<f64> = data.rows().into_iter().map(|r| dist2(r, data.row(first))).collect();
    for c in 1..k {
        let total: f64 = closest.iter().sum();
        let mut best: Option<(usize, f64, Vec<f64>)> = None;
        for _ in 0..trials {
            let candidate = if total > 0.0 {
                let mut pick = rng.random::<f64>() * total;
                let mut idx = n - 1;
                for (i, &d) in closest.iter().enumerate() {
                    if pick < d {
                        idx = i;
                        break;
                    }
                    pick -= d;
                }
                idx
            } else {
                rng.random_range(0..n)
            };
            let updated: Vec<f64> =
                data.rows().into_iter().zip(&closest).map(|(r, &d)| d.min(dist2(r, data.row(candidate)))).collect();
            let potential: f64 = updated.iter().sum();
            if best.as_ref().is_none_or(|b| potential < b.1) {
                best = Some((candidate, potential, updated));
            }
        }
        if let Some((idx, _, updated)) = best {
            centres.row_mut(c).assign(&data.row(idx));
            closest = updated;
        }
    }
    centres
}

/// k-means with k-means++ starts, the best of `n_init` runs.
pub fn kmeans(data: ArrayView2<f64>, params: &ValidKMeansParams) -> Result<KMeansFit, EngineError> {
    check_data(data)?;
    if data.nrows() < params.k {
        return Err(EngineError::TooFewRows { task: Task::KMeans(params.k), needed: params.k, found: data.nrows() });
    }
    let mut rng = StdRng::seed_from_u64(params.seed);
    let mut best: Option<KMeansFit> = None;
    for _ in 0..params.n_init {
        let init = plus_plus(data, params.k, &mut rng);
        let fit = lloyd(data, init.view(), params.max_iter, params.tol)?;
        if best.as_ref().is_none_or(|b| fit.inertia < b.inertia) {
            best = Some(fit);
        }
    }
    best.ok_or_else(|| EngineError::param("n_init", "must be at least 1"))
}

/// Inertia for each k in `ks` (the elbow plot).
pub fn elbow(
    data: ArrayView2<f64>,
    ks: RangeInclusive<usize>,
    params: &ValidKMeansParams,
) -> Result<Vec<(usize, f64)>, EngineError> {
    ks.map(|k| {
        let p = KMeansParams { k, ..**params }.check()?;
        Ok((k, kmeans(data, &p)?.inertia))
    })
    .collect()
}
