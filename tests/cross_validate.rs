//! Cross-validation, grid search and recommendations on the synthetic shop.

use std::cell::Cell;

use approx::assert_abs_diff_eq;
use discount_lab::engine::data::samples::{shop, ShopParams};
use discount_lab::engine::error::EngineError;
use discount_lab::engine::evaluate::{
    cross_validate, grid_search, CvReport, Fold, KFold, Outcome, TopNParams, ValidTopNParams, MAX_GRID_COMBINATIONS,
};
use discount_lab::engine::predict::{recommend, AlgoSpec, Trainset};
use discount_lab::engine::similarity::Measure;
use discount_lab::options::algo::{AlgoOptions, GridParams};

/// A small shop, so that debug-mode tests stay quick.
fn folds(n_splits: usize) -> Vec<Fold> {
    let data = shop(&ShopParams { seed: 7, customers: 60, products: 30 });
    KFold::new().n_splits(n_splits).random_state(3).check().unwrap().split(&data.ratings).unwrap()
}

fn top() -> ValidTopNParams {
    TopNParams::new().k(5).check().unwrap()
}

fn spec(opts: AlgoOptions) -> AlgoSpec {
    opts.check().unwrap()
}

fn knn() -> AlgoSpec {
    spec(AlgoOptions { algo: "knn-means".into(), k: Some(5), ..Default::default() })
}

fn svd() -> AlgoSpec {
    spec(AlgoOptions { algo: "svd".into(), factors: Some(4), epochs: Some(5), seed: Some(1), ..Default::default() })
}

/// A clock that advances 1 ms per reading.
fn ticking() -> impl Fn() -> f64 {
    let t = Cell::new(0.0);
    move || {
        t.set(t.get() + 1.0);
        t.get()
    }
}

fn run(spec: &AlgoSpec, folds: &[Fold]) -> Outcome<CvReport> {
    cross_validate(spec, folds, &top(), &ticking(), &mut |_| true).unwrap()
}

#[test]
fn same_seed_same_numbers() {
    for s in [knn(), svd()] {
        let a = run(&s, &folds(3));
        let b = run(&s, &folds(3));
        assert_eq!(a, b);
        let r = a.complete().unwrap();
        assert_eq!(r.algo, s.name());
        assert_eq!(r.folds.len(), 3);
        for f in &r.folds {
            assert!(f.scores.rmse > 0.0 && f.scores.rmse < 4.0);
            assert!(f.scores.mae > 0.0 && f.scores.mae <= f.scores.rmse + 1e-12);
            assert!(f.scores.fcp.is_some_and(|x| (0.0..=1.0).contains(&x)));
            for m in [f.scores.precision, f.scores.recall, f.scores.ndcg] {
                assert!((0.0..=1.0).contains(&m));
            }
            // The ticking clock: one reading before and after the fit, one after predicting.
            assert_eq!(f.scores.fit_ms, 1.0);
            assert_eq!(f.scores.test_ms, 1.0);
        }
    }
}

