//! Every strategy's proposals kept between calls, so that a change of settings recomputes
//! only the strategies it affects; and the comparison of all strategies under one budget.

use super::context::Context;
use super::finish::finish;
use super::keys::ProposalKey;
use super::params::{Strategy, ValidStrategyParams};
use super::propose::{propose, Proposal};
use super::report::StrategyReport;
use crate::engine::data::samples::Dataset;
use crate::engine::error::EngineError;
use crate::engine::similarity::SimilarityMatrix;

/// Every strategy's proposals (or why it cannot run), as [`ProposalCache::propose_all`] gives them.
pub type AllProposals = Vec<(Strategy, Result<Vec<Proposal>, EngineError>)>;

/// One strategy's proposals, with what they were made for.
type Entry<C> = (C, ProposalKey, Result<Vec<Proposal>, EngineError>);

/// Every strategy's proposals, kept between calls so that a change of settings recomputes
/// only the strategies it affects ([`StrategyParams::proposal_key`](super::StrategyParams::proposal_key)): switching strategy,
/// moving the budget or editing a coupon never redoes the user formula. `C` names the data
/// and the shared context the proposals are for (a version number and a
/// [`ContextKey`](super::ContextKey), say).
#[derive(Debug)]
pub struct ProposalCache<C> {
    entries: std::collections::HashMap<Strategy, Entry<C>>,
    recomputed: Vec<Strategy>,
}

impl<C> Default for ProposalCache<C> {
    fn default() -> Self {
        ProposalCache { entries: Default::default(), recomputed: Vec::new() }
    }
}

impl<C: PartialEq + Clone> ProposalCache<C> {
    /// The proposals of every strategy, before the budget (`params.strategy` is ignored); a
    /// strategy that cannot run on this data gives its error instead. `context` must name
    /// the data and the shared context they are for: an entry made for another is recomputed.
    pub fn propose_all(
        &mut self,
        context: &C,
        data: &Dataset,
        ctx: &Context,
        params: &ValidStrategyParams,
        sim: Option<&SimilarityMatrix>,
    ) -> Vec<(Strategy, Result<Vec<Proposal>, EngineError>)> {
        self.recomputed.clear();
        Strategy::ALL
            .iter()
            .map(|&s| {
                let key = params.params.proposal_key(s);
                if let Some((_, _, r)) = self.entries.get(&s).filter(|(c, k, _)| c == context && *k == key) {
                    return (s, r.clone());
                }
                let mut p = params.clone();
                p.params.strategy = s;
                let r = propose(data, ctx, &p, sim);
                self.entries.insert(s, (context.clone(), key, r.clone()));
                self.recomputed.push(s);
                (s, r)
            })
            .collect()
    }

    /// The strategies the last [`ProposalCache::propose_all`] had to compute.
    pub fn recomputed(&self) -> &[Strategy] {
        &self.recomputed
    }
}

/// The report of each strategy from its proposals ([`ProposalCache::propose_all`]) under `budget`:
/// the comparison table of strategies on the same customers, in money. Moving the
/// budget only re-runs this step.
pub fn compare_proposals(
    data: &Dataset,
    ctx: &Context,
    params: &ValidStrategyParams,
    proposals: &[(Strategy, Result<Vec<Proposal>, EngineError>)],
    budget: Option<f64>,
) -> Vec<(Strategy, Result<StrategyReport, EngineError>)> {
    proposals
        .iter()
        .map(|(s, props)| {
            let mut p = params.clone();
            p.params.strategy = *s;
            (*s, props.as_ref().map(|props| finish(data, ctx, &p, props, budget)).map_err(Clone::clone))
        })
        .collect()
}
