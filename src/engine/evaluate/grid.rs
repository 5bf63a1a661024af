//! Grid search, as scikit-surprise's `GridSearchCV`: every combination of the listed
//! parameter values is cross-validated on the same folds and the results are ranked
//! by mean RMSE, lowest first.
//!
//! [`GridParams`] starts from one [`AlgoOptions`] and lists values for the
//! parameters worth searching: `k` and `measure` for the k-NN algorithms, `factors`
//! and `epochs` for SVD. A list that does not apply to the chosen algorithm is
//! ignored (and named in [`GridReport::ignored`]); a parameter without a list keeps
//! its value from the base options. [`GridParams::check`] rejects an empty list, a
//! value listed twice, a value the algorithm refuses and more than
//! [`MAX_GRID_COMBINATIONS`] combinations, before anything is fitted.
//!
//! [`grid_search`] calls `progress` after every fit (every fold of every
//! combination). Returning `false` stops the search: the [`Outcome::Cancelled`]
//! report ranks the combinations whose folds all ran. Combinations with equal mean
//! RMSE keep their grid order: the first list varies slowest.
//!
//! ```
//! use discount_lab::engine::evaluate::{grid_search, GridParams, KFold, TopNParams};
//! use discount_lab::engine::predict::AlgoOptions;
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
//!     .measure(vec!["msd".into(), "cosine".into()])
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
use crate::engine::predict::{AlgoOptions, AlgoSpec};
use crate::engine::similarity::Measure;

/// Most parameter combinations a grid may have.
pub const MAX_GRID_COMBINATIONS: usize = 64;

/// A grid as the user gives it; `None` means "not searched".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GridParams {
    /// The algorithm and the values of every parameter not searched.
    pub base: AlgoOptions,
    /// k-NN: values of `k`.
    pub k: Option<Vec<usize>>,
    /// k-NN: similarity measure names.
    pub measure: Option<Vec<String>>,
    /// SVD: numbers of factors.
    pub factors: Option<Vec<usize>>,
    /// SVD: numbers of epochs.
    pub epochs: Option<Vec<usize>>,
}

/// One combination of searched values; parameters not searched are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GridPoint {
    /// k-NN: `k`.
    pub k: Option<usize>,
    /// k-NN: the measure's name.
    pub measure: Option<String>,
    /// SVD: number of factors.
    pub factors: Option<usize>,
    /// SVD: number of epochs.
    pub epochs: Option<usize>,
}

/// A grid that passed [`GridParams::check`]: its combinations, each checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidGridParams {
    algo: &'static str,
    ignored: Vec<&'static str>,
    points: Vec<(GridPoint, AlgoSpec)>,
}

impl GridParams {
    /// A grid around `base` with nothing searched yet.
    pub fn new(base: AlgoOptions) -> Self {
        GridParams { base, ..Default::default() }
    }
    /// Sets the values of `k`.
    pub fn k(mut self, values: Vec<usize>) -> Self {
        self.k = Some(values);
        self
    }
    /// Sets the measure names.
    pub fn measure(mut self, values: Vec<String>) -> Self {
        self.measure = Some(values);
        self
    }
    /// Sets the numbers of factors.
    pub fn factors(mut self, values: Vec<usize>) -> Self {
        self.factors = Some(values);
        self
    }
    /// Sets the numbers of epochs.
    pub fn epochs(mut self, values: Vec<usize>) -> Self {
        self.epochs = Some(values);
        self
    }

    /// Checks the base options, every list that applies and every combination (see the module docs).
    pub fn check(&self) -> Result<ValidGridParams, EngineError> {
        let spec = self.base.check()?;
        let (knn, svd) = (matches!(spec, AlgoSpec::Knn(_)), matches!(spec, AlgoSpec::Svd(_)));
        let mut ignored = Vec::new();
        let mut used = |name: &'static str, present: bool, applies: bool| {
            if present && !applies {
                ignored.push(name);
            }
            present && applies
        };
        let k = used("k", self.k.is_some(), knn).then(|| self.k.clone()).flatten();
        let measure = used("measure", self.measure.is_some(), knn).then(|| self.measure.clone()).flatten();
        let factors = used("factors", self.factors.is_some(), svd).then(|| self.factors.clone()).flatten();
        let epochs = used("epochs", self.epochs.is_some(), svd).then(|| self.epochs.clone()).flatten();
        let measure = match measure {
            // Canonical names, so that "MSD" and "msd" count as the same value.
            Some(names) => Some(
                names.iter().map(|m| Measure::from_name(m).map(|m| m.name().to_string())).collect::<Result<_, _>>()?,
            ),
            None => None,
        };
        check_list("k", k.as_deref())?;
        check_list("measure", measure.as_deref())?;
        check_list("factors", factors.as_deref())?;
        check_list("epochs", epochs.as_deref())?;
        let lens = [k.as_ref().map(Vec::len), measure.as_ref().map(Vec::len)];
        let lens = lens.into_iter().chain([factors.as_ref().map(Vec::len), epochs.as_ref().map(Vec::len)]);
        let count = lens.map(|n| n.unwrap_or(1)).fold(1usize, usize::saturating_mul);
        if count > MAX_GRID_COMBINATIONS {
            return Err(EngineError::param(
                "grid",
                format!("{count} combinations, over the limit of {MAX_GRID_COMBINATIONS}; list fewer values"),
            ));
        }
        // Cartesian product, the first list varying slowest.
        let options = |v: &Option<Vec<usize>>| v.clone().map_or(vec![None], |v| v.into_iter().map(Some).collect());
        let measures = measure.map_or(vec![None], |v| v.into_iter().map(Some).collect());
        let mut points = Vec::with_capacity(count);
        for &k in &options(&k) {
            for measure in &measures {
                for &factors in &options(&factors) {
                    for &epochs in &options(&epochs) {
                        let point = GridPoint { k, measure: measure.clone(), factors, epochs };
                        let opts = AlgoOptions {
                            k: k.or(self.base.k),
                            measure: measure.clone().or_else(|| self.base.measure.clone()),
                            factors: factors.or(self.base.factors),
                            epochs: epochs.or(self.base.epochs),
                            ..self.base.clone()
                        };
                        points.push((point, opts.check()?));
                    }
                }
            }
        }
        Ok(ValidGridParams { algo: spec.name(), ignored, points })
    }
}

/// Fails when a list is empty or holds a value twice.
fn check_list<T: PartialEq + std::fmt::Display>(name: &'static str, list: Option<&[T]>) -> Result<(), EngineError> {
    let Some(list) = list else { return Ok(()) };
    if list.is_empty() {
        return Err(EngineError::param(name, "the list of values to search is empty"));
    }
    if let Some(v) = list.iter().enumerate().find_map(|(k, v)| list[..k].contains(v).then_some(v)) {
        return Err(EngineError::param(name, format!("the value {v} is listed twice")));
    }
    Ok(())
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
