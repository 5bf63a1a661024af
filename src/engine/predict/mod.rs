//! Rating prediction with scikit-surprise 1.1.x's algorithms, definitions and defaults.
//!
//! A [`Trainset`] wraps the ratings with the per-user and per-item lists in input
//! order (the order Surprise iterates them, which SGD depends on). Every algorithm
//! implements [`Algorithm::estimate`]; [`predict`] turns ids into indices, falls back
//! to the global mean when an estimate is impossible (flagged with the reason, as
//! Surprise's `was_impossible`) and clips to the rating scale.

pub mod baseline_only;
pub mod biases;
pub mod co_clustering;
pub mod explain;
pub mod knn;
pub mod nmf;
pub mod normal;
pub mod prediction;
pub mod recommend;
pub mod slope_one;
pub mod spec;
pub mod svd;
pub mod svdpp;
pub mod terms;
pub mod trainset;

pub use baseline_only::{BaselineOnly, BaselineOnlyParams, ValidBaselineOnlyParams};
pub use biases::{BaselineOptions, SgdBaselineParams, ValidBaselineOptions};
pub use co_clustering::{CoClustering, CoClusteringParams, ValidCoClusteringParams};
pub use explain::{explain_prediction, fit_explainable, Explain, PredictionExplanation};
pub use knn::{Knn, KnnNeighbour, KnnParams, KnnVariant, ValidKnnParams};
pub use nmf::{Nmf, NmfParams, ValidNmfParams};
pub use normal::NormalPredictor;
pub use prediction::{predict, Algorithm, Estimate, Impossible, Prediction};
pub use recommend::recommend;
pub use slope_one::SlopeOne;
pub use spec::{AlgoSpec, ALGO_NAMES};
pub use svd::{Svd, SvdParams, ValidSvdParams};
pub use svdpp::{SvdPp, SvdppParams, ValidSvdppParams};
pub use terms::{
    BiasTerms, CoClusteringTerms, Deviation, FactorTerm, KnnTerms, NeighbourTerm, NormalTerms, SlopeOneTerms, SvdTerms,
    SvdppTerms, Terms,
};
pub use trainset::Trainset;
