//! The step-through panel for one pair: compared ratings, partial sums and the
//! arithmetic with the real numbers, plus the nearest neighbours of the first row.

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::similarity::neighbours::Neighbour;
use crate::engine::similarity::steps::PairExplanation;
use crate::engine::similarity::Measure;
use crate::present::num;
use crate::present::{step_label, text, tr, Key, Lang};

/// Props of [`ExplainPanel`].
#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    /// The explanation.
    pub explanation: PairExplanation,
    /// Nearest neighbours of the first row.
    pub neighbours: Vec<Neighbour>,
    /// Whether the data is the articles' worked example (to point out its slips).
    pub worked_example: bool,
    /// Language.
    pub lang: Lang,
}

/// The panel.
#[component]
pub fn ExplainPanel(props: &ExplainProps) -> Html {
    let e = &props.explanation;
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let column = match (e.measure, e.kind) {
        (Measure::AttributeJaccard, _) => t(Key::ColumnAttribute),
        (_, Kind::User) => t(Key::ColumnItem),
        (_, Kind::Item) => t(Key::ColumnUser),
    };
    let cell = |v: Option<f64>| v.map(num).unwrap_or_else(|| "—".into());
    let shows_used = matches!(e.measure, Measure::PearsonBaseline | Measure::AdjustedCosine);
    let title = tr(lang, Key::ExplainTitle, &[("a", e.a.clone()), ("b", e.b.clone()), ("value", num(e.value))]);
    let article = props.worked_example && e.measure == Measure::Cosine && e.kind == Kind::User;
    html! {
        <section class="card explain" aria-live="polite" id="explain">
            <h2>{ title }</h2>
            if e.rows.is_empty() {
                <p>{ t(Key::NoCommon) }</p>
            } else {
                <div class="table-scroll" tabindex="0">
                    <table class="compact">
                        <thead><tr>
                            <th scope="col">{ column }</th>
                            <th scope="col">{ tr(lang, Key::RatingOf, &[("id", e.a.clone())]) }</th>
                            <th scope="col">{ tr(lang, Key::RatingOf, &[("id", e.b.clone())]) }</th>
                            if shows_used {
                                <th scope="col">{ tr(lang, Key::UsedValue, &[("id", e.a.clone())]) }</th>
                                <th scope="col">{ tr(lang, Key::UsedValue, &[("id", e.b.clone())]) }</th>
                            }
                        </tr></thead>
                        <tbody>{ for e.rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.id.clone() }</th>
                                <td>{ cell(r.a) }</td><td>{ cell(r.b) }</td>
                                if shows_used { <td>{ num(r.a_used) }</td><td>{ num(r.b_used) }</td> }
                            </tr>
                        }) }</tbody>
                    </table>
                </div>
            }
            <ol class="steps">
                { for e.steps.iter().map(|s| html! {
                    <li><span class="step-label">{ step_label(lang, s.label) }</span>{ ": " }<code>{ s.expression.clone() }</code></li>
                }) }
            </ol>
            if e.measure == Measure::Cosine { <p class="hint">{ t(Key::CosineNote) }</p> }
            if article { <p class="note" id="article-note">{ t(Key::ArticleNote) }</p> }
            <h3>{ tr(lang, Key::NeighboursOf, &[("id", e.a.clone())]) }</h3>
            if props.neighbours.is_empty() {
                <p class="hint" id="no-neighbours">{ tr(lang, Key::NoPositiveNeighbour, &[("id", e.a.clone())]) }</p>
            } else {
                <ol class="neighbours">
                    { for props.neighbours.iter().map(|n| html! {
                        <li>{ n.id.clone() }{ format!(" — {} ({})", num(n.similarity), n.support) }</li>
                    }) }
                </ol>
            }
        </section>
    }
}
