//! The markup rule on each user's own elasticity (shrunk toward their segment's), priced on
//! their basket.

use serde::{Deserialize, Serialize};

use super::basket::Basket;
use super::elasticity::{Estimate, Shrunk};
use super::elasticity_table::ElasticityTable;
use super::markup::{markup, Markup};
use super::offer::{Offered, Unavailable};
use super::segments::Segmentation;

/// What an elasticity offer is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ElasticityBasis {
    /// The shrunk elasticity and its parts.
    pub elasticity: Shrunk,
    /// The segment's estimate.
    pub segment: Option<Estimate>,
    /// The verdict.
    pub markup: Markup,
}

/// Every user's markup-rule offer on their basket, from their elasticity.
pub fn propose(
    table: &ElasticityTable,
    seg: &Segmentation,
    baskets: &[Option<Basket>],
) -> Vec<Offered<ElasticityBasis>> {
    baskets
        .iter()
        .enumerate()
        .map(|(u, b)| match (b, table.by_user.get(u).copied().flatten()) {
            (Some(b), Some(e)) => {
                let verdict = markup(e.elasticity, b.list_price, b.unit_cost);
                let segment = seg.labels.get(u).and_then(|&s| table.by_segment.get(s)).and_then(|r| r.ok());
                (verdict.discount(), Ok(ElasticityBasis { elasticity: e, segment, markup: verdict }))
            }
            (None, _) => (0.0, Err(Unavailable::NoListPrice)),
            (Some(_), None) => (0.0, Err(Unavailable::NoElasticity)),
        })
        .collect()
}
