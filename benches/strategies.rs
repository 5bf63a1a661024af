//! Strategy benchmark: every discount strategy on a synthetic shop of 10,000 customers.
//!
//! Run with `make bench` (or `cargo bench --bench strategies`). Prints the time of the
//! shared work (generating the shop, features, k-means with 10 restarts, the purchase
//! model, elasticities) and of each strategy's offers, guardrails and budget; the
//! median and best of several runs. Speed is reported, never asserted.

use std::time::Instant;

use discount_lab::engine::data::samples::{shop, ShopParams};
use discount_lab::engine::strategy::{finish, prepare, propose, Strategy, StrategyParams};

fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let mut last = f();
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            last = f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], t[0], last)
}

fn main() {
    let customers: usize = std::env::var("CUSTOMERS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let shop_params = ShopParams { seed: 42, customers, products: 200 };
    let (median, best, data) = time_ms(3, || shop(&shop_params));
    println!(
        "{customers} customers, {} products: {} ratings, {} purchase-log rows",
        shop_params.products,
        data.ratings.len(),
        data.purchases.len()
    );
    println!("{:<48} median {median:>9.1} ms  best {best:>9.1} ms", "generate the shop");
    let base = StrategyParams { budget: Some(customers as f64 * 0.5), ..Default::default() };
    let valid = base.clone().check().expect("valid parameters");
    let (median, best, ctx) = time_ms(3, || prepare(&data, &valid));
    println!("{:<48} median {median:>9.1} ms  best {best:>9.1} ms", "shared: features, k-means×10, purchase model, ε");
    let mut total = 0.0;
    for s in Strategy::ALL {
        let p = StrategyParams { strategy: s, ..base.clone() }.check().expect("valid parameters");
        let (median, best, report) = time_ms(3, || {
            let proposals = propose(&data, &ctx, &p, None).expect("the shop has everything");
            finish(&data, &ctx, &p, &proposals, p.params.budget)
        });
        total += median;
        let name = format!("{} (offers + guardrails + budget)", s.name());
        println!(
            "{name:<48} median {median:>9.1} ms  best {best:>9.1} ms  ({} offered, spend {:.0})",
            report.totals.offered,
            report.totals.discount_cost.unwrap_or(0.0)
        );
    }
    println!("{:<48} {total:>16.1} ms", "all six strategies (medians, after the shared work)");
    // What a move of the budget slider re-runs: the budget step and totals, proposals kept.
    let p = StrategyParams { strategy: Strategy::Elasticity, ..base.clone() }.check().expect("valid parameters");
    let proposals = propose(&data, &ctx, &p, None).expect("the shop has everything");
    let (median, best, _) = time_ms(5, || finish(&data, &ctx, &p, &proposals, p.params.budget));
    println!("{:<48} median {median:>9.1} ms  best {best:>9.1} ms", "budget step only (elasticity, proposals kept)");
}
