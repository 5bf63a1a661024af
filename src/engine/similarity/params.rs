//! The options of a similarity computation, checked once.

use serde::{Deserialize, Serialize};

use super::baselines::AlsBaselineParams;
use super::measure::Measure;
use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::limits::{MAX_MIN_SUPPORT, MAX_SHRINKAGE};

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
    pub baseline: AlsBaselineParams,
}

/// Parameters that passed [`SimilarityParams::check`]: the only kind [`compute`](super::compute::compute) accepts.
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
            baseline: AlsBaselineParams::default(),
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
        if !self.shrinkage.is_finite() || !(0.0..=MAX_SHRINKAGE).contains(&self.shrinkage) {
            return Err(EngineError::param("shrinkage", format!("must be a number between 0 and {MAX_SHRINKAGE}")));
        }
        if self.min_support > MAX_MIN_SUPPORT {
            return Err(EngineError::param("min_support", format!("must be at most {MAX_MIN_SUPPORT}")));
        }
        if self.zero_fill && !self.measure.may_zero_fill() {
            return Err(EngineError::param("zero_fill", "only applies to the cosine measure"));
        }
        if !self.measure.applies_to(self.kind) {
            return Err(EngineError::param(
                "measure",
                format!("{} compares items; choose item-item similarity", self.measure.name()),
            ));
        }
        self.baseline.check()?;
        Ok(ValidSimilarityParams(self))
    }
}
