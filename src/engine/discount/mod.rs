//! Per-user and per-item discounts as the source articles define them.

pub mod offer;
pub mod seed_item;
pub mod seed_user;
