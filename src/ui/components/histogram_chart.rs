//! A small SVG bar chart of a histogram, with axis labels and an accessible summary.

use yew::prelude::*;

use crate::engine::stats::histogram::Histogram;
use crate::present::percent;

/// Props of [`HistogramChart`].
#[derive(Properties, PartialEq)]
pub struct HistogramProps {
    /// The histogram.
    pub histogram: Histogram,
    /// Title (also the accessible name).
    pub title: AttrValue,
    /// Label of the y axis.
    pub y_label: AttrValue,
}

const W: f64 = 420.0;
const H: f64 = 160.0;
const PAD_L: f64 = 36.0;
const PAD_B: f64 = 28.0;

/// The chart.
#[component]
pub fn HistogramChart(props: &HistogramProps) -> Html {
    let h = &props.histogram;
    let max = h.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = h.counts.len().max(1) as f64;
    let bw = (W - PAD_L) / n;
    let bars = h.counts.iter().enumerate().map(|(k, &c)| {
        let bh = (H - PAD_B - 8.0) * c as f64 / max;
        let x = PAD_L + k as f64 * bw;
        let label = format!("{}–{}%: {c}", percent(h.edges[k]), percent(h.edges[k + 1]));
        html! {
            <rect x={format!("{:.1}", x + 1.0)} y={format!("{:.1}", H - PAD_B - bh)} width={format!("{:.1}", (bw - 2.0).max(1.0))}
                height={format!("{bh:.1}")} class="bar"><title>{ label }</title></rect>
        }
    });
    let ticks = [0usize, h.counts.len() / 2, h.counts.len()].into_iter().map(|k| {
        let x = PAD_L + k as f64 * bw;
        let anchor = if k == 0 { "start" } else if k == h.counts.len() { "end" } else { "middle" };
        html! { <text x={format!("{x:.1}")} y={format!("{}", H - 8.0)} text-anchor={anchor} class="tick">{ format!("{}%", percent(h.edges[k.min(h.edges.len() - 1)])) }</text> }
    });
    let summary: Vec<String> = h
        .counts
        .iter()
        .enumerate()
        .map(|(k, c)| format!("{}–{}%: {c}", percent(h.edges[k]), percent(h.edges[k + 1])))
        .collect();
    html! {
        <figure class="histogram">
            <figcaption>{ props.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("{}: {}", props.title, summary.join("; "))}>
                <line x1={PAD_L.to_string()} y1={(H - PAD_B).to_string()} x2={W.to_string()} y2={(H - PAD_B).to_string()} class="axis" />
                <line x1={PAD_L.to_string()} y1="4" x2={PAD_L.to_string()} y2={(H - PAD_B).to_string()} class="axis" />
                <text x="4" y="14" class="tick">{ max as usize }</text>
                <text x="4" y={(H - PAD_B).to_string()} class="tick">{ "0" }</text>
                <text x="4" y={(H / 2.0).to_string()} class="tick axis-label">{ props.y_label.clone() }</text>
                { for bars }
                { for ticks }
            </svg>
        </figure>
    }
}
