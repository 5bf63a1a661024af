//! On demand: the purchase model cross-validated over a small grid of penalties C, with
//! accuracy, precision, recall, F1 and AUC per C.

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::discount::features::user_features;
use crate::engine::discount::propensity::{evaluate_response, DEFAULT_C_GRID};
use crate::engine::error::EngineError;
use crate::engine::evaluate::classification::CGridPoint;
use crate::present::{engine_error, text, tr, Key, Lang};
use crate::ui::Shared;

/// Props of [`ModelCheck`].
#[derive(Properties, PartialEq)]
pub struct ModelCheckProps {
    /// Language.
    pub lang: Lang,
    /// The data.
    pub data: Shared<Dataset>,
    /// Seed of the folds.
    pub seed: u64,
    /// The C the purchase model uses now (`None`: no penalty).
    pub current: Option<f64>,
    /// Use this C for the purchase model.
    pub on_use: Callback<Option<f64>>,
}

type Outcome = Result<(Vec<CGridPoint>, usize), EngineError>;

/// The panel.
#[component]
pub fn ModelCheck(props: &ModelCheckProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let result = use_state(|| None::<(Shared<Dataset>, Outcome)>);
    let onclick = {
        let (result, data, seed) = (result.clone(), props.data.clone(), props.seed);
        Callback::from(move |_| {
            let f = user_features(&data);
            let out = evaluate_response(&data, &f, &DEFAULT_C_GRID, 5, seed);
            result.set(Some((data.clone(), out)));
        })
    };
    // A result for other data is stale.
    let shown = result.as_ref().filter(|(d, _)| *d == props.data).map(|(_, r)| r);
    let f3 = |v: f64| format!("{v:.3}");
    html! {
        <section class="card" aria-labelledby="model-check-h">
            <h2 id="model-check-h">{ t(Key::EvaluateModel) }</h2>
            <p class="hint">{ t(Key::EvaluateModelHint) }</p>
            <button id="model-check" {onclick}>{ t(Key::EvaluateModel) }</button>
            { match shown {
                None => html! {},
                Some(Err(e)) => html! { <p class="notice error" role="alert">{ tr(lang, Key::StrategyUnavailable, &[("reason", engine_error(lang, e))]) }</p> },
                Some(Ok((rows, best))) => html! { <>
                    <table class="data-table compact" id="model-check-table">
                        <thead><tr>
                            <th scope="col">{ t(Key::ColC) }</th>
                            <th scope="col">{ t(Key::ColAccuracy) }</th>
                            <th scope="col">{ t(Key::ColPrecisionShort) }</th>
                            <th scope="col">{ t(Key::ColRecallShort) }</th>
                            <th scope="col">{ t(Key::ColF1) }</th>
                            <th scope="col">{ t(Key::ColAuc) }</th>
                        </tr></thead>
                        <tbody>{ for rows.iter().enumerate().map(|(k, (c, cv))| {
                            let m = &cv.mean;
                            let label = c.map_or_else(|| t(Key::NoPenalty).to_string(), |c| c.to_string());
                            let label = if k == *best { format!("{label} ({})", t(Key::BestMark)) } else { label };
                            html! {
                                <tr class={classes!((k == *best).then_some("current"))}>
                                    <th scope="row">{ label }</th>
                                    <td class="num">{ f3(m.accuracy) }</td>
                                    <td class="num">{ f3(m.precision) }</td>
                                    <td class="num">{ f3(m.recall) }</td>
                                    <td class="num">{ f3(m.f1) }</td>
                                    <td class="num">{ m.auc.map_or("—".into(), f3) }</td>
                                </tr>
                            }
                        }) }</tbody>
                    </table>
                    if let Some((c, _)) = rows.get(*best).filter(|(c, _)| *c != props.current) {
                        <button id="model-use-best" onclick={props.on_use.reform({ let c = *c; move |_| c })}>
                            { tr(lang, Key::UseBestC, &[("c", c.map_or_else(|| t(Key::NoPenalty).to_string(), |c| c.to_string()))]) }
                        </button>
                    }
                </> },
            } }
        </section>
    }
}
