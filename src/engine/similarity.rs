//! User-user and item-item similarity over common ratings.
//!
//! Two users are compared over the items both rated (two items over the users who
//! rated both). `cosine`, `msd`, `pearson` and `pearson_baseline` follow
//! scikit-surprise 1.1.x exactly: the same sums, `min_support` (pairs with fewer
//! common ratings get 0), `shrinkage` for `pearson_baseline` (whose support is at
//! least 2), 1 on the diagonal, and 0 wherever a value is undefined (where Surprise
//! would divide by zero). Also available: adjusted cosine for items (ratings centred
//! on each user's mean), Jaccard on the co-rating sets, Jaccard on item attribute
//! sets, and the source articles' zero-filled cosine (an unrated cell counts as 0),
//! which shows why "cosine" means two different things.
//!
//! The matrix is filled row by row: for row x, every rating of x is paired with the
//! later rows that share its column, accumulating sums in a small row buffer that
//! stays in cache. No dense triple loop, and pairs without common ratings cost nothing.
//!
//! ```
//! use discount_lab::engine::ratings::{Kind, Ratings, Scale};
//! use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
//! let r = Ratings::from_triples(
//!     [("u1", "a", 1.0), ("u1", "b", 3.0), ("u2", "a", 2.0), ("u2", "b", 4.0)],
//!     Scale::new(0.0, 5.0).unwrap(),
//! ).unwrap();
//! let params = SimilarityParams::new(Kind::User, Measure::Pearson).check().unwrap();
//! let m = compute(&r, None, &params).unwrap();
//! approx::assert_abs_diff_eq!(m.get(0, 1), 1.0, epsilon = 1e-12);
//! ```

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::baseline::{als, BaselineParams, Baselines};
use super::error::{EngineError, Need};
use super::items::ItemTable;
use super::limits::{dense_matrix_bytes, DENSE_MATRIX_BUDGET_BYTES};
use super::ratings::{Kind, Ratings};

/// A similarity measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Cosine over common ratings (scikit-surprise `cosine`); with `zero_fill`, the articles' cosine over all columns.
    Cosine,
    /// 1 / (mean squared difference + 1) over common ratings (scikit-surprise `msd`).
    Msd,
    /// Pearson correlation over common ratings (scikit-surprise `pearson`).
    #[default]
    Pearson,
    /// Pearson on residuals from ALS baselines, shrunk by (n − 1) / (n − 1 + shrinkage) (scikit-surprise `pearson_baseline`).
    PearsonBaseline,
    /// Item-item cosine of ratings centred on each user's mean (Sarwar et al. 2001).
    AdjustedCosine,
    /// |common| / |union| of the sets of ratings (who rated / what was rated).
    Jaccard,
    /// |A ∩ B| / |A ∪ B| of item attribute sets (needs the item table).
    AttributeJaccard,
}

impl Measure {
    /// Every measure, in menu order.
    pub const ALL: [Measure; 7] = [
        Measure::Cosine,
        Measure::Msd,
        Measure::Pearson,
        Measure::PearsonBaseline,
        Measure::AdjustedCosine,
        Measure::Jaccard,
        Measure::AttributeJaccard,
    ];

    /// The name used in options, the CLI and the JS API.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Cosine => "cosine",
            Measure::Msd => "msd",
            Measure::Pearson => "pearson",
            Measure::PearsonBaseline => "pearson_baseline",
            Measure::AdjustedCosine => "adjusted_cosine",
            Measure::Jaccard => "jaccard",
            Measure::AttributeJaccard => "attribute_jaccard",
        }
    }

    /// Parses a measure name.
    pub fn from_name(name: &str) -> Result<Measure, EngineError> {
        Measure::ALL.into_iter().find(|m| m.name() == name.trim().to_lowercase()).ok_or_else(|| {
            let names: Vec<&str> = Measure::ALL.iter().map(|m| m.name()).collect();
            EngineError::param("measure", format!("unknown measure '{name}'; use one of {}", names.join(", ")))
        })
    }

    /// Whether values can be negative (the heatmap then uses both halves of its scale).
    pub fn is_signed(self) -> bool {
        matches!(self, Measure::Cosine | Measure::Pearson | Measure::PearsonBaseline | Measure::AdjustedCosine)
    }
}

