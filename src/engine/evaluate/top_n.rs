//! Top-N recommendation metrics per user: precision@k and recall@k exactly as the
//! scikit-surprise FAQ's `precision_recall_at_k`, plus NDCG@k on the same ranking.
//!
//! The predictions (typically a test set) are grouped by user. For each user:
//!
//! - the predictions are **ranked by estimate**, highest first (ties keep their input
//!   order, as Python's stable sort does), and the top-k taken (all of them when the
//!   user has fewer than k);
//! - an item is **relevant** when its *true* rating r_ui ≥ `threshold`;
//! - an item is **recommended** when it is in the top-k *and* its estimate r̂_ui ≥
//!   `threshold` (the FAQ's definition: a low estimate is not a recommendation even
//!   when it ranks in the top-k);
//! - **precision@k** = |relevant ∩ recommended| / |recommended|, 0 when nothing is
//!   recommended;
//! - **recall@k** = |relevant ∩ recommended| / |relevant|, 0 when the user has no
//!   relevant item;
//! - **NDCG@k** (not in Surprise) = DCG@k / IDCG@k with binary gains: DCG@k =
//!   Σ_{p=1..k} rel_p / log₂(p + 1) over the top-k ranking (rel_p = 1 when the item at
//!   rank p is relevant, whatever its estimate), IDCG@k the same for the best possible
//!   ranking (min(k, |relevant|) relevant items first); 0 when the user has no relevant
//!   item.
//!
//! The reported means average every user who has a prediction, users without relevant
//! items counting as 0 — the FAQ's `sum(precisions.values()) / len(precisions)`. Each
//! user's counts are reported too, so other averages can be taken. The FAQ's function
//! defaults to `threshold=3.5` but its example calls it with 4; the default here is 4.
//!
//! ```
//! use discount_lab::engine::evaluate::{top_n, TopNParams};
//! use discount_lab::engine::predict::Prediction;
//! let p = |item: &str, r: f64, est: f64| Prediction {
//!     user: "u".into(), item: item.into(), r_ui: Some(r), est, actual_k: None, impossible: None,
//! };
//! let preds = [p("a", 5.0, 4.8), p("b", 2.0, 4.5), p("c", 4.0, 3.0), p("d", 4.5, 4.1)];
//! let report = top_n(&preds, &TopNParams::new().k(2).check().unwrap()).unwrap();
//! // Top-2 by estimate: a (relevant), b (not): precision 1/2; relevant a, c, d: recall 1/3.
//! assert_eq!(report.precision, 0.5);
//! assert!((report.recall - 1.0 / 3.0).abs() < 1e-12);
//! // DCG = 1/log2(2) = 1, IDCG = 1 + 1/log2(3).
//! assert!((report.ndcg - 1.0 / (1.0 + 1.0 / 3f64.log2())).abs() < 1e-12);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::metrics::scored;
use crate::engine::error::EngineError;
use crate::engine::predict::Prediction;

/// Options of [`top_n`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TopNParams {
    /// Length of each user's recommendation list (default 10).
    pub k: usize,
    /// Ratings at or above it are relevant; estimates at or above it are recommended (default 4).
    pub threshold: f64,
}

impl Default for TopNParams {
    fn default() -> Self {
        TopNParams { k: 10, threshold: 4.0 }
    }
}

/// Parameters that passed [`TopNParams::check`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidTopNParams(TopNParams);

impl std::ops::Deref for ValidTopNParams {
    type Target = TopNParams;
    fn deref(&self) -> &TopNParams {
        &self.0
    }
}

impl TopNParams {
    /// k = 10, threshold 4.
    pub fn new() -> Self {
        TopNParams::default()
    }
    /// Sets `k`.
    pub fn k(mut self, k: usize) -> Self {
        self.k = k;
        self
    }
    /// Sets `threshold`.
    pub fn threshold(mut self, t: f64) -> Self {
        self.threshold = t;
        self
    }
    /// Checks that k ≥ 1 and the threshold is finite.
    pub fn check(self) -> Result<ValidTopNParams, EngineError> {
        if self.k == 0 {
            return Err(EngineError::param("k", "must be at least 1"));
        }
        if !self.threshold.is_finite() {
            return Err(EngineError::param("threshold", "must be a finite number"));
        }
        Ok(ValidTopNParams(self))
    }
}

/// One user's top-N figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserTopN {
    /// User id.
    pub user: String,
    /// Relevant items among all the user's predictions.
    pub n_relevant: usize,
    /// Recommended items (in the top-k with estimate ≥ threshold).
    pub n_recommended: usize,
    /// Recommended items that are relevant.
    pub n_relevant_and_recommended: usize,
    /// precision@k (0 when nothing is recommended).
    pub precision: f64,
    /// recall@k (0 when nothing is relevant).
    pub recall: f64,
    /// NDCG@k (0 when nothing is relevant).
    pub ndcg: f64,
}

/// Per-user figures and their means over all users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopNReport {
    /// Users in order of first appearance in the predictions.
    pub users: Vec<UserTopN>,
    /// Mean precision@k over all users.
    pub precision: f64,
    /// Mean recall@k over all users.
    pub recall: f64,
    /// Mean NDCG@k over all users.
    pub ndcg: f64,
}

/// Computes precision@k, recall@k and NDCG@k per user (see the module docs). Fails on an
/// empty list or a prediction without a true rating.
pub fn top_n(predictions: &[Prediction], params: &ValidTopNParams) -> Result<TopNReport, EngineError> {
    let pairs = scored(predictions)?;
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut by_user: Vec<(&str, Vec<(f64, f64)>)> = Vec::new();
    for (p, &(r, est)) in predictions.iter().zip(&pairs) {
        let k = *index.entry(p.user.as_str()).or_insert_with(|| {
            by_user.push((p.user.as_str(), Vec::new()));
            by_user.len() - 1
        });
        by_user[k].1.push((est, r));
    }
    let (k, t) = (params.k, params.threshold);
    let users: Vec<UserTopN> = by_user
        .into_iter()
        .map(|(user, mut list)| {
            // Stable, highest estimate first: ties keep their input order (+ 0.0 makes −0 equal to 0).
            list.sort_by(|a, b| (b.0 + 0.0).total_cmp(&(a.0 + 0.0)));
            let top = &list[..k.min(list.len())];
            let n_relevant = list.iter().filter(|&&(_, r)| r >= t).count();
            let n_recommended = top.iter().filter(|&&(e, _)| e >= t).count();
            let n_both = top.iter().filter(|&&(e, r)| e >= t && r >= t).count();
            let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            let discount = |p: usize| 1.0 / ((p + 2) as f64).log2();
            let dcg: f64 = top.iter().enumerate().filter(|(_, &(_, r))| r >= t).map(|(p, _)| discount(p)).sum();
            let idcg: f64 = (0..n_relevant.min(k)).map(discount).sum();
            UserTopN {
                user: user.to_string(),
                n_relevant,
                n_recommended,
                n_relevant_and_recommended: n_both,
                precision: ratio(n_both, n_recommended),
                recall: ratio(n_both, n_relevant),
                ndcg: if idcg > 0.0 { dcg / idcg } else { 0.0 },
            }
        })
        .collect();
    let n = users.len() as f64;
    let mean = |f: fn(&UserTopN) -> f64| users.iter().map(f).sum::<f64>() / n;
    Ok(TopNReport { precision: mean(|u| u.precision), recall: mean(|u| u.recall), ndcg: mean(|u| u.ndcg), users })
}
