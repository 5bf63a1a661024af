//! The size and seed of a MovieLens-shaped sample, checked once, and MovieLens-1M's figures.

use serde::{Deserialize, Serialize};

use crate::engine::error::EngineError;
use crate::engine::limits::{MAX_SHAPE_ITEMS, MAX_SHAPE_RATINGS, MAX_SHAPE_USERS};

/// Users of MovieLens-1M.
pub const ML_1M_USERS: usize = 6_040;
/// Items (films with at least one rating) of MovieLens-1M.
pub const ML_1M_ITEMS: usize = 3_706;
/// Ratings of MovieLens-1M.
pub const ML_1M_RATINGS: usize = 1_000_209;
/// How many of MovieLens-1M's ratings are 1★, 2★, 3★, 4★ and 5★.
pub const ML_1M_STARS: [u64; 5] = [56_174, 107_557, 261_197, 348_971, 226_310];
/// The fewest ratings a user has (MovieLens kept only users with at least 20).
pub const MIN_USER_RATINGS: usize = 20;
/// Weibull shape of the users' counts (fitted to MovieLens-1M's quartiles, spread and maximum).
pub const USER_TAIL: f64 = 0.76;
/// Weibull shape of the items' counts (fitted to MovieLens-1M's quartiles and spread).
pub const ITEM_TAIL: f64 = 0.65;

/// The size and seed of a MovieLens-shaped sample (default: MovieLens-1M's size, seed 42).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovieLensShapeParams {
    /// Random seed.
    pub seed: u64,
    /// Number of users.
    pub users: usize,
    /// Number of items.
    pub items: usize,
    /// Number of ratings.
    pub ratings: usize,
}

impl Default for MovieLensShapeParams {
    fn default() -> Self {
        MovieLensShapeParams { seed: 42, users: ML_1M_USERS, items: ML_1M_ITEMS, ratings: ML_1M_RATINGS }
    }
}

/// Parameters that passed [`MovieLensShapeParams::check`]: the only kind
/// [`movielens_shape`](super::movielens_shape) accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidMovieLensShapeParams(MovieLensShapeParams);

impl std::ops::Deref for ValidMovieLensShapeParams {
    type Target = MovieLensShapeParams;
    fn deref(&self) -> &MovieLensShapeParams {
        &self.0
    }
}

impl MovieLensShapeParams {
    /// Checks the sizes: 1 to [`MAX_SHAPE_USERS`] users, [`MIN_USER_RATINGS`] to
    /// [`MAX_SHAPE_ITEMS`] items, and up to [`MAX_SHAPE_RATINGS`] ratings, enough for every
    /// user to have 20 and every item one, and no more than one per user and item.
    pub fn check(self) -> Result<ValidMovieLensShapeParams, EngineError> {
        if !(1..=MAX_SHAPE_USERS).contains(&self.users) {
            return Err(EngineError::param("users", format!("must be between 1 and {MAX_SHAPE_USERS}")));
        }
        if !(MIN_USER_RATINGS..=MAX_SHAPE_ITEMS).contains(&self.items) {
            return Err(EngineError::param(
                "items",
                format!("must be between {MIN_USER_RATINGS} (a user rates at least 20) and {MAX_SHAPE_ITEMS}"),
            ));
        }
        if self.ratings > MAX_SHAPE_RATINGS {
            return Err(EngineError::param("ratings", format!("must be at most {MAX_SHAPE_RATINGS}")));
        }
        let fewest = (self.users * MIN_USER_RATINGS).max(self.items);
        if self.ratings < fewest {
            return Err(EngineError::param(
                "ratings",
                format!(
                    "must be at least {fewest}, so that every user has {MIN_USER_RATINGS} ratings and every item one"
                ),
            ));
        }
        if self.ratings > self.users * self.items {
            return Err(EngineError::param(
                "ratings",
                format!("must be at most users × items = {}, one per user and item", self.users * self.items),
            ));
        }
        Ok(ValidMovieLensShapeParams(self))
    }
}
