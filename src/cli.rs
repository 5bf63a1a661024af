//! The `discount-lab` command line: batch runs of the same engine the app uses.
//!
//! ```text
//! discount-lab similarity FILE --kind user|item --measure M [--min-support N] [--shrinkage N]
//!                              [--zero-fill] [--scale LO,HI] [--items FILE] [--out FILE]
//! discount-lab discounts FILE [--k K] [--max-discount PCT] [--min-discount PCT] [--measure M]
//!                             [--as-in-article] [--scale LO,HI] [--out FILE]
//! discount-lab discounts FILE --strategy S [--items F] [--purchases F] [--users F] [--budget B]
//!                             [--max-discount PCT] [--min-margin PCT] [--cap AMOUNT] [--k K] [--seed N]
//!                             [--model kmeans|gmm] [--segment-offers P1,P2,..] [--c C] [--measure M]
//!                             [--coupon SPEC[;SPEC..]] [--stack CAP] [--at DATE] [--cv] [--out FILE]
//! discount-lab segment FILE --k K [--seed N] [--purchases F] [--model kmeans|gmm] [--elbow] [--out FILE]
//! discount-lab neighbours FILE --id ID [--k K] [--kind user|item] [--measure M] [--scale LO,HI]
//! discount-lab item-discounts ITEMS [--k K] [--max-discount PCT] [--min-discount PCT] [--out FILE]
//! discount-lab evaluate --train F --test F --algo A [--k N] [--min-k N] [--kind user|item] [--measure M]
//!                       [--factors N] [--epochs N] [--seed N]      (or --folds DIR for u1..u5)
//! discount-lab recommend FILE --user U [--n N] [--algo A ...]
//! discount-lab sample worked|article-code|shop [--seed N] [--customers N] [--products N] --out DIR
//! ```
//! Results go to `--out` or standard output as CSV; errors go to standard error with
//! exit code 1 (2 for a usage mistake).

use std::collections::HashMap;

use crate::engine::data::items::{parse_items, ItemTable};
use crate::engine::data::parse::{parse_ratings, ParseOptions};
use crate::engine::data::ratings::{Kind, Scale};
use crate::engine::data::samples::{article_code_sample, shop, worked_example, Dataset, ShopParams};
use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::discount::seed_item::{item_discounts, ItemDiscountParams};
use crate::engine::discount::seed_user::{user_discounts, UserDiscountParams};
use crate::engine::evaluate::{fcp, mae, predefined_folds, rmse, Fold};
use crate::engine::predict::{predict, AlgoSpec, Prediction, Trainset};
use crate::engine::similarity::neighbours::{top_k, NeighbourFilter};
use crate::engine::similarity::{compute, Measure, SimilarityParams, ValidSimilarityParams};
use crate::options::algo::AlgoOptions;
use crate::present::csv::{item_discounts_csv, matrix_csv, user_discounts_csv};
use crate::present::csv_writer::{Cell, CsvWriter};
use crate::present::Lang;

const USAGE: &str = "usage:
  discount-lab similarity FILE --kind user|item --measure M [--min-support N] [--shrinkage N]
                               [--zero-fill] [--scale LO,HI] [--items FILE] [--out FILE]
  discount-lab discounts FILE [--k K] [--max-discount PCT] [--min-discount PCT] [--measure M]
                              [--as-in-article] [--scale LO,HI] [--out FILE]
  discount-lab discounts FILE --strategy S [--items F] [--purchases F] [--users F] [--budget B]
                              [--max-discount PCT] [--min-margin PCT] [--cap AMOUNT] [--k K] [--seed N]
                              [--model kmeans|gmm] [--segment-offers P1,P2,..] [--c C] [--measure M]
                              [--coupon SPEC[;SPEC..]] [--stack CAP] [--at DATE] [--cv] [--out FILE]
      strategies: seed-user, seed-item, segment, elasticity, propensity, coupon
      --k is the neighbours K (seed-user, seed-item) or the number of segments (the others)
      coupon SPEC: PCT%[:max=AMOUNT][:item=ID|:category=NAME][:from=DATE][:until=DATE]
      --cv cross-validates the purchase model for C = 0.01, 0.1, 1, 10 and none (standard error)
  discount-lab segment FILE --k K [--seed N] [--purchases F] [--model kmeans|gmm] [--elbow] [--out FILE]
  discount-lab neighbours FILE --id ID [--k K] [--kind user|item] [--measure M] [--min-support N] [--scale LO,HI]
  discount-lab item-discounts ITEMS [--k K] [--max-discount PCT] [--min-discount PCT] [--out FILE]
  discount-lab evaluate --train F --test F --algo A [--k N] [--min-k N] [--kind user|item] [--measure M]
                        [--factors N] [--epochs N] [--seed N]
  discount-lab evaluate --folds DIR --algo A [...]        (DIR holds u1.base/u1.test ... u5.base/u5.test)
  discount-lab recommend FILE --user U [--n N] [--algo A ...]
  discount-lab sample worked|article-code|shop [--seed N] [--customers N] [--products N] --out DIR
