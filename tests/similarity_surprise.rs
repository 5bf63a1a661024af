//! Every Surprise measure against scikit-surprise 1.1.5 fixtures (tests/fixtures/gen_surprise.py).

use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    datasets: Vec<FixtureSet>,
}

#[derive(Deserialize)]
struct FixtureSet {
    name: String,
    scale: (f64, f64),
    ratings: Vec<(String, String, f64)>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    kind: String,
    measure: String,
    min_support: usize,
    shrinkage: f64,
    ids: Vec<String>,
    matrix: Vec<Vec<f64>>,
}

#[test]
fn every_measure_matches_scikit_surprise_to_1e6() {
    let text = include_str!("fixtures/surprise_similarity.json");
    let fixture: Fixture = serde_json::from_str(text).unwrap();
    let mut checked = 0;
    for set in &fixture.datasets {
        let scale = Scale::new(set.scale.0, set.scale.1).unwrap();
        let ratings = Ratings::from_triples(set.ratings.iter().map(|(u, i, r)| (u, i, *r)), scale).unwrap();
        for case in &set.cases {
            let kind = if case.kind == "user" { Kind::User } else { Kind::Item };
            let params = SimilarityParams::new(kind, case.measure.parse::<Measure>().unwrap())
                .min_support(case.min_support)
                .shrinkage(case.shrinkage)
                .check()
                .unwrap();
            let m = compute(&ratings, None, &params).unwrap();
            // Surprise numbers ids by first appearance, as we do.
            assert_eq!(m.ids, case.ids, "{} {}: id order", set.name, case.kind);
            for (a, row) in case.matrix.iter().enumerate() {
                for (b, expected) in row.iter().enumerate() {
                    let got = m.get(a, b);
                    assert!(
                        (got - expected).abs() <= 1e-6,
                        "{} {} {} min_support={} shrinkage={}: [{},{}] = {got}, Surprise {expected}",
                        set.name,
                        case.kind,
                        case.measure,
                        case.min_support,
                        case.shrinkage,
                        case.ids[a],
                        case.ids[b]
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} values checked");
}
