//! Statistics the models share: logistic regression, histograms and NumPy's random numbers.

pub mod histogram;
pub mod logistic;
pub mod numpy_rng;
