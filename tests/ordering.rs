//! Row ordering reveals groups; the colour scale is diverging and one RGBA buffer.

use discount_lab::engine::similarity::ordering::{order, RowOrder};
use discount_lab::present::colour::{diverging, rgba};
use ndarray::Array2;

#[test]
fn spectral_order_puts_each_hidden_group_together() {
    // 12 rows in 3 groups interleaved: 0,3,6,9 / 1,4,7,10 / 2,5,8,11.
    let n = 12;
    let s = Array2::from_shape_fn((n, n), |(a, b)| {
        if a == b {
            1.0
        } else if a % 3 == b % 3 {
            0.8 - 0.01 * ((a + b) % 5) as f64
        } else {
            -0.3 + 0.01 * ((a * b) % 7) as f64
        }
    });
    let p = order(&s, RowOrder::Spectral);
    let mut sorted = p.clone();
    sorted.sort();
    assert_eq!(sorted, (0..n).collect::<Vec<_>>(), "a permutation");
    // Each group occupies 4 consecutive positions.
    let groups: Vec<usize> = p.iter().map(|r| r % 3).collect();
    let changes = groups.windows(2).filter(|w| w[0] != w[1]).count();
    assert_eq!(changes, 2, "{groups:?}");
    assert_eq!(order(&s, RowOrder::Original), (0..n).collect::<Vec<_>>());
    assert_eq!(order(&s, RowOrder::Spectral), p, "deterministic");
}

#[test]
fn colours_and_buffer() {
    assert_eq!(diverging(-1.0), [5, 48, 97, 255]);
    assert_eq!(diverging(2.0), diverging(1.0));
    assert_eq!(diverging(f64::NAN), [160, 160, 160, 255]);
    let m = ndarray::array![[1.0, -1.0], [-1.0, 1.0]];
    let buf = rgba(&m, &[1, 0]);
    assert_eq!(buf.len(), 16);
    assert_eq!(&buf[4..8], &diverging(-1.0));
    assert_eq!(&buf[0..4], &diverging(1.0));
}
