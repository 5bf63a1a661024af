//! The silhouette: how much closer each point is to its own cluster than to the next.
//!
//! For point i, a = mean distance to the other members of its cluster, b = the lowest
//! mean distance to the members of another cluster, s = (b − a) / max(a, b); a point
//! alone in its cluster has s = 0. The score is the mean of s, as scikit-learn's
//! `silhouette_score` (Euclidean distances).
//!
//! ```
//! use discount_lab::engine::cluster::silhouette;
//! let x = ndarray::array![[0.0], [1.0], [10.0], [11.0]];
//! let s = silhouette(x.view(), &[0, 0, 1, 1]).unwrap();
//! assert!((s - (1.0 - 1.0 / 9.5 + 1.0 - 1.0 / 9.5) / 2.0 * 1.0).abs() < 0.05);
//! ```

use ndarray::{ArrayView2, Axis};
use rand::rngs::StdRng;
use rand::seq::index::sample;
use rand::SeedableRng;

use super::dist2;

/// The mean silhouette; `None` with fewer than 2 clusters, labels not matching the rows,
/// or as many clusters as points.
pub fn silhouette(data: ArrayView2<f64>, labels: &[usize]) -> Option<f64> {
    let n = data.nrows();
    if labels.len() != n || n < 2 {
        return None;
    }
    let k = labels.iter().copied().max()? + 1;
    let mut sizes = vec![0usize; k];
    for &l in labels {
        sizes[l] += 1;
    }
    let clusters = sizes.iter().filter(|&&s| s > 0).count();
    if clusters < 2 || clusters >= n {
        return None;
    }
    let mut total = 0.0;
    let mut sums = vec![0.0; k];
    for i in 0..n {
        sums.iter_mut().for_each(|s| *s = 0.0);
        for j in 0..n {
            if i != j {
                sums[labels[j]] += dist2(data.row(i), data.row(j)).sqrt();
            }
        }
        let own = labels[i];
        if sizes[own] <= 1 {
            continue;
        }
        let a = sums[own] / (sizes[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && sizes[c] > 0)
            .map(|c| sums[c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let m = a.max(b);
        if m > 0.0 {
            total += (b - a) / m;
        }
    }
    Some(total / n as f64)
}

/// The silhouette of at most `max_points` rows drawn without replacement by a generator
/// seeded with `seed` (all rows when there are fewer): exact below the limit, an
/// estimate above it, and O(max_points²) either way.
pub fn silhouette_sampled(data: ArrayView2<f64>, labels: &[usize], max_points: usize, seed: u64) -> Option<f64> {
    let n = data.nrows();
    if n <= max_points || labels.len() != n {
        return silhouette(data, labels);
    }
    let mut rows = sample(&mut StdRng::seed_from_u64(seed), n, max_points).into_vec();
    rows.sort_unstable();
    let sub = data.select(Axis(0), &rows);
    let sub_labels: Vec<usize> = rows.iter().map(|&r| labels[r]).collect();
    silhouette(sub.view(), &sub_labels)
}
