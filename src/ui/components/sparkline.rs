//! A tiny SVG line of p(buy | d), with the chosen offer marked.

use yew::prelude::*;

use crate::present::{percent, tr, Key, Lang};

/// Props of [`Sparkline`].
#[derive(Properties, PartialEq)]
pub struct SparklineProps {
    /// Language.
    pub lang: Lang,
    /// (d, p) points, d ascending.
    pub points: Vec<(f64, f64)>,
    /// The chosen d.
    pub mark: f64,
    /// p(buy) at exactly the chosen d, when known (the curve is on a 1-point grid).
    #[prop_or_default]
    pub at_mark: Option<f64>,
}

const W: f64 = 80.0;
const H: f64 = 22.0;

/// The sparkline.
#[component]
pub fn Sparkline(props: &SparklineProps) -> Html {
    let pts = &props.points;
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else { return html! {} };
    let (x0, x1) = (first.0, last.0.max(first.0 + 1e-9));
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max).max(lo + 1e-9);
    let sx = |x: f64| 2.0 + (x - x0) / (x1 - x0) * (W - 4.0);
    let sy = |y: f64| H - 2.0 - (y - lo) / (hi - lo) * (H - 4.0);
    let line: Vec<String> = pts.iter().map(|p| format!("{:.1},{:.1}", sx(p.0), sy(p.1))).collect();
    let marked = pts.iter().min_by(|a, b| (a.0 - props.mark).abs().total_cmp(&(b.0 - props.mark).abs())).copied();
    let label = tr(
        props.lang,
        Key::SparklineLabel,
        &[
            ("p0", format!("{:.3}", first.1)),
            ("p1", format!("{:.3}", last.1)),
            ("d", format!("{:.0}", last.0 * 100.0)),
            ("pm", props.at_mark.or(marked.map(|m| m.1)).map_or_else(String::new, |p| format!("{p:.3}"))),
            ("dm", percent(props.mark * 100.0)),
        ],
    );
    html! {
        <svg class="sparkline" viewBox={format!("0 0 {W} {H}")} width={W.to_string()} height={H.to_string()} role="img" aria-label={label.clone()}>
            <title>{ label }</title>
            <polyline points={line.join(" ")} />
            if let Some(m) = marked {
                <circle cx={format!("{:.1}", sx(m.0))} cy={format!("{:.1}", sy(m.1))} r="2.5" />
            }
        </svg>
    }
}
