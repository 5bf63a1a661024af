//! `recommend FILE --user U`: the user's top-N unrated items by an algorithm's estimate.

use super::args::Args;
use super::failure::{fail, Failure};
use super::io::{load_ratings, write_out};
use crate::engine::predict::{predict, Prediction, Trainset};
use crate::present::csv_writer::{Cell, CsvWriter};

pub(super) fn run(a: &Args) -> Result<(), Failure> {
    let spec = super::evaluate::algo_spec(a, "svd")?;
    let user = a.get("user").unwrap_or_default();
    let ratings = load_ratings(a, "ratings FILE")?;
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
    for p in predictions.iter().take(a.value_or("n", 10usize)?) {
        w.row([Cell::Text(&p.item), Cell::Num(p.est)]);
    }
    write_out(a, &w.finish())
}
