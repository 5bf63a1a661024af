//! A seeded random sample of the users (or the items) of a rating set, for a similarity
//! matrix too large to compute or draw whole.
//!
//! A user-user matrix of n users costs n² cells: 5,000 customers need 287 MB, over the
//! dense-matrix budget, and more than 3,000 rows cannot be drawn one pixel each. A uniform
//! sample of users keeps every rating of the users it keeps (so each similarity in the
//! sample equals the one in the whole matrix) and keeps them in their original order.
//!
//! ```
//! use discount_lab::engine::data::ratings::Kind;
//! use discount_lab::engine::data::row_sample::sample_rows;
//! use discount_lab::engine::data::samples::{shop, ShopParams};
//! let data = shop(&ShopParams { seed: 42, customers: 500, products: 40 });
//! let sample = sample_rows(&data.ratings, Kind::User, 100, 42).unwrap();
//! assert_eq!(sample.n_users(), 100);
//! assert_eq!(sample.n_items(), data.ratings.n_items());
//! // Same seed, same sample.
//! assert_eq!(sample, sample_rows(&data.ratings, Kind::User, 100, 42).unwrap());
//! ```

use rand::rngs::StdRng;
use rand::seq::index;
use rand::SeedableRng;

use crate::engine::data::ratings::{Entry, ItemIdx, Kind, Ratings, UserIdx};
use crate::engine::error::EngineError;

/// `n` users (`Kind::User`) or items (`Kind::Item`) of `ratings` drawn uniformly without
/// replacement with `seed`, in their original order, with all their ratings and all the
/// ids of the other kind. With `n` at least the number there are, the ratings unchanged.
pub fn sample_rows(ratings: &Ratings, kind: Kind, n: usize, seed: u64) -> Result<Ratings, EngineError> {
    let total = ratings.ids(kind).len();
    if n >= total {
        return Ok(ratings.clone());
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut chosen = index::sample(&mut rng, total, n).into_vec();
    chosen.sort_unstable();
    // Old index → new index, for the kept rows.
    let mut renumber = vec![u32::MAX; total];
    for (new, &old) in chosen.iter().enumerate() {
        renumber[old] = new as u32;
    }
    let row_of = |e: &Entry| match kind {
        Kind::User => e.user.0,
        Kind::Item => e.item.0,
    } as usize;
    let entries: Vec<Entry> = ratings
        .entries()
        .iter()
        .filter(|e| renumber[row_of(e)] != u32::MAX)
        .map(|e| match kind {
            Kind::User => Entry { user: UserIdx(renumber[e.user.0 as usize]), ..*e },
            Kind::Item => Entry { item: ItemIdx(renumber[e.item.0 as usize]), ..*e },
        })
        .collect();
    let kept: Vec<String> = chosen.iter().map(|&k| ratings.ids(kind)[k].clone()).collect();
    let (users, items) = match kind {
        Kind::User => (kept, ratings.item_ids().to_vec()),
        Kind::Item => (ratings.user_ids().to_vec(), kept),
    };
    Ratings::new(users, items, entries, ratings.scale())
}
