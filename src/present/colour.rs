//! The heatmap's diverging colour scale and its one-buffer RGBA rendering.
//!
//! Values run from −1 (dark blue) through 0 (near white) to +1 (dark red), after
//! ColorBrewer's RdBu. The whole matrix becomes one RGBA buffer, drawn with a
//! single `putImageData`, never one draw call per cell.
//!
//! ```
//! use discount_lab::present::colour::diverging;
//! assert_eq!(diverging(0.0), [247, 247, 247, 255]);
//! assert_eq!(diverging(1.0), [103, 0, 31, 255]);
//! ```

use ndarray::Array2;

const STOPS: [(f64, [u8; 3]); 5] =
    [(-1.0, [5, 48, 97]), (-0.5, [67, 147, 195]), (0.0, [247, 247, 247]), (0.5, [214, 96, 77]), (1.0, [103, 0, 31])];

/// RGBA colour of `v` on the diverging scale (clamped to [−1, 1]; NaN is grey).
pub fn diverging(v: f64) -> [u8; 4] {
    if v.is_nan() {
        return [160, 160, 160, 255];
    }
    let v = v.clamp(-1.0, 1.0);
    for w in STOPS.windows(2) {
        let ((a, ca), (b, cb)) = (w[0], w[1]);
        if v <= b {
            let t = (v - a) / (b - a);
            let mix = |k: usize| (ca[k] as f64 + t * (cb[k] as f64 - ca[k] as f64)).round() as u8;
            return [mix(0), mix(1), mix(2), 255];
        }
    }
    let c = STOPS[4].1;
    [c[0], c[1], c[2], 255]
}

/// The matrix as an RGBA buffer (row-major, 4 bytes a cell), rows and columns permuted by `order`.
pub fn rgba(values: &Array2<f64>, order: &[usize]) -> Vec<u8> {
    let n = order.len();
    let mut out = Vec::with_capacity(n * n * 4);
    for &r in order {
        for &c in order {
            out.extend_from_slice(&diverging(values[[r, c]]));
        }
    }
    out
}

/// `steps` colours evenly spaced from −1 to 1, for the legend.
pub fn legend(steps: usize) -> Vec<[u8; 4]> {
    let steps = steps.max(2);
    (0..steps).map(|k| diverging(-1.0 + 2.0 * k as f64 / (steps - 1) as f64)).collect()
}
