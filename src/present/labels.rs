//! Names of things: the steps of an explanation in the user's language, the label of a
//! cross-validation run, a strategy's name and formula.

use super::messages::{text, Key, Lang};
use crate::engine::data::ratings::Kind;
use crate::engine::predict::AlgoSpec;
use crate::engine::similarity::steps::StepLabel;
use crate::engine::strategy::Strategy;

/// The name of an explanation step.
pub fn step_label(lang: Lang, label: StepLabel) -> &'static str {
    let key = match label {
        StepLabel::CommonCount => Key::Step_CommonCount,
        StepLabel::SumProducts => Key::Step_SumProducts,
        StepLabel::SumSquaresA => Key::Step_SumSquaresA,
        StepLabel::SumSquaresB => Key::Step_SumSquaresB,
        StepLabel::NormA => Key::Step_NormA,
        StepLabel::NormB => Key::Step_NormB,
        StepLabel::MeanA => Key::Step_MeanA,
        StepLabel::MeanB => Key::Step_MeanB,
        StepLabel::Covariance => Key::Step_Covariance,
        StepLabel::VarianceA => Key::Step_VarianceA,
        StepLabel::VarianceB => Key::Step_VarianceB,
        StepLabel::SquaredDifferences => Key::Step_SquaredDifferences,
        StepLabel::MeanSquaredDifference => Key::Step_MeanSquaredDifference,
        StepLabel::Baseline => Key::Step_Baseline,
        StepLabel::SetSizes => Key::Step_SetSizes,
        StepLabel::Raw => Key::Step_Raw,
        StepLabel::Shrinkage => Key::Step_Shrinkage,
        StepLabel::BelowMinSupport => Key::Step_BelowMinSupport,
        StepLabel::Undefined => Key::Step_Undefined,
        StepLabel::Final => Key::Step_Final,
    };
    text(lang, key)
}

/// The label of a run: the algorithm with its main parameters, e.g. "knn-means (user, pearson, k=40)",
/// "svd (100 factors, 20 epochs)", "coclustering (3 × 3 clusters, 20 epochs)".
pub fn run_label(spec: &AlgoSpec) -> String {
    let factors = |n: usize, e: usize| format!("{} ({n} factors, {e} epochs)", spec.name());
    match spec {
        AlgoSpec::Knn(p) => format!(
            "{} ({}, {}, k={})",
            spec.name(),
            if p.kind == Kind::User { "user" } else { "item" },
            p.measure.name(),
            p.k
        ),
        AlgoSpec::Svd(p) => factors(p.params.n_factors, p.params.n_epochs),
        AlgoSpec::SvdPp(p) => factors(p.params.n_factors, p.params.n_epochs),
        AlgoSpec::Nmf(p) => factors(p.params().n_factors, p.params().n_epochs),
        AlgoSpec::CoClustering(p) => {
            let p = p.params();
            format!("{} ({} × {} clusters, {} epochs)", spec.name(), p.n_cltr_u, p.n_cltr_i, p.n_epochs)
        }
        AlgoSpec::Normal { .. } | AlgoSpec::Baseline(_) | AlgoSpec::SlopeOne => spec.name().to_string(),
    }
}

/// An algorithm as the menu shows it: scikit-surprise's class name (the one course notes and
/// papers use) beside the lab's own spelling, e.g. "KNNWithMeans (knn-means)".
pub fn algo_label(name: &str) -> String {
    let class = match name {
        "normal" => "NormalPredictor",
        "baseline" => "BaselineOnly",
        "knn-basic" => "KNNBasic",
        "knn-means" => "KNNWithMeans",
        "knn-zscore" => "KNNWithZScore",
        "knn-baseline" => "KNNBaseline",
        "svd" => "SVD",
        "svdpp" => "SVDpp",
        "nmf" => "NMF",
        "slope-one" => "SlopeOne",
        "coclustering" => "CoClustering",
        _ => return name.to_string(),
    };
    format!("{class} ({name})")
}

/// The name of a strategy in the interface.
pub fn strategy_label(s: Strategy) -> Key {
    match s {
        Strategy::SeedUser => Key::StratSeedUser,
        Strategy::SeedItem => Key::StratSeedItem,
        Strategy::Segment => Key::StratSegment,
        Strategy::Elasticity => Key::StratElasticity,
        Strategy::Propensity => Key::StratPropensity,
        Strategy::Coupon => Key::StratCoupon,
    }
}

/// The formula of a strategy, shown under its settings.
pub fn strategy_formula(s: Strategy) -> Key {
    match s {
        Strategy::SeedUser => Key::FormulaSeedUser,
        Strategy::SeedItem => Key::FormulaSeedItem,
        Strategy::Segment => Key::FormulaSegment,
        Strategy::Elasticity => Key::FormulaElasticity,
        Strategy::Propensity => Key::FormulaPropensity,
        Strategy::Coupon => Key::FormulaCoupon,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::predict::{CoClusteringParams, NmfParams, SvdppParams};

    #[test]
    fn every_algorithm_has_its_surprise_class_in_the_menu() {
        let labels: Vec<String> = crate::engine::predict::ALGO_NAMES.iter().map(|n| algo_label(n)).collect();
        for (n, l) in crate::engine::predict::ALGO_NAMES.iter().zip(&labels) {
            assert!(l.ends_with(&format!("({n})")) && l.len() > n.len() + 3, "{l}");
        }
        assert_eq!(algo_label("knn-means"), "KNNWithMeans (knn-means)");
        let distinct: std::collections::BTreeSet<&String> = labels.iter().collect();
        assert_eq!(distinct.len(), labels.len());
    }

    #[test]
    fn runs_are_labelled_with_their_main_parameters() {
        let svdpp = AlgoSpec::SvdPp(SvdppParams::new().check().unwrap());
        assert_eq!(run_label(&svdpp), "svdpp (20 factors, 20 epochs)");
        assert_eq!(run_label(&AlgoSpec::Nmf(NmfParams::new().check().unwrap())), "nmf (15 factors, 50 epochs)");
        let cc = AlgoSpec::CoClustering(CoClusteringParams::new().n_cltr_i(4).check().unwrap());
        assert_eq!(run_label(&cc), "coclustering (3 × 4 clusters, 20 epochs)");
        assert_eq!(run_label(&AlgoSpec::SlopeOne), "slope-one");
    }
}
