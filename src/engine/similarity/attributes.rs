//! Jaccard similarity of item attribute sets: |A ∩ B| / |A ∪ B|.
//!
//! The articles' item model compares products by their attributes rather than by
//! who rated them: i1 {a,b,c} and i2 {a,b,c,d} share 3 of 4 attributes, so their
//! similarity is 0.75. Two empty sets are not similar (0), an item is always 1 to itself.
//!
//! ```
//! use discount_lab::engine::similarity::attributes::jaccard;
//! assert_eq!(jaccard(&["a", "b", "c"], &["a", "b", "c", "d"]), 0.75);
//! assert_eq!(jaccard::<&str>(&[], &[]), 0.0);
//! ```

use std::collections::{BTreeSet, HashMap};

use super::matrix::SimilarityMatrix;
use super::measure::Measure;
use super::storage::{DenseCells, Precision, SimilarityValues, StoredCount, StoredValue, SupportCounts};
use crate::engine::data::items::ItemTable;
use crate::engine::data::ratings::Kind;

/// |A ∩ B| / |A ∪ B| of two attribute lists (repeats ignored); 0 when both are empty.
pub fn jaccard<S: AsRef<str>>(a: &[S], b: &[S]) -> f64 {
    let a: BTreeSet<&str> = a.iter().map(AsRef::as_ref).collect();
    let b: BTreeSet<&str> = b.iter().map(AsRef::as_ref).collect();
    let common = a.intersection(&b).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// The attribute-Jaccard matrix of `ids` (items missing from the table have no attributes).
/// `support` counts common attributes; pairs with fewer than `min_support` get 0.
pub fn attribute_matrix(ids: Vec<String>, table: &ItemTable, min_support: usize) -> SimilarityMatrix {
    attribute_matrix_in(ids, table, min_support, Precision::F64)
}

/// [`attribute_matrix`] stored in `precision`.
pub fn attribute_matrix_in(
    ids: Vec<String>,
    table: &ItemTable,
    min_support: usize,
    precision: Precision,
) -> SimilarityMatrix {
    let sets = attribute_sets(&ids, table);
    let (values, support) = match precision {
        Precision::F64 => fill::<f64, u32>(&sets, min_support),
        Precision::F32 => fill::<f32, u16>(&sets, min_support),
    };
    SimilarityMatrix { kind: Kind::Item, measure: Measure::AttributeJaccard, ids, values, support }
}

/// Each item's attributes as sorted, distinct numbers.
fn attribute_sets(ids: &[String], table: &ItemTable) -> Vec<Vec<u32>> {
    let index = table.index();
    let mut vocabulary: HashMap<&str, u32> = HashMap::new();
    ids.iter()
        .map(|id| {
            let mut set: Vec<u32> = index
                .get(id.as_str())
                .map(|info| {
                    info.attributes
                        .iter()
                        .map(|a| {
                            let next = vocabulary.len() as u32;
                            *vocabulary.entry(a.as_str()).or_insert(next)
                        })
                        .collect()
                })
                .unwrap_or_default();
            set.sort_unstable();
            set.dedup();
            set
        })
        .collect()
}

/// The cells of the sets' matrix, stored as `V` values and `C` counts.
fn fill<V: StoredValue, C: StoredCount>(sets: &[Vec<u32>], min_support: usize) -> (SimilarityValues, SupportCounts) {
    let n = sets.len();
    let mut cells = DenseCells::<V, C>::zeros(n);
    for a in 0..n {
        cells.set(a, a, 1.0, sets[a].len() as u32);
        for b in a + 1..n {
            let common = sorted_intersection(&sets[a], &sets[b]);
            let union = sets[a].len() + sets[b].len() - common;
            let v = if union == 0 || common < min_support.max(1) { 0.0 } else { common as f64 / union as f64 };
            cells.set(a, b, v, common as u32);
        }
    }
    cells.mirrored()
}

fn sorted_intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
