//! SVDpp, NMF and CoClustering against scikit-surprise 1.1.5 (fixtures from
//! tests/fixtures/gen_surprise_more_algos.py): the same random_state gives the same predictions,
//! with each explanation showing the same estimate; bad options are errors, never panics.

use discount_lab::engine::data::ratings::{Ratings, Scale};
use discount_lab::engine::format::term;
use discount_lab::engine::predict::{
    predict, AlgoSpec, CoClustering, CoClusteringParams, Explain, Nmf, NmfParams, SvdPp, SvdppParams, Terms, Trainset,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    datasets: Vec<Set>,
}

/// (user, item, true rating, estimate, was_impossible)
type Pred = (String, String, f64, f64, bool);

#[derive(Deserialize)]
struct Set {
    name: String,
    scale: (f64, f64),
    train: Vec<(String, String, f64)>,
    test: Vec<(String, String, f64)>,
    svdpp: Vec<Case<SvdppOptions>>,
    nmf: Vec<Case<NmfOptions>>,
    coclustering: Vec<Case<CoClusteringOptions>>,
}

#[derive(Deserialize)]
struct Case<O> {
    options: O,
    /// `None` where Surprise raised while fitting.
    predictions: Option<Vec<Pred>>,
}

#[derive(Debug, Deserialize)]
struct SvdppOptions {
    n_factors: Option<usize>,
    n_epochs: Option<usize>,
    random_state: u32,
    init_mean: Option<f64>,
    init_std_dev: Option<f64>,
    lr_all: Option<f64>,
    reg_all: Option<f64>,
    lr_bu: Option<f64>,
    lr_bi: Option<f64>,
    lr_pu: Option<f64>,
    lr_qi: Option<f64>,
    lr_yj: Option<f64>,
    reg_bu: Option<f64>,
    reg_bi: Option<f64>,
    reg_pu: Option<f64>,
    reg_qi: Option<f64>,
    reg_yj: Option<f64>,
}

impl SvdppOptions {
    fn params(&self) -> SvdppParams {
        let d = SvdppParams::default();
        SvdppParams {
            n_factors: self.n_factors.unwrap_or(d.n_factors),
            n_epochs: self.n_epochs.unwrap_or(d.n_epochs),
            random_state: self.random_state,
            init_mean: self.init_mean.unwrap_or(d.init_mean),
            init_std_dev: self.init_std_dev.unwrap_or(d.init_std_dev),
            lr_all: self.lr_all.unwrap_or(d.lr_all),
            reg_all: self.reg_all.unwrap_or(d.reg_all),
            lr_bu: self.lr_bu,
            lr_bi: self.lr_bi,
            lr_pu: self.lr_pu,
            lr_qi: self.lr_qi,
            lr_yj: self.lr_yj,
            reg_bu: self.reg_bu,
            reg_bi: self.reg_bi,
            reg_pu: self.reg_pu,
            reg_qi: self.reg_qi,
            reg_yj: self.reg_yj,
        }
    }
}

#[derive(Debug, Deserialize)]
struct NmfOptions {
    n_factors: Option<usize>,
    n_epochs: Option<usize>,
    random_state: u32,
    biased: Option<bool>,
    reg_pu: Option<f64>,
    reg_qi: Option<f64>,
    reg_bu: Option<f64>,
    reg_bi: Option<f64>,
    lr_bu: Option<f64>,
    lr_bi: Option<f64>,
    init_low: Option<f64>,
    init_high: Option<f64>,
}

impl NmfOptions {
    fn params(&self) -> NmfParams {
        let d = NmfParams::default();
        NmfParams {
            n_factors: self.n_factors.unwrap_or(d.n_factors),
            n_epochs: self.n_epochs.unwrap_or(d.n_epochs),
            random_state: self.random_state,
            biased: self.biased.unwrap_or(d.biased),
            reg_pu: self.reg_pu.unwrap_or(d.reg_pu),
            reg_qi: self.reg_qi.unwrap_or(d.reg_qi),
            reg_bu: self.reg_bu.unwrap_or(d.reg_bu),
            reg_bi: self.reg_bi.unwrap_or(d.reg_bi),
            lr_bu: self.lr_bu.unwrap_or(d.lr_bu),
            lr_bi: self.lr_bi.unwrap_or(d.lr_bi),
            init_low: self.init_low.unwrap_or(d.init_low),
            init_high: self.init_high.unwrap_or(d.init_high),
        }
    }
}

