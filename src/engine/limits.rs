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
/// Bytes one cell costs when the matrix is stored compactly, as it is when the `f64` one is over
/// the budget: an `f32` value (within ±6e-8 of the `f64`) and a `u16` support count.
pub const COMPACT_CELL_BYTES: usize = 6;
/// Most rows a heatmap draws (one canvas pixel per cell: 3,000 rows are a 36 MB RGBA buffer);
/// beyond it the Similarity view offers the other kind or a sample of rows.
pub const MAX_DRAWN_ROWS: usize = 3000;
/// Rows of the sample the Similarity view offers when a matrix is too large.
pub const DEFAULT_ROW_SAMPLE: usize = 1000;
/// Largest rating accepted, in size (either sign): a rating scale ends within ±1,000,000, so
/// that every sum over a matrix row stays exact enough and no value prints as 300 digits.
pub const MAX_RATING_MAGNITUDE: f64 = 1_000_000.0;
/// Largest number accepted in any numeric field of an uploaded file (prices, costs,
/// quantities), in size: sums of a few million of them stay finite and exact to the cent.
pub const MAX_NUMBER_MAGNITUDE: f64 = 1e12;
/// Most customers of a synthetic shop.
pub const MAX_SHOP_CUSTOMERS: usize = 20_000;
/// Most products of a synthetic shop (the fewest is one per category, seven).
pub const MAX_SHOP_PRODUCTS: usize = 2_000;
/// Fewest customers of a synthetic shop.
pub const MIN_SHOP_CUSTOMERS: usize = 1;
/// Customers beyond which the Data view says a shop takes seconds in the Discounts view.
pub const SHOP_SIZE_HINT_CUSTOMERS: usize = 2000;
/// Most users of a MovieLens-shaped sample: natively 70,000 (MovieLens-10M's 69,878, rounded up);
/// in the browser, what one rating set holds ([`MAX_USERS`]).
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_SHAPE_USERS: usize = 70_000;
/// Most users of a MovieLens-shaped sample: natively 70,000; in the browser, what one rating set holds.
#[cfg(target_arch = "wasm32")]
pub const MAX_SHAPE_USERS: usize = MAX_USERS;
/// Most items of a MovieLens-shaped sample: what one rating set holds (MovieLens-10M has 10,677).
pub const MAX_SHAPE_ITEMS: usize = MAX_ITEMS;
/// Most ratings of a MovieLens-shaped sample: natively 10,000,000 (MovieLens-10M has 10,000,054;
/// about 7 bytes a rating while generated); in the browser, what one rating set holds ([`MAX_RATINGS`]).
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_SHAPE_RATINGS: usize = 10_000_000;
/// Most ratings of a MovieLens-shaped sample: natively 10,000,000; in the browser, what one rating set holds.
#[cfg(target_arch = "wasm32")]
pub const MAX_SHAPE_RATINGS: usize = MAX_RATINGS;
/// Most neighbours (K) of the articles' formulas and of a strategy.
pub const MAX_NEIGHBOURS: usize = 1000;
/// Largest percentage off: of an offer, the maximum discount, a coupon, a stacking cap, a segment's offer.
pub const MAX_PERCENT_OFF: f64 = 100.0;
/// Largest `min_support` (common ratings a pair needs) of a similarity.
pub const MAX_MIN_SUPPORT: usize = 1_000_000;
/// Largest `shrinkage` of `pearson_baseline`: far beyond any pair's common ratings (at most
/// [`MAX_USERS`]), where every similarity is already shrunk to nearly 0.
pub const MAX_SHRINKAGE: f64 = 1_000_000.0;
/// Fewest rows of a sample in the Similarity view (one row has nothing to be compared with).
pub const MIN_ROW_SAMPLE: usize = 2;
/// Largest grid (users x items) the editable rating grid shows.
pub const MAX_GRID_SIDE: usize = 50;
/// Customers from which the Discounts view first paints a "computing" note, then computes:
/// the work is expected to take over 200 ms from there (measured in Chromium on the project's
/// machine: 224 ms to open the view on a 30-customer shop, 750 ms on 300, 2.3 s on 2,000).
pub const BUSY_NOTE_USERS: usize = 30;
/// Customers from which the note is painted also before the lighter work of a settings change
/// that keeps the fitted models and the user formula's neighbours (a coupon, a guardrail):
/// 0.4–0.7 s at 10,000 customers, well under 200 ms below this.
pub const BUSY_NOTE_USERS_LIGHT: usize = 2000;
/// Fewest customers a segment is made for: k is capped at n / this (at least one segment),
/// since a segment of two or three customers describes nobody (six customers give one segment).
pub const MIN_SEGMENT_SIZE: usize = 5;
/// Most segments a segmentation makes (the k of k-means or of the Gaussian mixture).
pub const MAX_SEGMENTS: usize = 12;
/// Largest minimum margin over unit cost, in percent.
pub const MAX_MIN_MARGIN: f64 = 1000.0;
/// Largest amount of money a form field takes (a per-user cap, a coupon's cap): the largest
/// number an uploaded file may hold.
pub const MAX_AMOUNT: f64 = MAX_NUMBER_MAGNITUDE;
/// Smallest regularisation C of the purchase model a form field takes: below it every weight
/// is close to 0 and the model predicts the base rate (an empty field fits without a penalty).
pub const MIN_PENALTY_C: f64 = 1e-4;
/// Largest regularisation C a form field takes: beyond it the penalty no longer matters (an
/// empty field fits without one).
pub const MAX_PENALTY_C: f64 = 1e6;
/// Largest seed a form field takes: whole numbers are exact in an `f64` (and in JavaScript)
/// up to 2^53 − 1.
pub const MAX_FIELD_SEED: u64 = (1 << 53) - 1;
/// How many problems a parse reports before it stops listing them.
pub const MAX_REPORTED_PROBLEMS: usize = 20;

