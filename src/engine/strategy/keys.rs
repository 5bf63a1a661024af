//! What each computation of a strategy run depends on, as values that compare: the shared
//! context (segments and purchase model), one strategy's proposals, and all of them. Equal
//! keys, equal results: a caller keeps a result while its key stays the same and recomputes
//! only what a change of settings affects (the user formula is the slow one).

use super::params::{BudgetGoal, Strategy, StrategyParams, UserFormula};
use crate::engine::discount::coupon::CouponRules;
use crate::engine::discount::guardrails::Guardrails;
use crate::engine::discount::propensity::ResponseParams;
use crate::engine::discount::segments::SegmentParams;
use crate::engine::similarity::Measure;

/// What the shared context ([`prepare`](super::prepare)) depends on besides the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContextKey {
    /// The segmentation.
    pub segments: SegmentParams,
    /// The purchase model.
    pub response: ResponseParams,
}

/// What one strategy's proposals depend on besides the data and the shared context.
#[derive(Debug, Clone, PartialEq)]
pub enum ProposalKey {
    /// The user formula: its neighbours, measure and own clamp.
    SeedUser {
        /// The guardrails.
        guardrails: Guardrails,
        /// Neighbours K.
        neighbours: usize,
        /// The neighbours' measure.
        measure: Measure,
        /// The formula's own settings.
        formula: Option<UserFormula>,
    },
    /// The item formula: its similar items K.
    SeedItem {
        /// The guardrails.
        guardrails: Guardrails,
        /// Similar items K.
        neighbours: usize,
    },
    /// One offer per segment, from a table or the elasticities.
    Segment {
        /// The guardrails.
        guardrails: Guardrails,
        /// The table, if there is one.
        offers: Option<Vec<f64>>,
    },
    /// A strategy that depends on the context and the guardrails only.
    Guardrails(Guardrails),
    /// The coupon rules.
    Coupon {
        /// The guardrails.
        guardrails: Guardrails,
        /// The rules.
        rules: CouponRules,
    },
}

/// What every strategy's proposals depend on besides the data: every setting but the chosen
/// strategy, the budget and its goal (those only change the last step, [`finish`](super::finish)).
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalsKey(StrategyParams);

impl StrategyParams {
    /// What the shared context depends on.
    pub fn context_key(&self) -> ContextKey {
        ContextKey { segments: self.segments, response: self.response }
    }

    /// What the proposals of strategy `s` depend on besides the data and the shared context.
    pub fn proposal_key(&self, s: Strategy) -> ProposalKey {
        let guardrails = self.guardrails;
        match s {
            Strategy::SeedUser => ProposalKey::SeedUser {
                guardrails,
                neighbours: self.neighbours,
                measure: self.measure,
                formula: self.user_formula,
            },
            Strategy::SeedItem => ProposalKey::SeedItem { guardrails, neighbours: self.item_neighbours },
            Strategy::Segment => ProposalKey::Segment { guardrails, offers: self.segment_offers.clone() },
            Strategy::Elasticity | Strategy::Propensity => ProposalKey::Guardrails(guardrails),
            Strategy::Coupon => ProposalKey::Coupon { guardrails, rules: self.coupons.clone() },
        }
    }

    /// What every strategy's proposals depend on.
    pub fn proposals_key(&self) -> ProposalsKey {
        ProposalsKey(StrategyParams {
            strategy: Strategy::SeedUser,
            budget: None,
            budget_goal: BudgetGoal::default(),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_and_the_chosen_strategy_do_not_change_the_proposals() {
        let a = StrategyParams::default();
        let b = StrategyParams { strategy: Strategy::Coupon, budget: Some(5.0), ..a.clone() };
        assert_eq!(a.proposals_key(), b.proposals_key());
        let c = StrategyParams { item_neighbours: 7, ..a.clone() };
        assert_ne!(a.proposals_key(), c.proposals_key());
        assert_eq!(a.proposal_key(Strategy::SeedUser), c.proposal_key(Strategy::SeedUser));
        assert_ne!(a.proposal_key(Strategy::SeedItem), c.proposal_key(Strategy::SeedItem));
    }
}
