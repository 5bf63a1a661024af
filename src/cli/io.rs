//! Reading and writing for the commands: files in, CSV out, failures with their exit codes.

use super::args::Args;
use super::failure::{fail, Failure};
use crate::engine::data::items::{parse_items, ItemTable};
use crate::engine::data::parse::{parse_ratings_within, ParseOptions};
use crate::engine::data::purchases::parse_purchases;
use crate::engine::data::ratings::Ratings;
use crate::engine::data::samples::Dataset;
use crate::engine::data::user_table::parse_users;
use crate::engine::error::ParseErrors;
use crate::engine::limits::InputLimits;

/// Every problem of a file, each on its own line with the file's name.
pub(crate) fn parse_failure(path: &str, e: ParseErrors) -> Failure {
    let lines: Vec<String> = e.problems.iter().map(|p| format!("{path}: {p}")).collect();
    let more = if e.total > e.problems.len() {
        format!("\n…and {} more", e.total - e.problems.len())
    } else {
        String::new()
    };
    fail(format!("{}{more}", lines.join("\nerror: ")))
}

pub(crate) fn read(path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| fail(format!("cannot read {path}: {e}")))
}

/// Writes `text` to `--out`, or to standard output.
pub(crate) fn write_out(args: &Args, text: &str) -> Result<(), Failure> {
    match args.get("out") {
        Some(path) => std::fs::write(path, text).map_err(|e| fail(format!("cannot write {path}: {e}"))),
        None => {
            use std::io::Write;
            std::io::stdout().write_all(text.as_bytes()).map_err(|e| fail(format!("cannot write output: {e}")))
        }
    }
}

/// The rating file, with `--scale` when given; duplicate pairs are warned about.
pub(crate) fn load_ratings(args: &Args, what: &str) -> Result<Ratings, Failure> {
    load_ratings_within(args, what, &InputLimits::APP)
}

/// As [`load_ratings`], within `limits`.
pub(crate) fn load_ratings_within(args: &Args, what: &str, limits: &InputLimits) -> Result<Ratings, Failure> {
    let path = args.one_file(what)?;
    let options = ParseOptions { scale: args.scale()?, ..Default::default() };
    let parsed = parse_ratings_within(&read(path)?, &options, limits).map_err(|e| parse_failure(path, e))?;
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

/// An item table file.
pub(crate) fn load_items(path: &str) -> Result<ItemTable, Failure> {
    parse_items(&read(path)?).map_err(|e| parse_failure(path, e))
}

/// The rating file and whichever of `--items`, `--purchases`, `--users` were given.
pub(crate) fn load_dataset(args: &Args) -> Result<Dataset, Failure> {
    let mut data = Dataset::of_ratings(load_ratings(args, "ratings FILE")?);
    if let Some(p) = args.get("items") {
        data.items = load_items(p)?.for_ratings(&data.ratings).map_err(fail)?;
    }
    if let Some(p) = args.get("purchases") {
        data.purchases = parse_purchases(&read(p)?).map_err(|e| parse_failure(p, e))?;
    }
    if let Some(p) = args.get("users") {
        data.users = parse_users(&read(p)?).map_err(|e| parse_failure(p, e))?;
    }
    Ok(data)
}
