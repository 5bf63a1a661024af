//! The one-line "why" of a strategy's offer, in the user's language, from the engine's
//! structured reasons ([`Basis`], guardrails, budget).
//!
//! ```
//! use discount_lab::engine::strategy::{discounts, Strategy, StrategyParams};
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! use discount_lab::present::Lang;
//! use discount_lab::present::why::why_offer;
//! let data = shop(&ShopParams { seed: 42, customers: 40, products: 20 });
//! let p = StrategyParams { strategy: Strategy::Elasticity, ..Default::default() }.check().unwrap();
//! let r = discounts(&data, &p).unwrap();
//! assert!(why_offer(Lang::En, &r.offers[0], &r.segment_names).contains("ε ="));
//! ```

use super::format::{amount, percent};
use super::messages::{text, tr, Key, Lang};
use crate::engine::discount::coupon::CouponOutcome;
use crate::engine::discount::elasticity::Estimate;
use crate::engine::discount::elasticity_offer::ElasticityBasis;
use crate::engine::discount::features::Feature;
use crate::engine::discount::guardrails::Guard;
use crate::engine::discount::markup::Markup;
use crate::engine::discount::offer::zhe_label;
use crate::engine::discount::offer::Unavailable;
use crate::engine::discount::propensity::PropensityBasis;
use crate::engine::discount::seed_item::ItemBasis;
use crate::engine::discount::seed_item::{ItemDiscount, ItemOutcome};
use crate::engine::discount::seed_user::UserBasis;
use crate::engine::discount::seed_user::{UserDiscount, UserFallback};
use crate::engine::discount::segment_offer::SegmentBasis;
use crate::engine::discount::segments::Profile;
use crate::engine::format::num;
use crate::engine::similarity::neighbours::Neighbour;
use crate::engine::strategy::{Basis, Totals, UserOffer};

fn markup_text(lang: Lang, m: &Markup, list: f64, off: &str) -> String {
    match m {
        Markup::Interior { price, .. } => {
            tr(lang, Key::WhyMarkupInterior, &[("p", amount(*price)), ("list", amount(list)), ("off", off.to_string())])
        }
        Markup::AboveList { price } => tr(lang, Key::WhyMarkupAbove, &[("p", amount(*price)), ("list", amount(list))]),
        Markup::Inelastic => text(lang, Key::WhyMarkupInelastic).to_string(),
        Markup::NotDownward => text(lang, Key::WhyMarkupNotDownward).to_string(),
        Markup::NoCost => text(lang, Key::WhyMarkupNoCost).to_string(),
    }
}

/// Why a strategy made no offer, in `lang`.
pub fn unavailable_text(lang: Lang, reason: Unavailable) -> &'static str {
    text(
        lang,
        match reason {
            Unavailable::NoListPrice => Key::UnavailableNoListPrice,
            Unavailable::NoItemRates => Key::UnavailableNoItemRates,
            Unavailable::NoElasticity => Key::UnavailableNoElasticity,
        },
    )
}

/// Neighbour ids as listed in a "why": the first five, then "…".
fn neighbour_ids(neighbours: &[Neighbour]) -> String {
    let mut ids: Vec<&str> = neighbours.iter().take(5).map(|n| n.id.as_str()).collect();
    if neighbours.len() > 5 {
        ids.push("…");
    }
    ids.join(", ")
}

