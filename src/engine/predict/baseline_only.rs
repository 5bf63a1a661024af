//! scikit-surprise's `BaselineOnly`: the estimate is the baseline b_ui = μ + b_u + b_i.
//!
//! The biases are fitted by ALS or SGD ([`BaselineOptions`]). An unknown user's bias
//! (or item's) counts as 0, so the estimate is never impossible: a stranger gets
//! μ + b_i, an unknown item μ + b_u, and both unknown the global mean μ.
//!
//! ```
//! use discount_lab::engine::predict::{predict, BaselineOnly, BaselineOnlyParams, BaselineOptions, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let r = Ratings::from_triples(
//!     [("ann", "tea", 5.0), ("bob", "tea", 3.0), ("ann", "jam", 4.0), ("cy", "jam", 1.0)],
//!     Scale::new(1.0, 5.0).unwrap(),
//! ).unwrap();
//! let train = Trainset::new(r);
//! let params = BaselineOnlyParams::new().baseline(BaselineOptions::sgd()).check().unwrap();
//! let algo = BaselineOnly::fit(&train, &params);
//! let p = predict(&algo, &train, "ann", "cake", None);
//! assert!(!p.was_impossible());
//! approx::assert_abs_diff_eq!(p.est, train.global_mean() + algo.baselines().user[0], epsilon = 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use super::biases::{BaselineOptions, ValidBaselineOptions};
use super::prediction::{Algorithm, Estimate, Impossible};
use super::trainset::Trainset;
use crate::engine::error::EngineError;
use crate::engine::similarity::baselines::Baselines;

/// Options of [`BaselineOnly`] (Surprise's `bsl_options`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct BaselineOnlyParams {
    /// How the biases are fitted (default ALS with Surprise's defaults).
    pub baseline: BaselineOptions,
}

/// Parameters that passed [`BaselineOnlyParams::check`]: the only kind [`BaselineOnly::fit`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidBaselineOnlyParams {
    baseline: ValidBaselineOptions,
}

impl BaselineOnlyParams {
    /// Surprise's defaults (ALS, 10 epochs, reg_u 15, reg_i 10).
    pub fn new() -> Self {
        BaselineOnlyParams::default()
    }
    /// Sets the bias fitting method and its options.
    pub fn baseline(mut self, options: BaselineOptions) -> Self {
        self.baseline = options;
        self
    }
    /// Checks every option once.
    pub fn check(self) -> Result<ValidBaselineOnlyParams, EngineError> {
        Ok(ValidBaselineOnlyParams { baseline: self.baseline.check()? })
    }
}

/// A fitted `BaselineOnly`.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineOnly {
    baselines: Baselines,
}

impl BaselineOnly {
    /// Fits the biases on `train`.
    pub fn fit(train: &Trainset, params: &ValidBaselineOnlyParams) -> BaselineOnly {
        BaselineOnly { baselines: params.baseline.fit(train) }
    }

    /// The fitted global mean and biases.
    pub fn baselines(&self) -> &Baselines {
        &self.baselines
    }
}

impl Algorithm for BaselineOnly {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        Ok(Estimate::of(baseline_estimate(&self.baselines, u, i)))
    }
}

/// μ + b_u + b_i, an unknown user's or item's bias counting as 0, summed in Surprise's order.
pub(crate) fn baseline_estimate(b: &Baselines, u: Option<usize>, i: Option<usize>) -> f64 {
    let mut est = b.global_mean;
    if let Some(bu) = u.and_then(|u| b.user.get(u)) {
        est += bu;
    }
    if let Some(bi) = i.and_then(|i| b.item.get(i)) {
        est += bi;
    }
    est
}
