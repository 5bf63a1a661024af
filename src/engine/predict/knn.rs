//! scikit-surprise's k-NN algorithms: `KNNBasic`, `KNNWithMeans`, `KNNWithZScore` and
//! `KNNBaseline`, one [`Knn`] told apart by its [`KnnVariant`].
//!
//! User-based (the default), the estimate of user u's rating of item i looks at the
//! users v who rated i, in the order they rated it, and keeps the `k` most similar to u
//! (ties go to whoever comes first, as Python's `heapq.nlargest`). Of those, only
//! neighbours with positive similarity count, and their number is `actual_k`:
//!
//! - `KNNBasic`:      r̂ = Σ sim·r_vi / Σ sim; fewer than `min_k` neighbours is impossible
//!   ("Not enough neighbors.", the global mean is used).
//! - `KNNWithMeans`:  r̂ = μ_u + Σ sim·(r_vi − μ_v) / Σ sim.
//! - `KNNWithZScore`: r̂ = μ_u + σ_u · Σ sim·(r_vi − μ_v)/σ_v / Σ sim, σ the population
//!   standard deviation (`np.std`); a σ of 0 is replaced by the σ of all ratings.
//! - `KNNBaseline`:   r̂ = b_ui + Σ sim·(r_vi − b_vi) / Σ sim, with b_ui = μ + b_u + b_i.
//!
//! With fewer than `min_k` neighbours the last three drop the sum and return the mean
//! (or the baseline). An unknown user or item is impossible, except for `KNNBaseline`,
//! which returns the baseline with the unknown bias taken as 0. Item-based swaps the
//! roles: the items u rated, compared with i. The defaults are Surprise's: `k` 40,
//! `min_k` 1, user-based, `msd`, `min_support` 1, `shrinkage` 100, ALS baselines.
//!
//! ```
//! use discount_lab::engine::predict::{predict, Knn, KnnParams, KnnVariant, Trainset};
//! use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
//! use discount_lab::engine::similarity::Measure;
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//!
//! let mut rng = StdRng::seed_from_u64(42);
//! let mut triples = Vec::new();
//! for u in 0..20 {
//!     for i in 0..15 {
//!         if rng.random::<f64>() < 0.5 {
//!             triples.push((format!("u{u}"), format!("i{i}"), rng.random_range(1..=5) as f64));
//!         }
//!     }
//! }
//! let train = Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap());
//! let params = KnnParams::new(KnnVariant::Baseline)
//!     .k(10)
//!     .kind(Kind::Item)
//!     .measure(Measure::PearsonBaseline)
//!     .check()
//!     .unwrap();
//! let knn = Knn::fit(&train, &params).unwrap();
//! let p = predict(&knn, &train, "u3", "i7", None);
//! assert!((1.0..=5.0).contains(&p.est));
//! assert!(p.actual_k.unwrap() <= 10);
//! // A stranger gets the baseline, never an impossible prediction.
//! assert!(!predict(&knn, &train, "nobody", "i7", None).was_impossible());
//! ```

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::baseline_only::baseline_estimate;
use super::biases::{BaselineOptions, ValidBaselineOptions};
use super::prediction::{Algorithm, Estimate, Impossible};
use super::trainset::Trainset;
use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::similarity::baselines::Baselines;
use crate::engine::similarity::storage::{contiguous, RowValues};
use crate::engine::similarity::{
    compute, compute_with_baselines, Measure, SimilarityMatrix, SimilarityParams, ValidSimilarityParams,
};

/// Which of Surprise's k-NN algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum KnnVariant {
    /// `KNNBasic`: similarity-weighted mean of the neighbours' ratings.
    #[default]
    Basic,
    /// `KNNWithMeans`: the mean plus the weighted mean of the neighbours' deviations from their means.
    WithMeans,
    /// `KNNWithZScore`: as `WithMeans`, with deviations in standard deviations.
    WithZScore,
    /// `KNNBaseline`: the baseline plus the weighted mean of the neighbours' deviations from theirs.
    Baseline,
}

impl KnnVariant {
    /// Every variant.
    pub const ALL: [KnnVariant; 4] =
        [KnnVariant::Basic, KnnVariant::WithMeans, KnnVariant::WithZScore, KnnVariant::Baseline];

