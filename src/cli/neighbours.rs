//! `neighbours FILE --id ID`: the most similar users (or items) of one, as CSV; `neighbours
//! FILE --all`: every row's K most similar, streamed without the dense matrix.

use super::args::Args;
use super::failure::{fail, usage, Failure};
use super::io::{load_ratings, load_ratings_within, write_out};
use crate::engine::data::ratings::Kind;
use crate::engine::limits::InputLimits;
use crate::engine::similarity::compute;
use crate::engine::similarity::neighbours::{streaming_threads, top_k, top_k_streaming, NeighbourFilter};
use crate::present::csv_writer::{Cell, CsvWriter};
use crate::present::precision::precision_note;
use crate::present::Lang;

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    match (a.get("id"), a.flag("all")) {
        (Some(_), true) => Err(usage("neighbours takes --id ID or --all, not both")),
        (None, false) => Err(usage("neighbours needs --id ID or --all")),
        (Some(id), false) => one(a, id),
        (None, true) => all(a),
    }
}

/// One row's neighbours, from the dense matrix.
fn one(a: &Args, id: &str) -> Result<(), Failure> {
    let params = super::similarity::params(a)?;
    let ratings = load_ratings(a, "ratings FILE")?;
    let row =
        ratings.ids(params.kind).iter().position(|x| x == id).ok_or_else(|| fail(format!("unknown id '{id}'")))?;
    let m = compute(&ratings, None, &params).map_err(fail)?;
    if let Some(note) = precision_note(Lang::En, &m) {
        eprintln!("{note}");
    }
    let mut w = CsvWriter::default();
    w.row(["id", "similarity", "common"].iter().map(|h| Cell::Text(h)));
    for n in top_k(&m, row, a.value_or("k", 10usize)?, NeighbourFilter::Similar) {
        w.row([Cell::Text(&n.id), Cell::Num(n.similarity), Cell::Num(n.support as f64)]);
    }
    write_out(a, &w.finish())
}

/// Every row's neighbours, streamed in O(rows × K) memory, from a file up to MovieLens-10M's size.
fn all(a: &Args) -> Result<(), Failure> {
    let params = super::similarity::params(a)?;
    let k = a.value_or("k", 10usize)?;
    let ratings = load_ratings_within(a, "ratings FILE", &InputLimits::LARGE)?;
    let started = std::time::Instant::now();
    let lists = top_k_streaming(&ratings, &params, k, NeighbourFilter::Similar).map_err(fail)?;
    let n = lists.len();
    eprintln!(
        "{n} {}s, the {k} most similar of each ({}), streamed on {} {} in {:.1} s without the {n} x {n} matrix",
        if params.kind == Kind::User { "user" } else { "item" },
        params.measure.name(),
        streaming_threads(),
        if streaming_threads() == 1 { "thread" } else { "threads" },
        started.elapsed().as_secs_f64(),
    );
    let ids = ratings.ids(params.kind);
    let mut w = CsvWriter::default();
    w.row(["id", "neighbour", "similarity", "common"].iter().map(|h| Cell::Text(h)));
    for (id, list) in ids.iter().zip(&lists) {
        for nb in list {
            w.row([Cell::Text(id), Cell::Text(&nb.id), Cell::Num(nb.similarity), Cell::Num(nb.support as f64)]);
        }
    }
    write_out(a, &w.finish())
}
