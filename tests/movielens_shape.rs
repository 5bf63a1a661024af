//! The MovieLens-shaped sample: exact sizes, no repeated pair, MovieLens-1M's figures within
//! documented bands, the same set from the same seed; and, when MovieLens-100k is in
//! ../shared, the generator at ML-100k's size against the real set.

mod common;

use discount_lab::engine::data::movielens_shape::{
    movielens_shape, MovieLensShapeParams, ShapedRatings, MIN_USER_RATINGS, ML_1M_ITEMS, ML_1M_RATINGS, ML_1M_STARS,
    ML_1M_USERS,
};
use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
use discount_lab::engine::error::EngineError;
use discount_lab::engine::limits::{MAX_SHAPE_ITEMS, MAX_SHAPE_RATINGS, MAX_SHAPE_USERS};
use proptest::prelude::*;

/// The figures the tests compare: per-user and per-item counts, stars.
#[derive(Debug)]
struct Figures {
    user_min: u32,
    user_q1: f64,
    user_median: f64,
    user_q3: f64,
    user_max: u32,
    user_mean: f64,
    item_q1: f64,
    item_median: f64,
    item_q3: f64,
    item_max: u32,
    items_under_10: usize,
    top_tenth_share: f64,
    item_gini: f64,
    star_shares: [f64; 5],
    mean: f64,
}

/// The q-quantile of sorted counts, interpolated as NumPy's default does.
fn quantile(sorted: &[u32], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    sorted[lo] as f64 + (sorted[hi] as f64 - sorted[lo] as f64) * (at - lo as f64)
}

/// The Gini coefficient of sorted counts: 0 when all are equal, near 1 when one holds all.
fn gini(sorted: &[u32]) -> f64 {
    let n = sorted.len() as f64;
    let sum: f64 = sorted.iter().map(|&c| c as f64).sum();
    sorted.iter().enumerate().map(|(k, &c)| (2.0 * (k + 1) as f64 - n - 1.0) * c as f64).sum::<f64>() / (n * sum)
}

fn figures(mut users: Vec<u32>, mut items: Vec<u32>, stars: [usize; 5]) -> Figures {
    users.sort_unstable();
    items.sort_unstable();
    let total: usize = stars.iter().sum();
    let tenth = items.len() / 10;
    let top: u64 = items[items.len() - tenth..].iter().map(|&c| c as u64).sum();
    Figures {
        user_min: users[0],
        user_q1: quantile(&users, 0.25),
        user_median: quantile(&users, 0.5),
        user_q3: quantile(&users, 0.75),
        user_max: users[users.len() - 1],
        user_mean: total as f64 / users.len() as f64,
        item_q1: quantile(&items, 0.25),
        item_median: quantile(&items, 0.5),
        item_q3: quantile(&items, 0.75),
        item_max: items[items.len() - 1],
        items_under_10: items.iter().filter(|&&c| c < 10).count(),
        top_tenth_share: top as f64 / total as f64,
        item_gini: gini(&items),
        star_shares: stars.map(|s| s as f64 / total as f64),
        mean: stars.iter().enumerate().map(|(k, &s)| (k + 1) as f64 * s as f64).sum::<f64>() / total as f64,
    }
}

fn figures_of(set: &ShapedRatings) -> Figures {
    figures(set.user_counts(), set.item_counts(), set.star_counts())
}

/// Sizes exact, every row strictly ascending (so no pair twice), every user ≥ 20, every item ≥ 1.
fn assert_well_formed(set: &ShapedRatings, p: &MovieLensShapeParams) {
    assert_eq!((set.n_users(), set.n_items(), set.len()), (p.users, p.items, p.ratings), "{p:?}");
    for u in 0..set.n_users() {
        let (items, stars) = set.user_ratings(u);
        assert!(items.len() >= MIN_USER_RATINGS, "{p:?}: user {u} has {}", items.len());
        assert!(items.windows(2).all(|w| w[0] < w[1]), "{p:?}: user {u} repeats an item");
        assert!(items.iter().all(|&i| (i as usize) < p.items));
        assert!(stars.iter().all(|s| (1..=5).contains(s)));
    }
    assert!(set.item_counts().iter().all(|&c| c >= 1), "{p:?}: an item has no rating");
}

fn within(what: &str, x: f64, lo: f64, hi: f64) {
    assert!((lo..=hi).contains(&x), "{what}: {x} is outside {lo}..{hi}");
}

