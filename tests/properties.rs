//! Properties every similarity must have, on random rating sets.
#![cfg(not(target_arch = "wasm32"))]

use discount_lab::engine::data::items::{ItemInfo, ItemTable};
use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
use discount_lab::engine::similarity::steps::explain_pair;
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
use proptest::prelude::*;

fn ratings_strategy() -> impl Strategy<Value = Vec<(u8, u8, u8)>> {
    prop::collection::vec((0u8..8, 0u8..7, 0u8..=10), 1..50)
}

fn build(triples: &[(u8, u8, u8)]) -> Ratings {
    let t: Vec<(String, String, f64)> =
        triples.iter().map(|&(u, i, r)| (format!("u{u}"), format!("i{i}"), r as f64 / 2.0)).collect();
    Ratings::from_triples(t, Scale::new(0.0, 5.0).unwrap()).unwrap()
}

fn items_for(r: &Ratings) -> ItemTable {
    let tags = ["a", "b", "c", "d"];
    ItemTable {
        items: r
            .item_ids()
            .iter()
            .enumerate()
            .map(|(k, id)| ItemInfo {
                id: id.clone(),
                attributes: tags
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| (k >> j) & 1 == 1)
                    .map(|(_, t)| t.to_string())
                    .collect(),
                ..Default::default()
            })
            .collect(),
    }
}

fn all_params() -> Vec<SimilarityParams> {
    let mut out = Vec::new();
    for kind in [Kind::User, Kind::Item] {
        for m in Measure::ALL {
            for min_support in [1, 3] {
                let p = SimilarityParams::new(kind, m).min_support(min_support);
                if p.check().is_ok() {
                    out.push(p);
                }
            }
        }
        out.push(SimilarityParams::new(kind, Measure::Cosine).zero_fill(true));
        out.push(SimilarityParams::new(kind, Measure::PearsonBaseline).shrinkage(0.0));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn symmetric_bounded_finite_with_unit_diagonal(triples in ratings_strategy()) {
        let r = build(&triples);
        let items = items_for(&r);
        for p in all_params() {
            let m = compute(&r, Some(&items), &p.check().unwrap()).unwrap();
            let lo = if p.measure.is_signed() { -1.0 } else { 0.0 };
            for a in 0..m.len() {
                prop_assert_eq!(m.get(a, a), 1.0);
                for b in 0..m.len() {
                    let v = m.get(a, b);
                    prop_assert!(v.is_finite(), "{:?} not finite", p);
                    prop_assert!(v >= lo - 1e-12 && v <= 1.0 + 1e-12, "{:?}: {}", p, v);
                    prop_assert_eq!(v, m.get(b, a));
                    prop_assert_eq!(m.support_of(a, b), m.support_of(b, a));
                }
            }
        }
    }

    #[test]
    fn invariant_to_row_order(triples in ratings_strategy(), seed in 0u64..1000) {
        let r = build(&triples);
        let mut shuffled = triples.clone();
        // A deterministic permutation of the input lines.
        let n = shuffled.len();
        for k in 0..n {
            let j = ((seed as usize).wrapping_mul(31).wrapping_add(k * 17)) % n;
            shuffled.swap(k, j);
        }
        // Duplicates resolve by last-wins, so compare only on sets without duplicate pairs.
        let mut pairs: Vec<(u8, u8)> = triples.iter().map(|t| (t.0, t.1)).collect();
        pairs.sort();
        pairs.dedup();
        prop_assume!(pairs.len() == triples.len());
        let r2 = build(&shuffled);
        for p in all_params() {
            if p.measure == Measure::AttributeJaccard { continue; }
            let m1 = compute(&r, None, &p.check().unwrap()).unwrap();
            let m2 = compute(&r2, None, &p.check().unwrap()).unwrap();
            for (a, ida) in m1.ids.iter().enumerate() {
                for (b, idb) in m1.ids.iter().enumerate() {
                    let a2 = m2.ids.iter().position(|x| x == ida).unwrap();
                    let b2 = m2.ids.iter().position(|x| x == idb).unwrap();
                    prop_assert!((m1.get(a, b) - m2.get(a2, b2)).abs() < 1e-9, "{:?}", p);
                }
            }
        }
    }

    #[test]
    fn explanation_agrees_with_the_matrix(triples in ratings_strategy()) {
        let r = build(&triples);
        let items = items_for(&r);
        for p in all_params() {
            let v = p.check().unwrap();
            let m = compute(&r, Some(&items), &v).unwrap();
            for a in 0..m.len() {
                for b in 0..m.len() {
                    let e = explain_pair(&r, Some(&items), &v, a, b).unwrap();
                    prop_assert_eq!(e.value, m.get(a, b), "{:?} {} {}", p, a, b);
                }
            }
        }
    }
}

#[test]
fn huge_ratings_are_refused_and_the_largest_allowed_never_give_nan() {
    // Ratings so large that their sums overflow cannot be loaded at all ...
    assert!(Scale::new(0.0, 1e300).is_err());
    // ... and the largest scale allowed gives finite similarities.
    let top = discount_lab::engine::limits::MAX_RATING_MAGNITUDE;
    let scale = Scale::new(-top, top).unwrap();
    let r = Ratings::from_triples([("a", "x", top), ("a", "y", top), ("b", "x", top), ("b", "y", -top / 2.0)], scale)
        .unwrap();
    for p in all_params() {
        if p.measure == Measure::AttributeJaccard {
            continue;
        }
        let m = compute(&r, None, &p.check().unwrap()).unwrap();
        assert!(m.values.iter().all(|v| v.is_finite()), "{p:?}: {:?}", m.values);
    }
}

proptest! {
    /// A sample of users or items keeps each pair's similarity (measures that use only the
    /// pair's own ratings) and the ids in their order.
    #[test]
    fn a_sample_of_rows_keeps_each_pairs_similarity(
        triples in ratings_strategy(), n in 1usize..8, seed in 0u64..1000, item_kind in any::<bool>(),
    ) {
        let r = build(&triples);
        let kind = if item_kind { Kind::Item } else { Kind::User };
        let sample = discount_lab::engine::data::row_sample::sample_rows(&r, kind, n, seed).unwrap();
        let total = r.ids(kind).len();
        prop_assert_eq!(sample.ids(kind).len(), n.min(total));
        let positions: Vec<usize> =
            sample.ids(kind).iter().map(|id| r.ids(kind).iter().position(|x| x == id).unwrap()).collect();
        prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "original order kept");
        for measure in [Measure::Cosine, Measure::Pearson, Measure::Msd, Measure::Jaccard] {
            let p = SimilarityParams::new(kind, measure).check().unwrap();
            let (whole, part) = (compute(&r, None, &p).unwrap(), compute(&sample, None, &p).unwrap());
            for (a, &pa) in positions.iter().enumerate() {
                for (b, &pb) in positions.iter().enumerate() {
                    prop_assert!((part.get(a, b) - whole.get(pa, pb)).abs() < 1e-12);
                }
            }
        }
        prop_assert_eq!(&sample, &discount_lab::engine::data::row_sample::sample_rows(&r, kind, n, seed).unwrap());
    }
}
