//! What the command line and the Similarity view say when a similarity matrix is kept in
//! 32-bit floats because the 64-bit one would exceed the memory budget.
//!
//! ```
//! use discount_lab::engine::data::ratings::Kind;
//! use discount_lab::engine::similarity::{Measure, SimilarityMatrix, SimilarityValues, SupportCounts};
//! use discount_lab::present::{precision::precision_note, Lang};
//! let m = SimilarityMatrix {
//!     kind: Kind::User, measure: Measure::Cosine, ids: vec!["a".into()],
//!     values: SimilarityValues::F32(ndarray::array![[1.0]]), support: SupportCounts::U16(ndarray::array![[2]]),
//! };
//! assert!(precision_note(Lang::En, &m).unwrap().starts_with("stored as 32-bit floats (±1e-7)"));
//! ```

use crate::engine::limits::{dense_matrix_bytes, DENSE_MATRIX_BUDGET_BYTES};
use crate::engine::similarity::{Precision, SimilarityMatrix};
use crate::present::{tr, Key, Lang};

/// The note for a matrix stored as `f32`; `None` for one stored as `f64`, which needs no note.
pub fn precision_note(lang: Lang, m: &SimilarityMatrix) -> Option<String> {
    if m.precision() != Precision::F32 {
        return None;
    }
    let mb = |bytes: usize| bytes.div_ceil(1 << 20).to_string();
    let vars = [
        ("n", m.len().to_string()),
        ("needed", mb(dense_matrix_bytes(m.len()))),
        ("budget", mb(DENSE_MATRIX_BUDGET_BYTES)),
        ("bytes", mb(m.bytes())),
    ];
    Some(tr(lang, Key::StoredAsF32, &vars))
}
