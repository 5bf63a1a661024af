//! NMF: non-negative matrix factorisation fitted by multiplicative updates, exactly as
//! scikit-surprise's `NMF` (Luo et al.'s regularised SGD variant; Lee and Seung's updates).
//!
//! The estimate is r̂_ui = q_iᵀp_u, or μ + b_u + b_i + q_iᵀp_u with `biased(true)`. The user
//! factors p (n_users × n_factors) and then the item factors q are drawn uniformly from
//! [`init_low`, `init_high`) with numpy's legacy generator seeded by `random_state` (see
//! [`numpy_rng`](crate::engine::stats::numpy_rng)), so a seed gives Surprise's factors; the
//! biases start at 0. Each of `n_epochs` epochs visits every rating in
//! [`Trainset::all_ratings`] order, accumulating with r̂_ui as it stands (and, when biased,
//! taking an SGD step on b_u and b_i with e_ui = r_ui − r̂_ui)
//!
//! ```text
//! num_uf += q_if r_ui    den_uf += q_if r̂_ui    num_if += p_uf r_ui    den_if += p_uf r̂_ui
//! ```
//!
//! and then rescales every factor that is not 0, users first:
//!
//! ```text
//! p_uf ← p_uf · num_uf / (den_uf + |I_u| reg_pu p_uf)     q_if ← q_if · num_if / (den_if + |U_i| reg_qi q_if)
//! ```
//!
//! With non-negative ratings the factors stay non-negative. Unbiased, an unknown user or item
//! makes the estimate impossible; biased, it degrades to μ + b_i, μ + b_u or μ. A denominator
//! of exactly 0 (Surprise raises `ZeroDivisionError`) or factors that grow past the finite
//! numbers make the fit an error.
//!
//! Defaults are Surprise's: 15 factors, 50 epochs, unbiased, reg_pu = reg_qi = 0.06,
//! reg_bu = reg_bi = 0.02, lr_bu = lr_bi = 0.005, factors ~ U(0, 1). Surprise's default
//! `random_state` is `None` (numpy's global generator); here it is always seeded, by default with 0.
//!
//! ```
//! use discount_lab::engine::predict::{predict, Nmf, NmfParams, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let triples: Vec<(String, String, f64)> = (0..300)
//!     .map(|_| {
//!         let (u, i) = (rng.random_range(0..20), rng.random_range(0..15));
//!         (format!("u{u}"), format!("i{i}"), if (u + i) % 2 == 0 { 5.0 } else { 1.0 })
//!     })
//!     .collect();
//! let train = Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap());
//! let model = Nmf::fit(&train, &NmfParams::new().random_state(0).check().unwrap()).unwrap();
//! assert!(predict(&model, &train, "u2", "i4", None).est > 3.0);
//! // Unbiased: an unknown item makes the estimate impossible (the global mean is used).
//! assert!(predict(&model, &train, "u2", "nope", None).was_impossible());
//! ```

use serde::{Deserialize, Serialize};

use super::prediction::{Algorithm, Estimate, Impossible};
use super::svd::{check_counts, check_factor_budget, non_negative, param_setters};
use super::trainset::Trainset;
use crate::engine::error::{EngineError, Task};
use crate::engine::stats::numpy_rng::NumpyRandomState;

/// Options of [`Nmf`], with scikit-surprise's names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NmfParams {
    /// Number of factors (default 15).
    pub n_factors: usize,
    /// Number of passes over the ratings (default 50).
    pub n_epochs: usize,
    /// Whether to use the biases b_u, b_i and μ (default false).
    pub biased: bool,
    /// Regularisation of the user factors (default 0.06).
    pub reg_pu: f64,
    /// Regularisation of the item factors (default 0.06).
    pub reg_qi: f64,
    /// Regularisation of b_u (default 0.02).
    pub reg_bu: f64,
    /// Regularisation of b_i (default 0.02).
    pub reg_bi: f64,
    /// Learning rate of b_u (default 0.005).
    pub lr_bu: f64,
    /// Learning rate of b_i (default 0.005).
    pub lr_bi: f64,
    /// Lower end of the uniform distribution the factors start from (default 0).
    pub init_low: f64,
    /// Upper end of that distribution (default 1).
    pub init_high: f64,
    /// Seed of numpy's legacy generator for the initial factors (default 0; Surprise's default is unseeded).
    pub random_state: u32,
}

impl Default for NmfParams {
    fn default() -> Self {
        NmfParams {
            n_factors: 15,
            n_epochs: 50,
            biased: false,
            reg_pu: 0.06,
            reg_qi: 0.06,
            reg_bu: 0.02,
            reg_bi: 0.02,
            lr_bu: 0.005,
            lr_bi: 0.005,
            init_low: 0.0,
            init_high: 1.0,
            random_state: 0,
        }
    }
}

