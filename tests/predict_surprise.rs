//! k-NN and baseline predictions, and their explanations, against scikit-surprise 1.1.5
//! (tests/fixtures/gen_surprise_predict.py), and NormalPredictor's seeding and moments.

use std::collections::BTreeMap;

use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
use discount_lab::engine::predict::{
    predict, Algorithm, BaselineOnly, BaselineOnlyParams, BaselineOptions, Explain, Knn, KnnParams, KnnVariant,
    NormalPredictor, SgdBaselineParams, Terms, Trainset,
};
use discount_lab::engine::similarity::baselines::AlsBaselineParams;
use discount_lab::engine::similarity::Measure;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Fixture {
    datasets: Vec<FixtureSet>,
}

#[derive(Deserialize)]
struct FixtureSet {
    name: String,
    scale: (f64, f64),
    ratings: Vec<(String, String, f64)>,
    testset: Vec<(String, String)>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    algo: String,
    kind: Option<String>,
    measure: Option<String>,
    k: Option<usize>,
    min_k: Option<usize>,
    min_support: Option<usize>,
    shrinkage: Option<f64>,
    bsl_options: BTreeMap<String, Value>,
    est: Vec<f64>,
    was_impossible: Vec<bool>,
    reason: Vec<Option<String>>,
    actual_k: Vec<Option<usize>>,
}

/// Surprise's `bsl_options` dict as our options (absent keys take Surprise's defaults).
fn baseline_options(bsl: &BTreeMap<String, Value>) -> BaselineOptions {
    let num = |key: &str| bsl.get(key).and_then(Value::as_f64);
    let method = bsl.get("method").and_then(Value::as_str).unwrap_or("als");
    match BaselineOptions::from_method(method).unwrap() {
        BaselineOptions::Als(d) => BaselineOptions::Als(AlsBaselineParams {
            n_epochs: num("n_epochs").map_or(d.n_epochs, |v| v as usize),
            reg_u: num("reg_u").unwrap_or(d.reg_u),
            reg_i: num("reg_i").unwrap_or(d.reg_i),
        }),
        BaselineOptions::Sgd(d) => BaselineOptions::Sgd(SgdBaselineParams {
            n_epochs: num("n_epochs").map_or(d.n_epochs, |v| v as usize),
            reg: num("reg").unwrap_or(d.reg),
            learning_rate: num("learning_rate").unwrap_or(d.learning_rate),
        }),
    }
}

fn fit(case: &Case, train: &Trainset) -> Box<dyn Explain> {
    let baseline = baseline_options(&case.bsl_options);
    if case.algo == "BaselineOnly" {
        let params = BaselineOnlyParams::new().baseline(baseline).check().unwrap();
        return Box::new(BaselineOnly::fit(train, &params));
    }
    let kind = if case.kind.as_deref() == Some("user") { Kind::User } else { Kind::Item };
    let params = KnnParams::new(KnnVariant::from_name(&case.algo).unwrap())
        .k(case.k.unwrap())
        .min_k(case.min_k.unwrap())
        .kind(kind)
        .measure(case.measure.as_deref().unwrap().parse::<Measure>().unwrap())
        .min_support(case.min_support.unwrap())
        .shrinkage(case.shrinkage.unwrap())
        .baseline(baseline)
        .check()
        .unwrap();
    Box::new(Knn::fit(train, &params).unwrap())
}

#[test]
fn knn_and_baseline_only_match_scikit_surprise() {
    let fixture: Fixture = serde_json::from_str(include_str!("fixtures/surprise_predictions.json")).unwrap();
    let (mut checked, mut impossible, mut worst) = (0, 0, 0.0f64);
    for set in &fixture.datasets {
        let scale = Scale::new(set.scale.0, set.scale.1).unwrap();
        let ratings = Ratings::from_triples(set.ratings.iter().map(|(u, i, r)| (u, i, *r)), scale).unwrap();
        let train = Trainset::new(ratings);
        for case in &set.cases {
            let algo = fit(case, &train);
            for (t, (user, item)) in set.testset.iter().enumerate() {
                let p = predict(algo.as_algorithm(), &train, user, item, None);
                let what = format!(
                    "{} {} {:?} {:?} k={:?} min_k={:?} min_support={:?} shrinkage={:?} bsl={:?}: ({user}, {item})",
                    set.name,
                    case.algo,
                    case.kind,
                    case.measure,
                    case.k,
                    case.min_k,
                    case.min_support,
                    case.shrinkage,
                    case.bsl_options
                );
                let diff = (p.est - case.est[t]).abs();
                worst = worst.max(diff);
                assert!(diff <= 1e-9, "{what}: est {} but Surprise {}", p.est, case.est[t]);
                assert_eq!(p.was_impossible(), case.was_impossible[t], "{what}: was_impossible");
                assert_eq!(p.impossible.map(|why| why.message().to_string()), case.reason[t], "{what}: reason");
                assert_eq!(p.actual_k, case.actual_k[t], "{what}: actual_k");
                // The explanation shows Surprise's estimate, and its terms add up to it.
                let why = algo.explain(&train, user, item);
                assert!(
                    (why.est - case.est[t]).abs() <= 1e-9,
                    "{what}: explained {} but Surprise {}",
                    why.est,
                    case.est[t]
                );
                assert_eq!(why.actual_k, case.actual_k[t], "{what}: explained actual_k");
                assert_eq!(why.impossible.is_some(), case.was_impossible[t], "{what}: explained fallback");
                let terms = match &why.terms {
                    Terms::Knn(k) if why.impossible.is_none() => {
                        k.base + k.neighbours.iter().map(|n| n.contribution).sum::<f64>()
                    }
                    Terms::Baseline(b) => b.value,
                    _ => why.raw,
                };
                assert!((terms - why.raw).abs() <= 1e-9, "{what}: terms add up to {terms}, not {}", why.raw);
                checked += 1;
                impossible += p.was_impossible() as usize;
            }
        }
    }
    assert!(checked > 20_000, "only {checked} predictions checked");
    assert!(impossible > 1_000, "only {impossible} impossible predictions checked");
    assert!(worst <= 1e-9, "largest difference {worst}");
}

