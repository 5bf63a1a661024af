//! How a dense similarity matrix keeps its cells: 64-bit floats with 32-bit common counts
//! when that fits the memory budget, otherwise 32-bit floats with 16-bit counts, half the size.
//!
//! Every similarity lies in [−1, 1], where rounding to `f32` moves a value by at most 2⁻²⁴ ≈ 6e-8
//! (its largest relative error), so a heatmap, a neighbour list or a prediction read from
//! either differs only past the seventh decimal. Readers get `f64`
//! whatever is stored: [`SimilarityValues::get`], [`SimilarityValues::row`] and
//! [`SimilarityValues::to_f64`].
//!
//! ```
//! use discount_lab::engine::similarity::storage::{Precision, SimilarityValues};
//! let v = SimilarityValues::F32(ndarray::array![[1.0f32, 0.1], [0.1, 1.0]]);
//! assert_eq!(v.precision(), Precision::F32);
//! approx::assert_abs_diff_eq!(v.get(0, 1), 0.1, epsilon = Precision::F32.max_error());
//! ```

use std::borrow::Cow;

use ndarray::{Array2, ArrayView1, Ix1, Ix2};
use serde::{Deserialize, Serialize};

use crate::engine::limits::{COMPACT_CELL_BYTES, DENSE_CELL_BYTES};

/// The precision a similarity matrix's values are stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// 64-bit floats, with 32-bit common counts: what is computed, kept exactly.
    F64,
    /// 32-bit floats, with 16-bit common counts: when the 64-bit matrix would exceed the budget.
    F32,
}

impl Precision {
    /// Bits of one stored value (64 or 32).
    pub fn bits(self) -> u32 {
        match self {
            Precision::F64 => 64,
            Precision::F32 => 32,
        }
    }
    /// A bound on the difference between a stored similarity (in [−1, 1]) and the computed one:
    /// 0 for `f64`; for `f32` the largest relative error of rounding to it, 2⁻²⁴ ≈ 6e-8.
    pub fn max_error(self) -> f64 {
        match self {
            Precision::F64 => 0.0,
            Precision::F32 => f64::from(f32::EPSILON) / 2.0,
        }
    }
    /// Bytes one cell (a value and its common count) takes.
    pub fn cell_bytes(self) -> usize {
        match self {
            Precision::F64 => DENSE_CELL_BYTES,
            Precision::F32 => COMPACT_CELL_BYTES,
        }
    }
}

/// The similarities of a dense matrix, in the precision they were stored in.
#[derive(Debug, Clone, PartialEq)]
pub enum SimilarityValues {
    /// 64-bit floats.
    F64(Array2<f64>),
    /// 32-bit floats.
    F32(Array2<f32>),
}

impl From<Array2<f64>> for SimilarityValues {
    fn from(values: Array2<f64>) -> SimilarityValues {
        SimilarityValues::F64(values)
    }
}

impl SimilarityValues {
    /// The precision the values are stored in.
    pub fn precision(&self) -> Precision {
        match self {
            SimilarityValues::F64(_) => Precision::F64,
            SimilarityValues::F32(_) => Precision::F32,
        }
    }
    /// Number of rows.
    pub fn nrows(&self) -> usize {
        match self {
            SimilarityValues::F64(v) => v.nrows(),
            SimilarityValues::F32(v) => v.nrows(),
        }
    }
    /// The value of cell (`a`, `b`).
    #[inline]
    pub fn get(&self, a: usize, b: usize) -> f64 {
        match self {
            SimilarityValues::F64(v) => v[[a, b]],
            SimilarityValues::F32(v) => f64::from(v[[a, b]]),
        }
    }
    /// Row `r`.
    pub fn row(&self, r: usize) -> RowValues<'_> {
        match self {
            SimilarityValues::F64(v) => RowValues::F64(v.row(r)),
            SimilarityValues::F32(v) => RowValues::F32(v.row(r)),
        }
    }
    /// Every value, row by row.
    pub fn iter(&self) -> AsF64<ndarray::iter::Iter<'_, f64, Ix2>, ndarray::iter::Iter<'_, f32, Ix2>> {
        match self {
            SimilarityValues::F64(v) => AsF64::Wide(v.iter()),
            SimilarityValues::F32(v) => AsF64::Narrow(v.iter()),
        }
    }
    /// The values as `f64`: borrowed when they are stored so, converted otherwise.
    pub fn to_f64(&self) -> Cow<'_, Array2<f64>> {
        match self {
            SimilarityValues::F64(v) => Cow::Borrowed(v),
            SimilarityValues::F32(v) => Cow::Owned(v.mapv(f64::from)),
        }
    }
    /// The values as `f64`, without a copy when they are stored so.
    pub fn into_f64(self) -> Array2<f64> {
        match self {
            SimilarityValues::F64(v) => v,
            SimilarityValues::F32(v) => v.mapv(f64::from),
        }
    }
}

