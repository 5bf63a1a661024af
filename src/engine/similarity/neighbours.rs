//! The K most similar users (or items) of one row of a similarity matrix.
//!
//! Ties are broken by index (order of first appearance), so the list is the same
//! on every run and every platform.
//!
//! ```
//! use discount_lab::engine::similarity::neighbours::{top_k, NeighbourFilter};
//! use discount_lab::engine::data::ratings::Kind;
//! use discount_lab::engine::similarity::{Measure, SimilarityMatrix};
//! let m = SimilarityMatrix {
//!     kind: Kind::User, measure: Measure::Cosine,
//!     ids: vec!["a".into(), "b".into(), "c".into()],
//!     values: ndarray::array![[1.0, 0.2, 0.9], [0.2, 1.0, 0.1], [0.9, 0.1, 1.0]].into(),
//!     support: ndarray::array![[2, 1, 1], [1, 2, 1], [1, 1, 2]].into(),
//! };
//! let n = top_k(&m, 0, 1, NeighbourFilter::Similar);
//! assert_eq!(n[0].id, "c");
//! ```

use serde::{Deserialize, Serialize};

use super::bounded::Candidate;
use super::matrix::SimilarityMatrix;
use super::measure::Measure;
use super::pair_sums::PairSums;
use super::params::ValidSimilarityParams;
use super::prepared::Prepared;
use super::streamed::similar_lists;
use crate::engine::data::ratings::Ratings;
use crate::engine::error::{EngineError, Need};

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
/// in O(rows × k) memory: for 10,000 users the dense matrix would need 1.2 GB, this needs
/// well under a megabyte per thousand rows. With [`NeighbourFilter::Similar`] the rows are
/// streamed block by block over the upper triangle (each pair once, each similarity equal to
/// the matrix's bit for bit) and each pair is offered to both rows' bounded lists, on every
/// core natively ([`streaming_threads`]); with [`NeighbourFilter::Any`], where rows without
/// a common rating count too, each row's sums accumulate over all the others, one row at
/// a time. `attribute_jaccard` needs the item table and is refused.
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
    let ids = ratings.ids(params.kind);
    let lists = match filter {
        NeighbourFilter::Similar => similar_lists(&prepared, k),
        NeighbourFilter::Any => any_lists(&prepared, ratings, params, k),
    };
    Ok(lists
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|c| Neighbour {
                    index: c.index,
                    id: ids[c.index].clone(),
                    similarity: c.similarity,
                    support: c.support,
                })
                .collect()
        })
        .collect())
}

/// Threads [`top_k_streaming`] runs on: natively rayon's (`RAYON_NUM_THREADS`, else one per
/// core) with the `parallel` feature, which is on by default; one in the browser.
pub fn streaming_threads() -> usize {
    super::streamed::threads()
}

/// Any other row, similar or not: one row's sums over all the others at a time.
fn any_lists(prepared: &Prepared, ratings: &Ratings, params: &ValidSimilarityParams, k: usize) -> Vec<Vec<Candidate>> {
    let (rows, cols) = (ratings.rows(params.kind), ratings.cols(params.kind));
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
        let mut shared = vec![false; n];
        let mut found: Vec<Candidate> = touched
            .drain(..)
            .map(|o| {
                shared[o] = true;
                let sums = std::mem::take(&mut acc[o]);
                Candidate { index: o, similarity: prepared.finish(x, o, &sums), support: sums.n as u32 }
            })
            .collect();
        // Rows without a common rating count with similarity 0, as in the matrix.
        found.extend((0..n).filter(|&o| o != x && !shared[o]).map(|o| Candidate {
            index: o,
            similarity: 0.0,
            support: 0,
        }));
        if found.len() > k && k > 0 {
            found.select_nth_unstable_by(k - 1, Candidate::rank);
        }
        found.truncate(k);
        found.sort_by(Candidate::rank);
        out.push(found);
    }
    out
}
