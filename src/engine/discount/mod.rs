//! Per-user and per-item discounts as the source articles define them.

pub mod basket;
pub mod budget;
pub mod coupon;
pub mod elasticity;
pub mod elasticity_offer;
pub mod elasticity_table;
pub mod fairness;
pub mod features;
pub mod guardrails;
pub mod markup;
pub mod offer;
pub mod propensity;
pub mod seed_item;
pub mod seed_user;
pub mod segment_offer;
pub mod segments;