#[test]
fn folds_cover_the_ratings() {
    let fs = folds(3);
    let r = run(&knn(), &fs).complete().unwrap();
    let n: usize = r.folds.iter().map(|f| f.n_test).sum();
    assert_eq!(n, fs[0].trainset.ratings().len() + fs[0].testset.len());
    assert_eq!(r.folds.iter().map(|f| f.fold).collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn means_are_the_means_of_the_folds() {
    let r = run(&svd(), &folds(3)).complete().unwrap();
    let mean = |f: fn(&discount_lab::engine::evaluate::FoldResult) -> f64| r.folds.iter().map(f).sum::<f64>() / 3.0;
    assert_abs_diff_eq!(r.mean.rmse, mean(|f| f.scores.rmse), epsilon = 1e-12);
    assert_abs_diff_eq!(r.mean.mae, mean(|f| f.scores.mae), epsilon = 1e-12);
    assert_abs_diff_eq!(r.mean.fcp.unwrap(), mean(|f| f.scores.fcp.unwrap()), epsilon = 1e-12);
    assert_abs_diff_eq!(r.mean.precision, mean(|f| f.scores.precision), epsilon = 1e-12);
    assert_abs_diff_eq!(r.mean.recall, mean(|f| f.scores.recall), epsilon = 1e-12);
    assert_abs_diff_eq!(r.mean.ndcg, mean(|f| f.scores.ndcg), epsilon = 1e-12);
    assert_abs_diff_eq!(r.mean.fit_ms, 1.0, epsilon = 1e-12);
    let m = r.mean.rmse;
    let var = r.folds.iter().map(|f| (f.scores.rmse - m).powi(2)).sum::<f64>() / 3.0;
    assert_abs_diff_eq!(r.std.rmse, var.sqrt(), epsilon = 1e-12);
    assert_eq!(r.std.fit_ms, 0.0);
}

#[test]
fn report_serialises() {
    let out = run(&knn(), &folds(2));
    let json = serde_json::to_value(&out).unwrap();
    assert_eq!(json["outcome"], "complete");
    assert_eq!(json["report"]["algo"], "knn-means");
    assert_eq!(json["report"]["folds"].as_array().unwrap().len(), 2);
}

#[test]
fn progress_once_per_fold() {
    let fs = folds(4);
    let mut seen = Vec::new();
    let out = cross_validate(&knn(), &fs, &top(), &ticking(), &mut |p| {
        assert_eq!(p.report.folds.len(), p.done);
        seen.push((p.done, p.total));
        true
    })
    .unwrap();
    assert!(!out.is_cancelled());
    assert_eq!(seen, [(1, 4), (2, 4), (3, 4), (4, 4)]);
}

#[test]
fn cancelling_after_the_first_fold_stops() {
    let fs = folds(4);
    let mut calls = 0;
    let out = cross_validate(&knn(), &fs, &top(), &ticking(), &mut |_| {
        calls += 1;
        false
    })
    .unwrap();
    assert_eq!(calls, 1);
    assert!(out.is_cancelled());
    let partial = out.into_report();
    assert_eq!(partial.folds.len(), 1);
    assert_abs_diff_eq!(partial.mean.rmse, partial.folds[0].scores.rmse, epsilon = 1e-12);
    // The first fold is the same as in a full run.
    let full = run(&knn(), &fs).complete().unwrap();
    assert_eq!(partial.folds[0], full.folds[0]);
}

#[test]
fn bad_folds_are_errors() {
    assert!(matches!(
        cross_validate(&knn(), &[], &top(), &ticking(), &mut |_| true),
        Err(EngineError::InvalidParameter { name: "folds", .. })
    ));
    let mut fs = folds(2);
    fs[1].testset.clear();
    let err = cross_validate(&knn(), &fs, &top(), &ticking(), &mut |_| true).unwrap_err();
    assert!(err.to_string().contains("fold 2"), "{err}");
}

#[test]
fn grid_search_ranks_every_combination() {
    let fs = folds(2);
    let base = AlgoOptions { algo: "svd".into(), seed: Some(1), ..Default::default() };
    let grid = GridParams::new(base).factors(vec![2, 6]).epochs(vec![1, 4, 8]).k(vec![3, 5]).check().unwrap();
    assert_eq!(grid.len(), 6);
    assert_eq!(grid.ignored(), ["k"]);
    let mut seen = Vec::new();
    let out = grid_search(&grid, &fs, &top(), &ticking(), &mut |p| {
        seen.push((p.done, p.total));
        true
    })
    .unwrap();
    assert_eq!(seen, (1..=12).map(|d| (d, 12)).collect::<Vec<_>>());
    let report = out.complete().unwrap();
    assert_eq!(report.algo, "svd");
    assert_eq!(report.results.len(), 6);
    assert!(report.results.windows(2).all(|w| w[0].report.mean.rmse <= w[1].report.mean.rmse));
    assert_eq!(report.best().unwrap(), &report.results[0]);
    // Each combination equals a cross-validation of the same options.
    for r in &report.results {
        assert_eq!(r.point.k, None);
        let alone = spec(AlgoOptions {
            algo: "svd".into(),
            seed: Some(1),
            factors: r.point.factors,
            epochs: r.point.epochs,
            ..Default::default()
        });
        assert_eq!(run(&alone, &fs).complete().unwrap().folds.len(), 2);
        assert_abs_diff_eq!(run(&alone, &fs).into_report().mean.rmse, r.report.mean.rmse, epsilon = 1e-12);
    }
    let mut points: Vec<_> =
        report.results.iter().map(|r| (r.point.factors.unwrap(), r.point.epochs.unwrap())).collect();
    points.sort();
    assert_eq!(points, [(2, 1), (2, 4), (2, 8), (6, 1), (6, 4), (6, 8)]);
}

#[test]
fn grid_search_over_knn_and_its_order() {
    let base = AlgoOptions { algo: "knn-basic".into(), ..Default::default() };
    let grid = GridParams::new(base).k(vec![2, 5]).measure(vec![Measure::Msd, Measure::Cosine]).check().unwrap();
    let order: Vec<_> = grid.points().iter().map(|(p, _)| (p.k.unwrap(), p.measure.unwrap())).collect();
    assert_eq!(order, [(2, Measure::Msd), (2, Measure::Cosine), (5, Measure::Msd), (5, Measure::Cosine)]);
    let report = grid_search(&grid, &folds(2), &top(), &ticking(), &mut |_| true).unwrap().complete().unwrap();
    assert_eq!(report.results.len(), 4);
    assert!(report.results.windows(2).all(|w| w[0].report.mean.rmse <= w[1].report.mean.rmse));
}

#[test]
fn grid_search_cancels() {
    let base = AlgoOptions { algo: "knn-basic".into(), ..Default::default() };
    let grid = GridParams::new(base).k(vec![2, 3, 4]).check().unwrap();
    let fs = folds(2);
    // Stop after the third fit: the first combination is complete, the second is not.
    let mut calls = 0;
    let out = grid_search(&grid, &fs, &top(), &ticking(), &mut |_| {
        calls += 1;
        calls < 3
    })
    .unwrap();
    assert_eq!(calls, 3);
    assert!(out.is_cancelled());
    let r = out.into_report();
    assert_eq!(r.results.len(), 1);
    assert_eq!(r.results[0].point.k, Some(2));
    // Stopping at the end of a combination stops before the next one.
    let mut calls = 0;
    let out = grid_search(&grid, &fs, &top(), &ticking(), &mut |_| {
        calls += 1;
        calls < 2
    })
    .unwrap();
    assert_eq!(calls, 2);
    assert!(out.is_cancelled());
    assert_eq!(out.into_report().results.len(), 1);
}

#[test]
fn grid_params_are_checked() {
    let knn = AlgoOptions { algo: "knn-basic".into(), ..Default::default() };
    let err = |g: GridParams| g.check().unwrap_err().to_string();
    assert!(err(GridParams::new(knn.clone()).k(vec![])).contains("'k'"));
    assert!(err(GridParams::new(knn.clone()).k(vec![3, 3])).contains("listed twice"));
    // "MSD" and "msd" are the same measure: listed twice.
    let twice: Vec<Measure> = ["msd", "MSD"].iter().map(|m| m.parse().unwrap()).collect();
    assert!(err(GridParams::new(knn.clone()).measure(twice)).contains("listed twice"));
    assert!("nope".parse::<Measure>().unwrap_err().to_string().contains("nope"));
    assert!(err(GridParams::new(knn.clone()).k(vec![0])).contains("'k'"));
    let many = GridParams::new(knn.clone()).k((1..=17).collect()).measure(vec![
        Measure::Msd,
        Measure::Cosine,
        Measure::Pearson,
        Measure::PearsonBaseline,
    ]);
    const { assert!(17 * 4 > MAX_GRID_COMBINATIONS) };
    assert!(err(many).contains("combinations"));
    assert!(err(GridParams::new(AlgoOptions { algo: "nope".into(), ..Default::default() })).contains("nope"));
    // Lists that do not apply are ignored, even empty ones; no list is one combination.
    let g = GridParams::new(AlgoOptions { algo: "baseline".into(), ..Default::default() })
        .k(vec![])
        .factors(vec![1, 2])
        .check()
        .unwrap();
    assert_eq!(g.len(), 1);
    assert_eq!(g.ignored(), ["k", "factors"]);
    let g = GridParams::new(knn).k((1..=16).collect()).measure(vec![Measure::Msd, Measure::Cosine]).check();
    assert_eq!(g.unwrap().len(), 32);
}

#[test]
fn recommend_excludes_rated_items_and_sorts() {
    let data = shop(&ShopParams { seed: 7, customers: 60, products: 80 });
    let train = Trainset::new(data.ratings);
    for s in [knn(), svd()] {
        let algo = s.fit(&train).unwrap();
        let r = train.ratings();
        for user in ["c001", "c017", "c060"] {
            let u = r.user_index(user).unwrap();
            let n_rated = r.user_ratings(u).0.len();
            let all = recommend(algo.as_ref(), &train, user, usize::MAX).unwrap();
            assert_eq!(all.len(), r.n_items() - n_rated);
            assert!(all.iter().all(|p| p.user == user && p.r_ui.is_none()));
            assert!(all.iter().all(|p| r.get(u, r.item_index(&p.item).unwrap()).is_none()));
            // Highest estimate first, equal estimates in item order.
            for w in all.windows(2) {
                assert!(w[0].est >= w[1].est);
                if w[0].est == w[1].est {
                    assert!(r.item_index(&w[0].item).unwrap().0 < r.item_index(&w[1].item).unwrap().0);
                }
            }
            assert!(all.len() > 3);
            let top3 = recommend(algo.as_ref(), &train, user, 3).unwrap();
            assert_eq!(top3, all[..3]);
            assert!(recommend(algo.as_ref(), &train, user, 0).unwrap().is_empty());
        }
    }
}

#[test]
fn recommend_unknown_user_is_an_error() {
    let data = shop(&ShopParams { seed: 7, customers: 20, products: 10 });
    let train = Trainset::new(data.ratings);
    let algo = knn().fit(&train).unwrap();
    let err = recommend(algo.as_ref(), &train, "ghost", 5).unwrap_err();
    assert_eq!(err, EngineError::UnknownId { what: "user", id: "ghost".into() });
    assert!(err.to_string().contains("ghost"));
}

#[test]
fn svdpp_nmf_and_coclustering_cross_validate_and_take_their_own_options() {
    let fs = folds(2);
    for (algo, takes) in
        [("svdpp", (true, true, false)), ("nmf", (true, true, false)), ("coclustering", (false, true, true))]
    {
        let base = AlgoOptions { algo: algo.into(), factors: Some(3), epochs: Some(4), ..Default::default() };
        let t = base.takes();
        assert_eq!((t.factors, t.epochs, t.clusters, t.neighbours), (takes.0, takes.1, takes.2, false), "{algo}");
        let r = run(&spec(base.clone()), &fs).into_report();
        assert_eq!(r.algo, algo);
        assert!(r.mean.rmse > 0.0 && r.mean.rmse < 4.0, "{algo}: {}", r.mean.rmse);
        let grid = GridParams::new(base).factors(vec![2, 3]).epochs(vec![1, 2]).k(vec![5]).check().unwrap();
        let expected_ignored: &[&str] = if takes.0 { &["k"] } else { &["k", "factors"] };
        assert_eq!(grid.ignored(), expected_ignored, "{algo}");
        assert_eq!(grid.len(), if takes.0 { 4 } else { 2 }, "{algo}");
    }
    // The form shows each algorithm's own defaults.
    let shown = |algo: &str| AlgoOptions { algo: algo.into(), ..Default::default() }.shown();
    assert_eq!((shown("svd").factors, shown("svd").epochs), (Some(100), Some(20)));
    assert_eq!((shown("svdpp").factors, shown("svdpp").epochs), (Some(20), Some(20)));
    assert_eq!((shown("nmf").factors, shown("nmf").epochs), (Some(15), Some(50)));
    let cc = shown("coclustering");
    assert_eq!((cc.user_clusters, cc.item_clusters, cc.epochs), (Some(3), Some(3), Some(20)));
    // The options' JSON spelling (the JS API's) is camelCase.
    let o: AlgoOptions = serde_json::from_str(r#"{"algo":"coclustering","userClusters":2,"itemClusters":5}"#).unwrap();
    assert_eq!((o.user_clusters, o.item_clusters), (Some(2), Some(5)));
    assert!(AlgoOptions { item_clusters: Some(0), ..o }.check().is_err());
}
