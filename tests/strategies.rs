//! Discount strategies: guardrails and budgets always hold, same seed same offers, and
//! every strategy runs on the synthetic shop and on ratings alone where it can.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use approx::assert_abs_diff_eq;
use discount_lab::engine::data::samples::{shop, Dataset, ShopParams};
use discount_lab::engine::discount::budget::{allocate, OfferOption};
use discount_lab::engine::discount::coupon::{Combine, Coupon, CouponRules, Scope, Window};
use discount_lab::engine::discount::elasticity_offer::ElasticityBasis;
use discount_lab::engine::discount::guardrails::{Guard, Guardrails};
use discount_lab::engine::discount::offer::Percent;
use discount_lab::engine::discount::segment_offer::SegmentBasis;
use discount_lab::engine::strategy::{discounts, Basis, Strategy, StrategyParams};
use discount_lab::present::why::loss_reason;
use discount_lab::present::Lang;
use proptest::prelude::*;

fn small_shop(seed: u64) -> Dataset {
    shop(&ShopParams { seed, customers: 80, products: 21 })
}

#[test]
fn every_strategy_runs_on_the_shop() {
    let data = small_shop(7);
    for s in Strategy::ALL {
        let p = StrategyParams { strategy: s, ..Default::default() }.check().unwrap();
        let r = discounts(&data, &p).unwrap_or_else(|e| panic!("{}: {e}", s.name()));
        assert_eq!(r.offers.len(), 80, "{}", s.name());
        assert!(r.totals.conversions.is_some(), "{}: the shop has a purchase log", s.name());
        assert!(r.offers.iter().all(|o| (0.0..=30.0 + 1e-9).contains(&o.percent_off.0)), "{}", s.name());
        println!(
            "{:<11} offered {:>2}/80 mean {:>5.2}% profit {:>8.2}",
            s.name(),
            r.totals.offered,
            r.totals.mean_offer,
            r.totals.incremental_profit.unwrap()
        );
    }
}

#[test]
fn ratings_only_strategies_run_and_the_others_say_what_is_missing() {
    let data = Dataset::of_ratings(small_shop(7).ratings);
    let p = StrategyParams { strategy: Strategy::SeedUser, ..Default::default() }.check().unwrap();
    let r = discounts(&data, &p).unwrap();
    assert!(r.totals.conversions.is_none());
    assert!(r.offers.iter().any(|o| o.percent_off.0 > 0.0));
    for s in [Strategy::Elasticity, Strategy::Propensity] {
        let p = StrategyParams { strategy: s, ..Default::default() }.check().unwrap();
        let e = discounts(&data, &p).unwrap_err().to_string();
        assert!(e.contains("purchase log"), "{}: {e}", s.name());
    }
}

#[test]
fn segment_strategy_from_a_table_gives_each_segment_its_offer() {
    let data = small_shop(3);
    let p = StrategyParams {
        strategy: Strategy::Segment,
        segment_offers: Some(vec![5.0, 10.0, 15.0, 20.0]),
        guardrails: Guardrails { min_margin: Percent(0.0), ..Default::default() },
        ..Default::default()
    }
    .check()
    .unwrap();
    let r = discounts(&data, &p).unwrap();
    for o in &r.offers {
        let want = [5.0, 10.0, 15.0, 20.0][o.segment.unwrap()];
        assert!((o.proposed.0 - want).abs() < 1e-9);
        assert!(o.percent_off.0 <= want + 1e-9);
        assert!(matches!(&o.basis, Basis::Segment(b) if b.from_table));
    }
}

#[test]
fn elasticity_offers_follow_the_markup_rule_before_guardrails() {
    let data = small_shop(5);
    let g = Guardrails { max_discount: Percent(100.0), min_margin: Percent(0.0), per_user_cap: None };
    let p = StrategyParams { strategy: Strategy::Elasticity, guardrails: g, ..Default::default() }.check().unwrap();
    let r = discounts(&data, &p).unwrap();
    for o in &r.offers {
        let (Basis::Elasticity(ElasticityBasis { elasticity, markup, .. }), Some(b)) = (&o.basis, &o.basket) else {
            panic!()
        };
        let e = elasticity.elasticity.abs();
        let cost = b.unit_cost.unwrap();
        let want = if e > 1.0 { (1.0 - cost / (1.0 - 1.0 / e) / b.list_price).max(0.0) } else { 0.0 };
        assert!((markup.discount() - want).abs() < 1e-9, "{} {want}", markup.discount());
        assert!((o.proposed.fraction() - want).abs() < 1e-9);
    }
}

