//! One offer per segment: from a table the user fills in, or from each segment's elasticity
//! through the markup rule, priced on the mean basket of its members.

use serde::{Deserialize, Serialize};

use super::basket::Basket;
use super::elasticity::Estimate;
use super::elasticity_table::ElasticityTable;
use super::markup::{markup, Markup};
use super::segments::Segmentation;
use crate::engine::error::EngineError;

/// The offer (percent) every segment starts with when a person first turns the table on.
pub const FIRST_TABLE_OFFER: f64 = 10.0;

/// What a segment's offer is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentBasis {
    /// From the table (true) or from the segment's elasticity (false).
    pub from_table: bool,
    /// The segment's elasticity estimate and markup verdict, when from elasticity.
    pub markup: Option<(Estimate, Markup)>,
}

/// Every user's segment offer: `table[s]` percent for segment `s` when a table is given,
/// otherwise the markup rule on the segment's elasticity (which `elasticity` must then hold).
pub fn propose(
    seg: &Segmentation,
    baskets: &[Option<Basket>],
    table: Option<&[f64]>,
    elasticity: Result<&ElasticityTable, &EngineError>,
) -> Result<Vec<(f64, SegmentBasis)>, EngineError> {
    let k = seg.profiles.len();
    let per_segment: Vec<(f64, Option<(Estimate, Markup)>)> = match table {
        Some(table) => (0..k).map(|s| (table.get(s).copied().unwrap_or(0.0) / 100.0, None)).collect(),
        None => {
            let el = elasticity.map_err(Clone::clone)?;
            (0..k)
                .map(|s| {
                    let members: Vec<&Basket> = (0..seg.labels.len())
                        .filter(|&u| seg.labels[u] == s)
                        .filter_map(|u| baskets.get(u).and_then(Option::as_ref))
                        .collect();
                    let m = members.len().max(1) as f64;
                    let list = members.iter().map(|b| b.list_price).sum::<f64>() / m;
                    // The mean unit cost of the members whose cost is known.
                    let costs: Vec<f64> = members.iter().filter_map(|b| b.unit_cost).collect();
                    let cost = (!costs.is_empty()).then(|| costs.iter().sum::<f64>() / costs.len() as f64);
                    match el.by_segment.get(s) {
                        Some(Ok(e)) => {
                            let verdict = markup(e.elasticity, list, cost);
                            (verdict.discount(), Some((*e, verdict)))
                        }
                        _ => (0.0, None),
                    }
                })
                .collect()
        }
    };
    let from_table = table.is_some();
    Ok(seg
        .labels
        .iter()
        .map(|&s| {
            let (d, m) = per_segment.get(s).cloned().unwrap_or((0.0, None));
            (d, SegmentBasis { from_table, markup: m })
        })
        .collect())
}
