//! The K most similar users (or items) of one row of a similarity matrix.
//!
//! Ties are broken by index (order of first appearance), so the list is the same
//! on every run and every platform.
//!
//! ```
//! use discount_lab::engine::neighbours::{top_k, NeighbourFilter};
//! use discount_lab::engine::ratings::Kind;
//! use discount_lab::engine::similarity::{Measure, SimilarityMatrix};
//! let m = SimilarityMatrix {
//!     kind: Kind::User, measure: Measure::Cosine,
//!     ids: vec!["a".into(), "b".into(), "c".into()],
//!     values: ndarray::array![[1.0, 0.2, 0.9], [0.2, 1.0, 0.1], [0.9, 0.1, 1.0]],
//!     support: ndarray::array![[2, 1, 1], [1, 2, 1], [1, 1, 2]],
//! };
//! let n = top_k(&m, 0, 1, NeighbourFilter::Similar);
//! assert_eq!(n[0].id, "c");
//! ```

use serde::{Deserialize, Serialize};

use super::similarity::SimilarityMatrix;

/// One neighbour of a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Neighbour {
    /// Row index of the neighbour.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its similarity to the row.
    pub similarity: f64,
    /// Common ratings with the row.
    pub support: u32,
}

/// Which rows may be neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeighbourFilter {
    /// Other rows with positive similarity and at least one common rating.
    Similar,
    /// Every other row, whatever its similarity (the articles' code).
    Any,
}

/// The `k` rows most similar to `row` (never `row` itself), most similar first.
pub fn top_k(m: &SimilarityMatrix, row: usize, k: usize, filter: NeighbourFilter) -> Vec<Neighbour> {
    let mut candidates: Vec<usize> = (0..m.len())
        .filter(|&o| o != row)
        .filter(|&o| match filter {
            NeighbourFilter::Similar => m.get(row, o) > 0.0 && m.support_of(row, o) > 0,
            NeighbourFilter::Any => true,
        })
        .collect();
    candidates.sort_by(|&a, &b| m.get(row, b).total_cmp(&m.get(row, a)).then(a.cmp(&b)));
    candidates.truncate(k);
    candidates
        .into_iter()
        .map(|o| Neighbour { index: o, id: m.ids[o].clone(), similarity: m.get(row, o), support: m.support_of(row, o) })
        .collect()
}