#[derive(Debug, Deserialize)]
struct CoClusteringOptions {
    n_cltr_u: Option<usize>,
    n_cltr_i: Option<usize>,
    n_epochs: Option<usize>,
    random_state: u32,
}

impl CoClusteringOptions {
    fn params(&self) -> CoClusteringParams {
        let d = CoClusteringParams::default();
        CoClusteringParams {
            n_cltr_u: self.n_cltr_u.unwrap_or(d.n_cltr_u),
            n_cltr_i: self.n_cltr_i.unwrap_or(d.n_cltr_i),
            n_epochs: self.n_epochs.unwrap_or(d.n_epochs),
            random_state: self.random_state,
        }
    }
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("fixtures/surprise_more_algos.json")).unwrap()
}

fn trainset(set: &Set) -> Trainset {
    let scale = Scale::new(set.scale.0, set.scale.1).unwrap();
    Trainset::new(Ratings::from_triples(set.train.iter().map(|(u, i, r)| (u, i, *r)), scale).unwrap())
}

/// Predicts the set's test pairs and compares with Surprise's, estimate within `eps`; the
/// explanation of each shows the same estimate, and its formula ends with it.
fn check(set: &Set, what: &str, algo: &dyn Explain, train: &Trainset, expected: &[Pred], eps: f64) {
    assert_eq!(set.test.len(), expected.len());
    for ((u, i, r), (eu, ei, er, est, impossible)) in set.test.iter().zip(expected) {
        assert_eq!((u, i, r), (eu, ei, er));
        let p = predict(algo.as_algorithm(), train, u, i, Some(*r));
        assert!((p.est - est).abs() <= eps, "{} {what}: ({u}, {i}) estimated {}, Surprise {est}", set.name, p.est);
        assert_eq!(p.was_impossible(), *impossible, "{} {what}: ({u}, {i}) impossible?", set.name);
        let why = algo.explain(train, u, i);
        assert_eq!(why.est.to_bits(), p.est.to_bits(), "{} {what}: ({u}, {i}) explained", set.name);
        assert_eq!(why.impossible.is_some(), *impossible, "{} {what}: ({u}, {i}) explained fallback", set.name);
        assert!(why.formula.ends_with(&term(p.est)), "{}", why.formula);
    }
}

#[test]
fn svdpp_with_the_same_random_state_matches_surprise_to_1e9() {
    for set in &fixture().datasets {
        let train = trainset(set);
        for case in &set.svdpp {
            let model = SvdPp::fit(&train, &case.options.params().check().unwrap()).unwrap();
            let expected = case.predictions.as_ref().expect("Surprise fitted SVDpp");
            check(set, &format!("SVDpp {:?}", case.options), &model, &train, expected, 1e-9);
        }
    }
}

#[test]
fn nmf_with_the_same_random_state_matches_surprise_to_1e9() {
    for set in &fixture().datasets {
        let train = trainset(set);
        for case in &set.nmf {
            let fitted = Nmf::fit(&train, &case.options.params().check().unwrap());
            match &case.predictions {
                Some(expected) => {
                    check(set, &format!("NMF {:?}", case.options), &fitted.unwrap(), &train, expected, 1e-9)
                }
                None => assert!(fitted.is_err(), "{} NMF {:?}: Surprise raised", set.name, case.options),
            }
        }
    }
}

#[test]
fn coclustering_with_the_same_random_state_matches_surprise_to_1e12() {
    for set in &fixture().datasets {
        let train = trainset(set);
        for case in &set.coclustering {
            let model = CoClustering::fit(&train, &case.options.params().check().unwrap()).unwrap();
            let expected = case.predictions.as_ref().expect("Surprise fitted CoClustering");
            check(set, &format!("CoClustering {:?}", case.options), &model, &train, expected, 1e-12);
        }
    }
}

#[test]
fn each_is_deterministic_for_a_seed_and_changes_with_it() {
    let fx = fixture();
    let train = trainset(&fx.datasets[0]);
    let svdpp =
        |seed| SvdPp::fit(&train, &SvdppParams::new().n_factors(4).random_state(seed).check().unwrap()).unwrap();
    assert_eq!(svdpp(9), svdpp(9));
    assert_ne!(svdpp(9), svdpp(10));
    let nmf = |seed| Nmf::fit(&train, &NmfParams::new().random_state(seed).check().unwrap()).unwrap();
    assert_eq!(nmf(9), nmf(9));
    assert_ne!(nmf(9), nmf(10));
    let cc = |seed| CoClustering::fit(&train, &CoClusteringParams::new().random_state(seed).check().unwrap()).unwrap();
    assert_eq!(cc(9), cc(9));
    assert_ne!(cc(9), cc(10));
}

