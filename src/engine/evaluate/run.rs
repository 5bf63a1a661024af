//! One cross-validation run as the Evaluate view and the JS API report it: a label, the
//! number of folds and test ratings, and the means over the folds.

use serde::{Deserialize, Serialize};

use super::cross_validate::{CvReport, CvSummary};

/// One cross-validation run: its label, size and the means over the folds
/// (`rmse, mae, fcp, precision, recall, ndcg, fitMs, testMs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CvRun {
    /// The algorithm with its main parameters, e.g. "knn-means (user, pearson, k=40)".
    pub label: String,
    /// Number of folds.
    pub folds: usize,
    /// Test predictions over all folds.
    pub n_test: usize,
    /// Mean scores and times per fold.
    #[serde(flatten)]
    pub mean: CvSummary,
}

impl CvRun {
    /// The run of `report`, under `label`.
    pub fn of(label: String, report: &CvReport) -> CvRun {
        CvRun {
            label,
            folds: report.folds.len(),
            n_test: report.folds.iter().map(|f| f.n_test).sum(),
            mean: report.mean,
        }
    }
}
