//! Computing the matrix: the prepared values walked pair by pair over the upper triangle,
//! each measure accumulating only the sums it needs, then finished and mirrored.

use ndarray::Array2;

use super::attributes::attribute_matrix;
use super::baselines::Baselines;
use super::matrix::{check_dense_budget, SimilarityMatrix};
use super::measure::Measure;
use super::pair_sums::PairSums;
use super::params::ValidSimilarityParams;
use super::prepared::Prepared;
use crate::engine::data::items::ItemTable;
use crate::engine::data::ratings::Ratings;
use crate::engine::error::{EngineError, Need};

/// Computes the similarity matrix of users or items. `items` is needed only for `attribute_jaccard`.
pub fn compute(
    ratings: &Ratings,
    items: Option<&ItemTable>,
    params: &ValidSimilarityParams,
) -> Result<SimilarityMatrix, EngineError> {
    let ids = ratings.ids(params.kind).to_vec();
    check_dense_budget(ids.len())?;
    if params.measure == Measure::AttributeJaccard {
        let table = items.ok_or(EngineError::Needs(Need::ItemAttributes))?;
        return Ok(attribute_matrix(ids, table, params.min_support));
    }
    Ok(finish_matrix(ids, &Prepared::new(ratings, params)))
}

/// Computes the matrix as [`compute`], except that `pearson_baseline` centres ratings on
/// `baselines` (fitted by SGD, say, as scikit-surprise does when `bsl_options` asks for
/// it) instead of fitting ALS baselines with `params.baseline`. Other measures ignore them;
/// `attribute_jaccard` is refused, as it needs the item table.
pub fn compute_with_baselines(
    ratings: &Ratings,
    params: &ValidSimilarityParams,
    baselines: &Baselines,
) -> Result<SimilarityMatrix, EngineError> {
    let ids = ratings.ids(params.kind).to_vec();
    check_dense_budget(ids.len())?;
    if params.measure == Measure::AttributeJaccard {
        return Err(EngineError::Needs(Need::ItemAttributes));
    }
    if baselines.user.len() != ratings.n_users() || baselines.item.len() != ratings.n_items() {
        return Err(EngineError::param("baselines", "were fitted on another rating set"));
    }
    let given = (params.measure == Measure::PearsonBaseline).then(|| baselines.clone());
    Ok(finish_matrix(ids, &Prepared::with_baselines(ratings, params, given)))
}

/// Fills the matrix of every measure but `attribute_jaccard` from the prepared values.
fn finish_matrix(ids: Vec<String>, prepared: &Prepared) -> SimilarityMatrix {
    let n = ids.len();
    let params = &prepared.params;
    let rows = prepared.ratings.rows(params.kind);
    let mut values = vec![0.0; n * n];
    let mut support = vec![0u32; n * n];
    for x in 0..n {
        values[x * n + x] = 1.0;
        support[x * n + x] = rows.row_len(x) as u32;
    }
    for_each_pair(prepared, |x, o, value, count| {
        values[x * n + o] = value;
        support[x * n + o] = count;
    });
    mirror_upper(&mut values, n);
    mirror_upper(&mut support, n);
    let values = Array2::from_shape_vec((n, n), values).expect("n * n values");
    let support = Array2::from_shape_vec((n, n), support).expect("n * n counts");
    SimilarityMatrix { kind: params.kind, measure: params.measure, ids, values, support }
}

/// Visits every pair of rows x < o with at least one common rating, x ascending and o
/// ascending within x, with its similarity and number of common ratings. This one walk
/// fills the matrix and streams the neighbour lists, so both agree bit for bit.
pub(crate) fn for_each_pair(prepared: &Prepared, mut visit: impl FnMut(usize, usize, f64, u32)) {
    match prepared.params.measure {
        Measure::Jaccard => walk_upper::<Count>(prepared, &mut visit),
        Measure::Pearson => walk_upper::<Moments>(prepared, &mut visit),
        _ => walk_upper::<Products>(prepared, &mut visit),
    }
}

