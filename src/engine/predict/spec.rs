//! One description of any algorithm and its parameters: what the command line, the
//! JS API and the interface choose from, checked once and fitted by [`AlgoSpec::fit`].
//!
//! Names: `normal`, `baseline`, `knn-basic`, `knn-means`, `knn-zscore`, `knn-baseline`,
//! `svd`, `slope-one`. Unset options take scikit-surprise's defaults (k 40, min_k 1,
//! user-based `msd`, 100 factors, 20 epochs), except that every seed defaults to 0.
//!
//! ```
//! use discount_lab::engine::predict::spec::AlgoOptions;
//! use discount_lab::engine::predict::{predict, Trainset};
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let train = Trainset::new(shop(&ShopParams::default()).ratings);
//! let spec = AlgoOptions { algo: "knn-means".into(), measure: Some("pearson".into()), ..Default::default() }.check().unwrap();
//! let algo = spec.fit(&train).unwrap();
//! let p = predict(algo.as_ref(), &train, "c001", "p01", None);
//! assert!((1.0..=5.0).contains(&p.est));
//! ```

use serde::{Deserialize, Serialize};

use super::baseline_only::{BaselineOnly, BaselineOnlyParams, ValidBaselineOnlyParams};
use super::biases::BaselineOptions;
use super::knn::{Knn, KnnParams, KnnVariant, ValidKnnParams};
use super::normal::NormalPredictor;
use super::prediction::Algorithm;
use super::slope_one::SlopeOne;
use super::svd::{Svd, SvdParams, ValidSvdParams};
use super::trainset::Trainset;
use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::similarity::Measure;

/// Every algorithm name, in menu order.
pub const ALGO_NAMES: [&str; 8] =
    ["normal", "baseline", "knn-basic", "knn-means", "knn-zscore", "knn-baseline", "svd", "slope-one"];

/// Options as a user gives them (CLI flags, JS objects); `None` means the default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlgoOptions {
    /// Algorithm name (see [`ALGO_NAMES`]).
    pub algo: String,
    /// k-NN: most neighbours (40).
    pub k: Option<usize>,
    /// k-NN: fewest neighbours (1).
    pub min_k: Option<usize>,
    /// k-NN: "user" (default) or "item".
    pub kind: Option<String>,
    /// k-NN: similarity measure (msd).
    pub measure: Option<String>,
    /// k-NN: min_support (1).
    pub min_support: Option<usize>,
    /// k-NN: shrinkage of pearson_baseline (100).
    pub shrinkage: Option<f64>,
    /// Baselines: "als" (default) or "sgd".
    pub baseline_method: Option<String>,
    /// SVD: number of factors (100).
    pub factors: Option<usize>,
    /// SVD: number of epochs (20).
    pub epochs: Option<usize>,
    /// Seed of SVD's initialisation and NormalPredictor's draws (0).
    pub seed: Option<u64>,
}

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
    /// `SlopeOne`.
    SlopeOne,
}

impl AlgoOptions {
    /// Checks every option once.
    pub fn check(&self) -> Result<AlgoSpec, EngineError> {
        let baseline = match &self.baseline_method {
            Some(m) => BaselineOptions::from_method(m)?,
            None => BaselineOptions::default(),
        };
        let knn = |variant: KnnVariant| -> Result<AlgoSpec, EngineError> {
            let kind = match self.kind.as_deref() {
                None | Some("user") => Kind::User,
                Some("item") => Kind::Item,
                Some(k) => return Err(EngineError::param("kind", format!("'{k}' should be user or item"))),
            };
            let mut p = KnnParams::new(variant).kind(kind).baseline(baseline);
            if let Some(m) = &self.measure {
                p = p.measure(Measure::from_name(m)?);
            }
            if let Some(k) = self.k {
                p = p.k(k);
            }
            if let Some(k) = self.min_k {
                p = p.min_k(k);
            }
            if let Some(n) = self.min_support {
                p = p.min_support(n);
            }
            if let Some(s) = self.shrinkage {
                p = p.shrinkage(s);
            }
            Ok(AlgoSpec::Knn(p.check()?))
        };
        match self.algo.trim().to_lowercase().as_str() {
            "normal" => Ok(AlgoSpec::Normal { seed: self.seed.unwrap_or(0) }),
            "baseline" => Ok(AlgoSpec::Baseline(BaselineOnlyParams::new().baseline(baseline).check()?)),
            "knn-basic" => knn(KnnVariant::Basic),
            "knn-means" => knn(KnnVariant::WithMeans),
            "knn-zscore" => knn(KnnVariant::WithZScore),
            "knn-baseline" => knn(KnnVariant::Baseline),
            "svd" => {
                let mut p = SvdParams::new();
                if let Some(f) = self.factors {
                    p = p.n_factors(f);
                }
                if let Some(e) = self.epochs {
                    p = p.n_epochs(e);
                }
                let seed = self.seed.unwrap_or(0);
                let seed = u32::try_from(seed).map_err(|_| EngineError::param("seed", "must be at most 4294967295"))?;
                Ok(AlgoSpec::Svd(p.random_state(seed).check()?))
            }
            "slope-one" => Ok(AlgoSpec::SlopeOne),
            other => Err(EngineError::param(
                "algo",
                format!("unknown algorithm '{other}'; use one of {}", ALGO_NAMES.join(", ")),
            )),
        }
    }
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
            AlgoSpec::SlopeOne => "slope-one",
        }
    }

    /// Fits the algorithm on `train`.
    pub fn fit(&self, train: &Trainset) -> Result<Box<dyn Algorithm>, EngineError> {
        Ok(match self {
            AlgoSpec::Normal { seed } => Box::new(NormalPredictor::fit(train, *seed)),
            AlgoSpec::Baseline(p) => Box::new(BaselineOnly::fit(train, p)),
            AlgoSpec::Knn(p) => Box::new(Knn::fit(train, p)?),
            AlgoSpec::Svd(p) => Box::new(Svd::fit(train, p)?),
            AlgoSpec::SlopeOne => Box::new(SlopeOne::fit(train)?),
        })
    }
}
