//! The articles' "item" discount: an item is priced like the items it resembles.
//!
//! discount(i) = m / (1 − m), where m is the lowest discount rate any of i's K most
//! Jaccard-similar items (by attribute set) has been sold at, clamped to [0, max].
//! The formula saturates when m ≥ 0.5 (m / (1 − m) ≥ 1, i.e. 100% off or more); the
//! result then always sits at the cap and says so. In the worked example i1 {a,b,c}
//! and i2 {a,b,c,d} have Jaccard 0.75, i2's lowest rate is 0.2, so discount(i1) = 0.25.
//!
//! ```
//! use discount_lab::engine::discount::seed_item::{item_discounts, ItemDiscountParams};
//! use discount_lab::engine::data::samples::worked_example;
//! let ex = worked_example();
//! let d = item_discounts(&ex.items, &ItemDiscountParams::default().check().unwrap()).unwrap();
//! assert!((d[0].discount.fraction() - 0.25).abs() < 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use super::basket::Basket;
use super::offer::{OfferBounds, Offered, Percent, Unavailable};
use crate::engine::data::items::ItemTable;
use crate::engine::error::{EngineError, Need};
use crate::engine::limits::MAX_NEIGHBOURS;
use crate::engine::similarity::attributes::attribute_matrix;
use crate::engine::similarity::neighbours::{top_k, Neighbour, NeighbourFilter};

/// Options of the item discount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ItemDiscountParams {
    /// Number of similar items K (default 3).
    pub k: usize,
    /// Offer bounds (default 0%-25%).
    pub bounds: OfferBounds,
}

impl Default for ItemDiscountParams {
    fn default() -> Self {
        ItemDiscountParams { k: 3, bounds: OfferBounds::default() }
    }
}

/// Checked [`ItemDiscountParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidItemDiscountParams(ItemDiscountParams);

impl std::ops::Deref for ValidItemDiscountParams {
    type Target = ItemDiscountParams;
    fn deref(&self) -> &ItemDiscountParams {
        &self.0
    }
}

impl ItemDiscountParams {
    /// Checks K ≥ 1 and the bounds.
    pub fn check(self) -> Result<ValidItemDiscountParams, EngineError> {
        if self.k == 0 || self.k > MAX_NEIGHBOURS {
            return Err(EngineError::param("k", format!("must be between 1 and {MAX_NEIGHBOURS}")));
        }
        self.bounds.check()?;
        Ok(ValidItemDiscountParams(self))
    }
}

/// How an item's discount was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemOutcome {
    /// m / (1 − m) within the bounds.
    Formula,
    /// m / (1 − m) above the maximum: capped.
    Capped,
    /// m ≥ 0.5: the formula gives 100% off or more, capped at the maximum.
    Saturated,
    /// No similar item has discount rates: no discount.
    NoSimilarRates,
}

/// One item's discount and its reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDiscount {
    /// Item id.
    pub item: String,
    /// The K most similar items (attribute Jaccard > 0).
    pub neighbours: Vec<Neighbour>,
    /// The lowest discount rate among the neighbours, m.
    pub m: Option<f64>,
    /// m / (1 − m) before clamping (infinite when m = 1 is impossible: rates are below 1).
    pub raw: Option<f64>,
    /// The discount after clamping.
    pub discount: Percent,
    /// How it was decided.
    pub outcome: ItemOutcome,
}

/// The discount of every item of the table, in table order.
pub fn item_discounts(table: &ItemTable, params: &ValidItemDiscountParams) -> Result<Vec<ItemDiscount>, EngineError> {
    if table.items.iter().all(|i| i.attributes.is_empty()) {
        return Err(EngineError::Needs(Need::ItemAttributes));
    }
    let ids: Vec<String> = table.items.iter().map(|i| i.id.clone()).collect();
    let sim = attribute_matrix(ids, table, 1);
    Ok((0..sim.len())
        .map(|i| {
            let neighbours = top_k(&sim, i, params.k, NeighbourFilter::Similar);
            let m = neighbours
                .iter()
                .flat_map(|n| table.items[n.index].discount_rates.iter().copied())
                .min_by(f64::total_cmp);
            let raw = m.map(|m| m / (1.0 - m));
            let (discount, outcome) = match (m, raw) {
                (Some(m), Some(raw)) => {
                    let off = params.bounds.clamp(Percent::from_fraction(raw));
                    let outcome = if m >= 0.5 {
                        ItemOutcome::Saturated
                    } else if Percent::from_fraction(raw).0 > params.bounds.max.0 + 1e-9 {
                        ItemOutcome::Capped
                    } else {
                        ItemOutcome::Formula
                    };
                    (off, outcome)
                }
                _ => (Percent(0.0), ItemOutcome::NoSimilarRates),
            };
            ItemDiscount { item: sim.ids[i].clone(), neighbours, m, raw, discount, outcome }
        })
        .collect())
}

/// What an item formula offer to a user is based on: the item of their basket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemBasis {
    /// The item.
    pub item: Option<String>,
    /// Its mean similar-item rate m.
    pub m: Option<f64>,
    /// Its offer before the guardrails (percent).
    pub item_offer: f64,
}

/// The item formula for every user, on the item of their basket.
pub fn propose(
    table: &ItemTable,
    params: &ValidItemDiscountParams,
    baskets: &[Option<Basket>],
) -> Result<Vec<Offered<ItemBasis>>, EngineError> {
    let offers = item_discounts(table, params)?;
    Ok(baskets
        .iter()
        .map(|b| {
            let item = b.as_ref().and_then(|b| b.item.clone());
            match item.as_deref().and_then(|i| offers.iter().find(|d| d.item == i)) {
                Some(d) => (d.discount.fraction(), Ok(ItemBasis { item, m: d.m, item_offer: d.discount.0 })),
                None => (0.0, Err(Unavailable::NoItemRates)),
            }
        })
        .collect())
}
