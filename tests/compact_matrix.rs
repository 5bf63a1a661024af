//! A similarity matrix over the memory budget as `f64` is stored as `f32` (with 16-bit common
//! counts) when that fits: the choice follows the budget exactly, and the values agree with
//! the `f64` ones to 6e-8.
#![cfg(not(target_arch = "wasm32"))]

use discount_lab::engine::data::items::{ItemInfo, ItemTable};
use discount_lab::engine::data::movielens_shape::{movielens_shape, MovieLensShapeParams};
use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
use discount_lab::engine::error::EngineError;
use discount_lab::engine::limits::{
    compact_matrix_bytes, dense_matrix_bytes, COMPACT_CELL_BYTES, DENSE_CELL_BYTES, DENSE_MATRIX_BUDGET_BYTES,
};
use discount_lab::engine::similarity::{
    compute, compute_in, dense_precision, Measure, Precision, SimilarityMatrix, SimilarityParams,
};
use proptest::prelude::*;

/// Every value within 1e-6 of the `f64` matrix (and within the bound the precision states),
/// every count equal.
fn assert_agree(wide: &SimilarityMatrix, narrow: &SimilarityMatrix, what: &str) {
    assert_eq!((wide.precision(), narrow.precision()), (Precision::F64, Precision::F32), "{what}");
    assert_eq!(wide.ids, narrow.ids);
    for a in 0..wide.len() {
        for b in 0..wide.len() {
            let (w, n) = (wide.get(a, b), narrow.get(a, b));
            assert!((w - n).abs() <= Precision::F32.max_error(), "{what} ({a}, {b}): {w} vs {n}");
            approx::assert_abs_diff_eq!(w, n, epsilon = 1e-6);
            assert_eq!(wide.support_of(a, b), narrow.support_of(a, b), "{what} ({a}, {b})");
        }
    }
}

fn shaped(seed: u64, users: usize, items: usize, ratings: usize) -> Ratings {
    let p = MovieLensShapeParams { seed, users, items, ratings }.check().unwrap();
    movielens_shape(&p).to_ratings().unwrap()
}

#[test]
fn f32_storage_agrees_with_f64_on_movielens_shaped_sets() {
    for seed in [1, 2] {
        let r = shaped(seed, 200, 150, 6000);
        for kind in [Kind::User, Kind::Item] {
            for measure in Measure::for_kind(kind).into_iter().filter(|m| *m != Measure::AttributeJaccard) {
                let p = SimilarityParams::new(kind, measure).check().unwrap();
                let wide = compute_in(&r, None, &p, Precision::F64).unwrap();
                let narrow = compute_in(&r, None, &p, Precision::F32).unwrap();
                assert_agree(&wide, &narrow, &format!("seed {seed} {kind:?} {measure:?}"));
                assert_eq!(wide, compute(&r, None, &p).unwrap(), "under the budget, compute keeps f64");
            }
        }
    }
}

fn ratings_strategy() -> impl Strategy<Value = Vec<(u8, u8, u8)>> {
    prop::collection::vec((0u8..9, 0u8..7, 0u8..=10), 1..60)
}

fn build(triples: &[(u8, u8, u8)]) -> Ratings {
    let t: Vec<(String, String, f64)> =
        triples.iter().map(|&(u, i, r)| (format!("u{u}"), format!("i{i}"), r as f64 / 2.0)).collect();
    Ratings::from_triples(t, Scale::new(0.0, 5.0).unwrap()).unwrap()
}

