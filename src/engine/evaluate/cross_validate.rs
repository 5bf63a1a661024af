//! Cross-validation, as scikit-surprise's `model_selection.cross_validate`, with the
//! clock and the progress report handed in so the engine stays pure.
//!
//! For every [`Fold`], in order, [`cross_validate`] fits the algorithm on the training
//! set, predicts the test ratings ([`Fold::test`]) and scores the predictions: RMSE,
//! MAE and FCP ([`metrics`](super::metrics); FCP is `None` when no test user has two
//! ratings that differ) and precision@k, recall@k and NDCG@k ([`top_n`](mod@super::top_n)).
//! The fit and the predictions are timed with the injected `clock`, which returns
//! milliseconds from any fixed origin: the command line passes one built on
//! `std::time::Instant`, the browser `performance.now()`, tests a counter. Scoring is
//! not timed.
//!
//! After each fold the `progress` callback receives the folds done, the total and the
//! report so far; returning `false` before the last fold stops the run, which then
//! ends as [`Outcome::Cancelled`] with the folds completed. The report's means (and
//! population standard deviations, as Surprise prints them) are taken over the folds
//! in it; FCP's over the folds where it is defined.
//!
//! ```
//! use discount_lab::engine::evaluate::{cross_validate, KFold, Outcome, TopNParams};
//! use discount_lab::engine::predict::{AlgoSpec, BaselineOnlyParams};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let triples: Vec<(String, String, f64)> = (0..300)
//!     .map(|_| (format!("u{}", rng.random_range(0..25)), format!("i{}", rng.random_range(0..15)), rng.random_range(1..=5) as f64))
//!     .collect();
//! let ratings = Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let folds = KFold::new().n_splits(3).random_state(1).check().unwrap().split(&ratings).unwrap();
//! let spec = AlgoSpec::Baseline(BaselineOnlyParams::new().check().unwrap());
//! let top = TopNParams::new().k(5).check().unwrap();
//! // A fake clock: every reading is 1 ms after the previous one.
//! let ticks = std::cell::Cell::new(0.0);
//! let clock = || { ticks.set(ticks.get() + 1.0); ticks.get() };
//! let mut seen = Vec::new();
//! let outcome = cross_validate(&spec, &folds, &top, &clock, &mut |p| {
//!     seen.push(p.done);
//!     true
//! })
//! .unwrap();
//! assert_eq!(seen, [1, 2, 3]);
//! let report = outcome.complete().unwrap();
//! assert_eq!(report.folds.len(), 3);
//! assert_eq!(report.folds[0].scores.fit_ms, 1.0);
//! let mean = report.folds.iter().map(|f| f.scores.rmse).sum::<f64>() / 3.0;
//! assert!((report.mean.rmse - mean).abs() < 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use super::metrics::{fcp, mae, rmse};
use super::split::Fold;
use super::top_n::{top_n, ValidTopNParams};
use crate::engine::error::EngineError;
use crate::engine::predict::AlgoSpec;

/// How a cancellable run ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", content = "report", rename_all = "lowercase")]
pub enum Outcome<T> {
    /// Every step ran.
    Complete(T),
    /// The progress callback returned `false`; the report covers the steps done.
    Cancelled(T),
}

impl<T> Outcome<T> {
    /// The report, complete or partial.
    pub fn report(&self) -> &T {
        match self {
            Outcome::Complete(r) | Outcome::Cancelled(r) => r,
        }
    }
    /// The report, complete or partial, by value.
    pub fn into_report(self) -> T {
        match self {
            Outcome::Complete(r) | Outcome::Cancelled(r) => r,
        }
    }
    /// The report when every step ran, `None` when cancelled.
    pub fn complete(self) -> Option<T> {
        match self {
            Outcome::Complete(r) => Some(r),
            Outcome::Cancelled(_) => None,
        }
    }
    /// Whether the run was cancelled.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, Outcome::Cancelled(_))
    }
}

/// What the progress callback is told after each fold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress<'a> {
    /// Fits done so far (folds, or folds over all combinations in a grid search).
    pub done: usize,
    /// Fits in the whole run.
    pub total: usize,
    /// The report so far of the algorithm being cross-validated.
    pub report: &'a CvReport,
}

/// The scores of one fold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoldResult {
    /// 0-based fold number.
    pub fold: usize,
    /// Ratings in the training set.
    pub n_train: usize,
    /// Ratings in the test set.
    pub n_test: usize,
    /// Test predictions that fell back to the global mean.
    pub n_impossible: usize,
    /// The fold's scores and times.
    #[serde(flatten)]
    pub scores: CvSummary,
}

/// Means or standard deviations of the fold scores.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CvSummary {
    /// Of RMSE.
    pub rmse: f64,
    /// Of MAE.
    pub mae: f64,
    /// Of FCP over the folds where it is defined; `None` when it is defined in none.
    pub fcp: Option<f64>,
    /// Of precision@k.
    pub precision: f64,
    /// Of recall@k.
    pub recall: f64,
    /// Of NDCG@k.
    pub ndcg: f64,
    /// Of the fit time in milliseconds.
    pub fit_ms: f64,
    /// Of the prediction time in milliseconds.
    pub test_ms: f64,
}

