//! MovieLens-100k (read from ../shared, never copied): sampled similarities against
//! scikit-surprise 1.1.5 (tests/fixtures/gen_surprise_ml100k.py). Skips when the data is absent.

mod common;

use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
use discount_lab::engine::data::ratings::Kind;
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    kind: String,
    measure: String,
    pairs: Vec<(String, String, f64)>,
}

#[test]
fn ml100k_similarities_match_scikit_surprise() {
    let Some(files) = common::movielens("movielens", &["u.data"]) else { return };
    let bytes = &files[0];
    let ratings = parse_ratings(bytes, &ParseOptions::default()).unwrap().ratings;
    assert_eq!((ratings.n_users(), ratings.n_items(), ratings.len()), (943, 1682, 100_000));
    let fixture: Fixture = serde_json::from_str(include_str!("fixtures/surprise_ml100k_pairs.json")).unwrap();
    for case in fixture.cases {
        let kind = if case.kind == "user" { Kind::User } else { Kind::Item };
        let params = SimilarityParams::new(kind, case.measure.parse::<Measure>().unwrap()).check().unwrap();
        let m = compute(&ratings, None, &params).unwrap();
        for (a, b, expected) in case.pairs {
            let ia = m.ids.iter().position(|x| *x == a).unwrap();
            let ib = m.ids.iter().position(|x| *x == b).unwrap();
            let got = m.get(ia, ib);
            assert!(
                (got - expected).abs() <= 1e-6,
                "{} {} ({a}, {b}): {got} vs Surprise {expected}",
                case.kind,
                case.measure
            );
        }
    }
}
