//! numpy's legacy `np.random.RandomState`, bit for bit, so seeded algorithms match
//! scikit-surprise.
//!
//! Surprise draws SVD's initial factors with `RandomState(seed).normal(mean, std, size)`
//! and shuffles folds with `RandomState(seed).shuffle`. Reproducing that generator lets
//! the same `random_state` give the same factors, the same folds and so the same
//! predictions as Surprise. The pieces, as numpy 1.x/2.x implement them for the legacy
//! `RandomState`:
//!
//! - MT19937 seeded from a 32-bit integer with the reference `init_genrand` recurrence
//!   (`x[k] = 1812433253 · (x[k−1] ⊕ (x[k−1] ≫ 30)) + k`). An integer seed does *not* go
//!   through `init_by_array` in numpy's legacy seeding; only arrays do.
//! - Doubles in [0, 1) from two draws: `((a ≫ 5) · 2²⁶ + (b ≫ 6)) / 2⁵³`.
//! - Normals by the polar Box–Muller method, which makes two values per accepted pair
//!   and caches the second for the next call.
//! - Shuffles by Fisher–Yates from the end, each index drawn by masked rejection
//!   sampling on 32-bit draws (`random_interval`).
//! - `randint(high, size)` (legacy, int64) draws each value the same way, by masked
//!   rejection on 32-bit draws while `high − 1` fits in 32 bits and on 64-bit draws
//!   (two 32-bit ones, high half first) beyond; `randint(1)` draws nothing.
//! - `uniform(low, high)` is `low + (high − low) · random_sample()`.
//!
//! ```
//! use discount_lab::engine::stats::numpy_rng::NumpyRandomState;
//! // np.random.RandomState(0).random_sample() and .normal(0, 0.1) from a fresh state.
//! let mut rng = NumpyRandomState::new(0);
//! assert_eq!(rng.random_sample(), 0.5488135039273248);
//! let mut rng = NumpyRandomState::new(0);
//! assert!((rng.normal(0.0, 0.1) - 0.1764052345967664).abs() < 1e-15);
//! // np.random.RandomState(42).permutation(10)
//! assert_eq!(NumpyRandomState::new(42).permutation(10), vec![8, 1, 5, 0, 7, 2, 9, 4, 3, 6]);
//! // np.random.RandomState(0).randint(3, size=4) and .uniform(0.2, 0.8) from a fresh state.
//! let mut rng = NumpyRandomState::new(0);
//! assert_eq!([rng.randint(3), rng.randint(3), rng.randint(3), rng.randint(3)], [0, 1, 0, 1]);
//! assert_eq!(NumpyRandomState::new(0).uniform(0.2, 0.8), 0.5292881023563949);
//! ```

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// numpy's legacy `RandomState`: MT19937 plus the cached second Gaussian.
#[derive(Debug, Clone)]
pub struct NumpyRandomState {
    key: Box<[u32; N]>,
    pos: usize,
    gauss: Option<f64>,
}

impl NumpyRandomState {
    /// `np.random.RandomState(seed)` for an integer seed (numpy accepts 0 ..= 2³² − 1).
    pub fn new(seed: u32) -> NumpyRandomState {
        let mut key = Box::new([0u32; N]);
        let mut s = seed;
        for (pos, k) in key.iter_mut().enumerate() {
            *k = s;
            s = 1_812_433_253u32.wrapping_mul(s ^ (s >> 30)).wrapping_add(pos as u32 + 1);
        }
        NumpyRandomState { key, pos: N, gauss: None }
    }

    fn generate(&mut self) {
        let k = &mut self.key;
        let twist = |a: u32, b: u32, c: u32| {
            let y = (a & UPPER_MASK) | (b & LOWER_MASK);
            c ^ (y >> 1) ^ (if y & 1 == 1 { MATRIX_A } else { 0 })
        };
        for i in 0..N - M {
            k[i] = twist(k[i], k[i + 1], k[i + M]);
        }
        for i in N - M..N - 1 {
            k[i] = twist(k[i], k[i + 1], k[i + M - N]);
        }
        k[N - 1] = twist(k[N - 1], k[0], k[M - 1]);
        self.pos = 0;
    }

    /// The next raw 32-bit output (`genrand_int32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.pos >= N {
            self.generate();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Two 32-bit outputs as one 64-bit number, the first in the high half (numpy's `next_uint64`).
    pub fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        (hi << 32) | self.next_u32() as u64
    }

    /// A double in [0, 1) with 53 random bits (`random_sample`).
    pub fn random_sample(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal by the legacy polar method (`legacy_gauss`).
    pub fn standard_normal(&mut self) -> f64 {
        if let Some(g) = self.gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.random_sample() - 1.0;
            let x2 = 2.0 * self.random_sample() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// `normal(loc, scale)`: `loc + scale · standard_normal()`.
    pub fn normal(&mut self, loc: f64, scale: f64) -> f64 {
        loc + scale * self.standard_normal()
    }

    /// Fills `out` as `normal(loc, scale, size=out.len())` does (C order for matrices).
    pub fn fill_normal(&mut self, loc: f64, scale: f64, out: &mut [f64]) {
        for x in out {
            *x = self.normal(loc, scale);
        }
    }

    /// A uniform integer in `0 ..= max` by masked rejection (`random_interval`).
    pub fn interval(&mut self, max: u64) -> u64 {
        if max == 0 {
            return 0;
        }
        let mut mask = max;
        for shift in [1, 2, 4, 8, 16, 32] {
            mask |= mask >> shift;
        }
        if max <= u32::MAX as u64 {
            loop {
                let v = (self.next_u32() as u64) & mask;
                if v <= max {
                    return v;
                }
            }
        }
        loop {
            let v = self.next_u64() & mask;
            if v <= max {
                return v;
            }
        }
    }

    /// `randint(high)`: a uniform integer in `0 .. high`, as numpy's legacy `randint` draws
    /// each value of `randint(high, size=n)` (numpy refuses `high` = 0; here it gives 0 and
    /// draws nothing, as `randint(1)` does).
    pub fn randint(&mut self, high: u64) -> u64 {
        self.interval(high.saturating_sub(1))
    }

    /// `uniform(low, high)`: `low + (high − low) · random_sample()`.
    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.random_sample()
    }

    /// Fills `out` as `uniform(low, high, size=out.len())` does (C order for matrices).
    pub fn fill_uniform(&mut self, low: f64, high: f64, out: &mut [f64]) {
        for x in out {
            *x = self.uniform(low, high);
        }
    }

    /// Shuffles in place as `RandomState.shuffle` does a 1-d array.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.interval(i as u64) as usize;
            x.swap(i, j);
        }
    }

    /// `RandomState.permutation(n)`: `0..n` shuffled.
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        self.shuffle(&mut v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_draws_match_the_reference_mt19937() {
        // The reference implementation's first outputs for init_genrand(5489).
        let mut r = NumpyRandomState::new(5489);
        assert_eq!(r.next_u32(), 3_499_211_612);
        assert_eq!(r.next_u32(), 581_869_302);
    }
}
