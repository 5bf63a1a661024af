//! On demand: inertia and silhouette for k = 1..8, to help choose the number of segments.

use yew::prelude::*;

use super::Shared;
use crate::engine::data::samples::Dataset;
use crate::engine::discount::features::user_features;
use crate::engine::discount::segments::choose_k;
use crate::engine::error::EngineError;
use crate::present::{engine_error, text, Key, Lang};

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

const W: f64 = 360.0;
const H: f64 = 150.0;
const PAD: f64 = 28.0;

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
            let kmax = points.len().max(2) as f64;
            let top = points.iter().map(|p| p.1).fold(0.0, f64::max).max(1e-9);
            let x = |k: usize| PAD + (k as f64 - 1.0) / (kmax - 1.0) * (W - 2.0 * PAD);
            let yi = |v: f64| H - PAD - v / top * (H - 2.0 * PAD);
            let ys = |v: f64| H - PAD - v.clamp(0.0, 1.0) * (H - 2.0 * PAD);
            let inertia: Vec<String> = points.iter().map(|p| format!("{:.1},{:.1}", x(p.0), yi(p.1))).collect();
            let sil: Vec<String> =
                points.iter().filter_map(|p| p.2.map(|s| format!("{:.1},{:.1}", x(p.0), ys(s)))).collect();
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
                    <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary.join("; ")}>
                        <line x1={PAD.to_string()} y1={(H - PAD).to_string()} x2={(W - PAD).to_string()} y2={(H - PAD).to_string()} class="axis" />
                        <polyline class="inertia" points={inertia.join(" ")} />
                        <polyline class="silhouette" points={sil.join(" ")} />
                        { for points.iter().map(|p| html! {
                            <text x={format!("{:.1}", x(p.0))} y={(H - 10.0).to_string()} text-anchor="middle" class="tick">{ p.0 }</text>
                        }) }
                    </svg>
                    <figcaption>
                        <span class="swatch" style="background:#0072B2"></span>{ t(Key::Inertia) }{ " " }
                        <span class="swatch" style="background:#D55E00"></span>{ t(Key::Silhouette) }
                    </figcaption>
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
