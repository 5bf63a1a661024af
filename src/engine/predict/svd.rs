//! SVD: biased matrix factorisation fitted by stochastic gradient descent, exactly as
//! scikit-surprise's `SVD` (Funk's algorithm as popularised in the Netflix Prize).
//!
//! The estimate is r̂_ui = μ + b_u + b_i + q_iᵀp_u. Biases start at 0; the user factors
//! p (n_users × n_factors) and then the item factors q (n_items × n_factors) are drawn
//! from a normal distribution with numpy's legacy generator seeded by `random_state`
//! (see [`numpy_rng`](crate::engine::stats::numpy_rng)), so a seed gives the factors Surprise
//! gives. Each of `n_epochs` epochs visits every rating in [`Trainset::all_ratings`]
//! order and, with e_ui = r_ui − r̂_ui, updates
//!
//! ```text
//! b_u ← b_u + lr_bu (e_ui − reg_bu b_u)        b_i ← b_i + lr_bi (e_ui − reg_bi b_i)
//! p_u ← p_u + lr_pu (e_ui q_i − reg_pu p_u)    q_i ← q_i + lr_qi (e_ui p_u − reg_qi q_i)
//! ```
//!
//! (the factor updates both use the values from before the step). An unknown user
//! contributes b_u = 0 and p_u = 0, an unknown item b_i = 0 and q_i = 0, so the estimate
//! degrades to μ + b_i, μ + b_u or μ. With `biased(false)` the model is q_iᵀp_u alone
//! (probabilistic matrix factorisation, μ = 0 during fitting) and an unknown user or
//! item makes the estimate impossible.
//!
//! Defaults are Surprise's: 100 factors, 20 epochs, biased, factors ~ N(0, 0.1),
//! learning rate 0.005 and regularisation 0.02 for every parameter unless overridden
//! one by one. Surprise's default `random_state` is `None` (numpy's global generator);
//! here the generator is always seeded, by default with 0.
//!
//! ```
//! use discount_lab::engine::predict::{predict, Svd, SvdParams, Trainset};
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
//! let params = SvdParams::new().n_factors(10).n_epochs(50).lr_all(0.02).random_state(0).check().unwrap();
//! let svd = Svd::fit(&train, &params).unwrap();
//! let p = predict(&svd, &train, "u2", "i4", None);
//! assert!(p.est > 3.0);
//! // An unknown item: μ + b_u, still possible for the biased model.
//! assert!(!predict(&svd, &train, "u2", "nope", None).was_impossible());
//! ```

use serde::{Deserialize, Serialize};

use super::prediction::{Algorithm, Estimate, Impossible};
use super::trainset::Trainset;
use crate::engine::error::EngineError;
use crate::engine::limits::DENSE_MATRIX_BUDGET_BYTES;
use crate::engine::stats::numpy_rng::NumpyRandomState;

/// Largest number of factors accepted.
pub const MAX_FACTORS: usize = 1000;
/// Largest number of epochs accepted.
pub const MAX_EPOCHS: usize = 1000;

/// Options of [`Svd`], with scikit-surprise's names and defaults. The per-parameter
/// rates (`lr_bu` …, `reg_bu` …) take precedence over `lr_all` and `reg_all` when set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SvdParams {
    /// Number of factors (default 100).
    pub n_factors: usize,
    /// Number of SGD passes over the ratings (default 20).
    pub n_epochs: usize,
    /// Whether to use the biases b_u, b_i and μ (default true).
    pub biased: bool,
    /// Mean of the normal distribution the factors start from (default 0).
    pub init_mean: f64,
    /// Standard deviation of that distribution (default 0.1).
    pub init_std_dev: f64,
    /// Learning rate of every parameter (default 0.005).
    pub lr_all: f64,
    /// Regularisation of every parameter (default 0.02).
    pub reg_all: f64,
    /// Learning rate of b_u, overriding `lr_all`.
    pub lr_bu: Option<f64>,
    /// Learning rate of b_i, overriding `lr_all`.
    pub lr_bi: Option<f64>,
    /// Learning rate of p_u, overriding `lr_all`.
    pub lr_pu: Option<f64>,
    /// Learning rate of q_i, overriding `lr_all`.
    pub lr_qi: Option<f64>,
    /// Regularisation of b_u, overriding `reg_all`.
    pub reg_bu: Option<f64>,
    /// Regularisation of b_i, overriding `reg_all`.
    pub reg_bi: Option<f64>,
    /// Regularisation of p_u, overriding `reg_all`.
    pub reg_pu: Option<f64>,
    /// Regularisation of q_i, overriding `reg_all`.
    pub reg_qi: Option<f64>,
    /// Seed of numpy's legacy generator for the initial factors (default 0; Surprise's default is unseeded).
    pub random_state: u32,
}

