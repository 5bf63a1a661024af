//! The strategies' numerics against scikit-learn (fixture: tests/fixtures/gen_sklearn_strategies.py):
//! k-means inertia from fixed centres and best-of-10, silhouette, diagonal Gaussian
//! mixture, PCA, logistic regression (unpenalised and L2) and the classification metrics.

use approx::assert_abs_diff_eq;
use discount_lab::engine::cluster::{em_from, kmeans, lloyd, pca, silhouette, KMeansParams};
use discount_lab::engine::evaluate::classification::{report, roc_auc};
use discount_lab::engine::stats::logistic::{fit, LogisticParams};
use ndarray::Array2;
use serde_json::Value;

fn fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/sklearn_strategies.json")).unwrap()
}

fn matrix(v: &Value) -> Array2<f64> {
    let rows: Vec<Vec<f64>> = serde_json::from_value(v.clone()).unwrap();
    let (n, d) = (rows.len(), rows[0].len());
    Array2::from_shape_vec((n, d), rows.into_iter().flatten().collect()).unwrap()
}

fn vector(v: &Value) -> Vec<f64> {
    serde_json::from_value(v.clone()).unwrap()
}

#[test]
fn kmeans_from_fixed_centres_matches_sklearn() {
    for case in fixture()["kmeans"].as_array().unwrap() {
        let x = matrix(&case["x"]);
        let fit = lloyd(x.view(), matrix(&case["init"]).view(), 300, 1e-4).unwrap();
        let want = case["inertia"].as_f64().unwrap();
        let rel = (fit.inertia - want).abs() / want;
        println!("k-means fixed start: inertia {:.6} vs sklearn {want:.6} (relative {rel:.1e})", fit.inertia);
        assert!(rel < 1e-6, "relative difference {rel}");
        let labels: Vec<usize> = serde_json::from_value(case["labels"].clone()).unwrap();
        assert_eq!(fit.labels, labels);
        for (a, b) in fit.centres.iter().zip(matrix(&case["centres"]).iter()) {
            assert_abs_diff_eq!(a, b, epsilon = 1e-9);
        }
    }
}

#[test]
fn kmeans_plus_plus_best_of_ten_is_within_one_percent_of_sklearn() {
    for case in fixture()["kmeans"].as_array().unwrap() {
        let x = matrix(&case["x"]);
        let k = case["k"].as_u64().unwrap() as usize;
        let fit =
            kmeans(x.view(), &KMeansParams { k, n_init: 10, seed: 42, ..Default::default() }.check().unwrap()).unwrap();
        let want = case["best_inertia"].as_f64().unwrap();
        println!("k-means++ best of 10: {:.4} vs sklearn {want:.4}", fit.inertia);
        assert!(fit.inertia <= want * 1.01, "{} vs {want}", fit.inertia);
    }
}

#[test]
fn silhouette_matches_sklearn() {
    for case in fixture()["kmeans"].as_array().unwrap() {
        let labels: Vec<usize> = serde_json::from_value(case["labels"].clone()).unwrap();
        let s = silhouette(matrix(&case["x"]).view(), &labels).unwrap();
        assert_abs_diff_eq!(s, case["silhouette"].as_f64().unwrap(), epsilon = 1e-9);
    }
}

#[test]
fn diagonal_mixture_from_a_given_start_matches_sklearn() {
    for case in fixture()["gmm"].as_array().unwrap() {
        let x = matrix(&case["x"]);
        let fit = em_from(
            x.view(),
            &vector(&case["weights_init"]),
            matrix(&case["means_init"]).view(),
            matrix(&case["variances_init"]).view(),
            100,
            1e-3,
            1e-6,
        )
        .unwrap();
        assert_eq!(fit.iterations, case["n_iter"].as_u64().unwrap() as usize);
        for (a, b) in fit.weights.iter().zip(vector(&case["weights"])) {
            assert_abs_diff_eq!(*a, b, epsilon = 1e-6);
        }
        for (a, b) in fit.means.iter().zip(matrix(&case["means"]).iter()) {
            assert_abs_diff_eq!(a, b, epsilon = 1e-6);
        }
        for (a, b) in fit.variances.iter().zip(matrix(&case["variances"]).iter()) {
            assert_abs_diff_eq!(a, b, epsilon = 1e-6);
        }
        let labels: Vec<usize> = serde_json::from_value(case["labels"].clone()).unwrap();
        assert_eq!(fit.labels, labels);
    }
}

