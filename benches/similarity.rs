//! Similarity benchmark: parsing all of MovieLens-100k `u.data`, then similarities on it.
//!
//! Run with `make bench` (or `cargo bench --bench similarity`). Prints the median and
//! the best of 15 runs after a warm-up, and the ratio to scikit-surprise: timed in this same
//! run when `SURPRISE_PYTHON` names a Python that has it (the machines are noisy, so only a
//! same-run ratio means much), otherwise the 0.69 s of `../shared/data/README.md`, measured
//! on another day, and said so. Speed is reported, never asserted.

use std::path::PathBuf;
use std::time::Instant;

use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
use discount_lab::engine::data::ratings::{Kind, Ratings};
use discount_lab::engine::data::samples::{shop, ShopParams};
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};

/// scikit-surprise's user-user pearson on `u.data` in `../shared/data/README.md` (another run).
const SURPRISE_PEARSON_USER_MS: f64 = 690.0;

/// scikit-surprise's median time for a user-user `measure` on `path`, timed now by
/// `benches/surprise_similarity.py` with `$SURPRISE_PYTHON`; `None` without it.
fn surprise_ms(path: &std::path::Path, measure: &str) -> Option<f64> {
    let python = std::env::var_os("SURPRISE_PYTHON")?;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/surprise_similarity.py");
    let out = std::process::Command::new(python).arg(script).arg(path).arg(measure).arg("5").output().ok()?;
    if !out.status.success() {
        eprintln!("SURPRISE_PYTHON failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn time_ms(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f(); // warm-up
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

/// A reference time and where it comes from.
struct Reference {
    ms: f64,
    this_run: bool,
}

fn bench(name: &str, ratings: &Ratings, kind: Kind, measure: Measure, reference: Option<Reference>) {
    let params = SimilarityParams::new(kind, measure).check().expect("valid parameters");
    let (median, best) = time_ms(15, || {
        std::hint::black_box(compute(ratings, None, &params).expect("fits the budget"));
    });
    let ratio = reference
        .map(|r| {
            let when = if r.this_run { "this run" } else { "../shared/data/README.md, another run" };
            format!("  scikit-surprise {:.0} ms ({when}) → {:.0}x faster", r.ms, r.ms / median)
        })
        .unwrap_or_default();
    println!("{name:<44} median {median:>8.2} ms  best {best:>8.2} ms{ratio}");
}

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ml-100k/u.data");
    match std::fs::read(&path) {
        Ok(bytes) => {
            let parsed = parse_ratings(&bytes, &ParseOptions::default()).expect("u.data parses");
            let (median, best) = time_ms(15, || {
                std::hint::black_box(parse_ratings(&bytes, &ParseOptions::default()).expect("u.data parses"));
            });
            let name = format!("parse u.data ({} ratings)", parsed.ratings.len());
            println!("{name:<44} median {median:>8.2} ms  best {best:>8.2} ms");
            let r = &parsed.ratings;
            let surprise = |measure: &str| surprise_ms(&path, measure).map(|ms| Reference { ms, this_run: true });
            let pearson = surprise("pearson").unwrap_or(Reference { ms: SURPRISE_PEARSON_USER_MS, this_run: false });
            bench("ml-100k user-user pearson (943 x 943)", r, Kind::User, Measure::Pearson, Some(pearson));
            bench("ml-100k user-user cosine", r, Kind::User, Measure::Cosine, surprise("cosine"));
            bench("ml-100k user-user pearson_baseline", r, Kind::User, Measure::PearsonBaseline, None);
            bench("ml-100k item-item pearson (1682 x 1682)", r, Kind::Item, Measure::Pearson, None);
        }
        Err(_) => println!("skipped MovieLens benchmarks: {} not found", path.display()),
    }
    let s = shop(&ShopParams::default());
    bench("synthetic shop user-user pearson (300 x 300)", &s.ratings, Kind::User, Measure::Pearson, None);
}
