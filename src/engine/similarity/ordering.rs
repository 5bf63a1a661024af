//! Row orderings for the heatmap that reveal structure.
//!
//! `Spectral` embeds every row in the plane spanned by the two leading eigenvectors of
//! the double-centred similarity matrix (power iteration with deflation from fixed
//! starts, so it is deterministic) and sorts rows by their angle in that plane: rows
//! that resemble each other get neighbouring positions, and groups of similar users
//! appear as blocks along the diagonal.
//!
//! ```
//! use discount_lab::engine::similarity::ordering::{order, RowOrder};
//! let s = ndarray::array![[1.0, 0.0, 0.9], [0.0, 1.0, 0.0], [0.9, 0.0, 1.0]];
//! let p = order(&s, RowOrder::Spectral);
//! let (a, c) = (p.iter().position(|&r| r == 0).unwrap(), p.iter().position(|&r| r == 2).unwrap());
//! assert_eq!(a.abs_diff(c), 1);
//! ```

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

/// How to order heatmap rows (and columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum RowOrder {
    /// Order of first appearance in the data.
    #[default]
    Original,
    /// By the leading eigenvector of the double-centred matrix.
    Spectral,
}

const ITERATIONS: usize = 60;

/// A permutation of `0..n`: position k shows row `order[k]`.
pub fn order(s: &Array2<f64>, how: RowOrder) -> Vec<usize> {
    let n = s.nrows();
    let mut idx: Vec<usize> = (0..n).collect();
    if how == RowOrder::Original || n < 3 {
        return idx;
    }
    let b = double_centred(s);
    let (v1, l1) = power_iteration(&b, None, 0.7);
    let (v2, l2) = power_iteration(&b, Some((&v1, l1)), 1.3);
    let angle: Vec<f64> = (0..n).map(|k| (v2[k] * l2.abs().sqrt()).atan2(v1[k] * l1.abs().sqrt())).collect();
    idx.sort_by(|&a, &b| angle[a].total_cmp(&angle[b]).then(a.cmp(&b)));
    // Start the circle at its widest gap, so no group is split between the two ends.
    if n > 1 {
        let gap = |k: usize| {
            let (a, b) = (angle[idx[k]], angle[idx[(k + 1) % n]]);
            if k + 1 == n {
                b + std::f64::consts::TAU - a
            } else {
                b - a
            }
        };
        let widest = (0..n).max_by(|&x, &y| gap(x).total_cmp(&gap(y)).then(y.cmp(&x))).unwrap_or(n - 1);
        idx.rotate_left((widest + 1) % n);
    }
    idx
}

/// J S J, J the centring matrix.
fn double_centred(s: &Array2<f64>) -> Array2<f64> {
    let n = s.nrows();
    let row_means = s.mean_axis(ndarray::Axis(1)).unwrap_or_else(|| Array1::zeros(n));
    let grand = row_means.mean().unwrap_or(0.0);
    let mut b = s.clone();
    for ((i, j), x) in b.indexed_iter_mut() {
        *x = *x - row_means[i] - row_means[j] + grand;
    }
    b
}

/// The dominant eigenvector and eigenvalue of symmetric `b` (after removing `deflate`),
/// by power iteration from a fixed start, so the result is deterministic.
fn power_iteration(b: &Array2<f64>, deflate: Option<(&Array1<f64>, f64)>, phase: f64) -> (Array1<f64>, f64) {
    let n = b.nrows();
    let mut v: Array1<f64> = (0..n).map(|k| ((k as f64) * phase + 0.3).sin()).collect();
    let mut lambda = 0.0;
    for _ in 0..ITERATIONS {
        let mut w = b.dot(&v);
        if let Some((u, l)) = deflate {
            let c = l * u.dot(&v);
            w.scaled_add(-c, u);
        }
        lambda = v.dot(&w);
        let norm = w.dot(&w).sqrt();
        if norm <= 1e-300 || !norm.is_finite() {
            break;
        }
        v = w / norm;
    }
    // Fix the sign so that the first clearly non-zero component is positive.
    if let Some(first) = v.iter().find(|x| x.abs() > 1e-9) {
        if *first < 0.0 {
            v.mapv_inplace(|x| -x);
        }
    }
    (v, lambda)
}
