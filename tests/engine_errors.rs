//! Each failure the engine reports is its own kind, worded for the command line and JS
//! (`Display`) and translated for the page (`present::engine_error`).

use discount_lab::engine::cluster::pca::pca;
use discount_lab::engine::error::{EngineError, Need, Task};
use discount_lab::engine::evaluate::{fcp, rmse};
use discount_lab::engine::predict::Prediction;
use discount_lab::engine::stats::logistic::{fit, LogisticParams};
use discount_lab::present::{engine_error, Lang};
use ndarray::array;

fn prediction(user: &str, item: &str, r_ui: Option<f64>, est: f64) -> Prediction {
    Prediction { user: user.into(), item: item.into(), r_ui, est, actual_k: None, impossible: None }
}

#[test]
fn too_few_rows_names_the_computation_and_both_counts() {
    let e = pca(array![[1.0, 2.0]].view(), 1).unwrap_err();
    assert_eq!(e, EngineError::TooFewRows { task: Task::Pca, needed: 2, found: 1 });
    assert_eq!(e.to_string(), "principal component analysis needs at least 2 rows; there is 1");
    assert_eq!(engine_error(Lang::En, &e), "principal component analysis needs at least 2 rows; there is 1");
    assert_eq!(engine_error(Lang::Zh, &e), "主成分分析至少需要 2 行，现有 1 行");
    let e = rmse(&[]).unwrap_err();
    assert_eq!(e, EngineError::TooFewRows { task: Task::Metrics, needed: 1, found: 0 });
    assert_eq!(e.to_string(), "scoring predictions needs at least 1 row; there are 0");
}

#[test]
fn a_value_that_is_not_finite_is_located() {
    let params = LogisticParams::default().check().unwrap();
    let e = fit(array![[1.0], [f64::NAN]].view(), &[true, false], &params).unwrap_err();
    assert!(matches!(e, EngineError::NotFinite { row: 2, feature: 1, value } if value.is_nan()), "{e:?}");
    assert_eq!(engine_error(Lang::Zh, &e), "第 2 行第 1 个特征：NaN 不是有限数");
}

#[test]
fn scoring_needs_true_ratings_and_fcp_needs_pairs_that_differ() {
    let e = rmse(&[prediction("u1", "i9", None, 3.0)]).unwrap_err();
    assert_eq!(e, EngineError::NoTrueRating { user: "u1".into(), item: "i9".into() });
    assert!(engine_error(Lang::Zh, &e).contains("“u1”"));
    let same = [prediction("u1", "i1", Some(4.0), 3.0), prediction("u1", "i2", Some(4.0), 2.0)];
    assert_eq!(fcp(&same).unwrap_err(), EngineError::Needs(Need::DistinctTrueRatings));
}
