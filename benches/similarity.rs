//! Similarity benchmark: parsing all of MovieLens-100k `u.data`, then similarities on it.
//!
//! Run with `make bench` (or `cargo bench --bench similarity`). Prints the median and
//! the best of several runs, and the ratio to scikit-surprise's 0.69 s measured on
//! this kind of machine (`../shared/data/README.md`). Speed is reported, never asserted.

use std::path::PathBuf;
use std::time::Instant;

use discount_lab::engine::parse::{parse_ratings, ParseOptions};
use discount_lab::engine::ratings::{Kind, Ratings};
use discount_lab::engine::samples::{shop, ShopParams};
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};

const SURPRISE_PEARSON_USER_MS: f64 = 690.0;

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

fn bench(name: &str, ratings: &Ratings, kind: Kind, measure: Measure, reference_ms: Option<f64>) {
    let params = SimilarityParams::new(kind, measure).check().expect("valid parameters");
    let (median, best) = time_ms(15, || {
        std::hint::black_box(compute(ratings, None, &params).expect("fits the budget"));
    });
    let ratio =
        reference_ms.map(|r| format!("  scikit-surprise {r:.0} ms → {:.0}x faster", r / median)).unwrap_or_default();
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
            bench(
                "ml-100k user-user pearson (943 x 943)",
                r,
                Kind::User,
                Measure::Pearson,
                Some(SURPRISE_PEARSON_USER_MS),
            );
            bench("ml-100k user-user cosine", r, Kind::User, Measure::Cosine, None);
            bench("ml-100k user-user pearson_baseline", r, Kind::User, Measure::PearsonBaseline, None);
            bench("ml-100k item-item pearson (1682 x 1682)", r, Kind::Item, Measure::Pearson, None);
        }
        Err(_) => println!("skipped MovieLens benchmarks: {} not found", path.display()),
    }
    let s = shop(&ShopParams::default());
    bench("synthetic shop user-user pearson (300 x 300)", &s.ratings, Kind::User, Measure::Pearson, None);
}
