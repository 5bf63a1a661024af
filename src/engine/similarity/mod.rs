//! User-user and item-item similarity over common ratings.
//!
//! Two users are compared over the items both rated (two items over the users who
//! rated both). `cosine`, `msd`, `pearson` and `pearson_baseline` follow
//! scikit-surprise 1.1.x exactly: the same sums, `min_support` (pairs with fewer
//! common ratings get 0), `shrinkage` for `pearson_baseline` (whose support is at
//! least 2), 1 on the diagonal, and 0 wherever a value is undefined (where Surprise
//! would divide by zero). Also available: adjusted cosine for items (ratings centred
//! on each user's mean), Jaccard on the co-rating sets, Jaccard on item attribute
//! sets, and the source articles' zero-filled cosine (an unrated cell counts as 0),
//! which shows why "cosine" means two different things.
//!
//! The matrix is filled row by row: for row x, every rating of x is paired with the
//! later rows that share its column, accumulating sums in a small row buffer that
//! stays in cache. No dense triple loop, and pairs without common ratings cost nothing.
//!
//! ```
//! use discount_lab::engine::data::ratings::{Kind, Ratings, Scale};
//! use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
//! let r = Ratings::from_triples(
//!     [("u1", "a", 1.0), ("u1", "b", 3.0), ("u2", "a", 2.0), ("u2", "b", 4.0)],
//!     Scale::new(0.0, 5.0).unwrap(),
//! ).unwrap();
//! let params = SimilarityParams::new(Kind::User, Measure::Pearson).check().unwrap();
//! let m = compute(&r, None, &params).unwrap();
//! approx::assert_abs_diff_eq!(m.get(0, 1), 1.0, epsilon = 1e-12);
//! ```

mod accumulate;
pub mod attributes;
pub mod baselines;
mod bounded;
pub mod compute;
pub mod matrix;
pub mod measure;
pub mod neighbours;
pub mod ordering;
pub mod pair_sums;
pub mod params;
mod prepared;
pub mod steps;
pub mod storage;
mod streamed;

pub use compute::{compute, compute_in, compute_with_baselines};
pub use matrix::{check_dense_budget, dense_precision, SimilarityMatrix};
pub use measure::Measure;
pub use pair_sums::{shrink_factor, PairSums};
pub use params::{SimilarityParams, ValidSimilarityParams};
pub use storage::{Precision, SimilarityValues, SupportCounts};
