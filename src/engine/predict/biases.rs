//! Fitting the biases b_u and b_i of b_ui = μ + b_u + b_i: scikit-surprise's `bsl_options`.
//!
//! Two methods, with Surprise's names and defaults:
//!
//! - `als` (the default): alternating least squares, 10 epochs, `reg_u` 15, `reg_i` 10
//!   (see [`crate::engine::similarity::baselines`]).
//! - `sgd`: stochastic gradient descent over every rating in
//!   [`Trainset::all_ratings`] order, `n_epochs` 20, `reg` 0.02, `learning_rate` 0.005.
//!   For each rating, err = r − (μ + b_u + b_i), then b_u += lr (err − reg b_u) and
//!   b_i += lr (err − reg b_i).
//!
//! `BaselineOnly`, `KNNBaseline` and the `pearson_baseline` similarity all use these.
//!
//! ```
//! use discount_lab::engine::predict::{BaselineOptions, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let r = Ratings::from_triples([("a", "x", 5.0), ("b", "x", 1.0), ("a", "y", 4.0)], Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let train = Trainset::new(r);
//! let b = BaselineOptions::sgd().check().unwrap().fit(&train);
//! assert!(b.user[0] > 0.0 && b.user[1] < 0.0);
//! ```

use serde::{Deserialize, Serialize};

use super::trainset::Trainset;
use crate::engine::error::EngineError;
use crate::engine::similarity::baselines::{als, AlsBaselineParams, Baselines};

/// Options of the SGD bias fit, with scikit-surprise's names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SgdBaselineParams {
    /// Passes over the ratings (default 20).
    pub n_epochs: usize,
    /// Regularisation of both biases (default 0.02).
    pub reg: f64,
    /// Step size (default 0.005).
    pub learning_rate: f64,
}

impl Default for SgdBaselineParams {
    fn default() -> Self {
        SgdBaselineParams { n_epochs: 20, reg: 0.02, learning_rate: 0.005 }
    }
}

/// How biases are fitted (scikit-surprise's `bsl_options`, `method` "als" or "sgd").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum BaselineOptions {
    /// Alternating least squares.
    Als(AlsBaselineParams),
    /// Stochastic gradient descent.
    Sgd(SgdBaselineParams),
}

impl Default for BaselineOptions {
    fn default() -> Self {
        BaselineOptions::Als(AlsBaselineParams::default())
    }
}

/// Options that passed [`BaselineOptions::check`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidBaselineOptions(BaselineOptions);

impl std::ops::Deref for ValidBaselineOptions {
    type Target = BaselineOptions;
    fn deref(&self) -> &BaselineOptions {
        &self.0
    }
}

impl BaselineOptions {
    /// ALS with Surprise's defaults.
    pub fn als() -> Self {
        BaselineOptions::Als(AlsBaselineParams::default())
    }

    /// SGD with Surprise's defaults.
    pub fn sgd() -> Self {
        BaselineOptions::Sgd(SgdBaselineParams::default())
    }

    /// The defaults of a method named as in Surprise ("als" or "sgd").
    pub fn from_method(name: &str) -> Result<Self, EngineError> {
        match name.trim().to_lowercase().as_str() {
            "als" => Ok(BaselineOptions::als()),
            "sgd" => Ok(BaselineOptions::sgd()),
            _ => Err(EngineError::param("method", format!("unknown baseline method '{name}'; use als or sgd"))),
        }
    }

    /// The method's name ("als" or "sgd").
    pub fn method(&self) -> &'static str {
        match self {
            BaselineOptions::Als(_) => "als",
            BaselineOptions::Sgd(_) => "sgd",
        }
    }

    /// Checks the ranges: at most 1000 epochs, regularisation and step size finite and ≥ 0.
    pub fn check(self) -> Result<ValidBaselineOptions, EngineError> {
        match self {
            BaselineOptions::Als(p) => {
                p.check()?;
            }
            BaselineOptions::Sgd(p) => {
                if p.n_epochs > 1000 {
                    return Err(EngineError::param("n_epochs", "must be at most 1000"));
                }
                for (name, v) in [("reg", p.reg), ("learning_rate", p.learning_rate)] {
                    if !v.is_finite() || v < 0.0 {
                        return Err(EngineError::param(name, "must be a finite number ≥ 0"));
                    }
                }
            }
        }
        Ok(ValidBaselineOptions(self))
    }
}

impl ValidBaselineOptions {
    /// Fits the biases on `train`.
    pub fn fit(&self, train: &Trainset) -> Baselines {
        match &self.0 {
            BaselineOptions::Als(p) => als(train.ratings(), p),
            BaselineOptions::Sgd(p) => sgd(train, p),
        }
    }
}

/// Fits the biases by SGD exactly as scikit-surprise's `baseline_sgd`.
pub fn sgd(train: &Trainset, params: &SgdBaselineParams) -> Baselines {
    let mu = train.global_mean();
    let mut bu = vec![0.0; train.n_users()];
    let mut bi = vec![0.0; train.n_items()];
    let (lr, reg) = (params.learning_rate, params.reg);
    for _ in 0..params.n_epochs {
        for (u, i, r) in train.all_ratings() {
            let err = r - (mu + bu[u] + bi[i]);
            bu[u] += lr * (err - reg * bu[u]);
            bi[i] += lr * (err - reg * bi[i]);
        }
    }
    Baselines { global_mean: mu, user: bu, item: bi }
}