fn small_train() -> Trainset {
    let triples = [
        ("ann", "tea", 5.0),
        ("bob", "tea", 3.0),
        ("ann", "jam", 4.0),
        ("cy", "jam", 1.0),
        ("cy", "tea", 2.0),
        ("dee", "cake", 3.5),
    ];
    Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap())
}

#[test]
fn normal_predictor_same_seed_same_predictions() {
    let train = small_train();
    let draw = |algo: &NormalPredictor| -> Vec<f64> {
        (0..50).map(|k| predict(algo, &train, ["ann", "bob", "zed"][k % 3], "tea", None).est).collect()
    };
    let (a, b, c) = (NormalPredictor::fit(&train, 7), NormalPredictor::fit(&train, 7), NormalPredictor::fit(&train, 8));
    let first = draw(&a);
    assert_eq!(first, draw(&b));
    assert_ne!(first, draw(&c));
    a.reseed(7);
    assert_eq!(first, draw(&a));
    // Unknown users and items are never impossible: the estimate ignores them.
    assert!(!predict(&a, &train, "zed", "pie", None).was_impossible());
}

#[test]
fn normal_predictor_moments() {
    let train = small_train();
    let algo = NormalPredictor::fit(&train, 42);
    // Ratings 5, 3, 4, 1, 2, 3.5: mean 18.5 / 6, Σ(r − μ)² = Σr² − (Σr)² / n = 67.25 − 18.5² / 6.
    let mu = 18.5 / 6.0;
    approx::assert_abs_diff_eq!(algo.mu(), mu, epsilon = 1e-12);
    approx::assert_abs_diff_eq!(algo.sigma(), ((67.25 - 18.5 * 18.5 / 6.0) / 6.0f64).sqrt(), epsilon = 1e-12);
    // The raw draws (before clipping) have that mean and deviation.
    let n = 20_000;
    let draws: Vec<f64> = (0..n).map(|_| algo.estimate(Some(0), Some(0)).unwrap().value).collect();
    let mean = draws.iter().sum::<f64>() / n as f64;
    let sd = (draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64).sqrt();
    approx::assert_abs_diff_eq!(mean, mu, epsilon = 0.05);
    approx::assert_abs_diff_eq!(sd, algo.sigma(), epsilon = 0.05);
}

#[test]
fn bad_parameters_are_errors() {
    assert!(KnnParams::new(KnnVariant::Basic).k(0).check().is_err());
    assert!(KnnParams::new(KnnVariant::Basic).measure(Measure::AttributeJaccard).check().is_err());
    assert!(KnnParams::new(KnnVariant::Basic).shrinkage(f64::NAN).check().is_err());
    let bad_sgd = BaselineOptions::Sgd(SgdBaselineParams { learning_rate: -1.0, ..SgdBaselineParams::default() });
    assert!(BaselineOnlyParams::new().baseline(bad_sgd).check().is_err());
    assert!(BaselineOptions::from_method("newton").is_err());
    assert!(KnnVariant::from_name("KNNZ").is_err());
    assert_eq!(KnnVariant::from_name("knnbaseline").unwrap(), KnnVariant::Baseline);
}

#[test]
fn knn_basic_with_min_k_zero_is_impossible_without_neighbours() {
    // Surprise divides 0 by 0 here; we report "Not enough neighbors." instead.
    let train = small_train();
    let params = KnnParams::new(KnnVariant::Basic).min_k(0).check().unwrap();
    let knn = Knn::fit(&train, &params).unwrap();
    let p = predict(&knn, &train, "dee", "tea", None);
    assert!(p.was_impossible());
}
