//! The terms of an explained estimate: one type per algorithm, each number as the algorithm
//! added it up (see [`explain`](super::explain) for how they are found).

use serde::{Deserialize, Serialize};

use super::knn::KnnVariant;
use crate::engine::data::ratings::Kind;

/// The terms of one algorithm's estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "terms", rename_all = "snake_case")]
pub enum Terms {
    /// The k-NN family.
    Knn(KnnTerms),
    /// `BaselineOnly`: μ + b_u + b_i.
    Baseline(BiasTerms),
    /// `SVD`.
    Svd(SvdTerms),
    /// `SVDpp`.
    #[serde(rename = "svdpp")]
    SvdPp(SvdppTerms),
    /// `NMF`: the same terms as SVD's.
    Nmf(SvdTerms),
    /// `SlopeOne`.
    SlopeOne(SlopeOneTerms),
    /// `CoClustering`.
    CoClustering(CoClusteringTerms),
    /// `NormalPredictor`.
    Normal(NormalTerms),
}

/// μ + b_u + b_i; an unknown user's or item's bias is absent and counts as 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BiasTerms {
    /// μ, the global mean the biases were fitted around.
    pub global_mean: f64,
    /// b_u.
    pub user_bias: Option<f64>,
    /// b_i.
    pub item_bias: Option<f64>,
    /// μ + b_u + b_i, summed in that order.
    pub value: f64,
}

/// A k-NN estimate: `base` + Σ contributions of the neighbours used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnnTerms {
    /// Which k-NN algorithm.
    pub variant: KnnVariant,
    /// User-based (neighbours are users) or item-based (neighbours are items).
    pub kind: Kind,
    /// Most neighbours.
    pub k: usize,
    /// Fewest neighbours for the neighbour term.
    pub min_k: usize,
    /// Mean rating of the user (the item, when item-based): `KNNWithMeans`, `KNNWithZScore`.
    pub mean: Option<f64>,
    /// σ of the user's (item's) ratings: `KNNWithZScore`.
    pub sigma: Option<f64>,
    /// b_ui: `KNNBaseline`.
    pub baseline: Option<BiasTerms>,
    /// What the neighbour term is added to: 0 (`KNNBasic`), the mean or b_ui.
    pub base: f64,
    /// The k nearest with positive similarity, in summing order. When they are fewer
    /// than `min_k` they are listed with weight and contribution 0.
    pub neighbours: Vec<NeighbourTerm>,
    /// How many neighbours were found (0 when the user or item is unknown).
    pub actual_k: usize,
    /// Whether fewer than `min_k` neighbours dropped the neighbour term.
    pub min_k_cut: bool,
    /// Σ sim over the neighbours used (0 when none).
    pub sum_similarities: f64,
}

/// One neighbour's part in a k-NN estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeighbourTerm {
    /// The neighbour's id (a user id when user-based, an item id when item-based).
    pub id: String,
    /// Its similarity.
    pub similarity: f64,
    /// The rating it brings.
    pub rating: f64,
    /// Its mean rating (`KNNWithMeans`, `KNNWithZScore`).
    pub mean: Option<f64>,
    /// Its σ (`KNNWithZScore`).
    pub sigma: Option<f64>,
    /// Its baseline for the item (user) in question (`KNNBaseline`).
    pub baseline: Option<f64>,
    /// sim / Σ sim (0 when the neighbour term was cut).
    pub weight: f64,
    /// What it adds to the estimate (0 when the neighbour term was cut).
    pub contribution: f64,
}

/// An SVD or NMF estimate: μ + b_u + b_i + q_i·p_u (only q_i·p_u when unbiased).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SvdTerms {
    /// Whether biases are part of the model.
    pub biased: bool,
    /// μ, b_u and b_i (the biases absent when unbiased or unknown).
    pub biases: BiasTerms,
    /// q_i·p_u, when both are known.
    pub dot: Option<f64>,
    /// The three factor products q_if·p_uf largest in size, largest first.
    pub top_factors: Vec<FactorTerm>,
    /// How many factors the model has (q_i·p_u sums this many products).
    pub n_factors: usize,
    /// What the factors not listed in `top_factors` add to q_i·p_u.
    pub other_factors: Option<f64>,
}

/// One factor's product in q_i·p_u.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FactorTerm {
    /// Factor number, from 0.
    pub factor: usize,
    /// p_uf.
    pub user: f64,
    /// q_if.
    pub item: f64,
    /// q_if·p_uf.
    pub product: f64,
}

/// A Slope One estimate: μ_u + mean of dev(i, j) over the items j the user rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlopeOneTerms {
    /// μ_u (absent for an unknown user).
    pub user_mean: Option<f64>,
    /// dev(i, j) for each item j the user rated that shares raters with i, in the user's order.
    pub deviations: Vec<Deviation>,
    /// Their mean (absent when there are none).
    pub mean_deviation: Option<f64>,
}

/// dev(i, j): the mean of r_ui − r_uj over the users who rated both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deviation {
    /// Item j's id.
    pub item: String,
    /// The user's rating of j.
    pub rating: f64,
    /// dev(i, j).
    pub deviation: f64,
    /// |U_ij|: how many users rated both.
    pub support: u32,
}

/// A draw from 𝒩(μ, σ²): nothing about the user or item matters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NormalTerms {
    /// μ of the training ratings.
    pub mu: f64,
    /// σ of the training ratings.
    pub sigma: f64,
    /// (draw − μ) / σ: how many σ the draw is from μ (0 when σ is 0).
    pub z: f64,
    /// Always true: the estimate is random.
    pub random: bool,
}

/// An SVD++ estimate: μ + b_u + b_i + q_i·p_u + q_i·(|I_u|^−½ Σ_{j∈I_u} y_j).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SvdppTerms {
    /// μ, b_u and b_i (a bias absent when its user or item is unknown).
    pub biases: BiasTerms,
    /// q_i·p_u, when the user and the item are known.
    pub explicit: Option<f64>,
    /// q_i·(|I_u|^−½ Σ y_j): what the items the user rated add, whatever the ratings.
    pub implicit: Option<f64>,
    /// |I_u|: how many items the user rated (0 when unknown).
    pub n_rated: usize,
    /// How many factors the model has.
    pub n_factors: usize,
}

/// A co-clustering estimate: C̄(uc, ic) + (μ_u − C̄_u(uc)) + (μ_i − C̄_i(ic)), each mean of
/// ratings truncated towards zero as Surprise computes them; every term is absent (and the
/// estimate is μ) when the user or the item is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CoClusteringTerms {
    /// uc: the user's cluster.
    pub user_cluster: Option<usize>,
    /// ic: the item's cluster.
    pub item_cluster: Option<usize>,
    /// C̄(uc, ic): the mean rating of the co-cluster.
    pub cocluster_mean: Option<f64>,
    /// μ_u: the user's mean rating.
    pub user_mean: Option<f64>,
    /// C̄_u(uc): the mean rating of the user's cluster.
    pub user_cluster_mean: Option<f64>,
    /// μ_i: the item's mean rating.
    pub item_mean: Option<f64>,
    /// C̄_i(ic): the mean rating of the item's cluster.
    pub item_cluster_mean: Option<f64>,
}
