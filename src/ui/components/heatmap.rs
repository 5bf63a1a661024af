//! The similarity heatmap: one canvas pixel per cell, drawn from a single RGBA buffer,
//! with a legend, labels when they fit, a hover tooltip and keyboard navigation.

use wasm_bindgen::{Clamped, JsCast};
use yew::prelude::*;

use crate::engine::limits::MAX_DRAWN_ROWS;
use crate::engine::similarity::SimilarityMatrix;
use crate::present::colour::{legend, rgba};
use crate::present::num;
use crate::present::{text, tr, Key, Lang};
use crate::ui::Shared;

const LABEL_MAX: usize = 30;
/// Cells at least this wide (in CSS pixels) show their value and take horizontal column labels.
const VALUE_CELL_PX: f64 = 40.0;

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

fn draw(canvas: &web_sys::HtmlCanvasElement, m: &SimilarityMatrix, order: &[usize]) -> Option<()> {
    let n = order.len();
    canvas.set_width(n as u32);
    canvas.set_height(n as u32);
    if n == 0 {
        return Some(());
    }
    let ctx = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
    let buffer = rgba(&m.values, order);
    let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&buffer), n as u32, n as u32).ok()?;
    ctx.put_image_data(&image, 0.0, 0.0).ok()
}

/// The heatmap.
#[component]
pub fn Heatmap(props: &HeatmapProps) -> Html {
    let canvas_ref = use_node_ref();
    let hover = use_state(|| None::<(usize, usize, i32, i32)>);
    let cursor = use_state(|| (0usize, 0usize));
    let m = &props.matrix;
    let order = &props.order;
    let n = order.len();
    let lang = props.lang;
    {
        let (canvas_ref, m, order) = (canvas_ref.clone(), props.matrix.clone(), props.order.clone());
        let (hover, cursor) = (hover.clone(), cursor.clone());
        use_effect_with((m.clone(), order.clone()), move |_| {
            if let Some(canvas) = canvas_ref.cast::<web_sys::HtmlCanvasElement>() {
                draw(&canvas, &m, &order);
            }
            // A new matrix: the old hover and cursor positions mean nothing in it.
            hover.set(None);
            cursor.set((0, 0));
        });
    }
    if n > MAX_DRAWN_ROWS {
        return html! { <p class="hint">{ text(lang, Key::TooLargeToDraw) }{ format!(" ({n} × {n})") }</p> };
    }
    // Small sets get large cells (a 2 × 2 worked example is 240 px, not a thumbnail).
    let px = if n <= LABEL_MAX { (n * 48).clamp(240, 560) } else { 560 };
    let cell_at = move |e: &MouseEvent| -> Option<(usize, usize)> {
        let el: web_sys::HtmlElement = e.target_unchecked_into();
        let (w, h) = (el.client_width().max(1) as f64, el.client_height().max(1) as f64);
        let c = (e.offset_x() as f64 / w * n as f64).floor();
        let r = (e.offset_y() as f64 / h * n as f64).floor();
        (r >= 0.0 && c >= 0.0 && (r as usize) < n && (c as usize) < n).then_some((r as usize, c as usize))
    };
    // Hover and cursor positions outlive a change of matrix (kind, data): read them only through
    // this, which answers `None` for a position the current matrix does not have.
    let info = |r: usize, c: usize| -> Option<String> {
        let (&a, &b) = (order.get(r)?, order.get(c)?);
        Some(tr(
            lang,
            Key::CellInfo,
            &[
                ("a", m.ids.get(a)?.clone()),
                ("b", m.ids.get(b)?.clone()),
                ("value", num(m.get(a, b))),
                ("n", m.support_of(a, b).to_string()),
            ],
        ))
    };
    let on_move = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| hover.set(cell_at(&e).map(|(r, c)| (r, c, e.offset_x(), e.offset_y()))))
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let on_click = {
        let (sel, order, cursor, hover) = (props.on_select.clone(), props.order.clone(), cursor.clone(), hover.clone());
        Callback::from(move |e: MouseEvent| {
            // The tooltip goes: the panel now says all it said, and more.
            hover.set(None);
            if let Some((r, c)) = cell_at(&e) {
                cursor.set((r, c));
                sel.emit((order[r], order[c]));
            }
        })
    };
    let on_key = {
        let (sel, order, cursor) = (props.on_select.clone(), props.order.clone(), cursor.clone());
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            let (r, c) = *cursor;
            let next = match e.key().as_str() {
                "ArrowUp" => (r.saturating_sub(1), c),
                "ArrowDown" => ((r + 1).min(n - 1), c),
                "ArrowLeft" => (r, c.saturating_sub(1)),
                "ArrowRight" => (r, (c + 1).min(n - 1)),
                "Home" => (r, 0),
                "End" => (r, n - 1),
                "Enter" | " " => {
                    e.prevent_default();
                    if let (Some(&a), Some(&b)) = (order.get(r), order.get(c)) {
                        sel.emit((a, b));
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            cursor.set(next);
        })
    };
    let pct = |k: usize| format!("{:.4}%", k as f64 * 100.0 / n.max(1) as f64);
    let box_style = |r: usize, c: usize| format!("left:{};top:{};width:{};height:{}", pct(c), pct(r), pct(1), pct(1));
    // Overlays are always rendered (hidden when unused) so the canvas element is never replaced.
    let selected_at = props
        .selected
        .and_then(|(a, b)| Some((order.iter().position(|&x| x == a)?, order.iter().position(|&x| x == b)?)));
    let selected_style = selected_at.map(|(r, c)| box_style(r, c)).unwrap_or_else(|| "display:none".into());
    let (cr, cc) = *cursor;
    let cursor_style = if cr < n && cc < n { box_style(cr, cc) } else { "display:none".into() };
    let (tooltip_style, tooltip_text) = match (*hover).and_then(|(r, c, x, y)| Some((info(r, c)?, x, y))) {
        Some((text, x, y)) => (format!("left:{}px;top:{}px", x + 14, y + 14), text),
        None => ("display:none".into(), String::new()),
    };
    let labels = n <= LABEL_MAX;
    let cell_px = px as f64 / n.max(1) as f64;
    let wide = cell_px >= VALUE_CELL_PX;
    let stops: Vec<String> = legend(9)
        .iter()
        .enumerate()
        .map(|(k, c)| format!("rgb({},{},{}) {}%", c[0], c[1], c[2], k * 100 / 8))
        .collect();
    let aria = tr(lang, Key::HeatmapLabel, &[("kind", props.kind_label.to_string()), ("n", n.to_string())]);
    html! {
        <div class="heatmap">
            <div class="heatmap-grid" style={format!("--px:{px}px")}>
                if labels {
                    <div class={classes!("col-labels", wide.then_some("flat"))} style={format!("margin-left:{}px;width:{px}px", 64)} aria-hidden="true">
                        { for order.iter().map(|&k| html! { <span style={format!("width:{cell_px:.2}px")} title={m.ids[k].clone()}>{ m.ids[k].clone() }</span> }) }
                    </div>
                }
                <div class="heatmap-body">
                    if labels {
                        <div class="row-labels" aria-hidden="true">
                            { for order.iter().map(|&k| html! { <span style={format!("height:{cell_px:.2}px;line-height:{cell_px:.2}px")} title={m.ids[k].clone()}>{ m.ids[k].clone() }</span> }) }
                        </div>
                    }
                    <div class="canvas-wrap" style={format!("width:{px}px;max-width:100%")}>
                        <canvas ref={canvas_ref} id="heatmap-canvas" tabindex="0" role="img" aria-label={aria}
                            onmousemove={on_move} onmouseleave={on_leave} onclick={on_click} onkeydown={on_key}></canvas>
                        if wide {
                            { cell_values(m, order) }
                        }
                        <div class="cell-box selected" style={selected_style}></div>
                        <div class="cell-box cursor" style={cursor_style}></div>
                        <div class="tooltip" style={tooltip_style}>{ tooltip_text }</div>
                    </div>
                </div>
            </div>
            <div class="legend" role="img" aria-label={format!("{}: −1 … 0 … +1", text(lang, Key::Legend))}>
                <span class="legend-title">{ text(lang, Key::Legend) }</span>
                <div class="legend-bar" style={format!("background:linear-gradient(to right,{})", stops.join(","))}></div>
                <div class="legend-ticks"><span>{ "−1" }</span><span>{ "0" }</span><span>{ "+1" }</span></div>
            </div>
            <p class="sr-only" aria-live="polite">{ info(cr.min(n.saturating_sub(1)), cc.min(n.saturating_sub(1))).unwrap_or_default() }</p>
        </div>
    }
}

/// Each cell's value written on it (for maps with large cells), in a colour that reads on the cell.
fn cell_values(m: &SimilarityMatrix, order: &[usize]) -> Html {
    let n = order.len();
    let pct = 100.0 / n.max(1) as f64;
    html! {
        <div class="cell-values" aria-hidden="true">
            { for order.iter().enumerate().flat_map(|(r, &a)| order.iter().enumerate().map(move |(c, &b)| (r, c, a, b))).map(|(r, c, a, b)| {
                let v = m.get(a, b);
                let dark = v.abs() > 0.5;
                html! {
                    <span class={classes!(dark.then_some("on-dark"))} style={format!("left:{:.4}%;top:{:.4}%;width:{pct:.4}%;height:{pct:.4}%", c as f64 * pct, r as f64 * pct)}>
                        { format!("{v:.2}").replace('-', "−") }
                    </span>
                }
            }) }
        </div>
    }
}
