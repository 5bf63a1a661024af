//! The heatmap's geometry, pure: how large it is drawn, which cell a pointer is on, where
//! the boxes over a cell go, how the keyboard moves the cursor, and the legend's gradient.
//!
//! ```
//! use discount_lab::present::heatmap_layout::{cell_at, HeatmapLayout};
//! let layout = HeatmapLayout::new(2);
//! assert_eq!(layout.px, 240);
//! assert!(layout.labels && layout.values);
//! // A pointer three quarters across and a quarter down a 2 × 2 map is on row 0, column 1.
//! assert_eq!(cell_at((180.0, 60.0), (240.0, 240.0), 2), Some((0, 1)));
//! ```

use crate::present::colour::legend;

/// Maps up to this many rows carry their ids beside them.
pub const LABEL_MAX: usize = 30;
/// Cells at least this wide (in CSS pixels) show their value and take horizontal column labels.
pub const VALUE_CELL_PX: f64 = 40.0;
/// Width of the row labels, in CSS pixels (the column labels start past them).
pub const ROW_LABELS_PX: usize = 64;
/// Size of a heatmap with many rows, in CSS pixels.
const FULL_PX: usize = 560;
/// Size of the smallest heatmap, in CSS pixels (a 2 × 2 worked example is not a thumbnail).
const SMALL_PX: usize = 240;
/// CSS pixels per cell of a small heatmap, before it is held between the two sizes above.
const SMALL_CELL_PX: usize = 48;
/// How far the tooltip sits from the pointer, in CSS pixels.
const TOOLTIP_OFFSET_PX: i32 = 14;

/// How a heatmap of `n` rows is laid out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeatmapLayout {
    /// Side of the drawn map, in CSS pixels.
    pub px: usize,
    /// Side of one cell, in CSS pixels.
    pub cell_px: f64,
    /// Row and column ids are written beside the map.
    pub labels: bool,
    /// Each cell's value is written on it (and column labels lie flat).
    pub values: bool,
}

impl HeatmapLayout {
    /// The layout of an `n` × `n` map: small sets get large cells.
    pub fn new(n: usize) -> HeatmapLayout {
        let labels = n <= LABEL_MAX;
        let px = if labels { (n * SMALL_CELL_PX).clamp(SMALL_PX, FULL_PX) } else { FULL_PX };
        let cell_px = px as f64 / n.max(1) as f64;
        HeatmapLayout { px, cell_px, labels, values: cell_px >= VALUE_CELL_PX }
    }
}

/// The cell (row, column position) under a pointer at `offset` (CSS pixels) in a map drawn
/// `size` large with `n` rows; `None` outside it.
pub fn cell_at(offset: (f64, f64), size: (f64, f64), n: usize) -> Option<(usize, usize)> {
    let (w, h) = (size.0.max(1.0), size.1.max(1.0));
    let c = (offset.0 / w * n as f64).floor();
    let r = (offset.1 / h * n as f64).floor();
    let inside = |v: f64| v >= 0.0 && (v as usize) < n;
    (inside(r) && inside(c)).then_some((r as usize, c as usize))
}

/// The style that places a box over the cell at (`r`, `c`) of an `n`-row map, in percents.
pub fn cell_box_style(r: usize, c: usize, n: usize) -> String {
    let pct = |k: usize| format!("{:.4}%", k as f64 * 100.0 / n.max(1) as f64);
    format!("left:{};top:{};width:{};height:{}", pct(c), pct(r), pct(1), pct(1))
}

/// The style of the box over (`r`, `c`): hidden when the map has no such cell.
pub fn box_style_if_inside(cell: Option<(usize, usize)>, n: usize) -> String {
    match cell {
        Some((r, c)) if r < n && c < n => cell_box_style(r, c, n),
        _ => HIDDEN.to_string(),
    }
}

/// The style of an overlay that is not in use (it stays in the page, so the canvas is never replaced).
pub const HIDDEN: &str = "display:none";

/// The style of the tooltip for a pointer at (`x`, `y`) CSS pixels.
pub fn tooltip_style(x: i32, y: i32) -> String {
    format!("left:{}px;top:{}px", x + TOOLTIP_OFFSET_PX, y + TOOLTIP_OFFSET_PX)
}

/// The positions of rows `a` and `b` (row indices) in `order`.
pub fn position_of(order: &[usize], (a, b): (usize, usize)) -> Option<(usize, usize)> {
    Some((order.iter().position(|&x| x == a)?, order.iter().position(|&x| x == b)?))
}

/// What a key does to the heatmap's cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorKey {
    /// The cursor moves to this cell (row, column position).
    Move(usize, usize),
    /// The cell under the cursor is chosen.
    Choose,
}

/// What `key` does to a cursor at `(r, c)` on an `n`-row map; `None` for keys it ignores.
pub fn cursor_key(key: &str, (r, c): (usize, usize), n: usize) -> Option<CursorKey> {
    if n == 0 {
        return None;
    }
    let last = n - 1;
    let to = |r: usize, c: usize| Some(CursorKey::Move(r, c));
    match key {
        "ArrowUp" => to(r.saturating_sub(1), c),
        "ArrowDown" => to((r + 1).min(last), c),
        "ArrowLeft" => to(r, c.saturating_sub(1)),
        "ArrowRight" => to(r, (c + 1).min(last)),
        "Home" => to(r, 0),
        "End" => to(r, last),
        "Enter" | " " => Some(CursorKey::Choose),
        _ => None,
    }
}

