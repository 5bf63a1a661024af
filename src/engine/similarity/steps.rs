//! Step-through of one similarity: the common ratings, the values compared, every
//! partial sum and the effect of `min_support` and `shrinkage`, with the real numbers.
//!
//! The final value is computed by the same code as the matrix, so the explanation
//! and the heatmap cell always agree.
//!
//! ```
//! use discount_lab::engine::similarity::steps::explain_pair;
//! use discount_lab::engine::data::ratings::Kind;
//! use discount_lab::engine::data::samples::worked_example;
//! use discount_lab::engine::similarity::{Measure, SimilarityParams};
//! let ex = worked_example();
//! let p = SimilarityParams::new(Kind::User, Measure::Cosine).zero_fill(true).check().unwrap();
//! let e = explain_pair(&ex.ratings, None, &p, 0, 1).unwrap();
//! approx::assert_abs_diff_eq!(e.value, 35.0 / (51.0f64 * 71.0).sqrt(), epsilon = 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use super::attributes::attribute_matrix;
use super::measure::Measure;
use super::pair_sums::{shrink_factor, PairSums};
use super::params::ValidSimilarityParams;
use super::prepared::Prepared;
use crate::engine::data::items::ItemTable;
use crate::engine::data::ratings::{Kind, Ratings};
use crate::engine::error::{EngineError, Need};
use crate::engine::format::num;

/// One column compared (an item for user pairs, a user for item pairs, an attribute for attribute Jaccard).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedRow {
    /// Column id.
    pub id: String,
    /// Rating (or 1 for a present attribute) of the first row, if any.
    pub a: Option<f64>,
    /// Rating of the second row, if any.
    pub b: Option<f64>,
    /// Value compared for the first row (the rating, a residual, or 0 when zero-filled).
    pub a_used: f64,
    /// Value compared for the second row.
    pub b_used: f64,
}

/// What a step computes; the interface names it in the chosen language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepLabel {
    /// Number of common ratings n.
    CommonCount,
    /// Σ a·b.
    SumProducts,
    /// Σ a².
    SumSquaresA,
    /// Σ b².
    SumSquaresB,
    /// ‖a‖² over every column (unrated = 0).
    NormA,
    /// ‖b‖² over every column.
    NormB,
    /// Mean of a over the common columns.
    MeanA,
    /// Mean of b over the common columns.
    MeanB,
    /// Σ (a − ā)(b − b̄).
    Covariance,
    /// Σ (a − ā)².
    VarianceA,
    /// Σ (b − b̄)².
    VarianceB,
    /// Σ (a − b)².
    SquaredDifferences,
    /// Mean squared difference.
    MeanSquaredDifference,
    /// Global mean and biases of the baseline.
    Baseline,
    /// Size of each set.
    SetSizes,
    /// The measure before min_support and shrinkage.
    Raw,
    /// The shrinkage factor.
    Shrinkage,
    /// min_support set the value to 0.
    BelowMinSupport,
    /// A zero denominator: the value is undefined and set to 0.
    Undefined,
    /// The final similarity.
    Final,
}

/// One step: what it is, the arithmetic with real numbers, the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// What the step computes.
    pub label: StepLabel,
    /// The arithmetic, e.g. "35 / √(51 × 71) = 0.5817".
    pub expression: String,
    /// Its result.
    pub value: f64,
}

/// The whole explanation of one pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairExplanation {
    /// Users or items.
    pub kind: Kind,
    /// The measure.
    pub measure: Measure,
    /// Whether unrated cells counted as 0.
    pub zero_fill: bool,
    /// First id.
    pub a: String,
    /// Second id.
    pub b: String,
    /// The columns compared.
    pub rows: Vec<ComparedRow>,
    /// The sums over them.
    pub sums: PairSums,
    /// The arithmetic, step by step.
    pub steps: Vec<Step>,
    /// The similarity (equal to the matrix cell).
    pub value: f64,
}

fn step(label: StepLabel, expression: String, value: f64) -> Step {
    Step { label, expression, value }
}

