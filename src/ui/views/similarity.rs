//! The Similarity view: options, the heatmap and the step-through of the chosen cell.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::data::ratings::Ratings;
use crate::engine::data::row_sample::sample_rows;
use crate::engine::data::samples::Dataset;
use crate::engine::error::EngineError;
use crate::engine::limits::{dense_matrix_bytes, DEFAULT_ROW_SAMPLE, DENSE_MATRIX_BUDGET_BYTES, MAX_DRAWN_ROWS};
use crate::engine::similarity::neighbours::{top_k, NeighbourFilter};
use crate::engine::similarity::ordering::{order, RowOrder};
use crate::engine::similarity::steps::explain_pair;
use crate::engine::similarity::{compute, Measure, SimilarityMatrix, SimilarityParams, ValidSimilarityParams};
use crate::present::{engine_error, text, tr, Key, Lang};
use crate::ui::components::explain_panel::ExplainPanel;
use crate::ui::components::heatmap::Heatmap;
use crate::ui::state::{Action, AppState, Sample, SimSettings};
use crate::ui::{on_change, Edit, Shared};

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

/// The seed of the row sample (fixed, so a sample is the same on every visit and machine).
const SAMPLE_SEED: u64 = 0;

/// What the view shows: the matrix of the rows compared (a sample, or all of them: `None`,
/// the loaded ratings), its row order; or why it cannot be shown whole.
enum Computed {
    Shown { sample: Option<Rc<Ratings>>, matrix: Shared<SimilarityMatrix>, order: Shared<Vec<usize>> },
    TooMany { n: usize },
    Failed(EngineError),
}

fn compute_view(data: &Dataset, s: &SimSettings) -> Computed {
    let n = data.ratings.ids(s.kind).len();
    let sample = match s.sample {
        Some(k) if k < n => match sample_rows(&data.ratings, s.kind, k, SAMPLE_SEED) {
            Ok(r) => Some(Rc::new(r)),
            Err(e) => return Computed::Failed(e),
        },
        _ => None,
    };
    let ratings = sample.as_deref().unwrap_or(&data.ratings);
    let rows = ratings.ids(s.kind).len();
    if rows > MAX_DRAWN_ROWS {
        return Computed::TooMany { n: rows };
    }
    let items = (!data.items.items.is_empty()).then_some(&data.items);
    match params(s).and_then(|p| compute(ratings, items, &p)) {
        Ok(m) => {
            let o = order(&m.values, s.order);
            Computed::Shown { sample, matrix: Shared(Rc::new(m)), order: Shared(Rc::new(o)) }
        }
        Err(EngineError::MatrixTooLarge { n, .. }) => Computed::TooMany { n },
        Err(e) => Computed::Failed(e),
    }
}

