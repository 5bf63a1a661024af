//! The presentation layer, pure: the message catalogue in English and Simplified Chinese,
//! how numbers, percents and money are written, the one-line "why" of every offer, errors in
//! the user's language, CSV files safe to open in a spreadsheet, and the heatmap's colours.
//! The CLI, the JS API and the interface all speak through it; it reads the engine, never
//! the other way round.

pub mod chart;
pub mod colour;
pub mod csv;
pub mod csv_writer;
pub mod errors;
pub mod format;
pub mod heatmap_layout;
pub mod labels;
pub mod messages;
pub mod model_notes;
pub mod number_entry;
pub mod precision;
pub mod table_sort;
pub mod why;

pub use errors::{engine_error, parse_error};
pub use format::{amount, money, num, percent};
pub use labels::step_label;
pub use messages::{fill, text, tr, Key, Lang};
