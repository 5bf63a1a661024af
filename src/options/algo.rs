//! Choosing an algorithm: the options a person gives (CLI flags, a JS object, the Evaluate
//! form), checked once into an [`AlgoSpec`], and a grid of them for the grid search.
//!
//! Unset options take scikit-surprise's defaults (k 40, min_k 1, user-based `msd`; SVD 100
//! factors and 20 epochs, SVD++ 20 and 20, NMF 15 and 50; co-clustering 3 user and 3 item
//! clusters and 20 epochs), except that every seed defaults to 0. [`AlgoOptions::takes`] says
//! which options an algorithm reads, for the form and the grid search alike.
//!
//! ```
//! use discount_lab::engine::predict::{predict, Trainset};
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! use discount_lab::engine::similarity::Measure;
//! use discount_lab::options::algo::AlgoOptions;
//! let train = Trainset::new(shop(&ShopParams::default()).ratings);
//! let spec = AlgoOptions { algo: "knn-means".into(), measure: Some(Measure::Pearson), ..Default::default() }.check().unwrap();
//! let algo = spec.fit(&train).unwrap();
//! let p = predict(algo.as_ref(), &train, "c001", "p01", None);
//! assert!((1.0..=5.0).contains(&p.est));
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::evaluate::{GridPoint, ValidGridParams, MAX_GRID_COMBINATIONS};
use crate::engine::predict::{
    AlgoSpec, BaselineOnlyParams, BaselineOptions, CoClusteringParams, KnnParams, KnnVariant, NmfParams, SvdParams,
    SvdppParams, ALGO_NAMES,
};
use crate::engine::similarity::Measure;

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
    /// k-NN: users (default) or items.
    pub kind: Option<Kind>,
    /// k-NN: similarity measure (msd).
    pub measure: Option<Measure>,
    /// k-NN: min_support (1).
    pub min_support: Option<usize>,
    /// k-NN: shrinkage of pearson_baseline (100).
    pub shrinkage: Option<f64>,
    /// Baselines: "als" (default) or "sgd".
    pub baseline_method: Option<String>,
    /// SVD, SVD++, NMF: number of factors (100, 20, 15).
    pub factors: Option<usize>,
    /// SVD, SVD++, NMF, co-clustering: number of epochs (20, 20, 50, 20).
    pub epochs: Option<usize>,
    /// Co-clustering: number of user clusters (3).
    pub user_clusters: Option<usize>,
    /// Co-clustering: number of item clusters (3).
    pub item_clusters: Option<usize>,
    /// Seed of the factor models' initialisation, co-clustering's first clusters and
    /// NormalPredictor's draws (0).
    pub seed: Option<u64>,
}

/// Which options an algorithm reads besides its name and seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Takes {
    /// k, min_k, kind, measure, min_support, shrinkage (the k-NN family).
    pub neighbours: bool,
    /// `factors` (SVD, SVD++, NMF).
    pub factors: bool,
    /// `epochs` (SVD, SVD++, NMF, co-clustering).
    pub epochs: bool,
    /// `user_clusters` and `item_clusters` (co-clustering).
    pub clusters: bool,
}

