//! One checked description of any algorithm and its parameters, fitted by [`AlgoSpec::fit`];
//! what a person chooses ([`AlgoOptions`](crate::options::algo::AlgoOptions)) is checked into it.
//!
//! Names: `normal`, `baseline`, `knn-basic`, `knn-means`, `knn-zscore`, `knn-baseline`,
//! `svd`, `svdpp`, `nmf`, `slope-one`, `coclustering`.

use super::baseline_only::{BaselineOnly, ValidBaselineOnlyParams};
use super::co_clustering::{CoClustering, ValidCoClusteringParams};
use super::knn::{Knn, KnnVariant, ValidKnnParams};
use super::nmf::{Nmf, ValidNmfParams};
use super::normal::NormalPredictor;
use super::prediction::Algorithm;
use super::slope_one::SlopeOne;
use super::svd::{Svd, ValidSvdParams};
use super::svdpp::{SvdPp, ValidSvdppParams};
use super::trainset::Trainset;
use crate::engine::error::EngineError;

/// Every algorithm name, in menu order.
pub const ALGO_NAMES: [&str; 11] = [
    "normal",
    "baseline",
    "knn-basic",
    "knn-means",
    "knn-zscore",
    "knn-baseline",
    "svd",
    "svdpp",
    "nmf",
    "slope-one",
    "coclustering",
];

/// A checked algorithm choice.
#[derive(Debug, Clone, PartialEq)]
pub enum AlgoSpec {
    /// `NormalPredictor`, seeded.
    Normal {
        /// Seed of the draws.
        seed: u64,
    },
    /// `BaselineOnly`.
    Baseline(ValidBaselineOnlyParams),
    /// The k-NN family.
    Knn(ValidKnnParams),
    /// `SVD`.
    Svd(ValidSvdParams),
    /// `SVDpp`.
    SvdPp(ValidSvdppParams),
    /// `NMF`.
    Nmf(ValidNmfParams),
    /// `SlopeOne`.
    SlopeOne,
    /// `CoClustering`.
    CoClustering(ValidCoClusteringParams),
}

impl AlgoSpec {
    /// The algorithm's name (see [`ALGO_NAMES`]).
    pub fn name(&self) -> &'static str {
        match self {
            AlgoSpec::Normal { .. } => "normal",
            AlgoSpec::Baseline(_) => "baseline",
            AlgoSpec::Knn(p) => match p.variant {
                KnnVariant::Basic => "knn-basic",
                KnnVariant::WithMeans => "knn-means",
                KnnVariant::WithZScore => "knn-zscore",
                KnnVariant::Baseline => "knn-baseline",
            },
            AlgoSpec::Svd(_) => "svd",
            AlgoSpec::SvdPp(_) => "svdpp",
            AlgoSpec::Nmf(_) => "nmf",
            AlgoSpec::SlopeOne => "slope-one",
            AlgoSpec::CoClustering(_) => "coclustering",
        }
    }

    /// Fits the algorithm on `train`.
    pub fn fit(&self, train: &Trainset) -> Result<Box<dyn Algorithm>, EngineError> {
        Ok(match self {
            AlgoSpec::Normal { seed } => Box::new(NormalPredictor::fit(train, *seed)),
            AlgoSpec::Baseline(p) => Box::new(BaselineOnly::fit(train, p)),
            AlgoSpec::Knn(p) => Box::new(Knn::fit(train, p)?),
            AlgoSpec::Svd(p) => Box::new(Svd::fit(train, p)?),
            AlgoSpec::SvdPp(p) => Box::new(SvdPp::fit(train, p)?),
            AlgoSpec::Nmf(p) => Box::new(Nmf::fit(train, p)?),
            AlgoSpec::SlopeOne => Box::new(SlopeOne::fit(train)?),
            AlgoSpec::CoClustering(p) => Box::new(CoClustering::fit(train, p)?),
        })
    }
}
