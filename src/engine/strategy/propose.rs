//! Each strategy's proposals, before the budget: the formula of the chosen strategy (each
//! kept beside its maths in `discount/`), then the same guardrails for every one.

use super::basis::{based, Basis};
use super::context::Context;
use super::params::{Strategy, UserFormula, ValidStrategyParams};
use crate::engine::data::samples::Dataset;
use crate::engine::discount::guardrails::Guard;
use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::discount::seed_item::ItemDiscountParams;
use crate::engine::discount::seed_user::UserDiscountParams;
use crate::engine::discount::{coupon, elasticity_offer, propensity, seed_item, seed_user, segment_offer};
use crate::engine::error::EngineError;
use crate::engine::similarity::SimilarityMatrix;

/// One user's proposal before the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Proposed discount (fraction), before guardrails.
    pub raw: f64,
    /// After guardrails.
    pub guarded: f64,
    /// Binding guardrails.
    pub guards: Vec<Guard>,
    /// Its basis.
    pub basis: Basis,
}

/// The proposals of `params.strategy` for every user (before the budget). `sim`, when it is
/// the user-user matrix of the user formula's measure, spares that formula its neighbour search.
pub fn propose(
    data: &Dataset,
    ctx: &Context,
    params: &ValidStrategyParams,
    sim: Option<&SimilarityMatrix>,
) -> Result<Vec<Proposal>, EngineError> {
    let p = &params.params;
    let g = &params.guardrails;
    let up_to_max = OfferBounds { min: Percent(0.0), max: g.max_discount };
    let raw: Vec<(f64, Basis)> = match p.strategy {
        Strategy::SeedUser => {
            let formula = p.user_formula.unwrap_or(UserFormula { bounds: up_to_max, as_in_article: false });
            let params =
                UserDiscountParams { k: p.neighbours, bounds: formula.bounds, as_in_article: formula.as_in_article }
                    .check()?;
            let offers = seed_user::propose(&data.ratings, &params, p.measure, sim)?;
            offers.into_iter().map(|(d, b)| (d, Basis::SeedUser(b))).collect()
        }
        Strategy::SeedItem => {
            let params = ItemDiscountParams { k: p.item_neighbours, bounds: up_to_max }.check()?;
            based(seed_item::propose(&data.items, &params, &ctx.baskets)?, Basis::SeedItem)
        }
        Strategy::Segment => {
            let seg = ctx.segmentation.as_ref().map_err(Clone::clone)?;
            let offers =
                segment_offer::propose(seg, &ctx.baskets, p.segment_offers.as_deref(), ctx.elasticity.as_ref())?;
            offers.into_iter().map(|(d, b)| (d, Basis::Segment(b))).collect()
        }
        Strategy::Elasticity => {
            let table = ctx.elasticity.as_ref().map_err(Clone::clone)?;
            let seg = ctx.segmentation.as_ref().map_err(Clone::clone)?;
            based(elasticity_offer::propose(table, seg, &ctx.baskets), Basis::Elasticity)
        }
        Strategy::Propensity => {
            let model = ctx.response.as_ref().map_err(Clone::clone)?;
            based(propensity::propose(model, &ctx.baskets, g), Basis::Propensity)
        }
        Strategy::Coupon => {
            let offers = coupon::propose(&params.coupons, &ctx.baskets, data.purchases.latest());
            based(offers, |outcome| Basis::Coupon { outcome })
        }
    };
    Ok(raw
        .into_iter()
        .zip(&ctx.baskets)
        .map(|((d, basis), b)| {
            let guarded = match b {
                Some(b) => g.apply(d, b.list_price, b.unit_cost),
                None => g.apply(d, 0.0, None),
            };
            Proposal { raw: d, guarded: guarded.discount, guards: guarded.binding, basis }
        })
        .collect())
}