/// Parameters that passed [`NmfParams::check`]: the only kind [`Nmf::fit`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidNmfParams(NmfParams);

impl ValidNmfParams {
    /// The options.
    pub fn params(&self) -> &NmfParams {
        &self.0
    }
}

impl NmfParams {
    /// Surprise's defaults.
    pub fn new() -> Self {
        NmfParams::default()
    }

    param_setters! {
        n_factors: usize, n_epochs: usize, biased: bool, reg_pu: f64, reg_qi: f64, reg_bu: f64, reg_bi: f64,
        lr_bu: f64, lr_bi: f64, init_low: f64, init_high: f64, random_state: u32;
    }

    /// Checks every option once: at most [`MAX_FACTORS`](super::svd::MAX_FACTORS) factors and
    /// [`MAX_EPOCHS`](super::svd::MAX_EPOCHS) epochs, finite rates all ≥ 0, `init_low` ≥ 0 (as
    /// Surprise requires) and a finite `init_high`.
    pub fn check(self) -> Result<ValidNmfParams, EngineError> {
        check_counts(self.n_factors, self.n_epochs)?;
        for (name, v) in [
            ("reg_pu", self.reg_pu),
            ("reg_qi", self.reg_qi),
            ("reg_bu", self.reg_bu),
            ("reg_bi", self.reg_bi),
            ("lr_bu", self.lr_bu),
            ("lr_bi", self.lr_bi),
            ("init_low", self.init_low),
        ] {
            non_negative(name, v)?;
        }
        if !self.init_high.is_finite() {
            return Err(EngineError::param("init_high", "must be a finite number"));
        }
        Ok(ValidNmfParams(self))
    }
}

/// A fitted NMF model.
#[derive(Debug, Clone, PartialEq)]
pub struct Nmf {
    biased: bool,
    global_mean: f64,
    n_factors: usize,
    bu: Vec<f64>,
    bi: Vec<f64>,
    pu: Vec<f64>,
    qi: Vec<f64>,
    known_users: Vec<bool>,
    known_items: Vec<bool>,
}

/// Numerators and denominators of one epoch's multiplicative updates, rows of `k`.
struct Sums {
    user_num: Vec<f64>,
    user_den: Vec<f64>,
    item_num: Vec<f64>,
    item_den: Vec<f64>,
}

impl Nmf {
    /// Fits the model. Fails when the factor matrices would exceed the memory budget
    /// ([`DENSE_MATRIX_BUDGET_BYTES`](crate::engine::limits::DENSE_MATRIX_BUDGET_BYTES)), or
    /// when an update divides by 0 or leaves the finite numbers.
    pub fn fit(train: &Trainset, params: &ValidNmfParams) -> Result<Nmf, EngineError> {
        let p = params.params();
        let k = p.n_factors;
        let (n_users, n_items) = (train.n_users(), train.n_items());
        check_factor_budget(train, k, 3 * (n_users + n_items))?;
        let mut rng = NumpyRandomState::new(p.random_state);
        let mut pu = vec![0.0; n_users * k];
        let mut qi = vec![0.0; n_items * k];
        rng.fill_uniform(p.init_low, p.init_high, &mut pu);
        rng.fill_uniform(p.init_low, p.init_high, &mut qi);
        let mut model = Nmf {
            biased: p.biased,
            global_mean: train.global_mean(),
            n_factors: k,
            bu: vec![0.0; n_users],
            bi: vec![0.0; n_items],
            pu,
            qi,
            known_users: (0..n_users).map(|u| !train.ur(u).is_empty()).collect(),
            known_items: (0..n_items).map(|i| !train.ir(i).is_empty()).collect(),
        };
        let failed = || EngineError::NotFiniteStep { task: Task::Fit("NMF") };
        for _ in 0..p.n_epochs {
            let sums = model.accumulate(train, p);
            let user_counts = (0..n_users).map(|u| train.ur(u).len());
            rescale(&mut model.pu, &sums.user_num, sums.user_den, user_counts, p.reg_pu, k).ok_or_else(failed)?;
            let item_counts = (0..n_items).map(|i| train.ir(i).len());
            rescale(&mut model.qi, &sums.item_num, sums.item_den, item_counts, p.reg_qi, k).ok_or_else(failed)?;
        }
        let finite = |v: &[f64]| v.iter().all(|x| x.is_finite());
        if [&model.bu, &model.bi, &model.pu, &model.qi].iter().all(|v| finite(v)) {
            Ok(model)
        } else {
            Err(failed())
        }
    }

