//! Running sums of one pair, each kind holding only what a measure's finish reads, so the pair
//! loops (the matrix's and the streamed neighbours') touch as little memory as possible.

use super::pair_sums::PairSums;

/// Running sums of one pair, holding only what a measure's `Prepared::finish` reads,
/// so the pair loop touches as little memory as possible. Each sum is added in the same
/// order as `Prepared::pair_sums`, so both give bit-identical results.
pub(crate) trait Accumulate: Copy + Default {
    /// Adds one pair of values.
    fn add(&mut self, x: f64, y: f64);
    /// Number of pairs added.
    fn count(&self) -> u32;
    /// The sums, for `Prepared::finish`.
    fn sums(&self) -> PairSums;
}

/// Just the number of common ratings (Jaccard).
#[derive(Clone, Copy, Default)]
pub(crate) struct Count {
    n: u32,
}

impl Accumulate for Count {
    #[inline(always)]
    fn add(&mut self, _: f64, _: f64) {
        self.n += 1;
    }
    fn count(&self) -> u32 {
        self.n
    }
    fn sums(&self) -> PairSums {
        PairSums { n: self.n as f64, ..PairSums::default() }
    }
}

/// Count, Σ x·y, Σ x² and Σ y² (cosine, adjusted cosine, msd, pearson_baseline).
#[derive(Clone, Copy, Default)]
pub(crate) struct Products {
    n: u32,
    sxy: f64,
    sxx: f64,
    syy: f64,
}

impl Accumulate for Products {
    #[inline(always)]
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.sxy += x * y;
        self.sxx += x * x;
        self.syy += y * y;
    }
    fn count(&self) -> u32 {
        self.n
    }
    fn sums(&self) -> PairSums {
        PairSums { n: self.n as f64, sxy: self.sxy, sxx: self.sxx, syy: self.syy, ..PairSums::default() }
    }
}

/// Every sum (pearson).
#[derive(Clone, Copy, Default)]
pub(crate) struct Moments {
    n: u32,
    sxy: f64,
    sxx: f64,
    syy: f64,
    sx: f64,
    sy: f64,
}

impl Accumulate for Moments {
    #[inline(always)]
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.sxy += x * y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sx += x;
        self.sy += y;
    }
    fn count(&self) -> u32 {
        self.n
    }
    fn sums(&self) -> PairSums {
        PairSums { n: self.n as f64, sxy: self.sxy, sxx: self.sxx, syy: self.syy, sx: self.sx, sy: self.sy }
    }
}
