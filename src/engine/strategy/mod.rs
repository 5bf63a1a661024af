//! Every discount strategy behind one call: data + checked parameters → an offer per
//! user with the reasons for it, the same guardrails and the same budget for all.
//!
//! The strategies (names as the CLI and JS take them), each formula beside its maths in
//! [`discount`](crate::engine::discount):
//! - `seed-user`: the articles' user formula — neighbours who rate low mark a
//!   price-sensitive customer ([`seed_user`](crate::engine::discount::seed_user)).
//! - `seed-item`: the articles' item formula on the user's basket item
//!   ([`seed_item`](crate::engine::discount::seed_item)).
//! - `segment`: one offer per segment, from a table or from the segment's elasticity through
//!   the markup rule ([`segment_offer`](crate::engine::discount::segment_offer)).
//! - `elasticity`: the user's elasticity (shrunk toward the segment's) through the markup
//!   rule on the user's basket ([`elasticity_offer`](crate::engine::discount::elasticity_offer)).
//! - `propensity`: the offer maximising expected incremental profit under the
//!   purchase-probability model ([`propensity`](crate::engine::discount::propensity)).
//! - `coupon`: the shop's coupon rules on the user's basket ([`coupon`](crate::engine::discount::coupon)).
//!
//! Here: the parameters ([`StrategyParams`]), the shared [`Context`] built once per data
//! ([`prepare`]), the dispatch to the formula ([`propose`]) with the same guardrails for every
//! strategy, the budget and the totals ([`finish`]), and the [`ProposalCache`] that recomputes
//! only what a change of settings affects. With a budget, the
//! [`budget`](crate::engine::discount::budget) decides who keeps how much of their offer.
//!
//! ```
//! use discount_lab::engine::strategy::{discounts, Strategy, StrategyParams};
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 42, customers: 60, products: 20 });
//! let params = StrategyParams { strategy: Strategy::Elasticity, budget: Some(50.0), ..Default::default() };
//! let report = discounts(&data, &params.check().unwrap()).unwrap();
//! assert_eq!(report.offers.len(), 60);
//! assert!(report.totals.discount_cost.unwrap() <= 50.0 + 1e-9);
//! ```

mod basis;
mod cache;
mod context;
mod finish;
mod keys;
mod params;
mod propose;
mod report;

pub use basis::Basis;
pub use cache::{compare_proposals, AllProposals, ProposalCache};
pub use context::{prepare, Context};
pub use finish::{discounts, finish, BUDGET_STEPS};
pub use keys::{ContextKey, ProposalKey, ProposalsKey};
pub use params::{BudgetGoal, Strategy, StrategyParams, UserFormula, ValidStrategyParams};
pub use propose::{propose, Proposal};
pub use report::{BudgetNote, OfferChanges, ProfitBreakdown, Spread, StrategyReport, Totals, UserOffer};
