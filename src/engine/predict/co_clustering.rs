//! Co-clustering: users and items are grouped into clusters at once, exactly as
//! scikit-surprise's `CoClustering` (George and Merugu's algorithm).
//!
//! The estimate is r̂_ui = C̄_{uc,ic} + (μ_u − C̄^u_{uc}) + (μ_i − C̄^i_{ic}): the mean rating of
//! the co-cluster of u's cluster uc and i's cluster ic, plus how far u stands from the mean of
//! their cluster and how far i stands from the mean of its cluster. Users are first put in one
//! of `n_cltr_u` clusters and items in one of `n_cltr_i` at random, with numpy's legacy
//! `randint` seeded by `random_state` (users first; see
//! [`numpy_rng`](crate::engine::stats::numpy_rng)), so a seed gives Surprise's clusters. Each of
//! `n_epochs` epochs computes the cluster and co-cluster means, then moves every user (in index
//! order) to the cluster whose estimates of their ratings have the smallest squared error
//! (the first such cluster on ties), then every item likewise with the users' new clusters.
//! The means are computed once more at the end. A cluster or co-cluster without ratings has the
//! global mean μ.
//!
//! One quirk of Surprise is kept so that the numbers agree: its loops hold ratings in C `int`
//! variables, so the means μ_u, μ_i, C̄ and the errors are computed from the ratings *truncated
//! towards zero* (3.5 counts as 3, −1.5 as −1); with whole-number ratings this changes nothing.
//! An unknown user or item gets the global mean μ (of the ratings as given), which Surprise
//! reports as a possible estimate.
//!
//! Defaults are Surprise's: 3 user clusters, 3 item clusters, 20 epochs. Surprise's default
//! `random_state` is `None` (numpy's global generator); here it is always seeded, by default with 0.
//!
//! ```
//! use discount_lab::engine::predict::{predict, CoClustering, CoClusteringParams, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let triples = [("a", "x", 5.0), ("a", "y", 4.0), ("b", "x", 5.0), ("b", "z", 1.0), ("c", "z", 2.0), ("c", "y", 1.0)];
//! let train = Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap());
//! let params = CoClusteringParams::new().n_cltr_u(2).n_cltr_i(2).random_state(0).check().unwrap();
//! let model = CoClustering::fit(&train, &params).unwrap();
//! let p = predict(&model, &train, "a", "z", None);
//! assert!((1.0..=5.0).contains(&p.est));
//! // A stranger gets the global mean, not flagged as impossible.
//! let q = predict(&model, &train, "nobody", "x", None);
//! assert_eq!((q.est, q.was_impossible()), (3.0, false));
//! ```

use serde::{Deserialize, Serialize};

use super::prediction::{Algorithm, Estimate, Impossible};
use super::svd::{check_counts, param_setters};
use super::trainset::Trainset;
use crate::engine::error::EngineError;
use crate::engine::stats::numpy_rng::NumpyRandomState;

/// Most clusters of users or of items.
pub const MAX_CLUSTERS: usize = 1000;

/// Options of [`CoClustering`], with scikit-surprise's names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CoClusteringParams {
    /// Number of user clusters (default 3).
    pub n_cltr_u: usize,
    /// Number of item clusters (default 3).
    pub n_cltr_i: usize,
    /// Number of passes (default 20).
    pub n_epochs: usize,
    /// Seed of numpy's legacy generator for the initial clusters (default 0; Surprise's default is unseeded).
    pub random_state: u32,
}

impl Default for CoClusteringParams {
    fn default() -> Self {
        CoClusteringParams { n_cltr_u: 3, n_cltr_i: 3, n_epochs: 20, random_state: 0 }
    }
}

/// Parameters that passed [`CoClusteringParams::check`]: the only kind [`CoClustering::fit`] accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidCoClusteringParams(CoClusteringParams);

impl ValidCoClusteringParams {
    /// The options.
    pub fn params(&self) -> &CoClusteringParams {
        &self.0
    }
}

impl CoClusteringParams {
    /// Surprise's defaults.
    pub fn new() -> Self {
        CoClusteringParams::default()
    }

    param_setters! { n_cltr_u: usize, n_cltr_i: usize, n_epochs: usize, random_state: u32; }