    /// Surprise's class name.
    pub fn name(self) -> &'static str {
        match self {
            KnnVariant::Basic => "KNNBasic",
            KnnVariant::WithMeans => "KNNWithMeans",
            KnnVariant::WithZScore => "KNNWithZScore",
            KnnVariant::Baseline => "KNNBaseline",
        }
    }

    /// Parses a class name, ignoring case.
    pub fn from_name(name: &str) -> Result<KnnVariant, EngineError> {
        let wanted = name.trim().to_lowercase();
        KnnVariant::ALL.into_iter().find(|v| v.name().to_lowercase() == wanted).ok_or_else(|| {
            EngineError::param(
                "algorithm",
                format!("unknown k-NN algorithm '{name}'; use KNNBasic, KNNWithMeans, KNNWithZScore or KNNBaseline"),
            )
        })
    }
}

/// Options of a k-NN algorithm, with Surprise's names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KnnParams {
    /// Which algorithm.
    pub variant: KnnVariant,
    /// Most neighbours aggregated (default 40).
    pub k: usize,
    /// Fewest neighbours with positive similarity for the neighbour term (default 1).
    pub min_k: usize,
    /// Users compared with users (Surprise's `user_based` true, the default) or items with items.
    pub kind: Kind,
    /// The similarity measure (default `msd`).
    pub measure: Measure,
    /// Pairs with fewer common ratings get similarity 0 (default 1).
    pub min_support: usize,
    /// Shrinkage of `pearson_baseline` (default 100).
    pub shrinkage: f64,
    /// Baseline fitting, for `KNNBaseline` and `pearson_baseline` (Surprise's `bsl_options`, default ALS).
    pub baseline: BaselineOptions,
}

/// Parameters that passed [`KnnParams::check`]: the only kind [`Knn::fit`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidKnnParams {
    params: KnnParams,
    similarity: ValidSimilarityParams,
    baseline: ValidBaselineOptions,
}

impl std::ops::Deref for ValidKnnParams {
    type Target = KnnParams;
    fn deref(&self) -> &KnnParams {
        &self.params
    }
}

impl KnnParams {
    /// Surprise's defaults for `variant`: k 40, min_k 1, user-based msd, min_support 1,
    /// shrinkage 100, ALS baselines.
    pub fn new(variant: KnnVariant) -> Self {
        KnnParams {
            variant,
            k: 40,
            min_k: 1,
            kind: Kind::User,
            measure: Measure::Msd,
            min_support: 1,
            shrinkage: 100.0,
            baseline: BaselineOptions::default(),
        }
    }
    /// Sets `k`.
    pub fn k(mut self, k: usize) -> Self {
        self.k = k;
        self
    }
    /// Sets `min_k`.
    pub fn min_k(mut self, min_k: usize) -> Self {
        self.min_k = min_k;
        self
    }
    /// Sets user-based (`Kind::User`) or item-based (`Kind::Item`).
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }
    /// Sets the similarity measure.
    pub fn measure(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }
    /// Sets `min_support`.
    pub fn min_support(mut self, n: usize) -> Self {
        self.min_support = n;
        self
    }
    /// Sets the `pearson_baseline` shrinkage.
    pub fn shrinkage(mut self, s: f64) -> Self {
        self.shrinkage = s;
        self
    }
    /// Sets the baseline options.
    pub fn baseline(mut self, options: BaselineOptions) -> Self {
        self.baseline = options;
        self
    }
    /// Checks every option once: `k` at least 1, a measure computable from ratings alone
    /// (not `attribute_jaccard`), and the similarity and baseline options.
    pub fn check(self) -> Result<ValidKnnParams, EngineError> {
        if self.k == 0 {
            return Err(EngineError::param("k", "must be at least 1"));
        }
        if self.measure == Measure::AttributeJaccard {
            return Err(EngineError::param(
                "measure",
                "attribute_jaccard compares item attributes, not ratings; choose another measure for prediction",
            ));
        }
        let similarity = SimilarityParams::new(self.kind, self.measure)
            .min_support(self.min_support)
            .shrinkage(self.shrinkage)
            .check()?;
        let baseline = self.baseline.check()?;
        Ok(ValidKnnParams { params: self, similarity, baseline })
    }
}

/// A fitted k-NN algorithm.
#[derive(Debug, Clone, PartialEq)]
pub struct Knn {
    variant: KnnVariant,
    kind: Kind,
    k: usize,
    min_k: usize,
    similarity: SimilarityMatrix,
    /// For each y (an item when user-based), where its (x, rating) list starts in `lists`.
    starts: Vec<usize>,
    /// Every y's (x, rating) list in input order, one after the other.
    lists: Vec<(u32, f64)>,
    n_users: usize,
    n_items: usize,
    /// Mean rating of each x (`KNNWithMeans`, `KNNWithZScore`).
    means: Vec<f64>,
    /// Standard deviation of each x's ratings, 0 replaced (`KNNWithZScore`).
    sigmas: Vec<f64>,
    /// Biases (`KNNBaseline`, or `pearson_baseline`).
    baselines: Option<Baselines>,
}

