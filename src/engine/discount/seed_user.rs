//! The articles' "user behaviour" discount: users whose nearest neighbours rate low
//! are the price-sensitive ones, so they get a larger offer.
//!
//! strength(u) = (r_max − r̄_K(u)) / (r_max − r_min), where r̄_K(u) is the mean
//! rating of u's K most similar users (each neighbour's mean, weighted equally;
//! only users with a positive similarity over common ratings count, and u itself
//! is excluded). The offer is strength × max discount, clamped to [min, max].
//!
//! "As in the article's code" instead puts u among its own neighbours, takes its
//! K most similar other users whatever their similarity, averages over all ratings
//! of that set, and uses the lowest rating in the data as r_min. On the article's
//! code sample both users then get strength 0.42.
//!
//! ```
//! use discount_lab::engine::discount::seed_user::{user_discounts, UserDiscountParams};
//! use discount_lab::engine::data::samples::article_code_sample;
//! use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
//! use discount_lab::engine::data::ratings::Kind;
//! let r = article_code_sample();
//! let sim = compute(&r, None, &SimilarityParams::new(Kind::User, Measure::Cosine).check().unwrap()).unwrap();
//! let params = UserDiscountParams { as_in_article: true, ..Default::default() }.check().unwrap();
//! let d = user_discounts(&r, &sim, &params).unwrap();
//! assert!((d[0].strength - 5.0 / 12.0).abs() < 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use super::offer::{OfferBounds, Percent};
use crate::engine::data::ratings::{Kind, Ratings, UserIdx};
use crate::engine::error::{EngineError, Mismatch};
use crate::engine::limits::MAX_NEIGHBOURS;
use crate::engine::similarity::neighbours::{top_k, top_k_streaming, Neighbour, NeighbourFilter};
use crate::engine::similarity::{Measure, SimilarityMatrix, SimilarityParams};

/// Options of the user discount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct UserDiscountParams {
    /// Number of neighbours K (default 5).
    pub k: usize,
    /// Offer bounds (default 0%-25%); the offer is strength × max.
    pub bounds: OfferBounds,
    /// Follow the article's code (u among its neighbours, pooled mean, r_min from the data).
    pub as_in_article: bool,
}

impl Default for UserDiscountParams {
    fn default() -> Self {
        UserDiscountParams { k: 5, bounds: OfferBounds::default(), as_in_article: false }
    }
}

/// Checked [`UserDiscountParams`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidUserDiscountParams(UserDiscountParams);

impl std::ops::Deref for ValidUserDiscountParams {
    type Target = UserDiscountParams;
    fn deref(&self) -> &UserDiscountParams {
        &self.0
    }
}

impl UserDiscountParams {
    /// Checks K ≥ 1 and the bounds.
    pub fn check(self) -> Result<ValidUserDiscountParams, EngineError> {
        if self.k == 0 || self.k > MAX_NEIGHBOURS {
            return Err(EngineError::param("k", format!("must be between 1 and {MAX_NEIGHBOURS}")));
        }
        self.bounds.check()?;
        Ok(ValidUserDiscountParams(self))
    }
}

/// Why a user's discount is what it is, beyond the formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserFallback {
    /// No other user is positively similar over common ratings: the global mean was used for r̄_K.
    NoNeighbours,
    /// r_max = r_min, so the strength is 0.
    FlatScale,
}

/// One user's discount with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserDiscount {
    /// User id.
    pub user: String,
    /// The neighbours used (u itself first in the article's mode).
    pub neighbours: Vec<Neighbour>,
    /// r̄_K(u).
    pub neighbour_mean: f64,
    /// r_min used.
    pub r_min: f64,
    /// r_max used.
    pub r_max: f64,
    /// (r_max − r̄_K) / (r_max − r_min), clamped to [0, 1].
    pub strength: f64,
    /// The offer after clamping.
    pub percent_off: Percent,
    /// Set when a fallback decided the number.
    pub fallback: Option<UserFallback>,
}

/// The discount of every user, in user order. `sim` must be the user-user matrix of `ratings`.
pub fn user_discounts(
    ratings: &Ratings,
    sim: &SimilarityMatrix,
    params: &ValidUserDiscountParams,
) -> Result<Vec<UserDiscount>, EngineError> {
    if sim.kind != Kind::User || sim.len() != ratings.n_users() {
        return Err(EngineError::Mismatch(Mismatch::UserMatrix));
    }
    let filter = if params.as_in_article { NeighbourFilter::Any } else { NeighbourFilter::Similar };
    let lists: Vec<Vec<Neighbour>> = (0..ratings.n_users()).map(|u| top_k(sim, u, params.k, filter)).collect();
    user_discounts_from_neighbours(ratings, &lists, params)
}