impl Default for SvdParams {
    fn default() -> Self {
        SvdParams {
            n_factors: 100,
            n_epochs: 20,
            biased: true,
            init_mean: 0.0,
            init_std_dev: 0.1,
            lr_all: 0.005,
            reg_all: 0.02,
            lr_bu: None,
            lr_bi: None,
            lr_pu: None,
            lr_qi: None,
            reg_bu: None,
            reg_bi: None,
            reg_pu: None,
            reg_qi: None,
            random_state: 0,
        }
    }
}

/// Learning rate and regularisation of one kind of parameter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rates {
    /// Learning rate.
    pub lr: f64,
    /// Regularisation.
    pub reg: f64,
}

/// Parameters that passed [`SvdParams::check`], with the rates resolved: the only kind
/// [`Svd::fit`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidSvdParams {
    /// The options as given.
    pub params: SvdParams,
    /// Rates of b_u.
    pub bu: Rates,
    /// Rates of b_i.
    pub bi: Rates,
    /// Rates of p_u.
    pub pu: Rates,
    /// Rates of q_i.
    pub qi: Rates,
}

impl SvdParams {
    /// Surprise's defaults.
    pub fn new() -> Self {
        SvdParams::default()
    }
    /// Sets `n_factors`.
    pub fn n_factors(mut self, n: usize) -> Self {
        self.n_factors = n;
        self
    }
    /// Sets `n_epochs`.
    pub fn n_epochs(mut self, n: usize) -> Self {
        self.n_epochs = n;
        self
    }
    /// Sets `biased`.
    pub fn biased(mut self, on: bool) -> Self {
        self.biased = on;
        self
    }
    /// Sets `init_mean`.
    pub fn init_mean(mut self, v: f64) -> Self {
        self.init_mean = v;
        self
    }
    /// Sets `init_std_dev`.
    pub fn init_std_dev(mut self, v: f64) -> Self {
        self.init_std_dev = v;
        self
    }
    /// Sets `lr_all`.
    pub fn lr_all(mut self, v: f64) -> Self {
        self.lr_all = v;
        self
    }
    /// Sets `reg_all`.
    pub fn reg_all(mut self, v: f64) -> Self {
        self.reg_all = v;
        self
    }
    /// Sets `lr_bu`.
    pub fn lr_bu(mut self, v: f64) -> Self {
        self.lr_bu = Some(v);
        self
    }
    /// Sets `lr_bi`.
    pub fn lr_bi(mut self, v: f64) -> Self {
        self.lr_bi = Some(v);
        self
    }
    /// Sets `lr_pu`.
    pub fn lr_pu(mut self, v: f64) -> Self {
        self.lr_pu = Some(v);
        self
    }
    /// Sets `lr_qi`.
    pub fn lr_qi(mut self, v: f64) -> Self {
        self.lr_qi = Some(v);
        self
    }
    /// Sets `reg_bu`.
    pub fn reg_bu(mut self, v: f64) -> Self {
        self.reg_bu = Some(v);
        self
    }
    /// Sets `reg_bi`.
    pub fn reg_bi(mut self, v: f64) -> Self {
        self.reg_bi = Some(v);
        self
    }
    /// Sets `reg_pu`.
    pub fn reg_pu(mut self, v: f64) -> Self {
        self.reg_pu = Some(v);
        self
    }
    /// Sets `reg_qi`.
    pub fn reg_qi(mut self, v: f64) -> Self {
        self.reg_qi = Some(v);
        self
    }
    /// Sets `random_state`.
    pub fn random_state(mut self, seed: u32) -> Self {
        self.random_state = seed;
        self
    }