#[test]
fn coupons_best_of_and_stacked() {
    let data = small_shop(9);
    let rules = CouponRules {
        coupons: vec![
            Coupon { percent: Percent(10.0), max_amount: None, scope: Scope::SiteWide, valid: Window::ALWAYS },
            Coupon {
                percent: Percent(12.0),
                max_amount: Some(3.0),
                scope: Scope::Category("books".into()),
                valid: Window::ALWAYS,
            },
        ],
        combine: Combine::Stacked { cap: Percent(18.0) },
        at: None,
    };
    let g = Guardrails { max_discount: Percent(100.0), min_margin: Percent(0.0), per_user_cap: None };
    let p = StrategyParams { strategy: Strategy::Coupon, coupons: rules, guardrails: g, ..Default::default() }
        .check()
        .unwrap();
    let r = discounts(&data, &p).unwrap();
    for o in &r.offers {
        let b = o.basket.as_ref().unwrap();
        let mut want = 0.10 * b.list_price;
        if b.category.as_deref() == Some("books") {
            want += (0.12 * b.list_price).min(3.0);
        }
        let want = want.min(0.18 * b.list_price) / b.list_price * 100.0;
        assert!((o.percent_off.0 - want).abs() < 1e-9, "{} vs {want}", o.percent_off.0);
    }
}

#[test]
fn time_limited_coupons_apply_only_in_their_window() {
    let valid = Window { from: Some(100.0), until: Some(200.0) };
    let c = Coupon { percent: Percent(20.0), max_amount: None, scope: Scope::SiteWide, valid };
    let rules = CouponRules { coupons: vec![c.clone()], combine: Combine::BestOf, at: None }.check().unwrap();
    assert_eq!(rules.apply(50.0, None, None, 150.0).value, 10.0);
    assert_eq!(rules.apply(50.0, None, None, 250.0).value, 0.0);
    // An open side is open: until 200, from whenever.
    let open = Coupon { valid: Window { from: None, until: Some(200.0) }, ..c };
    let rules = CouponRules { coupons: vec![open], combine: Combine::BestOf, at: None }.check().unwrap();
    assert_eq!(rules.apply(50.0, None, None, -1e12).value, 10.0);
}

#[test]
fn elasticity_without_unit_costs_makes_no_offer_and_says_why() {
    let mut data = small_shop(5);
    for item in &mut data.items.items {
        item.cost = None;
    }
    for s in [Strategy::Elasticity, Strategy::Segment] {
        let p = StrategyParams { strategy: s, ..Default::default() }.check().unwrap();
        let r = discounts(&data, &p).unwrap();
        assert!(r.offers.iter().all(|o| o.percent_off.0 == 0.0), "{}", s.name());
        let why = |o| discount_lab::present::why::why_offer(discount_lab::present::Lang::En, o, &r.segment_names);
        // Elastic users (|ε| > 1) would have had an offer: theirs say the cost is missing.
        let elastic: Vec<String> = r
            .offers
            .iter()
            .filter(|o| match &o.basis {
                Basis::Elasticity(b) => b.elasticity.elasticity < -1.0,
                Basis::Segment(SegmentBasis { markup: Some((e, _)), .. }) => e.elasticity < -1.0,
                _ => false,
            })
            .map(why)
            .collect();
        assert!(!elastic.is_empty(), "{}", s.name());
        assert!(elastic.iter().all(|w| w.contains("no unit cost")), "{}: {elastic:?}", s.name());
    }
}

