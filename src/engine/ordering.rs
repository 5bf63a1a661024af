//! Row orderings for the heatmap that reveal structure.
//!
//! `Spectral` sorts rows by the leading eigenvector of the double-centred similarity
//! matrix (found by power iteration from a fixed start, so it is deterministic):
//! rows that resemble each other get neighbouring positions and blocks of similar
//! users appear along the diagonal.
//!
//! ```
//! use discount_lab::engine::ordering::{order, RowOrder};
//! let s = ndarray::array![[1.0, 0.0, 0.9], [0.0, 1.0, 0.0], [0.9, 0.0, 1.0]];
//! let p = order(&s, RowOrder::Spectral);
//! let (a, c) = (p.iter().position(|&r| r == 0).unwrap(), p.iter().position(|&r| r == 2).unwrap());
//! assert_eq!(a.abs_diff(c), 1);
//! ```

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

/// How to order heatmap rows (and columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
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
    let v = leading_centred_eigenvector(s);
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]).then(a.cmp(&b)));
    idx
}

/// Leading eigenvector of J S J (J the centring matrix), by power iteration.
fn leading_centred_eigenvector(s: &Array2<f64>) -> Array1<f64> {
    let n = s.nrows();
    let row_means = s.mean_axis(ndarray::Axis(1)).unwrap_or_else(|| Array1::zeros(n));
    let grand = row_means.mean().unwrap_or(0.0);
    let mut b = s.clone();
    for ((i, j), x) in b.indexed_iter_mut() {
        *x = *x - row_means[i] - row_means[j] + grand;
    }
    // A fixed, non-constant start vector keeps the result deterministic.
    let mut v: Array1<f64> = (0..n).map(|k| ((k as f64) * 0.7 + 0.3).sin()).collect();
    for _ in 0..ITERATIONS {
        let w = b.dot(&v);
        let norm = w.dot(&w).sqrt();
        if norm <= 1e-300 || !norm.is_finite() {
            break;
        }
        v = w / norm;
    }
    // Fix the sign so that the first non-zero component is positive.
    if let Some(first) = v.iter().find(|x| x.abs() > 1e-12) {
        if *first < 0.0 {
            v.mapv_inplace(|x| -x);
        }
    }
    v
}
