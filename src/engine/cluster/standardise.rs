//! z-scores: each column centred on its mean and divided by its (population) standard
//! deviation, as scikit-learn's `StandardScaler`; a constant column is only centred.
//!
//! ```
//! use discount_lab::engine::cluster::Standardiser;
//! let x = ndarray::array![[1.0, 5.0], [3.0, 5.0]];
//! let z = Standardiser::fit(x.view()).transform(x.view());
//! assert_eq!(z, ndarray::array![[-1.0, 0.0], [1.0, 0.0]]);
//! ```

use ndarray::{Array2, ArrayView2};

/// Column means and standard deviations.
#[derive(Debug, Clone, PartialEq)]
pub struct Standardiser {
    /// Column means.
    pub mean: Vec<f64>,
    /// Column standard deviations (1 for a constant column).
    pub sd: Vec<f64>,
}

impl Standardiser {
    /// Learns the columns' means and standard deviations.
    pub fn fit(data: ArrayView2<f64>) -> Standardiser {
        let n = data.nrows().max(1) as f64;
        let mut mean = Vec::with_capacity(data.ncols());
        let mut sd = Vec::with_capacity(data.ncols());
        for col in data.columns() {
            let m = col.sum() / n;
            let v = col.iter().map(|x| (x - m).powi(2)).sum::<f64>() / n;
            mean.push(m);
            sd.push(if v.sqrt() > 1e-12 { v.sqrt() } else { 1.0 });
        }
        Standardiser { mean, sd }
    }

    /// The z-scores of `data`.
    pub fn transform(&self, data: ArrayView2<f64>) -> Array2<f64> {
        let mut out = data.to_owned();
        for (j, mut col) in out.columns_mut().into_iter().enumerate() {
            let (m, s) = (self.mean.get(j).copied().unwrap_or(0.0), self.sd.get(j).copied().unwrap_or(1.0));
            col.mapv_inplace(|x| (x - m) / s);
        }
        out
    }
}
