//! Customer segments: k-means (or a Gaussian mixture) on standardised per-user
//! features, with a profile name for each segment.
//!
//! Features ([`super::features`]) are put on one scale (z-scores), then clustered by
//! k-means with k-means++ starts and several seeded restarts, or by a diagonal
//! Gaussian mixture fitted by EM — the "profile model" alternative, which also gives
//! each user a probability per segment. A segment is named after its centre's most
//! distinctive features: a z-score above +0.5 reads "high", below −0.5 "low" (for
//! recency the words are "recent" and "lapsed", for frequency "frequent" and "rare"),
//! the two largest |z| first — e.g. "high spend, frequent". The elbow (inertia per k)
//! and the silhouette per k help choose k.
//!
//! ```
//! use discount_lab::engine::discount::segments::{segment, SegmentParams};
//! use discount_lab::engine::discount::features::user_features;
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 42, customers: 120, products: 30 });
//! let s = segment(&user_features(&data), &SegmentParams::default().check().unwrap()).unwrap();
//! assert_eq!(s.labels.len(), 120);
//! assert_eq!(s.profiles.len(), 4);
//! ```

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::features::{Feature, UserFeatures};
use crate::engine::cluster::{gmm, kmeans, silhouette_sampled, GmmParams, KMeansParams, Standardiser};
use crate::engine::error::{EngineError, Need};
use crate::engine::limits::{MAX_SEGMENTS, MIN_SEGMENT_SIZE};

/// Which model groups the customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum SegmentModel {
    /// k-means with k-means++ starts ("kmeans"; "k_means" and "k-means" are read too).
    #[default]
    #[serde(rename = "kmeans")]
    KMeans,
    /// Gaussian mixture (diagonal covariances) by EM.
    Gmm,
}

/// Options of the segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SegmentParams {
    /// Number of segments (default 4).
    pub k: usize,
    /// The model (default k-means).
    pub model: SegmentModel,
    /// Restarts of k-means (default 10).
    pub restarts: usize,
    /// Random seed (default 42).
    pub seed: u64,
}

impl Default for SegmentParams {
    fn default() -> Self {
        SegmentParams { k: 4, model: SegmentModel::KMeans, restarts: 10, seed: 42 }
    }
}

/// Checked [`SegmentParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidSegmentParams(SegmentParams);

impl std::ops::Deref for ValidSegmentParams {
    type Target = SegmentParams;
    fn deref(&self) -> &SegmentParams {
        &self.0
    }
}

impl SegmentParams {
    /// Checks 1 ≤ k ≤ [`MAX_SEGMENTS`] and 1 ≤ restarts ≤ 100.
    pub fn check(self) -> Result<ValidSegmentParams, EngineError> {
        if !(1..=MAX_SEGMENTS).contains(&self.k) {
            return Err(EngineError::param(
                "k",
                format!("the number of segments must be between 1 and {MAX_SEGMENTS}"),
            ));
        }
        if !(1..=100).contains(&self.restarts) {
            return Err(EngineError::param("restarts", "must be between 1 and 100"));
        }
        Ok(ValidSegmentParams(self))
    }
}

/// A word describing one feature of a segment's centre.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Trait {
    /// The feature.
    pub feature: Feature,
    /// The centre's z-score on it.
    pub z: f64,
}

/// One segment's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Users in it.
    pub size: usize,
    /// Centre in the features' own units.
    pub centre: Vec<f64>,
    /// Centre in z-scores.
    pub centre_z: Vec<f64>,
    /// Its distinctive traits (|z| > 0.5), largest |z| first, at most two.
    pub traits: Vec<Trait>,
    /// English name built from the traits ("high spend, frequent"); "typical" when none stands out.
    pub name: String,
}

/// The segmentation of every user.
#[derive(Debug, Clone, PartialEq)]
pub struct Segmentation {
    /// Segment of each user (ordered by size, largest first).
    pub labels: Vec<usize>,
    /// The profile of each segment.
    pub profiles: Vec<Profile>,
    /// Features used.
    pub features: Vec<Feature>,
    /// k-means inertia on the z-scores (for the mixture: of its hard labels).
    pub inertia: f64,
    /// Mean silhouette (on at most 2,000 sampled users), when k ≥ 2.
    pub silhouette: Option<f64>,
    /// Probability of each segment per user (mixture only).
    pub probabilities: Option<Array2<f64>>,
    /// The z-scored features (rows = users), for the 2-D map.
    pub standardised: Array2<f64>,
    /// The k asked for; more than `profiles.len()` when the data capped it ([`segments_for`]).
    pub requested_k: usize,
}

/// How many segments `n` customers get when `k` are asked for: at most one per
/// [`MIN_SEGMENT_SIZE`] customers, and at least one.
pub fn segments_for(n: usize, k: usize) -> usize {
    k.min((n / MIN_SEGMENT_SIZE).max(1))
}

/// The z-score past which a trait is named.
pub const TRAIT_Z: f64 = 0.5;

