//! SVD++: SVD that also counts *which* items a user rated, exactly as scikit-surprise's `SVDpp`
//! (Koren's extension of SVD with implicit ratings).
//!
//! The estimate is r̂_ui = μ + b_u + b_i + q_iᵀ(p_u + |I_u|^−½ Σ_{j∈I_u} y_j), where I_u is the
//! set of items u rated and each item j has a second factor vector y_j: a user is described by
//! their own factors plus the factors of what they chose to rate, whatever the rating. Biases
//! start at 0; the user factors p, then the item factors q, then the implicit factors y are
//! drawn from a normal distribution with numpy's legacy generator seeded by `random_state` (see
//! [`numpy_rng`](crate::engine::stats::numpy_rng)), so a seed gives Surprise's factors. Each of
//! `n_epochs` epochs visits every rating in [`Trainset::all_ratings`] order and, with
//! e_ui = r_ui − r̂_ui and s = |I_u|^−½ Σ y_j,
//!
//! ```text
//! b_u ← b_u + lr_bu (e_ui − reg_bu b_u)          b_i ← b_i + lr_bi (e_ui − reg_bi b_i)
//! p_u ← p_u + lr_pu (e_ui q_i − reg_pu p_u)      q_i ← q_i + lr_qi (e_ui (p_u + s) − reg_qi q_i)
//! y_j ← y_j + lr_yj (e_ui q_i / |I_u|^½ − reg_yj y_j)   for every j in I_u
//! ```
//!
//! (the updates use the values from before the step). Every rating touches the y_j of every
//! item its user rated, which is why SVD++ is slow: a fit costs Σ_u |I_u|² · n_factors per
//! epoch. An unknown user contributes b_u = 0 and no factor term, an unknown item b_i = 0 and
//! no factor term, so the estimate degrades to μ + b_i, μ + b_u or μ and is never impossible.
//!
//! Defaults are Surprise's: 20 factors, 20 epochs, factors ~ N(0, 0.1), learning rate 0.007
//! and regularisation 0.02 for every parameter unless overridden one by one. Surprise's
//! `cache_ratings` only trades memory for speed and changes no number; here the item lists are
//! always at hand. Surprise's default `random_state` is `None` (numpy's global generator);
//! here the generator is always seeded, by default with 0.
//!
//! ```
//! use discount_lab::engine::predict::{predict, SvdPp, SvdppParams, Trainset};
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
//! let params = SvdppParams::new().n_factors(10).n_epochs(30).random_state(0).check().unwrap();
//! let model = SvdPp::fit(&train, &params).unwrap();
//! assert!(predict(&model, &train, "u2", "i4", None).est > 3.0);
//! // An unknown item: μ + b_u.
//! assert!(!predict(&model, &train, "u2", "nope", None).was_impossible());
//! ```

use serde::{Deserialize, Serialize};

use super::prediction::{Algorithm, Estimate, Impossible};
use super::svd::{check_counts, check_factor_budget, non_negative, param_setters, Rates};
use super::trainset::Trainset;
use crate::engine::error::{EngineError, Task};
use crate::engine::stats::numpy_rng::NumpyRandomState;

/// Options of [`SvdPp`], with scikit-surprise's names and defaults. The per-parameter rates
/// (`lr_bu` …, `reg_bu` …) take precedence over `lr_all` and `reg_all` when set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SvdppParams {
    /// Number of factors (default 20).
    pub n_factors: usize,
    /// Number of SGD passes over the ratings (default 20).
    pub n_epochs: usize,
    /// Mean of the normal distribution the factors start from (default 0).
    pub init_mean: f64,
    /// Standard deviation of that distribution (default 0.1).
    pub init_std_dev: f64,
    /// Learning rate of every parameter (default 0.007).
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
    /// Learning rate of y_j, overriding `lr_all`.
    pub lr_yj: Option<f64>,
    /// Regularisation of b_u, overriding `reg_all`.
    pub reg_bu: Option<f64>,
    /// Regularisation of b_i, overriding `reg_all`.
    pub reg_bi: Option<f64>,
    /// Regularisation of p_u, overriding `reg_all`.
    pub reg_pu: Option<f64>,
    /// Regularisation of q_i, overriding `reg_all`.
    pub reg_qi: Option<f64>,
    /// Regularisation of y_j, overriding `reg_all`.
    pub reg_yj: Option<f64>,
    /// Seed of numpy's legacy generator for the initial factors (default 0; Surprise's default is unseeded).
    pub random_state: u32,
}

