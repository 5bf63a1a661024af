//! Explanations' terms add up to their estimate, for every algorithm and option. (That the
//! estimates themselves are scikit-surprise's is checked in predict_surprise.rs and
//! predict_svd_slopeone.rs, explanations included.)

use discount_lab::engine::data::ratings::{Ratings, Scale};
use discount_lab::engine::data::samples::{shop, ShopParams};
use discount_lab::engine::predict::{
    fit_explainable, AlgoSpec, CoClusteringParams, Impossible, NmfParams, PredictionExplanation, SvdParams, Terms,
    Trainset, ALGO_NAMES,
};
use discount_lab::options::algo::AlgoOptions;

fn spec(algo: &str, kind: Option<&str>, measure: Option<&str>, min_k: Option<usize>) -> AlgoSpec {
    AlgoOptions {
        algo: algo.into(),
        kind: kind.map(|k| k.parse().unwrap()),
        measure: measure.map(|m| m.parse().unwrap()),
        min_k,
        k: Some(10),
        factors: Some(8),
        seed: Some(3),
        ..Default::default()
    }
    .check()
    .unwrap()
}

/// Every algorithm with its defaults, item-based and Pearson k-NN, k-NN starved by a
/// large `min_k`, an unbiased SVD, a biased NMF and a 4 × 2 co-clustering.
fn specs() -> Vec<AlgoSpec> {
    let mut all: Vec<AlgoSpec> = ALGO_NAMES.iter().map(|a| spec(a, None, None, None)).collect();
    for algo in ["knn-basic", "knn-means", "knn-zscore", "knn-baseline"] {
        all.push(spec(algo, Some("item"), Some("pearson"), None));
        all.push(spec(algo, Some("user"), Some("pearson_baseline"), Some(3)));
        all.push(spec(algo, None, None, Some(1000)));
    }
    all.push(unbiased_svd());
    all.push(AlgoSpec::Nmf(NmfParams::new().n_factors(4).biased(true).check().unwrap()));
    all.push(AlgoSpec::CoClustering(CoClusteringParams::new().n_cltr_u(4).n_cltr_i(2).check().unwrap()));
    all
}

fn unbiased_svd() -> AlgoSpec {
    AlgoSpec::Svd(SvdParams::new().n_factors(5).biased(false).check().unwrap())
}

/// The explanation's own consistency: weights, contributions and the formula.
fn check_terms(why: &PredictionExplanation, context: &str) {
    assert!(why.formula.ends_with(&format!("{:.2}", why.est).replace('-', "−")), "{context}: {}", why.formula);
    if why.impossible.is_some() {
        assert_eq!(why.raw.to_bits(), why.global_mean.to_bits(), "{context}");
        return;
    }
    let close = |a: f64, b: f64, what: &str| assert!((a - b).abs() <= 1e-12, "{context}: {what} {a} vs {b}");
    match &why.terms {
        Terms::Knn(t) => {
            assert_eq!(why.actual_k.unwrap_or(0), t.actual_k, "{context}");
            assert!(t.neighbours.len() <= t.k);
            let used = !t.min_k_cut && !t.neighbours.is_empty();
            let weights: f64 = t.neighbours.iter().map(|n| n.weight).sum();
            if used {
                close(weights, 1.0, "Σ weights");
                assert!(t.neighbours.windows(2).all(|w| w[0].similarity >= w[1].similarity));
            } else {
                assert_eq!(weights, 0.0);
                assert_eq!(t.base.to_bits(), why.raw.to_bits(), "{context}: base without neighbours");
            }
            let contributions: f64 = t.neighbours.iter().map(|n| n.contribution).sum();
            close(t.base + contributions, why.raw, "base + Σ contributions");
        }
        Terms::Baseline(b) => assert_eq!(b.value.to_bits(), why.raw.to_bits(), "{context}"),
        Terms::Svd(s) | Terms::Nmf(s) => {
            let biases = if s.biased { s.biases.value } else { 0.0 };
            close(biases + s.dot.unwrap_or(0.0), why.raw, "μ + b_u + b_i + q·p");
            if let (Some(dot), 3..) = (s.dot, s.top_factors.len()) {
                assert!(s.top_factors[0].product.abs() >= s.top_factors[2].product.abs());
                assert!(dot.is_finite());
                // The three listed and the rest, said in the panel, make q_i·p_u.
                let listed: f64 = s.top_factors.iter().map(|f| f.product).sum();
                close(listed + s.other_factors.unwrap(), dot, "listed factors + the others");
            }
            if s.dot.is_some() {
                assert!(s.n_factors > s.top_factors.len(), "{context}: {} factors", s.n_factors);
            }
        }
        Terms::SlopeOne(s) => {
            let n = s.deviations.len() as f64;
            let devs: f64 = s.deviations.iter().map(|d| d.deviation / n).sum();
            close(s.user_mean.unwrap() + if n > 0.0 { devs } else { 0.0 }, why.raw, "μ_u + mean dev");
            assert!(s.deviations.iter().all(|d| d.support > 0));
        }
        Terms::SvdPp(s) => {
            let sum = s.biases.value + s.explicit.unwrap_or(0.0) + s.implicit.unwrap_or(0.0);
            close(sum, why.raw, "μ + b_u + b_i + q·p + q·|I_u|^−½Σy");
            assert_eq!(s.explicit.is_some(), s.n_rated > 0 && s.biases.item_bias.is_some(), "{context}");
        }
        Terms::CoClustering(c) => {
            match (c.cocluster_mean, c.user_mean, c.user_cluster_mean, c.item_mean, c.item_cluster_mean) {
                (Some(a), Some(b), Some(d), Some(e), Some(f)) => {
                    close(a + b - d + e - f, why.raw, "C̄ + μ_u − C̄_u + μ_i − C̄_i")
                }
                _ => assert_eq!(why.raw.to_bits(), why.global_mean.to_bits(), "{context}: a stranger gets μ"),
            }
        }
        Terms::Normal(n) => {
            assert!(n.random);
            close(n.mu + n.sigma * n.z, why.raw, "μ + σ·z");
        }
    }
}

