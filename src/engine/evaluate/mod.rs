//! Evaluating predictions as scikit-surprise does: splitting ratings into training and
//! test sets ([`split`]), accuracy metrics ([`metrics`]: RMSE, MAE, FCP) and top-N
//! recommendation metrics ([`top_n`]: precision@k, recall@k, NDCG@k).

pub mod metrics;
pub mod split;
pub mod top_n;

pub use metrics::{fcp, mae, mse, rmse};
pub use split::{predefined_folds, train_test_split, Fold, FoldFile, FoldFileError, KFold, ValidKFold};
pub use top_n::{top_n, TopNParams, TopNReport, UserTopN, ValidTopNParams};
