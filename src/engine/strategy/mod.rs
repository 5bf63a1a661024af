//! Every discount strategy behind one call: data and checked parameters in, an offer per
//! user with the reasons for it out, the same guardrails and the same budget for all.

mod run;

pub use run::{
    compare_proposals, discounts, finish, prepare, propose, Basis, BudgetGoal, BudgetNote, Context, ElasticityTable,
    ProfitBreakdown, Proposal, ProposalCache, Spread, Strategy, StrategyParams, StrategyReport, Totals, Unavailable,
    UserFormula, UserOffer, ValidStrategyParams, BUDGET_STEPS,
};
