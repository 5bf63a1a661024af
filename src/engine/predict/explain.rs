//! Why a prediction is what it is: the terms each algorithm added up, with the numbers.
//!
//! [`Explain::explain`] (or [`explain_prediction`]) answers for one user and item. The
//! estimate it reports is [`predict`](super::prediction::predict)'s to the last bit: it
//! comes from the same [`Algorithm::estimate`] call, falls back to the global mean for
//! the same reason and is clipped the same way. Beside it sit the terms:
//!
//! - k-NN: the neighbours actually used (at most `k` with positive similarity, in the
//!   order Surprise sums them) with their similarity, rating, mean, σ or baseline as the
//!   variant uses them, weight = sim / Σ sim and contribution, so that the estimate is
//!   `base` + Σ contributions (`base` is 0, the mean or the baseline); `actual_k`, and
//!   whether `min_k` cut the neighbour term.
//! - `BaselineOnly`: μ, b_u and b_i. `SVD` and `NMF`: the same (when biased) plus q_i·p_u and
//!   its three largest factor products. `SVDpp`: μ, b_u, b_i, q_i·p_u and the implicit part
//!   q_i·|I_u|^−½ Σ y_j. `SlopeOne`: the user's mean and dev(i, j) with its support for each
//!   item j the user rated that shares raters with i. `CoClustering`: the clusters of the user
//!   and the item and the five means of its sum. `NormalPredictor`: μ, σ and the draw.
//!
//! [`PredictionExplanation::formula`] writes the sum with the numbers filled in, using
//! only digits and symbols, e.g. `3.52 + (0.81·(4 − 3.10) + 0.40·(2 − 2.75)) / (0.81 + 0.40) = 3.87`;
//! ` → 5.00` at the end means the result was clipped to the rating scale.
//!
//! ```
//! use discount_lab::engine::predict::{fit_explainable, predict, AlgoSpec, KnnParams, KnnVariant, Terms, Trainset};
//! use discount_lab::engine::similarity::Measure;
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let train = Trainset::new(shop(&ShopParams::default()).ratings);
//! let spec = AlgoSpec::Knn(KnnParams::new(KnnVariant::WithMeans).measure(Measure::Pearson).check().unwrap());
//! let algo = fit_explainable(&spec, &train).unwrap();
//! let why = algo.explain(&train, "c001", "p01");
//! assert_eq!(why.est, predict(algo.as_algorithm(), &train, "c001", "p01", None).est);
//! let Terms::Knn(knn) = &why.terms else { panic!("a k-NN explanation") };
//! let contributions: f64 = knn.neighbours.iter().map(|n| n.contribution).sum();
//! assert!((knn.base + contributions - why.raw).abs() < 1e-12);
//! assert!(why.formula.ends_with(&format!("{:.2}", why.est)));
//! ```

use serde::{Deserialize, Serialize};

use super::baseline_only::{baseline_estimate, BaselineOnly};
use super::co_clustering::CoClustering;
use super::knn::{Knn, KnnVariant};
use super::nmf::Nmf;
use super::normal::NormalPredictor;
use super::prediction::{Algorithm, Estimate, Impossible};
use super::slope_one::SlopeOne;
use super::spec::AlgoSpec;
use super::svd::Svd;
use super::svdpp::SvdPp;
use super::terms::{
    BiasTerms, CoClusteringTerms, Deviation, FactorTerm, KnnTerms, NeighbourTerm, NormalTerms, SlopeOneTerms, SvdTerms,
    SvdppTerms, Terms,
};
use super::trainset::Trainset;
use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::format::{factor, plus, rating, term};
use crate::engine::similarity::baselines::Baselines;

/// One prediction taken apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictionExplanation {
    /// User id.
    pub user: String,
    /// Item id.
    pub item: String,
    /// Surprise's class name of the algorithm (`KNNWithMeans`, `SVD`, ...).
    pub algorithm: String,
    /// The prediction, clipped to the rating scale: `predict()`'s `est`, bit for bit.
    pub est: f64,
    /// The estimate before clipping (the global mean when impossible).
    pub raw: f64,
    /// Whether clipping changed the estimate.
    pub clipped: bool,
    /// Why the algorithm could not estimate, when the global mean was used instead.
    pub impossible: Option<Impossible>,
    /// Neighbours used, for k-NN algorithms (as `predict()`'s `actual_k`).
    pub actual_k: Option<usize>,
    /// Mean of all training ratings: the fallback.
    pub global_mean: f64,
    /// The algorithm's terms.
    pub terms: Terms,
    /// The sum with its numbers, e.g. `3.53 + 0.12 − 0.04 = 3.61`.
    pub formula: String,
}

