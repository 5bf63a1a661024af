//! Who gets offers: per group of customers, the mean offer and the share receiving
//! one, and whether a sensitive attribute (age, gender, ...) drives the differences.
//!
//! Groups are the segments, and every column of the user table (ages are banded:
//! under 25, 25-34, 35-44, 45-54, 55 and over). For each grouping the audit reports the
//! largest gap in mean offer (percentage points), the lowest ratio of the share
//! offered to the highest share (the "four-fifths rule" of the US EEOC's adverse-impact
//! guideline flags ratios below 0.8), and η², the share of the offers' variance that
//! lies between groups. A sensitive grouping warns when its ratio is below 0.8 or its
//! η² is at least 0.10: offers then differ by that attribute, even if it was never an
//! input — segments and purchase history can stand in for it. Groups of fewer than
//! [`MIN_GROUP_USERS`] users are listed but not judged.
//!
//! ```
//! use discount_lab::engine::discount::fairness::audit;
//! // Ten women offered 20%, ten men offered nothing.
//! let offers: Vec<f64> = (0..20).map(|k| if k < 10 { 20.0 } else { 0.0 }).collect();
//! let groups: Vec<Option<String>> = (0..20).map(|k| Some(if k < 10 { "F" } else { "M" }.to_string())).collect();
//! let a = audit("gender", &offers, &groups);
//! assert_eq!(a.max_gap, 20.0);
//! assert_eq!(a.min_share_ratio, 0.0);
//! assert!(a.warning);
//! // Two customers are too few to judge.
//! assert!(!audit("gender", &offers[9..11], &groups[9..11]).warning);
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::data::user_table::{is_sensitive, UserTable};

/// Offers within one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupStat {
    /// The group's label.
    pub group: String,
    /// Users in it.
    pub users: usize,
    /// Mean percentage off.
    pub mean_offer: f64,
    /// Share of users with an offer above 0.
    pub share_offered: f64,
}

/// The audit of one grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    /// What the groups are ("segment", "age", ...).
    pub attribute: String,
    /// Whether the attribute is sensitive.
    pub sensitive: bool,
    /// The groups, by label.
    pub groups: Vec<GroupStat>,
    /// Largest difference in mean offer between two groups, in percentage points.
    pub max_gap: f64,
    /// Lowest share offered divided by the highest (1 when equal or nobody is offered),
    /// over the groups of at least [`MIN_GROUP_USERS`] users.
    pub min_share_ratio: f64,
    /// Groups under [`MIN_GROUP_USERS`] users: shown, but too small to judge.
    pub small_groups: usize,
    /// Between-group share of the offers' variance.
    pub eta_squared: f64,
    /// Set for a sensitive attribute with at least two groups large enough to judge and a
    /// ratio < 0.8 or η² ≥ 0.10.
    pub warning: bool,
}

/// Groups smaller than this are shown but left out of the share ratio and the warning:
/// a share of 1 in 2 says nothing about a rule.
pub const MIN_GROUP_USERS: usize = 10;

/// The four-fifths threshold on the share ratio.
pub const FOUR_FIFTHS: f64 = 0.8;
/// The η² at which a sensitive attribute counts as driving the offers.
pub const ETA_SQUARED_WARNING: f64 = 0.10;