    /// Checks every option once: 1 to [`MAX_CLUSTERS`] clusters of each kind and at most
    /// [`MAX_EPOCHS`](super::svd::MAX_EPOCHS) epochs.
    pub fn check(self) -> Result<ValidCoClusteringParams, EngineError> {
        check_counts(0, self.n_epochs)?;
        for (name, n) in [("n_cltr_u", self.n_cltr_u), ("n_cltr_i", self.n_cltr_i)] {
            if !(1..=MAX_CLUSTERS).contains(&n) {
                return Err(EngineError::param(name, format!("must be between 1 and {MAX_CLUSTERS}")));
            }
        }
        Ok(ValidCoClusteringParams(self))
    }
}

/// Cluster, item-cluster and co-cluster means.
#[derive(Debug, Clone, PartialEq)]
struct Averages {
    user_cluster: Vec<f64>,
    item_cluster: Vec<f64>,
    /// `n_cltr_u` rows of `n_cltr_i`.
    cocluster: Vec<f64>,
}

/// A fitted co-clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct CoClustering {
    global_mean: f64,
    n_cltr_i: usize,
    cltr_u: Vec<usize>,
    cltr_i: Vec<usize>,
    user_mean: Vec<f64>,
    item_mean: Vec<f64>,
    avg: Averages,
    known_users: Vec<bool>,
    known_items: Vec<bool>,
}

/// A rating as Surprise's C `int` holds it.
fn truncated(r: f64) -> f64 {
    r.trunc()
}

/// Mean of the truncated ratings of a list (0 for an empty one, which no estimate uses).
fn truncated_mean(list: &[(u32, f64)]) -> f64 {
    if list.is_empty() {
        return 0.0;
    }
    list.iter().fold(0.0, |s, &(_, r)| s + truncated(r)) / list.len() as f64
}

/// Index of the first smallest error (numpy's `argmin`).
fn argmin(errors: &[f64]) -> usize {
    let mut best = 0;
    for (k, &e) in errors.iter().enumerate() {
        if e < errors[best] {
            best = k;
        }
    }
    best
}

impl CoClustering {
    /// Fits the clusters. Never fails on checked parameters.
    pub fn fit(train: &Trainset, params: &ValidCoClusteringParams) -> Result<CoClustering, EngineError> {
        let p = params.params();
        let (n_users, n_items) = (train.n_users(), train.n_items());
        let mut rng = NumpyRandomState::new(p.random_state);
        let cltr_u = (0..n_users).map(|_| rng.randint(p.n_cltr_u as u64) as usize).collect();
        let cltr_i = (0..n_items).map(|_| rng.randint(p.n_cltr_i as u64) as usize).collect();
        let mut model = CoClustering {
            global_mean: train.global_mean(),
            n_cltr_i: p.n_cltr_i,
            cltr_u,
            cltr_i,
            user_mean: (0..n_users).map(|u| truncated_mean(train.ur(u))).collect(),
            item_mean: (0..n_items).map(|i| truncated_mean(train.ir(i))).collect(),
            avg: Averages { user_cluster: Vec::new(), item_cluster: Vec::new(), cocluster: Vec::new() },
            known_users: (0..n_users).map(|u| !train.ur(u).is_empty()).collect(),
            known_items: (0..n_items).map(|i| !train.ir(i).is_empty()).collect(),
        };
        let mut errors_u = vec![0.0; p.n_cltr_u];
        let mut errors_i = vec![0.0; p.n_cltr_i];
        for _ in 0..p.n_epochs {
            model.avg = model.averages(train, p);
            for u in 0..n_users {
                errors_u.iter_mut().enumerate().for_each(|(uc, e)| {
                    *e = train.ur(u).iter().fold(0.0, |e, &(i, r)| {
                        let est = model.raw_estimate(u, i as usize, uc, model.cltr_i[i as usize]);
                        e + (truncated(r) - est) * (truncated(r) - est)
                    })
                });
                model.cltr_u[u] = argmin(&errors_u);
            }
            for i in 0..n_items {
                errors_i.iter_mut().enumerate().for_each(|(ic, e)| {
                    *e = train.ir(i).iter().fold(0.0, |e, &(u, r)| {
                        let est = model.raw_estimate(u as usize, i, model.cltr_u[u as usize], ic);
                        e + (truncated(r) - est) * (truncated(r) - est)
                    })
                });
                model.cltr_i[i] = argmin(&errors_i);
            }
        }
        model.avg = model.averages(train, p);
        Ok(model)
    }

