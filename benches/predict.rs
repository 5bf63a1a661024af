//! Prediction benchmark: fitting SVD, SVD++, NMF and co-clustering (scikit-surprise's defaults,
//! random_state 0) on MovieLens-100k's `u1.base` and predicting the 20,000 ratings of `u1.test`.
//!
//! Run with `cargo bench --bench predict` (`RUNS=N` for more runs; 3 by default). Prints the
//! median and the best of the runs after a warm-up and, when `SURPRISE_PYTHON` names a Python
//! that has scikit-surprise, Surprise's time for the same fold measured in the same run
//! (`benches/surprise_predict.py`; SVD++ takes over a minute there, so it is timed once) and
//! the ratio. Speed is reported, never asserted.

use std::path::PathBuf;
use std::time::Instant;

use discount_lab::engine::data::parse::ParseOptions;
use discount_lab::engine::evaluate::{predefined_folds, rmse, Fold};
use discount_lab::options::algo::AlgoOptions;

/// Median and best milliseconds of `runs` runs after a warm-up.
fn time_ms(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], t[0])
}

/// scikit-surprise's milliseconds to fit `algo` on the fold and test it, timed now by
/// `benches/surprise_predict.py` with `$SURPRISE_PYTHON`; `None` without it.
fn surprise_ms(dir: &std::path::Path, algo: &str) -> Option<f64> {
    let python = std::env::var_os("SURPRISE_PYTHON")?;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/surprise_predict.py");
    let runs = if algo == "svdpp" { "1" } else { "3" };
    let out = std::process::Command::new(python).arg(script).arg(dir).arg(algo).arg(runs).output().ok()?;
    if !out.status.success() {
        eprintln!("SURPRISE_PYTHON failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn bench(fold: &Fold, dir: &std::path::Path, algo: &str, runs: usize) {
    let spec = AlgoOptions { algo: algo.into(), seed: Some(0), ..Default::default() }.check().expect("valid options");
    let mut error = 0.0;
    let (median, best) = time_ms(runs, || {
        let model = spec.fit(&fold.trainset).expect("fits");
        error = rmse(&fold.test(model.as_ref())).expect("scores");
    });
    let ratio = surprise_ms(dir, algo)
        .map(|ms| format!("  scikit-surprise {ms:.0} ms (this run) → {:.0}x faster", ms / median))
        .unwrap_or_default();
    let name = format!("u1 {algo}: fit + test (RMSE {error:.4})");
    println!("{name:<44} median {median:>9.1} ms  best {best:>9.1} ms{ratio}");
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ml-100k");
    let (Ok(base), Ok(test)) = (std::fs::read(dir.join("u1.base")), std::fs::read(dir.join("u1.test"))) else {
        println!("skipped: {} not found", dir.display());
        return;
    };
    let runs: usize = std::env::var("RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let folds = predefined_folds(&[(&base, &test)], &ParseOptions::default()).expect("u1 parses");
    for algo in ["svd", "svdpp", "nmf", "coclustering"] {
        bench(&folds[0], &dir, algo, runs);
    }
}
