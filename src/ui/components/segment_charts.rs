//! Two views of the segments: offers stacked by segment, and users on the plane of the
//! first two principal components of their (standardised) features.

use yew::prelude::*;

use crate::engine::cluster::pca;
use crate::engine::stats::histogram::histogram;
use crate::engine::strategy::Context;
use crate::present::{percent, text, tr, Key, Lang};
use crate::ui::Shared;

/// Colours of up to 12 segments (Okabe-Ito, then Tableau), readable for colour-blind users.
pub const SEGMENT_COLOURS: [&str; 12] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#8c564b", "#7f7f7f",
    "#bcbd22", "#17becf",
];

fn colour(k: usize) -> &'static str {
    SEGMENT_COLOURS[k % SEGMENT_COLOURS.len()]
}

/// Props of [`SegmentHistogram`].
#[derive(Properties, PartialEq)]
pub struct SegmentHistogramProps {
    /// Language.
    pub lang: Lang,
    /// Offer per user (percent).
    pub offers: Vec<f64>,
    /// Segment per user.
    pub segments: Vec<usize>,
    /// Segment names.
    pub names: Vec<String>,
    /// Right end of the axis (percent).
    pub max: f64,
}

const W: f64 = 420.0;
const H: f64 = 180.0;
const PAD_L: f64 = 36.0;
const PAD_B: f64 = 28.0;
const BINS: usize = 10;

/// Offers histogram, stacked by segment.
#[component]
pub fn SegmentHistogram(props: &SegmentHistogramProps) -> Html {
    let k = props.names.len().max(1);
    let per: Vec<crate::engine::stats::histogram::Histogram> = (0..k)
        .map(|s| {
            let v: Vec<f64> =
                props.offers.iter().zip(&props.segments).filter(|(_, &g)| g == s).map(|(o, _)| *o).collect();
            histogram(&v, 0.0, props.max, BINS)
        })
        .collect();
    let edges = per.first().map(|h| h.edges.clone()).unwrap_or_default();
    let totals: Vec<usize> =
        (0..BINS).map(|b| per.iter().map(|h| h.counts.get(b).copied().unwrap_or(0)).sum()).collect();
    let top = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bw = (W - PAD_L) / BINS as f64;
    let mut rects = Vec::new();
    for b in 0..BINS {
        let mut y = H - PAD_B;
        for (s, h) in per.iter().enumerate() {
            let c = h.counts.get(b).copied().unwrap_or(0);
            if c == 0 {
                continue;
            }
            let bh = (H - PAD_B - 8.0) * c as f64 / top;
            y -= bh;
            let name = props.names.get(s).cloned().unwrap_or_default();
            let label = format!("{}–{}%, {s}: {name}: {c}", percent(edges[b]), percent(edges[b + 1]));
            rects.push(html! {
                <rect x={format!("{:.1}", PAD_L + b as f64 * bw + 1.0)} y={format!("{y:.1}")} width={format!("{:.1}", (bw - 2.0).max(1.0))}
                    height={format!("{bh:.1}")} fill={colour(s)}><title>{ label }</title></rect>
            });
        }
    }
    let title = text(props.lang, Key::OffersBySegment);
    let summary: Vec<String> =
        (0..BINS).map(|b| format!("{}–{}%: {}", percent(edges[b]), percent(edges[b + 1]), totals[b])).collect();
    html! {
        <figure class="histogram card">
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("{title}: {}", summary.join("; "))}>
                <line x1={PAD_L.to_string()} y1={(H - PAD_B).to_string()} x2={W.to_string()} y2={(H - PAD_B).to_string()} class="axis" />
                <line x1={PAD_L.to_string()} y1="4" x2={PAD_L.to_string()} y2={(H - PAD_B).to_string()} class="axis" />
                <text x="4" y="14" class="tick">{ top as usize }</text>
                <text x="4" y={(H - PAD_B).to_string()} class="tick">{ "0" }</text>
                { for rects }
                <text x={PAD_L.to_string()} y={(H - 8.0).to_string()} class="tick">{ "0%" }</text>
                <text x={W.to_string()} y={(H - 8.0).to_string()} text-anchor="end" class="tick">{ format!("{}%", percent(props.max)) }</text>
            </svg>
            <ul class="segment-legend">{ for props.names.iter().enumerate().map(|(s, n)| html! {
                <li><span class="swatch" style={format!("background:{}", colour(s))}></span>{ format!("{s}: {n}") }</li>
            }) }</ul>
        </figure>
    }
}

/// Props of [`SegmentMap`].
#[derive(Properties, PartialEq)]
pub struct SegmentMapProps {
    /// The strategy context (its segmentation is drawn).
    pub ctx: Shared<Option<Context>>,
    /// Language.
    pub lang: Lang,
}

/// Points drawn at most (a deterministic stride beyond).
const MAX_POINTS: usize = 3000;

/// Users on their first two principal components, coloured by segment.
#[component]
pub fn SegmentMap(props: &SegmentMapProps) -> Html {
    let lang = props.lang;
    let projected = use_memo(props.ctx.clone(), |ctx| {
        let seg = (*ctx.0).as_ref()?.segmentation.as_ref().ok()?;
        let p = pca(seg.standardised.view(), 2).ok()?;
        Some((p, seg.labels.clone()))
    });
    let Some((p, labels)) = projected.as_ref() else { return html! {} };
    let scores = &p.scores;
    if scores.ncols() < 2 || scores.nrows() == 0 {
        return html! {};
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for r in 0..scores.nrows() {
        x0 = x0.min(scores[(r, 0)]);
        x1 = x1.max(scores[(r, 0)]);
        y0 = y0.min(scores[(r, 1)]);
        y1 = y1.max(scores[(r, 1)]);
    }
    let (w, h, pad) = (320.0, 240.0, 14.0);
    let sx = |x: f64| pad + (x - x0) / (x1 - x0).max(1e-9) * (w - 2.0 * pad);
    let sy = |y: f64| h - pad - (y - y0) / (y1 - y0).max(1e-9) * (h - 2.0 * pad);
    let stride = scores.nrows().div_ceil(MAX_POINTS).max(1);
    let points = (0..scores.nrows()).step_by(stride).map(|r| {
        html! { <circle cx={format!("{:.1}", sx(scores[(r, 0)]))} cy={format!("{:.1}", sy(scores[(r, 1)]))} r="2.5" fill={colour(labels[r])} /> }
    });
    let ratio = |k: usize| p.explained_variance_ratio.get(k).map_or("—".into(), |v| format!("{:.0}%", v * 100.0));
    let caption = tr(lang, Key::SegmentMapCaption, &[("pc1", ratio(0)), ("pc2", ratio(1))]);
    html! {
        <figure class="segment-map card">
            <figcaption>{ text(lang, Key::SegmentMap) }</figcaption>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={caption.clone()}>
                { for points }
            </svg>
            <p class="hint">{ caption }</p>
        </figure>
    }
}
