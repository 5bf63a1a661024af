//! Every row's K nearest neighbours streamed block by block (never the dense matrix) equal
//! the dense matrix's `top_k`: the same rows, in the same order (ties by index), the same
//! similarities and common counts, on any number of threads.
#![cfg(not(target_arch = "wasm32"))]

use discount_lab::engine::data::movielens_shape::{movielens_shape, MovieLensShapeParams};
use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
use discount_lab::engine::similarity::neighbours::{top_k, top_k_streaming, Neighbour, NeighbourFilter};
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams, ValidSimilarityParams};
use proptest::prelude::*;

/// The streamed lists of every row against the matrix's.
fn check(r: &Ratings, p: &ValidSimilarityParams, k: usize, what: &str) -> Result<(), TestCaseError> {
    let m = compute(r, None, p).unwrap();
    let streamed = top_k_streaming(r, p, k, NeighbourFilter::Similar).unwrap();
    prop_assert_eq!(streamed.len(), m.len());
    for (row, got) in streamed.iter().enumerate() {
        let want = top_k(&m, row, k, NeighbourFilter::Similar);
        prop_assert_eq!(got.len(), want.len(), "{} row {}", what, row);
        for (g, w) in got.iter().zip(&want) {
            prop_assert_eq!((g.index, &g.id, g.support), (w.index, &w.id, w.support), "{} row {}", what, row);
            prop_assert!((g.similarity - w.similarity).abs() < 1e-12, "{} row {}", what, row);
        }
    }
    Ok(())
}

fn measures(kind: Kind) -> impl Iterator<Item = Measure> {
    Measure::for_kind(kind).into_iter().filter(|&m| m != Measure::AttributeJaccard)
}

fn shaped(seed: u64, users: usize, items: usize, ratings: usize) -> Ratings {
    let p = MovieLensShapeParams { seed, users, items, ratings }.check().unwrap();
    movielens_shape(&p).to_ratings().unwrap()
}

#[test]
fn streamed_neighbours_equal_the_matrix_on_movielens_shaped_sets() {
    for (seed, users, items, ratings) in [(1, 120, 300, 4_000), (2, 300, 90, 7_000), (3, 64, 40, 1_300)] {
        let r = shaped(seed, users, items, ratings);
        for kind in [Kind::User, Kind::Item] {
            for measure in measures(kind) {
                for (min_support, k) in [(1, 10), (3, 1), (1, 500)] {
                    let p = SimilarityParams::new(kind, measure).min_support(min_support).check().unwrap();
                    check(&r, &p, k, &format!("seed {seed} {kind:?} {measure:?} min {min_support} k {k}")).unwrap();
                }
            }
        }
    }
}

/// Identical items (equal similarities everywhere: ties broken by index), an item nobody else's
/// raters rated (no common users), a user alone with one item, and an item rated by one user.
fn tied_and_isolated() -> Ratings {
    let mut t: Vec<(String, String, f64)> = Vec::new();
    for u in 0..12 {
        for (i, r) in [(0, 1 + u % 5), (1, 1 + u % 5), (2, 1 + u % 5), (3, 5 - u % 3), (4, 1 + (u * 3) % 5)] {
            if (u + i) % 4 != 3 || i < 3 {
                t.push((format!("u{u}"), format!("i{i}"), r as f64));
            }
        }
    }
    t.push(("lonely".into(), "island".into(), 4.0));
    t.push(("u3".into(), "rare".into(), 2.0));
    Ratings::from_triples(t, Scale::new(1.0, 5.0).unwrap()).unwrap()
}

#[test]
fn ties_and_rows_without_common_ratings() {
    let r = tied_and_isolated();
    for kind in [Kind::User, Kind::Item] {
        for measure in measures(kind) {
            for k in [0, 1, 2, 3, 20] {
                let p = SimilarityParams::new(kind, measure).check().unwrap();
                check(&r, &p, k, &format!("{kind:?} {measure:?} k {k}")).unwrap();
            }
        }
    }
    // i0, i1 and i2 hold the same ratings: each is the other two's first neighbours, lower index first.
    let p = SimilarityParams::new(Kind::Item, Measure::Cosine).check().unwrap();
    let lists = top_k_streaming(&r, &p, 2, NeighbourFilter::Similar).unwrap();
    let ids = |l: &[Neighbour]| l.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&lists[0]), ["i1", "i2"]);
    assert_eq!(ids(&lists[2]), ["i0", "i1"]);
    let island = r.item_index("island").unwrap().0 as usize;
    assert!(lists[island].is_empty(), "no other item shares a user with it");
}

#[test]
fn the_lists_are_the_same_on_one_two_and_three_threads() {
    let r = shaped(5, 150, 220, 6_000);
    for kind in [Kind::User, Kind::Item] {
        let p = SimilarityParams::new(kind, Measure::Pearson).check().unwrap();
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| top_k_streaming(&r, &p, 7, NeighbourFilter::Similar).unwrap())
        };
        let one = on(1);
        assert_eq!(one, on(2), "{kind:?}");
        assert_eq!(one, on(3), "{kind:?}");
    }
}

fn ratings_strategy() -> impl Strategy<Value = Vec<(u8, u8, u8)>> {
    prop::collection::vec((0u8..40, 0u8..25, 1u8..=5), 1..250)
}

fn build(triples: &[(u8, u8, u8)]) -> Ratings {
    let t: Vec<(String, String, f64)> =
        triples.iter().map(|&(u, i, r)| (format!("u{u}"), format!("i{i}"), r as f64)).collect();
    Ratings::from_triples(t, Scale::new(1.0, 5.0).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn streamed_neighbours_equal_the_matrix_on_random_sets(
        triples in ratings_strategy(),
        k in 0usize..8,
        min_support in 1usize..4,
        item in any::<bool>(),
    ) {
        let r = build(&triples);
        let kind = if item { Kind::Item } else { Kind::User };
        for measure in measures(kind) {
            let p = SimilarityParams::new(kind, measure).min_support(min_support).check().unwrap();
            check(&r, &p, k, &format!("{kind:?} {measure:?}"))?;
        }
    }
}