/// A neighbour of an estimate (see [`Knn::neighbours`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KnnNeighbour {
    /// Its index: a user index when user-based, an item index when item-based.
    pub index: usize,
    /// Its similarity to the user (or item) whose rating is estimated.
    pub similarity: f64,
    /// Its rating of the item (user-based) or the user's rating of it (item-based).
    pub rating: f64,
}

/// One candidate neighbour as a single number that sorts ascending in `heapq.nlargest`'s
/// order: the complemented bits of its (positive) similarity above its position in the
/// rating list, so that the more similar comes first and, among equals, the earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate(u128);

impl Candidate {
    /// The candidate with similarity `sim` (positive) at `pos` in the rating list.
    fn new(sim: f64, pos: usize) -> Candidate {
        Candidate((u128::from(!sim.to_bits()) << 32) | pos as u128)
    }
    /// The similarity.
    fn sim(self) -> f64 {
        f64::from_bits(!((self.0 >> 32) as u64))
    }
    /// The position in the rating list.
    fn pos(self) -> usize {
        (self.0 & u128::from(u32::MAX)) as usize
    }
}

/// Writes every rater of `list` as a candidate and keeps those with positive similarity in
/// `row` (the count moves on), which avoids a branch the processor cannot predict.
fn keep_positive<T: Copy + Into<f64>>(row: &[T], list: &[(u32, f64)], buf: &mut Vec<Candidate>) {
    buf.resize(list.len(), Candidate(0));
    let mut kept = 0;
    for (pos, &(x2, _)) in list.iter().enumerate() {
        let sim: f64 = row.get(x2 as usize).map_or(0.0, |&v| v.into());
        buf[kept] = Candidate::new(sim, pos);
        kept += usize::from(sim > 0.0);
    }
    buf.truncate(kept);
}

thread_local! {
    /// Reused between estimates so that predicting does not allocate.
    static SCRATCH: RefCell<Vec<Candidate>> = const { RefCell::new(Vec::new()) };
}

impl Knn {
    /// Fits on `train`: biases when needed, the similarity matrix, means and deviations.
    /// Fails only when the similarity matrix would exceed the memory budget.
    pub fn fit(train: &Trainset, params: &ValidKnnParams) -> Result<Knn, EngineError> {
        let ratings = train.ratings();
        let pearson_baseline = params.measure == Measure::PearsonBaseline;
        let baselines =
            (params.variant == KnnVariant::Baseline || pearson_baseline).then(|| params.baseline.fit(train));
        let similarity = match &baselines {
            Some(b) if pearson_baseline => compute_with_baselines(ratings, &params.similarity, b)?,
            _ => compute(ratings, None, &params.similarity)?,
        };
        let user_based = params.kind == Kind::User;
        let (n_x, n_y) =
            if user_based { (train.n_users(), train.n_items()) } else { (train.n_items(), train.n_users()) };
        let xr = |x: usize| if user_based { train.ur(x) } else { train.ir(x) };
        let yr = |y: usize| if user_based { train.ir(y) } else { train.ur(y) };
        let mut starts = Vec::with_capacity(n_y + 1);
        let mut lists = Vec::with_capacity(ratings.len());
        starts.push(0);
        for y in 0..n_y {
            lists.extend_from_slice(yr(y));
            starts.push(lists.len());
        }
        let (mut means, mut sigmas) = (Vec::new(), Vec::new());
        if matches!(params.variant, KnnVariant::WithMeans | KnnVariant::WithZScore) {
            let mut values = Vec::new();
            for x in 0..n_x {
                values.clear();
                values.extend(xr(x).iter().map(|&(_, r)| r));
                means.push(np_mean(&values));
                if params.variant == KnnVariant::WithZScore {
                    sigmas.push(np_std(&values));
                }
            }
        }
        if params.variant == KnnVariant::WithZScore {
            let all: Vec<f64> = train.all_ratings().map(|(_, _, r)| r).collect();
            // Surprise uses the overall σ where a σ is 0; if that is 0 too (every rating
            // equal, where Surprise divides 0 by 0), 1 keeps the estimate at the mean.
            let overall = np_std(&all);
            let fallback = if overall > 0.0 { overall } else { 1.0 };
            for s in &mut sigmas {
                if *s == 0.0 {
                    *s = fallback;
                }
            }
        }
        Ok(Knn {
            variant: params.variant,
            kind: params.kind,
            k: params.k,
            min_k: params.min_k,
            similarity,
            starts,
            lists,
            n_users: train.n_users(),
            n_items: train.n_items(),
            means,
            sigmas,
            baselines,
        })
    }