/// The basis of an offer as one sentence (without guardrails and budget).
pub fn why_basis(lang: Lang, o: &UserOffer, segment_names: &[String]) -> String {
    let proposed = percent(o.proposed.0);
    let name = o.segment.and_then(|s| segment_names.get(s)).cloned().unwrap_or_default();
    let list = o.basket.as_ref().map_or(0.0, |b| b.list_price);
    match &o.basis {
        Basis::SeedUser(UserBasis { neighbours, neighbour_mean, strength, no_neighbours }) => {
            if *no_neighbours {
                tr(lang, Key::WhyStrategyUserNone, &[("mean", num(*neighbour_mean)), ("off", proposed)])
            } else {
                tr(
                    lang,
                    Key::WhyStrategyUser,
                    &[
                        ("k", neighbours.len().to_string()),
                        ("ids", neighbour_ids(neighbours)),
                        ("mean", num(*neighbour_mean)),
                        ("s", num(*strength)),
                        ("off", proposed),
                    ],
                )
            }
        }
        Basis::SeedItem(ItemBasis { item, m, .. }) => tr(
            lang,
            Key::WhyStrategyItem,
            &[
                ("item", item.clone().unwrap_or_default()),
                ("m", m.map(num).unwrap_or_else(|| "—".into())),
                ("off", proposed),
            ],
        ),
        Basis::Segment(SegmentBasis { from_table: true, .. }) => {
            tr(lang, Key::WhySegmentTable, &[("name", name), ("off", proposed)])
        }
        Basis::Segment(SegmentBasis { markup: Some((e, m)), .. }) => {
            let values = [("name", name), ("e", num(e.elasticity)), ("se", num(e.se)), ("off", proposed.clone())];
            match m {
                Markup::Interior { .. } | Markup::AboveList { .. } => tr(lang, Key::WhySegmentMarkup, &values),
                _ => format!(
                    "{}; {}",
                    tr(lang, Key::WhySegmentElasticity, &values),
                    markup_text(lang, m, list, &proposed)
                ),
            }
        }
        Basis::Segment(SegmentBasis { markup: None, .. }) => tr(lang, Key::WhySegmentNoEstimate, &[("name", name)]),
        Basis::Elasticity(b) => why_elasticity(lang, b, list, &proposed),
        Basis::Propensity(b) => why_propensity(lang, b, o.proposed.0, proposed),
        Basis::Coupon { outcome } => why_coupon(lang, outcome, list),
        Basis::Unavailable { reason } => {
            tr(lang, Key::WhyUnavailable, &[("reason", unavailable_text(lang, *reason).to_string())])
        }
    }
}

/// Why an elasticity offer: the customer's own estimate shrunk toward the segment's, then the markup rule.
fn why_elasticity(lang: Lang, b: &ElasticityBasis, list: f64, proposed: &str) -> String {
    let ElasticityBasis { elasticity, segment, markup } = b;
    let seg = |e: &Estimate| (num(e.elasticity), num(e.se));
    let head = match (&elasticity.own, segment.as_ref()) {
        (Some(own), Some(s)) if elasticity.weight < 1.0 => tr(
            lang,
            Key::WhyElasticity,
            &[
                ("e", num(elasticity.elasticity)),
                ("own", num(own.elasticity)),
                ("se", num(own.se)),
                ("w", num(elasticity.weight)),
                ("seg", format!("{} ± {}", seg(s).0, seg(s).1)),
            ],
        ),
        (Some(own), _) => tr(lang, Key::WhyElasticityOwnOnly, &[("e", num(own.elasticity)), ("se", num(own.se))]),
        (None, s) => tr(
            lang,
            Key::WhyElasticityNoOwn,
            &[("e", num(elasticity.elasticity)), ("se", s.map_or_else(|| "—".into(), |s| seg(s).1))],
        ),
    };
    format!("{head}; {}", markup_text(lang, markup, list, proposed))
}

/// Why a propensity offer: purchase probability without and with the discount, and the profit it expects.
fn why_propensity(lang: Lang, b: &PropensityBasis, proposed_pct: f64, proposed: String) -> String {
    let PropensityBasis { curve, best_profit, no_costs } = b;
    let p0 = curve.first().map_or(0.0, |c| c.1);
    let pd = curve.iter().find(|c| (c.0 * 100.0 - proposed_pct).abs() < 1e-6).map_or(p0, |c| c.1);
    let mut s = if proposed_pct > 0.0 {
        tr(
            lang,
            Key::WhyPropensity,
            &[("p0", num(p0)), ("pd", num(pd)), ("off", proposed), ("v", amount(*best_profit))],
        )
    } else {
        tr(lang, Key::WhyPropensityNone, &[("p0", num(p0))])
    };
    if *no_costs {
        s.push(' ');
        s.push_str(text(lang, Key::WhyPropensityNoCost));
    }
    s
}

