//! The dense, symmetric similarity matrix and the memory budget it must fit.

use ndarray::Array2;

use super::measure::Measure;
use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::limits::{dense_matrix_bytes, DENSE_MATRIX_BUDGET_BYTES};

/// A dense, symmetric similarity matrix with the number of common ratings of each pair.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityMatrix {
    /// What was compared.
    pub kind: Kind,
    /// With which measure.
    pub measure: Measure,
    /// Row and column ids, in order of first appearance.
    pub ids: Vec<String>,
    /// The similarities; 1 on the diagonal.
    pub values: Array2<f64>,
    /// Common ratings (common attributes for `attribute_jaccard`) of each pair; own count on the diagonal.
    pub support: Array2<u32>,
}

impl SimilarityMatrix {
    /// Side of the matrix.
    pub fn len(&self) -> usize {
        self.ids.len()
    }
    /// Whether the matrix is empty.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
    /// Similarity of rows `a` and `b`.
    pub fn get(&self, a: usize, b: usize) -> f64 {
        self.values[[a, b]]
    }
    /// Common ratings of rows `a` and `b`.
    pub fn support_of(&self, a: usize, b: usize) -> u32 {
        self.support[[a, b]]
    }
}

/// Fails with a clear message when an `n` x `n` matrix would not fit the memory budget.
pub fn check_dense_budget(n: usize) -> Result<(), EngineError> {
    let needed = dense_matrix_bytes(n);
    if needed > DENSE_MATRIX_BUDGET_BYTES {
        return Err(EngineError::MatrixTooLarge {
            n,
            needed_mb: needed.div_ceil(1 << 20),
            budget_mb: DENSE_MATRIX_BUDGET_BYTES >> 20,
        });
    }
    Ok(())
}