/// One row of [`SimilarityValues`].
#[derive(Debug, Clone)]
pub enum RowValues<'a> {
    /// Of a 64-bit matrix.
    F64(ArrayView1<'a, f64>),
    /// Of a 32-bit matrix.
    F32(ArrayView1<'a, f32>),
}

impl<'a> RowValues<'a> {
    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            RowValues::F64(v) => v.len(),
            RowValues::F32(v) => v.len(),
        }
    }
    /// Whether the row is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Value `k` of the row.
    pub fn get(&self, k: usize) -> Option<f64> {
        match self {
            RowValues::F64(v) => v.get(k).copied(),
            RowValues::F32(v) => v.get(k).map(|&x| f64::from(x)),
        }
    }
    /// The values as `f64`.
    pub fn iter(&self) -> AsF64<ndarray::iter::Iter<'a, f64, Ix1>, ndarray::iter::Iter<'a, f32, Ix1>> {
        match self {
            RowValues::F64(v) => AsF64::Wide((*v).into_iter()),
            RowValues::F32(v) => AsF64::Narrow((*v).into_iter()),
        }
    }
}

/// A row as one slice, for a loop over it (a copy only when it is not laid out contiguously,
/// which a computed matrix always is).
pub fn contiguous<T: Clone>(row: ArrayView1<'_, T>) -> Cow<'_, [T]> {
    match row.to_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(row.to_vec()),
    }
}

/// An iterator over stored values of either precision, yielding `f64`.
#[derive(Debug, Clone)]
pub enum AsF64<W, N> {
    /// Over 64-bit values.
    Wide(W),
    /// Over 32-bit values.
    Narrow(N),
}

impl<'a, W: Iterator<Item = &'a f64>, N: Iterator<Item = &'a f32>> Iterator for AsF64<W, N> {
    type Item = f64;
    #[inline]
    fn next(&mut self) -> Option<f64> {
        match self {
            AsF64::Wide(i) => i.next().copied(),
            AsF64::Narrow(i) => i.next().map(|&x| f64::from(x)),
        }
    }
}

/// The common-rating counts of a dense matrix: 32-bit beside `f64` values, 16-bit beside `f32` ones.
#[derive(Debug, Clone, PartialEq)]
pub enum SupportCounts {
    /// 32-bit counts.
    U32(Array2<u32>),
    /// 16-bit counts (no row of the compared side has more than 65,535 ratings).
    U16(Array2<u16>),
}

impl From<Array2<u32>> for SupportCounts {
    fn from(support: Array2<u32>) -> SupportCounts {
        SupportCounts::U32(support)
    }
}

impl SupportCounts {
    /// The count of cell (`a`, `b`).
    #[inline]
    pub fn get(&self, a: usize, b: usize) -> u32 {
        match self {
            SupportCounts::U32(s) => s[[a, b]],
            SupportCounts::U16(s) => u32::from(s[[a, b]]),
        }
    }
    /// The counts as `u32`: borrowed when they are stored so, converted otherwise.
    pub fn to_u32(&self) -> Cow<'_, Array2<u32>> {
        match self {
            SupportCounts::U32(s) => Cow::Borrowed(s),
            SupportCounts::U16(s) => Cow::Owned(s.mapv(u32::from)),
        }
    }
}