#[test]
fn the_range_of_outcomes_is_the_spread_of_simulated_purchases() {
    use rand::{rngs::StdRng, Rng, SeedableRng};
    let data = small_shop(8);
    let p = StrategyParams { strategy: Strategy::Propensity, ..Default::default() }.check().unwrap();
    let r = discounts(&data, &p).unwrap();
    let spread = r.totals.spread.unwrap();
    // Who buys, drawn 4000 times from the model's probabilities.
    let mut rng = StdRng::seed_from_u64(1);
    let draws: Vec<(f64, f64)> = (0..4000)
        .map(|_| {
            r.offers.iter().fold((0.0, 0.0), |(n, revenue), o| {
                let (Some(p), Some(b)) = (o.conversion, &o.basket) else { return (n, revenue) };
                if rng.random::<f64>() < p {
                    (n + 1.0, revenue + b.list_price * (1.0 - o.percent_off.fraction()))
                } else {
                    (n, revenue)
                }
            })
        })
        .collect();
    let sd = |xs: &mut dyn Iterator<Item = f64>| {
        let v: Vec<f64> = xs.collect();
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
    };
    let (sd_n, sd_rev) = (sd(&mut draws.iter().map(|d| d.0)), sd(&mut draws.iter().map(|d| d.1)));
    println!(
        "purchases sd {sd_n:.3} (formula {:.3}), revenue sd {sd_rev:.2} (formula {:.2})",
        spread.conversions, spread.revenue
    );
    assert!((sd_n / spread.conversions - 1.0).abs() < 0.05);
    assert!((sd_rev / spread.revenue - 1.0).abs() < 0.05);
    let mean_n = draws.iter().map(|d| d.0).sum::<f64>() / draws.len() as f64;
    assert!((mean_n - r.totals.conversions.unwrap()).abs() < 0.1 * spread.conversions);
}

#[test]
fn a_strategys_proposals_depend_only_on_its_key() {
    use discount_lab::engine::strategy::{prepare, propose, BudgetGoal};
    let data = small_shop(4);
    let base = StrategyParams::default();
    let mut other = base.clone();
    other.coupons.coupons[0].percent = Percent(25.0);
    other.neighbours = 9;
    other.item_neighbours = 5;
    other.segment_offers = Some(vec![1.0, 2.0, 3.0, 4.0]);
    other.budget = Some(10.0);
    other.budget_goal = BudgetGoal::Profit;
    let ctx = prepare(&data, &base.clone().check().unwrap());
    for s in Strategy::ALL {
        let run = |p: &StrategyParams| {
            let p = StrategyParams { strategy: s, ..p.clone() }.check().unwrap();
            propose(&data, &ctx, &p, None).unwrap()
        };
        let same_key = base.proposal_key(s) == other.proposal_key(s);
        assert_eq!(run(&base) == run(&other), same_key, "{}", s.name());
    }
}

#[test]
fn the_proposal_cache_recomputes_only_what_a_change_affects() {
    use discount_lab::engine::strategy::{prepare, propose, ProposalCache};
    let data = small_shop(4);
    let base = StrategyParams::default().check().unwrap();
    let ctx = prepare(&data, &base);
    let mut cache = ProposalCache::default();
    let first = cache.propose_all(&"shop 4", &data, &ctx, &base, None);
    assert_eq!(cache.recomputed(), Strategy::ALL);
    // A coupon edit redoes the coupon strategy only, and the result is what a fresh run gives.
    let mut edited = base.params.clone();
    edited.coupons.coupons[0].percent = Percent(25.0);
    let edited = edited.check().unwrap();
    let second = cache.propose_all(&"shop 4", &data, &ctx, &edited, None);
    assert_eq!(cache.recomputed(), [Strategy::Coupon]);
    for ((s, a), (_, b)) in second.iter().zip(&first) {
        let p = StrategyParams { strategy: *s, ..edited.params.clone() }.check().unwrap();
        assert_eq!(a, &propose(&data, &ctx, &p, None), "{}", s.name());
        assert_eq!(a == b, *s != Strategy::Coupon, "{}", s.name());
    }
    // Another context recomputes everything.
    cache.propose_all(&"shop 4, new segments", &data, &ctx, &edited, None);
    assert_eq!(cache.recomputed(), Strategy::ALL);
}