impl Default for SvdppParams {
    fn default() -> Self {
        SvdppParams {
            n_factors: 20,
            n_epochs: 20,
            init_mean: 0.0,
            init_std_dev: 0.1,
            lr_all: 0.007,
            reg_all: 0.02,
            lr_bu: None,
            lr_bi: None,
            lr_pu: None,
            lr_qi: None,
            lr_yj: None,
            reg_bu: None,
            reg_bi: None,
            reg_pu: None,
            reg_qi: None,
            reg_yj: None,
            random_state: 0,
        }
    }
}

/// Parameters that passed [`SvdppParams::check`], with the rates resolved: the only kind
/// [`SvdPp::fit`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidSvdppParams {
    /// The options as given.
    pub params: SvdppParams,
    /// Rates of b_u.
    pub bu: Rates,
    /// Rates of b_i.
    pub bi: Rates,
    /// Rates of p_u.
    pub pu: Rates,
    /// Rates of q_i.
    pub qi: Rates,
    /// Rates of y_j.
    pub yj: Rates,
}

impl SvdppParams {
    /// Surprise's defaults.
    pub fn new() -> Self {
        SvdppParams::default()
    }

    param_setters! {
        n_factors: usize, n_epochs: usize, init_mean: f64, init_std_dev: f64, lr_all: f64, reg_all: f64,
        random_state: u32;
        lr_bu, lr_bi, lr_pu, lr_qi, lr_yj, reg_bu, reg_bi, reg_pu, reg_qi, reg_yj
    }

    /// Checks every option once: at most [`MAX_FACTORS`](super::svd::MAX_FACTORS) factors and
    /// [`MAX_EPOCHS`](super::svd::MAX_EPOCHS) epochs, a finite `init_mean`, and a finite
    /// `init_std_dev`, learning rates and regularisations, all ≥ 0.
    pub fn check(self) -> Result<ValidSvdppParams, EngineError> {
        check_counts(self.n_factors, self.n_epochs)?;
        if !self.init_mean.is_finite() {
            return Err(EngineError::param("init_mean", "must be a finite number"));
        }
        non_negative("init_std_dev", self.init_std_dev)?;
        let lr_all = non_negative("lr_all", self.lr_all)?;
        let reg_all = non_negative("reg_all", self.reg_all)?;
        let rates = |lr: (&'static str, Option<f64>), reg: (&'static str, Option<f64>)| {
            Ok::<_, EngineError>(Rates {
                lr: non_negative(lr.0, lr.1.unwrap_or(lr_all))?,
                reg: non_negative(reg.0, reg.1.unwrap_or(reg_all))?,
            })
        };
        Ok(ValidSvdppParams {
            params: self,
            bu: rates(("lr_bu", self.lr_bu), ("reg_bu", self.reg_bu))?,
            bi: rates(("lr_bi", self.lr_bi), ("reg_bi", self.reg_bi))?,
            pu: rates(("lr_pu", self.lr_pu), ("reg_pu", self.reg_pu))?,
            qi: rates(("lr_qi", self.lr_qi), ("reg_qi", self.reg_qi))?,
            yj: rates(("lr_yj", self.lr_yj), ("reg_yj", self.reg_yj))?,
        })
    }
}

