//! The command line's strategy commands: `discounts FILE --strategy S ...` and `segment`.

use crate::cli::{fail, load_items, load_ratings, parse_args, read, usage, write_out, Args, Failure};
use crate::engine::data::purchases::{parse_purchases, timestamp};
use crate::engine::data::samples::Dataset;
use crate::engine::data::user_table::parse_users;
use crate::engine::discount::coupon::{Combine, Coupon, CouponRules, Scope};
use crate::engine::discount::features::user_features;
use crate::engine::discount::guardrails::Guardrails;
use crate::engine::discount::offer::Percent;
use crate::engine::discount::propensity::{evaluate_response, DEFAULT_C_GRID};
use crate::engine::discount::segments::{choose_k, segment as segment_users, SegmentModel, SegmentParams};
use crate::engine::error::ParseErrors;
use crate::engine::similarity::Measure;
use crate::engine::strategy::{finish, prepare, propose, BudgetGoal, Strategy, StrategyParams};
use crate::present::csv::{segments_csv, strategy_csv};
use crate::present::why::{loss_reason, segments_capped};
use crate::present::Lang;

fn parse_failure(path: &str, e: ParseErrors) -> Failure {
    let lines: Vec<String> = e.problems.iter().map(|p| format!("{path}: {p}")).collect();
    let more = if e.total > e.problems.len() {
        format!("\n…and {} more", e.total - e.problems.len())
    } else {
        String::new()
    };
    fail(format!("{}{more}", lines.join("\nerror: ")))
}

/// Reads the rating file and whichever of --items, --purchases, --users were given.
fn load_dataset(a: &Args) -> Result<Dataset, Failure> {
    let mut data = Dataset::of_ratings(load_ratings(a.one_file("ratings FILE")?, a.scale()?)?);
    if let Some(p) = a.options.get("items") {
        data.items = load_items(p)?.for_ratings(&data.ratings).map_err(fail)?;
    }
    if let Some(p) = a.options.get("purchases") {
        data.purchases = parse_purchases(&read(p)?).map_err(|e| parse_failure(p, e))?;
    }
    if let Some(p) = a.options.get("users") {
        data.users = parse_users(&read(p)?).map_err(|e| parse_failure(p, e))?;
    }
    Ok(data)
}

fn model(a: &Args) -> Result<SegmentModel, Failure> {
    match a.options.get("model").map(String::as_str) {
        None | Some("kmeans") | Some("k-means") => Ok(SegmentModel::KMeans),
        Some("gmm") => Ok(SegmentModel::Gmm),
        Some(m) => Err(usage(format!("--model: '{m}' should be kmeans or gmm"))),
    }
}

/// One coupon from `PCT%[:max=AMOUNT][:item=ID|:category=NAME][:from=DATE][:until=DATE]`.
pub(crate) fn parse_coupon(spec: &str) -> Result<Coupon, String> {
    let mut parts = spec.split(':').map(str::trim);
    let head = parts.next().unwrap_or("");
    let pct: f64 = head.trim_end_matches('%').trim().parse().map_err(|_| format!("'{head}' is not a percentage"))?;
    let mut c = Coupon { percent: Percent(pct), max_amount: None, scope: Scope::SiteWide, valid: None };
    let (mut from, mut until) = (f64::NEG_INFINITY, f64::INFINITY);
    for part in parts {
        let (key, value) = part.split_once('=').ok_or_else(|| format!("'{part}' should be key=value"))?;
        let date = || timestamp(value).ok_or_else(|| format!("'{value}' is not a date like 2026-06-30"));
        match key {
            "max" => c.max_amount = Some(value.parse().map_err(|_| format!("max '{value}' is not an amount"))?),
            "item" => c.scope = Scope::Item(value.to_string()),
            "category" => c.scope = Scope::Category(value.to_string()),
            "from" => from = date()?,
            "until" | "to" => until = date()? + 86_399.0,
            other => return Err(format!("unknown coupon field '{other}' (use max, item, category, from, until)")),
        }
    }
    if from.is_finite() || until.is_finite() {
        c.valid = Some((from.max(-1e15), until.min(1e15)));
    }
    Ok(c)
}

fn coupon_rules(a: &Args, data: &Dataset) -> Result<CouponRules, Failure> {
    let mut rules = CouponRules::default();
    if let Some(specs) = a.options.get("coupon") {
        rules.coupons = specs
            .split(';')
            .filter(|s| !s.trim().is_empty())
            .map(parse_coupon)
            .collect::<Result<_, _>>()
            .map_err(|e| usage(format!("--coupon: {e}")))?;
    }
    if a.options.contains_key("stack") {
        rules.combine = Combine::Stacked { cap: Percent(a.num("stack", 100.0)?) };
    }
    rules.at = match a.options.get("at") {
        Some(v) => timestamp(v).ok_or_else(|| usage(format!("--at: '{v}' is not a date like 2026-06-30")))?,
        None => data.purchases.latest(),
    };
    Ok(rules)
}