/// Why a coupon offer: which coupons applied, their value, and whether the cap bit.
fn why_coupon(lang: Lang, outcome: &CouponOutcome, list: f64) -> String {
    if outcome.applied.is_empty() {
        return text(lang, Key::WhyCouponNone).to_string();
    }
    let list_ids: Vec<String> = outcome.applied.iter().map(|k| format!("#{}", k + 1)).collect();
    let key = if list_ids.len() == 1 { Key::WhyCouponOne } else { Key::WhyCoupon };
    let mut s =
        tr(lang, key, &[("list", list_ids.join("+")), ("value", amount(outcome.value)), ("price", amount(list))]);
    if outcome.capped {
        s.push(' ');
        s.push_str(text(lang, Key::WhyCouponCapped));
    }
    s
}

/// A segment's name in `lang`, from its traits ("high spend, frequent"; "typical" when none stands out).
pub fn segment_name(lang: Lang, p: &Profile) -> String {
    if p.traits.is_empty() {
        return text(lang, Key::TraitTypical).to_string();
    }
    let words: Vec<&str> = p.traits.iter().map(|t| text(lang, trait_key(t.feature, t.z))).collect();
    words.join(if lang == Lang::Zh { "、" } else { ", " })
}

fn trait_key(feature: Feature, z: f64) -> Key {
    match (feature, z > 0.0) {
        (Feature::Recency, true) => Key::TraitLapsed,
        (Feature::Recency, false) => Key::TraitRecent,
        (Feature::Frequency, true) => Key::TraitFrequent,
        (Feature::Frequency, false) => Key::TraitRare,
        (Feature::Monetary, true) => Key::TraitHighSpend,
        (Feature::Monetary, false) => Key::TraitLowSpend,
        (Feature::MeanRating, true) => Key::TraitGenerous,
        (Feature::MeanRating, false) => Key::TraitHarsh,
        (Feature::Views, true) => Key::TraitBrowsesLot,
        (Feature::Views, false) => Key::TraitBrowsesLittle,
        (Feature::Carts, true) => Key::TraitCartsLot,
        (Feature::Carts, false) => Key::TraitCartsLittle,
        (Feature::RatingCount, true) => Key::TraitManyRatings,
        (Feature::RatingCount, false) => Key::TraitFewRatings,
        (Feature::RatingSpread, true) => Key::TraitVaried,
        (Feature::RatingSpread, false) => Key::TraitSteady,
    }
}

/// Every segment's name in `lang`.
pub fn segment_names(lang: Lang, profiles: &[Profile]) -> Vec<String> {
    profiles.iter().map(|p| segment_name(lang, p)).collect()
}

/// The name of a guardrail.
pub fn guard_name(lang: Lang, g: Guard) -> &'static str {
    text(
        lang,
        match g {
            Guard::MaxDiscount => Key::GuardMax,
            Guard::MarginFloor => Key::GuardMargin,
            Guard::PerUserCap => Key::GuardCap,
        },
    )
}

/// The whole "why": basis, guardrails that bit, and the budget's λ.
pub fn why_offer(lang: Lang, o: &UserOffer, segment_names: &[String]) -> String {
    let mut parts = vec![why_basis(lang, o, segment_names)];
    if !o.guards.is_empty() {
        let names: Vec<&str> = o.guards.iter().map(|&g| guard_name(lang, g)).collect();
        parts.push(tr(lang, Key::WhyGuards, &[("guards", names.join(", "))]));
    }
    if let Some(b) = &o.budget {
        if b.lambda > 0.0 || b.kept < 1.0 {
            parts.push(tr(lang, Key::WhyBudget, &[("lambda", num(b.lambda)), ("kept", percent(b.kept * 100.0))]));
        }
    }
    parts.join("; ")
}

