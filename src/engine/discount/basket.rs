//! The money side of an offer to one user: the list price and unit cost of what the
//! user typically looks at, the "reference basket" every strategy prices its offer on.
//!
//! The basket is the mean list price (and mean unit cost, from the item table) of the
//! user's purchase-log rows; without log rows, of the user's rated items that have a
//! price in the item table; without those, of every priced item. Its category and item
//! are the user's most frequent ones (ties: first seen). No prices anywhere: no basket,
//! and the strategies that need money say so.
//!
//! ```
//! use discount_lab::engine::discount::basket::baskets;
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 1, customers: 8, products: 14 });
//! let b = baskets(&data);
//! assert!(b.iter().all(|b| b.as_ref().is_some_and(|b| b.list_price > 0.0)));
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::UserIdx;
use crate::engine::data::samples::Dataset;

/// What an offer to one user is priced on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Basket {
    /// Mean list price P0.
    pub list_price: f64,
    /// Mean unit cost c, when costs are known.
    pub unit_cost: Option<f64>,
    /// The user's most frequent item.
    pub item: Option<String>,
    /// The user's most frequent category.
    pub category: Option<String>,
    /// Where the numbers come from.
    pub source: BasketSource,
}

/// Where a basket's numbers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasketSource {
    /// The user's purchase-log rows.
    Purchases,
    /// The user's rated items.
    RatedItems,
    /// Every priced item (the user has neither).
    Catalogue,
}

#[derive(Default)]
struct Acc<'a> {
    price: f64,
    cost: f64,
    n: usize,
    n_cost: usize,
    items: Vec<&'a str>,
    categories: Vec<&'a str>,
}

impl<'a> Acc<'a> {
    fn add(&mut self, price: f64, cost: Option<f64>, item: &'a str, category: Option<&'a str>) {
        self.price += price;
        self.n += 1;
        if let Some(c) = cost {
            self.cost += c;
            self.n_cost += 1;
        }
        self.items.push(item);
        if let Some(c) = category {
            self.categories.push(c);
        }
    }
    fn finish(&self, source: BasketSource) -> Option<Basket> {
        (self.n > 0).then(|| Basket {
            list_price: self.price / self.n as f64,
            unit_cost: (self.n_cost > 0).then(|| self.cost / self.n_cost as f64),
            item: most_frequent(&self.items),
            category: most_frequent(&self.categories),
            source,
        })
    }
}

fn most_frequent(values: &[&str]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| k == v) {
            Some((_, c)) => *c += 1,
            None => counts.push((v, 1)),
        }
    }
    // max_by_key keeps the last maximum; reverse so the first seen wins ties.
    counts.iter().rev().max_by_key(|(_, c)| *c).map(|(k, _)| k.to_string())
}

/// The basket of every user of the rating set, in user order.
pub fn baskets(data: &Dataset) -> Vec<Option<Basket>> {
    let items = data.items.index();
    let r = &data.ratings;
    let index: HashMap<&str, usize> = r.user_ids().iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    let mut from_log: Vec<Acc> = (0..r.n_users()).map(|_| Acc::default()).collect();
    for p in &data.purchases.rows {
        if let Some(&u) = index.get(p.user.as_str()) {
            let info = items.get(p.item.as_str());
            from_log[u].add(p.list_price, info.and_then(|i| i.cost), &p.item, info.and_then(|i| i.category.as_deref()));
        }
    }
    let mut catalogue = Acc::default();
    for info in &data.items.items {
        if let Some(price) = info.price {
            catalogue.add(price, info.cost, &info.id, info.category.as_deref());
        }
    }
    let catalogue = catalogue.finish(BasketSource::Catalogue);
    (0..r.n_users())
        .map(|u| {
            if let Some(b) = from_log[u].finish(BasketSource::Purchases) {
                return Some(b);
            }
            let mut rated = Acc::default();
            let (cols, _) = r.user_ratings(UserIdx(u as u32));
            for &i in cols {
                let id = &r.item_ids()[i as usize];
                if let Some(info) = items.get(id.as_str()) {
                    if let Some(price) = info.price {
                        rated.add(price, info.cost, id, info.category.as_deref());
                    }
                }
            }
            rated.finish(BasketSource::RatedItems).or_else(|| catalogue.clone())
        })
        .collect()
}
