//! The similarity heatmap: one canvas pixel per cell, drawn from a single RGBA buffer,
//! with a legend, labels when they fit, a hover tooltip and keyboard navigation.

use wasm_bindgen::{Clamped, JsCast};
use yew::prelude::*;

use crate::engine::limits::MAX_DRAWN_ROWS;
use crate::engine::similarity::SimilarityMatrix;
use crate::present::colour::rgba;
use crate::present::heatmap_layout::{
    box_style_if_inside, cell_at, cell_box_style, cursor_key, position_of, tooltip_style, CursorKey, HeatmapLayout,
    HIDDEN,
};
use crate::present::num;
use crate::present::{text, tr, Key, Lang};
use crate::ui::components::heatmap_labels::{HeatmapLabels, LabelSide};
use crate::ui::components::heatmap_legend::HeatmapLegend;
use crate::ui::components::heatmap_values::HeatmapValues;
use crate::ui::Shared;

/// Props of [`Heatmap`].
#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    /// The matrix.
    pub matrix: Shared<SimilarityMatrix>,
    /// Row order: position k shows row `order[k]`.
    pub order: Shared<Vec<usize>>,
    /// Selected cell (row indices, not positions).
    pub selected: Option<(usize, usize)>,
    /// Language.
    pub lang: Lang,
    /// Accessible name of the kind ("User-user"...).
    pub kind_label: AttrValue,
    /// A cell was chosen (row indices).
    pub on_select: Callback<(usize, usize)>,
}

/// The cell under the pointer (row and column positions) and where the pointer is, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pointer {
    cell: (usize, usize),
    at: (i32, i32),
}

fn draw(canvas: &web_sys::HtmlCanvasElement, m: &SimilarityMatrix, order: &[usize]) -> Option<()> {
    let n = order.len();
    canvas.set_width(n as u32);
    canvas.set_height(n as u32);
    if n == 0 {
        return Some(());
    }
    let ctx = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
    let buffer = rgba(&m.values.to_f64(), order);
    let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&buffer), n as u32, n as u32).ok()?;
    ctx.put_image_data(&image, 0.0, 0.0).ok()
}

/// The heatmap.
#[component]
pub fn Heatmap(props: &HeatmapProps) -> Html {
    let canvas_ref = use_node_ref();
    let hover = use_state(|| None::<Pointer>);
    let cursor = use_state(|| (0usize, 0usize));
    use_drawn(canvas_ref.clone(), props.matrix.clone(), props.order.clone(), hover.clone(), cursor.clone());
    let (m, order, lang) = (&props.matrix, &props.order, props.lang);
    let n = order.len();
    if n > MAX_DRAWN_ROWS {
        return html! { <p class="hint">{ text(lang, Key::TooLargeToDraw) }{ format!(" ({n} × {n})") }</p> };
    }
    let layout = HeatmapLayout::new(n);
    let on_move = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| {
            hover.set(pointer_cell(&e, n).map(|cell| Pointer { cell, at: (e.offset_x(), e.offset_y()) }))
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let on_click = click_handler(n, order.clone(), cursor.clone(), hover.clone(), props.on_select.clone());
    let on_key = key_handler(n, order.clone(), cursor.clone(), props.on_select.clone());
    // Overlays are always rendered (hidden when unused) so the canvas element is never replaced.
    let selected_style = props.selected.and_then(|s| position_of(order, s));
    let selected_style = selected_style.map_or_else(|| HIDDEN.into(), |(r, c)| cell_box_style(r, c, n));
    let cursor_style = box_style_if_inside(Some(*cursor), n);
    let hovered = (*hover).and_then(|p| Some((cell_info(lang, m, order, p.cell)?, p.at)));
    let (tooltip_style, tooltip_text) = match hovered {
        Some((text, (x, y))) => (tooltip_style(x, y), text),
        None => (HIDDEN.into(), String::new()),
    };
    let (cr, cc) = *cursor;
    let last = n.saturating_sub(1);
    let live = cell_info(lang, m, order, (cr.min(last), cc.min(last))).unwrap_or_default();
    let aria = tr(lang, Key::HeatmapLabel, &[("kind", props.kind_label.to_string()), ("n", n.to_string())]);
    let names = || order.iter().filter_map(|&k| m.ids.get(k)).map(|id| AttrValue::from(id.clone())).collect::<Vec<_>>();
    html! {
        <div class="heatmap">
            <div class="heatmap-grid" style={format!("--px:{}px", layout.px)}>
                if layout.labels {
                    <HeatmapLabels names={names()} side={LabelSide::Top} {layout} />
                }
                <div class="heatmap-body">
                    if layout.labels {
                        <HeatmapLabels names={names()} side={LabelSide::Left} {layout} />
                    }
                    <div class="canvas-wrap" style={format!("width:{}px;max-width:100%", layout.px)}>
                        <canvas ref={canvas_ref} id="heatmap-canvas" tabindex="0" role="img" aria-label={aria}
                            onmousemove={on_move} onmouseleave={on_leave} onclick={on_click} onkeydown={on_key}></canvas>
                        if layout.values {
                            <HeatmapValues matrix={m.clone()} order={order.clone()} />
                        }
                        <div class="cell-box selected" style={selected_style}></div>
                        <div class="cell-box cursor" style={cursor_style}></div>
                        <div class="tooltip" style={tooltip_style}>{ tooltip_text }</div>
                    </div>
                </div>
            </div>
            <HeatmapLegend {lang} />
            <p class="sr-only" aria-live="polite">{ live }</p>
        </div>
    }
}

/// Draws the matrix whenever it or its order changes, and forgets the old hover and cursor
/// positions, which mean nothing in a new matrix.
#[hook]
fn use_drawn(
    canvas_ref: NodeRef,
    m: Shared<SimilarityMatrix>,
    order: Shared<Vec<usize>>,
    hover: UseStateHandle<Option<Pointer>>,
    cursor: UseStateHandle<(usize, usize)>,
) {
    use_effect_with((m, order), move |(m, order)| {
        if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
            draw(&canvas, m, order);
        }
        hover.set(None);
        cursor.set((0, 0));
    });
}

