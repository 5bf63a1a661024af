//! How many ratings each user and each item gets: Weibull quantiles scaled to the total.

use super::portable::{exp, ln, pow};

/// How the tail of the counts meets the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tail {
    /// floor + λ·w, cut at the ceiling.
    Capped,
    /// floor + span·(1 − e^(−λ·w/span)), span = ceiling − floor: linear at first, bending below the ceiling.
    Saturating,
}

/// `n` counts between `floor` and `ceiling` adding up to `total` (which lies between
/// n·floor and n·ceiling), ascending: Weibull quantiles of shape `shape` at (j + ½)/n, scaled
/// by the λ found by bisection, then rounded, the remainder going to the largest fractions.
pub(super) fn counts(n: usize, floor: usize, ceiling: usize, total: usize, shape: f64, tail: Tail) -> Vec<u32> {
    let w: Vec<f64> = (0..n).map(|j| pow(-ln(1.0 - (j as f64 + 0.5) / n as f64), 1.0 / shape)).collect();
    let (lo_count, span) = (floor as f64, (ceiling - floor) as f64);
    let at = |lambda: f64, w: f64| match tail {
        Tail::Capped => (lo_count + lambda * w).min(ceiling as f64),
        Tail::Saturating if span > 0.0 => lo_count + span * (1.0 - exp(-lambda * w / span)),
        Tail::Saturating => lo_count,
    };
    let sum = |lambda: f64| w.iter().map(|&x| at(lambda, x)).sum::<f64>();
    let (mut lo, mut hi) = (0.0, 1.0);
    while sum(hi) < total as f64 && hi < 1e300 {
        hi *= 2.0;
    }
    // To 1e-12 of λ (at most 100 halvings: λ = 0 when every count is the floor); the rounding
    // below absorbs what is left.
    for _ in 0..100 {
        if hi - lo <= 1e-12 * hi {
            break;
        }
        let mid = 0.5 * (lo + hi);
        if sum(mid) <= total as f64 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let exact: Vec<f64> = w.iter().map(|&x| at(lo, x)).collect();
    let mut out: Vec<u32> = exact.iter().map(|&c| (c.floor() as usize).clamp(floor, ceiling) as u32).collect();
    let mut left = total.saturating_sub(out.iter().map(|&c| c as usize).sum());
    // The remainder, one each, to the largest fractional parts (ties: the larger count).
    let mut by_fraction: Vec<usize> = (0..n).collect();
    by_fraction
        .sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(b.cmp(&a)));
    while left > 0 {
        let before = left;
        for &j in &by_fraction {
            if left > 0 && (out[j] as usize) < ceiling {
                out[j] += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_stay_in_range() {
        for (n, floor, ceiling, total, tail) in [
            (6040, 20, 3706, 1_000_209, Tail::Capped),
            (3706, 1, 6040, 1_000_209, Tail::Saturating),
            (30, 20, 25, 740, Tail::Capped),
            (25, 1, 30, 740, Tail::Saturating),
            (10, 20, 20, 200, Tail::Capped),
            (10, 1, 1, 10, Tail::Saturating),
        ] {
            let c = counts(n, floor, ceiling, total, 0.7, tail);
            assert_eq!(c.iter().map(|&x| x as usize).sum::<usize>(), total);
            assert!(c.iter().all(|&x| (floor..=ceiling).contains(&(x as usize))), "{c:?}");
        }
    }
}
