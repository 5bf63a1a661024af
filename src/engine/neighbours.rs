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

use super::error::{EngineError, Need};
use super::ratings::Ratings;
use super::similarity::{Measure, PairSums, Prepared, SimilarityMatrix, ValidSimilarityParams};

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

/// The `k` neighbours of every row, as [`top_k`] would find them in the full matrix, but
/// computed one row at a time in O(rows) memory: for 10,000 users the dense matrix would
/// need 1.2 GB, this needs a few hundred kB. Each row's sums accumulate over the columns
/// it shares with others (the same sparse walk as the matrix), then the `k` best are
/// selected. `attribute_jaccard` needs the item table and is refused.
pub fn top_k_streaming(
    ratings: &Ratings,
    params: &ValidSimilarityParams,
    k: usize,
    filter: NeighbourFilter,
) -> Result<Vec<Vec<Neighbour>>, EngineError> {
    if params.measure == Measure::AttributeJaccard {
        return Err(EngineError::Needs(Need::ItemAttributes));
    }
    let prepared = Prepared::new(ratings, params);
    let kind = params.kind;
    let (rows, cols, ids) = (ratings.rows(kind), ratings.cols(kind), ratings.ids(kind));
    let n = rows.n_rows();
    let mut acc = vec![PairSums::default(); n];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for x in 0..n {
        let (ys, _) = rows.row(x);
        let xv = &prepared.row_values[rows.span(x)];
        for (&y, &vx) in ys.iter().zip(xv) {
            let y = y as usize;
            let (others, ov) = (cols.row(y).0, &prepared.col_values[cols.span(y)]);
            for (&o, &vo) in others.iter().zip(ov) {
                let o = o as usize;
                if o != x {
                    if acc[o].n == 0.0 {
                        touched.push(o);
                    }
                    acc[o].add(vx, vo);
                }
            }
        }
        // (index, similarity, support) of every row sharing a rating with x.
        let mut found: Vec<(usize, f64, u32)> = touched
            .drain(..)
            .map(|o| {
                let sums = std::mem::take(&mut acc[o]);
                (o, prepared.finish(x, o, &sums), sums.n as u32)
            })
            .collect();
        if filter == NeighbourFilter::Any {
            // Rows without a common rating count with similarity 0, as in the matrix.
            let mut shared = vec![false; n];
            found.iter().for_each(|f| shared[f.0] = true);
            found.extend((0..n).filter(|&o| o != x && !shared[o]).map(|o| (o, 0.0, 0)));
        } else {
            found.retain(|f| f.1 > 0.0 && f.2 > 0);
        }
        let order = |a: &(usize, f64, u32), b: &(usize, f64, u32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if found.len() > k && k > 0 {
            found.select_nth_unstable_by(k - 1, order);
            found.truncate(k);
        }
        found.truncate(k);
        found.sort_by(order);
        out.push(
            found
                .into_iter()
                .map(|(o, similarity, support)| Neighbour { index: o, id: ids[o].clone(), similarity, support })
                .collect(),
        );
    }
    Ok(out)
}