impl AlgoOptions {
    /// Checks every option once.
    pub fn check(&self) -> Result<AlgoSpec, EngineError> {
        let baseline = match &self.baseline_method {
            Some(m) => BaselineOptions::from_method(m)?,
            None => BaselineOptions::default(),
        };
        let knn = |variant: KnnVariant| -> Result<AlgoSpec, EngineError> {
            let mut p = KnnParams::new(variant).kind(self.kind.unwrap_or_default()).baseline(baseline);
            if let Some(m) = self.measure {
                p = p.measure(m);
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
                let d = SvdParams::new();
                let p = d.n_factors(self.factors.unwrap_or(d.n_factors)).n_epochs(self.epochs.unwrap_or(d.n_epochs));
                Ok(AlgoSpec::Svd(p.random_state(self.seed_u32()?).check()?))
            }
            "svdpp" => {
                let d = SvdppParams::new();
                let p = d.n_factors(self.factors.unwrap_or(d.n_factors)).n_epochs(self.epochs.unwrap_or(d.n_epochs));
                Ok(AlgoSpec::SvdPp(p.random_state(self.seed_u32()?).check()?))
            }
            "nmf" => {
                let d = NmfParams::new();
                let p = d.n_factors(self.factors.unwrap_or(d.n_factors)).n_epochs(self.epochs.unwrap_or(d.n_epochs));
                Ok(AlgoSpec::Nmf(p.random_state(self.seed_u32()?).check()?))
            }
            "slope-one" => Ok(AlgoSpec::SlopeOne),
            "coclustering" => {
                let d = CoClusteringParams::new();
                let p = d
                    .n_cltr_u(self.user_clusters.unwrap_or(d.n_cltr_u))
                    .n_cltr_i(self.item_clusters.unwrap_or(d.n_cltr_i))
                    .n_epochs(self.epochs.unwrap_or(d.n_epochs));
                Ok(AlgoSpec::CoClustering(p.random_state(self.seed_u32()?).check()?))
            }
            other => Err(EngineError::param(
                "algo",
                format!("unknown algorithm '{other}'; use one of {}", ALGO_NAMES.join(", ")),
            )),
        }
    }
}

impl AlgoOptions {
    /// The seed as numpy takes it (0 ..= 2³² − 1).
    fn seed_u32(&self) -> Result<u32, EngineError> {
        u32::try_from(self.seed.unwrap_or(0)).map_err(|_| EngineError::param("seed", "must be at most 4294967295"))
    }

    /// Which options the chosen algorithm reads (nothing for an unknown name).
    pub fn takes(&self) -> Takes {
        let name = self.algo.trim().to_lowercase();
        let factors = matches!(name.as_str(), "svd" | "svdpp" | "nmf");
        Takes {
            neighbours: name.starts_with("knn-"),
            factors,
            epochs: factors || name == "coclustering",
            clusters: name == "coclustering",
        }
    }
}

/// A grid as the user gives it; `None` means "not searched".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GridParams {
    /// The algorithm and the values of every parameter not searched.
    pub base: AlgoOptions,
    /// k-NN: values of `k`.
    pub k: Option<Vec<usize>>,
    /// k-NN: similarity measures.
    pub measure: Option<Vec<Measure>>,
    /// SVD, SVD++, NMF: numbers of factors.
    pub factors: Option<Vec<usize>>,
    /// SVD, SVD++, NMF, co-clustering: numbers of epochs.
    pub epochs: Option<Vec<usize>>,
}

impl GridParams {
    /// A grid around `base` with nothing searched yet.
    pub fn new(base: AlgoOptions) -> Self {
        GridParams { base, ..Default::default() }
    }
    /// Sets the values of `k`.
    pub fn k(mut self, values: Vec<usize>) -> Self {
        self.k = Some(values);
        self
    }
    /// Sets the measures.
    pub fn measure(mut self, values: Vec<Measure>) -> Self {
        self.measure = Some(values);
        self
    }
    /// Sets the numbers of factors.
    pub fn factors(mut self, values: Vec<usize>) -> Self {
        self.factors = Some(values);
        self
    }
    /// Sets the numbers of epochs.
    pub fn epochs(mut self, values: Vec<usize>) -> Self {
        self.epochs = Some(values);
        self
    }

