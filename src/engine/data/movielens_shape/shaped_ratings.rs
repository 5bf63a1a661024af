//! The generated rating set, held compactly, and its way into the lab's [`Ratings`].

use crate::engine::data::ratings::{Entry, ItemIdx, Ratings, Scale, UserIdx};
use crate::engine::error::EngineError;

/// A generated rating set, held compactly: for each user (in id order) the indices of the items
/// it rated, ascending, and the stars (1–5) it gave them. User `u` has id `u + 1`, item `i` id `i + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapedRatings {
    starts: Vec<usize>,
    items: Vec<u32>,
    stars: Vec<u8>,
    n_items: usize,
}

impl ShapedRatings {
    /// A set from its parts: `starts[u]..starts[u + 1]` are user `u`'s ratings in `items` and `stars`.
    pub(super) fn from_parts(starts: Vec<usize>, items: Vec<u32>, stars: Vec<u8>, n_items: usize) -> ShapedRatings {
        ShapedRatings { starts, items, stars, n_items }
    }
    /// Number of users.
    pub fn n_users(&self) -> usize {
        self.starts.len() - 1
    }
    /// Number of items.
    pub fn n_items(&self) -> usize {
        self.n_items
    }
    /// Number of ratings.
    pub fn len(&self) -> usize {
        self.items.len()
    }
    /// Whether there are no ratings (never, for checked parameters).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    /// The items user `u` rated (ascending) and the stars it gave them.
    pub fn user_ratings(&self, u: usize) -> (&[u32], &[u8]) {
        let (a, b) = (self.starts[u], self.starts[u + 1]);
        (&self.items[a..b], &self.stars[a..b])
    }
    /// Every rating as (user index, item index, stars), user by user.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32, u8)> + '_ {
        self.starts
            .windows(2)
            .enumerate()
            .flat_map(move |(u, w)| (w[0]..w[1]).map(move |k| (u as u32, self.items[k], self.stars[k])))
    }
    /// Ratings per user, in user order.
    pub fn user_counts(&self) -> Vec<u32> {
        self.starts.windows(2).map(|w| (w[1] - w[0]) as u32).collect()
    }
    /// Ratings per item, in item order.
    pub fn item_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.n_items];
        for &i in &self.items {
            counts[i as usize] += 1;
        }
        counts
    }
    /// How many ratings are 1★, 2★, 3★, 4★ and 5★.
    pub fn star_counts(&self) -> [usize; 5] {
        let mut counts = [0usize; 5];
        for &s in &self.stars {
            counts[s as usize - 1] += 1;
        }
        counts
    }
    /// The id of user or item index `k`: `k + 1`, as in MovieLens.
    pub fn id(k: u32) -> String {
        (k as u64 + 1).to_string()
    }
    /// The set as [`Ratings`] on the 1–5 scale, ids `"1"`, `"2"`, … in order (fails only when it
    /// is over the rating set's own limits, as MovieLens-10M's shape is).
    pub fn to_ratings(&self) -> Result<Ratings, EngineError> {
        let user_ids = (0..self.n_users() as u32).map(ShapedRatings::id).collect();
        let item_ids = (0..self.n_items as u32).map(ShapedRatings::id).collect();
        let entries =
            self.iter().map(|(u, i, s)| Entry { user: UserIdx(u), item: ItemIdx(i), value: s as f64 }).collect();
        Ratings::new(user_ids, item_ids, entries, Scale { lo: 1.0, hi: 5.0 })
    }
}
