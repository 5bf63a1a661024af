//! The optional item table: attributes (for Jaccard item similarity), list price,
//! unit cost, category and the discount rates an item has been sold at (for the
//! articles' item discount).
//!
//! Columns are `item,attributes[,price,cost,category,discount_rates]`, attributes
//! and rates `|`-separated. With a header the columns may come in any order and
//! `list_price`, `unit_cost` and `rates` are accepted as names.
//!
//! ```
//! use discount_lab::engine::data::items::parse_items;
//! let t = parse_items(b"item,attributes,discount_rates\ni1,a|b|c,0.2|0.3\n").unwrap();
//! assert_eq!(t.items[0].attributes, vec!["a", "b", "c"]);
//! assert_eq!(t.items[0].discount_rates, vec![0.2, 0.3]);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::Ratings;
use crate::engine::data::text_input::{as_text, non_negative, number, records, Problems, Record, Separator};
use crate::engine::error::{EngineError, ParseError, ParseErrorKind, ParseErrors};
use crate::engine::limits::MAX_ITEMS;

/// What the item table says about one item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ItemInfo {
    /// Item id (matches the rating file's item ids).
    pub id: String,
    /// Attribute tags, in file order without repeats.
    pub attributes: Vec<String>,
    /// List price.
    pub price: Option<f64>,
    /// Unit cost.
    pub cost: Option<f64>,
    /// Category.
    pub category: Option<String>,
    /// Discount rates (fractions in [0, 1)) the item has been offered at.
    pub discount_rates: Vec<f64>,
}

/// All items of the table, in file order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ItemTable {
    /// The items.
    pub items: Vec<ItemInfo>,
}

impl ItemTable {
    /// The categories of the items, sorted, each once.
    pub fn categories(&self) -> Vec<String> {
        let mut categories: Vec<String> = self.items.iter().filter_map(|i| i.category.clone()).collect();
        categories.sort();
        categories.dedup();
        categories
    }
    /// Looks an item up by id.
    pub fn get(&self, id: &str) -> Option<&ItemInfo> {
        self.items.iter().find(|i| i.id == id)
    }
    /// Map from id to row, for repeated look-ups.
    pub fn index(&self) -> HashMap<&str, &ItemInfo> {
        self.items.iter().map(|i| (i.id.as_str(), i)).collect()
    }

    /// The table, if it describes any item of `ratings` (or either is empty); otherwise it is
    /// most likely the wrong file, and the error says what its ids and the ratings' look like.
    pub fn for_ratings(self, ratings: &Ratings) -> Result<ItemTable, EngineError> {
        let rated = ratings.item_ids();
        if self.items.is_empty() || rated.is_empty() || self.items.iter().any(|i| ratings.item_index(&i.id).is_some()) {
            return Ok(self);
        }
        Err(EngineError::ItemTableForOtherItems {
            n: self.items.len(),
            example: self.items[0].id.clone(),
            rated: rated[0].clone(),
        })
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Col {
    Item,
    Attributes,
    Price,
    Cost,
    Category,
    Rates,
}

const POSITIONAL: [Col; 6] = [Col::Item, Col::Attributes, Col::Price, Col::Cost, Col::Category, Col::Rates];

fn column_named(name: &str) -> Option<Col> {
    match name.to_lowercase().as_str() {
        "item" | "item_id" | "itemid" | "product" => Some(Col::Item),
        "attributes" | "attrs" | "tags" => Some(Col::Attributes),
        "price" | "list_price" => Some(Col::Price),
        "cost" | "unit_cost" => Some(Col::Cost),
        "category" => Some(Col::Category),
        "discount_rates" | "rates" => Some(Col::Rates),
        _ => None,
    }
}

/// Reads an item table (comma-separated); problems are located by line and column.
pub fn parse_items(bytes: &[u8]) -> Result<ItemTable, ParseErrors> {
    let text = as_text(bytes)?;
    let mut recs = records(text, Separator::Comma)?;
    let header = recs.first().is_some_and(|r| r.fields.first().and_then(|f| column_named(f)) == Some(Col::Item));
    let columns: Vec<Option<Col>> = if header {
        recs.remove(0).fields.iter().map(|f| column_named(f)).collect()
    } else {
        POSITIONAL.iter().map(|&c| Some(c)).collect()
    };
    if recs.is_empty() {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    }
    let mut problems = Problems::default();
    let mut items = Vec::with_capacity(recs.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for rec in &recs {
        if items.len() == MAX_ITEMS {
            problems.push(ParseError {
                line: rec.line,
                column: 0,
                kind: ParseErrorKind::OverLimit { what: "items", limit: MAX_ITEMS },
            });
            break;
        }
        match read_item(rec, &columns) {
            Ok(info) => match seen.get(&info.id) {
                Some(&k) => items[k] = info,
                None => {
                    seen.insert(info.id.clone(), items.len());
                    items.push(info);
                }
            },
            Err(e) => problems.push(e),
        }
    }
    problems.finish()?;
    Ok(ItemTable { items })
}

fn read_item(rec: &Record, columns: &[Option<Col>]) -> Result<ItemInfo, ParseError> {
    if rec.fields.len() < 2 {
        return Err(ParseError {
            line: rec.line,
            column: rec.fields.len() + 1,
            kind: ParseErrorKind::MissingField { name: "attributes", found: rec.fields.len(), needed: 2 },
        });
    }
    if rec.fields.len() > columns.len() {
        return Err(ParseError {
            line: rec.line,
            column: columns.len() + 1,
            kind: ParseErrorKind::TooManyFields { found: rec.fields.len(), max: columns.len() },
        });
    }
    let mut info = ItemInfo::default();
    for (k, field) in rec.fields.iter().enumerate() {
        let column = k + 1;
        let at = |kind| ParseError { line: rec.line, column, kind };
        match columns[k] {
            Some(Col::Item) => {
                if field.is_empty() {
                    return Err(at(ParseErrorKind::EmptyId { name: "item" }));
                }
                info.id = field.clone();
            }
            Some(Col::Attributes) => {
                for a in field.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                    if !info.attributes.iter().any(|x| x == a) {
                        info.attributes.push(a.to_string());
                    }
                }
            }
            Some(Col::Price) if !field.is_empty() => info.price = Some(non_negative(rec, column, "price")?),
            Some(Col::Cost) if !field.is_empty() => info.cost = Some(non_negative(rec, column, "cost")?),
            Some(Col::Category) if !field.is_empty() => info.category = Some(field.clone()),
            Some(Col::Rates) => {
                for part in field.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                    let one = Record { line: rec.line, fields: vec![part.to_string()] };
                    let rate = number(&one, 1, "discount rate").map_err(|e| ParseError { column, ..e })?;
                    if !(0.0..1.0).contains(&rate) {
                        return Err(at(ParseErrorKind::OutOfScale {
                            name: "discount rate",
                            value: rate,
                            lo: 0.0,
                            hi: 1.0,
                        }));
                    }
                    info.discount_rates.push(rate);
                }
            }
            _ => {}
        }
    }
    if info.id.is_empty() {
        return Err(ParseError { line: rec.line, column: 1, kind: ParseErrorKind::EmptyId { name: "item" } });
    }
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::parse_items;

    #[test]
    fn categories_are_sorted_and_each_once() {
        let table = b"item,category,list_price\ni1,toys,10\ni2,books,5\ni3,toys,8\ni4,,3\n";
        assert_eq!(parse_items(table).unwrap().categories(), ["books", "toys"]);
    }
}
