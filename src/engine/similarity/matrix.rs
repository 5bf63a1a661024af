//! The dense, symmetric similarity matrix and the memory budget it must fit.
//!
//! A matrix is kept in 64-bit floats when that fits [`DENSE_MATRIX_BUDGET_BYTES`], in 32-bit
//! floats (with 16-bit common counts, half the bytes) when only that fits, and refused past it
//! ([`dense_precision`]): MovieLens-1M's 6,040 users need 418 MB as `f64` and 209 MB as `f32`.

use super::measure::Measure;
use super::storage::{Precision, SimilarityValues, SupportCounts};
use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::limits::{compact_matrix_bytes, dense_matrix_bytes, DENSE_MATRIX_BUDGET_BYTES};

/// A dense, symmetric similarity matrix with the number of common ratings of each pair.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityMatrix {
    /// What was compared.
    pub kind: Kind,
    /// With which measure.
    pub measure: Measure,
    /// Row and column ids, in order of first appearance.
    pub ids: Vec<String>,
    /// The similarities, 1 on the diagonal, as `f64` or, over the budget, `f32` ([`Self::precision`]).
    pub values: SimilarityValues,
    /// Common ratings (common attributes for `attribute_jaccard`) of each pair; own count on the diagonal.
    pub support: SupportCounts,
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
    #[inline]
    pub fn get(&self, a: usize, b: usize) -> f64 {
        self.values.get(a, b)
    }
    /// Common ratings of rows `a` and `b`.
    #[inline]
    pub fn support_of(&self, a: usize, b: usize) -> u32 {
        self.support.get(a, b)
    }
    /// The precision the similarities are stored in.
    pub fn precision(&self) -> Precision {
        self.values.precision()
    }
    /// Bytes the values and common counts take.
    pub fn bytes(&self) -> usize {
        self.len() * self.len() * self.precision().cell_bytes()
    }
}

/// Fails with a clear message when an `n` x `n` matrix of `f64` values and `u32` counts would
/// not fit the memory budget (what slope one's deviations need; a similarity matrix may still
/// fit as `f32`: [`dense_precision`]).
pub fn check_dense_budget(n: usize) -> Result<(), EngineError> {
    let needed = dense_matrix_bytes(n);
    if needed > DENSE_MATRIX_BUDGET_BYTES {
        return Err(too_large(n, needed));
    }
    Ok(())
}

/// The precision an `n` x `n` similarity matrix is stored in when its largest common count
/// (the most ratings of one row, or attributes of one item) is `widest`: `f64` when that fits
/// the budget; else `f32` with 16-bit counts when that fits and no count exceeds 65,535;
/// else an error saying how much it would need.
pub fn dense_precision(n: usize, widest: usize) -> Result<Precision, EngineError> {
    if dense_matrix_bytes(n) <= DENSE_MATRIX_BUDGET_BYTES {
        return Ok(Precision::F64);
    }
    if widest > usize::from(u16::MAX) {
        return Err(too_large(n, dense_matrix_bytes(n)));
    }
    let compact = compact_matrix_bytes(n);
    if compact <= DENSE_MATRIX_BUDGET_BYTES {
        Ok(Precision::F32)
    } else {
        Err(too_large(n, compact))
    }
}

fn too_large(n: usize, needed: usize) -> EngineError {
    EngineError::MatrixTooLarge { n, needed_mb: needed.div_ceil(1 << 20), budget_mb: DENSE_MATRIX_BUDGET_BYTES >> 20 }
}
