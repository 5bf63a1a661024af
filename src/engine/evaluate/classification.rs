//! How well predicted probabilities classify: accuracy, precision, recall, F1 at a
//! threshold, and the area under the ROC curve — scikit-learn's definitions
//! (`zero_division = 0`; AUC with tied scores counted as half, the Mann–Whitney form) —
//! plus k-fold cross-validation and a grid search over the penalty C of a logistic model.
//!
//! ```
//! use discount_lab::engine::evaluate::classification::{report, roc_auc};
//! let y = [true, false, true, false];
//! let p = [0.9, 0.4, 0.35, 0.1];
//! assert_eq!(roc_auc(&y, &p), Some(0.75));
//! let r = report(&y, &p, 0.5);
//! assert_eq!((r.accuracy, r.precision, r.recall), (0.75, 1.0, 0.5));
//! ```

use ndarray::{ArrayView2, Axis};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::engine::error::EngineError;
use crate::engine::stats::logistic::{fit, LogisticParams, ValidLogisticParams};

/// Classification figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct ClassificationReport {
    /// Share classified correctly.
    pub accuracy: f64,
    /// True positives ÷ predicted positives (0 when none are predicted).
    pub precision: f64,
    /// True positives ÷ actual positives (0 when there are none).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
    /// Area under the ROC curve (`None` with one class).
    pub auc: Option<f64>,
}

/// Figures at `threshold` (p ≥ threshold predicts positive).
pub fn report(y: &[bool], p: &[f64], threshold: f64) -> ClassificationReport {
    let (mut tp, mut fp, mut tn, mut fneg) = (0usize, 0usize, 0usize, 0usize);
    for (&t, &s) in y.iter().zip(p) {
        match (t, s >= threshold) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
            (true, false) => fneg += 1,
        }
    }
    let n = (tp + fp + tn + fneg).max(1) as f64;
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fneg);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    ClassificationReport { accuracy: (tp + tn) as f64 / n, precision, recall, f1, auc: roc_auc(y, p) }
}

/// Area under the ROC curve; ties between a positive and a negative count ½.
pub fn roc_auc(y: &[bool], scores: &[f64]) -> Option<f64> {
    let mut pairs: Vec<(f64, bool)> = scores.iter().copied().zip(y.iter().copied()).collect();
    let pos = pairs.iter().filter(|p| p.1).count();
    let neg = pairs.len() - pos;
    if pos == 0 || neg == 0 {
        return None;
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Rank-sum of the positives with average ranks over ties.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j + 1 < pairs.len() && pairs[j + 1].0 == pairs[i].0 {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += avg * pairs[i..=j].iter().filter(|p| p.1).count() as f64;
        i = j + 1;
    }
    let (pos, neg) = (pos as f64, neg as f64);
    Some((rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg))
}

/// Cross-validated figures of one setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticCv {
    /// Per fold.
    pub folds: Vec<ClassificationReport>,
    /// Means over the folds (AUC over the folds that have one).
    pub mean: ClassificationReport,
}

/// k-fold cross-validation at threshold 0.5. Rows are shuffled by a seeded generator,
/// or, with `groups` (one group id per row, e.g. the customer), whole groups are, so
/// that no group has rows on both sides of a split (scikit-learn's `GroupKFold` idea:
/// a customer seen in training would flatter the test figures).
pub fn cross_validate_logistic(
    x: ArrayView2<f64>,
    y: &[bool],
    groups: Option<&[usize]>,
    params: &ValidLogisticParams,
    folds: usize,
    seed: u64,
) -> Result<LogisticCv, EngineError> {
    let n = x.nrows();
    if groups.is_some_and(|g| g.len() != n) || y.len() != n {
        return Err(EngineError::param("groups", "one label and one group per row are needed"));
    }
    // The units that are shuffled and dealt into folds: rows, or groups of rows.
    let mut units: Vec<usize> = match groups {
        Some(g) => {
            let mut ids = g.to_vec();
            ids.sort_unstable();
            ids.dedup();
            ids
        }
        None => (0..n).collect(),
    };
    let m = units.len();
    if !(2..=m.max(2)).contains(&folds) || folds > m {
        let what = if groups.is_some() { "groups" } else { "rows" };
        return Err(EngineError::param("folds", format!("must be between 2 and the number of {what} ({m})")));
    }
    units.shuffle(&mut StdRng::seed_from_u64(seed));
    let fold_of_unit: std::collections::HashMap<usize, usize> = units
        .iter()
        .enumerate()
        .map(|(k, &u)| (u, (0..folds).find(|f| k < (f + 1) * m / folds).unwrap_or(0)))
        .collect();
    let fold_of = |r: usize| fold_of_unit.get(&groups.map_or(r, |g| g[r])).copied().unwrap_or(0);
    let mut reports = Vec::with_capacity(folds);
    for f in 0..folds {
        let (test, train): (Vec<usize>, Vec<usize>) = (0..n).partition(|&r| fold_of(r) == f);
        let ys = |rows: &[usize]| -> Vec<bool> { rows.iter().map(|&r| y[r]).collect() };
        let model = fit(x.select(Axis(0), &train).view(), &ys(&train), params)?;
        let p = model.predict_proba(x.select(Axis(0), &test).view());
        reports.push(report(&ys(&test), &p, 0.5));
    }
    let k = reports.len() as f64;
    let aucs: Vec<f64> = reports.iter().filter_map(|r| r.auc).collect();
    let mean = ClassificationReport {
        accuracy: reports.iter().map(|r| r.accuracy).sum::<f64>() / k,
        precision: reports.iter().map(|r| r.precision).sum::<f64>() / k,
        recall: reports.iter().map(|r| r.recall).sum::<f64>() / k,
        f1: reports.iter().map(|r| r.f1).sum::<f64>() / k,
        auc: (!aucs.is_empty()).then(|| aucs.iter().sum::<f64>() / aucs.len() as f64),
    };
    Ok(LogisticCv { folds: reports, mean })
}

/// One C of the grid (`None`: no penalty) and its cross-validated figures.
pub type CGridPoint = (Option<f64>, LogisticCv);

/// Cross-validates each C (`None`: no penalty) and returns every result and the index of
/// the best by mean AUC (ties: the first). `groups` as in [`cross_validate_logistic`].
pub fn grid_search_c(
    x: ArrayView2<f64>,
    y: &[bool],
    groups: Option<&[usize]>,
    cs: &[Option<f64>],
    folds: usize,
    seed: u64,
) -> Result<(Vec<CGridPoint>, usize), EngineError> {
    if cs.is_empty() || cs.len() > 20 {
        return Err(EngineError::param("C grid", "give between 1 and 20 values"));
    }
    let mut out = Vec::with_capacity(cs.len());
    for &c in cs {
        let p = LogisticParams { c, ..Default::default() }.check()?;
        out.push((c, cross_validate_logistic(x, y, groups, &p, folds, seed)?));
    }
    let best = out
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |b, (k, (_, cv))| {
            let auc = cv.mean.auc.unwrap_or(f64::NEG_INFINITY);
            if auc > b.1 {
                (k, auc)
            } else {
                b
            }
        })
        .0;
    Ok((out, best))
}