#[test]
fn the_default_has_movielens_1m_figures() {
    let p = MovieLensShapeParams::default();
    assert_eq!((p.users, p.items, p.ratings), (ML_1M_USERS, ML_1M_ITEMS, ML_1M_RATINGS));
    let set = movielens_shape(&p.check().unwrap());
    assert_well_formed(&set, &p);
    let f = figures_of(&set);
    eprintln!("MovieLens-1M shape, seed 42: {f:?}");
    // Users (MovieLens-1M: 20, quartiles 44 / 96 / 208, max 2,314, mean 165.6).
    assert_eq!(f.user_min, 20);
    approx::assert_abs_diff_eq!(f.user_mean, 165.6, epsilon = 0.05);
    within("user Q1", f.user_q1, 40.0, 48.0);
    within("user median", f.user_median, 90.0, 102.0);
    within("user Q3", f.user_q3, 195.0, 225.0);
    within("user max", f.user_max as f64, 2_000.0, 2_700.0);
    // Items (MovieLens-1M: quartiles 33 / 123.5 / 350, max 3,428, Gini 0.634).
    within("item Q1", f.item_q1, 27.0, 39.0);
    within("item median", f.item_median, 110.0, 135.0);
    within("item Q3", f.item_q3, 320.0, 380.0);
    within("most-rated item", f.item_max as f64, 3_000.0, 4_200.0);
    within("items under 10 ratings", f.items_under_10 as f64, 350.0, 520.0);
    within("share of the top 10% of items", f.top_tenth_share, 0.40, 0.50);
    approx::assert_abs_diff_eq!(f.item_gini, 0.634, epsilon = 0.02);
    // Stars: MovieLens-1M's shares (cut at them, so within a tenth of a point) and mean 3.58.
    let all: u64 = ML_1M_STARS.iter().sum();
    for (k, (&got, &real)) in f.star_shares.iter().zip(&ML_1M_STARS).enumerate() {
        approx::assert_abs_diff_eq!(got, real as f64 / all as f64, epsilon = 0.001);
        assert!(got > 0.0, "{}★ is missing", k + 1);
    }
    approx::assert_abs_diff_eq!(f.mean, 3.58, epsilon = 0.1);
    approx::assert_abs_diff_eq!(set.to_ratings().unwrap().global_mean(), f.mean, epsilon = 1e-9);
}

#[test]
fn the_stars_carry_tastes() {
    let p = MovieLensShapeParams { seed: 7, users: 943, items: 1682, ratings: 100_000 };
    let set = movielens_shape(&p.check().unwrap());
    let ratings = set.to_ratings().unwrap();
    let mean = ratings.global_mean();
    // Users differ: the spread of user means (MovieLens-100k: 0.45) is far above what 100
    // ratings drawn alike would give (about 0.1).
    let user_means: Vec<f64> = (0..set.n_users())
        .map(|u| {
            let s = set.user_ratings(u).1;
            s.iter().map(|&x| x as f64).sum::<f64>() / s.len() as f64
        })
        .collect();
    let spread = (user_means.iter().map(|m| (m - mean) * (m - mean)).sum::<f64>() / user_means.len() as f64).sqrt();
    within("spread of user means", spread, 0.3, 0.7);
    // Popular items are rated higher, as in MovieLens.
    let counts = set.item_counts();
    let mut by_item = vec![(0.0, 0u32); set.n_items()];
    for (_, i, s) in set.iter() {
        by_item[i as usize].0 += s as f64;
        by_item[i as usize].1 += 1;
    }
    let mut order: Vec<usize> = (0..set.n_items()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
    let mean_of = |items: &[usize]| {
        let (sum, n) = items.iter().fold((0.0, 0u32), |(s, n), &i| (s + by_item[i].0, n + by_item[i].1));
        sum / n as f64
    };
    let tenth = set.n_items() / 10;
    assert!(mean_of(&order[..tenth]) > mean + 0.1, "the most popular items are not rated higher");
    assert!(mean_of(&order[set.n_items() - 5 * tenth..]) < mean, "the less popular half is not rated lower");
}

#[test]
fn the_same_seed_gives_the_same_set_and_another_seed_another() {
    let p = MovieLensShapeParams { seed: 3, users: 300, items: 900, ratings: 40_000 };
    let a = movielens_shape(&p.check().unwrap());
    assert_eq!(a, movielens_shape(&p.check().unwrap()));
    let b = movielens_shape(&MovieLensShapeParams { seed: 4, ..p }.check().unwrap());
    assert_ne!(a, b);
    assert_eq!(b.len(), a.len());
    // The exact set of seed 3: a change of it (a new model, or a platform that rounds
    // differently) shows here.
    let fingerprint = a.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, (u, i, s)| {
        [u as u64, i as u64, s as u64].iter().fold(h, |h, &x| (h ^ x).wrapping_mul(0x0100_0000_01b3))
    });
    assert_eq!(fingerprint, 0x48ed_4b38_9f52_60f4, "fingerprint of seed 3");
}

