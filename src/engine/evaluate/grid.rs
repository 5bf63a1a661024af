//! Grid search, as scikit-surprise's `GridSearchCV`: every combination of the listed
//! parameter values is cross-validated on the same folds and the results are ranked
//! by mean RMSE, lowest first.
//!
//! [`GridParams`](crate::options::algo::GridParams) starts from one [`AlgoOptions`](crate::options::algo::AlgoOptions) and lists values for the
//! parameters worth searching: `k` and `measure` for the k-NN algorithms, `factors`
//! and `epochs` for SVD. A list that does not apply to the chosen algorithm is
//! ignored (and named in [`GridReport::ignored`]); a parameter without a list keeps
//! its value from the base options. Its `check` rejects an empty list, a
//! value listed twice, a value the algorithm refuses and more than
//! [`MAX_GRID_COMBINATIONS`] combinations, before anything is fitted.
//!
//! [`grid_search`] calls `progress` after every fit (every fold of every
//! combination). Returning `false` stops the search: the [`Outcome::Cancelled`]
//! report ranks the combinations whose folds all ran. Combinations with equal mean
//! RMSE keep their grid order: the first list varies slowest.
//!
//! ```
//! use discount_lab::engine::evaluate::{grid_search, KFold, TopNParams};
//! use discount_lab::engine::similarity::Measure;
//! use discount_lab::options::algo::{AlgoOptions, GridParams};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let triples: Vec<(String, String, f64)> = (0..300)
//!     .map(|_| (format!("u{}", rng.random_range(0..25)), format!("i{}", rng.random_range(0..15)), rng.random_range(1..=5) as f64))
//!     .collect();
//! let ratings = Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let folds = KFold::new().n_splits(2).random_state(1).check().unwrap().split(&ratings).unwrap();
//! let base = AlgoOptions { algo: "knn-basic".into(), ..Default::default() };
//! let grid = GridParams::new(base)
//!     .k(vec![2, 10])
//!     .measure(vec![Measure::Msd, Measure::Cosine])
//!     .factors(vec![5]) // ignored: k-NN has no factors
//!     .check()
//!     .unwrap();
//! assert_eq!(grid.len(), 4);
//! let top = TopNParams::new().k(5).check().unwrap();
//! let mut fits = 0;
//! let outcome = grid_search(&grid, &folds, &top, &|| 0.0, &mut |_| { fits += 1; true }).unwrap();
//! assert_eq!(fits, 4 * 2);
//! let report = outcome.complete().unwrap();
//! assert_eq!(report.ignored, ["factors"]);
//! assert!(report.results.windows(2).all(|w| w[0].report.mean.rmse <= w[1].report.mean.rmse));
//! ```

use serde::{Deserialize, Serialize};

use super::cross_validate::{check_folds, run_folds, CvReport, Outcome, Progress};
use super::split::Fold;
use super::top_n::ValidTopNParams;
use crate::engine::error::EngineError;
use crate::engine::predict::AlgoSpec;
use crate::engine::similarity::Measure;

/// Most parameter combinations a grid may have.
pub const MAX_GRID_COMBINATIONS: usize = 64;

/// One combination of searched values; parameters not searched are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GridPoint {
    /// k-NN: `k`.
    pub k: Option<usize>,
    /// k-NN: the measure.
    pub measure: Option<Measure>,
    /// SVD: number of factors.
    pub factors: Option<usize>,
    /// SVD: number of epochs.
    pub epochs: Option<usize>,
}

/// A grid whose every combination was checked (by [`GridParams::check`](crate::options::algo::GridParams::check)).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidGridParams {
    pub(crate) algo: &'static str,
    pub(crate) ignored: Vec<&'static str>,
    pub(crate) points: Vec<(GridPoint, AlgoSpec)>,
}

impl ValidGridParams {
    /// Number of combinations.
    pub fn len(&self) -> usize {
        self.points.len()
    }
    /// Always false: a grid has at least one combination (the base options).
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
    /// The combinations in grid order, each with its checked algorithm.
    pub fn points(&self) -> &[(GridPoint, AlgoSpec)] {
        &self.points
    }
    /// Lists given for parameters the algorithm does not have.
    pub fn ignored(&self) -> &[&'static str] {
        &self.ignored
    }
}

/// One combination and its cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridResult {
    /// The searched values.
    pub point: GridPoint,
    /// Its cross-validation on the grid's folds.
    pub report: CvReport,
}

/// A grid search: the combinations ranked by mean RMSE.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridReport {
    /// The algorithm's name.
    pub algo: String,
    /// Lists given for parameters the algorithm does not have.
    pub ignored: Vec<String>,
    /// Combinations whose folds all ran, lowest mean RMSE first (ties in grid order).
    pub results: Vec<GridResult>,
}

impl GridReport {
    /// The combination with the lowest mean RMSE, if any ran.
    pub fn best(&self) -> Option<&GridResult> {
        self.results.first()
    }
}

/// Cross-validates every combination of `grid` on `folds` and ranks them (see the
/// module docs). `clock` returns milliseconds; `progress` is called after every fit,
/// with [`Progress::report`] the current combination's report so far. Fails when
/// `folds` is empty, a fold has no test rating or a fit fails.
pub fn grid_search(
    grid: &ValidGridParams,
    folds: &[Fold],
    top_n: &ValidTopNParams,
    clock: &dyn Fn() -> f64,
    progress: &mut dyn FnMut(Progress<'_>) -> bool,
) -> Result<Outcome<GridReport>, EngineError> {
    check_folds(folds)?;
    let total = grid.points.len() * folds.len();
    let mut done = 0;
    let mut results = Vec::with_capacity(grid.points.len());
    let mut go_on = true;
    for (point, spec) in &grid.points {
        let outcome = run_folds(spec, folds, top_n, clock, &mut |_, report| {
            done += 1;
            go_on = progress(Progress { done, total, report });
            go_on
        })?;
        if let Outcome::Complete(report) = outcome {
            results.push(GridResult { point: point.clone(), report });
        }
        if !go_on {
            break;
        }
    }
    let cancelled = done < total;
    results.sort_by(|a, b| a.report.mean.rmse.total_cmp(&b.report.mean.rmse));
    let report = GridReport {
        algo: grid.algo.to_string(),
        ignored: grid.ignored.iter().map(|s| s.to_string()).collect(),
        results,
    };
    Ok(if cancelled { Outcome::Cancelled(report) } else { Outcome::Complete(report) })
}