/// A fitted algorithm that can take its predictions apart.
pub trait Explain: Algorithm {
    /// Explains the prediction of `user`'s rating of `item` on the training set the
    /// algorithm was fitted on. For `NormalPredictor` this takes one draw, as `predict` does.
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation;
    /// The algorithm itself, for [`predict`](super::prediction::predict).
    fn as_algorithm(&self) -> &dyn Algorithm;
}

/// Explains `algo`'s prediction of `user`'s rating of `item` (see [`Explain::explain`]).
pub fn explain_prediction(algo: &dyn Explain, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
    algo.explain(train, user, item)
}

/// Fits `spec` on `train` as [`AlgoSpec::fit`] does, keeping the ability to explain.
pub fn fit_explainable(spec: &AlgoSpec, train: &Trainset) -> Result<Box<dyn Explain>, EngineError> {
    Ok(match spec {
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

/// The estimate as `predict` makes it: indices, the algorithm's estimate, the fallback, clipping.
struct Outcome {
    u: Option<usize>,
    i: Option<usize>,
    estimate: Result<Estimate, Impossible>,
    raw: f64,
    est: f64,
}

fn outcome(algo: &dyn Algorithm, train: &Trainset, user: &str, item: &str) -> Outcome {
    let r = train.ratings();
    let u = r.user_index(user).map(|x| x.0 as usize);
    let i = r.item_index(item).map(|x| x.0 as usize);
    let estimate = algo.estimate(u, i);
    let raw = match estimate {
        Ok(e) => e.value,
        Err(_) => train.global_mean(),
    };
    let s = r.scale();
    Outcome { u, i, estimate, raw, est: raw.clamp(s.lo, s.hi) }
}

impl Outcome {
    /// The explanation with `terms` and, unless impossible, the formula `expr`.
    fn explain(
        self,
        train: &Trainset,
        (user, item): (&str, &str),
        algorithm: &str,
        terms: Terms,
        expr: String,
    ) -> PredictionExplanation {
        let (impossible, actual_k) = match self.estimate {
            Ok(e) => (None, e.actual_k),
            Err(why) => (Some(why), None),
        };
        let expr = if impossible.is_some() { term(self.raw) } else { expr };
        let mut formula = if expr == term(self.raw) { expr } else { format!("{expr} = {}", term(self.raw)) };
        let clipped = self.est != self.raw;
        if clipped {
            formula.push_str(&format!(" → {}", term(self.est)));
        }
        PredictionExplanation {
            user: user.into(),
            item: item.into(),
            algorithm: algorithm.into(),
            est: self.est,
            raw: self.raw,
            clipped,
            impossible,
            actual_k,
            global_mean: train.global_mean(),
            terms,
            formula,
        }
    }
}

/// μ + b_u + b_i with the unknown biases left out.
fn bias_terms(b: &Baselines, u: Option<usize>, i: Option<usize>) -> BiasTerms {
    BiasTerms {
        global_mean: b.global_mean,
        user_bias: u.and_then(|u| b.user.get(u)).copied(),
        item_bias: i.and_then(|i| b.item.get(i)).copied(),
        value: baseline_estimate(b, u, i),
    }
}

impl BiasTerms {
    fn formula(&self) -> String {
        let mut f = term(self.global_mean);
        for b in [self.user_bias, self.item_bias].into_iter().flatten() {
            f.push_str(&plus(b));
        }
        f
    }
}

/// The k-NN estimate written out: base + Σ sim·(deviation) / Σ sim, each term with its numbers.
fn knn_formula(variant: KnnVariant, neighbours: &[NeighbourTerm], base_expr: &str, sigma: Option<f64>) -> String {
    let neighbour_term = |n: &NeighbourTerm| {
        let s = term(n.similarity);
        let r = rating(n.rating);
        match variant {
            KnnVariant::Basic => format!("{s}·{r}"),
            KnnVariant::WithMeans => format!("{s}·({r} − {})", term(n.mean.unwrap_or(0.0))),
            KnnVariant::WithZScore => {
                format!("{s}·({r} − {})/{}", term(n.mean.unwrap_or(0.0)), term(n.sigma.unwrap_or(1.0)))
            }
            KnnVariant::Baseline => format!("{s}·({r} − {})", term(n.baseline.unwrap_or(0.0))),
        }
    };
    let numerator: Vec<String> = neighbours.iter().map(neighbour_term).collect();
    let denominator: Vec<String> = neighbours.iter().map(|n| term(n.similarity)).collect();
    let ratio = format!("({}) / ({})", numerator.join(" + "), denominator.join(" + "));
    match variant {
        KnnVariant::Basic => ratio,
        KnnVariant::WithZScore => format!("{base_expr} + {ratio}·{}", term(sigma.unwrap_or(1.0))),
        _ => format!("{base_expr} + {ratio}"),
    }
}

impl Explain for Knn {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let variant = self.variant();
        let known = match (o.u, o.i) {
            (Some(u), Some(i)) if u < train.n_users() && i < train.n_items() => Some((u, i)),
            _ => None,
        };
        let xy = known.map(|(u, i)| match self.kind() {
            Kind::User => (u, i),
            Kind::Item => (i, u),
        });
        let x = xy.map(|(x, _)| x);
        let with_means = matches!(variant, KnnVariant::WithMeans | KnnVariant::WithZScore);
        let mean = x.and_then(|x| self.mean(x)).filter(|_| with_means);
        let sigma = x.and_then(|x| self.sigma(x)).filter(|_| variant == KnnVariant::WithZScore);
        let baseline = match (variant, self.baselines()) {
            (KnnVariant::Baseline, Some(b)) => {
                let inside = |idx: Option<usize>, n: usize| idx.filter(|&k| k < n);
                Some(bias_terms(b, inside(o.u, train.n_users()), inside(o.i, train.n_items())))
            }
            _ => None,
        };
        let base = match variant {
            KnnVariant::Basic => 0.0,
            KnnVariant::WithMeans | KnnVariant::WithZScore => mean.unwrap_or(0.0),
            KnnVariant::Baseline => baseline.map_or(0.0, |b| b.value),
        };
        let found = known.map(|(u, i)| self.neighbours(u, i)).unwrap_or_default();
        let actual_k = found.len();
        let min_k_cut = known.is_some() && actual_k < self.min_k();
        let used = known.is_some() && !min_k_cut && actual_k > 0;
        let sum_similarities = if used { found.iter().fold(0.0, |acc, n| acc + n.similarity) } else { 0.0 };
        let ids = train.ratings().ids(self.kind());
        let neighbour_baseline = |nb: usize| {
            let (b, (_, y)) = (self.baselines()?, xy?);
            let (own, other) = match self.kind() {
                Kind::User => (&b.user, &b.item),
                Kind::Item => (&b.item, &b.user),
            };
            Some(b.global_mean + own.get(nb).copied().unwrap_or(0.0) + other.get(y).copied().unwrap_or(0.0))
        };
        let neighbours: Vec<NeighbourTerm> = found
            .iter()
            .map(|n| {
                let n_mean = self.mean(n.index).filter(|_| with_means);
                let n_sigma = self.sigma(n.index).filter(|_| variant == KnnVariant::WithZScore);
                let n_baseline = neighbour_baseline(n.index).filter(|_| variant == KnnVariant::Baseline);
                let deviation = match variant {
                    KnnVariant::Basic => n.rating,
                    KnnVariant::WithMeans => n.rating - n_mean.unwrap_or(0.0),
                    KnnVariant::WithZScore => {
                        (n.rating - n_mean.unwrap_or(0.0)) / n_sigma.unwrap_or(1.0) * sigma.unwrap_or(1.0)
                    }
                    KnnVariant::Baseline => n.rating - n_baseline.unwrap_or(0.0),
                };
                let weight = if used { n.similarity / sum_similarities } else { 0.0 };
                NeighbourTerm {
                    id: ids.get(n.index).cloned().unwrap_or_default(),
                    similarity: n.similarity,
                    rating: n.rating,
                    mean: n_mean,
                    sigma: n_sigma,
                    baseline: n_baseline,
                    weight,
                    contribution: weight * deviation,
                }
            })
            .collect();
        let base_expr = match &baseline {
            Some(b) => b.formula(),
            None => term(base),
        };
        let expr = if used { knn_formula(variant, &neighbours, &base_expr, sigma) } else { base_expr };
        let terms = Terms::Knn(KnnTerms {
            variant,
            kind: self.kind(),
            k: self.k(),
            min_k: self.min_k(),
            mean,
            sigma,
            baseline,
            base,
            neighbours,
            actual_k,
            min_k_cut,
            sum_similarities,
        });
        o.explain(train, (user, item), variant.name(), terms, expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

impl Explain for BaselineOnly {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let b = bias_terms(self.baselines(), o.u, o.i);
        o.explain(train, (user, item), "BaselineOnly", Terms::Baseline(b), b.formula())
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

/// The terms and the formula of μ + b_u + b_i + q_i·p_u (SVD, NMF): `bu`, `bi` are absent for
/// an unknown user or item, `factors` (p_u, q_i) when either is unknown; unbiased, q_i·p_u alone.
fn factor_terms(
    mu: f64,
    biased: bool,
    (bu, bi): (Option<f64>, Option<f64>),
    factors: Option<(&[f64], &[f64])>,
) -> (SvdTerms, String) {
    let dot = factors.map(|(p, q)| q.iter().zip(p).map(|(a, b)| a * b).sum::<f64>());
    let (bu, bi) = if biased { (bu, bi) } else { (None, None) };
    let biases =
        BiasTerms { global_mean: mu, user_bias: bu, item_bias: bi, value: mu + bu.unwrap_or(0.0) + bi.unwrap_or(0.0) };
    let mut top_factors: Vec<FactorTerm> = factors
        .map(|(p, q)| {
            p.iter()
                .zip(q)
                .enumerate()
                .map(|(factor, (&user, &item))| FactorTerm { factor, user, item, product: item * user })
                .collect()
        })
        .unwrap_or_default();
    let n_factors = top_factors.len();
    top_factors.sort_by(|a, b| b.product.abs().total_cmp(&a.product.abs()).then(a.factor.cmp(&b.factor)));
    top_factors.truncate(3);
    let other_factors = dot.map(|d| d - top_factors.iter().map(|f| f.product).sum::<f64>());
    let expr = match (biased, dot) {
        (true, Some(d)) => format!("{}{}", biases.formula(), plus(d)),
        (true, None) => biases.formula(),
        (false, d) => term(d.unwrap_or(0.0)),
    };
    (SvdTerms { biased, biases, dot, top_factors, n_factors, other_factors }, expr)
}

impl Explain for Svd {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let known = |side: &[(u32, f64)]| !side.is_empty();
        let u = o.u.filter(|&u| u < train.n_users() && known(train.ur(u)) && self.pu(u).is_some());
        let i = o.i.filter(|&i| i < train.n_items() && known(train.ir(i)) && self.qi(i).is_some());
        let biases = (u.and_then(|u| self.bu().get(u)).copied(), i.and_then(|i| self.bi().get(i)).copied());
        let factors = u.and_then(|u| self.pu(u)).zip(i.and_then(|i| self.qi(i)));
        let mu = train.global_mean();
        // The model does not say whether it is biased; its estimate does: an unbiased
        // model cannot estimate for a stranger and otherwise returns q_i·p_u alone.
        let (as_biased, _) = factor_terms(mu, true, biases, factors);
        let biased = match (o.estimate, as_biased.dot) {
            (Err(_), _) => false,
            (Ok(e), Some(d)) => (as_biased.biases.value + d).to_bits() == e.value.to_bits(),
            (Ok(_), None) => true,
        };
        let (terms, expr) = factor_terms(mu, biased, biases, factors);
        o.explain(train, (user, item), "SVD", Terms::Svd(terms), expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

impl Explain for Nmf {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let u = o.u.filter(|&u| self.knows_user(u));
        let i = o.i.filter(|&i| self.knows_item(i));
        let biases = (u.and_then(|u| self.bu().get(u)).copied(), i.and_then(|i| self.bi().get(i)).copied());
        let factors = u.and_then(|u| self.pu(u)).zip(i.and_then(|i| self.qi(i)));
        let (terms, expr) = factor_terms(train.global_mean(), self.biased(), biases, factors);
        o.explain(train, (user, item), "NMF", Terms::Nmf(terms), expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

impl Explain for SvdPp {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let u = o.u.filter(|&u| self.knows_user(u));
        let i = o.i.filter(|&i| self.knows_item(i));
        let (bu, bi) = (u.and_then(|u| self.bu().get(u)).copied(), i.and_then(|i| self.bi().get(i)).copied());
        let mu = train.global_mean();
        let biases = BiasTerms {
            global_mean: mu,
            user_bias: bu,
            item_bias: bi,
            value: mu + bu.unwrap_or(0.0) + bi.unwrap_or(0.0),
        };
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
        let q = i.and_then(|i| self.qi(i));
        let explicit = u.and_then(|u| self.pu(u)).zip(q).map(|(p, q)| dot(p, q));
        let implicit = u.and_then(|u| self.implicit(u)).zip(q).map(|(y, q)| dot(y, q));
        let mut expr = biases.formula();
        for part in [explicit, implicit].into_iter().flatten() {
            expr.push_str(&plus(part));
        }
        let n_rated = u.map_or(0, |u| self.n_rated(u));
        let terms = SvdppTerms { biases, explicit, implicit, n_rated, n_factors: self.n_factors() };
        o.explain(train, (user, item), "SVDpp", Terms::SvdPp(terms), expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

impl Explain for CoClustering {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let clusters = o.u.zip(o.i).and_then(|(u, i)| Some((u, i, self.user_cluster(u)?, self.item_cluster(i)?)));
        let terms = match clusters {
            Some((u, i, uc, ic)) => CoClusteringTerms {
                user_cluster: Some(uc),
                item_cluster: Some(ic),
                cocluster_mean: self.cocluster_mean(uc, ic),
                user_mean: self.user_mean(u),
                user_cluster_mean: self.user_cluster_mean(uc),
                item_mean: self.item_mean(i),
                item_cluster_mean: self.item_cluster_mean(ic),
            },
            None => CoClusteringTerms {
                user_cluster: None,
                item_cluster: None,
                cocluster_mean: None,
                user_mean: None,
                user_cluster_mean: None,
                item_mean: None,
                item_cluster_mean: None,
            },
        };
        let t = |v: Option<f64>| term(v.unwrap_or(0.0));
        let expr = match clusters {
            Some(_) => format!(
                "{} + ({} − {}) + ({} − {})",
                t(terms.cocluster_mean),
                t(terms.user_mean),
                t(terms.user_cluster_mean),
                t(terms.item_mean),
                t(terms.item_cluster_mean)
            ),
            None => term(train.global_mean()),
        };
        o.explain(train, (user, item), "CoClustering", Terms::CoClustering(terms), expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

impl Explain for SlopeOne {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let u = o.u.filter(|&u| u < train.n_users());
        let user_mean = u.and_then(|u| self.user_mean(u));
        let deviations: Vec<Deviation> = match (u, o.i) {
            (Some(u), Some(i)) if self.freq(i, i) > 0 => {
                let ids = train.ratings().ids(Kind::Item);
                train
                    .ur(u)
                    .iter()
                    .filter_map(|&(j, r)| {
                        let j = j as usize;
                        Some(Deviation {
                            item: ids.get(j).cloned().unwrap_or_default(),
                            rating: r,
                            deviation: self.dev(i, j)?,
                            support: self.freq(i, j),
                        })
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let count = deviations.len();
        let sum = deviations.iter().fold(0.0, |acc, d| acc + d.deviation);
        let mean_deviation = (count > 0).then(|| sum / count as f64);
        let mut expr = term(user_mean.unwrap_or(0.0));
        if count > 0 {
            let terms: Vec<String> = deviations.iter().map(|d| factor(d.deviation)).collect();
            expr.push_str(&format!(" + ({}) / {count}", terms.join(" + ")));
        }
        let terms = Terms::SlopeOne(SlopeOneTerms { user_mean, deviations, mean_deviation });
        o.explain(train, (user, item), "SlopeOne", terms, expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

impl Explain for NormalPredictor {
    fn explain(&self, train: &Trainset, user: &str, item: &str) -> PredictionExplanation {
        let o = outcome(self, train, user, item);
        let (mu, sigma) = (self.mu(), self.sigma());
        let z = if sigma > 0.0 { (o.raw - mu) / sigma } else { 0.0 };
        let expr = format!("{} + {}·{}", term(mu), term(sigma), factor(z));
        let terms = Terms::Normal(NormalTerms { mu, sigma, z, random: true });
        o.explain(train, (user, item), "NormalPredictor", terms, expr)
    }

    fn as_algorithm(&self) -> &dyn Algorithm {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_with_true_minus_signs() {
        assert_eq!(term(-0.004), "0.00");
        assert_eq!(term(-1.5), "−1.50");
        assert_eq!(rating(4.0), "4");
        assert_eq!(rating(3.5), "3.50");
        assert_eq!(plus(-0.25), " − 0.25");
        assert_eq!(plus(0.25), " + 0.25");
        assert_eq!(factor(-2.0), "(−2.00)");
    }
}