    /// Checks the base options, every list that applies and every combination (see the module docs).
    pub fn check(&self) -> Result<ValidGridParams, EngineError> {
        let spec = self.base.check()?;
        let takes = self.base.takes();
        let mut ignored = Vec::new();
        let mut used = |name: &'static str, present: bool, applies: bool| {
            if present && !applies {
                ignored.push(name);
            }
            present && applies
        };
        let knn = takes.neighbours;
        let k = used("k", self.k.is_some(), knn).then(|| self.k.clone()).flatten();
        let measure = used("measure", self.measure.is_some(), knn).then(|| self.measure.clone()).flatten();
        let factors = used("factors", self.factors.is_some(), takes.factors).then(|| self.factors.clone()).flatten();
        let epochs = used("epochs", self.epochs.is_some(), takes.epochs).then(|| self.epochs.clone()).flatten();
        check_list("k", k.as_deref())?;
        check_list("measure", measure.as_deref())?;
        check_list("factors", factors.as_deref())?;
        check_list("epochs", epochs.as_deref())?;
        let lens = [k.as_ref().map(Vec::len), measure.as_ref().map(Vec::len)];
        let lens = lens.into_iter().chain([factors.as_ref().map(Vec::len), epochs.as_ref().map(Vec::len)]);
        let count = lens.map(|n| n.unwrap_or(1)).fold(1usize, usize::saturating_mul);
        if count > MAX_GRID_COMBINATIONS {
            return Err(EngineError::param(
                "grid",
                format!("{count} combinations, over the limit of {MAX_GRID_COMBINATIONS}; list fewer values"),
            ));
        }
        // Cartesian product, the first list varying slowest.
        let options = |v: &Option<Vec<usize>>| v.clone().map_or(vec![None], |v| v.into_iter().map(Some).collect());
        let measures: Vec<Option<Measure>> = measure.map_or(vec![None], |v| v.into_iter().map(Some).collect());
        let mut points = Vec::with_capacity(count);
        for &k in &options(&k) {
            for measure in &measures {
                for &factors in &options(&factors) {
                    for &epochs in &options(&epochs) {
                        let point = GridPoint { k, measure: *measure, factors, epochs };
                        let opts = AlgoOptions {
                            k: k.or(self.base.k),
                            measure: measure.or(self.base.measure),
                            factors: factors.or(self.base.factors),
                            epochs: epochs.or(self.base.epochs),
                            ..self.base.clone()
                        };
                        points.push((point, opts.check()?));
                    }
                }
            }
        }
        Ok(ValidGridParams { algo: spec.name(), ignored, points })
    }
}

/// Fails when a list is empty or holds a value twice.
fn check_list<T: PartialEq + std::fmt::Display>(name: &'static str, list: Option<&[T]>) -> Result<(), EngineError> {
    let Some(list) = list else { return Ok(()) };
    if list.is_empty() {
        return Err(EngineError::param(name, "the list of values to search is empty"));
    }
    if let Some(v) = list.iter().enumerate().find_map(|(k, v)| list[..k].contains(v).then_some(v)) {
        return Err(EngineError::param(name, format!("the value {v} is listed twice")));
    }
    Ok(())
}

impl AlgoOptions {
    /// The values in use: each option given, or the engine's default for it (scikit-surprise's,
    /// for the chosen algorithm where they differ), for a form to show.
    pub fn shown(&self) -> AlgoOptions {
        let knn = KnnParams::new(KnnVariant::Basic);
        let cc = CoClusteringParams::default();
        let (factors, epochs) = match self.algo.trim().to_lowercase().as_str() {
            "svdpp" => (SvdppParams::default().n_factors, SvdppParams::default().n_epochs),
            "nmf" => (NmfParams::default().n_factors, NmfParams::default().n_epochs),
            "coclustering" => (SvdParams::default().n_factors, cc.n_epochs),
            _ => (SvdParams::default().n_factors, SvdParams::default().n_epochs),
        };
        AlgoOptions {
            k: Some(self.k.unwrap_or(knn.k)),
            min_k: Some(self.min_k.unwrap_or(knn.min_k)),
            kind: Some(self.kind.unwrap_or(knn.kind)),
            measure: Some(self.measure.unwrap_or(knn.measure)),
            factors: Some(self.factors.unwrap_or(factors)),
            epochs: Some(self.epochs.unwrap_or(epochs)),
            user_clusters: Some(self.user_clusters.unwrap_or(cc.n_cltr_u)),
            item_clusters: Some(self.item_clusters.unwrap_or(cc.n_cltr_i)),
            seed: Some(self.seed.unwrap_or(0)),
            ..self.clone()
        }
    }
}
