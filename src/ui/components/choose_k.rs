//! On demand: inertia and silhouette for k = 1..8, to help choose the number of segments.

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::discount::features::user_features;
use crate::engine::discount::segments::choose_k;
use crate::engine::error::EngineError;
use crate::present::chart::{ticks, LinearScale};
use crate::present::{engine_error, num, text, Key, Lang};
use crate::ui::Shared;

/// Props of [`ChooseK`].
#[derive(Properties, PartialEq)]
pub struct ChooseKProps {
    /// Language.
    pub lang: Lang,
    /// The data.
    pub data: Shared<Dataset>,
    /// Seed of k-means.
    pub seed: u64,
}

type Curve = Result<Vec<(usize, f64, Option<f64>)>, EngineError>;

const W: f64 = 300.0;
const H: f64 = 150.0;
const LEFT: f64 = 44.0;
const PAD: f64 = 20.0;

/// One series against k, on its own labelled y axis: `from_zero` for a quantity whose size
/// matters (inertia), or the series' own range for one whose changes matter (silhouette).
fn series_chart(title: &str, class: &'static str, points: &[(usize, f64)], kmax: usize, from_zero: bool) -> Html {
    let values: Vec<f64> = points.iter().map(|p| p.1).collect();
    let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    if !lo.is_finite() {
        return html! {};
    }
    let pad = (hi - lo).max(1e-3) * 0.1;
    let domain = if from_zero { (0.0, hi * 1.05) } else { (lo - pad, hi + pad) };
    let x = LinearScale::new((1.0, kmax.max(2) as f64), (LEFT, W - PAD));
    let y = LinearScale::new(domain, (H - PAD, PAD));
    let line: Vec<String> = points.iter().map(|(k, v)| format!("{:.1},{:.1}", x.at(*k as f64), y.at(*v))).collect();
    html! {
        <svg viewBox={format!("0 0 {W} {H}")} aria-hidden="true">
            <text x={LEFT.to_string()} y="12" class="tick">{ title }</text>
            <line x1={LEFT.to_string()} y1={(H - PAD).to_string()} x2={(W - PAD).to_string()} y2={(H - PAD).to_string()} class="axis" />
            <line x1={LEFT.to_string()} y1={PAD.to_string()} x2={LEFT.to_string()} y2={(H - PAD).to_string()} class="axis" />
            { for ticks(domain.0, domain.1, 4).into_iter().map(|t| html! {
                <text x={(LEFT - 4.0).to_string()} y={format!("{:.1}", y.at(t) + 3.0)} text-anchor="end" class="tick">{ num(t) }</text>
            }) }
            <polyline class={class} points={line.join(" ")} />
            { for points.iter().map(|(k, v)| html! { <circle class={class} cx={format!("{:.1}", x.at(*k as f64))} cy={format!("{:.1}", y.at(*v))} r="2.5" /> }) }
            { for (1..=kmax).map(|k| html! {
                <text x={format!("{:.1}", x.at(k as f64))} y={(H - 5.0).to_string()} text-anchor="middle" class="tick">{ k }</text>
            }) }
        </svg>
    }
}

/// The panel.
#[component]
pub fn ChooseK(props: &ChooseKProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let result = use_state(|| None::<(Shared<Dataset>, Curve)>);
    let onclick = {
        let (result, data, seed) = (result.clone(), props.data.clone(), props.seed);
        Callback::from(move |_| {
            let out = choose_k(&user_features(&data), 8, seed);
            result.set(Some((data.clone(), out)));
        })
    };
    let shown = result.as_ref().filter(|(d, _)| *d == props.data).map(|(_, r)| r);
    let chart = match shown {
        Some(Ok(points)) if !points.is_empty() => {
            let kmax = points.iter().map(|p| p.0).max().unwrap_or(2);
            let inertia: Vec<(usize, f64)> = points.iter().map(|p| (p.0, p.1)).collect();
            let silhouette: Vec<(usize, f64)> = points.iter().filter_map(|p| Some((p.0, p.2?))).collect();
            let summary: Vec<String> = points
                .iter()
                .map(|p| {
                    format!(
                        "k={}: {} {:.1}, {} {}",
                        p.0,
                        t(Key::Inertia),
                        p.1,
                        t(Key::Silhouette),
                        p.2.map_or("—".into(), |s| format!("{s:.3}"))
                    )
                })
                .collect();
            html! {
                <figure class="elbow">
                    <div class="row" role="img" aria-label={summary.join("; ")}>
                        { series_chart(t(Key::Inertia), "inertia", &inertia, kmax, true) }
                        { series_chart(t(Key::Silhouette), "silhouette", &silhouette, kmax, false) }
                    </div>
                    <figcaption>{ t(Key::ElbowCaption) }</figcaption>
                    <table class="data-table compact" id="choose-k-table">
                        <thead><tr><th scope="col">{ "k" }</th><th scope="col">{ t(Key::Inertia) }</th><th scope="col">{ t(Key::Silhouette) }</th></tr></thead>
                        <tbody>{ for points.iter().map(|p| html! {
                            <tr><th scope="row">{ p.0 }</th><td class="num">{ format!("{:.1}", p.1) }</td><td class="num">{ p.2.map_or("—".into(), |s| format!("{s:.3}")) }</td></tr>
                        }) }</tbody>
                    </table>
                </figure>
            }
        }
        Some(Err(e)) => html! { <p class="notice error" role="alert">{ engine_error(lang, e) }</p> },
        _ => html! {},
    };
    html! {
        <section class="card" aria-labelledby="choose-k-h">
            <h2 id="choose-k-h">{ t(Key::ChooseK) }</h2>
            <p class="hint">{ t(Key::ChooseKHint) }</p>
            <button id="choose-k" {onclick}>{ t(Key::ChooseK) }</button>
            { chart }
        </section>
    }
}