/// When the data capped the number of segments, the sentence that says so.
pub fn segments_capped(lang: Lang, s: &crate::engine::discount::segments::Segmentation) -> Option<String> {
    let k = s.profiles.len();
    (k < s.requested_k).then(|| {
        tr(
            lang,
            Key::SegmentsCapped,
            &[
                ("asked", s.requested_k.to_string()),
                ("n", s.labels.len().to_string()),
                ("k", k.to_string()),
                ("min", crate::engine::limits::MIN_SEGMENT_SIZE.to_string()),
            ],
        )
    })
}

/// When a strategy loses money against offering nothing, why, in one sentence with its numbers:
/// the margin of the purchases it adds against the discount paid to customers who would have
/// bought anyway ([`ProfitBreakdown`](crate::engine::strategy::ProfitBreakdown)).
/// `None` when it does not lose money or there is no purchase model to tell.
///
/// ```
/// use discount_lab::engine::strategy::{discounts, Strategy, StrategyParams};
/// use discount_lab::engine::data::samples::{shop, ShopParams};
/// use discount_lab::present::Lang;
/// use discount_lab::present::why::loss_reason;
/// let data = shop(&ShopParams::default());
/// let p = StrategyParams { strategy: Strategy::SeedUser, ..Default::default() }.check().unwrap();
/// let r = discounts(&data, &p).unwrap();
/// assert!(r.totals.incremental_profit.unwrap() < 0.0);
/// assert!(loss_reason(Lang::En, &r.totals).unwrap().contains("would have bought anyway"));
/// ```
pub fn loss_reason(lang: Lang, totals: &Totals) -> Option<String> {
    let (b, cost) = (totals.breakdown?, totals.discount_cost?);
    if totals.incremental_profit? >= 0.0 || cost <= 0.0 {
        return None;
    }
    let share = b.paid_to_buyers_anyway / cost * 100.0;
    Some(tr(
        lang,
        Key::LossReason,
        &[
            ("extra", format!("{:.1}", b.extra_purchases)),
            ("gain", amount(b.extra_margin)),
            ("anyway", amount(b.paid_to_buyers_anyway)),
            ("cost", amount(cost)),
            ("share", format!("{share:.0}")),
        ],
    ))
}

/// The one-line "why" of a user discount.
pub fn why_user(lang: Lang, d: &UserDiscount, as_in_article: bool) -> String {
    let off = percent(d.percent_off.0);
    match d.fallback {
        Some(UserFallback::NoNeighbours) => {
            tr(lang, Key::WhyNoNeighbours, &[("mean", num(d.neighbour_mean)), ("off", off)])
        }
        Some(UserFallback::FlatScale) => text(lang, Key::WhyFlatScale).to_string(),
        None => {
            let others = if as_in_article { d.neighbours.len().saturating_sub(1) } else { d.neighbours.len() };
            tr(
                lang,
                if as_in_article { Key::WhyUserArticle } else { Key::WhyUser },
                &[
                    ("user", d.user.clone()),
                    ("k", others.to_string()),
                    ("mean", num(d.neighbour_mean)),
                    ("hi", num(d.r_max)),
                    ("lo", num(d.r_min)),
                    ("s", num(d.strength)),
                    ("off", off),
                    ("zhe", zhe_label(d.percent_off)),
                ],
            )
        }
    }
}

/// The one-line "why" of an item discount.
pub fn why_item(lang: Lang, d: &ItemDiscount) -> String {
    let m = d.m.map(num).unwrap_or_default();
    let raw = d.raw.map(num).unwrap_or_default();
    let off = percent(d.discount.0);
    match d.outcome {
        ItemOutcome::Formula => tr(lang, Key::WhyItem, &[("m", m), ("raw", raw)]),
        ItemOutcome::Capped => tr(lang, Key::WhyItemCapped, &[("raw", raw), ("off", off)]),
        ItemOutcome::Saturated => tr(lang, Key::WhyItemSaturated, &[("m", m), ("off", off)]),
        ItemOutcome::NoSimilarRates => text(lang, Key::WhyItemNone).to_string(),
    }
}