/// `discounts FILE --strategy S ...`: one strategy's offers as CSV, totals on standard error.
pub(crate) fn discounts(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(
        rest,
        &[
            "strategy",
            "items",
            "purchases",
            "users",
            "budget",
            "budget-goal",
            "max-discount",
            "min-margin",
            "cap",
            "k",
            "seed",
            "model",
            "segment-offers",
            "c",
            "coupon",
            "stack",
            "at",
            "measure",
            "cv",
            "scale",
            "out",
        ],
    )?;
    let strategy = a.options.get("strategy").map(String::as_str).unwrap_or("").parse::<Strategy>().map_err(fail)?;
    let data = load_dataset(&a)?;
    let d = StrategyParams::default();
    let g = Guardrails::default();
    let seed = a.num("seed", d.segments.seed)?;
    let k_neighbours = matches!(strategy, Strategy::SeedUser | Strategy::SeedItem);
    let segment_offers = match a.options.get("segment-offers") {
        Some(v) => Some(
            v.split(',')
                .map(|p| p.trim().trim_end_matches('%').parse::<f64>())
                .collect::<Result<Vec<f64>, _>>()
                .map_err(|_| usage(format!("--segment-offers: '{v}' should be percentages like 5,10,0,20")))?,
        ),
        None => None,
    };
    let params = StrategyParams {
        strategy,
        guardrails: Guardrails {
            max_discount: Percent(a.num("max-discount", g.max_discount.0)?),
            min_margin: Percent(a.num("min-margin", g.min_margin.0)?),
            per_user_cap: a.options.get("cap").map(|_| a.num("cap", 0.0)).transpose()?,
        },
        budget: a.options.get("budget").map(|_| a.num("budget", 0.0)).transpose()?,
        segments: SegmentParams {
            k: if k_neighbours { d.segments.k } else { a.num("k", d.segments.k)? },
            model: model(&a)?,
            seed,
            ..d.segments
        },
        segment_offers,
        neighbours: if strategy == Strategy::SeedUser { a.num("k", d.neighbours)? } else { d.neighbours },
        measure: match a.options.get("measure") {
            Some(m) => m.parse::<Measure>().map_err(fail)?,
            None => d.measure,
        },
        item_neighbours: if strategy == Strategy::SeedItem {
            a.num("k", d.item_neighbours)?
        } else {
            d.item_neighbours
        },
        coupons: coupon_rules(&a, &data)?,
        response: crate::engine::discount::propensity::ResponseParams {
            c: match a.options.get("c").map(String::as_str) {
                Some("none") => None,
                Some(_) => Some(a.num("c", 1.0)?),
                None => d.response.c,
            },
            seed,
            ..d.response
        },
        budget_goal: match a.options.get("budget-goal").map(String::as_str) {
            None | Some("purchases") => BudgetGoal::Purchases,
            Some("profit") => BudgetGoal::Profit,
            Some(other) => return Err(usage(format!("--budget-goal: '{other}' should be purchases or profit"))),
        },
        user_formula: None,
    }
    .check()
    .map_err(fail)?;
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
    write_out(&a, &strategy_csv(&report, Lang::En))
}

/// `segment FILE --k K`: `user,segment,name` as CSV; inertia and silhouette on standard error.
pub(crate) fn segment(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(rest, &["k", "seed", "purchases", "model", "elbow", "scale", "out"])?;
    let d = SegmentParams::default();
    let params = SegmentParams { k: a.num("k", d.k)?, seed: a.num("seed", d.seed)?, model: model(&a)?, ..d }
        .check()
        .map_err(fail)?;
    let data = load_dataset(&a)?;
    let s = segment_users(&user_features(&data), &params).map_err(fail)?;
    if let Some(capped) = segments_capped(Lang::En, &s) {
        eprintln!("{capped}");
    }
    eprintln!("inertia {:.6}; silhouette {}", s.inertia, s.silhouette.map_or("n/a".to_string(), |v| format!("{v:.4}")));
    for (k, p) in s.profiles.iter().enumerate() {
        eprintln!("segment {k}: {} users, {}", p.size, p.name);
    }
    if a.flag("elbow") {
        eprintln!("k\tinertia\tsilhouette");
        for (k, inertia, sil) in choose_k(&user_features(&data), 8, params.seed).map_err(fail)? {
            eprintln!("{k}\t{inertia:.4}\t{}", sil.map_or("n/a".to_string(), |s| format!("{s:.4}")));
        }
    }
    write_out(&a, &segments_csv(data.ratings.user_ids(), &s))
}
