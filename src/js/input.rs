//! Decoding what JavaScript hands over: ratings as text or rows, the common options, a
//! dataset (ratings, a sample, item, purchase and user files), and errors as `Error`s.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::engine::data::parse::{parse_ratings, ParseOptions};
use crate::engine::data::ratings::{Kind, Ratings, Scale};
use crate::engine::data::samples::{shop, Dataset, ShopParams};
use crate::engine::data::text_input::Separator;
use crate::engine::discount::segments::SegmentModel;
use crate::engine::similarity::{Measure, SimilarityParams};

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(f64),
}

impl Id {
    fn into_string(self) -> String {
        match self {
            Id::Text(s) => s,
            Id::Number(n) => n.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Row {
    Object { user: Id, item: Id, rating: f64 },
    Tuple(Id, Id, f64),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RatingsInput {
    Text(String),
    Rows(Vec<Row>),
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Options {
    pub(crate) kind: Option<Kind>,
    pub(crate) measure: Option<Measure>,
    pub(crate) min_support: Option<usize>,
    pub(crate) shrinkage: Option<f64>,
    pub(crate) zero_fill: bool,
    pub(crate) scale: Option<(f64, f64)>,
    pub(crate) separator: Option<Separator>,
    pub(crate) header: Option<bool>,
    pub(crate) k: Option<usize>,
    pub(crate) max_discount: Option<f64>,
    pub(crate) min_discount: Option<f64>,
    pub(crate) as_in_article: bool,
    pub(crate) lang: Option<String>,
    /// Set for `discounts` with a strategy; its options are then read as `StrategyOptions`.
    pub(crate) strategy: Option<serde::de::IgnoredAny>,
    pub(crate) items: Option<String>,
    pub(crate) purchases: Option<String>,
    pub(crate) users: Option<String>,
    pub(crate) seed: Option<u64>,
    pub(crate) model: Option<SegmentModel>,
}

#[derive(Deserialize)]
struct SampleIn {
    sample: String,
    seed: Option<u64>,
    customers: Option<usize>,
    products: Option<usize>,
}

pub(crate) fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

pub(crate) fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| err(format!("options: {e}")))
}

pub(crate) fn ratings(value: JsValue, o: &Options) -> Result<Ratings, JsError> {
    let scale = o.scale.map(|(lo, hi)| Scale::new(lo, hi)).transpose().map_err(err)?;
    let input: RatingsInput = serde_wasm_bindgen::from_value(value).map_err(|_| {
        err("ratings must be text or an array of {user, item, rating} objects or [user, item, rating] arrays")
    })?;
    match input {
        RatingsInput::Text(text) => {
            let opts = ParseOptions { separator: o.separator, has_header: o.header, scale };
            parse_ratings(text.as_bytes(), &opts).map(|p| p.ratings).map_err(err)
        }
        RatingsInput::Rows(rows) => {
            let triples: Vec<(String, String, f64)> = rows
                .into_iter()
                .map(|r| match r {
                    Row::Object { user, item, rating } | Row::Tuple(user, item, rating) => {
                        (user.into_string(), item.into_string(), rating)
                    }
                })
                .collect();
            if let Some((k, t)) = triples.iter().enumerate().find(|(_, t)| !t.2.is_finite()) {
                return Err(err(format!("row {}: rating {} is not a finite number", k + 1, t.2)));
            }
            let scale = match scale {
                Some(s) => s,
                None => {
                    let lo = triples.iter().map(|t| t.2).fold(f64::INFINITY, f64::min);
                    let hi = triples.iter().map(|t| t.2).fold(f64::NEG_INFINITY, f64::max);
                    Scale::infer(lo, hi)
                }
            };
            Ratings::from_triples(triples, scale).map_err(err)
        }
    }
}

/// The dataset of `data` (ratings, or `{sample, seed, customers, products}`) plus the
/// item, purchase and user files in the options.
pub(crate) fn dataset(value: JsValue, o: &Options) -> Result<Dataset, JsError> {
    let mut data = match serde_wasm_bindgen::from_value::<SampleIn>(value.clone()) {
        Ok(s) if s.sample == "shop" => {
            let d = ShopParams::default();
            shop(
                &ShopParams {
                    seed: s.seed.unwrap_or(d.seed),
                    customers: s.customers.unwrap_or(d.customers),
                    products: s.products.unwrap_or(d.products),
                }
                .check()
                .map_err(err)?,
            )
        }
        Ok(s) => return Err(err(format!("unknown sample '{}'; use 'shop'", s.sample))),
        Err(_) => Dataset::of_ratings(ratings(value, o)?),
    };
    let located = |what: &str, e: crate::engine::error::ParseErrors| err(format!("{what}: {e}"));
    if let Some(t) = &o.items {
        let items = crate::engine::data::items::parse_items(t.as_bytes()).map_err(|e| located("items", e))?;
        data.items = items.for_ratings(&data.ratings).map_err(|e| err(format!("items: {e}")))?;
    }
    if let Some(t) = &o.purchases {
        data.purchases =
            crate::engine::data::purchases::parse_purchases(t.as_bytes()).map_err(|e| located("purchases", e))?;
    }
    if let Some(t) = &o.users {
        data.users = crate::engine::data::user_table::parse_users(t.as_bytes()).map_err(|e| located("users", e))?;
    }
    Ok(data)
}

pub(crate) fn similarity_params(o: &Options) -> Result<crate::engine::similarity::ValidSimilarityParams, JsError> {
    let mut p =
        SimilarityParams::new(o.kind.unwrap_or_default(), o.measure.unwrap_or(Measure::Pearson)).zero_fill(o.zero_fill);
    if let Some(n) = o.min_support {
        p = p.min_support(n);
    }
    if let Some(s) = o.shrinkage {
        p = p.shrinkage(s);
    }
    p.check().map_err(err)
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(err)
}