    /// Checks every option once: at most [`MAX_FACTORS`] factors and [`MAX_EPOCHS`]
    /// epochs, a finite `init_mean`, and a finite `init_std_dev`, learning rates and
    /// regularisations, all ≥ 0.
    pub fn check(self) -> Result<ValidSvdParams, EngineError> {
        check_counts(self.n_factors, self.n_epochs)?;
        if !self.init_mean.is_finite() {
            return Err(EngineError::param("init_mean", "must be a finite number"));
        }
        non_negative("init_std_dev", self.init_std_dev)?;
        let lr_all = non_negative("lr_all", self.lr_all)?;
        let reg_all = non_negative("reg_all", self.reg_all)?;
        let lr = |name, v: Option<f64>| non_negative(name, v.unwrap_or(lr_all));
        let reg = |name, v: Option<f64>| non_negative(name, v.unwrap_or(reg_all));
        Ok(ValidSvdParams {
            params: self,
            bu: Rates { lr: lr("lr_bu", self.lr_bu)?, reg: reg("reg_bu", self.reg_bu)? },
            bi: Rates { lr: lr("lr_bi", self.lr_bi)?, reg: reg("reg_bi", self.reg_bi)? },
            pu: Rates { lr: lr("lr_pu", self.lr_pu)?, reg: reg("reg_pu", self.reg_pu)? },
            qi: Rates { lr: lr("lr_qi", self.lr_qi)?, reg: reg("reg_qi", self.reg_qi)? },
        })
    }
}

/// Builder methods named as the options they set: `name: type` sets the field as given, and
/// each name after the `;` sets an `Option<f64>` rate to `Some`.
macro_rules! param_setters {
    ($($name:ident: $ty:ty),*; $($rate:ident),*) => {
        $(
            #[doc = concat!("Sets `", stringify!($name), "`.")]
            pub fn $name(mut self, v: $ty) -> Self {
                self.$name = v;
                self
            }
        )*
        $(
            #[doc = concat!("Sets `", stringify!($rate), "`, overriding the common rate.")]
            pub fn $rate(mut self, v: f64) -> Self {
                self.$rate = Some(v);
                self
            }
        )*
    };
}
pub(crate) use param_setters;

/// Fails unless there are at most [`MAX_FACTORS`] factors and [`MAX_EPOCHS`] epochs (the
/// factor models' shared check).
pub(crate) fn check_counts(n_factors: usize, n_epochs: usize) -> Result<(), EngineError> {
    if n_factors > MAX_FACTORS {
        return Err(EngineError::param("n_factors", format!("must be at most {MAX_FACTORS}")));
    }
    if n_epochs > MAX_EPOCHS {
        return Err(EngineError::param("n_epochs", format!("must be at most {MAX_EPOCHS}")));
    }
    Ok(())
}

/// `v` when it is a finite number ≥ 0, else an error naming the parameter.
pub(crate) fn non_negative(name: &'static str, v: f64) -> Result<f64, EngineError> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(EngineError::param(name, "must be a finite number ≥ 0"))
    }
}

