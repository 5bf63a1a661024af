//! scikit-surprise's `NormalPredictor`: a random rating drawn from N(μ, σ²), with μ and σ
//! the maximum-likelihood estimates from the training ratings,
//! μ = Σ r / n and σ = √(Σ (r − μ)² / n).
//!
//! It is the floor every real algorithm should beat. The draws come from a seeded
//! [`StdRng`] (Box-Muller), so the same seed gives the same predictions in the same
//! order, natively and in the browser. Every estimate is possible, even for an unknown
//! user or item (it ignores both).
//!
//! ```
//! use discount_lab::engine::predict::{predict, NormalPredictor, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let r = Ratings::from_triples([("a", "x", 1.0), ("b", "x", 3.0), ("a", "y", 5.0)], Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let train = Trainset::new(r);
//! let first = NormalPredictor::fit(&train, 42);
//! let again = NormalPredictor::fit(&train, 42);
//! assert_eq!(first.mu(), 3.0);
//! approx::assert_abs_diff_eq!(first.sigma(), (8.0f64 / 3.0).sqrt(), epsilon = 1e-12);
//! let a = predict(&first, &train, "a", "x", None).est;
//! let b = predict(&again, &train, "a", "x", None).est;
//! assert_eq!(a, b);
//! ```

use std::sync::Mutex;

use rand::rngs::StdRng;
use rand::SeedableRng;

use super::prediction::{Algorithm, Estimate, Impossible};
use super::trainset::Trainset;
use crate::engine::data::samples::normal;

/// A fitted `NormalPredictor` with its random number generator.
#[derive(Debug)]
pub struct NormalPredictor {
    mu: f64,
    sigma: f64,
    rng: Mutex<StdRng>,
}

impl NormalPredictor {
    /// Estimates μ and σ from `train`; draws will come from a generator seeded with `seed`.
    pub fn fit(train: &Trainset, seed: u64) -> NormalPredictor {
        let mu = train.global_mean();
        let (mut num, mut n) = (0.0, 0usize);
        for (_, _, r) in train.all_ratings() {
            num += (r - mu) * (r - mu);
            n += 1;
        }
        let sigma = if n == 0 { 0.0 } else { (num / n as f64).sqrt() };
        NormalPredictor { mu, sigma, rng: Mutex::new(StdRng::seed_from_u64(seed)) }
    }

    /// The mean of the training ratings.
    pub fn mu(&self) -> f64 {
        self.mu
    }

    /// The (population) standard deviation of the training ratings.
    pub fn sigma(&self) -> f64 {
        self.sigma
    }

    /// Restarts the draws from `seed`.
    pub fn reseed(&self, seed: u64) {
        *self.rng.lock().unwrap_or_else(|e| e.into_inner()) = StdRng::seed_from_u64(seed);
    }
}

impl Algorithm for NormalPredictor {
    fn estimate(&self, _u: Option<usize>, _i: Option<usize>) -> Result<Estimate, Impossible> {
        let mut rng = self.rng.lock().unwrap_or_else(|e| e.into_inner());
        Ok(Estimate::of(self.mu + self.sigma * normal(&mut rng)))
    }
}
