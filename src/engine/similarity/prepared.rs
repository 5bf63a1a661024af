//! The values each measure compares, prepared once per matrix: raw ratings, or residuals
//! from baselines or user means, aligned with the rows and columns.

use std::borrow::Cow;

use super::baselines::{als, Baselines};
use super::measure::Measure;
use super::pair_sums::{shrink_factor, PairSums};
use super::params::{SimilarityParams, ValidSimilarityParams};
use crate::engine::data::ratings::{Csr, Kind, Ratings};

/// Everything the pair loop needs, prepared once: the values each measure compares
/// (raw ratings, or residuals from baselines or user means), aligned with the rows and columns.
pub(crate) struct Prepared<'a> {
    pub(crate) ratings: &'a Ratings,
    pub(crate) params: SimilarityParams,
    /// Values aligned with `ratings.rows(kind)` entries (the ratings themselves, borrowed, for
    /// the measures that compare raw ratings).
    pub(crate) row_values: Cow<'a, [f64]>,
    /// Values aligned with `ratings.cols(kind)` entries.
    pub(crate) col_values: Cow<'a, [f64]>,
    /// Σ r² over all ratings of each row (zero-filled cosine).
    pub(crate) norms2: Vec<f64>,
    pub(crate) baselines: Option<Baselines>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(ratings: &'a Ratings, params: &ValidSimilarityParams) -> Prepared<'a> {
        let baselines = (params.measure == Measure::PearsonBaseline).then(|| als(ratings, &params.baseline));
        Prepared::with_baselines(ratings, params, baselines)
    }

    /// As [`Prepared::new`], with `pearson_baseline` centring on the given baselines.
    pub(crate) fn with_baselines(
        ratings: &'a Ratings,
        params: &ValidSimilarityParams,
        baselines: Option<Baselines>,
    ) -> Prepared<'a> {
        let kind = params.kind;
        let rows = ratings.rows(kind);
        let cols = ratings.cols(kind);
        // Adjusted cosine centres on each column's mean: computed once, not once per rating.
        let col_means: Vec<f64> = if params.measure == Measure::AdjustedCosine {
            (0..cols.n_rows()).map(|y| mean_of(cols, y)).collect()
        } else {
            Vec::new()
        };
        // The value used for the rating of row x in column y.
        let value = |x: usize, y: usize, r: f64| -> f64 {
            match (params.measure, &baselines) {
                (Measure::PearsonBaseline, Some(b)) => {
                    let (bx, by) = match kind {
                        Kind::User => (b.user[x], b.item[y]),
                        Kind::Item => (b.item[x], b.user[y]),
                    };
                    r - (b.global_mean + by + bx)
                }
                (Measure::AdjustedCosine, _) => r - col_means[y],
                _ => r,
            }
        };
        // Measures that compare the ratings themselves read them where they are.
        let centred = params.measure == Measure::AdjustedCosine
            || (params.measure == Measure::PearsonBaseline && baselines.is_some());
        let (row_values, col_values) = if centred {
            (Cow::Owned(aligned(rows, value)), Cow::Owned(aligned(cols, |y, x, r| value(x, y, r))))
        } else {
            (Cow::Borrowed(rows.values()), Cow::Borrowed(cols.values()))
        };
        let norms2 = (0..rows.n_rows()).map(|x| rows.row(x).1.iter().map(|r| r * r).sum()).collect();
        Prepared { ratings, params: **params, row_values, col_values, norms2, baselines }
    }

    /// Sums over the common ratings of rows `a` and `b` (a merge of two sorted rows).
    pub(crate) fn pair_sums(&self, a: usize, b: usize) -> PairSums {
        let rows = self.ratings.rows(self.params.kind);
        let (ya, yb) = (rows.row(a).0, rows.row(b).0);
        let (sa, sb) = (rows.span(a), rows.span(b));
        let (va, vb) = (&self.row_values[sa], &self.row_values[sb]);
        let mut sums = PairSums::default();
        let (mut i, mut j) = (0, 0);
        while i < ya.len() && j < yb.len() {
            match ya[i].cmp(&yb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sums.add(va[i], vb[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        sums
    }

    /// The similarity of rows `a` and `b` from their sums.
    #[inline(always)]
    pub(crate) fn finish(&self, a: usize, b: usize, s: &PairSums) -> f64 {
        let p = &self.params;
        let min_support = match p.measure {
            Measure::PearsonBaseline => p.min_support.max(2),
            _ => p.min_support,
        } as f64;
        if s.n < min_support || s.n == 0.0 {
            return 0.0;
        }
        // Undefined (0/0, or ∞/∞ when huge ratings overflow the sums) counts as 0.
        let ratio = |num: f64, den2: f64| {
            let v = if den2 > 0.0 { num / den2.sqrt() } else { 0.0 };
            if v.is_nan() {
                0.0
            } else {
                v.clamp(-1.0, 1.0)
            }
        };
        match p.measure {
            Measure::Cosine if p.zero_fill => ratio(s.sxy, self.norms2[a] * self.norms2[b]),
            Measure::Cosine | Measure::AdjustedCosine => ratio(s.sxy, s.sxx * s.syy),
            Measure::Msd => 1.0 / ((s.sxx + s.syy - 2.0 * s.sxy).max(0.0) / s.n + 1.0),
            Measure::Pearson => {
                let num = s.n * s.sxy - s.sx * s.sy;
                let den2 = (s.n * s.sxx - s.sx * s.sx) * (s.n * s.syy - s.sy * s.sy);
                ratio(num, den2)
            }
            Measure::PearsonBaseline => ratio(s.sxy, s.sxx * s.syy) * shrink_factor(s.n, p.shrinkage),
            Measure::Jaccard => {
                let rows = self.ratings.rows(p.kind);
                s.n / (rows.row_len(a) as f64 + rows.row_len(b) as f64 - s.n)
            }
            Measure::AttributeJaccard => 0.0,
        }
    }
}

/// `value_at(row, column, rating)` of every entry of `csr`, in its order.
fn aligned(csr: &Csr, value_at: impl Fn(usize, usize, f64) -> f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(csr.nnz());
    for r in 0..csr.n_rows() {
        let (cs, vs) = csr.row(r);
        out.extend(cs.iter().zip(vs).map(|(&c, &v)| value_at(r, c as usize, v)));
    }
    out
}

fn mean_of(csr: &Csr, r: usize) -> f64 {
    let v = csr.row(r).1;
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}