/// Options of a similarity computation (scikit-surprise's `sim_options` plus ours).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SimilarityParams {
    /// Users or items.
    pub kind: Kind,
    /// The measure.
    pub measure: Measure,
    /// Pairs with fewer common ratings get similarity 0 (default 1).
    pub min_support: usize,
    /// Shrinkage of `pearson_baseline` (default 100).
    pub shrinkage: f64,
    /// Cosine over all columns with unrated cells as 0 (the articles' definition).
    pub zero_fill: bool,
    /// ALS baseline options for `pearson_baseline`.
    pub baseline: BaselineParams,
}

/// Parameters that passed [`SimilarityParams::check`]: the only kind [`compute`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidSimilarityParams(SimilarityParams);

impl std::ops::Deref for ValidSimilarityParams {
    type Target = SimilarityParams;
    fn deref(&self) -> &SimilarityParams {
        &self.0
    }
}

impl SimilarityParams {
    /// Defaults for `kind` and `measure`: min_support 1, shrinkage 100, no zero fill.
    pub fn new(kind: Kind, measure: Measure) -> Self {
        SimilarityParams {
            kind,
            measure,
            min_support: 1,
            shrinkage: 100.0,
            zero_fill: false,
            baseline: BaselineParams::default(),
        }
    }
    /// Sets `min_support`.
    pub fn min_support(mut self, n: usize) -> Self {
        self.min_support = n;
        self
    }
    /// Sets `shrinkage`.
    pub fn shrinkage(mut self, s: f64) -> Self {
        self.shrinkage = s;
        self
    }
    /// Sets zero filling (cosine only).
    pub fn zero_fill(mut self, on: bool) -> Self {
        self.zero_fill = on;
        self
    }
    /// Checks every option once, so computing never meets a bad one.
    pub fn check(self) -> Result<ValidSimilarityParams, EngineError> {
        if !self.shrinkage.is_finite() || self.shrinkage < 0.0 {
            return Err(EngineError::param("shrinkage", "must be a finite number ≥ 0"));
        }
        if self.min_support > 1_000_000 {
            return Err(EngineError::param("min_support", "must be at most 1000000"));
        }
        if self.zero_fill && self.measure != Measure::Cosine {
            return Err(EngineError::param("zero_fill", "only applies to the cosine measure"));
        }
        if self.kind == Kind::User && matches!(self.measure, Measure::AdjustedCosine | Measure::AttributeJaccard) {
            return Err(EngineError::param(
                "measure",
                format!("{} compares items; choose item-item similarity", self.measure.name()),
            ));
        }
        self.baseline.check()?;
        Ok(ValidSimilarityParams(self))
    }
}

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

/// Sums over the common ratings of a pair, from which every measure is finished.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PairSums {
    /// Number of common ratings.
    pub n: f64,
    /// Σ x·y.
    pub sxy: f64,
    /// Σ x².
    pub sxx: f64,
    /// Σ y².
    pub syy: f64,
    /// Σ x.
    pub sx: f64,
    /// Σ y.
    pub sy: f64,
}

impl PairSums {
    /// Adds one pair of values.
    #[inline]
    pub(crate) fn add(&mut self, x: f64, y: f64) {
        self.n += 1.0;
        self.sxy += x * y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sx += x;
        self.sy += y;
    }
}