/// A cross-validation: every fold's scores, their means and standard deviations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CvReport {
    /// The algorithm's name (see [`ALGO_NAMES`](crate::engine::predict::ALGO_NAMES)).
    pub algo: String,
    /// k of the top-N metrics.
    pub top_k: usize,
    /// Relevance threshold of the top-N metrics.
    pub threshold: f64,
    /// Each fold done, in order.
    pub folds: Vec<FoldResult>,
    /// Means over [`CvReport::folds`] (all zero while no fold is done).
    pub mean: CvSummary,
    /// Population standard deviations over [`CvReport::folds`] (numpy's `std`, as Surprise).
    pub std: CvSummary,
}

impl CvReport {
    /// A report without folds.
    fn empty(spec: &AlgoSpec, top: &ValidTopNParams) -> CvReport {
        CvReport {
            algo: spec.name().to_string(),
            top_k: top.k,
            threshold: top.threshold,
            folds: Vec::new(),
            mean: CvSummary::default(),
            std: CvSummary::default(),
        }
    }

    /// Adds a fold and updates the means and standard deviations.
    fn push(&mut self, fold: FoldResult) {
        self.folds.push(fold);
        let folds = &self.folds;
        let stats = |f: fn(&CvSummary) -> f64| mean_std(folds.iter().map(|fold| f(&fold.scores)));
        let fcp = mean_std(folds.iter().filter_map(|f| f.scores.fcp));
        let (rmse, mae) = (stats(|s| s.rmse), stats(|s| s.mae));
        let (precision, recall, ndcg) = (stats(|s| s.precision), stats(|s| s.recall), stats(|s| s.ndcg));
        let (fit_ms, test_ms) = (stats(|s| s.fit_ms), stats(|s| s.test_ms));
        let pick = |which: fn((f64, f64, usize)) -> f64| CvSummary {
            rmse: which(rmse),
            mae: which(mae),
            fcp: (fcp.2 > 0).then(|| which(fcp)),
            precision: which(precision),
            recall: which(recall),
            ndcg: which(ndcg),
            fit_ms: which(fit_ms),
            test_ms: which(test_ms),
        };
        self.mean = pick(|(m, _, _)| m);
        self.std = pick(|(_, s, _)| s);
    }
}

/// (mean, population standard deviation, count) of `values`; (0, 0, 0) for none.
fn mean_std(values: impl Iterator<Item = f64>) -> (f64, f64, usize) {
    let v: Vec<f64> = values.collect();
    if v.is_empty() {
        return (0.0, 0.0, 0);
    }
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    (mean, var.sqrt(), v.len())
}

/// Cross-validates the algorithm `spec` on `folds` (see the module docs). `clock`
/// returns milliseconds; `progress` is called after every fold and stops the run when
/// it returns `false`. Fails when `folds` is empty, a fold has no test rating or a fit
/// fails.
pub fn cross_validate(
    spec: &AlgoSpec,
    folds: &[Fold],
    top_n: &ValidTopNParams,
    clock: &dyn Fn() -> f64,
    progress: &mut dyn FnMut(Progress<'_>) -> bool,
) -> Result<Outcome<CvReport>, EngineError> {
    check_folds(folds)?;
    let total = folds.len();
    run_folds(spec, folds, top_n, clock, &mut |done, report| progress(Progress { done, total, report }))
}

/// Fails when there is no fold or a fold has no test rating.
pub(crate) fn check_folds(folds: &[Fold]) -> Result<(), EngineError> {
    if folds.is_empty() {
        return Err(EngineError::param("folds", "there must be at least one fold"));
    }
    if let Some(k) = folds.iter().position(|f| f.testset.is_empty()) {
        return Err(EngineError::param("folds", format!("fold {} has no test ratings", k + 1)));
    }
    Ok(())
}

/// The loop of [`cross_validate`]; `after(folds done, report)` decides whether to go on.
pub(crate) fn run_folds(
    spec: &AlgoSpec,
    folds: &[Fold],
    top: &ValidTopNParams,
    clock: &dyn Fn() -> f64,
    after: &mut dyn FnMut(usize, &CvReport) -> bool,
) -> Result<Outcome<CvReport>, EngineError> {
    let mut report = CvReport::empty(spec, top);
    for (k, fold) in folds.iter().enumerate() {
        report.push(score_fold(spec, k, fold, top, clock)?);
        if !after(k + 1, &report) && k + 1 < folds.len() {
            return Ok(Outcome::Cancelled(report));
        }
    }
    Ok(Outcome::Complete(report))
}

/// Milliseconds between two clock readings; 0 for a clock going backwards or NaN.
fn elapsed(start: f64, end: f64) -> f64 {
    (end - start).max(0.0)
}

/// Fits, predicts and scores one fold.
fn score_fold(
    spec: &AlgoSpec,
    k: usize,
    fold: &Fold,
    top: &ValidTopNParams,
    clock: &dyn Fn() -> f64,
) -> Result<FoldResult, EngineError> {
    let t0 = clock();
    let algo = spec.fit(&fold.trainset)?;
    let t1 = clock();
    let predictions = fold.test(algo.as_ref());
    let t2 = clock();
    let tops = top_n(&predictions, top)?;
    Ok(FoldResult {
        fold: k,
        n_train: fold.trainset.ratings().len(),
        n_test: predictions.len(),
        n_impossible: predictions.iter().filter(|p| p.was_impossible()).count(),
        scores: CvSummary {
            rmse: rmse(&predictions)?,
            mae: mae(&predictions)?,
            fcp: fcp(&predictions).ok(),
            precision: tops.precision,
            recall: tops.recall,
            ndcg: tops.ndcg,
            fit_ms: elapsed(t0, t1),
            test_ms: elapsed(t1, t2),
        },
    })
}