/// Running sums of one pair, holding only what a measure's [`Prepared::finish`] reads,
/// so the pair loop touches as little memory as possible. Each sum is added in the same
/// order as [`Prepared::pair_sums`], so both give bit-identical results.
trait Accumulate: Copy + Default {
    fn add(&mut self, x: f64, y: f64);
    fn count(&self) -> u32;
    fn sums(&self) -> PairSums;
}

/// Just the number of common ratings (Jaccard).
#[derive(Clone, Copy, Default)]
struct Count {
    n: u32,
}

impl Accumulate for Count {
    #[inline(always)]
    fn add(&mut self, _: f64, _: f64) {
        self.n += 1;
    }
    fn count(&self) -> u32 {
        self.n
    }
    fn sums(&self) -> PairSums {
        PairSums { n: self.n as f64, ..PairSums::default() }
    }
}

/// Count, Σ x·y, Σ x² and Σ y² (cosine, adjusted cosine, msd, pearson_baseline).
#[derive(Clone, Copy, Default)]
struct Products {
    n: u32,
    sxy: f64,
    sxx: f64,
    syy: f64,
}

impl Accumulate for Products {
    #[inline(always)]
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.sxy += x * y;
        self.sxx += x * x;
        self.syy += y * y;
    }
    fn count(&self) -> u32 {
        self.n
    }
    fn sums(&self) -> PairSums {
        PairSums { n: self.n as f64, sxy: self.sxy, sxx: self.sxx, syy: self.syy, ..PairSums::default() }
    }
}

/// Every sum (pearson).
#[derive(Clone, Copy, Default)]
struct Moments {
    n: u32,
    sxy: f64,
    sxx: f64,
    syy: f64,
    sx: f64,
    sy: f64,
}

impl Accumulate for Moments {
    #[inline(always)]
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.sxy += x * y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sx += x;
        self.sy += y;
    }
    fn count(&self) -> u32 {
        self.n
    }
    fn sums(&self) -> PairSums {
        PairSums { n: self.n as f64, sxy: self.sxy, sxx: self.sxx, syy: self.syy, sx: self.sx, sy: self.sy }
    }
}

/// The pairs of the upper triangle, row by row.
///
/// For row x, every rating (y, vx) of x is paired with the later rows of column y,
/// adding into a row buffer indexed by the other row. Since x grows by one each time,
/// x's position in column y is the number of earlier rows seen there, so the later
/// rows start right after it without a search.
fn walk_upper<A: Accumulate>(prepared: &Prepared, visit: &mut impl FnMut(usize, usize, f64, u32)) {
    let kind = prepared.params.kind;
    let rows = prepared.ratings.rows(kind);
    let cols = prepared.ratings.cols(kind);
    let n = rows.n_rows();
    let mut acc = vec![A::default(); n];
    let mut seen = vec![0usize; cols.n_rows()];
    for x in 0..n {
        let (ys, _) = rows.row(x);
        let xv = &prepared.row_values[rows.span(x)];
        for (&y, &vx) in ys.iter().zip(xv) {
            let y = y as usize;
            debug_assert_eq!(cols.row(y).0.get(seen[y]), Some(&(x as u32)));
            let start = seen[y] + 1;
            seen[y] = start;
            let others = &cols.row(y).0[start..];
            let ov = &prepared.col_values[cols.span(y)][start..];
            for (&o, &vo) in others.iter().zip(ov) {
                acc[o as usize].add(vx, vo);
            }
        }
        for (k, slot) in acc[x + 1..].iter_mut().enumerate() {
            let sums = std::mem::take(slot);
            if sums.count() > 0 {
                let o = x + 1 + k;
                visit(x, o, prepared.finish(x, o, &sums.sums()), sums.count());
            }
        }
    }
}

/// Copies the upper triangle of a row-major `n` x `n` matrix onto the lower one,
/// in square tiles so that the transposed reads stay in cache.
fn mirror_upper<T: Copy>(m: &mut [T], n: usize) {
    const TILE: usize = 16;
    for bi in (0..n).step_by(TILE) {
        for bj in (0..=bi).step_by(TILE) {
            for i in bi..(bi + TILE).min(n) {
                let (above, row) = m.split_at_mut(i * n);
                for (j, cell) in (bj..(bj + TILE).min(i)).zip(&mut row[bj..]) {
                    *cell = above[j * n + i];
                }
            }
        }
    }
}
