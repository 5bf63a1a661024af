//! Principal components: the directions of largest variance of centred data, from the
//! eigenvectors of the covariance matrix (cyclic Jacobi rotations; features ≤ ~50).
//! Explained variances use n − 1 as scikit-learn; each component's sign makes its
//! largest-magnitude entry positive.
//!
//! ```
//! use discount_lab::engine::cluster::pca;
//! let x = ndarray::array![[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]];
//! let p = pca(x.view(), 1).unwrap();
//! assert!((p.explained_variance_ratio[0] - 1.0).abs() < 1e-12);
//! assert!((p.components[(0, 0)] - 0.5f64.sqrt()).abs() < 1e-12);
//! ```

use ndarray::{Array1, Array2, ArrayView2, Axis};

use super::check_data;
use crate::engine::error::{EngineError, Task};

/// A fitted PCA.
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    /// Column means.
    pub mean: Array1<f64>,
    /// Components, n_components × features (rows of unit length).
    pub components: Array2<f64>,
    /// Variance along each component (ddof = 1).
    pub explained_variance: Vec<f64>,
    /// Share of the total variance along each component.
    pub explained_variance_ratio: Vec<f64>,
    /// The data projected on the components, rows × n_components.
    pub scores: Array2<f64>,
}

/// Eigen-decomposition of a symmetric matrix by cyclic Jacobi: (values, vectors as columns).
pub(crate) fn symmetric_eigen(a: &Array2<f64>) -> (Vec<f64>, Array2<f64>) {
    let d = a.nrows();
    let mut m = a.clone();
    let mut v = Array2::<f64>::eye(d);
    for _sweep in 0..100 {
        let off: f64 = (0..d)
            .flat_map(|i| (0..d).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| m[(i, j)].powi(2))
            .sum();
        if off < 1e-24 {
            break;
        }
        for p in 0..d {
            for q in p + 1..d {
                if m[(p, q)].abs() < 1e-300 {
                    continue;
                }
                let theta = (m[(q, q)] - m[(p, p)]) / (2.0 * m[(p, q)]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..d {
                    let (mkp, mkq) = (m[(k, p)], m[(k, q)]);
                    m[(k, p)] = c * mkp - s * mkq;
                    m[(k, q)] = s * mkp + c * mkq;
                }
                for k in 0..d {
                    let (mpk, mqk) = (m[(p, k)], m[(q, k)]);
                    m[(p, k)] = c * mpk - s * mqk;
                    m[(q, k)] = s * mpk + c * mqk;
                }
                for k in 0..d {
                    let (vkp, vkq) = (v[(k, p)], v[(k, q)]);
                    v[(k, p)] = c * vkp - s * vkq;
                    v[(k, q)] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..d).map(|i| m[(i, i)]).collect(), v)
}

/// The first `n_components` principal components of `data` (at most the number of features).
pub fn pca(data: ArrayView2<f64>, n_components: usize) -> Result<Pca, EngineError> {
    check_data(data)?;
    let (n, d) = (data.nrows(), data.ncols());
    if n < 2 {
        return Err(EngineError::TooFewRows { task: Task::Pca, needed: 2, found: n });
    }
    if n_components == 0 {
        return Err(EngineError::param("n_components", "must be at least 1"));
    }
    let k = n_components.min(d);
    let mean = data.mean_axis(Axis(0)).unwrap_or_else(|| Array1::zeros(d));
    let centred = &data - &mean;
    let cov = centred.t().dot(&centred) / (n as f64 - 1.0);
    let (values, vectors) = symmetric_eigen(&cov);
    let mut order: Vec<usize> = (0..d).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
    let mut components = Array2::zeros((k, d));
    let mut explained_variance = Vec::with_capacity(k);
    for (row, &j) in order.iter().take(k).enumerate() {
        let mut col = vectors.column(j).to_owned();
        let big = col.iter().copied().fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
        if big < 0.0 {
            col.mapv_inplace(|x| -x);
        }
        components.row_mut(row).assign(&col);
        explained_variance.push(values[j].max(0.0));
    }
    let explained_variance_ratio =
        explained_variance.iter().map(|v| if total > 0.0 { v / total } else { 0.0 }).collect();
    let scores = centred.dot(&components.t());
    Ok(Pca { mean, components, explained_variance, explained_variance_ratio, scores })
}
