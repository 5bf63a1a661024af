//! The options layer, pure: what the command line, the JS API and the interface let a person
//! choose, spelled one way and checked once. Front ends translate syntax (flags, JS objects,
//! form fields) into these; the rules (defaults, ranges, which K a strategy uses, when a
//! coupon's window ends) live here, above the engine and below every front end.

pub mod algo;
pub mod coupon;
pub mod evaluate;
pub mod names;
pub mod strategy;
pub mod strategy_edit;
