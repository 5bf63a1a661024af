//! One change to the strategy settings, as the page makes them: each field of the Discounts
//! view sends the one setting it edits, and the rules that tie settings together apply here,
//! once, for every front end: one seed drives the segmentation and the purchase model (as
//! [`StrategyOptions`](super::strategy::StrategyOptions) has it), the one maximum discount
//! stays within 0–100%, K within its limits, and a segment table starts at
//! [`FIRST_TABLE_OFFER`] for every segment. An edit names one setting, never a copy of
//! several: two fields committed one after the other cannot undo each other.
//!
//! ```
//! use discount_lab::engine::strategy::StrategyParams;
//! use discount_lab::options::strategy_edit::StrategyEdit;
//! let mut p = StrategyParams::default();
//! StrategyEdit::Seed(9).apply(&mut p);
//! assert_eq!((p.segments.seed, p.response.seed), (9, 9));
//! ```

use crate::engine::discount::coupon::CouponRules;
use crate::engine::discount::offer::Percent;
use crate::engine::discount::segment_offer::FIRST_TABLE_OFFER;
use crate::engine::discount::segments::SegmentModel;
use crate::engine::limits::{MAX_NEIGHBOURS, MAX_PERCENT_OFF};
use crate::engine::strategy::{BudgetGoal, Strategy, StrategyParams};

/// One setting changed.
#[derive(Debug, Clone, PartialEq)]
pub enum StrategyEdit {
    /// Another strategy.
    Strategy(Strategy),
    /// The one maximum discount of every formula and strategy (percent; clamped to 0–100, a
    /// value that is not a number changes nothing).
    MaxDiscount(f64),
    /// The item formula's similar items K (clamped to 1–[`MAX_NEIGHBOURS`]).
    ItemNeighbours(usize),
    /// The margin over unit cost every offer must leave (percent).
    MinMargin(f64),
    /// The most money off one purchase (`None`: no cap).
    PerUserCap(Option<f64>),
    /// The number of segments.
    SegmentCount(usize),
    /// The segmentation model.
    SegmentModel(SegmentModel),
    /// The seed of the segmentation and of the purchase model.
    Seed(u64),
    /// The segment table on, for this many segments, or off (the elasticities decide).
    SegmentTable(Option<usize>),
    /// One segment's offer in the table (percent); segments the table does not reach yet get 0.
    SegmentOffer {
        /// The segment.
        segment: usize,
        /// Its offer.
        percent: f64,
    },
    /// The purchase model's C (`None`: no penalty).
    PenaltyC(Option<f64>),
    /// The coupon rules.
    Coupons(CouponRules),
    /// The budget (`None`: no budget).
    Budget(Option<f64>),
    /// What the budget buys the most of.
    BudgetGoal(BudgetGoal),
}

impl StrategyEdit {
    /// Makes the change in `p`.
    pub fn apply(self, p: &mut StrategyParams) {
        match self {
            StrategyEdit::Strategy(s) => p.strategy = s,
            StrategyEdit::MaxDiscount(max) if max.is_finite() => {
                p.guardrails.max_discount = Percent(max.clamp(0.0, MAX_PERCENT_OFF))
            }
            StrategyEdit::MaxDiscount(_) => {}
            StrategyEdit::ItemNeighbours(k) => p.item_neighbours = k.clamp(1, MAX_NEIGHBOURS),
            StrategyEdit::MinMargin(m) => p.guardrails.min_margin = Percent(m),
            StrategyEdit::PerUserCap(cap) => p.guardrails.per_user_cap = cap,
            StrategyEdit::SegmentCount(k) => p.segments.k = k,
            StrategyEdit::SegmentModel(m) => p.segments.model = m,
            StrategyEdit::Seed(seed) => {
                p.segments.seed = seed;
                p.response.seed = seed;
            }
            StrategyEdit::SegmentTable(n) => p.segment_offers = n.map(|n| vec![FIRST_TABLE_OFFER; n.max(1)]),
            StrategyEdit::SegmentOffer { segment, percent } => {
                let offers = p.segment_offers.get_or_insert_with(Vec::new);
                if offers.len() <= segment {
                    offers.resize(segment + 1, 0.0);
                }
                offers[segment] = percent;
            }
            StrategyEdit::PenaltyC(c) => p.response.c = c,
            StrategyEdit::Coupons(rules) => p.coupons = rules,
            StrategyEdit::Budget(b) => p.budget = b,
            StrategyEdit::BudgetGoal(goal) => p.budget_goal = goal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(edit: StrategyEdit) -> StrategyParams {
        let mut p = StrategyParams::default();
        edit.apply(&mut p);
        p
    }

    #[test]
    fn a_segment_table_starts_at_the_first_offer_and_grows_with_the_segments() {
        assert_eq!(edited(StrategyEdit::SegmentTable(Some(3))).segment_offers, Some(vec![10.0; 3]));
        assert_eq!(edited(StrategyEdit::SegmentTable(Some(0))).segment_offers, Some(vec![10.0]));
        assert_eq!(edited(StrategyEdit::SegmentTable(None)).segment_offers, None);
        let mut p = edited(StrategyEdit::SegmentTable(Some(2)));
        StrategyEdit::SegmentOffer { segment: 3, percent: 7.0 }.apply(&mut p);
        assert_eq!(p.segment_offers, Some(vec![10.0, 10.0, 0.0, 7.0]));
    }

    #[test]
    fn limits_hold_and_a_number_that_is_not_one_changes_nothing() {
        assert_eq!(edited(StrategyEdit::MaxDiscount(140.0)).guardrails.max_discount, Percent(100.0));
        assert_eq!(edited(StrategyEdit::MaxDiscount(-3.0)).guardrails.max_discount, Percent(0.0));
        let default = StrategyParams::default().guardrails.max_discount;
        assert_eq!(edited(StrategyEdit::MaxDiscount(f64::NAN)).guardrails.max_discount, default);
        assert_eq!(edited(StrategyEdit::ItemNeighbours(0)).item_neighbours, 1);
        assert_eq!(edited(StrategyEdit::ItemNeighbours(usize::MAX)).item_neighbours, MAX_NEIGHBOURS);
    }

    #[test]
    fn one_field_after_another_keeps_both_values() {
        let mut p = StrategyParams::default();
        p.response.seed = 77;
        for edit in
            [StrategyEdit::MaxDiscount(20.0), StrategyEdit::MinMargin(30.0), StrategyEdit::PerUserCap(Some(2.0))]
        {
            edit.apply(&mut p);
        }
        assert_eq!((p.guardrails.max_discount, p.guardrails.min_margin), (Percent(20.0), Percent(30.0)));
        assert_eq!(p.guardrails.per_user_cap, Some(2.0));
        StrategyEdit::SegmentCount(6).apply(&mut p);
        StrategyEdit::SegmentModel(SegmentModel::Gmm).apply(&mut p);
        assert_eq!((p.segments.k, p.segments.model, p.response.seed), (6, SegmentModel::Gmm, 77));
    }
}