/// The view.
#[component]
pub fn SimilarityView(props: &SimilarityViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    let s = state.sim;
    let computed: Rc<Computed> = {
        let data = state.data.clone();
        use_memo((state.version, s), move |(_, s)| compute_view(&data, s))
    };
    let set = |edit: Edit<SimSettings>| on_change(s, props.dispatch.reform(Action::SetSim), edit);
    let on_kind = set(Box::new(|s, v| {
        s.kind = if v == "item" { Kind::Item } else { Kind::User };
        if s.kind == Kind::User && matches!(s.measure, Measure::AdjustedCosine | Measure::AttributeJaccard) {
            s.measure = Measure::Pearson;
        }
    }));
    let on_measure = set(Box::new(|s, v| {
        if let Ok(m) = v.parse::<Measure>() {
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
        Computed::Failed(e) => {
            html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        Computed::TooMany { n } => way_out(lang, &state.data.ratings, s, *n, props.dispatch.reform(Action::SetSim)),
        Computed::Shown { sample, matrix: m, order: o } => {
            let ratings = sample.as_deref().unwrap_or(&state.data.ratings);
            let explain = state.selected.filter(|&(a, b)| a < m.len() && b < m.len()).and_then(|(a, b)| {
                let p = params(&s).ok()?;
                let items = (!state.data.items.items.is_empty()).then_some(&state.data.items);
                let e = explain_pair(ratings, items, &p, a, b).ok()?;
                let neighbours = top_k(m, a, 5, NeighbourFilter::Similar);
                Some(html! { <ExplainPanel explanation={e} {neighbours} worked_example={state.sample == Some(Sample::Worked)} {lang} /> })
            });
            let note = sample.as_ref().map(|r| {
                sample_note(
                    lang,
                    s,
                    r.ids(s.kind).len(),
                    state.data.ratings.ids(s.kind).len(),
                    props.dispatch.reform(Action::SetSim),
                )
            });
            html! {
                <>
                { note.unwrap_or_default() }
                <div class="similarity-body">
                    <Heatmap matrix={m.clone()} order={o.clone()} selected={state.selected} {lang} kind_label={kind_label} {on_select} />
                    <div class="side">
                        { explain.unwrap_or_else(|| html! { <p class="hint">{ t(Key::ClickHint) }</p> }) }
                    </div>
                </div>
                </>
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

/// A matrix too large to compute or draw whole: say so, and offer the other kind (when it
/// fits) or a seeded random sample of the rows.
fn way_out(lang: Lang, ratings: &Ratings, s: SimSettings, n: usize, set: Callback<SimSettings>) -> Html {
    let t = |k: Key| text(lang, k);
    let other = if s.kind == Kind::User { Kind::Item } else { Kind::User };
    let other_n = ratings.ids(other).len();
    let switch = (other_n <= MAX_DRAWN_ROWS && dense_matrix_bytes(other_n) <= DENSE_MATRIX_BUDGET_BYTES).then(|| {
        let set = set.clone();
        let mut next = s;
        next.kind = other;
        next.sample = None;
        if other == Kind::User && matches!(next.measure, Measure::AdjustedCosine | Measure::AttributeJaccard) {
            next.measure = Measure::Pearson;
        }
        let label = if other == Kind::Item { Key::WayOutItems } else { Key::WayOutUsers };
        html! { <button id="sim-switch-kind" onclick={Callback::from(move |_| set.emit(next))}>{ tr(lang, label, &[("n", other_n.to_string())]) }</button> }
    });
    let k = DEFAULT_ROW_SAMPLE.min(n);
    let sample = {
        let mut next = s;
        next.sample = Some(k);
        let label = if s.kind == Kind::User { Key::WayOutSampleUsers } else { Key::WayOutSampleItems };
        html! { <button id="sim-sample" onclick={Callback::from(move |_| set.emit(next))}>{ tr(lang, label, &[("k", k.to_string())]) }</button> }
    };
    let needed_mb = dense_matrix_bytes(n).div_ceil(1024 * 1024);
    let reason = if dense_matrix_bytes(n) > DENSE_MATRIX_BUDGET_BYTES {
        engine_error(
            lang,
            &EngineError::MatrixTooLarge { n, needed_mb, budget_mb: DENSE_MATRIX_BUDGET_BYTES / (1024 * 1024) },
        )
    } else {
        tr(lang, Key::WayOutTooMany, &[("n", n.to_string()), ("max", MAX_DRAWN_ROWS.to_string())])
    };
    html! {
        <section class="card" id="sim-way-out" role="status">
            <h2>{ t(Key::WayOutTitle) }</h2>
            <p>{ reason }</p>
            <div class="row">{ switch.unwrap_or_default() }{ sample }</div>
        </section>
    }
}

/// Says the rows are a sample, and lets the size change or the sample go.
fn sample_note(lang: Lang, s: SimSettings, k: usize, n: usize, set: Callback<SimSettings>) -> Html {
    let key = if s.kind == Kind::User { Key::SampleNoteUsers } else { Key::SampleNoteItems };
    let on_size = on_change(
        s,
        set.clone(),
        Box::new(|s, v| {
            if let Ok(k) = v.trim().parse::<usize>() {
                s.sample = Some(k.clamp(2, MAX_DRAWN_ROWS));
            }
        }),
    );
    let mut all = s;
    all.sample = None;
    html! {
        <section class="card row" id="sim-sample-note">
            <p class="hint">{ tr(lang, key, &[("k", k.to_string()), ("n", n.to_string()), ("seed", SAMPLE_SEED.to_string())]) }</p>
            <label>{ text(lang, Key::SampleSize) }
                <input id="sim-sample-size" class="narrow" type="number" min="2" max={MAX_DRAWN_ROWS.to_string()} value={k.to_string()} onchange={on_size} />
            </label>
            <button id="sim-sample-all" onclick={Callback::from(move |_| set.emit(all))}>{ text(lang, Key::ShowAllRows) }</button>
        </section>
    }
}