algorithms: normal, baseline, knn-basic, knn-means, knn-zscore, knn-baseline, svd, slope-one
measures: cosine, msd, pearson, pearson_baseline, adjusted_cosine, jaccard, attribute_jaccard";

/// A failure: a message for standard error and the exit code.
#[derive(Debug)]
pub(crate) struct Failure {
    message: String,
    code: i32,
}

pub(crate) fn usage(msg: impl Into<String>) -> Failure {
    Failure { message: format!("{}\n{USAGE}", msg.into()), code: 2 }
}

pub(crate) fn fail(msg: impl std::fmt::Display) -> Failure {
    Failure { message: format!("error: {msg}"), code: 1 }
}

/// Runs the command line; returns the process exit code.
pub fn run(args: Vec<String>) -> i32 {
    match dispatch(&args) {
        Ok(()) => 0,
        Err(f) => {
            eprintln!("{}", f.message);
            f.code
        }
    }
}

pub(crate) struct Args {
    pub(crate) positional: Vec<String>,
    pub(crate) options: HashMap<String, String>,
    pub(crate) flags: Vec<String>,
}

const FLAGS: &[&str] = &["zero-fill", "as-in-article", "help", "cv", "elbow"];

pub(crate) fn parse_args(args: &[String], allowed: &[&str]) -> Result<Args, Failure> {
    let mut out = Args { positional: Vec::new(), options: HashMap::new(), flags: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            if FLAGS.contains(&name) && (allowed.contains(&name) || name == "help") {
                out.flags.push(name.to_string());
            } else if allowed.contains(&name) {
                let v = it.next().ok_or_else(|| usage(format!("--{name} needs a value")))?;
                out.options.insert(name.to_string(), v.clone());
            } else {
                return Err(usage(format!("unknown option --{name}")));
            }
        } else {
            out.positional.push(a.clone());
        }
    }
    Ok(out)
}

impl Args {
    pub(crate) fn num<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, Failure> {
        match self.options.get(name) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| usage(format!("--{name}: '{v}' is not a valid number"))),
        }
    }
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
    pub(crate) fn one_file(&self, what: &str) -> Result<&str, Failure> {
        match self.positional.as_slice() {
            [f] => Ok(f),
            [] => Err(usage(format!("missing {what}"))),
            _ => Err(usage(format!("expected one {what}, got {}", self.positional.len()))),
        }
    }
    pub(crate) fn scale(&self) -> Result<Option<Scale>, Failure> {
        let Some(v) = self.options.get("scale") else { return Ok(None) };
        let parts: Vec<&str> = v.split(',').collect();
        let bad = || usage(format!("--scale: '{v}' should be LO,HI like 1,5"));
        if parts.len() != 2 {
            return Err(bad());
        }
        let lo: f64 = parts[0].trim().parse().map_err(|_| bad())?;
        let hi: f64 = parts[1].trim().parse().map_err(|_| bad())?;
        Scale::new(lo, hi).map(Some).map_err(fail)
    }
    fn bounds(&self) -> Result<OfferBounds, Failure> {
        let d = OfferBounds::default();
        Ok(OfferBounds {
            min: Percent(self.num("min-discount", d.min.0)?),
            max: Percent(self.num("max-discount", d.max.0)?),
        })
    }
}

pub(crate) fn read(path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| fail(format!("cannot read {path}: {e}")))
}

pub(crate) fn write_out(args: &Args, text: &str) -> Result<(), Failure> {
    match args.options.get("out") {
        Some(path) => std::fs::write(path, text).map_err(|e| fail(format!("cannot write {path}: {e}"))),
        None => {
            use std::io::Write;
            std::io::stdout().write_all(text.as_bytes()).map_err(|e| fail(format!("cannot write output: {e}")))
        }
    }
}

