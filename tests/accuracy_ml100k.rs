//! The accuracy bar: mean RMSE over MovieLens-100k's official u1..u5 splits equals the
//! scikit-surprise 1.1.5 figures in ../shared/data/README.md to the 4 decimals they are given
//! (SVD included: ours draws Surprise's numpy random numbers). Reads the data from ../shared
//! and skips, saying so, when it is absent (see tests/common).

mod common;

use discount_lab::engine::data::parse::ParseOptions;
use discount_lab::engine::evaluate::{predefined_folds, rmse};
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

#[test]
fn mean_rmse_on_the_official_splits_matches_scikit_surprise() {
    let names: Vec<String> = (1..=5).flat_map(|k| [format!("u{k}.base"), format!("u{k}.test")]).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let Some(files) = common::movielens("accuracy_ml100k", &names) else { return };
    let pairs: Vec<(&[u8], &[u8])> = files.chunks(2).map(|f| (f[0].as_slice(), f[1].as_slice())).collect();
    let folds = predefined_folds(&pairs, &ParseOptions::default()).unwrap();
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
