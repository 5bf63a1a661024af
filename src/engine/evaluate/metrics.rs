//! Accuracy of predictions, exactly as scikit-surprise's `accuracy` module.
//!
//! Over the predictions R̂ with known true ratings:
//!
//! ```text
//! MSE  = (1/|R̂|) Σ (r_ui − r̂_ui)²      RMSE = √MSE      MAE = (1/|R̂|) Σ |r_ui − r̂_ui|
//! ```
//!
//! FCP, the fraction of concordant pairs (Koren and Sill 2013, §5.2), compares the
//! predictions of each user pairwise. For user u, n_c(u) counts ordered pairs (i, j)
//! with r̂_ui > r̂_uj and r_ui > r_uj; n_d(u) counts pairs with r̂_ui ≥ r̂_uj and
//! r_ui < r_uj (a tie in the estimates counts as discordant). Surprise then averages
//! n_c over the users with n_c(u) > 0 and n_d over the users with n_d(u) > 0 — two
//! different sets of users — and returns n_c / (n_c + n_d). This module does exactly
//! that.
//!
//! Every metric fails (an error value, not a panic) on an empty list or on a
//! prediction without a true rating; FCP also fails when no user has a concordant or
//! discordant pair.
//!
//! ```
//! use discount_lab::engine::evaluate::{fcp, mae, rmse};
//! use discount_lab::engine::predict::Prediction;
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let preds: Vec<Prediction> = (0..20)
//!     .map(|k| {
//!         let r = rng.random_range(1..=5) as f64;
//!         Prediction { user: format!("u{}", k % 4), item: format!("i{k}"), r_ui: Some(r), est: r, actual_k: None, impossible: None }
//!     })
//!     .collect();
//! assert_eq!(rmse(&preds).unwrap(), 0.0);
//! assert_eq!(mae(&preds).unwrap(), 0.0);
//! assert_eq!(fcp(&preds).unwrap(), 1.0);
//! assert!(rmse(&[]).is_err());
//! ```

use std::collections::HashMap;

use crate::engine::error::{EngineError, Need, Task};
use crate::engine::predict::Prediction;

/// (true rating, estimate) of every prediction; an error when empty or a true rating is missing.
pub(crate) fn scored(predictions: &[Prediction]) -> Result<Vec<(f64, f64)>, EngineError> {
    if predictions.is_empty() {
        return Err(EngineError::TooFewRows { task: Task::Metrics, needed: 1, found: 0 });
    }
    predictions
        .iter()
        .map(|p| match p.r_ui {
            Some(r) => Ok((r, p.est)),
            None => Err(EngineError::NoTrueRating { user: p.user.clone(), item: p.item.clone() }),
        })
        .collect()
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    sum / n as f64
}

/// Mean squared error.
pub fn mse(predictions: &[Prediction]) -> Result<f64, EngineError> {
    Ok(mean(scored(predictions)?.into_iter().map(|(r, e)| (r - e) * (r - e))))
}

/// Root mean squared error.
pub fn rmse(predictions: &[Prediction]) -> Result<f64, EngineError> {
    mse(predictions).map(f64::sqrt)
}

/// Mean absolute error.
pub fn mae(predictions: &[Prediction]) -> Result<f64, EngineError> {
    Ok(mean(scored(predictions)?.into_iter().map(|(r, e)| (r - e).abs())))
}

/// Fraction of concordant pairs, with Surprise's per-user averaging (see the module docs).
pub fn fcp(predictions: &[Prediction]) -> Result<f64, EngineError> {
    let pairs = scored(predictions)?;
    // Users in order of first appearance, each with their (true, estimate) pairs.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut by_user: Vec<Vec<(f64, f64)>> = Vec::new();
    for (p, &pair) in predictions.iter().zip(&pairs) {
        let k = *index.entry(p.user.as_str()).or_insert_with(|| {
            by_user.push(Vec::new());
            by_user.len() - 1
        });
        by_user[k].push(pair);
    }
    let (mut nc_users, mut nd_users) = (Vec::new(), Vec::new());
    for preds in &by_user {
        let (mut nc, mut nd) = (0u64, 0u64);
        for &(ri, ei) in preds {
            for &(rj, ej) in preds {
                if ei > ej && ri > rj {
                    nc += 1;
                }
                if ei >= ej && ri < rj {
                    nd += 1;
                }
            }
        }
        if nc > 0 {
            nc_users.push(nc as f64);
        }
        if nd > 0 {
            nd_users.push(nd as f64);
        }
    }
    let avg = |v: &[f64]| if v.is_empty() { 0.0 } else { mean(v.iter().copied()) };
    let (nc, nd) = (avg(&nc_users), avg(&nd_users));
    if nc + nd == 0.0 {
        return Err(EngineError::Needs(Need::DistinctTrueRatings));
    }
    Ok(nc / (nc + nd))
}