/// The cell (row and column positions) under a mouse event on an `n`-row map.
fn pointer_cell(e: &MouseEvent, n: usize) -> Option<(usize, usize)> {
    let el: web_sys::HtmlElement = e.target_unchecked_into();
    let size = (el.client_width() as f64, el.client_height() as f64);
    cell_at((e.offset_x() as f64, e.offset_y() as f64), size, n)
}

/// What the cell at `(r, c)` (positions) holds, in words. Hover and cursor positions outlive a
/// change of matrix (kind, data): this answers `None` for a position the matrix does not have.
fn cell_info(lang: Lang, m: &SimilarityMatrix, order: &[usize], (r, c): (usize, usize)) -> Option<String> {
    let (&a, &b) = (order.get(r)?, order.get(c)?);
    let vars = [
        ("a", m.ids.get(a)?.clone()),
        ("b", m.ids.get(b)?.clone()),
        ("value", num(m.get(a, b))),
        ("n", m.support_of(a, b).to_string()),
    ];
    Some(tr(lang, Key::CellInfo, &vars))
}

/// A click chooses the cell under it (and the tooltip goes: the panel now says all it said, and more).
fn click_handler(
    n: usize,
    order: Shared<Vec<usize>>,
    cursor: UseStateHandle<(usize, usize)>,
    hover: UseStateHandle<Option<Pointer>>,
    on_select: Callback<(usize, usize)>,
) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        hover.set(None);
        if let Some((r, c)) = pointer_cell(&e, n) {
            cursor.set((r, c));
            if let (Some(&a), Some(&b)) = (order.get(r), order.get(c)) {
                on_select.emit((a, b));
            }
        }
    })
}

/// Arrow keys, Home and End move the cursor; Enter and Space choose the cell under it.
fn key_handler(
    n: usize,
    order: Shared<Vec<usize>>,
    cursor: UseStateHandle<(usize, usize)>,
    on_select: Callback<(usize, usize)>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let Some(action) = cursor_key(&e.key(), *cursor, n) else {
            return;
        };
        e.prevent_default();
        match action {
            CursorKey::Move(r, c) => cursor.set((r, c)),
            CursorKey::Choose => {
                let (r, c) = *cursor;
                if let (Some(&a), Some(&b)) = (order.get(r), order.get(c)) {
                    on_select.emit((a, b));
                }
            }
        }
    })
}