/// A fitted SVD++ model.
#[derive(Debug, Clone, PartialEq)]
pub struct SvdPp {
    global_mean: f64,
    n_factors: usize,
    bu: Vec<f64>,
    bi: Vec<f64>,
    pu: Vec<f64>,
    qi: Vec<f64>,
    /// |I_u|^−½ Σ_{j∈I_u} y_j per user, summed then divided as Surprise's `estimate` does.
    implicit: Vec<f64>,
    /// |I_u| per user: 0 for a user the training set does not know.
    n_rated: Vec<usize>,
    known_items: Vec<bool>,
}

/// The factor matrices while fitting, rows of `k` in C order.
struct Factors {
    k: usize,
    mu: f64,
    bu: Vec<f64>,
    bi: Vec<f64>,
    pu: Vec<f64>,
    qi: Vec<f64>,
    yj: Vec<f64>,
}

impl SvdPp {
    /// Fits the model by SGD. Fails when the factor matrices would exceed the memory budget
    /// ([`DENSE_MATRIX_BUDGET_BYTES`](crate::engine::limits::DENSE_MATRIX_BUDGET_BYTES)), or when
    /// the fit diverges to numbers that are not finite (learning rates far too large for the scale).
    pub fn fit(train: &Trainset, params: &ValidSvdppParams) -> Result<SvdPp, EngineError> {
        let p = &params.params;
        let k = p.n_factors;
        let (n_users, n_items) = (train.n_users(), train.n_items());
        check_factor_budget(train, k, n_users + 2 * n_items)?;
        let mut rng = NumpyRandomState::new(p.random_state);
        let mut draw = |rows: usize| {
            let mut m = vec![0.0; rows * k];
            rng.fill_normal(p.init_mean, p.init_std_dev, &mut m);
            m
        };
        let (pu, qi, yj) = (draw(n_users), draw(n_items), draw(n_items));
        let mut f = Factors { k, mu: train.global_mean(), bu: vec![0.0; n_users], bi: vec![0.0; n_items], pu, qi, yj };
        for _ in 0..p.n_epochs {
            for u in 0..n_users {
                f.user_steps(train, u, params);
            }
        }
        let finite = |v: &[f64]| v.iter().all(|x| x.is_finite());
        if ![&f.bu, &f.bi, &f.pu, &f.qi, &f.yj].iter().all(|v| finite(v)) {
            return Err(EngineError::NotFiniteStep { task: Task::Fit("SVD++") });
        }
        let n_rated: Vec<usize> = (0..n_users).map(|u| train.ur(u).len()).collect();
        let mut implicit = vec![0.0; n_users * k];
        for (u, out) in implicit.chunks_exact_mut(k.max(1)).enumerate().take(n_users) {
            for &(j, _) in train.ur(u) {
                let y = &f.yj[j as usize * k..(j as usize + 1) * k];
                out.iter_mut().zip(y).for_each(|(o, y)| *o += y);
            }
            let root = (n_rated[u] as f64).sqrt();
            out.iter_mut().for_each(|o| *o /= root);
        }
        Ok(SvdPp {
            global_mean: train.global_mean(),
            n_factors: k,
            bu: f.bu,
            bi: f.bi,
            pu: f.pu,
            qi: f.qi,
            implicit,
            n_rated,
            known_items: (0..n_items).map(|i| !train.ir(i).is_empty()).collect(),
        })
    }