pub(crate) fn load_ratings(path: &str, scale: Option<Scale>) -> Result<crate::engine::data::ratings::Ratings, Failure> {
    let bytes = read(path)?;
    let parsed = parse_ratings(&bytes, &ParseOptions { scale, ..Default::default() }).map_err(|e| {
        let lines: Vec<String> = e.problems.iter().map(|p| format!("{path}: {p}")).collect();
        let more = if e.total > e.problems.len() {
            format!("\n…and {} more", e.total - e.problems.len())
        } else {
            String::new()
        };
        Failure { message: format!("error: {}{more}", lines.join("\n")), code: 1 }
    })?;
    for d in &parsed.duplicates {
        let lines: Vec<String> = d.lines.iter().map(usize::to_string).collect();
        eprintln!(
            "warning: {path}: user {} item {} appears on lines {}; the last rating was kept",
            d.user,
            d.item,
            lines.join(", ")
        );
    }
    Ok(parsed.ratings)
}

pub(crate) fn load_items(path: &str) -> Result<ItemTable, Failure> {
    let bytes = read(path)?;
    parse_items(&bytes).map_err(|e| {
        let lines: Vec<String> = e.problems.iter().map(|p| format!("{path}: {p}")).collect();
        Failure { message: format!("error: {}", lines.join("\n")), code: 1 }
    })
}

