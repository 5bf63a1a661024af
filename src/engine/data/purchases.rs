//! The purchase log: who was offered which item at what price, and how many they bought.
//!
//! Columns are `user,item,list_price,price_paid,quantity,timestamp`; with a header
//! they may come in any order (`price` and `paid` are accepted for the prices,
//! `qty` for the quantity, `time` or `date` for the timestamp). A row with quantity
//! 0 is a view at that price without a purchase: the strategies that model whether a
//! customer buys (elasticity, purchase probability) need those rows, and the
//! synthetic shop writes them. The timestamp is Unix seconds or a date
//! `2026-01-31` (optionally with a time, `2026-01-31T09:30:00`), read as UTC.
//!
//! An optional `event` column (`view`, `cart` or `purchase`; also `addtocart`,
//! `transaction`, ...) says what a row records, as clickstream logs do: a view or a
//! cart row is an offer seen and not bought, whatever its quantity (a cart row's
//! quantity is the units put in the cart), and carts become a feature of the segments.
//!
//! ```
//! use discount_lab::engine::data::purchases::parse_purchases;
//! let log = parse_purchases(b"user,item,list_price,price_paid,quantity,timestamp\nc1,p1,10,8,2,2026-01-02\n").unwrap();
//! assert_eq!(log.rows[0].quantity, 2.0);
//! assert!((log.rows[0].discount() - 0.2).abs() < 1e-12);
//! assert_eq!(log.rows[0].timestamp, 1_767_312_000.0);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::data::dates::timestamp;
use crate::engine::data::text_input::{as_text, non_negative, number, records, Problems, Record, Separator};
use crate::engine::error::{ParseError, ParseErrorKind, ParseErrors};
use crate::engine::limits::{MAX_ITEMS, MAX_RATINGS, MAX_USERS};

/// One row of the purchase log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Purchase {
    /// User id.
    pub user: String,
    /// Item id.
    pub item: String,
    /// List price P0 (> 0).
    pub list_price: f64,
    /// Price paid per unit (≥ 0).
    pub price_paid: f64,
    /// Units bought; 0 means the item was viewed at this price and not bought.
    pub quantity: f64,
    /// Unix seconds (UTC).
    pub timestamp: f64,
    /// What the row records, when the log has an `event` column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
}

/// What a row of a clickstream-style log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The item was seen at this price.
    View,
    /// The item was put in the cart.
    Cart,
    /// The item was bought.
    Purchase,
}

impl Event {
    /// The event of a cell's text (case-insensitive), if it names one.
    pub fn from_name(name: &str) -> Option<Event> {
        match name.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "view" | "viewed" | "impression" | "seen" => Some(Event::View),
            "cart" | "addtocart" | "add_to_cart" | "carted" | "basket" => Some(Event::Cart),
            "purchase" | "purchased" | "buy" | "bought" | "transaction" | "order" => Some(Event::Purchase),
            _ => None,
        }
    }
    /// The name the CSV export writes.
    pub fn name(self) -> &'static str {
        match self {
            Event::View => "view",
            Event::Cart => "cart",
            Event::Purchase => "purchase",
        }
    }
}

impl Purchase {
    /// The discount the row was sold at: 1 − paid / list (negative for a surcharge).
    pub fn discount(&self) -> f64 {
        1.0 - self.price_paid / self.list_price
    }
    /// Units bought: the quantity, except on a view or cart row (nothing bought).
    pub fn units(&self) -> f64 {
        match self.event {
            Some(Event::View | Event::Cart) => 0.0,
            _ => self.quantity,
        }
    }
    /// Whether anything was bought.
    pub fn bought(&self) -> bool {
        self.units() > 0.0
    }
    /// Whether the row is a cart event.
    pub fn carted(&self) -> bool {
        self.event == Some(Event::Cart)
    }
}

/// All rows of a purchase log, in file order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PurchaseLog {
    /// The rows.
    pub rows: Vec<Purchase>,
}