/// The discount of every user from each user's neighbours, already chosen: the `k`
/// most similar (positively similar with common ratings; in the article's mode, any
/// other user), most similar first — from [`top_k`] on a matrix, or from
/// [`crate::engine::similarity::neighbours::top_k_streaming`] when the matrix would be too large.
pub fn user_discounts_from_neighbours(
    ratings: &Ratings,
    neighbours: &[Vec<Neighbour>],
    params: &ValidUserDiscountParams,
) -> Result<Vec<UserDiscount>, EngineError> {
    if neighbours.len() != ratings.n_users() {
        return Err(EngineError::Mismatch(Mismatch::NeighbourLists));
    }
    let r_max = ratings.scale().hi;
    let r_min = if params.as_in_article { ratings.observed_range().0 } else { ratings.scale().lo };
    Ok((0..ratings.n_users()).map(|u| one(ratings, &neighbours[u], params, u, r_min, r_max)).collect())
}

fn one(
    ratings: &Ratings,
    found: &[Neighbour],
    p: &ValidUserDiscountParams,
    u: usize,
    r_min: f64,
    r_max: f64,
) -> UserDiscount {
    let mut fallback = None;
    let found = &found[..found.len().min(p.k)];
    let (neighbours, neighbour_mean) = if p.as_in_article {
        let uid = UserIdx(u as u32);
        let own = Neighbour {
            index: u,
            id: ratings.user_id(uid).to_string(),
            similarity: 1.0,
            support: ratings.user_ratings(uid).0.len() as u32,
        };
        let mut set = vec![own];
        set.extend(found.iter().cloned());
        let (sum, count) = set.iter().fold((0.0, 0usize), |(s, c), n| {
            let vals = ratings.user_ratings(UserIdx(n.index as u32)).1;
            (s + vals.iter().sum::<f64>(), c + vals.len())
        });
        let mean = if count == 0 { ratings.global_mean() } else { sum / count as f64 };
        (set, mean)
    } else {
        let set: Vec<Neighbour> = found.iter().filter(|n| n.similarity > 0.0 && n.support > 0).cloned().collect();
        if set.is_empty() {
            fallback = Some(UserFallback::NoNeighbours);
            (set, ratings.global_mean())
        } else {
            let mean = set.iter().map(|n| ratings.user_mean(UserIdx(n.index as u32))).sum::<f64>() / set.len() as f64;
            (set, mean)
        }
    };
    let span = r_max - r_min;
    let strength = if span > 0.0 {
        ((r_max - neighbour_mean) / span).clamp(0.0, 1.0)
    } else {
        fallback = Some(UserFallback::FlatScale);
        0.0
    };
    let percent_off = p.bounds.clamp(Percent(strength * p.bounds.max.0));
    UserDiscount {
        user: ratings.user_id(UserIdx(u as u32)).to_string(),
        neighbours,
        neighbour_mean,
        r_min,
        r_max,
        strength,
        percent_off,
        fallback,
    }
}

/// What a user formula offer is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserBasis {
    /// The neighbours used.
    pub neighbours: Vec<Neighbour>,
    /// r̄_K.
    pub neighbour_mean: f64,
    /// The strength.
    pub strength: f64,
    /// Set when no neighbour was positively similar.
    pub no_neighbours: bool,
}

/// The user formula for every user, as a strategy proposes it: from `sim` when it is the
/// user-user matrix of `measure` over these ratings, otherwise from neighbours streamed row
/// by row (no n × n matrix, so any number of users fits in memory).
pub fn propose(
    ratings: &Ratings,
    params: &ValidUserDiscountParams,
    measure: Measure,
    sim: Option<&SimilarityMatrix>,
) -> Result<Vec<(f64, UserBasis)>, EngineError> {
    let rows = match sim {
        Some(s) if s.kind == Kind::User && s.measure == measure && s.len() == ratings.n_users() => {
            user_discounts(ratings, s, params)?
        }
        _ => {
            let sp = SimilarityParams::new(Kind::User, measure).check()?;
            let filter = if params.as_in_article { NeighbourFilter::Any } else { NeighbourFilter::Similar };
            let lists = top_k_streaming(ratings, &sp, params.k, filter)?;
            user_discounts_from_neighbours(ratings, &lists, params)?
        }
    };
    Ok(rows
        .into_iter()
        .map(|d| {
            let basis = UserBasis {
                no_neighbours: d.neighbours.is_empty(),
                neighbours: d.neighbours,
                neighbour_mean: d.neighbour_mean,
                strength: d.strength,
            };
            (d.percent_off.fraction(), basis)
        })
        .collect())
}
