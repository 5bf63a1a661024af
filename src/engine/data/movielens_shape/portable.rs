//! The logarithm and the exponential from `+ − × ÷` only, which IEEE 754 rounds the same on
//! every platform (the platform's maths library need not: `f64::ln` may differ in the last bit
//! between a native build and wasm32), so that a seed draws the same set everywhere.

/// 1/1, 1/2, …, 1/13 (each correctly rounded by the compiler).
const INVERSES: [f64; 13] = [
    1.0,
    1.0 / 2.0,
    1.0 / 3.0,
    1.0 / 4.0,
    1.0 / 5.0,
    1.0 / 6.0,
    1.0 / 7.0,
    1.0 / 8.0,
    1.0 / 9.0,
    1.0 / 10.0,
    1.0 / 11.0,
    1.0 / 12.0,
    1.0 / 13.0,
];
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// e^x from `+ − × ÷` only (so every platform rounds it alike): x = k·ln 2 + r, |r| ≤ ln2/2,
/// and e^r by its Taylor series to r^13 (relative error below 1e-15). 0 below −700.
pub(super) fn exp(x: f64) -> f64 {
    if x < -700.0 {
        return 0.0;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    let k = (x * std::f64::consts::LOG2_E).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut sum = 1.0;
    for inverse in INVERSES.iter().rev() {
        sum = 1.0 + sum * r * inverse;
    }
    sum * f64::from_bits(((k as i64 + 1023) as u64) << 52)
}

/// ln x for a positive normal `x` from `+ − × ÷` only: x = m·2^e with m in (√½, √2], and
/// ln m = 2·atanh((m − 1)/(m + 1)) by its series to the 23rd power. −∞ for x ≤ 0.
pub(super) fn ln(x: f64) -> f64 {
    if x <= 0.0 {
        return f64::NEG_INFINITY;
    }
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let t = (m - 1.0) / (m + 1.0);
    let t2 = t * t;
    let mut series = 0.0;
    for n in (0..12).rev() {
        series = series * t2 + 1.0 / (2 * n + 1) as f64;
    }
    2.0 * t * series + e as f64 * LN2_HI + e as f64 * LN2_LO
}

/// x^a for x ≥ 0 (0 for x = 0).
pub(super) fn pow(x: f64, a: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        exp(a * ln(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_ln_agree_with_the_platform_to_a_few_ulps() {
        for k in -2000..=2000 {
            let x = k as f64 * 0.173;
            let (ours, std) = (exp(x), x.exp());
            assert!((ours - std).abs() <= 4.0 * f64::EPSILON * std, "exp({x}): {ours} vs {std}");
        }
        for k in 1..=4000 {
            let x = k as f64 * 0.0137 * (1.0 + k as f64 / 50.0).powi(3);
            let (ours, std) = (ln(x), x.ln());
            assert!((ours - std).abs() <= 4.0 * f64::EPSILON * std.abs().max(1.0), "ln({x}): {ours} vs {std}");
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
    }
}
