//! Grouping and projecting observations (rows of a matrix): z-scores
//! ([`standardise`]), k-means with k-means++ starts ([`kmeans`]), the silhouette
//! ([`silhouette`]), Gaussian mixtures by EM ([`gmm`]) and principal components ([`pca`]).
//! Plain numerics on `ndarray` views; customer segments are built on them in
//! [`crate::engine::discount::segments`].

pub mod gmm;
pub mod kmeans;
pub mod pca;
pub mod silhouette;
pub mod standardise;

pub use gmm::{em_from, gmm, GmmFit, GmmParams, ValidGmmParams};
pub use kmeans::{elbow, kmeans, lloyd, KMeansFit, KMeansParams, ValidKMeansParams};
pub use pca::{pca, Pca};
pub use silhouette::{silhouette, silhouette_sampled};
pub use standardise::Standardiser;

use crate::engine::error::EngineError;
use ndarray::ArrayView2;

/// Refuses empty data and non-finite values, which every method here would turn into NaN.
pub(crate) fn check_data(data: ArrayView2<f64>) -> Result<(), EngineError> {
    if data.nrows() == 0 || data.ncols() == 0 {
        return Err(EngineError::MissingData("there is nothing to cluster (no rows or no features)".into()));
    }
    if let Some(((r, c), v)) = data.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(EngineError::MissingData(format!("row {}, feature {}: {v} is not a finite number", r + 1, c + 1)));
    }
    Ok(())
}

/// Squared Euclidean distance of two rows.
#[inline]
pub(crate) fn dist2(a: ndarray::ArrayView1<f64>, b: ndarray::ArrayView1<f64>) -> f64 {
    a.iter().zip(b.iter()).map(|(x, y)| (x - y) * (x - y)).sum()
}
