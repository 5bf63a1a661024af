//! Elasticities of every segment, category and user, from the purchase log: what the segment
//! and elasticity strategies offer from, and what the elasticity table shows.
//!
//! Each segment's and category's ε is fitted on its purchase-log rows ([`fit`]), with least
//! squares on buyers only beside it for comparison ([`fit_ols`]); each user's own ε is shrunk
//! toward their segment's ([`shrink`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::elasticity::{fit, fit_ols, shrink, Estimate, NoEstimate, Shrunk};
use super::segments::Segmentation;
use crate::engine::data::samples::Dataset;
use crate::engine::error::{EngineError, Need};

/// Elasticities of the segments, the categories and the users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ElasticityTable {
    /// Per segment (index = segment).
    pub by_segment: Vec<Result<Estimate, NoEstimate>>,
    /// Per category of the item table, by name.
    pub by_category: Vec<(String, Result<Estimate, NoEstimate>)>,
    /// Per user, shrunk toward the segment; `None` when neither has an estimate.
    pub by_user: Vec<Option<Shrunk>>,
    /// For comparison, least squares of ln q on buyers only, per segment ([`fit_ols`]).
    pub ols_by_segment: Vec<Result<Estimate, NoEstimate>>,
    /// The same per category.
    pub ols_by_category: Vec<Result<Estimate, NoEstimate>>,
}

/// The elasticities of `seg`'s segments, the item table's categories and every user.
pub fn elasticity_table(data: &Dataset, seg: &Segmentation) -> Result<ElasticityTable, EngineError> {
    if data.purchases.is_empty() {
        return Err(EngineError::Needs(Need::PurchaseLogForElasticity));
    }
    let index: HashMap<&str, usize> =
        data.ratings.user_ids().iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    let rows: Vec<(usize, f64, f64, &str)> = data
        .purchases
        .rows
        .iter()
        .filter_map(|p| Some((*index.get(p.user.as_str())?, p.price_paid / p.list_price, p.units(), p.item.as_str())))
        .collect();
    let k = seg.profiles.len();
    let of_segment = |s: usize| rows.iter().filter(move |r| seg.labels[r.0] == s).map(|r| (r.1, r.2, r.0));
    let by_segment: Vec<Result<Estimate, NoEstimate>> = (0..k).map(|s| fit(of_segment(s))).collect();
    let ols_by_segment = (0..k).map(|s| fit_ols(of_segment(s))).collect();
    let items = data.items.index();
    let mut categories: Vec<String> = data.items.items.iter().filter_map(|i| i.category.clone()).collect();
    categories.sort();
    categories.dedup();
    let items = &items;
    let of_category = |c: &str| {
        let c = c.to_string();
        rows.iter()
            .filter(move |r| items.get(r.3).and_then(|i| i.category.as_deref()) == Some(c.as_str()))
            .map(|r| (r.1, r.2, r.0))
    };
    let ols_by_category = categories.iter().map(|c| fit_ols(of_category(c))).collect();
    let by_category = categories.into_iter().map(|c| (c.clone(), fit(of_category(&c)))).collect();
    let mut per_user: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); data.ratings.n_users()];
    for r in &rows {
        per_user[r.0].push((r.1, r.2, r.0));
    }
    let own: Vec<Option<Estimate>> = per_user.iter().map(|rows| fit(rows.iter().copied()).ok()).collect();
    let group: Vec<Option<f64>> = by_segment.iter().map(|e| e.as_ref().ok().map(|e| e.elasticity)).collect();
    let by_user = shrink(&own, &seg.labels, &group);
    Ok(ElasticityTable { by_segment, by_category, by_user, ols_by_segment, ols_by_category })
}
