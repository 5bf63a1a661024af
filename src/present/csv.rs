//! CSV exports of what the engine computed: similarity matrices and discount tables.
//! Ids and explanations are text cells, escaped against spreadsheet formulas.
//!
//! ```
//! use discount_lab::present::csv::matrix_csv;
//! use discount_lab::engine::data::ratings::Kind;
//! use discount_lab::engine::similarity::{Measure, SimilarityMatrix};
//! let m = SimilarityMatrix {
//!     kind: Kind::User, measure: Measure::Cosine, ids: vec!["a".into(), "=b".into()],
//!     values: ndarray::array![[1.0, 0.5], [0.5, 1.0]].into(), support: ndarray::array![[1, 1], [1, 1]].into(),
//! };
//! assert_eq!(matrix_csv(&m), ",a,'=b\na,1,0.5\n'=b,0.5,1\n");
//! ```

use crate::engine::data::purchases::PurchaseLog;
use crate::engine::data::user_table::UserTable;
use crate::engine::discount::offer::{zhe, zhe_label};
use crate::engine::discount::seed_item::ItemDiscount;
use crate::engine::discount::seed_user::UserDiscount;
use crate::engine::discount::segments::Segmentation;
use crate::engine::similarity::SimilarityMatrix;
use crate::engine::strategy::StrategyReport;
use crate::present::csv_writer::{Cell, CsvWriter};
use crate::present::why::{segment_names, why_offer};
use crate::present::why::{why_item, why_user};
use crate::present::Lang;

/// The matrix as CSV: a header row of ids (first cell empty), then one row per id.
pub fn matrix_csv(m: &SimilarityMatrix) -> String {
    let mut w = CsvWriter::default();
    w.row(std::iter::once(Cell::Text("")).chain(m.ids.iter().map(|id| Cell::Text(id))));
    for (r, id) in m.ids.iter().enumerate() {
        w.row(std::iter::once(Cell::Text(id)).chain(m.values.row(r).iter().map(Cell::Num)));
    }
    w.finish()
}

/// The per-user discount table as CSV.
pub fn user_discounts_csv(rows: &[UserDiscount], lang: Lang, as_in_article: bool) -> String {
    let mut w = CsvWriter::default();
    let header = ["user", "neighbours", "neighbour_mean", "strength", "percent_off", "zhe", "why"];
    w.row(header.iter().map(|h| Cell::Text(h)));
    for d in rows {
        let neighbours: Vec<&str> = d.neighbours.iter().map(|n| n.id.as_str()).collect();
        let neighbours = neighbours.join(" ");
        let why = why_user(lang, d, as_in_article);
        let z = zhe_label(d.percent_off);
        w.row([
            Cell::Text(&d.user),
            Cell::Text(&neighbours),
            Cell::Num(round(d.neighbour_mean, 9)),
            Cell::Num(round(d.strength, 9)),
            Cell::Num(round(d.percent_off.0, 6)),
            match zhe(d.percent_off) {
                Some(_) => Cell::Text(&z),
                None => Cell::Text(""),
            },
            Cell::Text(&why),
        ]);
    }
    w.finish()
}

/// The per-item discount table as CSV.
pub fn item_discounts_csv(rows: &[ItemDiscount], lang: Lang) -> String {
    let mut w = CsvWriter::default();
    let header = ["item", "similar_items", "m", "raw", "percent_off", "why"];
    w.row(header.iter().map(|h| Cell::Text(h)));
    for d in rows {
        let similar: Vec<&str> = d.neighbours.iter().map(|n| n.id.as_str()).collect();
        let similar = similar.join(" ");
        let why = why_item(lang, d);
        w.row([
            Cell::Text(&d.item),
            Cell::Text(&similar),
            Cell::Num(round(d.m.unwrap_or(f64::NAN), 9)),
            Cell::Num(round(d.raw.unwrap_or(f64::NAN), 9)),
            Cell::Num(round(d.discount.0, 6)),
            Cell::Text(&why),
        ]);
    }
    w.finish()
}

/// Ratings as `user,item,rating` CSV with a header, in input order.
pub fn ratings_csv(r: &crate::engine::data::ratings::Ratings) -> String {
    let mut w = CsvWriter::default();
    w.row(["user", "item", "rating"].iter().map(|h| Cell::Text(h)));
    for e in r.entries() {
        w.row([Cell::Text(r.user_id(e.user)), Cell::Text(r.item_id(e.item)), Cell::Num(e.value)]);
    }
    w.finish()
}