/// The English word for a feature at z-score `z`.
pub fn trait_word(feature: Feature, z: f64) -> &'static str {
    let high = z > 0.0;
    match (feature, high) {
        (Feature::Recency, true) => "lapsed",
        (Feature::Recency, false) => "recent",
        (Feature::Frequency, true) => "frequent",
        (Feature::Frequency, false) => "rare",
        (Feature::Monetary, true) => "high spend",
        (Feature::Monetary, false) => "low spend",
        (Feature::MeanRating, true) => "generous rater",
        (Feature::MeanRating, false) => "harsh rater",
        (Feature::Views, true) => "browses a lot",
        (Feature::Views, false) => "browses little",
        (Feature::Carts, true) => "fills carts",
        (Feature::Carts, false) => "rarely carts",
        (Feature::RatingCount, true) => "many ratings",
        (Feature::RatingCount, false) => "few ratings",
        (Feature::RatingSpread, true) => "varied ratings",
        (Feature::RatingSpread, false) => "steady ratings",
    }
}

/// Segments users by their features.
pub fn segment(features: &UserFeatures, params: &ValidSegmentParams) -> Result<Segmentation, EngineError> {
    let n = features.values.nrows();
    if n == 0 {
        return Err(EngineError::Needs(Need::MoreUsersThanSegments { k: params.k, n }));
    }
    // The data caps k: at least MIN_SEGMENT_SIZE customers per segment (the report says so).
    let requested_k = params.k;
    let params = &ValidSegmentParams(SegmentParams { k: segments_for(n, params.k), ..params.0 });
    let scaler = Standardiser::fit(features.values.view());
    let z = scaler.transform(features.values.view());
    let km = KMeansParams { k: params.k, n_init: params.restarts, seed: params.seed, ..Default::default() }.check()?;
    let fit = kmeans(z.view(), &km)?;
    let (raw_labels, probabilities) = match params.model {
        SegmentModel::KMeans => (fit.labels.clone(), None),
        SegmentModel::Gmm => {
            let g = GmmParams { k: params.k, seed: params.seed, ..Default::default() }.check()?;
            let m = gmm(z.view(), &g)?;
            (m.labels.clone(), Some(m.responsibilities.clone()))
        }
    };
    // Relabel by size, largest first (ties: lower original label), so names and colours are stable.
    let mut sizes = vec![0usize; params.k];
    for &l in &raw_labels {
        if let Some(s) = sizes.get_mut(l) {
            *s += 1;
        }
    }
    let mut order: Vec<usize> = (0..params.k).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut rank = vec![0; params.k];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new;
    }
    let labels: Vec<usize> = raw_labels.iter().map(|&l| rank.get(l).copied().unwrap_or(0)).collect();
    let probabilities = probabilities.map(|p| {
        let mut out = Array2::zeros(p.raw_dim());
        for (old, &new) in rank.iter().enumerate() {
            out.column_mut(new).assign(&p.column(old));
        }
        out
    });
    let d = features.features.len();
    let mut profiles = Vec::with_capacity(params.k);
    let mut inertia = 0.0;
    for s in 0..params.k {
        let members: Vec<usize> = (0..n).filter(|&u| labels[u] == s).collect();
        let mean_of = |m: &Array2<f64>, j: usize| {
            if members.is_empty() {
                0.0
            } else {
                members.iter().map(|&u| m[(u, j)]).sum::<f64>() / members.len() as f64
            }
        };
        let centre: Vec<f64> = (0..d).map(|j| mean_of(&features.values, j)).collect();
        let centre_z: Vec<f64> = (0..d).map(|j| mean_of(&z, j)).collect();
        for &u in &members {
            inertia += (0..d).map(|j| (z[(u, j)] - centre_z[j]).powi(2)).sum::<f64>();
        }
        let mut traits: Vec<Trait> = features
            .features
            .iter()
            .zip(&centre_z)
            .filter(|(_, z)| z.abs() > TRAIT_Z)
            .map(|(&feature, &z)| Trait { feature, z })
            .collect();
        traits.sort_by(|a, b| b.z.abs().total_cmp(&a.z.abs()));
        traits.truncate(2);
        let name = if traits.is_empty() {
            "typical".to_string()
        } else {
            traits.iter().map(|t| trait_word(t.feature, t.z)).collect::<Vec<_>>().join(", ")
        };
        profiles.push(Profile { size: members.len(), centre, centre_z, traits, name });
    }
    let silhouette = if params.k >= 2 { silhouette_sampled(z.view(), &labels, 2000, params.seed) } else { None };
    Ok(Segmentation {
        labels,
        profiles,
        features: features.features.clone(),
        inertia,
        silhouette,
        probabilities,
        standardised: z,
        requested_k,
    })
}

/// Inertia and silhouette for each k in 1..=max_k (k-means), to help choose k.
pub fn choose_k(
    features: &UserFeatures,
    max_k: usize,
    seed: u64,
) -> Result<Vec<(usize, f64, Option<f64>)>, EngineError> {
    let n = features.values.nrows();
    let z = Standardiser::fit(features.values.view()).transform(features.values.view());
    let mut out = Vec::new();
    for k in 1..=max_k.min(n).min(MAX_SEGMENTS) {
        let p = KMeansParams { k, n_init: 4, seed, ..Default::default() }.check()?;
        let fit = kmeans(z.view(), &p)?;
        let sil = if k >= 2 { silhouette_sampled(z.view(), &fit.labels, 1000, seed) } else { None };
        out.push((k, fit.inertia, sil));
    }
    Ok(out)
}