/// Largest input file the command line's streamed neighbours read (`neighbours --all`): natively
/// 1 GiB (MovieLens-10M's shape is 127 MB of CSV); in the browser, [`MAX_INPUT_BYTES`].
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_LARGE_INPUT_BYTES: usize = 1 << 30;
/// Largest input file of the streamed neighbours: natively 1 GiB; in the browser, [`MAX_INPUT_BYTES`].
#[cfg(target_arch = "wasm32")]
pub const MAX_LARGE_INPUT_BYTES: usize = MAX_INPUT_BYTES;

/// Bytes a dense `n` x `n` similarity matrix would need.
pub fn dense_matrix_bytes(n: usize) -> usize {
    n.saturating_mul(n).saturating_mul(DENSE_CELL_BYTES)
}

/// Bytes a dense `n` x `n` similarity matrix needs when stored compactly ([`COMPACT_CELL_BYTES`] a cell).
pub fn compact_matrix_bytes(n: usize) -> usize {
    n.saturating_mul(n).saturating_mul(COMPACT_CELL_BYTES)
}

/// How much one rating file may hold: the app's limits, or the larger ones of the command line's
/// streamed neighbours, which never build a dense matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputLimits {
    /// Largest file, in bytes.
    pub bytes: usize,
    /// Most distinct users.
    pub users: usize,
    /// Most distinct items.
    pub items: usize,
    /// Most ratings.
    pub ratings: usize,
}

impl InputLimits {
    /// What the app (and every command but `neighbours --all`) reads.
    pub const APP: InputLimits =
        InputLimits { bytes: MAX_INPUT_BYTES, users: MAX_USERS, items: MAX_ITEMS, ratings: MAX_RATINGS };
    /// What `neighbours --all` reads natively: a MovieLens-10M-sized file (the sizes of the
    /// MovieLens-shaped sample); in the browser the same as [`InputLimits::APP`].
    pub const LARGE: InputLimits = InputLimits {
        bytes: MAX_LARGE_INPUT_BYTES,
        users: MAX_SHAPE_USERS,
        items: MAX_SHAPE_ITEMS,
        ratings: MAX_SHAPE_RATINGS,
    };
}