#[test]
fn pca_matches_sklearn_up_to_sign() {
    for case in fixture()["pca"].as_array().unwrap() {
        let p = pca(matrix(&case["x"]).view(), 2).unwrap();
        for (a, b) in p.explained_variance.iter().zip(vector(&case["explained_variance"])) {
            assert_abs_diff_eq!(*a, b, epsilon = 1e-9 * b.abs().max(1.0));
        }
        for (a, b) in p.explained_variance_ratio.iter().zip(vector(&case["explained_variance_ratio"])) {
            assert_abs_diff_eq!(*a, b, epsilon = 1e-9);
        }
        let want = matrix(&case["components"]);
        for r in 0..2 {
            let dot: f64 = p.components.row(r).iter().zip(want.row(r).iter()).map(|(a, b)| a * b).sum();
            assert_abs_diff_eq!(dot.abs(), 1.0, epsilon = 1e-9);
        }
    }
}

#[test]
fn logistic_regression_matches_sklearn() {
    let mut worst: f64 = 0.0;
    for case in fixture()["logistic"].as_array().unwrap() {
        let x = matrix(&case["x"]);
        let y: Vec<bool> = serde_json::from_value(case["y"].clone()).unwrap();
        for f in case["fits"].as_array().unwrap() {
            let c = f["c"].as_f64();
            let m = fit(x.view(), &y, &LogisticParams { c, ..Default::default() }.check().unwrap()).unwrap();
            let want_b = f["intercept"].as_f64().unwrap();
            worst = worst.max((m.intercept - want_b).abs());
            assert_abs_diff_eq!(m.intercept, want_b, epsilon = 1e-7);
            for (a, b) in m.coef.iter().zip(vector(&f["coef"])) {
                worst = worst.max((a - b).abs());
                assert_abs_diff_eq!(*a, b, epsilon = 1e-7);
            }
            let p = m.predict_proba(x.view());
            let r = report(&y, &p, 0.5);
            assert_abs_diff_eq!(r.accuracy, f["accuracy"].as_f64().unwrap(), epsilon = 1e-12);
            assert_abs_diff_eq!(r.precision, f["precision"].as_f64().unwrap(), epsilon = 1e-12);
            assert_abs_diff_eq!(r.recall, f["recall"].as_f64().unwrap(), epsilon = 1e-12);
            assert_abs_diff_eq!(r.f1, f["f1"].as_f64().unwrap(), epsilon = 1e-12);
            assert_abs_diff_eq!(r.auc.unwrap(), f["auc"].as_f64().unwrap(), epsilon = 1e-12);
        }
    }
    println!("logistic regression: largest coefficient difference from scikit-learn {worst:.2e}");
}

#[test]
fn metrics_with_tied_scores_match_sklearn() {
    for case in fixture()["metrics"].as_array().unwrap() {
        let y: Vec<bool> = serde_json::from_value(case["y"].clone()).unwrap();
        let s = vector(&case["scores"]);
        assert_abs_diff_eq!(roc_auc(&y, &s).unwrap(), case["auc"].as_f64().unwrap(), epsilon = 1e-12);
        let r = report(&y, &s, 0.5);
        assert_abs_diff_eq!(r.accuracy, case["accuracy"].as_f64().unwrap(), epsilon = 1e-12);
        assert_abs_diff_eq!(r.precision, case["precision"].as_f64().unwrap(), epsilon = 1e-12);
        assert_abs_diff_eq!(r.recall, case["recall"].as_f64().unwrap(), epsilon = 1e-12);
        assert_abs_diff_eq!(r.f1, case["f1"].as_f64().unwrap(), epsilon = 1e-12);
    }
}

#[test]
fn logistic_errors_are_values() {
    let x = ndarray::array![[0.0], [1.0], [2.0], [3.0]];
    let p = LogisticParams::default().check().unwrap();
    let e = fit(x.view(), &[false, false, true, true], &p).unwrap_err().to_string();
    assert!(e.contains("separated"), "{e}");
    assert!(fit(x.view(), &[true; 4], &p).unwrap_err().to_string().contains("same one"));
    let bad = ndarray::array![[0.0], [f64::NAN]];
    assert!(fit(bad.view(), &[true, false], &p).is_err());
    // A penalty makes the separable case finite.
    let pen = LogisticParams { c: Some(1.0), ..Default::default() }.check().unwrap();
    assert!(fit(x.view(), &[false, false, true, true], &pen).is_ok());
}
