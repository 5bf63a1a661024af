//! The pure engine: no web crate and no I/O beyond the bytes it is handed, grouped by domain.
//!
//! - [`data`]: ratings, parsing, item tables, purchase logs, user tables, the built-in samples.
//! - [`similarity`]: measures, the matrix and how it is computed, neighbours, row order, the
//!   step-by-step explanation of one cell.
//! - [`predict`] and [`evaluate`]: scikit-surprise's algorithms and their evaluation.
//! - [`cluster`] and [`stats`]: k-means, mixtures, PCA; logistic regression, histograms, NumPy's RNG.
//! - [`discount`]: the discount formulas and models, each on its own; [`strategy`]: every
//!   strategy behind one call, with guardrails, a budget and a report.
//! - [`error`] and [`limits`]: every failure as a value, every limit named once.

pub mod cluster;
pub mod data;
pub mod discount;
pub mod error;
pub mod evaluate;
pub mod format;
pub mod limits;
pub mod predict;
pub mod similarity;
pub mod stats;
pub mod strategy;