#[test]
fn carts_become_a_segment_feature_when_the_log_has_events() {
    use discount_lab::engine::data::purchases::Event;
    use discount_lab::engine::discount::features::{user_features, Feature};
    let mut data = small_shop(3);
    assert!(!user_features(&data).features.contains(&Feature::Carts));
    // Every other row not bought was put in the cart.
    for (k, p) in data.purchases.rows.iter_mut().enumerate() {
        p.event = Some(match (p.bought(), k % 2) {
            (true, _) => Event::Purchase,
            (false, 0) => Event::Cart,
            _ => Event::View,
        });
    }
    let f = user_features(&data);
    assert_eq!(f.features.last(), Some(&Feature::Carts));
    let first = &data.ratings.user_ids()[0];
    let carts = data.purchases.rows.iter().filter(|p| &p.user == first && p.carted()).count();
    assert_eq!(f.get(0, Feature::Carts), Some(carts as f64));
    for s in Strategy::ALL {
        let p = StrategyParams { strategy: s, ..Default::default() }.check().unwrap();
        assert_eq!(discounts(&data, &p).unwrap().offers.len(), 80, "{}", s.name());
    }
}

#[test]
fn the_files_of_sample_shop_give_back_the_same_shop_and_offers() {
    use discount_lab::engine::data::items::parse_items;
    use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
    use discount_lab::engine::data::purchases::parse_purchases;
    use discount_lab::engine::data::user_table::parse_users;
    use discount_lab::present::csv::{items_csv, purchases_csv, ratings_csv, users_csv};
    let original = shop(&ShopParams { seed: 13, customers: 90, products: 24 });
    let options = ParseOptions { scale: Some(original.ratings.scale()), ..Default::default() };
    let read = Dataset {
        ratings: parse_ratings(ratings_csv(&original.ratings).as_bytes(), &options).unwrap().ratings,
        items: parse_items(items_csv(&original.items).as_bytes()).unwrap(),
        purchases: parse_purchases(purchases_csv(&original.purchases).as_bytes()).unwrap(),
        users: parse_users(users_csv(&original.users).as_bytes()).unwrap(),
    };
    assert_eq!(read, original);
    for s in Strategy::ALL {
        let p = StrategyParams { strategy: s, budget: Some(30.0), ..Default::default() }.check().unwrap();
        assert_eq!(discounts(&read, &p).unwrap(), discounts(&original, &p).unwrap(), "{}", s.name());
    }
}

#[test]
fn fairness_audits_movielens_users_by_age_and_gender() {
    use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
    use discount_lab::engine::data::user_table::parse_users;
    let Some(files) = common::movielens("strategies", &["u.data", "u.user"]) else { return };
    let (ratings, users) = (&files[0], &files[1]);
    let mut data = Dataset::of_ratings(parse_ratings(ratings, &ParseOptions::default()).unwrap().ratings);
    data.users = parse_users(users).unwrap();
    let p = StrategyParams { strategy: Strategy::SeedUser, ..Default::default() }.check().unwrap();
    let r = discounts(&data, &p).unwrap();
    let gender = r.fairness.iter().find(|a| a.attribute == "gender").unwrap();
    let count = |g: &str| gender.groups.iter().find(|x| x.group == g).map(|x| x.users);
    // u.user: 670 men and 273 women.
    assert_eq!((count("M"), count("F")), (Some(670), Some(273)));
    // Each group's mean offer is the mean of its members' offers.
    let women: Vec<f64> =
        r.offers.iter().filter(|o| data.users.value(&o.user, "gender") == Some("F")).map(|o| o.percent_off.0).collect();
    let f = gender.groups.iter().find(|x| x.group == "F").unwrap();
    assert!((f.mean_offer - women.iter().sum::<f64>() / women.len() as f64).abs() < 1e-9);
    let age = r.fairness.iter().find(|a| a.attribute == "age").unwrap();
    assert_eq!(age.groups.iter().map(|g| g.users).sum::<usize>(), 943);
    assert!(age.groups.len() >= 5, "ages are banded: {:?}", age.groups.iter().map(|g| &g.group).collect::<Vec<_>>());
    println!(
        "MovieLens seed-user offers: gender gap {:.2} points (η² {:.3}), age gap {:.2} points (η² {:.3}, warning {})",
        gender.max_gap, gender.eta_squared, age.max_gap, age.eta_squared, age.warning
    );
}

