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
use crate::engine::similarity::ordering::order;
use crate::engine::similarity::steps::explain_pair;
use crate::engine::similarity::{compute, Measure, SimilarityMatrix, SimilarityParams, ValidSimilarityParams};
use crate::present::precision::precision_note;
use crate::present::{engine_error, text, tr, Key, Lang};
use crate::ui::components::explain_panel::ExplainPanel;
use crate::ui::components::heatmap::Heatmap;
use crate::ui::components::sample_note::SampleNote;
use crate::ui::components::similarity_controls::SimilarityControls;
use crate::ui::state::{Action, SimSettings};
use crate::ui::Shared;

/// Props of [`SimilarityView`].
#[derive(Properties, PartialEq)]
pub struct SimilarityViewProps {
    /// Interface language.
    pub lang: Lang,
    /// The loaded data (compared by identity).
    pub data: Shared<Dataset>,
    /// Bumped on every data change.
    pub version: u64,
    /// The heatmap's settings.
    pub sim: SimSettings,
    /// The chosen cell (row indices), if any.
    pub selected: Option<(usize, usize)>,
    /// Whether the data is the articles' worked example (its step-through points out the articles' slips).
    pub worked_example: bool,
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
            let o = order(&m.values.to_f64(), s.order);
            Computed::Shown { sample, matrix: Shared(Rc::new(m)), order: Shared(Rc::new(o)) }
        }
        Err(EngineError::MatrixTooLarge { n, .. }) => Computed::TooMany { n },
        Err(e) => Computed::Failed(e),
    }
}

/// The view.
#[component]
pub fn SimilarityView(props: &SimilarityViewProps) -> Html {
    let (lang, s) = (props.lang, props.sim);
    let computed: Rc<Computed> = {
        let data = props.data.0.clone();
        use_memo((props.version, s), move |(_, s)| compute_view(&data, s))
    };
    let set = props.dispatch.reform(Action::SetSim);
    let body = match &*computed {
        Computed::Failed(e) => {
            html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        Computed::TooMany { n } => way_out(lang, &props.data.0.ratings, s, *n, set.clone()),
        Computed::Shown { sample, matrix, order } => shown(props, sample.as_ref(), matrix, order),
    };
    html! {
        <div class="similarity-view">
            <SimilarityControls {lang} settings={s} measures={Measure::for_kind(s.kind)}
                on_kind={set.reform(move |kind| with_kind(s, kind))}
                on_measure={set.reform(move |measure| with_measure(s, measure))}
                on_change={set} />
            { body }
        </div>
    }
}

/// The settings with another kind: users drop an item-only measure for Pearson.
fn with_kind(s: SimSettings, kind: Kind) -> SimSettings {
    let measure = if s.measure.applies_to(kind) { s.measure } else { Measure::Pearson };
    SimSettings { kind, measure, ..s }
}

/// The settings with another measure: only cosine may count an unrated cell as 0.
fn with_measure(s: SimSettings, measure: Measure) -> SimSettings {
    SimSettings { measure, zero_fill: s.zero_fill && measure.may_zero_fill(), ..s }
}

/// The heatmap, the step-through of the chosen cell beside it, and the sample's note above
/// when the rows are a sample.
fn shown(
    props: &SimilarityViewProps,
    sample: Option<&Rc<Ratings>>,
    matrix: &Shared<SimilarityMatrix>,
    order: &Shared<Vec<usize>>,
) -> Html {
    let (lang, s, dispatch) = (props.lang, props.sim, &props.dispatch);
    let ratings = sample.map_or(&props.data.0.ratings, |r| &**r);
    let kind_label = text(lang, if s.kind == Kind::User { Key::KindUser } else { Key::KindItem });
    let on_select = dispatch.reform(|cell: (usize, usize)| Action::Select(Some(cell)));
    let note = sample.map(|r| {
        let set = dispatch.reform(Action::SetSim);
        let (k, n) = (r.ids(s.kind).len(), props.data.0.ratings.ids(s.kind).len());
        html! {
            <SampleNote {lang} kind={s.kind} {k} {n} seed={SAMPLE_SEED}
                on_size={set.reform(move |k| SimSettings { sample: Some(k), ..s })}
                on_all={set.reform(move |()| SimSettings { sample: None, ..s })} />
        }
    });
    let explain = explain(props, ratings, matrix);
    // Said only when the 64-bit matrix would exceed the budget (never below MAX_DRAWN_ROWS today).
    let precision = precision_note(lang, matrix).map(|t| html! { <p class="hint" id="sim-precision">{ t }</p> });
    html! {
        <>
        { note.unwrap_or_default() }
        { precision.unwrap_or_default() }
        <div class="similarity-body">
            <Heatmap matrix={matrix.clone()} order={order.clone()} selected={props.selected} {lang} {kind_label} {on_select} />
            <div class="side">
                { explain.unwrap_or_else(|| html! { <p class="hint">{ text(lang, Key::ClickHint) }</p> }) }
            </div>
        </div>
        </>
    }
}

/// Neighbours of the chosen row listed beside its step-through.
const EXPLAIN_NEIGHBOURS: usize = 5;

/// The step-through of the chosen cell of `m` (computed over `ratings`), if a cell of it is chosen.
fn explain(props: &SimilarityViewProps, ratings: &Ratings, m: &SimilarityMatrix) -> Option<Html> {
    let (a, b) = props.selected.filter(|&(a, b)| a < m.len() && b < m.len())?;
    let p = params(&props.sim).ok()?;
    let data = &props.data.0;
    let items = (!data.items.items.is_empty()).then_some(&data.items);
    let explanation = explain_pair(ratings, items, &p, a, b).ok()?;
    let neighbours = top_k(m, a, EXPLAIN_NEIGHBOURS, NeighbourFilter::Similar);
    let worked_example = props.worked_example;
    Some(html! { <ExplainPanel {explanation} {neighbours} {worked_example} lang={props.lang} /> })
}

/// A matrix too large to compute or draw whole: say so, and offer the other kind (when it
/// fits) or a seeded random sample of the rows.
fn way_out(lang: Lang, ratings: &Ratings, s: SimSettings, n: usize, set: Callback<SimSettings>) -> Html {
    let t = |k: Key| text(lang, k);
    let other = if s.kind == Kind::User { Kind::Item } else { Kind::User };
    let other_n = ratings.ids(other).len();
    let switch = (other_n <= MAX_DRAWN_ROWS && dense_matrix_bytes(other_n) <= DENSE_MATRIX_BUDGET_BYTES).then(|| {
        let set = set.clone();
        let next = SimSettings { sample: None, ..with_kind(s, other) };
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
