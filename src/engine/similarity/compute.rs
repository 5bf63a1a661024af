//! Computing the matrix: the prepared values walked pair by pair over the upper triangle,
//! each measure accumulating only the sums it needs, then finished and mirrored, in the
//! precision the memory budget allows.

use super::accumulate::{Accumulate, Count, Moments, Products};
use super::attributes::attribute_matrix_in;
use super::baselines::Baselines;
use super::matrix::{dense_precision, SimilarityMatrix};
use super::measure::Measure;
use super::params::ValidSimilarityParams;
use super::prepared::Prepared;
use super::storage::{DenseCells, Precision, SimilarityValues, StoredCount, StoredValue, SupportCounts};
use crate::engine::data::items::ItemTable;
use crate::engine::data::ratings::Ratings;
use crate::engine::error::{EngineError, Need};
use crate::engine::limits::DENSE_MATRIX_BUDGET_BYTES;

/// Computes the similarity matrix of users or items. `items` is needed only for `attribute_jaccard`.
/// The values are `f64` when that fits the memory budget, `f32` when only that fits
/// ([`dense_precision`]); past it the matrix is refused.
pub fn compute(
    ratings: &Ratings,
    items: Option<&ItemTable>,
    params: &ValidSimilarityParams,
) -> Result<SimilarityMatrix, EngineError> {
    let widest = match (params.measure, items) {
        (Measure::AttributeJaccard, Some(table)) => table.items.iter().map(|i| i.attributes.len()).max(),
        _ => widest_row(ratings, params),
    };
    let precision = dense_precision(ratings.ids(params.kind).len(), widest.unwrap_or(0))?;
    compute_in(ratings, items, params, precision)
}

/// As [`compute`], stored in `precision` (`f32` below the budget too, say, to compare the two);
/// refused when that precision would exceed the budget.
pub fn compute_in(
    ratings: &Ratings,
    items: Option<&ItemTable>,
    params: &ValidSimilarityParams,
    precision: Precision,
) -> Result<SimilarityMatrix, EngineError> {
    let ids = ratings.ids(params.kind).to_vec();
    check_fits(ids.len(), precision)?;
    if params.measure == Measure::AttributeJaccard {
        let table = items.ok_or(EngineError::Needs(Need::ItemAttributes))?;
        return Ok(attribute_matrix_in(ids, table, params.min_support, precision));
    }
    Ok(finish_matrix(ids, &Prepared::new(ratings, params), precision))
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
    let precision = dense_precision(ids.len(), widest_row(ratings, params).unwrap_or(0))?;
    if params.measure == Measure::AttributeJaccard {
        return Err(EngineError::Needs(Need::ItemAttributes));
    }
    if baselines.user.len() != ratings.n_users() || baselines.item.len() != ratings.n_items() {
        return Err(EngineError::param("baselines", "were fitted on another rating set"));
    }
    let given = (params.measure == Measure::PearsonBaseline).then(|| baselines.clone());
    Ok(finish_matrix(ids, &Prepared::with_baselines(ratings, params, given), precision))
}

/// The most ratings of one compared row: the largest common count a pair can have.
fn widest_row(ratings: &Ratings, params: &ValidSimilarityParams) -> Option<usize> {
    let rows = ratings.rows(params.kind);
    (0..rows.n_rows()).map(|x| rows.row_len(x)).max()
}

/// Fails when an `n` x `n` matrix in `precision` would exceed the budget.
fn check_fits(n: usize, precision: Precision) -> Result<(), EngineError> {
    let needed = n.saturating_mul(n).saturating_mul(precision.cell_bytes());
    if needed > DENSE_MATRIX_BUDGET_BYTES {
        return Err(EngineError::MatrixTooLarge {
            n,
            needed_mb: needed.div_ceil(1 << 20),
            budget_mb: DENSE_MATRIX_BUDGET_BYTES >> 20,
        });
    }
    Ok(())
}

/// Fills the matrix of every measure but `attribute_jaccard` from the prepared values.
fn finish_matrix(ids: Vec<String>, prepared: &Prepared, precision: Precision) -> SimilarityMatrix {
    let (values, support) = match precision {
        Precision::F64 => fill::<f64, u32>(prepared),
        Precision::F32 => fill::<f32, u16>(prepared),
    };
    let params = &prepared.params;
    SimilarityMatrix { kind: params.kind, measure: params.measure, ids, values, support }
}

/// The cells, stored as `V` values and `C` counts.
fn fill<V: StoredValue, C: StoredCount>(prepared: &Prepared) -> (SimilarityValues, SupportCounts) {
    let rows = prepared.ratings.rows(prepared.params.kind);
    let n = rows.n_rows();
    let mut cells = DenseCells::<V, C>::zeros(n);
    for x in 0..n {
        cells.set(x, x, 1.0, rows.row_len(x) as u32);
    }
    for_each_pair(prepared, |x, o, value, count| cells.set(x, o, value, count));
    cells.mirrored()
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
