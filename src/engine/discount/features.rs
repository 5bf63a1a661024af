//! What a customer looks like as numbers: the per-user features that segments,
//! the purchase-probability model and the 2-D map are built from.
//!
//! With a purchase log the features are the classic RFM trio — **recency** (days from
//! the user's last purchase to the end of the log), **frequency** (rows with a
//! purchase) and **monetary** value (Σ price paid × quantity) — plus the user's
//! **mean rating**, **views** (rows of the log, bought or not) and, when the log has
//! an `event` column with cart events, **carts** (cart rows). With ratings only
//! they are the mean rating, the number of ratings and their spread (standard
//! deviation). The population is always the users of the rating set, in its order;
//! users without a purchase row get recency = the log's span, frequency = monetary = 0.
//!
//! ```
//! use discount_lab::engine::discount::features::{user_features, Feature};
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 42, customers: 40, products: 20 });
//! let f = user_features(&data);
//! assert_eq!(f.features[0], Feature::Recency);
//! assert_eq!(f.values.nrows(), 40);
//! ```

use std::collections::HashMap;

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::engine::data::dates::SECONDS_PER_DAY;
use crate::engine::data::ratings::UserIdx;
use crate::engine::data::samples::Dataset;

/// One per-user feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// Days from the last purchase to the end of the log.
    Recency,
    /// Rows with a purchase.
    Frequency,
    /// Σ price paid × quantity.
    Monetary,
    /// Mean rating.
    MeanRating,
    /// Rows of the purchase log (offers seen).
    Views,
    /// Cart events in the purchase log.
    Carts,
    /// Number of ratings.
    RatingCount,
    /// Standard deviation of the user's ratings.
    RatingSpread,
}

impl Feature {
    /// Machine name (CSV headers, JS).
    pub fn name(self) -> &'static str {
        match self {
            Feature::Recency => "recency_days",
            Feature::Frequency => "frequency",
            Feature::Monetary => "monetary",
            Feature::MeanRating => "mean_rating",
            Feature::Views => "views",
            Feature::Carts => "carts",
            Feature::RatingCount => "rating_count",
            Feature::RatingSpread => "rating_spread",
        }
    }
}

/// The feature matrix: one row per user of the rating set.
#[derive(Debug, Clone, PartialEq)]
pub struct UserFeatures {
    /// The columns.
    pub features: Vec<Feature>,
    /// users × features.
    pub values: Array2<f64>,
}

impl UserFeatures {
    /// The value of one feature for one user, if that feature is present.
    pub fn get(&self, user: usize, feature: Feature) -> Option<f64> {
        let k = self.features.iter().position(|&f| f == feature)?;
        self.values.get((user, k)).copied()
    }
}

/// The features of every user of `data.ratings`.
pub fn user_features(data: &Dataset) -> UserFeatures {
    let r = &data.ratings;
    let n = r.n_users();
    let rating_stats = |u: usize| {
        let (_, vals) = r.user_ratings(UserIdx(u as u32));
        let count = vals.len() as f64;
        let mean = if vals.is_empty() { r.global_mean() } else { vals.iter().sum::<f64>() / count };
        let var = if vals.is_empty() { 0.0 } else { vals.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / count };
        (mean, count, var.sqrt())
    };
    if data.purchases.is_empty() {
        let features = vec![Feature::MeanRating, Feature::RatingCount, Feature::RatingSpread];
        let mut values = Array2::zeros((n, features.len()));
        for u in 0..n {
            let (mean, count, sd) = rating_stats(u);
            values[(u, 0)] = mean;
            values[(u, 1)] = count;
            values[(u, 2)] = sd;
        }
        return UserFeatures { features, values };
    }
    let log = &data.purchases;
    let end = log.latest();
    let start = log.rows.iter().map(|p| p.timestamp).fold(f64::INFINITY, f64::min);
    let span_days = ((end - start) / SECONDS_PER_DAY).max(0.0);
    let index: HashMap<&str, usize> = r.user_ids().iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    let mut features =
        vec![Feature::Recency, Feature::Frequency, Feature::Monetary, Feature::MeanRating, Feature::Views];
    let carts = log.has_carts();
    if carts {
        features.push(Feature::Carts);
    }
    let mut values = Array2::zeros((n, features.len()));
    let mut last = vec![f64::NEG_INFINITY; n];
    for p in &log.rows {
        let Some(&u) = index.get(p.user.as_str()) else { continue };
        values[(u, 4)] += 1.0;
        if carts && p.carted() {
            values[(u, 5)] += 1.0;
        }
        if p.bought() {
            values[(u, 1)] += 1.0;
            values[(u, 2)] += p.price_paid * p.units();
            last[u] = last[u].max(p.timestamp);
        }
    }
    for u in 0..n {
        values[(u, 0)] = if last[u].is_finite() { (end - last[u]) / SECONDS_PER_DAY } else { span_days };
        values[(u, 3)] = rating_stats(u).0;
    }
    UserFeatures { features, values }
}
