//! A seeded rating set of MovieLens-1M's shape, since MovieLens itself cannot ship.
//!
//! MovieLens-1M has 1,000,209 ratings (1–5 stars) by 6,040 users of 3,706 films. Every user has
//! at least 20 ratings; the median user has 96, the mean 165.6, the most active 2,314 (quartiles
//! 44 and 208). Popularity is long-tailed: the most-rated film has 3,428 ratings, the median film
//! 123.5 (quartiles 33 and 350), a Gini coefficient of the films' counts of 0.634. The stars are
//! 5.6% 1★, 10.8% 2★, 26.1% 3★, 34.9% 4★ and 22.6% 5★, a mean of 3.58. [`movielens_shape`]
//! draws a rating set with those figures from a seed, in three steps:
//!
//! 1. **How many ratings each user and each item gets.** The counts are the quantiles, at
//!    (j + ½)/n, of a Weibull tail w, scaled by the λ that makes them add up to exactly
//!    `ratings`: users get 20 + λ·w with shape [`USER_TAIL`] (0.76), capped at the number of
//!    items; items get 1 + (users − 1)·(1 − e^(−λ·w/(users − 1))) with shape [`ITEM_TAIL`]
//!    (0.65), a tail that bends below the number of users as the most popular films do. A seeded
//!    shuffle hands the counts to the user and item ids.
//! 2. **Who rates what.** Users, the most active first, pick their items without replacement
//!    with a probability proportional to each item's remaining count (the counts are kept by
//!    popularity rank in blocks of 64 with their sums): heavy users reach into the tail, light
//!    users rate what is popular. Every count is met except at the very end, when a user has
//!    already picked every item with room left and takes the most popular item it has not
//!    picked (one over that item's count); an item left with no rating then takes one from an
//!    item with two or more. Users' counts and the total are exact; no pair repeats.
//! 3. **The stars.** Each user has a bias and 8 taste factors, each item a bias (partly its
//!    popularity: popular films are rated higher) and 8 factors; a rating's score is
//!    b_u + b_i + p_u·q_i + noise (variances 0.15, 0.20, 0.15 and 0.50). The scores are cut into
//!    stars at their own quantiles, at MovieLens-1M's shares ([`ML_1M_STARS`]), so the histogram
//!    and the mean (3.58) are MovieLens-1M's to within 0.01 point at any size; the latent tastes
//!    decide which ratings are the high ones.
//!
//! At MovieLens-1M's size (seed 42; the counts do not depend on the seed, only who gets which)
//! the users' counts are 20 / 44 / 96 / 210 / 2,378 (minimum, quartiles, maximum; real:
//! 20 / 44 / 96 / 208 / 2,314) and the items' 1 / 32 / 121 / 343 / 3,865 (real: 1 / 33 / 123.5 /
//! 350 / 3,428), with a Gini coefficient of 0.635, 429 items under 10 ratings and the top 10% of
//! the items holding 44.8% of the ratings. At MovieLens-100k's size the generator gives
//! 34 / 65 / 132 per user (real 33 / 65 / 148), 8 / 28 / 77 per item (real 6 / 27 / 80), a most
//! rated item of 675 (real 583) and an item Gini of 0.620 (real 0.629); `tests/movielens_shape.rs`
//! holds these figures to bands. The shapes are MovieLens-1M's at any size: at MovieLens-10M's
//! size they are not that set's own, whose popularity is more concentrated (Gini 0.81, not 0.65).
//!
//! Ids are `"1"`..`"users"` and `"1"`..`"items"`, as in MovieLens. Everything is drawn from
//! [`StdRng`](rand::rngs::StdRng) seeded with the seed, in a fixed order, with integer sampling
//! and `f64` arithmetic that IEEE 754 rounds the same everywhere (the logarithm and exponential
//! are computed here from `+ − × ÷`, not by the platform's maths library), so a seed gives the
//! same set natively and in the browser. The set is held compactly (an item index and one byte
//! per rating: 5 MB for MovieLens-1M); [`ShapedRatings::to_ratings`] turns it into the
//! [`Ratings`](crate::engine::data::ratings::Ratings) the lab works on.
//!
//! ```
//! use discount_lab::engine::data::movielens_shape::{movielens_shape, MovieLensShapeParams};
//! let params = MovieLensShapeParams { seed: 42, users: 200, items: 500, ratings: 12_000 }.check().unwrap();
//! let set = movielens_shape(&params);
//! assert_eq!((set.n_users(), set.n_items(), set.len()), (200, 500, 12_000));
//! assert!(set.user_counts().iter().all(|&n| n >= 20));
//! assert!(set.item_counts().iter().all(|&n| n >= 1));
//! let ratings = set.to_ratings().unwrap();
//! approx::assert_abs_diff_eq!(ratings.global_mean(), 3.58, epsilon = 0.01);
//! assert_eq!(set, movielens_shape(&params)); // same seed, same set
//! ```

mod assign;
mod counts;
mod generate;
mod params;
mod portable;
mod shaped_ratings;
mod stars;

pub use generate::movielens_shape;
pub use params::{
    MovieLensShapeParams, ValidMovieLensShapeParams, ITEM_TAIL, MIN_USER_RATINGS, ML_1M_ITEMS, ML_1M_RATINGS,
    ML_1M_STARS, ML_1M_USERS, USER_TAIL,
};
pub use shaped_ratings::ShapedRatings;
