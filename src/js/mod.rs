//! The JavaScript API (wasm-bindgen wrappers, one file per group of functions): `similarity`, `neighbours`, `discounts` (the articles' formula, or any
//! strategy), `segments`, `explain`, `evaluate`, `gridSearch`, `predict`, `recommend`, `RatingSet`
//! and `mount`.
//!
//! Ratings are either text (any format the app reads) or an array of
//! `{user, item, rating}` objects or `[user, item, rating]` arrays; ids may be
//! strings or numbers. Options use camelCase names (`minSupport`, `zeroFill`...).
//! Errors are thrown as JavaScript `Error`s with the engine's message.

//!
//! Each function decodes its input ([`input`]), goes through the options layer and the
//! engine, and encodes the result; nothing here decides a rule.

mod discounts;
mod evaluate;
mod input;
#[cfg(feature = "ui")]
mod mount;
mod similarity;
mod strategy;

pub use discounts::discounts;
pub use evaluate::{cross_validate_js, grid_search_js, predict, recommend};
#[cfg(feature = "ui")]
pub use mount::{mount, MountHandle};
pub use similarity::{explain, neighbours, similarity, RatingSet};
pub use strategy::segments;
