//! The accuracy bar: mean RMSE over MovieLens-100k's official u1..u5 splits equals the
//! scikit-surprise 1.1.5 figures in ../shared/data/README.md to the 4 decimals they are given
//! (SVD included: ours draws Surprise's numpy random numbers), and mean RMSE and MAE of SVD++,
//! NMF and co-clustering equal scikit-surprise 1.1.5's with random_state=0 to 4 decimals (from
//! tests/fixtures/gen_surprise_more_algos.py, kept in surprise_more_algos_ml100k.json). Reads the
//! data from ../shared and skips, saying so, when it is absent (see tests/common).

mod common;

use discount_lab::engine::data::parse::ParseOptions;
use discount_lab::engine::evaluate::{mae, predefined_folds, rmse, Fold};
use discount_lab::options::algo::AlgoOptions;

fn options(algo: &str, measure: Option<&str>, kind: Option<&str>) -> AlgoOptions {
    AlgoOptions {
        algo: algo.into(),
        measure: measure.map(|m| m.parse().unwrap()),
        kind: kind.map(|k| k.parse().unwrap()),
        k: Some(40),
        ..Default::default()
    }
}

/// The official u1..u5 folds, or `None` (a recorded skip) without the data.
fn folds() -> Option<Vec<Fold>> {
    let names: Vec<String> = (1..=5).flat_map(|k| [format!("u{k}.base"), format!("u{k}.test")]).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let files = common::movielens("accuracy_ml100k", &names)?;
    let pairs: Vec<(&[u8], &[u8])> = files.chunks(2).map(|f| (f[0].as_slice(), f[1].as_slice())).collect();
    Some(predefined_folds(&pairs, &ParseOptions::default()).unwrap())
}

/// Mean RMSE and MAE of `algo` (default options, seed 0) over the folds against Surprise's, to 4 decimals.
fn check_rmse_mae(algo: &str, surprise: (f64, f64)) {
    let Some(folds) = folds() else { return };
    let spec = AlgoOptions { algo: algo.into(), seed: Some(0), ..Default::default() }.check().unwrap();
    let (mut sum_rmse, mut sum_mae) = (0.0, 0.0);
    for f in &folds {
        let predictions = f.test(spec.fit(&f.trainset).unwrap().as_ref());
        sum_rmse += rmse(&predictions).unwrap();
        sum_mae += mae(&predictions).unwrap();
    }
    let n = folds.len() as f64;
    let ours = (sum_rmse / n, sum_mae / n);
    assert_eq!(
        (format!("{:.4}", ours.0), format!("{:.4}", ours.1)),
        (format!("{:.4}", surprise.0), format!("{:.4}", surprise.1)),
        "{algo}: mean RMSE {:.6} and MAE {:.6}, scikit-surprise {:.6} and {:.6}",
        ours.0,
        ours.1,
        surprise.0,
        surprise.1
    );
}

#[test]
fn svdpp_mean_rmse_and_mae_match_scikit_surprise() {
    check_rmse_mae("svdpp", (0.9218312400144175, 0.7238099941109987));
}

#[test]
fn nmf_mean_rmse_and_mae_match_scikit_surprise() {
    check_rmse_mae("nmf", (0.9689270186863495, 0.7619478059637295));
}

#[test]
fn coclustering_mean_rmse_and_mae_match_scikit_surprise() {
    check_rmse_mae("coclustering", (0.9629077547996523, 0.7542368524857286));
}

#[test]
fn mean_rmse_on_the_official_splits_matches_scikit_surprise() {
    let Some(folds) = folds() else { return };
    let cases = [
        (options("knn-basic", Some("msd"), None), 0.9801),
        (options("knn-basic", Some("cosine"), None), 1.0174),
        (options("knn-means", Some("pearson"), None), 0.9525),
        (options("knn-means", Some("pearson"), Some("item")), 0.9425),
        (options("knn-zscore", Some("pearson"), None), 0.9511),
        (options("knn-baseline", Some("pearson_baseline"), Some("item")), 0.9204),
        (options("baseline", None, None), 0.9457),
        (options("slope-one", None, None), 0.9470),
        (AlgoOptions { algo: "svd".into(), seed: Some(0), ..Default::default() }, 0.9380),
    ];
    for (opts, reference) in cases {
        let spec = opts.check().unwrap();
        let mean = folds.iter().map(|f| rmse(&f.test(spec.fit(&f.trainset).unwrap().as_ref())).unwrap()).sum::<f64>()
            / folds.len() as f64;
        assert_eq!(
            format!("{mean:.4}"),
            format!("{reference:.4}"),
            "{} {:?} {:?}: mean RMSE {mean:.6}, scikit-surprise {reference}",
            spec.name(),
            opts.measure,
            opts.kind
        );
    }
}