/// Item attributes from the bits of each item's position.
fn items_for(r: &Ratings) -> ItemTable {
    let tags = ["a", "b", "c"];
    let info = |(k, id): (usize, &String)| ItemInfo {
        id: id.clone(),
        attributes: tags.iter().enumerate().filter(|(j, _)| (k >> j) & 1 == 1).map(|(_, t)| t.to_string()).collect(),
        ..Default::default()
    };
    ItemTable { items: r.item_ids().iter().enumerate().map(info).collect() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn f32_storage_agrees_with_f64_for_every_measure(triples in ratings_strategy(), min_support in 1usize..3) {
        let r = build(&triples);
        let items = items_for(&r);
        for kind in [Kind::User, Kind::Item] {
            for measure in Measure::for_kind(kind) {
                let p = SimilarityParams::new(kind, measure).min_support(min_support).check().unwrap();
                let wide = compute_in(&r, Some(&items), &p, Precision::F64).unwrap();
                let narrow = compute_in(&r, Some(&items), &p, Precision::F32).unwrap();
                assert_agree(&wide, &narrow, &format!("{kind:?} {measure:?}"));
                let f64_values = narrow.values.to_f64();
                prop_assert!(f64_values.iter().zip(wide.values.iter()).all(|(&a, b)| (a - b).abs() <= 1e-6));
            }
        }
    }

    /// The f32 path is taken exactly when the f64 matrix is over the budget and the compact one
    /// is not (with counts that fit 16 bits); past that the matrix is refused with its size.
    #[test]
    fn the_precision_follows_the_budget_exactly(n in 0usize..25_000, widest in 0usize..100_000) {
        let f64_fits = n * n * DENSE_CELL_BYTES <= DENSE_MATRIX_BUDGET_BYTES;
        let f32_fits = n * n * COMPACT_CELL_BYTES <= DENSE_MATRIX_BUDGET_BYTES && widest <= 65_535;
        match dense_precision(n, widest) {
            Ok(Precision::F64) => prop_assert!(f64_fits),
            Ok(Precision::F32) => prop_assert!(!f64_fits && f32_fits),
            Err(EngineError::MatrixTooLarge { n: side, needed_mb, budget_mb }) => {
                prop_assert!(!f64_fits && !f32_fits);
                prop_assert_eq!((side, budget_mb), (n, 256));
                let needed = if widest <= 65_535 { compact_matrix_bytes(n) } else { dense_matrix_bytes(n) };
                prop_assert_eq!(needed_mb, needed.div_ceil(1 << 20));
            }
            Err(e) => prop_assert!(false, "unexpected {e}"),
        }
    }
}

#[test]
fn the_sides_where_the_precision_changes() {
    // 4,729² × 12 bytes fit 256 MB, 4,730² do not; 6,688² × 6 bytes fit, 6,689² do not.
    assert_eq!(dense_precision(4_729, 20_000).unwrap(), Precision::F64);
    assert_eq!(dense_precision(4_730, 20_000).unwrap(), Precision::F32);
    assert_eq!(dense_precision(6_688, 20_000).unwrap(), Precision::F32);
    assert!(matches!(dense_precision(6_689, 20_000), Err(EngineError::MatrixTooLarge { needed_mb: 257, .. })));
    // MovieLens-1M's users: 417 MB as f64, 209 MB as f32.
    assert_eq!(dense_precision(6_040, 2_314).unwrap(), Precision::F32);
    assert_eq!(dense_matrix_bytes(6_040).div_ceil(1 << 20), 418);
    assert_eq!(compact_matrix_bytes(6_040).div_ceil(1 << 20), 209);
    // A row with more ratings than a 16-bit count holds keeps the matrix from the compact form.
    let e = dense_precision(4_730, 65_536).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a 4730 x 4730 similarity matrix needs 257 MB, over the 256 MB budget; use fewer users or items"
    );
}

/// User `u`'s two ratings of the 40 items.
fn two_ratings(u: usize) -> [(String, String, f64); 2] {
    let user = format!("u{u}");
    [(user.clone(), format!("i{}", u % 40), (u % 5 + 1) as f64), (user, format!("i{}", (u * 7 + 3) % 40), 3.0)]
}

#[test]
fn a_matrix_just_over_the_f64_budget_is_computed_as_f32() {
    // 4,730 users, each rating two of 40 items: 4,730² cells are 256.03 MB as f64, 128 MB as f32.
    let scale = Scale::new(1.0, 5.0).unwrap();
    let r = Ratings::from_triples((0..4_730).flat_map(two_ratings), scale).unwrap();
    let p = SimilarityParams::new(Kind::User, Measure::Cosine).check().unwrap();
    let m = compute(&r, None, &p).unwrap();
    assert_eq!(m.precision(), Precision::F32);
    assert!(m.bytes() <= DENSE_MATRIX_BUDGET_BYTES && dense_matrix_bytes(m.len()) > DENSE_MATRIX_BUDGET_BYTES);
    assert_eq!(m.bytes(), compact_matrix_bytes(4_730));
    // A pair's similarity depends only on the two users' ratings: the f64 matrix of a sample
    // of the users holds the same pairs.
    let sample: Vec<usize> = (0..4_730).step_by(97).collect();
    let exact = compute(&Ratings::from_triples(sample.iter().flat_map(|&u| two_ratings(u)), scale).unwrap(), None, &p);
    let exact = exact.unwrap();
    assert_eq!(exact.precision(), Precision::F64);
    for (a, &ua) in sample.iter().enumerate() {
        for (b, &ub) in sample.iter().enumerate() {
            approx::assert_abs_diff_eq!(m.get(ua, ub), exact.get(a, b), epsilon = 1e-6);
            assert_eq!(m.support_of(ua, ub), exact.support_of(a, b));
        }
    }
}
