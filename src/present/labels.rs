//! Names of things in the user's language: the steps of an explanation.

use super::messages::{text, Key, Lang};
use crate::engine::similarity::steps::StepLabel;

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