/// The legend's CSS background: the heatmap's colours from −1 to +1.
pub fn legend_background() -> String {
    const STEPS: usize = 9;
    let stops: Vec<String> = legend(STEPS)
        .iter()
        .enumerate()
        .map(|(k, c)| format!("rgb({},{},{}) {}%", c[0], c[1], c[2], k * 100 / (STEPS - 1)))
        .collect();
    format!("background:linear-gradient(to right,{})", stops.join(","))
}

/// A value written on its cell: two decimals and a true minus sign.
pub fn cell_value_text(v: f64) -> String {
    format!("{v:.2}").replace('-', "−")
}

/// Whether a cell of value `v` is dark enough to need light text.
pub fn cell_is_dark(v: f64) -> bool {
    v.abs() > 0.5
}

/// The style of the cell at (`r`, `c`) of an `n`-row map, for the text written on it.
pub fn cell_value_style(r: usize, c: usize, n: usize) -> String {
    let pct = 100.0 / n.max(1) as f64;
    format!("left:{:.4}%;top:{:.4}%;width:{pct:.4}%;height:{pct:.4}%", c as f64 * pct, r as f64 * pct)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_maps_get_large_cells_and_labels() {
        assert_eq!(HeatmapLayout::new(2), HeatmapLayout { px: 240, cell_px: 120.0, labels: true, values: true });
        let ten = HeatmapLayout::new(10);
        assert_eq!((ten.px, ten.labels, ten.values), (480, true, true));
        let thirty = HeatmapLayout::new(30);
        assert_eq!((thirty.px, thirty.labels, thirty.values), (560, true, false));
        let many = HeatmapLayout::new(300);
        assert_eq!((many.px, many.labels, many.values), (560, false, false));
        assert_eq!(HeatmapLayout::new(0).px, 240);
    }

    #[test]
    fn a_pointer_finds_its_cell_and_nothing_outside() {
        assert_eq!(cell_at((0.0, 0.0), (300.0, 300.0), 3), Some((0, 0)));
        assert_eq!(cell_at((299.0, 101.0), (300.0, 300.0), 3), Some((1, 2)));
        assert_eq!(cell_at((300.0, 10.0), (300.0, 300.0), 3), None);
        assert_eq!(cell_at((-1.0, 10.0), (300.0, 300.0), 3), None);
        assert_eq!(cell_at((5.0, 5.0), (0.0, 0.0), 0), None);
    }

    #[test]
    fn boxes_sit_on_their_cell_or_hide() {
        assert_eq!(cell_box_style(1, 3, 4), "left:75.0000%;top:25.0000%;width:25.0000%;height:25.0000%");
        assert_eq!(box_style_if_inside(Some((4, 0)), 4), HIDDEN);
        assert_eq!(box_style_if_inside(None, 4), HIDDEN);
        assert_eq!(tooltip_style(10, 20), "left:24px;top:34px");
        assert_eq!(position_of(&[2, 0, 1], (0, 2)), Some((1, 0)));
        assert_eq!(position_of(&[2, 0, 1], (0, 5)), None);
    }

    #[test]
    fn keys_move_the_cursor_within_the_map() {
        assert_eq!(cursor_key("ArrowUp", (0, 1), 3), Some(CursorKey::Move(0, 1)));
        assert_eq!(cursor_key("ArrowDown", (2, 1), 3), Some(CursorKey::Move(2, 1)));
        assert_eq!(cursor_key("ArrowDown", (0, 1), 3), Some(CursorKey::Move(1, 1)));
        assert_eq!(cursor_key("ArrowLeft", (1, 0), 3), Some(CursorKey::Move(1, 0)));
        assert_eq!(cursor_key("ArrowRight", (1, 2), 3), Some(CursorKey::Move(1, 2)));
        assert_eq!(cursor_key("Home", (1, 2), 3), Some(CursorKey::Move(1, 0)));
        assert_eq!(cursor_key("End", (1, 0), 3), Some(CursorKey::Move(1, 2)));
        assert_eq!(cursor_key(" ", (1, 0), 3), Some(CursorKey::Choose));
        assert_eq!(cursor_key("Enter", (1, 0), 3), Some(CursorKey::Choose));
        assert_eq!(cursor_key("a", (1, 0), 3), None);
        assert_eq!(cursor_key("ArrowDown", (0, 0), 0), None);
    }

    #[test]
    fn values_read_on_their_cells() {
        assert_eq!(cell_value_text(-0.5816), "−0.58");
        assert_eq!(cell_value_text(1.0), "1.00");
        assert!(cell_is_dark(-0.9) && !cell_is_dark(0.5));
        assert_eq!(cell_value_style(1, 0, 2), "left:0.0000%;top:50.0000%;width:50.0000%;height:50.0000%");
        let bg = legend_background();
        assert!(bg.starts_with("background:linear-gradient(to right,rgb("), "{bg}");
        assert!(bg.ends_with(" 100%)"), "{bg}");
        assert_eq!(bg.matches("rgb(").count(), 9);
    }
}
