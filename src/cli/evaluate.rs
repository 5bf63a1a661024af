//! `evaluate --train F --test F` or `--folds DIR`: an algorithm's accuracy and time, as JSON
//! (per fold and their mean for MovieLens' u1..u5).

use super::args::Args;
use super::failure::{fail, usage, Failure};
use super::io::read;
use crate::engine::data::parse::ParseOptions;
use crate::engine::evaluate::{fcp, mae, predefined_folds, rmse, Fold};
use crate::engine::predict::AlgoSpec;
use crate::options::algo::AlgoOptions;

/// The algorithm of `--algo` (default `default`) and its flags.
pub(super) fn algo_spec(a: &Args, default: &str) -> Result<AlgoSpec, Failure> {
    AlgoOptions {
        algo: a.get("algo").unwrap_or(default).to_string(),
        k: a.value("k")?,
        min_k: a.value("min-k")?,
        kind: a.choice("kind")?,
        measure: a.choice("measure")?,
        min_support: a.value("min-support")?,
        shrinkage: a.value("shrinkage")?,
        baseline_method: None,
        factors: a.value("factors")?,
        epochs: a.value("epochs")?,
        user_clusters: a.value("user-clusters")?,
        item_clusters: a.value("item-clusters")?,
        seed: a.value("seed")?,
    }
    .check()
    .map_err(fail)
}

/// Fits `spec` on a fold and scores its test predictions, timing both steps.
fn run_fold(spec: &AlgoSpec, fold: &Fold) -> Result<serde_json::Value, Failure> {
    let start = std::time::Instant::now();
    let algo = spec.fit(&fold.trainset).map_err(fail)?;
    let fit_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = std::time::Instant::now();
    let predictions = fold.test(algo.as_ref());
    let predict_ms = start.elapsed().as_secs_f64() * 1000.0;
    let impossible = predictions.iter().filter(|p| p.was_impossible()).count();
    Ok(serde_json::json!({
        "rmse": rmse(&predictions).map_err(fail)?,
        "mae": mae(&predictions).map_err(fail)?,
        "fcp": fcp(&predictions).ok(),
        "n_test": predictions.len(),
        "impossible": impossible,
        "fit_ms": fit_ms,
        "predict_ms": predict_ms,
    }))
}

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let spec = algo_spec(a, "svd")?;
    let read_pair = |base: &str, test: &str| -> Result<(Vec<u8>, Vec<u8>), Failure> { Ok((read(base)?, read(test)?)) };
    let files: Vec<(Vec<u8>, Vec<u8>)> = match (a.get("folds"), a.get("train"), a.get("test")) {
        (Some(dir), None, None) => (1..=5)
            .map(|k| read_pair(&format!("{dir}/u{k}.base"), &format!("{dir}/u{k}.test")))
            .collect::<Result<_, _>>()?,
        (None, Some(train), Some(test)) => vec![read_pair(train, test)?],
        _ => return Err(usage("evaluate needs either --train F --test F or --folds DIR")),
    };
    let pairs: Vec<(&[u8], &[u8])> = files.iter().map(|(b, t)| (b.as_slice(), t.as_slice())).collect();
    let folds = predefined_folds(&pairs, &ParseOptions::default()).map_err(fail)?;
    let results: Vec<serde_json::Value> = folds.iter().map(|f| run_fold(&spec, f)).collect::<Result<_, _>>()?;
    let mut out = if results.len() == 1 {
        results[0].clone()
    } else {
        let mean = |key: &str| {
            let v: Vec<f64> = results.iter().filter_map(|r| r[key].as_f64()).collect();
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        };
        serde_json::json!({
            "rmse": mean("rmse"), "mae": mean("mae"), "fcp": mean("fcp"),
            "n_test": results.iter().filter_map(|r| r["n_test"].as_u64()).sum::<u64>(),
            "fit_ms": mean("fit_ms"), "predict_ms": mean("predict_ms"),
            "folds": results,
        })
    };
    out["algo"] = serde_json::Value::from(spec.name());
    println!("{out}");
    Ok(())
}