/// For every spec and pair: the terms add up, an unbiased SVD says so, and the explanation
/// survives JSON.
fn check_all(train: &Trainset, pairs: &[(String, String)]) -> usize {
    let mut checked = 0;
    for spec in specs() {
        let explainer = fit_explainable(&spec, train).unwrap();
        for (u, i) in pairs {
            let why = explainer.explain(train, u, i);
            let context = format!("{} {u} {i}", spec.name());
            check_terms(&why, &context);
            if let (Terms::Svd(terms), None) = (&why.terms, why.impossible) {
                assert_eq!(terms.biased, spec != unbiased_svd(), "{context}");
            }
            let json = serde_json::to_string(&why).unwrap();
            let back: PredictionExplanation = serde_json::from_str(&json).unwrap();
            assert_eq!((back.formula, back.impossible), (why.formula.clone(), why.impossible));
            checked += 1;
        }
    }
    checked
}

#[test]
fn explanation_terms_add_up_on_the_shop_sample() {
    let train = Trainset::new(shop(&ShopParams { seed: 11, customers: 60, products: 24 }).ratings);
    let r = train.ratings();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for u in r.user_ids().iter().take(12) {
        for i in r.item_ids() {
            pairs.push((u.clone(), i.clone()));
        }
    }
    pairs.push(("nobody".into(), r.item_ids()[0].clone()));
    pairs.push((r.user_ids()[0].clone(), "no such product".into()));
    pairs.push(("nobody".into(), "no such product".into()));
    assert!(check_all(&train, &pairs) > 1000);
}

#[test]
fn unknown_users_and_starved_neighbourhoods_are_explained() {
    let train = Trainset::new(shop(&ShopParams::default()).ratings);
    let item = train.ratings().item_ids()[0].clone();
    let user = train.ratings().user_ids()[0].clone();

    let basic = fit_explainable(&spec("knn-basic", None, None, Some(1000)), &train).unwrap();
    let why = basic.explain(&train, &user, &item);
    assert_eq!(why.impossible, Some(Impossible::NotEnoughNeighbours));
    let Terms::Knn(t) = &why.terms else { panic!("k-NN terms") };
    assert!(t.min_k_cut);

    let means = fit_explainable(&spec("knn-means", None, None, Some(1000)), &train).unwrap();
    let why = means.explain(&train, &user, &item);
    assert_eq!(why.impossible, None);
    let Terms::Knn(t) = &why.terms else { panic!("k-NN terms") };
    assert!(t.min_k_cut && t.neighbours.iter().all(|n| n.weight == 0.0));
    assert_eq!(Some(why.raw), t.mean);

    let baseline = fit_explainable(&spec("knn-baseline", None, None, None), &train).unwrap();
    let why = baseline.explain(&train, "nobody", &item);
    assert_eq!(why.impossible, None);
    let Terms::Knn(t) = &why.terms else { panic!("k-NN terms") };
    let b = t.baseline.unwrap();
    assert_eq!((b.user_bias, why.raw.to_bits()), (None, b.value.to_bits()));

    for algo in ["knn-means", "slope-one"] {
        let why = fit_explainable(&spec(algo, None, None, None), &train).unwrap().explain(&train, "nobody", &item);
        assert_eq!(why.impossible, Some(Impossible::UnknownUserOrItem), "{algo}");
        assert_eq!(why.formula, format!("{:.2}", train.global_mean()));
    }
}

#[test]
fn the_formula_shows_the_worked_numbers() {
    // u rated a 4 and b 2; v and w rated like u and rated x.
    let triples = [
        ("u", "a", 4.0),
        ("u", "b", 2.0),
        ("v", "a", 4.0),
        ("v", "b", 2.0),
        ("v", "x", 5.0),
        ("w", "a", 5.0),
        ("w", "b", 1.0),
        ("w", "x", 3.0),
    ];
    let train = Trainset::new(Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap());
    let algo = fit_explainable(&spec("knn-basic", None, Some("cosine"), None), &train).unwrap();
    let why = algo.explain(&train, "u", "x");
    let Terms::Knn(t) = &why.terms else { panic!("k-NN terms") };
    let ids: Vec<&str> = t.neighbours.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["v", "w"]);
    approx::assert_abs_diff_eq!(t.neighbours[0].similarity, 1.0, epsilon = 1e-12);
    approx::assert_abs_diff_eq!(t.neighbours[1].similarity, 22.0 / (20f64.sqrt() * 26f64.sqrt()), epsilon = 1e-12);
    assert_eq!(why.formula, format!("(1.00·5 + 0.96·3) / (1.00 + 0.96) = {:.2}", why.est));
    let means = fit_explainable(&spec("knn-means", None, Some("cosine"), None), &train).unwrap();
    assert_eq!(
        means.explain(&train, "u", "x").formula,
        "3.00 + (1.00·(5 − 3.67) + 0.96·(3 − 3.00)) / (1.00 + 0.96) = 3.68"
    );
}