#[test]
fn fairness_flags_the_age_driven_offers_of_the_shop() {
    // The shop's segments differ in age by construction, so segment-driven offers differ by age.
    let data = shop(&ShopParams::default());
    let p = StrategyParams { strategy: Strategy::Elasticity, ..Default::default() }.check().unwrap();
    let r = discounts(&data, &p).unwrap();
    let age = r.fairness.iter().find(|a| a.attribute == "age").unwrap();
    let gender = r.fairness.iter().find(|a| a.attribute == "gender").unwrap();
    println!(
        "age: ratio {:.2} η² {:.3}; gender: ratio {:.2} η² {:.3}",
        age.min_share_ratio, age.eta_squared, gender.min_share_ratio, gender.eta_squared
    );
    assert!(age.warning);
    assert!(gender.eta_squared < age.eta_squared);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn same_seed_same_offers(seed in 0u64..1_000_000, budget in 0.0f64..80.0, k in 2usize..6) {
        let data = shop(&ShopParams { seed, customers: 40, products: 14 });
        let again = shop(&ShopParams { seed, customers: 40, products: 14 });
        prop_assert_eq!(&data, &again);
        for s in Strategy::ALL {
            let mut p = StrategyParams { strategy: s, budget: Some(budget), ..Default::default() };
            p.segments.k = k;
            p.segments.seed = seed;
            let p = p.check().unwrap();
            prop_assert_eq!(discounts(&data, &p).unwrap(), discounts(&again, &p).unwrap(), "{}", s.name());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn budget_is_never_exceeded(
        users in prop::collection::vec(prop::collection::vec((0.0f64..1.0, -1.0f64..5.0, 0.0f64..20.0), 0..5), 0..40),
        budget in 0.0f64..60.0,
    ) {
        let options: Vec<Vec<OfferOption>> = users
            .iter()
            .map(|o| o.iter().map(|&(discount, value, cost)| OfferOption { discount, value, cost }).collect())
            .collect();
        let a = allocate(&options, Some(budget));
        prop_assert!(a.spend <= budget, "spend {} > budget {}", a.spend, budget);
        // Nothing chosen has negative value, and nothing better fits in what is left.
        let left = budget - a.spend + 1e-9 * budget.max(1.0);
        for (u, c) in a.choice.iter().enumerate() {
            if let Some(k) = c {
                prop_assert!(options[u][*k].value > 0.0);
            }
            let (value, cost) = c.map_or((0.0, 0.0), |k| (options[u][k].value, options[u][k].cost));
            for o in &options[u] {
                if o.value > value + 1e-12 {
                    prop_assert!(o.cost - cost > left, "user {u}: an option worth {} more fits in {left}", o.value - value);
                }
            }
        }
        let unlimited = allocate(&options, None);
        prop_assert!(a.value <= unlimited.value + 1e-9);
    }

    #[test]
    fn guardrails_always_hold(
        d in -1.0f64..2.0, list in 0.01f64..500.0, cost_share in 0.0f64..1.5,
        max in 0.0f64..100.0, margin in 0.0f64..50.0, cap in prop::option::of(0.0f64..100.0),
    ) {
        let g = Guardrails { max_discount: Percent(max), min_margin: Percent(margin), per_user_cap: cap }.check().unwrap();
        let cost = list * cost_share;
        let out = g.apply(d, list, Some(cost));
        prop_assert!(out.discount >= 0.0);
        prop_assert!(out.discount <= max / 100.0 + 1e-12);
        let price = list * (1.0 - out.discount);
        // The floor holds whenever it can hold at all (cost above list price: no discount).
        if out.discount > 0.0 {
            prop_assert!(price >= cost * (1.0 + margin / 100.0) - 1e-9);
        }
        if let Some(c) = cap {
            prop_assert!(list * out.discount <= c + 1e-9);
        }
        if out.binding.contains(&Guard::MarginFloor) {
            prop_assert!(out.discount < d.max(0.0));
        }
    }

    #[test]
    fn strategy_offers_respect_guardrails_and_budget(
        seed in 0u64..1000, budget in prop::option::of(0.0f64..80.0),
        max in 0.0f64..60.0, margin in 0.0f64..40.0, which in 0usize..6,
    ) {
        let data = shop(&ShopParams { seed, customers: 40, products: 14 });
        let g = Guardrails { max_discount: Percent(max), min_margin: Percent(margin), per_user_cap: Some(15.0) };
        let p = StrategyParams { strategy: Strategy::ALL[which], guardrails: g, budget, ..Default::default() }
            .check()
            .unwrap();
        let r = discounts(&data, &p).unwrap();
        for o in &r.offers {
            let b = o.basket.as_ref().unwrap();
            let d = o.percent_off.fraction();
            prop_assert!(o.percent_off.0 <= max + 1e-9);
            prop_assert!(b.list_price * d <= 15.0 + 1e-9);
            if d > 0.0 {
                prop_assert!(b.list_price * (1.0 - d) >= b.unit_cost.unwrap() * (1.0 + margin / 100.0) - 1e-9);
            }
        }
        if let Some(b) = budget {
            prop_assert!(r.totals.discount_cost.unwrap() <= b + 1e-9);
        }
    }
}

#[test]
fn streaming_neighbours_equal_the_matrix_neighbours() {
    use discount_lab::engine::data::ratings::Kind;
    use discount_lab::engine::similarity::neighbours::{top_k, top_k_streaming, NeighbourFilter};
    use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
    let data = shop(&ShopParams { seed: 4, customers: 150, products: 30 });
    for measure in [Measure::Cosine, Measure::Pearson, Measure::Msd, Measure::PearsonBaseline, Measure::Jaccard] {
        for kind in [Kind::User, Kind::Item] {
            let p = SimilarityParams::new(kind, measure).min_support(2).check().unwrap();
            let m = compute(&data.ratings, None, &p).unwrap();
            for filter in [NeighbourFilter::Similar, NeighbourFilter::Any] {
                let streamed = top_k_streaming(&data.ratings, &p, 7, filter).unwrap();
                for (row, got) in streamed.iter().enumerate() {
                    let want = top_k(&m, row, 7, filter);
                    assert_eq!(got.len(), want.len(), "{measure:?} {kind:?} {filter:?} row {row}");
                    for (g, w) in got.iter().zip(&want) {
                        assert_eq!((g.index, g.support), (w.index, w.support), "{measure:?} {kind:?} row {row}");
                        assert!((g.similarity - w.similarity).abs() < 1e-12);
                    }
                }
            }
        }
    }
}

#[test]
fn incremental_profit_is_the_added_margin_less_the_discount_to_buyers_anyway() {
    let data = shop(&ShopParams::default());
    for s in Strategy::ALL {
        let p = StrategyParams { strategy: s, ..Default::default() }.check().unwrap();
        let r = discounts(&data, &p).unwrap();
        let (t, b) = (&r.totals, r.totals.breakdown.unwrap());
        assert_abs_diff_eq!(b.incremental_profit(), t.incremental_profit.unwrap(), epsilon = 1e-6);
        // Each offer's own terms add up to the same totals.
        let per_user: f64 = r.offers.iter().filter_map(|o| o.expected_profit).sum();
        assert_abs_diff_eq!(per_user, t.incremental_profit.unwrap(), epsilon = 1e-6);
        assert!(
            b.paid_to_buyers_anyway >= 0.0 && b.paid_to_buyers_anyway <= t.discount_cost.unwrap() + 1e-9,
            "{}",
            s.name()
        );
        assert!(b.extra_purchases >= -1e-9, "{}: an offer lowers nobody's purchase odds", s.name());
        let reason = loss_reason(Lang::En, t);
        assert_eq!(reason.is_some(), t.incremental_profit.unwrap() < 0.0, "{}", s.name());
        if let Some(reason) = reason {
            let share = (b.paid_to_buyers_anyway / t.discount_cost.unwrap() * 100.0).round();
            assert!(reason.contains(&format!("{:.2}", b.paid_to_buyers_anyway)), "{reason}");
            assert!(reason.contains(&format!("({share}%)")), "{reason}");
        }
    }
}

#[test]
fn the_view_opens_on_the_profit_seeking_strategy_when_there_is_a_purchase_log() {
    let data = shop(&ShopParams::default());
    assert_eq!(Strategy::first_to_show(&data), Strategy::Propensity);
    let p = StrategyParams { strategy: Strategy::first_to_show(&data), ..Default::default() }.check().unwrap();
    let r = discounts(&data, &p).unwrap();
    // On the default shop, the one strategy of the six that earns more than offering nothing.
    assert!(r.totals.incremental_profit.unwrap() > 0.0);
    assert!(r.offers.iter().filter_map(|o| o.expected_profit).all(|v| v >= -1e-9));
    let ratings_only = Dataset::of_ratings(data.ratings.clone());
    assert_eq!(Strategy::first_to_show(&ratings_only), Strategy::SeedUser);
}

#[test]
fn the_data_caps_the_number_of_segments_and_says_so() {
    use discount_lab::engine::discount::features::user_features;
    use discount_lab::engine::discount::segments::{segment, segments_for, SegmentParams};
    use discount_lab::present::why::segments_capped;
    assert_eq!((segments_for(6, 4), segments_for(20, 4), segments_for(300, 4), segments_for(3, 4)), (1, 4, 4, 1));
    let six = shop(&ShopParams { seed: 3, customers: 6, products: 14 });
    let s = segment(&user_features(&six), &SegmentParams { k: 4, ..Default::default() }.check().unwrap()).unwrap();
    assert_eq!((s.profiles.len(), s.requested_k), (1, 4));
    assert_eq!(
        segments_capped(Lang::En, &s).unwrap(),
        "4 segments were asked for; 6 customers allow 1 (at least 5 customers each)."
    );
    let many = small_shop(7);
    let s = segment(&user_features(&many), &SegmentParams { k: 4, ..Default::default() }.check().unwrap()).unwrap();
    assert_eq!(s.profiles.len(), 4);
    assert_eq!(segments_capped(Lang::En, &s), None);
}

#[test]
fn every_basis_keeps_its_json_shape_for_javascript() {
    let data = small_shop(7);
    let expect = [
        (Strategy::SeedUser, "seed_user", vec!["neighbours", "neighbourMean", "strength", "noNeighbours"]),
        (Strategy::SeedItem, "seed_item", vec!["item", "m", "itemOffer"]),
        (Strategy::Segment, "segment", vec!["fromTable", "markup"]),
        (Strategy::Elasticity, "elasticity", vec!["elasticity", "segment", "markup"]),
        (Strategy::Propensity, "propensity", vec!["curve", "bestProfit", "noCosts"]),
        (Strategy::Coupon, "coupon", vec!["outcome"]),
    ];
    for (s, kind, keys) in expect {
        let p = StrategyParams { strategy: s, ..Default::default() }.check().unwrap();
        let r = discounts(&data, &p).unwrap();
        let json = r.offers.iter().map(|o| serde_json::to_value(&o.basis).unwrap()).find(|v| v["kind"] == kind);
        let json = json.unwrap_or_else(|| panic!("{}: no offer based on it", s.name()));
        let mut got: Vec<&str> =
            json.as_object().unwrap().keys().map(String::as_str).filter(|k| *k != "kind").collect();
        let mut want = keys.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{}", s.name());
    }
    let unavailable = serde_json::to_value(Basis::Unavailable {
        reason: discount_lab::engine::discount::offer::Unavailable::NoListPrice,
    })
    .unwrap();
    assert_eq!(unavailable, serde_json::json!({ "kind": "unavailable", "reason": "no_list_price" }));
}