fn dispatch(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else { return Err(usage("no command given")) };
    match command.as_str() {
        "similarity" => similarity(rest),
        "discounts" if rest.iter().any(|a| a == "--strategy") => crate::cli_strategy::discounts(rest),
        "discounts" => discounts(rest),
        "segment" => crate::cli_strategy::segment(rest),
        "item-discounts" => items_cmd(rest),
        "neighbours" | "neighbors" => neighbours_cmd(rest),
        "sample" => sample(rest),
        "evaluate" => evaluate_cmd(rest),
        "recommend" => recommend_cmd(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(usage(format!("unknown command '{other}'"))),
    }
}

impl Args {
    fn similarity_params(&self) -> Result<ValidSimilarityParams, Failure> {
        let kind = match self.options.get("kind").map(String::as_str) {
            None | Some("user") => Kind::User,
            Some("item") => Kind::Item,
            Some(k) => return Err(usage(format!("--kind: '{k}' should be user or item"))),
        };
        let measure =
            self.options.get("measure").map(String::as_str).unwrap_or("pearson").parse::<Measure>().map_err(fail)?;
        SimilarityParams::new(kind, measure)
            .min_support(self.num("min-support", 1usize)?)
            .shrinkage(self.num("shrinkage", 100.0f64)?)
            .zero_fill(self.flag("zero-fill"))
            .check()
            .map_err(fail)
    }
}

fn similarity(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(rest, &["kind", "measure", "min-support", "shrinkage", "zero-fill", "scale", "items", "out"])?;
    let params = a.similarity_params()?;
    let ratings = load_ratings(a.one_file("ratings FILE")?, a.scale()?)?;
    let items = a.options.get("items").map(|p| load_items(p)?.for_ratings(&ratings).map_err(fail)).transpose()?;
    let m = compute(&ratings, items.as_ref(), &params).map_err(fail)?;
    write_out(&a, &matrix_csv(&m))
}

fn neighbours_cmd(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(rest, &["id", "k", "kind", "measure", "min-support", "shrinkage", "scale", "out"])?;
    let params = a.similarity_params()?;
    let id = a.options.get("id").ok_or_else(|| usage("neighbours needs --id ID"))?;
    let ratings = load_ratings(a.one_file("ratings FILE")?, a.scale()?)?;
    let row =
        ratings.ids(params.kind).iter().position(|x| x == id).ok_or_else(|| fail(format!("unknown id '{id}'")))?;
    let m = compute(&ratings, None, &params).map_err(fail)?;
    let mut w = CsvWriter::default();
    w.row(["id", "similarity", "common"].iter().map(|h| Cell::Text(h)));
    for n in top_k(&m, row, a.num("k", 10usize)?, NeighbourFilter::Similar) {
        w.row([Cell::Text(&n.id), Cell::Num(n.similarity), Cell::Num(n.support as f64)]);
    }
    write_out(&a, &w.finish())
}

fn discounts(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(rest, &["k", "max-discount", "min-discount", "measure", "as-in-article", "scale", "out"])?;
    let measure = a.options.get("measure").map(String::as_str).unwrap_or("pearson").parse::<Measure>().map_err(fail)?;
    let sim_params = SimilarityParams::new(Kind::User, measure).check().map_err(fail)?;
    let as_in_article = a.flag("as-in-article");
    let params =
        UserDiscountParams { k: a.num("k", 5usize)?, bounds: a.bounds()?, as_in_article }.check().map_err(fail)?;
    let ratings = load_ratings(a.one_file("ratings FILE")?, a.scale()?)?;
    let sim = compute(&ratings, None, &sim_params).map_err(fail)?;
    let rows = user_discounts(&ratings, &sim, &params).map_err(fail)?;
    write_out(&a, &user_discounts_csv(&rows, Lang::En, as_in_article))
}

fn items_cmd(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(rest, &["k", "max-discount", "min-discount", "out"])?;
    let params = ItemDiscountParams { k: a.num("k", 3usize)?, bounds: a.bounds()? }.check().map_err(fail)?;
    let table = load_items(a.one_file("item table ITEMS")?)?;
    let rows = item_discounts(&table, &params).map_err(fail)?;
    write_out(&a, &item_discounts_csv(&rows, Lang::En))
}

fn sample(rest: &[String]) -> Result<(), Failure> {
    let a = parse_args(rest, &["seed", "customers", "products", "out"])?;
    let which = a.one_file("sample name (worked, article-code or shop)")?;
    let data = match which {
        "worked" => worked_example(),
        "article-code" => Dataset::of_ratings(article_code_sample()),
        "shop" => {
            let d = ShopParams::default();
            let params = ShopParams {
                seed: a.num("seed", d.seed)?,
                customers: a.num("customers", d.customers)?,
                products: a.num("products", d.products)?,
            }
            .check()
            .map_err(fail)?;
            shop(&params)
        }
        other => return Err(usage(format!("unknown sample '{other}'"))),
    };
    let dir = a.options.get("out").ok_or_else(|| usage("sample needs --out DIR"))?;
    std::fs::create_dir_all(dir).map_err(|e| fail(format!("cannot create {dir}: {e}")))?;
    let write = |name: &str, text: String| {
        let path = std::path::Path::new(dir).join(name);
        std::fs::write(&path, text).map_err(|e| fail(format!("cannot write {}: {e}", path.display())))
    };
    write("ratings.csv", crate::present::csv::ratings_csv(&data.ratings))?;
    if !data.items.items.is_empty() {
        write("items.csv", crate::present::csv::items_csv(&data.items))?;
    }
    if !data.purchases.is_empty() {
        write("purchases.csv", crate::present::csv::purchases_csv(&data.purchases))?;
    }
    if !data.users.is_empty() {
        write("users.csv", crate::present::csv::users_csv(&data.users))?;
    }
    Ok(())
}

const ALGO_FLAGS: [&str; 10] =
    ["algo", "k", "min-k", "kind", "measure", "min-support", "shrinkage", "factors", "epochs", "seed"];

impl Args {
    fn algo_spec(&self, default: &str) -> Result<AlgoSpec, Failure> {
        let opt = |name: &str| self.options.get(name).cloned();
        AlgoOptions {
            algo: opt("algo").unwrap_or_else(|| default.to_string()),
            k: self.options.get("k").map(|_| self.num("k", 0usize)).transpose()?,
            min_k: self.options.get("min-k").map(|_| self.num("min-k", 0usize)).transpose()?,
            kind: opt("kind").map(|k| k.parse()).transpose().map_err(fail)?,
            measure: opt("measure").map(|m| m.parse()).transpose().map_err(fail)?,
            min_support: self.options.get("min-support").map(|_| self.num("min-support", 0usize)).transpose()?,
            shrinkage: self.options.get("shrinkage").map(|_| self.num("shrinkage", 0f64)).transpose()?,
            baseline_method: None,
            factors: self.options.get("factors").map(|_| self.num("factors", 0usize)).transpose()?,
            epochs: self.options.get("epochs").map(|_| self.num("epochs", 0usize)).transpose()?,
            seed: self.options.get("seed").map(|_| self.num("seed", 0u64)).transpose()?,
        }
        .check()
        .map_err(fail)
    }
}

/// Fits `spec` on a fold and scores its test predictions, timing both steps.
fn run_fold(spec: &AlgoSpec, fold: &Fold) -> Result<serde_json::Value, Failure> {
    let start = std::time::Instant::now();
    let algo = spec.fit(&fold.trainset).map_err(fail)?;
    let fit_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = std::time::Instant::now();
    let predictions = fold.test(algo.as_ref());
    let predict_ms = start.elapsed().as_secs_f64() * 1000.0;
    let impossible = predictions.iter().filter(|p| p.was_impossible()).count();
    Ok(serde_json::json!({
        "rmse": rmse(&predictions).map_err(fail)?,
        "mae": mae(&predictions).map_err(fail)?,
        "fcp": fcp(&predictions).ok(),
        "n_test": predictions.len(),
        "impossible": impossible,
        "fit_ms": fit_ms,
        "predict_ms": predict_ms,
    }))
}

fn evaluate_cmd(rest: &[String]) -> Result<(), Failure> {
    let mut allowed = vec!["train", "test", "folds"];
    allowed.extend(ALGO_FLAGS);
    let a = parse_args(rest, &allowed)?;
    let spec = a.algo_spec("svd")?;
    let read_pair = |base: &str, test: &str| -> Result<(Vec<u8>, Vec<u8>), Failure> { Ok((read(base)?, read(test)?)) };
    let files: Vec<(Vec<u8>, Vec<u8>)> = match (a.options.get("folds"), a.options.get("train"), a.options.get("test")) {
        (Some(dir), None, None) => (1..=5)
            .map(|k| read_pair(&format!("{dir}/u{k}.base"), &format!("{dir}/u{k}.test")))
            .collect::<Result<_, _>>()?,
        (None, Some(train), Some(test)) => vec![read_pair(train, test)?],
        _ => return Err(usage("evaluate needs either --train F --test F or --folds DIR")),
    };
    let pairs: Vec<(&[u8], &[u8])> = files.iter().map(|(b, t)| (b.as_slice(), t.as_slice())).collect();
    let folds = predefined_folds(&pairs, &ParseOptions::default()).map_err(fail)?;
    let results: Vec<serde_json::Value> = folds.iter().map(|f| run_fold(&spec, f)).collect::<Result<_, _>>()?;
    let mut out = if results.len() == 1 {
        results[0].clone()
    } else {
        let mean = |key: &str| {
            let v: Vec<f64> = results.iter().filter_map(|r| r[key].as_f64()).collect();
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        };
        serde_json::json!({
            "rmse": mean("rmse"), "mae": mean("mae"), "fcp": mean("fcp"),
            "n_test": results.iter().filter_map(|r| r["n_test"].as_u64()).sum::<u64>(),
            "fit_ms": mean("fit_ms"), "predict_ms": mean("predict_ms"),
            "folds": results,
        })
    };
    out["algo"] = serde_json::Value::from(spec.name());
    println!("{out}");
    Ok(())
}

fn recommend_cmd(rest: &[String]) -> Result<(), Failure> {
    let mut allowed = vec!["user", "n", "scale", "out"];
    allowed.extend(ALGO_FLAGS);
    let a = parse_args(rest, &allowed)?;
    let spec = a.algo_spec("svd")?;
    let user = a.options.get("user").ok_or_else(|| usage("recommend needs --user U"))?;
    let ratings = load_ratings(a.one_file("ratings FILE")?, a.scale()?)?;
    let u = ratings.user_index(user).ok_or_else(|| fail(format!("unknown user '{user}'")))?;
    let rated: std::collections::HashSet<u32> = ratings.user_ratings(u).0.iter().copied().collect();
    let train = Trainset::new(ratings);
    let algo = spec.fit(&train).map_err(fail)?;
    let mut predictions: Vec<Prediction> = train
        .ratings()
        .item_ids()
        .iter()
        .enumerate()
        .filter(|(k, _)| !rated.contains(&(*k as u32)))
        .map(|(_, item)| predict(algo.as_ref(), &train, user, item, None))
        .collect();
    // Highest estimate first; ties in item order (stable sort).
    predictions.sort_by(|x, y| y.est.total_cmp(&x.est));
    let mut w = CsvWriter::default();
    w.row(["item", "estimate"].iter().map(|h| Cell::Text(h)));
    for p in predictions.iter().take(a.num("n", 10usize)?) {
        w.row([Cell::Text(&p.item), Cell::Num(p.est)]);
    }
    write_out(&a, &w.finish())
}
