//! `discounts FILE` (without `--strategy`): the articles' user formula, one row per user.

use super::args::Args;
use super::failure::{fail, Failure};
use super::io::{load_ratings, write_out};
use crate::engine::data::ratings::Kind;
use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::discount::seed_user::{user_discounts, UserDiscountParams};
use crate::engine::similarity::{compute, Measure, SimilarityParams};
use crate::present::csv::user_discounts_csv;
use crate::present::Lang;

/// `--min-discount` and `--max-discount` (the articles' 0 and 25% unless given).
pub(super) fn bounds(a: &Args) -> Result<OfferBounds, Failure> {
    let d = OfferBounds::default();
    Ok(OfferBounds {
        min: Percent(a.value_or("min-discount", d.min.0)?),
        max: Percent(a.value_or("max-discount", d.max.0)?),
    })
}

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let measure = a.choice_or("measure", Measure::Pearson)?;
    let sim_params = SimilarityParams::new(Kind::User, measure).check().map_err(fail)?;
    let as_in_article = a.flag("as-in-article");
    let params =
        UserDiscountParams { k: a.value_or("k", 5usize)?, bounds: bounds(a)?, as_in_article }.check().map_err(fail)?;
    let ratings = load_ratings(a, "ratings FILE")?;
    let sim = compute(&ratings, None, &sim_params).map_err(fail)?;
    let rows = user_discounts(&ratings, &sim, &params).map_err(fail)?;
    write_out(a, &user_discounts_csv(&rows, Lang::En, as_in_article))
}