#[test]
fn bad_options_are_errors_naming_the_option() {
    let name = |e: discount_lab::engine::error::EngineError| e.to_string();
    assert!(name(SvdppParams::new().n_factors(1001).check().unwrap_err()).contains("n_factors"));
    assert!(name(SvdppParams::new().lr_yj(-1.0).check().unwrap_err()).contains("lr_yj"));
    assert!(name(SvdppParams::new().init_mean(f64::NAN).check().unwrap_err()).contains("init_mean"));
    assert!(name(NmfParams::new().init_low(-0.5).check().unwrap_err()).contains("init_low"));
    assert!(name(NmfParams::new().init_high(f64::INFINITY).check().unwrap_err()).contains("init_high"));
    assert!(name(NmfParams::new().n_epochs(1001).check().unwrap_err()).contains("n_epochs"));
    assert!(name(CoClusteringParams::new().n_cltr_u(0).check().unwrap_err()).contains("n_cltr_u"));
    assert!(name(CoClusteringParams::new().n_cltr_i(1001).check().unwrap_err()).contains("n_cltr_i"));
}

#[test]
fn a_diverging_fit_is_an_error_not_a_nan() {
    let scale = Scale::new(-1e6, 1e6).unwrap();
    let triples = [("a", "x", 1e6), ("a", "y", -1e6), ("b", "x", -1e6), ("b", "y", 1e6), ("c", "x", 1e6)];
    let train = Trainset::new(Ratings::from_triples(triples, scale).unwrap());
    let svdpp = SvdPp::fit(&train, &SvdppParams::new().lr_all(0.5).check().unwrap());
    assert!(svdpp.is_err(), "{svdpp:?}");
}

#[test]
fn nmf_leaves_the_factors_of_zero_ratings_at_zero() {
    // Surprise's comment: a user with only 0 ratings gets factors 0, skipped from then on.
    let zero = Scale::new(0.0, 5.0).unwrap();
    let triples = [("a", "x", 0.0), ("b", "x", 0.0), ("b", "y", 4.0)];
    let train = Trainset::new(Ratings::from_triples(triples, zero).unwrap());
    let nmf = Nmf::fit(&train, &NmfParams::new().reg_pu(0.0).reg_qi(0.0).check().unwrap()).unwrap();
    assert!(nmf.pu(0).unwrap().iter().all(|&p| p == 0.0));
    assert_eq!(predict(&nmf, &train, "a", "y", None).est, 0.0);
    assert!(predict(&nmf, &train, "b", "y", None).est > 3.0);
}

#[test]
fn explanations_name_the_algorithm_and_add_up() {
    let fx = fixture();
    let set = &fx.datasets[0];
    let train = trainset(set);
    let (u, i) = (&set.train[0].0, &set.train[0].1);
    let specs = [
        AlgoSpec::SvdPp(SvdppParams::new().n_factors(5).check().unwrap()),
        AlgoSpec::Nmf(NmfParams::new().biased(true).check().unwrap()),
        AlgoSpec::CoClustering(CoClusteringParams::new().check().unwrap()),
    ];
    for spec in &specs {
        let model = discount_lab::engine::predict::fit_explainable(spec, &train).unwrap();
        let why = model.explain(&train, u, i);
        let sum = match &why.terms {
            Terms::SvdPp(t) => t.biases.value + t.explicit.unwrap() + t.implicit.unwrap(),
            Terms::Nmf(t) => t.biases.value + t.dot.unwrap(),
            Terms::CoClustering(t) => {
                t.cocluster_mean.unwrap() + t.user_mean.unwrap() - t.user_cluster_mean.unwrap() + t.item_mean.unwrap()
                    - t.item_cluster_mean.unwrap()
            }
            other => panic!("{}: {other:?}", spec.name()),
        };
        assert!((sum - why.raw).abs() < 1e-12, "{}: {sum} against {}", spec.name(), why.raw);
        let stranger = model.explain(&train, "nobody", i);
        assert!(stranger.formula.starts_with(&format!("{:.2}", train.global_mean())) || stranger.impossible.is_some());
    }
}
