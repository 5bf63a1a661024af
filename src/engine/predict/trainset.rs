//! The training set: ratings plus each user's and each item's ratings in input order.
//!
//! ```
//! use discount_lab::engine::predict::Trainset;
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! let r = Ratings::from_triples([("a", "y", 4.0), ("a", "x", 2.0)], Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let t = Trainset::new(r);
//! assert_eq!(t.ur(0), &[(0, 4.0), (1, 2.0)]);
//! ```

use crate::engine::data::ratings::Ratings;

/// Ratings prepared for fitting.
#[derive(Debug, Clone, PartialEq)]
pub struct Trainset {
    ratings: Ratings,
    ur: Vec<Vec<(u32, f64)>>,
    ir: Vec<Vec<(u32, f64)>>,
}

impl Trainset {
    /// Wraps `ratings`; per-user and per-item lists keep the input order.
    pub fn new(ratings: Ratings) -> Trainset {
        let mut ur = vec![Vec::new(); ratings.n_users()];
        let mut ir = vec![Vec::new(); ratings.n_items()];
        for e in ratings.entries() {
            ur[e.user.0 as usize].push((e.item.0, e.value));
            ir[e.item.0 as usize].push((e.user.0, e.value));
        }
        Trainset { ratings, ur, ir }
    }
    /// The ratings (ids, scale, sparse rows).
    pub fn ratings(&self) -> &Ratings {
        &self.ratings
    }
    /// User `u`'s (item, rating) list in input order (Surprise's `ur[u]`).
    pub fn ur(&self, u: usize) -> &[(u32, f64)] {
        &self.ur[u]
    }
    /// Item `i`'s (user, rating) list in input order (Surprise's `ir[i]`).
    pub fn ir(&self, i: usize) -> &[(u32, f64)] {
        &self.ir[i]
    }
    /// Number of users.
    pub fn n_users(&self) -> usize {
        self.ur.len()
    }
    /// Number of items.
    pub fn n_items(&self) -> usize {
        self.ir.len()
    }
    /// Mean of all ratings.
    pub fn global_mean(&self) -> f64 {
        self.ratings.global_mean()
    }
    /// Every rating as (user, item, rating), users in index order and each user's
    /// ratings in input order: Surprise's `all_ratings()`, the order SGD visits them.
    pub fn all_ratings(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.ur.iter().enumerate().flat_map(|(u, list)| list.iter().map(move |&(i, r)| (u, i as usize, r)))
    }
}