/// The item table as CSV with a header (the format `parse_items` reads), columns in the
/// order `item,category,list_price,unit_cost,attributes,discount_rates`.
pub fn items_csv(t: &crate::engine::data::items::ItemTable) -> String {
    let mut w = CsvWriter::default();
    let header = ["item", "category", "list_price", "unit_cost", "attributes", "discount_rates"];
    w.row(header.iter().map(|h| Cell::Text(h)));
    for i in &t.items {
        let attrs = i.attributes.join("|");
        let rates: Vec<String> = i.discount_rates.iter().map(|r| r.to_string()).collect();
        let rates = rates.join("|");
        w.row([
            Cell::Text(&i.id),
            Cell::Text(i.category.as_deref().unwrap_or("")),
            Cell::Num(i.price.unwrap_or(f64::NAN)),
            Cell::Num(i.cost.unwrap_or(f64::NAN)),
            Cell::Text(&attrs),
            Cell::Text(&rates),
        ]);
    }
    w.finish()
}

fn opt(v: Option<f64>) -> Cell<'static> {
    match v {
        Some(x) => Cell::Num(x),
        None => Cell::Text(""),
    }
}

/// `x` to `places` decimals, for model outputs whose last bits are noise (14.000000000000002).
fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    let r = (x * scale).round() / scale;
    if r.is_finite() {
        r + 0.0
    } else {
        x
    }
}

/// A strategy's offers as CSV: `user,percent_off,zhe,expected_cost,segment,why` and the
/// model figures behind them.
pub fn strategy_csv(r: &StrategyReport, lang: Lang) -> String {
    let mut w = CsvWriter::default();
    let header = [
        "user",
        "percent_off",
        "zhe",
        "expected_cost",
        "segment",
        "why",
        "proposed",
        "conversion",
        "expected_profit",
        "list_price",
        "unit_cost",
    ];
    w.row(header.iter().map(|h| Cell::Text(h)));
    let names = segment_names(lang, &r.segments);
    for o in &r.offers {
        let why = why_offer(lang, o, &names);
        let z = zhe_label(o.percent_off);
        let segment = o.segment.and_then(|s| names.get(s)).map(|n| format!("{}: {n}", o.segment.unwrap_or(0)));
        let segment = segment.unwrap_or_default();
        w.row([
            Cell::Text(&o.user),
            Cell::Num(round(o.percent_off.0, 6)),
            Cell::Text(if zhe(o.percent_off).is_some() { &z } else { "" }),
            opt(o.expected_cost.map(|c| round(c, 6))),
            Cell::Text(&segment),
            Cell::Text(&why),
            Cell::Num(round(o.proposed.0, 6)),
            opt(o.conversion.map(|p| round(p, 9))),
            opt(o.expected_profit.map(|v| round(v, 6))),
            opt(o.basket.as_ref().map(|b| round(b.list_price, 6))),
            opt(o.basket.as_ref().and_then(|b| b.unit_cost).map(|c| round(c, 6))),
        ]);
    }
    w.finish()
}

/// The purchase log as CSV with a header (the format `parse_purchases` reads).
pub fn purchases_csv(log: &PurchaseLog) -> String {
    let mut w = CsvWriter::default();
    // The event column only when the log has one.
    let events = log.rows.iter().any(|p| p.event.is_some());
    let header = ["user", "item", "list_price", "price_paid", "quantity", "timestamp", "event"];
    w.row(header[..if events { 7 } else { 6 }].iter().map(|h| Cell::Text(h)));
    for p in &log.rows {
        let mut cells = vec![
            Cell::Text(&p.user),
            Cell::Text(&p.item),
            Cell::Num(p.list_price),
            Cell::Num(p.price_paid),
            Cell::Num(p.quantity),
            Cell::Num(p.timestamp),
        ];
        if events {
            cells.push(Cell::Text(p.event.map_or("", |e| e.name())));
        }
        w.row(cells);
    }
    w.finish()
}

/// The user table as CSV (`user,<columns>`), users sorted by id.
pub fn users_csv(t: &UserTable) -> String {
    let mut w = CsvWriter::default();
    w.row(std::iter::once(Cell::Text("user")).chain(t.columns.iter().map(|c| Cell::Text(c))));
    let mut users: Vec<&String> = t.rows.keys().collect();
    users.sort();
    for u in users {
        let values = &t.rows[u];
        w.row(std::iter::once(Cell::Text(u)).chain(values.iter().map(|v| Cell::Text(v))));
    }
    w.finish()
}

/// Segments as CSV: `user,segment,name`.
pub fn segments_csv(user_ids: &[String], s: &Segmentation) -> String {
    let mut w = CsvWriter::default();
    w.row(["user", "segment", "name"].iter().map(|h| Cell::Text(h)));
    for (u, &l) in user_ids.iter().zip(&s.labels) {
        let name = s.profiles.get(l).map_or("", |p| p.name.as_str());
        w.row([Cell::Text(u), Cell::Num(l as f64), Cell::Text(name)]);
    }
    w.finish()
}
