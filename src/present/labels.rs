//! Names of things: the steps of an explanation in the user's language, the label of a
//! cross-validation run, a strategy's name and formula.

use super::messages::{text, Key, Lang};
use crate::engine::data::ratings::Kind;
use crate::engine::predict::AlgoSpec;
use crate::engine::similarity::steps::StepLabel;
use crate::engine::strategy::Strategy;
use crate::options::algo::AlgoOptions;

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

/// The label of a run: the algorithm with its main parameters, e.g. "knn-means (user, pearson, k=40)".
pub fn run_label(o: &AlgoOptions, spec: &AlgoSpec) -> String {
    match spec {
        AlgoSpec::Knn(p) => format!(
            "{} ({}, {}, k={})",
            spec.name(),
            if p.kind == Kind::User { "user" } else { "item" },
            p.measure.name(),
            p.k
        ),
        AlgoSpec::Svd(_) => format!("svd ({} factors, {} epochs)", o.factors.unwrap_or(100), o.epochs.unwrap_or(20)),
        _ => spec.name().to_string(),
    }
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
