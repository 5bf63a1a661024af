//! Elasticity: the regression recovers the synthetic shop's true per-segment
//! elasticities inside its 95% intervals, and the markup rule's cases.

use approx::assert_abs_diff_eq;
use discount_lab::engine::data::samples::{shop, Dataset, ShopParams, SEGMENT_TRUTH};
use discount_lab::engine::discount::elasticity::{fit, fit_ols, NoEstimate};
use discount_lab::engine::discount::markup::{markup, Markup};

/// The (price ratio, quantity, customer) rows of true segment `s` of a shop's purchase log
/// (customer cN is in segment (N − 1) mod 4).
fn true_segment_rows(data: &Dataset, s: usize) -> Vec<(f64, f64, usize)> {
    data.purchases
        .rows
        .iter()
        .filter_map(|p| {
            let c: usize = p.user[1..].parse::<usize>().ok()? - 1;
            (c % SEGMENT_TRUTH.len() == s).then_some((p.price_paid / p.list_price, p.quantity, c))
        })
        .collect()
}

/// ε per true segment of a shop, from its purchase log.
fn by_true_segment(params: &ShopParams) -> Vec<discount_lab::engine::discount::elasticity::Estimate> {
    let data = shop(params);
    (0..SEGMENT_TRUTH.len()).map(|s| fit(true_segment_rows(&data, s).into_iter()).unwrap()).collect()
}

/// E[q] = 2·r^−2.5 with the expected value as the observation, over 5 clusters.
fn power_law_rows() -> impl Iterator<Item = (f64, f64, usize)> {
    (0..40).map(|k| {
        let r = 0.6 + 0.01 * k as f64;
        (r, 2.0 * r.powf(-2.5), k % 5)
    })
}

#[test]
fn default_shop_recovers_every_segment_inside_its_interval() {
    for (s, e) in by_true_segment(&ShopParams::default()).iter().enumerate() {
        let truth = SEGMENT_TRUTH[s].elasticity;
        println!(
            "segment {s}: true {truth}, estimate {:.3} ± {:.3} [{:.3}, {:.3}]",
            e.elasticity, e.se, e.ci_low, e.ci_high
        );
        assert!(e.ci_low <= truth && truth <= e.ci_high, "segment {s}: {truth} outside [{}, {}]", e.ci_low, e.ci_high);
    }
}

#[test]
fn intervals_cover_the_truth_about_95_percent_of_the_time() {
    // 20 shops × 4 segments = 80 intervals; at 95% coverage, fewer than 70 covered is
    // a 1-in-10,000 event, so this fails only if the standard errors are too small.
    let mut covered = 0;
    let mut total = 0;
    for seed in 0..20 {
        for (s, e) in by_true_segment(&ShopParams { seed, customers: 200, products: 40 }).iter().enumerate() {
            total += 1;
            let truth = SEGMENT_TRUTH[s].elasticity;
            if e.ci_low <= truth && truth <= e.ci_high {
                covered += 1;
            }
        }
    }
    println!("coverage {covered}/{total}");
    assert!(covered >= 70, "only {covered} of {total} intervals cover the truth");
}

#[test]
fn least_squares_on_buyers_only_is_biased_toward_zero() {
    // Why the shop's elasticities are fitted by PPML: OLS of ln q must drop the views
    // without a purchase, and what is left barely moves with the price.
    let data = shop(&ShopParams::default());
    for (s, truth) in SEGMENT_TRUTH.iter().enumerate() {
        let rows = true_segment_rows(&data, s);
        let (ppml, ols) = (fit(rows.iter().copied()).unwrap(), fit_ols(rows.iter().copied()).unwrap());
        println!(
            "segment {s}: true {}, PPML {:.3} ± {:.3}, OLS on buyers {:.3} ± {:.3} ({} of {} rows)",
            truth.elasticity, ppml.elasticity, ppml.se, ols.elasticity, ols.se, ols.rows, ppml.rows
        );
        assert!(ols.elasticity.abs() < ppml.elasticity.abs(), "segment {s}");
        assert!(ols.ci_high < truth.elasticity || ols.ci_low > truth.elasticity || truth.elasticity > -1.0);
        assert_eq!(ols.rows, ppml.purchases);
    }
}

#[test]
fn least_squares_recovers_an_exact_power_law() {
    let e = fit_ols(power_law_rows()).unwrap();
    assert_abs_diff_eq!(e.elasticity, -2.5, epsilon = 1e-12);
    assert_abs_diff_eq!(e.intercept, 2f64.ln(), epsilon = 1e-12);
    assert!(e.se < 1e-9);
    assert_eq!(fit_ols([(0.9, 0.0, 0)].into_iter()), Err(NoEstimate::NoPurchases));
}

#[test]
fn exact_power_law_is_recovered_exactly() {
    let e = fit(power_law_rows()).unwrap();
    assert_abs_diff_eq!(e.elasticity, -2.5, epsilon = 1e-9);
    assert_abs_diff_eq!(e.expected_quantity(1.0), 2.0, epsilon = 1e-9);
}

#[test]
fn no_estimate_without_purchases_or_price_variation() {
    assert_eq!(fit([(0.9, 0.0, 0), (1.0, 0.0, 1)].into_iter()), Err(NoEstimate::NoPurchases));
    assert_eq!(fit([(1.0, 1.0, 0), (1.0, 2.0, 1)].into_iter()), Err(NoEstimate::NoPriceVariation));
}

#[test]
fn markup_rule_cases() {
    // ε = −2, c = 30, P0 = 100: P* = 30/(1 − 1/2) = 60, 40% off.
    let m = markup(-2.0, 100.0, Some(30.0));
    assert_eq!(m, Markup::Interior { price: 60.0, discount: 0.4 });
    // ε = −1.5, c = 50: P* = 50/(1/3) = 150 ≥ 100: no discount.
    match markup(-1.5, 100.0, Some(50.0)) {
        Markup::AboveList { price } => assert_abs_diff_eq!(price, 150.0, epsilon = 1e-9),
        other => panic!("expected AboveList, got {other:?}"),
    }
    // −1 ≤ ε < 0: inelastic, no interior optimum, including exactly −1.
    for e in [-1.0, -0.5, -1e-9] {
        assert_eq!(markup(e, 100.0, Some(50.0)), Markup::Inelastic, "ε = {e}");
        assert_eq!(markup(e, 100.0, Some(50.0)).discount(), 0.0);
    }
    // ε ≥ 0 or not a number: not a downward demand curve, said as such (not "|ε| ≤ 1").
    for e in [0.0, 0.7, 2.0, f64::NAN, f64::NEG_INFINITY] {
        assert_eq!(markup(e, 100.0, Some(50.0)), Markup::NotDownward, "ε = {e}");
        assert_eq!(markup(e, 100.0, Some(50.0)).discount(), 0.0);
    }
    // No unit cost: no margin to optimise, no discount (not P* = 0).
    assert_eq!(markup(-3.0, 100.0, None), Markup::NoCost);
    assert_eq!(markup(-3.0, 100.0, None).discount(), 0.0);
    // Zero cost: P* = 0, 100% off is the "optimum" the guardrails must catch.
    assert_abs_diff_eq!(markup(-4.0, 100.0, Some(0.0)).discount(), 1.0, epsilon = 1e-12);
    // ε = −1.25, c = 20: P* = 20 / (1 − 0.8) = 100 = P0 exactly: no discount.
    match markup(-1.25, 100.0, Some(20.0)) {
        Markup::AboveList { price } => assert_abs_diff_eq!(price, 100.0, epsilon = 1e-9),
        other => panic!("expected AboveList, got {other:?}"),
    }
}
