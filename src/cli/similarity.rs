//! `similarity FILE`: the user-user or item-item matrix as CSV.

use super::args::Args;
use super::failure::{fail, Failure};
use super::io::{load_items, load_ratings, write_out};
use crate::engine::data::ratings::Kind;
use crate::engine::similarity::{compute, Measure, SimilarityParams, ValidSimilarityParams};
use crate::present::csv::matrix_csv;
use crate::present::precision::precision_note;
use crate::present::Lang;

/// The similarity options of `--kind`, `--measure`, `--min-support`, `--shrinkage`, `--zero-fill`.
pub(super) fn params(a: &Args) -> Result<ValidSimilarityParams, Failure> {
    SimilarityParams::new(a.choice_or("kind", Kind::User)?, a.choice_or("measure", Measure::Pearson)?)
        .min_support(a.value_or("min-support", 1usize)?)
        .shrinkage(a.value_or("shrinkage", 100.0f64)?)
        .zero_fill(a.flag("zero-fill"))
        .check()
        .map_err(fail)
}

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let params = params(a)?;
    let ratings = load_ratings(a, "ratings FILE")?;
    let items = a.get("items").map(|p| load_items(p)?.for_ratings(&ratings).map_err(fail)).transpose()?;
    let m = compute(&ratings, items.as_ref(), &params).map_err(fail)?;
    if let Some(note) = precision_note(Lang::En, &m) {
        eprintln!("{note}");
    }
    write_out(a, &matrix_csv(&m))
}
