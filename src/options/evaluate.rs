//! A cross-validation or grid search as a person describes it (the JS `evaluate` and
//! `gridSearch` options, the Evaluate view's form, the worker's message), and the rules that
//! turn it into checked parameters: folds, top-N settings, the grid.

use serde::{Deserialize, Serialize};

use super::algo::{AlgoOptions, GridParams};
use crate::engine::error::EngineError;
use crate::engine::evaluate::{KFold, TopNParams, ValidGridParams, ValidKFold, ValidTopNParams};
use crate::engine::similarity::Measure;

/// Options of a cross-validation (`evaluate` in JS, the Evaluate view): the algorithm's (`algo`, `k`, `minK`, `kind`, `measure`,
/// `minSupport`, `shrinkage`, `factors`, `epochs`, `seed`) plus the folds and top-N settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CvOptions {
    /// The algorithm and its parameters.
    #[serde(flatten)]
    pub algo: AlgoOptions,
    /// Number of folds (5).
    pub folds: Option<usize>,
    /// Seed of the fold shuffle (0).
    pub split_seed: Option<u32>,
    /// k of precision@k, recall@k, NDCG@k (10).
    pub top_k: Option<usize>,
    /// Relevance threshold (4).
    pub threshold: Option<f64>,
    /// Rating scale; inferred when absent.
    pub scale: Option<(f64, f64)>,
    /// Predefined folds (MovieLens `u1.base`/`u1.test` texts) instead of k-fold on `ratings`.
    pub fold_files: Option<Vec<FoldText>>,
    /// Grid search: values to try (`gridSearch` only).
    pub grid: Option<GridValues>,
}

/// One predefined fold as texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoldText {
    /// The training file's text.
    pub train: String,
    /// The test file's text.
    pub test: String,
}

/// Values of a grid search; absent lists are not searched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GridValues {
    /// Values of k (k-NN).
    pub k: Option<Vec<usize>>,
    /// Similarity measures (k-NN).
    pub measure: Option<Vec<Measure>>,
    /// Numbers of factors (SVD).
    pub factors: Option<Vec<usize>>,
    /// Numbers of epochs (SVD).
    pub epochs: Option<Vec<usize>>,
}

impl Default for CvOptions {
    fn default() -> Self {
        CvOptions {
            algo: AlgoOptions { algo: "knn-means".into(), measure: Some(Measure::Pearson), ..Default::default() },
            folds: None,
            split_seed: None,
            top_k: None,
            threshold: None,
            scale: None,
            fold_files: None,
            grid: None,
        }
    }
}

impl CvOptions {
    /// precision@k, recall@k and NDCG@k's settings (k 10, relevant from 4).
    pub fn top_n(&self) -> Result<ValidTopNParams, EngineError> {
        TopNParams::new().k(self.top_k.unwrap_or(10)).threshold(self.threshold.unwrap_or(4.0)).check()
    }

    /// The k-fold split (5 folds, seed 0), when no fold files are given.
    pub fn kfold(&self) -> Result<ValidKFold, EngineError> {
        KFold::new().n_splits(self.folds.unwrap_or(5)).random_state(self.split_seed.unwrap_or(0)).check()
    }

    /// The grid of a grid search around the algorithm (its lists, or the algorithm alone).
    pub fn grid(&self) -> Result<ValidGridParams, EngineError> {
        let g = self.grid.clone().unwrap_or_default();
        GridParams { base: self.algo.clone(), k: g.k, measure: g.measure, factors: g.factors, epochs: g.epochs }.check()
    }
}
