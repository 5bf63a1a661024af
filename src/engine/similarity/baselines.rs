//! Baseline estimates b_ui = μ + b_u + b_i by alternating least squares, exactly as
//! scikit-surprise's `baseline_als` (defaults: 10 epochs, reg_u 15, reg_i 10).
//!
//! Each epoch sets every item bias to Σ(r − μ − b_u) / (reg_i + |U_i|), then every
//! user bias to Σ(r − μ − b_i) / (reg_u + |I_u|), items and users in index order.
//! `pearson_baseline` centres ratings on these baselines.
//!
//! ```
//! use discount_lab::engine::similarity::baselines::{als, AlsBaselineParams};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let r = Ratings::from_triples([("a", "x", 5.0), ("b", "x", 1.0)], Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let b = als(&r, &AlsBaselineParams::default());
//! assert!(b.user[0] > 0.0 && b.user[1] < 0.0);
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::Ratings;
use crate::engine::error::EngineError;

/// Options of the ALS baseline, with scikit-surprise's names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AlsBaselineParams {
    /// Number of ALS epochs (default 10).
    pub n_epochs: usize,
    /// Regularisation of user biases (default 15).
    pub reg_u: f64,
    /// Regularisation of item biases (default 10).
    pub reg_i: f64,
}

impl Default for AlsBaselineParams {
    fn default() -> Self {
        AlsBaselineParams { n_epochs: 10, reg_u: 15.0, reg_i: 10.0 }
    }
}

impl AlsBaselineParams {
    /// Checks the ranges (epochs at most 1000, regularisation finite and non-negative).
    pub fn check(self) -> Result<AlsBaselineParams, EngineError> {
        if self.n_epochs > 1000 {
            return Err(EngineError::param("n_epochs", "must be at most 1000"));
        }
        for (name, v) in [("reg_u", self.reg_u), ("reg_i", self.reg_i)] {
            if !v.is_finite() || v < 0.0 {
                return Err(EngineError::param(name, "must be a finite number ≥ 0"));
            }
        }
        Ok(self)
    }
}

/// User and item biases around the global mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Baselines {
    /// Mean of all ratings, μ.
    pub global_mean: f64,
    /// b_u for every user index.
    pub user: Vec<f64>,
    /// b_i for every item index.
    pub item: Vec<f64>,
}

/// Fits the biases by ALS, as scikit-surprise does.
pub fn als(ratings: &Ratings, params: &AlsBaselineParams) -> Baselines {
    let mu = ratings.global_mean();
    let mut bu = vec![0.0; ratings.n_users()];
    let mut bi = vec![0.0; ratings.n_items()];
    let (by_user, by_item) = (
        ratings.rows(crate::engine::data::ratings::Kind::User),
        ratings.rows(crate::engine::data::ratings::Kind::Item),
    );
    for _ in 0..params.n_epochs {
        for (i, b) in bi.iter_mut().enumerate() {
            let (users, vals) = by_item.row(i);
            let dev: f64 = users.iter().zip(vals).map(|(&u, &r)| r - mu - bu[u as usize]).sum();
            *b = dev / (params.reg_i + users.len() as f64);
        }
        for (u, b) in bu.iter_mut().enumerate() {
            let (items, vals) = by_user.row(u);
            let dev: f64 = items.iter().zip(vals).map(|(&i, &r)| r - mu - bi[i as usize]).sum();
            *b = dev / (params.reg_u + items.len() as f64);
        }
    }
    Baselines { global_mean: mu, user: bu, item: bi }
}
