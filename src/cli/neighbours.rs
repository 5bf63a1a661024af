//! `neighbours FILE --id ID`: the most similar users (or items) of one, as CSV.

use super::args::Args;
use super::failure::{fail, Failure};
use super::io::{load_ratings, write_out};
use crate::engine::similarity::compute;
use crate::engine::similarity::neighbours::{top_k, NeighbourFilter};
use crate::present::csv_writer::{Cell, CsvWriter};

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let params = super::similarity::params(a)?;
    let id = a.get("id").unwrap_or_default();
    let ratings = load_ratings(a, "ratings FILE")?;
    let row =
        ratings.ids(params.kind).iter().position(|x| x == id).ok_or_else(|| fail(format!("unknown id '{id}'")))?;
    let m = compute(&ratings, None, &params).map_err(fail)?;
    let mut w = CsvWriter::default();
    w.row(["id", "similarity", "common"].iter().map(|h| Cell::Text(h)));
    for n in top_k(&m, row, a.value_or("k", 10usize)?, NeighbourFilter::Similar) {
        w.row([Cell::Text(&n.id), Cell::Num(n.similarity), Cell::Num(n.support as f64)]);
    }
    write_out(a, &w.finish())
}