/// A value type a matrix is stored in (`f64` or `f32`).
pub(crate) trait StoredValue: Copy + Default {
    /// The stored form of a computed similarity.
    fn from_f64(v: f64) -> Self;
    /// The values in their enum.
    fn wrap(values: Array2<Self>) -> SimilarityValues;
}

impl StoredValue for f64 {
    #[inline(always)]
    fn from_f64(v: f64) -> f64 {
        v
    }
    fn wrap(values: Array2<f64>) -> SimilarityValues {
        SimilarityValues::F64(values)
    }
}

impl StoredValue for f32 {
    #[inline(always)]
    fn from_f64(v: f64) -> f32 {
        v as f32
    }
    fn wrap(values: Array2<f32>) -> SimilarityValues {
        SimilarityValues::F32(values)
    }
}

/// A count type a matrix is stored in (`u32` or `u16`).
pub(crate) trait StoredCount: Copy + Default {
    /// The stored form of a count (the budget's planning keeps counts within range).
    fn from_u32(c: u32) -> Self;
    /// The counts in their enum.
    fn wrap(counts: Array2<Self>) -> SupportCounts;
}

impl StoredCount for u32 {
    #[inline(always)]
    fn from_u32(c: u32) -> u32 {
        c
    }
    fn wrap(counts: Array2<u32>) -> SupportCounts {
        SupportCounts::U32(counts)
    }
}

impl StoredCount for u16 {
    #[inline(always)]
    fn from_u32(c: u32) -> u16 {
        c.min(u32::from(u16::MAX)) as u16
    }
    fn wrap(counts: Array2<u16>) -> SupportCounts {
        SupportCounts::U16(counts)
    }
}

/// The cells of an `n` x `n` matrix being filled, upper triangle first, then mirrored.
pub(crate) struct DenseCells<V, C> {
    n: usize,
    values: Vec<V>,
    support: Vec<C>,
}

impl<V: StoredValue, C: StoredCount> DenseCells<V, C> {
    /// All zeros.
    pub(crate) fn zeros(n: usize) -> Self {
        DenseCells { n, values: vec![V::default(); n * n], support: vec![C::default(); n * n] }
    }
    /// Sets cell (`a`, `b`) only.
    #[inline(always)]
    pub(crate) fn set(&mut self, a: usize, b: usize, value: f64, count: u32) {
        let at = a * self.n + b;
        self.values[at] = V::from_f64(value);
        self.support[at] = C::from_u32(count);
    }
    /// Copies the upper triangle onto the lower one and wraps the cells.
    pub(crate) fn mirrored(mut self) -> (SimilarityValues, SupportCounts) {
        mirror_upper(&mut self.values, self.n);
        mirror_upper(&mut self.support, self.n);
        let shape = (self.n, self.n);
        let values = Array2::from_shape_vec(shape, self.values).expect("n * n values");
        let support = Array2::from_shape_vec(shape, self.support).expect("n * n counts");
        (V::wrap(values), C::wrap(support))
    }
}

/// Copies the upper triangle of a row-major `n` x `n` matrix onto the lower one,
/// in square tiles so that the transposed reads stay in cache.
fn mirror_upper<T: Copy>(m: &mut [T], n: usize) {
    const TILE: usize = 16;
    for bi in (0..n).step_by(TILE) {
        for bj in (0..=bi).step_by(TILE) {
            for i in bi..(bi + TILE).min(n) {
                let (above, row) = m.split_at_mut(i * n);
                for (j, cell) in (bj..(bj + TILE).min(i)).zip(&mut row[bj..]) {
                    *cell = above[j * n + i];
                }
            }
        }
    }
}
