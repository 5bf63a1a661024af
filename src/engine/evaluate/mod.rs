//! Evaluating predictions as scikit-surprise does: splitting ratings into training and
//! test sets ([`split`]), accuracy metrics ([`metrics`]: RMSE, MAE, FCP) and top-N
//! recommendation metrics ([`top_n`](mod@top_n): precision@k, recall@k, NDCG@k), cross-validation
//! of one algorithm ([`cross_validate`](mod@cross_validate)) and grid search over its parameters ([`grid`]).

pub mod classification;
pub mod cross_validate;
pub mod grid;
pub mod metrics;
pub mod run;
pub mod split;
pub mod top_n;

pub use cross_validate::{cross_validate, CvReport, CvSummary, FoldResult, Outcome, Progress};
pub use grid::{grid_search, GridPoint, GridReport, GridResult, ValidGridParams, MAX_GRID_COMBINATIONS};
pub use metrics::{fcp, mae, mse, rmse};
pub use run::CvRun;
pub use split::{predefined_folds, train_test_split, Fold, FoldFile, FoldFileError, KFold, ValidKFold};
pub use top_n::{top_n, TopNParams, TopNReport, UserTopN, ValidTopNParams};