/// Everything the pair loop needs, prepared once: the values each measure compares
/// (raw ratings, or residuals from baselines or user means), aligned with the rows and columns.
pub(crate) struct Prepared<'a> {
    pub(crate) ratings: &'a Ratings,
    pub(crate) params: SimilarityParams,
    /// Values aligned with `ratings.rows(kind)` entries.
    pub(crate) row_values: Vec<f64>,
    /// Values aligned with `ratings.cols(kind)` entries.
    pub(crate) col_values: Vec<f64>,
    /// Σ r² over all ratings of each row (zero-filled cosine).
    pub(crate) norms2: Vec<f64>,
    pub(crate) baselines: Option<Baselines>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(ratings: &'a Ratings, params: &ValidSimilarityParams) -> Prepared<'a> {
        let baselines = (params.measure == Measure::PearsonBaseline).then(|| als(ratings, &params.baseline));
        Prepared::with_baselines(ratings, params, baselines)
    }

    /// As [`Prepared::new`], with `pearson_baseline` centring on the given baselines.
    fn with_baselines(
        ratings: &'a Ratings,
        params: &ValidSimilarityParams,
        baselines: Option<Baselines>,
    ) -> Prepared<'a> {
        let kind = params.kind;
        let rows = ratings.rows(kind);
        let cols = ratings.cols(kind);
        // Adjusted cosine centres on each column's mean: computed once, not once per rating.
        let col_means: Vec<f64> = if params.measure == Measure::AdjustedCosine {
            (0..cols.n_rows()).map(|y| mean_of(cols, y)).collect()
        } else {
            Vec::new()
        };
        // The value used for the rating of row x in column y.
        let value = |x: usize, y: usize, r: f64| -> f64 {
            match (params.measure, &baselines) {
                (Measure::PearsonBaseline, Some(b)) => {
                    let (bx, by) = match kind {
                        Kind::User => (b.user[x], b.item[y]),
                        Kind::Item => (b.item[x], b.user[y]),
                    };
                    r - (b.global_mean + by + bx)
                }
                (Measure::AdjustedCosine, _) => r - col_means[y],
                _ => r,
            }
        };
        let mut row_values = Vec::with_capacity(rows.nnz());
        for x in 0..rows.n_rows() {
            let (ys, rs) = rows.row(x);
            row_values.extend(ys.iter().zip(rs).map(|(&y, &r)| value(x, y as usize, r)));
        }
        let mut col_values = Vec::with_capacity(cols.nnz());
        for y in 0..cols.n_rows() {
            let (xs, rs) = cols.row(y);
            col_values.extend(xs.iter().zip(rs).map(|(&x, &r)| value(x as usize, y, r)));
        }
        let norms2 = (0..rows.n_rows()).map(|x| rows.row(x).1.iter().map(|r| r * r).sum()).collect();
        Prepared { ratings, params: **params, row_values, col_values, norms2, baselines }
    }

    /// Sums over the common ratings of rows `a` and `b` (a merge of two sorted rows).
    pub(crate) fn pair_sums(&self, a: usize, b: usize) -> PairSums {
        let rows = self.ratings.rows(self.params.kind);
        let (ya, yb) = (rows.row(a).0, rows.row(b).0);
        let (sa, sb) = (rows.span(a), rows.span(b));
        let (va, vb) = (&self.row_values[sa], &self.row_values[sb]);
        let mut sums = PairSums::default();
        let (mut i, mut j) = (0, 0);
        while i < ya.len() && j < yb.len() {
            match ya[i].cmp(&yb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sums.add(va[i], vb[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        sums
    }

    /// The similarity of rows `a` and `b` from their sums.
    #[inline(always)]
    pub(crate) fn finish(&self, a: usize, b: usize, s: &PairSums) -> f64 {
        let p = &self.params;
        let min_support = match p.measure {
            Measure::PearsonBaseline => p.min_support.max(2),
            _ => p.min_support,
        } as f64;
        if s.n < min_support || s.n == 0.0 {
            return 0.0;
        }
        // Undefined (0/0, or ∞/∞ when huge ratings overflow the sums) counts as 0.
        let ratio = |num: f64, den2: f64| {
            let v = if den2 > 0.0 { num / den2.sqrt() } else { 0.0 };
            if v.is_nan() {
                0.0
            } else {
                v.clamp(-1.0, 1.0)
            }
        };
        match p.measure {
            Measure::Cosine if p.zero_fill => ratio(s.sxy, self.norms2[a] * self.norms2[b]),
            Measure::Cosine | Measure::AdjustedCosine => ratio(s.sxy, s.sxx * s.syy),
            Measure::Msd => 1.0 / ((s.sxx + s.syy - 2.0 * s.sxy).max(0.0) / s.n + 1.0),
            Measure::Pearson => {
                let num = s.n * s.sxy - s.sx * s.sy;
                let den2 = (s.n * s.sxx - s.sx * s.sx) * (s.n * s.syy - s.sy * s.sy);
                ratio(num, den2)
            }
            Measure::PearsonBaseline => ratio(s.sxy, s.sxx * s.syy) * shrink_factor(s.n, p.shrinkage),
            Measure::Jaccard => {
                let rows = self.ratings.rows(p.kind);
                s.n / (rows.row_len(a) as f64 + rows.row_len(b) as f64 - s.n)
            }
            Measure::AttributeJaccard => 0.0,
        }
    }
}

/// The `pearson_baseline` shrinkage factor (n − 1) / (n − 1 + shrinkage).
pub fn shrink_factor(n: f64, shrinkage: f64) -> f64 {
    let den = n - 1.0 + shrinkage;
    if den > 0.0 {
        (n - 1.0) / den
    } else {
        0.0
    }
}

fn mean_of(csr: &super::ratings::Csr, r: usize) -> f64 {
    let v = csr.row(r).1;
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
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
        return Ok(super::jaccard::attribute_matrix(ids, table, params.min_support));
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
