//! `discounts FILE --strategy S`: one strategy's offers as CSV; the model's quality, the totals
//! (and why the strategy loses money, when it does) and any fairness warning on standard error.

use super::args::Args;
use super::failure::{fail, usage, Failure};
use super::io::{load_dataset, write_out};
use crate::engine::discount::propensity::{evaluate_response, DEFAULT_C_GRID};
use crate::engine::strategy::{finish, prepare, propose};
use crate::options::coupon::CouponSpec;
use crate::options::strategy::StrategyOptions;
use crate::present::csv::strategy_csv;
use crate::present::why::loss_reason;
use crate::present::Lang;

/// The strategy options the flags give (syntax only: the options layer holds the rules).
fn options(a: &Args) -> Result<StrategyOptions, Failure> {
    let segment_offers = a
        .get("segment-offers")
        .map(|v| {
            v.split(',')
                .map(|p| p.trim().trim_end_matches('%').parse::<f64>())
                .collect::<Result<Vec<f64>, _>>()
                .map_err(|_| usage(format!("--segment-offers: '{v}' should be percentages like 5,10,0,20")))
        })
        .transpose()?;
    let coupons = a
        .get("coupon")
        .map(|specs| {
            specs
                .split(';')
                .filter(|s| !s.trim().is_empty())
                .map(CouponSpec::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| usage(format!("--coupon: {e}")))
        })
        .transpose()?;
    let no_penalty = a.get("c") == Some("none");
    Ok(StrategyOptions {
        strategy: Some(a.get("strategy").unwrap_or_default().parse().map_err(fail)?),
        k: a.value("k")?,
        max_discount: a.value("max-discount")?,
        min_margin: a.value("min-margin")?,
        cap: a.value("cap")?,
        budget: a.value("budget")?,
        budget_goal: a.choice("budget-goal")?,
        seed: a.value("seed")?,
        model: a.choice("model")?,
        segment_offers,
        c: if no_penalty { None } else { a.value("c")? },
        no_penalty,
        coupons,
        stack: a.value("stack")?,
        at: a.get("at").map(str::to_string),
        measure: a.choice("measure")?,
    })
}

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let params = options(a)?.check().map_err(fail)?;
    let strategy = params.params.strategy;
    let data = load_dataset(a)?;
    let ctx = prepare(&data, &params);
    let proposals = propose(&data, &ctx, &params, None).map_err(fail)?;
    let report = finish(&data, &ctx, &params, &proposals, params.params.budget);
    if let Ok(m) = &ctx.response {
        if let Some(h) = &m.holdout {
            eprintln!(
                "purchase model on held-out users: accuracy {:.3}, precision {:.3}, recall {:.3}, F1 {:.3}, AUC {}",
                h.accuracy,
                h.precision,
                h.recall,
                h.f1,
                h.auc.map_or("n/a".into(), |a| format!("{a:.3}"))
            );
        }
    }
    if a.flag("cv") {
        let (rows, best) =
            evaluate_response(&data, &ctx.features, &DEFAULT_C_GRID, 5, params.params.response.seed).map_err(fail)?;
        eprintln!("5-fold cross-validation of the purchase model:\nC\taccuracy\tprecision\trecall\tF1\tAUC");
        for (k, (c, cv)) in rows.iter().enumerate() {
            let m = &cv.mean;
            eprintln!(
                "{}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{}{}",
                c.map_or("none".to_string(), |c| c.to_string()),
                m.accuracy,
                m.precision,
                m.recall,
                m.f1,
                m.auc.map_or("n/a".into(), |a| format!("{a:.4}")),
                if k == best { "\tbest" } else { "" }
            );
        }
    }
    let t = &report.totals;
    let money = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.2}"));
    eprintln!(
        "{}: {} of {} users offered, mean {:.2}% off; expected conversions {}, revenue {}, margin {}, discount cost {}, incremental profit {}{}",
        strategy.name(),
        t.offered,
        t.users,
        t.mean_offer,
        money(t.conversions),
        money(t.revenue),
        money(t.margin),
        money(t.discount_cost),
        money(t.incremental_profit),
        report.allocation.as_ref().map_or(String::new(), |al| format!("; budget λ = {:.4}", al.lambda)),
    );
    if let Some(why) = loss_reason(Lang::En, t) {
        eprintln!("{why}");
    }
    for audit in report.fairness.iter().filter(|a| a.warning) {
        eprintln!(
            "warning: offers differ by {} (mean gap {:.1} points, share ratio {:.2}, η² {:.2})",
            audit.attribute, audit.max_gap, audit.min_share_ratio, audit.eta_squared
        );
    }
    write_out(a, &strategy_csv(&report, Lang::En))
}
