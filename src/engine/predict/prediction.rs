//! Predictions, impossible estimates and the fallback, as scikit-surprise's `AlgoBase.predict`.

use serde::{Deserialize, Serialize};

use super::trainset::Trainset;

/// Why an estimate was impossible (the fallback, the global mean, was used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impossible {
    /// The user or the item is not in the training set.
    UnknownUserOrItem,
    /// Fewer than `min_k` neighbours with positive similarity rated the item.
    NotEnoughNeighbours,
}

impl Impossible {
    /// Surprise's reason text.
    pub fn message(self) -> &'static str {
        match self {
            Impossible::UnknownUserOrItem => "User and/or item is unknown.",
            Impossible::NotEnoughNeighbours => "Not enough neighbors.",
        }
    }
}

/// An algorithm's estimate before clipping.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Estimate {
    /// The estimated rating.
    pub value: f64,
    /// Number of neighbours used (k-NN algorithms).
    pub actual_k: Option<usize>,
}

impl Estimate {
    /// An estimate without neighbour count.
    pub fn of(value: f64) -> Estimate {
        Estimate { value, actual_k: None }
    }
}

/// A fitted prediction algorithm.
pub trait Algorithm {
    /// The estimate for user index `u` and item index `i` (`None` when not in the training set).
    fn estimate(&self, u: Option<usize>, i: Option<usize>) -> Result<Estimate, Impossible>;
}

/// One prediction, with Surprise's `details`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// User id.
    pub user: String,
    /// Item id.
    pub item: String,
    /// The true rating, when known (test sets).
    pub r_ui: Option<f64>,
    /// The estimate, clipped to the rating scale.
    pub est: f64,
    /// Neighbours used, for k-NN algorithms.
    pub actual_k: Option<usize>,
    /// Set when the estimate was impossible and the global mean was used.
    pub impossible: Option<Impossible>,
}

impl Prediction {
    /// Surprise's `was_impossible`.
    pub fn was_impossible(&self) -> bool {
        self.impossible.is_some()
    }
}

/// Predicts `user`'s rating of `item`: unknown ids and impossible estimates fall back
/// to the training set's global mean; the result is clipped to the rating scale.
pub fn predict(algo: &dyn Algorithm, train: &Trainset, user: &str, item: &str, r_ui: Option<f64>) -> Prediction {
    let r = train.ratings();
    let u = r.user_index(user).map(|x| x.0 as usize);
    let i = r.item_index(item).map(|x| x.0 as usize);
    let (est, actual_k, impossible) = match algo.estimate(u, i) {
        Ok(e) => (e.value, e.actual_k, None),
        Err(why) => (train.global_mean(), None, Some(why)),
    };
    let s = r.scale();
    Prediction { user: user.into(), item: item.into(), r_ui, est: est.clamp(s.lo, s.hi), actual_k, impossible }
}
