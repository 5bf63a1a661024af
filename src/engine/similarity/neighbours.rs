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
//!     values: ndarray::array![[1.0, 0.2, 0.9], [0.2, 1.0, 0.1], [0.9, 0.1, 1.0]],
//!     support: ndarray::array![[2, 1, 1], [1, 2, 1], [1, 1, 2]],
//! };
//! let n = top_k(&m, 0, 1, NeighbourFilter::Similar);
//! assert_eq!(n[0].id, "c");
//! ```

use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use super::compute::for_each_pair;
use super::matrix::SimilarityMatrix;
use super::measure::Measure;
use super::pair_sums::PairSums;
use super::params::ValidSimilarityParams;
use super::prepared::Prepared;
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
/// well under a megabyte per thousand rows. With [`NeighbourFilter::Similar`] the pairs
/// come from the same upper-triangle walk as the matrix (each pair once) and each is
/// offered to both rows' bounded lists; with [`NeighbourFilter::Any`], where rows without
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
        NeighbourFilter::Similar => similar_lists(&prepared, ratings.rows(params.kind).n_rows(), k),
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

/// A candidate neighbour of some row.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    index: usize,
    similarity: f64,
    support: u32,
}

impl Candidate {
    /// The neighbour order: most similar first, then the lower index.
    fn rank(&self, other: &Candidate) -> std::cmp::Ordering {
        other.similarity.total_cmp(&self.similarity).then(self.index.cmp(&other.index))
    }
}

/// The worst candidate of a bounded list sits on top of its heap.
struct Worst(Candidate);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.rank(&other.0)
    }
}

/// The `k` best candidates seen so far.
struct Bounded {
    k: usize,
    heap: BinaryHeap<Worst>,
}

impl Bounded {
    fn offer(&mut self, c: Candidate) {
        if self.heap.len() < self.k {
            self.heap.push(Worst(c));
        } else if self.heap.peek().is_some_and(|w| c.rank(&w.0).is_lt()) {
            self.heap.pop();
            self.heap.push(Worst(c));
        }
    }
    fn into_sorted(self) -> Vec<Candidate> {
        let mut v: Vec<Candidate> = self.heap.into_iter().map(|w| w.0).collect();
        v.sort_by(Candidate::rank);
        v
    }
}

/// Positively similar neighbours with a common rating: each pair of the walk is offered to both rows.
fn similar_lists(prepared: &Prepared, n: usize, k: usize) -> Vec<Vec<Candidate>> {
    let mut lists: Vec<Bounded> = (0..n).map(|_| Bounded { k, heap: BinaryHeap::with_capacity(k + 1) }).collect();
    if k > 0 {
        for_each_pair(prepared, |x, o, similarity, support| {
            if similarity > 0.0 && support > 0 {
                lists[x].offer(Candidate { index: o, similarity, support });
                lists[o].offer(Candidate { index: x, similarity, support });
            }
        });
    }
    lists.into_iter().map(Bounded::into_sorted).collect()
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