    /// Means of the truncated ratings per user cluster, item cluster and co-cluster (μ when empty).
    fn averages(&self, train: &Trainset, p: &CoClusteringParams) -> Averages {
        let (nu, ni) = (p.n_cltr_u, p.n_cltr_i);
        let mut count = (vec![0usize; nu], vec![0usize; ni], vec![0usize; nu * ni]);
        let mut sum = (vec![0.0; nu], vec![0.0; ni], vec![0.0; nu * ni]);
        for (u, i, r) in train.all_ratings() {
            let (uc, ic, r) = (self.cltr_u[u], self.cltr_i[i], truncated(r));
            count.0[uc] += 1;
            count.1[ic] += 1;
            count.2[uc * ni + ic] += 1;
            sum.0[uc] += r;
            sum.1[ic] += r;
            sum.2[uc * ni + ic] += r;
        }
        let mean = |s: Vec<f64>, c: Vec<usize>| -> Vec<f64> {
            s.iter().zip(&c).map(|(&s, &c)| if c > 0 { s / c as f64 } else { self.global_mean }).collect()
        };
        Averages {
            user_cluster: mean(sum.0, count.0),
            item_cluster: mean(sum.1, count.1),
            cocluster: mean(sum.2, count.2),
        }
    }

    /// C̄_{uc,ic} + μ_u − C̄^u_{uc} + μ_i − C̄^i_{ic}, added in that order as Surprise does.
    fn raw_estimate(&self, u: usize, i: usize, uc: usize, ic: usize) -> f64 {
        self.avg.cocluster[uc * self.n_cltr_i + ic] + self.user_mean[u] - self.avg.user_cluster[uc] + self.item_mean[i]
            - self.avg.item_cluster[ic]
    }

    /// The cluster of user index `u`, when the training set knows the user.
    pub fn user_cluster(&self, u: usize) -> Option<usize> {
        (self.known_users.get(u) == Some(&true)).then(|| self.cltr_u[u])
    }
    /// The cluster of item index `i`, when the training set knows the item.
    pub fn item_cluster(&self, i: usize) -> Option<usize> {
        (self.known_items.get(i) == Some(&true)).then(|| self.cltr_i[i])
    }
    /// μ_u: the mean of user index `u`'s truncated ratings, when known.
    pub fn user_mean(&self, u: usize) -> Option<f64> {
        self.user_cluster(u).map(|_| self.user_mean[u])
    }
    /// μ_i: the mean of item index `i`'s truncated ratings, when known.
    pub fn item_mean(&self, i: usize) -> Option<f64> {
        self.item_cluster(i).map(|_| self.item_mean[i])
    }
    /// C̄^u: the mean (truncated) rating in user cluster `uc`, when it exists.
    pub fn user_cluster_mean(&self, uc: usize) -> Option<f64> {
        self.avg.user_cluster.get(uc).copied()
    }
    /// C̄^i: the mean (truncated) rating in item cluster `ic`, when it exists.
    pub fn item_cluster_mean(&self, ic: usize) -> Option<f64> {
        self.avg.item_cluster.get(ic).copied()
    }
    /// C̄: the mean (truncated) rating in co-cluster (`uc`, `ic`), when it exists.
    pub fn cocluster_mean(&self, uc: usize, ic: usize) -> Option<f64> {
        (ic < self.n_cltr_i).then(|| self.avg.cocluster.get(uc * self.n_cltr_i + ic).copied()).flatten()
    }
}

impl Algorithm for CoClustering {
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible> {
        let clusters = u.zip(i).and_then(|(u, i)| Some((u, i, self.user_cluster(u)?, self.item_cluster(i)?)));
        Ok(Estimate::of(match clusters {
            Some((u, i, uc, ic)) => self.raw_estimate(u, i, uc, ic),
            None => self.global_mean,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argmin_takes_the_first_smallest() {
        assert_eq!(argmin(&[2.0, 1.0, 1.0]), 1);
        assert_eq!(argmin(&[0.5]), 0);
    }

    #[test]
    fn ratings_are_truncated_towards_zero() {
        assert_eq!((truncated(3.5), truncated(-1.5), truncated(2.0)), (3.0, -1.0, 2.0));
    }
}
