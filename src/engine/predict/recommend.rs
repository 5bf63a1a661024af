//! Top-N recommendations for one user: the items the user has not rated, ranked by a
//! fitted algorithm's estimate.
//!
//! [`recommend`] predicts every item of the training set that `user` has not rated
//! (with [`predict`], so impossible estimates fall back to the global mean and every
//! estimate is clipped to the scale), sorts them by estimate, highest first — equal
//! estimates keep the training set's item order — and keeps the first `n`. It is the
//! scikit-surprise FAQ's `get_top_n` for a single user, on the "anti-testset" of the
//! training set. An unknown user is an error naming the user.
//!
//! ```
//! use discount_lab::engine::predict::{recommend, AlgoSpec, BaselineOnlyParams, Trainset};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let triples: Vec<(String, String, f64)> = (0..200)
//!     .map(|_| (format!("u{}", rng.random_range(0..20)), format!("i{}", rng.random_range(0..15)), rng.random_range(1..=5) as f64))
//!     .collect();
//! let train = Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap());
//! let algo = AlgoSpec::Baseline(BaselineOnlyParams::new().check().unwrap()).fit(&train).unwrap();
//! let top = recommend(algo.as_ref(), &train, "u3", 5).unwrap();
//! assert!(top.len() <= 5);
//! assert!(top.windows(2).all(|w| w[0].est >= w[1].est));
//! let r = train.ratings();
//! let u = r.user_index("u3").unwrap();
//! assert!(top.iter().all(|p| r.get(u, r.item_index(&p.item).unwrap()).is_none()));
//! assert!(recommend(algo.as_ref(), &train, "nobody", 5).unwrap_err().to_string().contains("nobody"));
//! ```

use super::prediction::{predict, Algorithm, Prediction};
use super::trainset::Trainset;
use crate::engine::error::EngineError;

/// The `n` items `user` has not rated in `train` with the highest estimates of `algo`
/// (fitted on `train`), highest first, ties in item order. Fewer when fewer items are
/// unrated; fails when `user` is not in the training set.
pub fn recommend(algo: &dyn Algorithm, train: &Trainset, user: &str, n: usize) -> Result<Vec<Prediction>, EngineError> {
    let ratings = train.ratings();
    let u = ratings.user_index(user).ok_or_else(|| EngineError::UnknownId { what: "user", id: user.to_string() })?;
    let mut rated = vec![false; ratings.n_items()];
    for &i in ratings.user_ratings(u).0 {
        if let Some(seen) = rated.get_mut(i as usize) {
            *seen = true;
        }
    }
    let mut predictions: Vec<Prediction> = ratings
        .item_ids()
        .iter()
        .zip(&rated)
        .filter(|(_, &seen)| !seen)
        .map(|(item, _)| predict(algo, train, user, item, None))
        .collect();
    // Stable sort, highest first (+ 0.0 makes −0 equal to 0).
    predictions.sort_by(|a, b| (b.est + 0.0).total_cmp(&(a.est + 0.0)));
    predictions.truncate(n);
    Ok(predictions)
}