/// Explains the similarity of rows `a` and `b` (indices into users or items).
pub fn explain_pair(
    ratings: &Ratings,
    items: Option<&ItemTable>,
    params: &ValidSimilarityParams,
    a: usize,
    b: usize,
) -> Result<PairExplanation, EngineError> {
    let ids = ratings.ids(params.kind);
    for &x in &[a, b] {
        if x >= ids.len() {
            return Err(EngineError::UnknownId { what: "row", id: x.to_string() });
        }
    }
    if params.measure == Measure::AttributeJaccard {
        return explain_attributes(ratings, items, params, a, b);
    }
    let prepared = Prepared::new(ratings, params);
    let sums = prepared.pair_sums(a, b);
    let rows = compared_rows(ratings, &prepared, a, b);
    let mut steps = Vec::new();
    let n = sums.n;
    steps.push(step(StepLabel::CommonCount, format!("n = {}", num(n)), n));
    raw_steps(&prepared, a, b, &sums, &mut steps);
    let value = if a == b { 1.0 } else { prepared.finish(a, b, &sums) };
    let min_support =
        if params.measure == Measure::PearsonBaseline { params.min_support.max(2) } else { params.min_support };
    if a != b && (n < min_support as f64 || n == 0.0) {
        steps.push(step(
            StepLabel::BelowMinSupport,
            format!("n = {} < min_support = {} → 0", num(n), min_support.max(1)),
            0.0,
        ));
    } else if params.measure == Measure::PearsonBaseline && a != b {
        let f = shrink_factor(n, params.shrinkage);
        steps.push(step(
            StepLabel::Shrinkage,
            format!("({} − 1) / ({} − 1 + {}) = {}", num(n), num(n), num(params.shrinkage), num(f)),
            f,
        ));
    }
    steps.push(step(StepLabel::Final, num(value), value));
    Ok(PairExplanation {
        kind: params.kind,
        measure: params.measure,
        zero_fill: params.zero_fill,
        a: ids[a].clone(),
        b: ids[b].clone(),
        rows,
        sums,
        steps,
        value,
    })
}

fn compared_rows(ratings: &Ratings, p: &Prepared, a: usize, b: usize) -> Vec<ComparedRow> {
    let kind = p.params.kind;
    let csr = ratings.rows(kind);
    let other_ids = match kind {
        Kind::User => ratings.item_ids(),
        Kind::Item => ratings.user_ids(),
    };
    let (ya, ra) = csr.row(a);
    let (yb, rb) = csr.row(b);
    let (va, vb) = (&p.row_values[csr.span(a)], &p.row_values[csr.span(b)]);
    let union = p.params.zero_fill;
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < ya.len() || j < yb.len() {
        let ca = ya.get(i).copied().unwrap_or(u32::MAX);
        let cb = yb.get(j).copied().unwrap_or(u32::MAX);
        if ca == cb {
            out.push(ComparedRow {
                id: other_ids[ca as usize].clone(),
                a: Some(ra[i]),
                b: Some(rb[j]),
                a_used: va[i],
                b_used: vb[j],
            });
            i += 1;
            j += 1;
        } else if ca < cb {
            if union {
                out.push(ComparedRow {
                    id: other_ids[ca as usize].clone(),
                    a: Some(ra[i]),
                    b: None,
                    a_used: va[i],
                    b_used: 0.0,
                });
            }
            i += 1;
        } else {
            if union {
                out.push(ComparedRow {
                    id: other_ids[cb as usize].clone(),
                    a: None,
                    b: Some(rb[j]),
                    a_used: 0.0,
                    b_used: vb[j],
                });
            }
            j += 1;
        }
    }
    out
}

fn ratio_steps(num_v: f64, den2: f64, steps: &mut Vec<Step>) -> f64 {
    if den2 <= 0.0 {
        steps.push(step(StepLabel::Undefined, format!("{} / √{} → 0", num(num_v), num(den2)), 0.0));
        return 0.0;
    }
    let den = den2.sqrt();
    let v = (num_v / den).clamp(-1.0, 1.0);
    steps.push(step(
        StepLabel::Raw,
        format!("{} / √{} = {} / {} = {}", num(num_v), num(den2), num(num_v), num(den), num(v)),
        v,
    ));
    v
}

