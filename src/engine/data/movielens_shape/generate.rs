//! The generator: counts, then who rates what, then the stars (the steps of the module's essay).

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::assign::{assign_items, give_every_item_a_rating};
use super::counts::{counts, Tail};
use super::params::{ValidMovieLensShapeParams, ITEM_TAIL, MIN_USER_RATINGS, USER_TAIL};
use super::shaped_ratings::ShapedRatings;
use super::stars::draw_stars;

/// Stream tag of the item assignment, so that each step draws from its own sequence.
const ASSIGN_STREAM: u64 = 0x0a55_1965;

/// Generates the rating set (see the module's documentation). Same parameters, same set,
/// natively and in the browser.
pub fn movielens_shape(params: &ValidMovieLensShapeParams) -> ShapedRatings {
    let (users, items, total) = (params.users, params.items, params.ratings);
    let mut rng = StdRng::seed_from_u64(params.seed);
    let mut user_counts = counts(users, MIN_USER_RATINGS, items, total, USER_TAIL, Tail::Capped);
    let mut item_counts = counts(items, 1, users, total, ITEM_TAIL, Tail::Saturating);
    shuffle(&mut user_counts, &mut rng);
    shuffle(&mut item_counts, &mut rng);
    let mut starts = Vec::with_capacity(users + 1);
    starts.push(0);
    for &d in &user_counts {
        starts.push(starts[starts.len() - 1] + d as usize);
    }
    let mut assign_rng = StdRng::seed_from_u64(params.seed ^ ASSIGN_STREAM);
    let mut rated = assign_items(&starts, &user_counts, &item_counts, &mut assign_rng);
    give_every_item_a_rating(&starts, &mut rated, items);
    for w in starts.windows(2) {
        rated[w[0]..w[1]].sort_unstable();
    }
    let stars = draw_stars(params.seed, &starts, &rated, &item_counts);
    ShapedRatings::from_parts(starts, rated, stars, items)
}

/// Fisher–Yates with `u32` draws (the same on 32- and 64-bit targets).
fn shuffle<T>(v: &mut [T], rng: &mut StdRng) {
    for k in (1..v.len()).rev() {
        let j = rng.random_range(0..=k as u32) as usize;
        v.swap(k, j);
    }
}