/// Fails when `rows` vectors of `k` factors (for `train`'s users and items) would exceed the
/// memory budget ([`DENSE_MATRIX_BUDGET_BYTES`]).
pub(crate) fn check_factor_budget(train: &Trainset, k: usize, rows: usize) -> Result<(), EngineError> {
    let bytes = rows.saturating_mul(k).saturating_mul(8);
    if bytes > DENSE_MATRIX_BUDGET_BYTES {
        return Err(EngineError::param(
            "n_factors",
            format!(
                "{k} factors for {} users and {} items need {} MB, over the {} MB budget",
                train.n_users(),
                train.n_items(),
                bytes.div_ceil(1 << 20),
                DENSE_MATRIX_BUDGET_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// A fitted SVD model.
#[derive(Debug, Clone, PartialEq)]
pub struct Svd {
    biased: bool,
    global_mean: f64,
    n_factors: usize,
    bu: Vec<f64>,
    bi: Vec<f64>,
    pu: Vec<f64>,
    qi: Vec<f64>,
    /// Users and items with at least one rating: the ones Surprise's trainset knows.
    known_users: Vec<bool>,
    known_items: Vec<bool>,
}

impl Svd {
    /// Fits the model by SGD. Fails only when the factor matrices would exceed the
    /// memory budget ([`DENSE_MATRIX_BUDGET_BYTES`]).
    pub fn fit(train: &Trainset, params: &ValidSvdParams) -> Result<Svd, EngineError> {
        let p = &params.params;
        let k = p.n_factors;
        check_factor_budget(train, k, train.n_users() + train.n_items())?;
        let mut rng = NumpyRandomState::new(p.random_state);
        let mut pu = vec![0.0; train.n_users() * k];
        let mut qi = vec![0.0; train.n_items() * k];
        rng.fill_normal(p.init_mean, p.init_std_dev, &mut pu);
        rng.fill_normal(p.init_mean, p.init_std_dev, &mut qi);
        let mut bu = vec![0.0; train.n_users()];
        let mut bi = vec![0.0; train.n_items()];
        let mu = if p.biased { train.global_mean() } else { 0.0 };
        let ratings: Vec<(u32, u32, f64)> = train.all_ratings().map(|(u, i, r)| (u as u32, i as u32, r)).collect();
        let (rbu, rbi, rpu, rqi) = (params.bu, params.bi, params.pu, params.qi);
        for _ in 0..p.n_epochs {
            for &(u, i, r) in &ratings {
                let (u, i) = (u as usize, i as usize);
                let pu_u = &mut pu[u * k..(u + 1) * k];
                let qi_i = &mut qi[i * k..(i + 1) * k];
                // Summed in factor order, as Surprise's loop does, so results match to the last bits.
                let dot = qi_i.iter().zip(pu_u.iter()).fold(0.0, |s, (q, p)| s + q * p);
                let err = r - (mu + bu[u] + bi[i] + dot);
                if p.biased {
                    bu[u] += rbu.lr * (err - rbu.reg * bu[u]);
                    bi[i] += rbi.lr * (err - rbi.reg * bi[i]);
                }
                for (pf, qf) in pu_u.iter_mut().zip(qi_i.iter_mut()) {
                    let (puf, qif) = (*pf, *qf);
                    *pf += rpu.lr * (err * qif - rpu.reg * puf);
                    *qf += rqi.lr * (err * puf - rqi.reg * qif);
                }
            }
        }
        let known_users = (0..train.n_users()).map(|u| !train.ur(u).is_empty()).collect();
        let known_items = (0..train.n_items()).map(|i| !train.ir(i).is_empty()).collect();
        Ok(Svd {
            biased: p.biased,
            global_mean: train.global_mean(),
            n_factors: k,
            bu,
            bi,
            pu,
            qi,
            known_users,
            known_items,
        })
    }

    /// Number of factors.
    pub fn n_factors(&self) -> usize {
        self.n_factors
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
}

impl Algorithm for Svd {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        let u = u.filter(|&u| self.known_users.get(u) == Some(&true));
        let i = i.filter(|&i| self.known_items.get(i) == Some(&true));
        let dot = match (u.and_then(|u| self.pu(u)), i.and_then(|i| self.qi(i))) {
            (Some(p), Some(q)) => Some(q.iter().zip(p).map(|(a, b)| a * b).sum::<f64>()),
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
