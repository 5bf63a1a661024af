//! The pure engine: parsing, similarity, neighbours, discounts and samples.
//! No web crate and no I/O beyond parsing the bytes it is handed.

pub mod baseline;
pub mod cluster;
pub mod colour;
pub mod csv_out;
pub mod discount;
pub mod error;
pub mod evaluate;
pub mod explain;
pub mod histogram;
pub mod items;
pub mod jaccard;
pub mod limits;
pub mod logistic;
pub mod neighbours;
pub mod numpy_rng;
pub mod ordering;
pub mod parse;
pub mod predict;
pub mod purchases;
pub mod ratings;
pub mod row_sample;
pub mod samples;
pub mod similarity;
pub mod text_input;
pub mod user_table;
