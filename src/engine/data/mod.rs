//! The data the lab works on: ratings and how they are read, item tables, purchase logs,
//! user tables, and the built-in samples generated from a seed (among them a rating set of
//! MovieLens-1M's shape).

pub mod dates;
pub mod items;
pub mod movielens_shape;
pub mod overlap;
pub mod parse;
pub mod purchases;
pub mod ratings;
pub mod row_sample;
pub mod samples;
pub mod text_input;
pub mod user_table;
