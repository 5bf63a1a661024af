//! The Similarity view: options, the heatmap and the step-through of the chosen cell.

use std::rc::Rc;

use yew::prelude::*;

use super::explain_panel::ExplainPanel;
use super::heatmap::Heatmap;
use super::state::{Action, AppState, Sample, SimSettings};
use super::{on_change, Edit, Shared};
use crate::engine::error::EngineError;
use crate::engine::explain::explain_pair;
use crate::engine::neighbours::{top_k, NeighbourFilter};
use crate::engine::ordering::{order, RowOrder};
use crate::engine::ratings::Kind;
use crate::engine::similarity::{compute, Measure, SimilarityMatrix, SimilarityParams, ValidSimilarityParams};
use crate::i18n::{engine_error, text, tr, Key};

/// Props of [`SimilarityView`].
#[derive(Properties, PartialEq)]
pub struct SimilarityViewProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

fn params(s: &SimSettings) -> Result<ValidSimilarityParams, EngineError> {
    SimilarityParams::new(s.kind, s.measure)
        .min_support(s.min_support)
        .shrinkage(s.shrinkage)
        .zero_fill(s.zero_fill)
        .check()
}

type Computed = Result<(Shared<SimilarityMatrix>, Shared<Vec<usize>>), EngineError>;

/// The view.
#[component]
pub fn SimilarityView(props: &SimilarityViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    let s = state.sim;
    let computed: Rc<Computed> = {
        let data = state.data.clone();
        use_memo((state.version, s), move |(_, s)| {
            let p = params(s)?;
            let items = (!data.items.items.is_empty()).then_some(&data.items);
            let m = compute(&data.ratings, items, &p)?;
            let o = order(&m.values, s.order);
            Ok((Shared(Rc::new(m)), Shared(Rc::new(o))))
        })
    };
    let set = |edit: Edit<SimSettings>| on_change(s, props.dispatch.reform(Action::SetSim), edit);
    let on_kind = set(Box::new(|s, v| {
        s.kind = if v == "item" { Kind::Item } else { Kind::User };
        if s.kind == Kind::User && matches!(s.measure, Measure::AdjustedCosine | Measure::AttributeJaccard) {
            s.measure = Measure::Pearson;
        }
    }));
    let on_measure = set(Box::new(|s, v| {
        if let Ok(m) = Measure::from_name(&v) {
            s.measure = m;
            if m != Measure::Cosine {
                s.zero_fill = false;
            }
        }
    }));
    let on_min_support = set(Box::new(|s, v| {
        if let Ok(n) = v.trim().parse::<usize>() {
            s.min_support = n.min(1_000_000);
        }
    }));
    let on_shrinkage = set(Box::new(|s, v| {
        if let Ok(x) = v.trim().parse::<f64>() {
            if x.is_finite() && x >= 0.0 {
                s.shrinkage = x;
            }
        }
    }));
    let on_zero_fill = set(Box::new(|s, v| s.zero_fill = v == "true"));
    let on_order =
        set(Box::new(|s, v| s.order = if v == "spectral" { RowOrder::Spectral } else { RowOrder::Original }));
    let on_select = {
        let d = props.dispatch.clone();
        Callback::from(move |cell: (usize, usize)| d.emit(Action::Select(Some(cell))))
    };
    let kind_label = if s.kind == Kind::User { t(Key::KindUser) } else { t(Key::KindItem) };
    let measures = Measure::ALL
        .iter()
        .filter(|m| s.kind == Kind::Item || !matches!(m, Measure::AdjustedCosine | Measure::AttributeJaccard));

    let body = match &*computed {
        Err(e) => {
            html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        Ok((m, o)) => {
            let explain = state.selected.filter(|&(a, b)| a < m.len() && b < m.len()).and_then(|(a, b)| {
                let p = params(&s).ok()?;
                let items = (!state.data.items.items.is_empty()).then_some(&state.data.items);
                let e = explain_pair(&state.data.ratings, items, &p, a, b).ok()?;
                let neighbours = top_k(m, a, 5, NeighbourFilter::Similar);
                Some(html! { <ExplainPanel explanation={e} {neighbours} worked_example={state.sample == Some(Sample::Worked)} {lang} /> })
            });
            html! {
                <div class="similarity-body">
                    <Heatmap matrix={m.clone()} order={o.clone()} selected={state.selected} {lang} kind_label={kind_label} {on_select} />
                    <div class="side">
                        { explain.unwrap_or_else(|| html! { <p class="hint">{ t(Key::ClickHint) }</p> }) }
                    </div>
                </div>
            }
        }
    };
    html! {
        <div class="similarity-view">
            <section class="card controls" aria-label={t(Key::TabSimilarity)}>
                <label>{ t(Key::Kind) }
                    <select id="sim-kind" onchange={on_kind}>
                        <option value="user" selected={s.kind == Kind::User}>{ t(Key::KindUser) }</option>
                        <option value="item" selected={s.kind == Kind::Item}>{ t(Key::KindItem) }</option>
                    </select>
                </label>
                <label>{ t(Key::Measure) }
                    <select id="sim-measure" onchange={on_measure}>
                        { for measures.map(|m| html! { <option value={m.name()} selected={*m == s.measure}>{ m.name() }</option> }) }
                    </select>
                </label>
                <label>{ t(Key::MinSupport) }
                    <input id="sim-min-support" class="narrow" type="number" min="0" value={s.min_support.to_string()} onchange={on_min_support} />
                </label>
                if s.measure == Measure::PearsonBaseline {
                    <label>{ t(Key::Shrinkage) }
                        <input id="sim-shrinkage" class="narrow" type="number" min="0" step="any" value={s.shrinkage.to_string()} onchange={on_shrinkage} />
                    </label>
                }
                if s.measure == Measure::Cosine {
                    <label class="check"><input id="sim-zero-fill" type="checkbox" checked={s.zero_fill} onchange={on_zero_fill} />{ t(Key::ZeroFill) }</label>
                }
                <label>{ t(Key::Order) }
                    <select id="sim-order" onchange={on_order}>
                        <option value="original" selected={s.order == RowOrder::Original}>{ t(Key::OrderOriginal) }</option>
                        <option value="spectral" selected={s.order == RowOrder::Spectral}>{ t(Key::OrderSpectral) }</option>
                    </select>
                </label>
            </section>
            { body }
        </div>
    }
}