impl PurchaseLog {
    /// Whether the log has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    /// Whether any row is a cart event (then carts are a feature of the segments).
    pub fn has_carts(&self) -> bool {
        self.rows.iter().any(Purchase::carted)
    }
    /// Row numbers of each user, in file order.
    pub fn by_user(&self) -> HashMap<&str, Vec<usize>> {
        let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, row) in self.rows.iter().enumerate() {
            out.entry(row.user.as_str()).or_default().push(k);
        }
        out
    }
    /// The latest timestamp, the log's "now" (0 when empty).
    pub fn latest(&self) -> f64 {
        self.rows.iter().map(|r| r.timestamp).fold(f64::NEG_INFINITY, f64::max).max(0.0)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Col {
    User,
    Item,
    ListPrice,
    PricePaid,
    Quantity,
    Timestamp,
    Event,
}

const POSITIONAL: [Col; 6] = [Col::User, Col::Item, Col::ListPrice, Col::PricePaid, Col::Quantity, Col::Timestamp];

fn column_named(name: &str) -> Option<Col> {
    match name.to_lowercase().as_str() {
        "user" | "user_id" | "userid" | "customer" => Some(Col::User),
        "item" | "item_id" | "itemid" | "product" => Some(Col::Item),
        "list_price" | "price" | "listprice" => Some(Col::ListPrice),
        "price_paid" | "paid" | "pricepaid" => Some(Col::PricePaid),
        "quantity" | "qty" => Some(Col::Quantity),
        "timestamp" | "time" | "date" => Some(Col::Timestamp),
        "event" | "event_type" | "action" => Some(Col::Event),
        _ => None,
    }
}

/// Reads a purchase log (comma-separated); problems are located by line and column.
pub fn parse_purchases(bytes: &[u8]) -> Result<PurchaseLog, ParseErrors> {
    let text = as_text(bytes)?;
    let mut recs = records(text, Separator::Comma)?;
    let header = recs.first().is_some_and(|r| r.fields.iter().any(|f| column_named(f).is_some()));
    let columns: Vec<Option<Col>> = if header {
        recs.remove(0).fields.iter().map(|f| column_named(f)).collect()
    } else {
        POSITIONAL.iter().map(|&c| Some(c)).collect()
    };
    let mut problems = Problems::default();
    for (name, col) in [("user", Col::User), ("item", Col::Item), ("list_price", Col::ListPrice)] {
        if !columns.contains(&Some(col)) {
            problems.push(ParseError {
                line: 1,
                column: 0,
                kind: ParseErrorKind::MissingField { name, found: columns.len(), needed: 6 },
            });
        }
    }
    problems.finish()?;
    if recs.is_empty() {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    }
    let mut problems = Problems::default();
    let mut rows = Vec::with_capacity(recs.len());
    let (mut users, mut items) = (HashMap::new(), HashMap::new());
    for rec in &recs {
        if rows.len() == MAX_RATINGS {
            problems.push(over(rec.line, "purchase rows", MAX_RATINGS));
            break;
        }
        match read_row(rec, &columns) {
            Ok(row) => {
                let n_users = users.len();
                users.entry(row.user.clone()).or_insert(n_users);
                let n_items = items.len();
                items.entry(row.item.clone()).or_insert(n_items);
                if users.len() > MAX_USERS {
                    problems.push(over(rec.line, "users", MAX_USERS));
                    break;
                }
                if items.len() > MAX_ITEMS {
                    problems.push(over(rec.line, "items", MAX_ITEMS));
                    break;
                }
                rows.push(row);
            }
            Err(e) => problems.push(e),
        }
    }
    problems.finish()?;
    Ok(PurchaseLog { rows })
}

fn over(line: usize, what: &'static str, limit: usize) -> ParseError {
    ParseError { line, column: 0, kind: ParseErrorKind::OverLimit { what, limit } }
}

fn read_row(rec: &Record, columns: &[Option<Col>]) -> Result<Purchase, ParseError> {
    let needed = columns.iter().filter(|c| c.is_some()).count().min(7);
    if rec.fields.len() < needed {
        let name =
            ["user", "item", "list_price", "price_paid", "quantity", "timestamp", "event"][rec.fields.len().min(6)];
        return Err(ParseError {
            line: rec.line,
            column: rec.fields.len() + 1,
            kind: ParseErrorKind::MissingField { name, found: rec.fields.len(), needed },
        });
    }
    if rec.fields.len() > columns.len() {
        return Err(ParseError {
            line: rec.line,
            column: columns.len() + 1,
            kind: ParseErrorKind::TooManyFields { found: rec.fields.len(), max: columns.len() },
        });
    }
    let mut row = Purchase {
        user: String::new(),
        item: String::new(),
        list_price: 0.0,
        price_paid: f64::NAN,
        quantity: f64::NAN,
        timestamp: 0.0,
        event: None,
    };
    for (k, field) in rec.fields.iter().enumerate() {
        let column = k + 1;
        let at = |kind| ParseError { line: rec.line, column, kind };
        match columns[k] {
            Some(Col::User) | Some(Col::Item) if field.is_empty() => {
                let name = if columns[k] == Some(Col::User) { "user" } else { "item" };
                return Err(at(ParseErrorKind::EmptyId { name }));
            }
            Some(Col::User) => row.user = field.clone(),
            Some(Col::Item) => row.item = field.clone(),
            Some(Col::ListPrice) => {
                let v = number(rec, column, "list_price")?;
                if v <= 0.0 {
                    return Err(at(ParseErrorKind::NotPositive { name: "list_price", value: v }));
                }
                row.list_price = v;
            }
            Some(Col::PricePaid) => row.price_paid = non_negative(rec, column, "price_paid")?,
            Some(Col::Quantity) => row.quantity = non_negative(rec, column, "quantity")?,
            Some(Col::Timestamp) => {
                row.timestamp = timestamp(field)
                    .ok_or_else(|| at(ParseErrorKind::NotADate { name: "timestamp", value: field.clone() }))?
            }
            Some(Col::Event) => {
                row.event = Some(
                    Event::from_name(field).ok_or_else(|| at(ParseErrorKind::NotAnEvent { value: field.clone() }))?,
                )
            }
            None => {}
        }
    }
    if row.price_paid.is_nan() {
        row.price_paid = row.list_price;
    }
    // Without a quantity column a row is one unit bought, or, with an event, none unless a purchase.
    if row.quantity.is_nan() {
        row.quantity = match row.event {
            Some(Event::View | Event::Cart) => 0.0,
            _ => 1.0,
        };
    }
    // A purchase row that bought nothing contradicts itself.
    if row.event == Some(Event::Purchase) && row.quantity == 0.0 {
        let column = columns.iter().position(|c| *c == Some(Col::Quantity)).map_or(0, |k| k + 1);
        return Err(ParseError {
            line: rec.line,
            column,
            kind: ParseErrorKind::NotPositive { name: "quantity of a purchase", value: 0.0 },
        });
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_errors() {
        let e = parse_purchases(b"c1,p1,10,8,1,0\nc2,p1,0,8,1,0\nc3,p2,10,x,1,0\nc4,p2,10,8,-1,0\nc5,p3,10,8,1,soon\n")
            .unwrap_err();
        let found: Vec<(usize, usize)> = e.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(found, vec![(2, 3), (3, 4), (4, 5), (5, 6)]);
    }
}