    /// Which algorithm this is.
    pub fn variant(&self) -> KnnVariant {
        self.variant
    }

    /// The similarity matrix computed at fit.
    pub fn similarity(&self) -> &SimilarityMatrix {
        &self.similarity
    }

    /// The biases, for `KNNBaseline` or the `pearson_baseline` measure.
    pub fn baselines(&self) -> Option<&Baselines> {
        self.baselines.as_ref()
    }

    /// User-based (`Kind::User`) or item-based (`Kind::Item`).
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Most neighbours aggregated.
    pub fn k(&self) -> usize {
        self.k
    }

    /// Fewest neighbours for the neighbour term.
    pub fn min_k(&self) -> usize {
        self.min_k
    }

    /// The mean rating of x (a user when user-based, an item when item-based), for
    /// `KNNWithMeans` and `KNNWithZScore`; `None` for the other variants or out of range.
    pub fn mean(&self, x: usize) -> Option<f64> {
        self.means.get(x).copied()
    }

    /// The standard deviation of x's ratings (0 replaced), for `KNNWithZScore`.
    pub fn sigma(&self, x: usize) -> Option<f64> {
        self.sigmas.get(x).copied()
    }

    /// The neighbours an estimate of user index `u`'s rating of item index `i` aggregates:
    /// at most `k` with positive similarity, in the order their terms are summed (most
    /// similar first, ties in rating-list order). Their count is `actual_k`, and they
    /// are used only when it reaches `min_k`. Empty for indices out of range.
    pub fn neighbours(&self, u: usize, i: usize) -> Vec<KnnNeighbour> {
        if u >= self.n_users || i >= self.n_items {
            return Vec::new();
        }
        let (x, y) = match self.kind {
            Kind::User => (u, i),
            Kind::Item => (i, u),
        };
        let mut buf = Vec::new();
        self.nearest(x, y, &mut buf);
        // Most similar first for display; the estimate's sum does not depend on this order
        // beyond the last bits (see `nearest`).
        buf.sort_unstable();
        let list = self.list(y);
        buf.iter()
            .map(|&c| {
                let (index, rating) = list[c.pos()];
                KnnNeighbour { index: index as usize, similarity: c.sim(), rating }
            })
            .collect()
    }

    /// y's (x, rating) list in input order.
    fn list(&self, y: usize) -> &[(u32, f64)] {
        match (self.starts.get(y), self.starts.get(y + 1)) {
            (Some(&a), Some(&b)) => &self.lists[a..b],
            _ => &[],
        }
    }

    /// Fills `buf` with the at most `k` most similar raters of y with positive similarity
    /// to x — among equals the earlier in list order, as `heapq.nlargest`, whose top `k` of
    /// all raters keeps exactly these once non-positive ones are skipped. The set is exact;
    /// its order is not sorted (sorting cost a quarter of prediction time), so sums differ
    /// from Surprise's descending-order sums only in the last bits (fixtures agree to 1e-9).
    fn nearest(&self, x: usize, y: usize, buf: &mut Vec<Candidate>) {
        buf.clear();
        let list = self.list(y);
        match self.similarity.values.row(x) {
            RowValues::F64(row) => keep_positive(&contiguous(row), list, buf),
            RowValues::F32(row) => keep_positive(&contiguous(row), list, buf),
        }
        if buf.len() > self.k {
            buf.select_nth_unstable(self.k - 1);
            buf.truncate(self.k);
        }
    }

    /// The estimate from the neighbours, with Surprise's operations.
    fn aggregate(&self, x: usize, y: usize, base: f64, neighbours: &[Candidate]) -> Result<Estimate, Impossible> {
        let actual_k = neighbours.len();
        let list = self.list(y);
        let (mut sum_sim, mut sum_ratings) = (0.0, 0.0);
        for &c in neighbours {
            let sim = c.sim();
            let (nb, r) = list[c.pos()];
            let nb = nb as usize;
            sum_sim += sim;
            sum_ratings += match self.variant {
                KnnVariant::Basic => sim * r,
                KnnVariant::WithMeans => sim * (r - self.means[nb]),
                KnnVariant::WithZScore => sim * (r - self.means[nb]) / self.sigmas[nb],
                KnnVariant::Baseline => {
                    let b = self.baselines.as_ref().map_or((0.0, 0.0, 0.0), |b| match self.kind {
                        Kind::User => (b.global_mean, b.user[nb], b.item[y]),
                        Kind::Item => (b.global_mean, b.item[nb], b.user[y]),
                    });
                    sim * (r - (b.0 + b.1 + b.2))
                }
            };
        }
        let enough = actual_k >= self.min_k;
        let value = match self.variant {
            KnnVariant::Basic if !enough || actual_k == 0 => return Err(Impossible::NotEnoughNeighbours),
            KnnVariant::Basic => sum_ratings / sum_sim,
            _ if !enough || actual_k == 0 => base,
            KnnVariant::WithZScore => base + sum_ratings / sum_sim * self.sigmas[x],
            _ => base + sum_ratings / sum_sim,
        };
        Ok(Estimate { value, actual_k: Some(actual_k) })
    }
}

