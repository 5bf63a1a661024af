//! MovieLens-shaped samples: the time to generate MovieLens-1M's shape (6,040 users, 3,706 items,
//! 1,000,209 ratings) and MovieLens-10M's (70,000 users, 10,000 items, 10,000,000 ratings), and to
//! turn the first into the lab's rating set; with the figures each reaches.
//!
//! Run with `cargo bench --bench movielens_shape` (`RUNS=N` for more runs). Prints the median and
//! best of the runs after a warm-up. Speed is reported, never asserted.

use std::time::Instant;

use discount_lab::engine::data::movielens_shape::{movielens_shape, MovieLensShapeParams, ShapedRatings};

fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let mut last = f();
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            last = f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], t[0], last)
}

/// Minimum, median, mean and maximum of `counts`.
fn summary(mut counts: Vec<u32>) -> String {
    counts.sort_unstable();
    let n = counts.len();
    let median = if n % 2 == 0 { (counts[n / 2 - 1] + counts[n / 2]) as f64 / 2.0 } else { counts[n / 2] as f64 };
    let mean = counts.iter().map(|&c| c as f64).sum::<f64>() / n as f64;
    let tenth = n / 10;
    let top: u64 = counts[n - tenth..].iter().map(|&c| c as u64).sum();
    let all: u64 = counts.iter().map(|&c| c as u64).sum();
    format!(
        "min {} / median {median} / mean {mean:.1} / max {}; under 10: {}; top 10% hold {:.1}%",
        counts[0],
        counts[n - 1],
        counts.iter().filter(|&&c| c < 10).count(),
        100.0 * top as f64 / all as f64
    )
}

fn report(name: &str, set: &ShapedRatings) {
    let stars = set.star_counts();
    let shares: Vec<String> = stars.iter().map(|&s| format!("{:.1}%", 100.0 * s as f64 / set.len() as f64)).collect();
    let mean = stars.iter().enumerate().map(|(k, &s)| (k + 1) as f64 * s as f64).sum::<f64>() / set.len() as f64;
    println!("{name}: {} users, {} items, {} ratings", set.n_users(), set.n_items(), set.len());
    println!("  per user: {}", summary(set.user_counts()));
    println!("  per item: {}", summary(set.item_counts()));
    println!("  stars 1..5: {}; mean {mean:.3}", shares.join(" "));
}

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let ml1m = MovieLensShapeParams::default().check().expect("MovieLens-1M's shape is valid");
    let (median, best, set) = time_ms(runs, || movielens_shape(&ml1m));
    report("MovieLens-1M shape", &set);
    println!("{:<48} median {median:>9.1} ms  best {best:>9.1} ms", "generate MovieLens-1M's shape");
    let (median, best, _) = time_ms(runs, || set.to_ratings().expect("within the rating set's limits"));
    println!("{:<48} median {median:>9.1} ms  best {best:>9.1} ms", "  then as the lab's rating set (to_ratings)");
    let ml10m = MovieLensShapeParams { seed: 42, users: 70_000, items: 10_000, ratings: 10_000_000 }
        .check()
        .expect("MovieLens-10M's shape is valid natively");
    let (median, best, set) = time_ms(runs.min(3), || movielens_shape(&ml10m));
    report("MovieLens-10M shape", &set);
    println!("{:<48} median {median:>9.1} ms  best {best:>9.1} ms", "generate MovieLens-10M's shape");
}