    /// One pass over the ratings: the SGD steps of the biases and the sums of the updates.
    fn accumulate(&mut self, train: &Trainset, p: &NmfParams) -> Sums {
        let k = self.n_factors;
        let (n_users, n_items) = (train.n_users(), train.n_items());
        let mut s = Sums {
            user_num: vec![0.0; n_users * k],
            user_den: vec![0.0; n_users * k],
            item_num: vec![0.0; n_items * k],
            item_den: vec![0.0; n_items * k],
        };
        let mu = if self.biased { self.global_mean } else { 0.0 };
        for (u, i, r) in train.all_ratings() {
            let (pu, qi) = (&self.pu[u * k..(u + 1) * k], &self.qi[i * k..(i + 1) * k]);
            let dot = qi.iter().zip(pu).fold(0.0, |d, (q, p)| d + q * p);
            let est = mu + self.bu[u] + self.bi[i] + dot;
            let err = r - est;
            if self.biased {
                self.bu[u] += p.lr_bu * (err - p.reg_bu * self.bu[u]);
                self.bi[i] += p.lr_bi * (err - p.reg_bi * self.bi[i]);
            }
            for f in 0..k {
                s.user_num[u * k + f] += qi[f] * r;
                s.user_den[u * k + f] += qi[f] * est;
                s.item_num[i * k + f] += pu[f] * r;
                s.item_den[i * k + f] += pu[f] * est;
            }
        }
        s
    }

    /// Number of factors.
    pub fn n_factors(&self) -> usize {
        self.n_factors
    }
    /// Whether the biases are part of the model.
    pub fn biased(&self) -> bool {
        self.biased
    }
    /// User biases b_u by user index (all 0 when unbiased).
    pub fn bu(&self) -> &[f64] {
        &self.bu
    }
    /// Item biases b_i by item index (all 0 when unbiased).
    pub fn bi(&self) -> &[f64] {
        &self.bi
    }
    /// Factors p_u of user index `u`, or `None` when out of range.
    pub fn pu(&self, u: usize) -> Option<&[f64]> {
        (u < self.bu.len()).then(|| &self.pu[u * self.n_factors..(u + 1) * self.n_factors])
    }
    /// Factors q_i of item index `i`, or `None` when out of range.
    pub fn qi(&self, i: usize) -> Option<&[f64]> {
        (i < self.bi.len()).then(|| &self.qi[i * self.n_factors..(i + 1) * self.n_factors])
    }
    /// Whether the training set knows user index `u` (they rated something).
    pub fn knows_user(&self, u: usize) -> bool {
        self.known_users.get(u) == Some(&true)
    }
    /// Whether the training set knows item index `i` (someone rated it).
    pub fn knows_item(&self, i: usize) -> bool {
        self.known_items.get(i) == Some(&true)
    }
}

/// x_f ← x_f · num_f / (den_f + n reg x_f) for every factor x_f ≠ 0 of every row (`n` its
/// ratings); `None` when a denominator is 0.
fn rescale(
    x: &mut [f64],
    num: &[f64],
    mut den: Vec<f64>,
    counts: impl Iterator<Item = usize>,
    reg: f64,
    k: usize,
) -> Option<()> {
    for (row, n) in counts.enumerate() {
        for f in row * k..(row + 1) * k {
            if x[f] != 0.0 {
                den[f] += n as f64 * reg * x[f];
                if den[f] == 0.0 {
                    return None;
                }
                x[f] *= num[f] / den[f];
            }
        }
    }
    Some(())
}

impl Algorithm for Nmf {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        let u = u.filter(|&u| self.knows_user(u));
        let i = i.filter(|&i| self.knows_item(i));
        let dot = match (u.and_then(|u| self.pu(u)), i.and_then(|i| self.qi(i))) {
            (Some(p), Some(q)) => Some(q.iter().zip(p).fold(0.0, |d, (q, p)| d + q * p)),
            _ => None,
        };
        if !self.biased {
            return dot.map(Estimate::of).ok_or(Impossible::UnknownUserOrItem);
        }
        let mut est = self.global_mean;
        if let Some(u) = u {
            est += self.bu[u];
        }
        if let Some(i) = i {
            est += self.bi[i];
        }
        Ok(Estimate::of(est + dot.unwrap_or(0.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_denominator_stops_the_fit_where_surprise_raises() {
        // One row of two factors: the second's denominator is 0 + 1·0·x = 0.
        let mut x = vec![0.5, 0.25];
        assert_eq!(rescale(&mut x, &[1.0, 1.0], vec![2.0, 0.0], [1].into_iter(), 0.0, 2), None);
        let mut x = vec![0.5, 0.0];
        assert_eq!(rescale(&mut x, &[1.0, 1.0], vec![2.0, 0.0], [1].into_iter(), 0.0, 2), Some(()));
        assert_eq!(x, vec![0.25, 0.0]);
    }
}