    /// Number of factors.
    pub fn n_factors(&self) -> usize {
        self.n_factors
    }
    /// User biases b_u by user index.
    pub fn bu(&self) -> &[f64] {
        &self.bu
    }
    /// Item biases b_i by item index.
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
    /// The implicit part |I_u|^−½ Σ_{j∈I_u} y_j of user index `u`, or `None` when out of range.
    pub fn implicit(&self, u: usize) -> Option<&[f64]> {
        (u < self.bu.len()).then(|| &self.implicit[u * self.n_factors..(u + 1) * self.n_factors])
    }
    /// |I_u|: how many items user index `u` rated (0 when unknown or out of range).
    pub fn n_rated(&self, u: usize) -> usize {
        self.n_rated.get(u).copied().unwrap_or(0)
    }
    /// Whether the training set knows user index `u` (they rated something).
    pub fn knows_user(&self, u: usize) -> bool {
        self.n_rated(u) > 0
    }
    /// Whether the training set knows item index `i` (someone rated it).
    pub fn knows_item(&self, i: usize) -> bool {
        self.known_items.get(i) == Some(&true)
    }
}

impl Factors {
    /// One epoch's steps for user `u`'s ratings, in input order, with Surprise's arithmetic.
    ///
    /// Surprise recomputes s = Σ_j y_j / |I_u|^½ (each term divided, then added, in I_u's order)
    /// before every rating; here the s of the next rating is summed in the same order while the
    /// y_j are updated, which gives the same numbers with one pass over I_u instead of two (the
    /// items of I_u are distinct, so each y_j is final for this step once updated).
    fn user_steps(&mut self, train: &Trainset, u: usize, params: &ValidSvdppParams) {
        let k = self.k;
        let items = train.ur(u);
        let sqrt_iu = (items.len() as f64).sqrt();
        let mut implicit = vec![0.0; k];
        let mut next = vec![0.0; k];
        let mut step = vec![0.0; k];
        for &(j, _) in items {
            let y = &self.yj[j as usize * k..(j as usize + 1) * k];
            implicit.iter_mut().zip(y).for_each(|(s, y)| *s += y / sqrt_iu);
        }
        let (rbu, rbi, rpu, rqi, ryj) = (params.bu, params.bi, params.pu, params.qi, params.yj);
        let mu = self.mu;
        for &(i, r) in items {
            let i = i as usize;
            let pu_u = &mut self.pu[u * k..(u + 1) * k];
            let qi_i = &mut self.qi[i * k..(i + 1) * k];
            let dot = (0..k).fold(0.0, |d, f| d + qi_i[f] * (pu_u[f] + implicit[f]));
            let err = r - (mu + self.bu[u] + self.bi[i] + dot);
            self.bu[u] += rbu.lr * (err - rbu.reg * self.bu[u]);
            self.bi[i] += rbi.lr * (err - rbi.reg * self.bi[i]);
            for f in 0..k {
                let (puf, qif) = (pu_u[f], qi_i[f]);
                pu_u[f] += rpu.lr * (err * qif - rpu.reg * puf);
                qi_i[f] += rqi.lr * (err * (puf + implicit[f]) - rqi.reg * qif);
                step[f] = err * qif / sqrt_iu;
            }
            next.iter_mut().for_each(|s| *s = 0.0);
            for &(j, _) in items {
                let y = &mut self.yj[j as usize * k..(j as usize + 1) * k];
                for ((y, s), n) in y.iter_mut().zip(&step).zip(next.iter_mut()) {
                    *y += ryj.lr * (s - ryj.reg * *y);
                    *n += *y / sqrt_iu;
                }
            }
            std::mem::swap(&mut implicit, &mut next);
        }
    }
}

impl Algorithm for SvdPp {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        let u = u.filter(|&u| self.knows_user(u));
        let i = i.filter(|&i| self.knows_item(i));
        let mut est = self.global_mean;
        if let Some(u) = u {
            est += self.bu[u];
        }
        if let Some(i) = i {
            est += self.bi[i];
        }
        if let (Some(u), Some(i)) = (u, i) {
            let (p, y, q) = (self.pu(u), self.implicit(u), self.qi(i));
            if let (Some(p), Some(y), Some(q)) = (p, y, q) {
                est += q.iter().zip(p.iter().zip(y)).fold(0.0, |d, (q, (p, y))| d + q * (p + y));
            }
        }
        Ok(Estimate::of(est))
    }
}