impl Algorithm for Knn {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        let u = u.filter(|&u| u < self.n_users);
        let i = i.filter(|&i| i < self.n_items);
        let base = match (self.variant, &self.baselines) {
            (KnnVariant::Baseline, Some(b)) => {
                let est = baseline_estimate(b, u, i);
                if u.is_none() || i.is_none() {
                    return Ok(Estimate::of(est));
                }
                est
            }
            _ => 0.0,
        };
        let (Some(u), Some(i)) = (u, i) else {
            return Err(Impossible::UnknownUserOrItem);
        };
        let (x, y) = match self.kind {
            Kind::User => (u, i),
            Kind::Item => (i, u),
        };
        let base = match self.variant {
            KnnVariant::WithMeans | KnnVariant::WithZScore => self.means[x],
            _ => base,
        };
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buf) => {
                self.nearest(x, y, &mut buf);
                self.aggregate(x, y, base, &buf)
            }
            Err(_) => {
                let mut buf = Vec::new();
                self.nearest(x, y, &mut buf);
                self.aggregate(x, y, base, &buf)
            }
        })
    }
}

/// Sum as NumPy's pairwise summation (`np.sum` of a contiguous float64 array), so that
/// means and deviations match Surprise's to the last bit.
fn np_sum(a: &[f64]) -> f64 {
    const BLOCK: usize = 128;
    let n = a.len();
    if n < 8 {
        a.iter().fold(0.0, |acc, &x| acc + x)
    } else if n <= BLOCK {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let whole = n - n % 8;
        for chunk in a[8..whole].chunks_exact(8) {
            for (acc, &x) in r.iter_mut().zip(chunk) {
                *acc += x;
            }
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[whole..] {
            res += x;
        }
        res
    } else {
        let half = n / 2;
        let half = half - half % 8;
        np_sum(&a[..half]) + np_sum(&a[half..])
    }
}

/// `np.mean` (0 for an empty slice, where NumPy gives NaN).
fn np_mean(a: &[f64]) -> f64 {
    if a.is_empty() {
        0.0
    } else {
        np_sum(a) / a.len() as f64
    }
}

/// `np.std`: the population standard deviation (0 for an empty slice).
fn np_std(a: &[f64]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let mean = np_mean(a);
    let squares: Vec<f64> = a.iter().map(|&x| (x - mean) * (x - mean)).collect();
    (np_sum(&squares) / a.len() as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_sums_small_and_blocked() {
        assert_eq!(np_sum(&[]), 0.0);
        assert_eq!(np_sum(&[1.0, 2.0, 3.0]), 6.0);
        // Values whose sum depends on the order of the additions: sin(k)·10^(k mod 7). The
        // expected sums are NumPy 2.4.6's `np.sum` of the same arrays (printed with repr);
        // from 100 values on, a left-to-right sum gives another number, so this sees the order.
        let numpy = [
            (7, -382635.4861577285),
            (9, -382624.9355886635),
            (100, 2608216.129341226),
            (130, -267877.7435491818),
            (300, 1750037.6192062735),
            (1000, -191681.50618767645),
            (4099, 2191921.127048534),
        ];
        for (n, expected) in numpy {
            let a: Vec<f64> = (0..n).map(|k| (k as f64).sin() * 10f64.powi(k % 7)).collect();
            assert_eq!(np_sum(&a).to_bits(), f64::to_bits(expected), "n = {n}");
            if n >= 100 {
                assert_ne!(a.iter().fold(0.0, |s, x| s + x), expected, "n = {n}: left to right differs");
            }
        }
        approx::assert_abs_diff_eq!(np_std(&[1.0, 2.0, 3.0, 4.0]), 1.25f64.sqrt(), epsilon = 1e-15);
    }
}
