//! What each offer was based on, strategy by strategy: the formula's own account of it
//! (kept beside each formula in `discount/`), or why no offer could be made.

use serde::{Deserialize, Serialize};

use crate::engine::discount::coupon::CouponOutcome;
use crate::engine::discount::elasticity_offer::ElasticityBasis;
use crate::engine::discount::offer::{Offered, Unavailable};
use crate::engine::discount::propensity::PropensityBasis;
use crate::engine::discount::seed_item::ItemBasis;
use crate::engine::discount::seed_user::UserBasis;
use crate::engine::discount::segment_offer::SegmentBasis;

/// What a proposal was based on, per strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Basis {
    /// The user formula: neighbours, their mean, the strength.
    SeedUser(UserBasis),
    /// The item formula on the user's basket item.
    SeedItem(ItemBasis),
    /// The segment's offer.
    Segment(SegmentBasis),
    /// The markup rule on the user's elasticity.
    Elasticity(ElasticityBasis),
    /// The profit-maximising point of the user's purchase curve.
    Propensity(PropensityBasis),
    /// The coupons that applied.
    Coupon {
        /// What they gave.
        outcome: CouponOutcome,
    },
    /// The strategy could not make an offer to this user.
    Unavailable {
        /// Why.
        reason: Unavailable,
    },
}

/// A formula's offers with their bases in `wrap`, or why each user has none.
pub(super) fn based<B>(offers: Vec<Offered<B>>, wrap: impl Fn(B) -> Basis) -> Vec<(f64, Basis)> {
    offers
        .into_iter()
        .map(|(d, b)| match b {
            Ok(b) => (d, wrap(b)),
            Err(reason) => (d, Basis::Unavailable { reason }),
        })
        .collect()
}
