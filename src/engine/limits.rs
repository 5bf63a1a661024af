//! Named limits on what the engine accepts, so a browser tab never runs out of memory.
//!
//! Every limit is checked before the work it guards starts, and breaking one is an
//! [`EngineError`](crate::engine::error::EngineError) or a parse error that names it,
//! never a crash.

/// Largest input file accepted, in bytes (20 MB).
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;
/// Largest number of ratings accepted from one file.
pub const MAX_RATINGS: usize = 2_000_000;
/// Largest number of distinct users.
pub const MAX_USERS: usize = 20_000;
/// Largest number of distinct items.
pub const MAX_ITEMS: usize = 20_000;
/// Memory budget for one dense similarity matrix (values plus support counts), in bytes.
pub const DENSE_MATRIX_BUDGET_BYTES: usize = 256 * 1024 * 1024;
/// Bytes one cell of a dense similarity matrix costs (an `f64` value and a `u32` support count).
pub const DENSE_CELL_BYTES: usize = 12;
/// Largest grid (users x items) the editable rating grid shows.
pub const MAX_GRID_SIDE: usize = 50;
/// How many problems a parse reports before it stops listing them.
pub const MAX_REPORTED_PROBLEMS: usize = 20;

/// Bytes a dense `n` x `n` similarity matrix would need.
pub fn dense_matrix_bytes(n: usize) -> usize {
    n.saturating_mul(n).saturating_mul(DENSE_CELL_BYTES)
}
