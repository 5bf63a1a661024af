//! The runs so far: a table of every metric and a chart of mean RMSE by run, bars from zero.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::evaluate::CvRun;
use crate::present::chart::bar_lengths;
use crate::present::{num, text, Key, Lang};

/// Props of [`EvalResults`].
#[derive(Properties, PartialEq)]
pub struct EvalResultsProps {
    /// Language.
    pub lang: Lang,
    /// The runs, oldest first.
    pub runs: Rc<Vec<CvRun>>,
}

/// The table and the chart.
#[component]
pub fn EvalResults(props: &EvalResultsProps) -> Html {
    let t = |k: Key| text(props.lang, k);
    let runs = &props.runs;
    if runs.is_empty() {
        return html! { <section class="card"><p class="hint">{ t(Key::NoResults) }</p></section> };
    }
    html! {
        <section class="card">
            <div class="table-scroll" tabindex="0">
                <table class="data-table" id="eval-table">
                    <thead><tr>
                        <th scope="col">{ t(Key::ColAlgo) }</th>
                        <th scope="col">{ t(Key::ColRmse) }</th>
                        <th scope="col">{ t(Key::ColMae) }</th>
                        <th scope="col">{ t(Key::ColFcp) }</th>
                        <th scope="col">{ t(Key::ColPrecision) }</th>
                        <th scope="col">{ t(Key::ColRecall) }</th>
                        <th scope="col">{ t(Key::ColNdcg) }</th>
                        <th scope="col">{ t(Key::ColTime) }</th>
                    </tr></thead>
                    <tbody>{ for runs.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ r.label.clone() }</th>
                            <td class="num">{ num(r.mean.rmse) }</td>
                            <td class="num">{ num(r.mean.mae) }</td>
                            <td class="num">{ r.mean.fcp.map(num).unwrap_or_else(|| "—".into()) }</td>
                            <td class="num">{ num(r.mean.precision) }</td>
                            <td class="num">{ num(r.mean.recall) }</td>
                            <td class="num">{ num(r.mean.ndcg) }</td>
                            <td class="num">{ format!("{:.0}", r.mean.fit_ms + r.mean.test_ms) }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </div>
            { rmse_chart(t(Key::RmseChart), runs) }
        </section>
    }
}

/// Mean RMSE by run as bars from zero (their lengths in the ratio of the RMSEs), the best darker.
fn rmse_chart(caption: &str, runs: &[CvRun]) -> Html {
    let rmse: Vec<f64> = runs.iter().map(|r| r.mean.rmse).collect();
    let best = rmse.iter().copied().fold(f64::INFINITY, f64::min);
    let height = 24 * runs.len() + 8;
    let label = runs.iter().map(|r| format!("{}: {}", r.label, num(r.mean.rmse))).collect::<Vec<_>>().join("; ");
    html! {
        <figure class="bars">
            <figcaption>{ caption }</figcaption>
            <svg id="eval-chart" viewBox={format!("0 0 520 {height}")} role="img" aria-label={label}>
                <line x1="230" x2="230" y1="0" y2={height.to_string()} class="axis" />
                { for runs.iter().zip(bar_lengths(&rmse, 240.0)).enumerate().map(|(k, (r, w))| {
                    let (y, w) = (4 + 24 * k, w.max(2.0) * 0.95);
                    html! { <g>
                        <text x="0" y={(y + 14).to_string()} class="tick">{ r.label.chars().take(36).collect::<String>() }</text>
                        <rect x="230" y={y.to_string()} width={format!("{w:.1}")} height="18" class={if r.mean.rmse == best { "bar best" } else { "bar" }} />
                        <text x={format!("{:.1}", 236.0 + w)} y={(y + 14).to_string()} class="tick">{ num(r.mean.rmse) }</text>
                    </g> }
                }) }
            </svg>
        </figure>
    }
}