fn raw_steps(p: &Prepared, a: usize, b: usize, s: &PairSums, steps: &mut Vec<Step>) -> f64 {
    let params = &p.params;
    match params.measure {
        Measure::Cosine if params.zero_fill => {
            steps.push(step(StepLabel::SumProducts, format!("Σ a·b = {}", num(s.sxy)), s.sxy));
            let (na, nb) = (p.norms2[a], p.norms2[b]);
            steps.push(step(StepLabel::NormA, format!("‖a‖² = {}", num(na)), na));
            steps.push(step(StepLabel::NormB, format!("‖b‖² = {}", num(nb)), nb));
            ratio_steps(s.sxy, na * nb, steps)
        }
        Measure::Cosine | Measure::AdjustedCosine | Measure::PearsonBaseline => {
            if let (Measure::PearsonBaseline, Some(bl)) = (params.measure, &p.baselines) {
                let (ba, bb) = match params.kind {
                    Kind::User => (bl.user[a], bl.user[b]),
                    Kind::Item => (bl.item[a], bl.item[b]),
                };
                steps.push(step(
                    StepLabel::Baseline,
                    format!("μ = {}, b_a = {}, b_b = {}", num(bl.global_mean), num(ba), num(bb)),
                    bl.global_mean,
                ));
            }
            steps.push(step(StepLabel::SumProducts, format!("Σ a·b = {}", num(s.sxy)), s.sxy));
            steps.push(step(StepLabel::SumSquaresA, format!("Σ a² = {}", num(s.sxx)), s.sxx));
            steps.push(step(StepLabel::SumSquaresB, format!("Σ b² = {}", num(s.syy)), s.syy));
            ratio_steps(s.sxy, s.sxx * s.syy, steps)
        }
        Measure::Msd => {
            let sq = (s.sxx + s.syy - 2.0 * s.sxy).max(0.0);
            steps.push(step(StepLabel::SquaredDifferences, format!("Σ (a − b)² = {}", num(sq)), sq));
            if s.n == 0.0 {
                return 0.0;
            }
            let msd = sq / s.n;
            steps.push(step(
                StepLabel::MeanSquaredDifference,
                format!("{} / {} = {}", num(sq), num(s.n), num(msd)),
                msd,
            ));
            let v = 1.0 / (msd + 1.0);
            steps.push(step(StepLabel::Raw, format!("1 / ({} + 1) = {}", num(msd), num(v)), v));
            v
        }
        Measure::Pearson => {
            if s.n == 0.0 {
                return 0.0;
            }
            let (ma, mb) = (s.sx / s.n, s.sy / s.n);
            steps.push(step(StepLabel::MeanA, format!("ā = {} / {} = {}", num(s.sx), num(s.n), num(ma)), ma));
            steps.push(step(StepLabel::MeanB, format!("b̄ = {} / {} = {}", num(s.sy), num(s.n), num(mb)), mb));
            let cov = s.sxy - s.sx * s.sy / s.n;
            let va = s.sxx - s.sx * s.sx / s.n;
            let vb = s.syy - s.sy * s.sy / s.n;
            steps.push(step(StepLabel::Covariance, format!("Σ (a − ā)(b − b̄) = {}", num(cov)), cov));
            steps.push(step(StepLabel::VarianceA, format!("Σ (a − ā)² = {}", num(va)), va));
            steps.push(step(StepLabel::VarianceB, format!("Σ (b − b̄)² = {}", num(vb)), vb));
            ratio_steps(cov, va * vb, steps)
        }
        Measure::Jaccard => {
            let csr = p.ratings.rows(params.kind);
            let (la, lb) = (csr.row_len(a) as f64, csr.row_len(b) as f64);
            steps.push(step(StepLabel::SetSizes, format!("|A| = {}, |B| = {}", num(la), num(lb)), la + lb));
            let union = la + lb - s.n;
            let v = if union > 0.0 { s.n / union } else { 0.0 };
            steps.push(step(
                StepLabel::Raw,
                format!("{} / ({} + {} − {}) = {}", num(s.n), num(la), num(lb), num(s.n), num(v)),
                v,
            ));
            v
        }
        Measure::AttributeJaccard => 0.0,
    }
}

fn explain_attributes(
    ratings: &Ratings,
    items: Option<&ItemTable>,
    params: &ValidSimilarityParams,
    a: usize,
    b: usize,
) -> Result<PairExplanation, EngineError> {
    let table = items.ok_or(EngineError::Needs(Need::ItemAttributes))?;
    let ids = ratings.ids(params.kind).to_vec();
    let index = table.index();
    let attrs = |k: usize| index.get(ids[k].as_str()).map(|i| i.attributes.clone()).unwrap_or_default();
    let (aa, ab) = (attrs(a), attrs(b));
    let mut union: Vec<String> = aa.clone();
    for x in &ab {
        if !union.contains(x) {
            union.push(x.clone());
        }
    }
    let rows: Vec<ComparedRow> = union
        .iter()
        .map(|x| {
            let (ina, inb) = (aa.contains(x), ab.contains(x));
            ComparedRow {
                id: x.clone(),
                a: ina.then_some(1.0),
                b: inb.then_some(1.0),
                a_used: if ina { 1.0 } else { 0.0 },
                b_used: if inb { 1.0 } else { 0.0 },
            }
        })
        .collect();
    let common = rows.iter().filter(|r| r.a.is_some() && r.b.is_some()).count() as f64;
    // The same function as the matrix, so the panel and the heatmap cell agree.
    let value = if a == b {
        1.0
    } else {
        attribute_matrix(vec![ids[a].clone(), ids[b].clone()], table, params.min_support).get(0, 1)
    };
    let steps = vec![
        step(StepLabel::CommonCount, format!("|A ∩ B| = {}", num(common)), common),
        step(
            StepLabel::SetSizes,
            format!("|A| = {}, |B| = {}, |A ∪ B| = {}", aa.len(), ab.len(), union.len()),
            union.len() as f64,
        ),
        step(StepLabel::Final, num(value), value),
    ];
    Ok(PairExplanation {
        kind: params.kind,
        measure: params.measure,
        zero_fill: false,
        a: ids[a].clone(),
        b: ids[b].clone(),
        rows,
        sums: PairSums { n: common, ..Default::default() },
        steps,
        value,
    })
}