#[test]
fn sizes_that_cannot_be_met_are_refused_by_name() {
    let ok = MovieLensShapeParams::default();
    let refused = |p: MovieLensShapeParams| match p.check() {
        Err(EngineError::InvalidParameter { name, .. }) => name,
        other => panic!("{p:?} was not refused: {other:?}"),
    };
    assert_eq!(refused(MovieLensShapeParams { users: 0, ..ok }), "users");
    assert_eq!(refused(MovieLensShapeParams { users: MAX_SHAPE_USERS + 1, ..ok }), "users");
    assert_eq!(refused(MovieLensShapeParams { items: 19, ..ok }), "items");
    assert_eq!(refused(MovieLensShapeParams { items: MAX_SHAPE_ITEMS + 1, ..ok }), "items");
    assert_eq!(refused(MovieLensShapeParams { ratings: MAX_SHAPE_RATINGS + 1, ..ok }), "ratings");
    // Fewer than 20 per user, fewer than one per item, more than one per user and item.
    assert_eq!(refused(MovieLensShapeParams { ratings: 20 * ok.users - 1, ..ok }), "ratings");
    assert_eq!(refused(MovieLensShapeParams { users: 10, items: 500, ratings: 499, seed: 1 }), "ratings");
    assert_eq!(refused(MovieLensShapeParams { users: 10, items: 30, ratings: 301, seed: 1 }), "ratings");
    let e = MovieLensShapeParams { ratings: 1000, ..ok }.check().unwrap_err();
    assert_eq!(
        e.to_string(),
        "parameter 'ratings': must be at least 120800, so that every user has 20 ratings and every item one"
    );
    // MovieLens-10M's size is allowed natively; the edges of the range are accepted.
    assert!(MovieLensShapeParams { seed: 1, users: 70_000, items: 10_000, ratings: 10_000_000 }.check().is_ok());
    assert!(MovieLensShapeParams { seed: 1, users: 10, items: 30, ratings: 300 }.check().is_ok());
    assert!(MovieLensShapeParams { seed: 1, users: 1, items: 20, ratings: 20 }.check().is_ok());
}

#[test]
fn corner_shapes_are_met_exactly() {
    for (users, items, ratings) in [(1, 20, 20), (20, 20, 400), (10, 30, 300), (50, 30, 1_200), (5, 400, 400)] {
        let p = MovieLensShapeParams { seed: 11, users, items, ratings };
        assert_well_formed(&movielens_shape(&p.check().unwrap()), &p);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_accepted_shape_is_met_exactly(
        seed in 0u64..1000,
        users in 1usize..80,
        items in 20usize..300,
        fill in 0.0f64..1.0,
    ) {
        let lo = (users * MIN_USER_RATINGS).max(items);
        let hi = users * items;
        let ratings = lo + ((hi - lo) as f64 * fill * fill) as usize;
        let p = MovieLensShapeParams { seed, users, items, ratings };
        assert_well_formed(&movielens_shape(&p.check().unwrap()), &p);
    }
}

#[test]
fn at_movielens_100k_size_it_resembles_the_real_set() {
    let Some(files) = common::movielens("movielens_shape", &["u.data"]) else { return };
    let real = parse_ratings(&files[0], &ParseOptions::default()).unwrap().ratings;
    let mut stars = [0usize; 5];
    for e in real.entries() {
        stars[e.value as usize - 1] += 1;
    }
    let count = |rows: &discount_lab::engine::data::ratings::Csr| {
        (0..rows.n_rows()).map(|r| rows.row(r).0.len() as u32).collect::<Vec<u32>>()
    };
    use discount_lab::engine::data::ratings::Kind;
    let real = figures(count(real.rows(Kind::User)), count(real.rows(Kind::Item)), stars);
    let p = MovieLensShapeParams { seed: 42, users: 943, items: 1682, ratings: 100_000 };
    let set = movielens_shape(&p.check().unwrap());
    let ours = figures_of(&set);
    eprintln!("MovieLens-100k: {real:?}\ngenerated at its size: {ours:?}");
    let close = |what: &str, ours: f64, real: f64, tolerance: f64| {
        assert!((ours - real).abs() <= tolerance * real, "{what}: {ours} against the real {real}");
    };
    close("user median", ours.user_median, real.user_median, 0.1);
    close("user Q3", ours.user_q3, real.user_q3, 0.15);
    close("item median", ours.item_median, real.item_median, 0.15);
    close("item Q3", ours.item_q3, real.item_q3, 0.1);
    close("most-rated item", ours.item_max as f64, real.item_max as f64, 0.25);
    close("items under 10 ratings", ours.items_under_10 as f64, real.items_under_10 as f64, 0.15);
    approx::assert_abs_diff_eq!(ours.top_tenth_share, real.top_tenth_share, epsilon = 0.03);
    approx::assert_abs_diff_eq!(ours.item_gini, real.item_gini, epsilon = 0.03);
    for (o, r) in ours.star_shares.iter().zip(&real.star_shares) {
        approx::assert_abs_diff_eq!(o, r, epsilon = 0.015);
    }
    approx::assert_abs_diff_eq!(ours.mean, real.mean, epsilon = 0.1);
}
