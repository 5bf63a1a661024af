//! # Discount Lab
//!
//! A collaborative-filtering and personalised-discount laboratory. The [`engine`]
//! is pure Rust (ndarray, csv, serde, a seeded RNG) and runs natively and in
//! WebAssembly unchanged; `js` exposes it to JavaScript and `ui` is the Yew
//! interface, both behind features.
//!
//! ```
//! use discount_lab::engine::data::ratings::Kind;
//! use discount_lab::engine::data::samples::worked_example;
//! use discount_lab::engine::similarity::{compute, Measure, SimilarityParams};
//! let ex = worked_example();
//! let params = SimilarityParams::new(Kind::User, Measure::Cosine).check().unwrap();
//! let m = compute(&ex.ratings, None, &params).unwrap();
//! // 0 is a real rating on the articles' 0-5 scale, so all five items are common.
//! approx::assert_abs_diff_eq!(m.get(0, 1), 35.0 / (51.0f64 * 71.0).sqrt(), epsilon = 1e-12);
//! ```
#![warn(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod engine;
pub mod options;
pub mod present;

#[cfg(feature = "js-api")]
pub mod js;
#[cfg(feature = "ui")]
pub mod ui;
