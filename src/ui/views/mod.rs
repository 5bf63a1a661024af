//! The views, one per tab: each takes the state and the dispatcher and lays out components.

pub mod data;
pub mod discounts;
pub mod evaluate;
pub mod items;
pub mod similarity;
