//! The stars: latent tastes scored per rating and cut at MovieLens-1M's shares.

use rand::rngs::StdRng;
use rand::{Rng, RngCore, SeedableRng};

use super::params::ML_1M_STARS;
use super::portable::ln;

/// Taste factors per user and per item.
const FACTORS: usize = 8;
/// Variances of the score's parts: user bias, item bias (of which popularity), factors, noise.
const USER_BIAS_VAR: f64 = 0.15;
const ITEM_BIAS_VAR: f64 = 0.20;
const POPULARITY_VAR: f64 = 0.06;
const TASTE_VAR: f64 = 0.15;
const NOISE_VAR: f64 = 0.50;
/// Bins of the score histogram the star cuts are read from.
const SCORE_BINS: usize = 1 << 16;
/// Stream tags, so that each step draws from its own sequence.
const TASTE_STREAM: u64 = 0x007a_57e5;
const NOISE_STREAM: u64 = 0x15e5_eed5;

/// Latent tastes: a bias and [`FACTORS`] factors per row, flat.
struct Tastes {
    bias: Vec<f64>,
    factors: Vec<f64>,
}

impl Tastes {
    /// Tastes of `n` rows; the bias's variance is `bias_var`, plus `lift[k]`, when given.
    fn draw(rng: &mut StdRng, n: usize, bias_var: f64, lift: Option<&[f64]>) -> Tastes {
        let factor_sd = (TASTE_VAR / FACTORS as f64).sqrt().sqrt();
        let mut bias = Vec::with_capacity(n);
        let mut factors = Vec::with_capacity(n * FACTORS);
        for k in 0..n {
            bias.push(bias_var.sqrt() * normal(rng) + lift.map_or(0.0, |l| l[k]));
            factors.extend((0..FACTORS).map(|_| factor_sd * normal(rng)));
        }
        Tastes { bias, factors }
    }
    fn row(&self, k: usize) -> &[f64] {
        &self.factors[k * FACTORS..(k + 1) * FACTORS]
    }
    /// The largest |bias| and the largest factor norm.
    fn bounds(&self) -> (f64, f64) {
        let bias = self.bias.iter().fold(0.0f64, |m, b| m.max(b.abs()));
        let norm = (0..self.bias.len()).fold(0.0f64, |m, k| m.max(dot(self.row(k), self.row(k)).sqrt()));
        (bias, norm)
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The stars of every rating: scores b_u + b_i + p_u·q_i + noise, each kept as its bin among
/// [`SCORE_BINS`] over the scores' range, then cut at MovieLens-1M's shares.
pub(super) fn draw_stars(seed: u64, starts: &[usize], rated: &[u32], item_counts: &[u32]) -> Vec<u8> {
    let mut rng = StdRng::seed_from_u64(seed ^ TASTE_STREAM);
    let users = Tastes::draw(&mut rng, starts.len() - 1, USER_BIAS_VAR, None);
    // Popular items are rated higher: a standardised log count, with variance POPULARITY_VAR.
    let logs: Vec<f64> = item_counts.iter().map(|&c| ln(c as f64)).collect();
    let mean = logs.iter().sum::<f64>() / logs.len() as f64;
    let sd = (logs.iter().map(|l| (l - mean) * (l - mean)).sum::<f64>() / logs.len() as f64).sqrt();
    let lift: Vec<f64> =
        logs.iter().map(|l| if sd > 0.0 { POPULARITY_VAR.sqrt() * (l - mean) / sd } else { 0.0 }).collect();
    let items = Tastes::draw(&mut rng, item_counts.len(), ITEM_BIAS_VAR - POPULARITY_VAR, Some(&lift));
    // Every score lies within ±reach (Cauchy–Schwarz for the factors; the noise is bounded).
    let ((ub, un), (ib, inorm)) = (users.bounds(), items.bounds());
    let reach = ub + ib + un * inorm + NOISE_VAR.sqrt() * 2.0 * SQRT_3 + 1e-9;
    let per_bin = SCORE_BINS as f64 / (2.0 * reach);
    let mut rng = StdRng::seed_from_u64(seed ^ NOISE_STREAM);
    let mut histogram = vec![0u64; SCORE_BINS];
    let mut bins = Vec::with_capacity(rated.len());
    for (u, w) in starts.windows(2).enumerate() {
        let (bias, taste) = (users.bias[u], users.row(u));
        for &i in &rated[w[0]..w[1]] {
            let i = i as usize;
            let score = bias + items.bias[i] + dot(taste, items.row(i)) + NOISE_VAR.sqrt() * noise(&mut rng);
            let bin = (((score + reach) * per_bin) as usize).min(SCORE_BINS - 1);
            histogram[bin] += 1;
            bins.push(bin as u16);
        }
    }
    let star_of_bin = cuts(&histogram, rated.len() as u64);
    bins.into_iter().map(|b| star_of_bin[b as usize]).collect()
}

/// The star of each bin: 1 plus the number of MovieLens-1M's cumulative shares (scaled to
/// `total`) that the ratings below the bin's middle reach.
fn cuts(histogram: &[u64], total: u64) -> Vec<u8> {
    let all: u64 = ML_1M_STARS.iter().sum();
    let mut targets = [0u64; 4];
    let mut running = 0;
    for (t, &c) in targets.iter_mut().zip(&ML_1M_STARS) {
        running += c;
        *t = ((total as u128 * running as u128 * 2 + all as u128) / (2 * all as u128)) as u64;
    }
    let mut below = 0u64;
    histogram
        .iter()
        .map(|&h| {
            let middle = 2 * below + h; // twice the bin's middle rank, to stay in integers
            below += h;
            1 + targets.iter().filter(|&&t| 2 * t <= middle).count() as u8
        })
        .collect()
}

const SQRT_3: f64 = 1.732_050_807_568_877_2;

/// A standard normal draw, approximately: the sum of 12 uniforms less 6 (Irwin–Hall).
fn normal(rng: &mut StdRng) -> f64 {
    (0..12).map(|_| rng.random::<f64>()).sum::<f64>() - 6.0
}

/// Noise of variance 1 from one 64-bit draw: the sum of its four 16-bit quarters as uniforms
/// on [0, 1), centred and scaled (bounded by ±2√3).
fn noise(rng: &mut StdRng) -> f64 {
    let x = rng.next_u64();
    let sum = (x & 0xffff) + (x >> 16 & 0xffff) + (x >> 32 & 0xffff) + (x >> 48);
    (sum as f64 / 65_536.0 - 2.0) * SQRT_3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cuts_follow_movielens_shares() {
        let histogram = vec![1u64; 1000];
        let stars = cuts(&histogram, 1000);
        let count = |s: u8| stars.iter().filter(|&&x| x == s).count();
        assert_eq!([count(1), count(2), count(3), count(4), count(5)], [56, 108, 261, 349, 226]);
    }
}
