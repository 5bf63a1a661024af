//! Slope One (Lemire and Maclachlan, 2005), exactly as scikit-surprise's `SlopeOne`.
//!
//! For every pair of items i, j rated together by the users U_ij, the deviation is
//! dev(i, j) = Σ_{v ∈ U_ij} (r_vi − r_vj) / |U_ij|. The estimate for user u and item i is
//!
//! ```text
//! r̂_ui = μ_u + (1 / |R_i(u)|) Σ_{j ∈ R_i(u)} dev(i, j)
//! ```
//!
//! where μ_u is u's mean rating and R_i(u) the items u rated that share at least one
//! user with i (i itself included when u rated it, with dev(i, i) = 0). With no such
//! item the estimate is μ_u. An unknown user or item (one without ratings in the training
//! set) makes the estimate impossible.
//!
//! Surprise's fitting loop stores ratings in C `int`s, so the deviations are computed
//! from ratings truncated toward zero (3.5 counts as 3) while μ_u uses the exact
//! ratings. This module does the same so that half-star data give Surprise's numbers.
//!
//! The deviations are a dense items × items table (an `f64` and a `u32` count per
//! pair), so fitting fails with [`EngineError::MatrixTooLarge`] when it would not fit
//! the memory budget.
//!
//! ```
//! use discount_lab::engine::predict::{predict, SlopeOne, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let mut triples = vec![("a".to_string(), "x".to_string(), 5.0), ("a".to_string(), "y".to_string(), 3.0)];
//! triples.extend((0..30).map(|k| (format!("u{k}"), "x".to_string(), rng.random_range(1..=5) as f64)));
//! triples.push(("b".to_string(), "x".to_string(), 4.0));
//! let train = Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap());
//! let model = SlopeOne::fit(&train).unwrap();
//! // Only user a rated both x and y: dev(y, x) = 3 − 5 = −2, so b gets 4 − 2 = 2.
//! assert_eq!(predict(&model, &train, "b", "y", None).est, 2.0);
//! assert!(predict(&model, &train, "b", "z", None).was_impossible());
//! ```

use super::prediction::{Algorithm, Estimate, Impossible};
use super::trainset::Trainset;
use crate::engine::error::EngineError;
use crate::engine::similarity::check_dense_budget;

/// A fitted Slope One model.
#[derive(Debug, Clone, PartialEq)]
pub struct SlopeOne {
    n_items: usize,
    /// |U_ij|, row-major items × items.
    freq: Vec<u32>,
    /// dev(i, j), row-major items × items (0 where |U_ij| = 0).
    dev: Vec<f64>,
    user_mean: Vec<f64>,
    /// Items each user rated, in input order, concatenated; `user_start[u]..user_start[u + 1]`.
    user_items: Vec<u32>,
    user_start: Vec<usize>,
}

impl SlopeOne {
    /// Computes the deviations and user means. Fails when the items × items table
    /// would exceed the memory budget.
    pub fn fit(train: &Trainset) -> Result<SlopeOne, EngineError> {
        let n = train.n_items();
        check_dense_budget(n)?;
        let mut freq = vec![0u32; n * n];
        let mut dev = vec![0f64; n * n];
        let mut user_items = Vec::new();
        let mut user_start = vec![0usize];
        let mut user_mean = Vec::with_capacity(train.n_users());
        for u in 0..train.n_users() {
            let ur = train.ur(u);
            for &(i, r_ui) in ur {
                let (row_f, row_d) = (&mut freq[i as usize * n..][..n], &mut dev[i as usize * n..][..n]);
                let r_ui = r_ui.trunc();
                for &(j, r_uj) in ur {
                    row_f[j as usize] += 1;
                    row_d[j as usize] += r_ui - r_uj.trunc();
                }
            }
            user_items.extend(ur.iter().map(|&(i, _)| i));
            user_start.push(user_items.len());
            let sum: f64 = ur.iter().map(|&(_, r)| r).sum();
            user_mean.push(if ur.is_empty() { 0.0 } else { sum / ur.len() as f64 });
        }
        for i in 0..n {
            dev[i * n + i] = 0.0;
            for j in i + 1..n {
                let f = freq[i * n + j];
                let d = if f == 0 { 0.0 } else { dev[i * n + j] / f as f64 };
                dev[i * n + j] = d;
                dev[j * n + i] = -d;
            }
        }
        Ok(SlopeOne { n_items: n, freq, dev, user_mean, user_items, user_start })
    }

    /// dev(i, j) for item indices, or `None` when no user rated both (or an index is out of range).
    pub fn dev(&self, i: usize, j: usize) -> Option<f64> {
        (i < self.n_items && j < self.n_items && self.freq[i * self.n_items + j] > 0)
            .then(|| self.dev[i * self.n_items + j])
    }

    /// |U_ij|: how many users rated both items (0 when an index is out of range).
    pub fn freq(&self, i: usize, j: usize) -> u32 {
        if i < self.n_items && j < self.n_items {
            self.freq[i * self.n_items + j]
        } else {
            0
        }
    }

    /// μ_u for user index `u` (`None` when out of range or when `u` rated nothing).
    pub fn user_mean(&self, u: usize) -> Option<f64> {
        (u < self.user_mean.len() && self.user_start[u] < self.user_start[u + 1]).then(|| self.user_mean[u])
    }
}

impl Algorithm for SlopeOne {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        let (Some(u), Some(i)) = (u, i) else {
            return Err(Impossible::UnknownUserOrItem);
        };
        // Surprise only knows users and items with at least one rating.
        if u >= self.user_mean.len() || self.user_start[u] == self.user_start[u + 1] || self.freq(i, i) == 0 {
            return Err(Impossible::UnknownUserOrItem);
        }
        let (row_f, row_d) =
            (&self.freq[i * self.n_items..][..self.n_items], &self.dev[i * self.n_items..][..self.n_items]);
        let mut sum = 0.0;
        let mut count = 0usize;
        for &j in &self.user_items[self.user_start[u]..self.user_start[u + 1]] {
            if row_f[j as usize] > 0 {
                sum += row_d[j as usize];
                count += 1;
            }
        }
        let mut est = self.user_mean[u];
        if count > 0 {
            est += sum / count as f64;
        }
        Ok(Estimate::of(est))
    }
}