/// Audits offers (percentages) by the group label of each user (`None`: not in any group).
pub fn audit(attribute: &str, offers: &[f64], groups: &[Option<String>]) -> Audit {
    // Each user's group as an index, in order of first appearance.
    let mut names: Vec<&str> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let member: Vec<Option<usize>> = groups
        .iter()
        .map(|g| {
            let g = g.as_deref()?;
            Some(*index.entry(g).or_insert_with(|| {
                names.push(g);
                names.len() - 1
            }))
        })
        .collect();
    let mut stats: Vec<(usize, f64, usize)> = vec![(0, 0.0, 0); names.len()];
    for (o, g) in offers.iter().zip(&member) {
        let Some(&k) = g.as_ref() else { continue };
        stats[k].0 += 1;
        stats[k].1 += o;
        stats[k].2 += usize::from(*o > 0.0);
    }
    // Age bands ("<25", "25-34", ...) and other numbers sort by value, the rest by name.
    let key = |g: &str| g.trim_start_matches('<').split(['-', '+']).next().and_then(|n| n.parse::<f64>().ok());
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| match (key(names[a]), key(names[b])) {
        (Some(x), Some(y)) => x.total_cmp(&y).then(names[a].len().cmp(&names[b].len())),
        _ => names[a].cmp(names[b]),
    });
    let groups_out: Vec<GroupStat> = order
        .iter()
        .map(|&k| {
            let (n, sum, offered) = stats[k];
            GroupStat {
                group: names[k].to_string(),
                users: n,
                mean_offer: sum / n as f64,
                share_offered: offered as f64 / n as f64,
            }
        })
        .collect();
    let means = groups_out.iter().map(|g| g.mean_offer);
    let max_gap = means.clone().fold(f64::NEG_INFINITY, f64::max) - means.fold(f64::INFINITY, f64::min);
    let max_gap = if max_gap.is_finite() { max_gap } else { 0.0 };
    let judged: Vec<&GroupStat> = groups_out.iter().filter(|g| g.users >= MIN_GROUP_USERS).collect();
    let small_groups = groups_out.len() - judged.len();
    let top = judged.iter().map(|g| g.share_offered).fold(0.0, f64::max);
    let low = judged.iter().map(|g| g.share_offered).fold(f64::INFINITY, f64::min);
    let min_share_ratio = if top > 0.0 { low / top } else { 1.0 };
    // Offers of the users in a group.
    let counted: Vec<(f64, usize)> = offers.iter().zip(&member).filter_map(|(o, g)| Some((*o, (*g)?))).collect();
    let n = counted.len() as f64;
    let grand = counted.iter().map(|c| c.0).sum::<f64>() / n.max(1.0);
    let total: f64 = counted.iter().map(|c| (c.0 - grand).powi(2)).sum();
    let between: f64 = groups_out.iter().map(|g| g.users as f64 * (g.mean_offer - grand).powi(2)).sum();
    let eta_squared = if total > 1e-12 { (between / total).clamp(0.0, 1.0) } else { 0.0 };
    let sensitive = is_sensitive(attribute);
    let warning =
        sensitive && judged.len() >= 2 && (min_share_ratio < FOUR_FIFTHS || eta_squared >= ETA_SQUARED_WARNING);
    Audit {
        attribute: attribute.to_string(),
        sensitive,
        groups: groups_out,
        max_gap,
        min_share_ratio,
        small_groups,
        eta_squared,
        warning,
    }
}

/// The age band of an age in years.
pub fn age_band(age: f64) -> &'static str {
    match age {
        a if a < 25.0 => "<25",
        a if a < 35.0 => "25-34",
        a if a < 45.0 => "35-44",
        a if a < 55.0 => "45-54",
        _ => "55+",
    }
}

/// Audits by segment and by every user-table column (ages banded). `users` are the ids
/// the offers belong to; `segments` their segment names, if any.
pub fn audit_all(users: &[String], offers: &[f64], segments: Option<&[String]>, table: &UserTable) -> Vec<Audit> {
    let mut out = Vec::new();
    if let Some(seg) = segments {
        let groups: Vec<Option<String>> = seg.iter().map(|s| Some(s.clone())).collect();
        out.push(audit("segment", offers, &groups));
    }
    for column in &table.columns {
        let is_age = column.eq_ignore_ascii_case("age");
        let groups: Vec<Option<String>> = users
            .iter()
            .map(|u| {
                let v = table.value(u, column)?;
                match (is_age, v.parse::<f64>()) {
                    (true, Ok(a)) if a.is_finite() => Some(age_band(a).to_string()),
                    _ if v.is_empty() => None,
                    _ => Some(v.to_string()),
                }
            })
            .collect();
        if groups.iter().any(Option::is_some) {
            out.push(audit(column, offers, &groups));
        }
    }
    out
}
