//! Grouping and projecting observations (rows of a matrix): z-scores
//! ([`standardise`](mod@standardise)), k-means with k-means++ starts ([`kmeans`](mod@kmeans)), the silhouette
//! ([`silhouette`](mod@silhouette)), Gaussian mixtures by EM ([`gmm`](mod@gmm)) and principal components ([`pca`](mod@pca)).
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

use crate::engine::error::{EngineError, Need, Task};
use ndarray::ArrayView2;

/// Refuses empty data and non-finite values, which every method here would turn into NaN.
pub(crate) fn check_data(data: ArrayView2<f64>) -> Result<(), EngineError> {
    if data.nrows() == 0 {
        return Err(EngineError::TooFewRows { task: Task::Clustering, needed: 1, found: 0 });
    }
    if data.ncols() == 0 {
        return Err(EngineError::Needs(Need::Features));
    }
    if let Some(((r, c), v)) = data.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(EngineError::NotFinite { row: r + 1, feature: c + 1, value: *v });
    }
    Ok(())
}

/// Squared Euclidean distance of two rows.
#[inline]
pub(crate) fn dist2(a: ndarray::ArrayView1<f64>, b: ndarray::ArrayView1<f64>) -> f64 {
    a.iter().zip(b.iter()).map(|(x, y)| (x - y) * (x - y)).sum()
}
