//! The Evaluate view: cross-validation of any algorithm on the loaded data, run in a
//! Web Worker (`www/worker.js`, the same engine through the JS API) with a progress bar
//! and a cancel button, a results table and a chart of RMSE by run.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::error::EngineError;
use crate::engine::evaluate::CvRun;
use crate::engine::predict::{fit_explainable, recommend, Explain, Trainset, ALGO_NAMES};
use crate::engine::similarity::Measure;
use crate::options::evaluate::{CvOptions, FoldText, GridValues};
use crate::present::chart::bar_lengths;
use crate::present::csv::ratings_csv;
use crate::present::num;
use crate::present::{engine_error, text, tr, Key};
use crate::ui::browser::read_file;
use crate::ui::components::file_picker::FilePicker;
use crate::ui::components::prediction_panel::PredictionPanel;
use crate::ui::state::{Action, AppState};
use crate::ui::Shared;
use crate::ui::{on_change, Edit};

/// Props of [`EvaluateView`].
#[derive(Properties, PartialEq)]
pub struct EvaluateViewProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// A running worker and the handler that must live as long as it.
struct WorkerHandle {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Running { done: u32, total: u32 },
    Cancelled,
    Failed(String),
}

fn field(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn spawn_worker(on_message: Closure<dyn FnMut(web_sys::MessageEvent)>) -> Option<WorkerHandle> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("./worker.js", &options).ok()?;
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(WorkerHandle { worker, _on_message: on_message })
}

/// The view.
#[component]
pub fn EvaluateView(props: &EvaluateViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    let form = use_state(CvOptions::default);
    let status = use_state(|| Status::Idle);
    let worker: Rc<RefCell<Option<WorkerHandle>>> = use_mut_ref(|| None);
    let grid_on = use_state(|| false);
    let grid_text = use_state(|| {
        ["10, 20, 40".to_string(), "msd, pearson".to_string(), "50, 100".to_string(), "10, 20".to_string()]
    });
    // Predefined folds read from files: (names, folds) or the unmatched names.
    let fold_files = use_state(|| None::<Result<(Vec<String>, Vec<FoldText>), Vec<String>>>);
    {
        // Leaving the view stops a running evaluation.
        let worker = worker.clone();
        use_effect_with((), move |_| move || drop(worker.borrow_mut().take()));
    }
    let o = (*form).clone();
    let set = |edit: Edit<CvOptions>| {
        let form = form.clone();
        on_change(o.clone(), Callback::from(move |next| form.set(next)), edit)
    };
    let num_opt = |v: String| v.trim().parse::<usize>().ok();
    let on_algo = set(Box::new(|o, v| o.algo.algo = v));
    let on_k = set(Box::new(move |o, v| o.algo.k = num_opt(v)));
    let on_min_k = set(Box::new(move |o, v| o.algo.min_k = num_opt(v)));
    let on_kind = set(Box::new(|o, v| o.algo.kind = v.parse().ok()));
    let on_measure = set(Box::new(|o, v| o.algo.measure = v.parse().ok()));
    let on_factors = set(Box::new(move |o, v| o.algo.factors = num_opt(v)));
    let on_epochs = set(Box::new(move |o, v| o.algo.epochs = num_opt(v)));
    let on_folds = set(Box::new(move |o, v| o.folds = num_opt(v)));
    let on_top_k = set(Box::new(move |o, v| o.top_k = num_opt(v)));
    let on_threshold = set(Box::new(|o, v| o.threshold = v.trim().parse::<f64>().ok()));

    let on_run = {
        let (worker, status, dispatch, data) =
            (worker.clone(), status.clone(), props.dispatch.clone(), state.data.clone());
        let options = o.clone();
        let grid = grid_on.then(|| parse_grid(&grid_text)).transpose();
        let folds = match &*fold_files {
            Some(Ok((_, f))) => Some(f.clone()),
            _ => None,
        };
        Callback::from(move |_| {
            // A value that is not a number or a measure is said, not silently dropped.
            let grid = match &grid {
                Ok(g) => g.clone(),
                Err(word) => {
                    status.set(Status::Failed(tr(lang, Key::GridValueRefused, &[("value", word.clone())])));
                    return;
                }
            };
            let (status2, dispatch2, worker2) = (status.clone(), dispatch.clone(), worker.clone());
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let progress = field(&data, "progress");
                if !progress.is_undefined() {
                    let done = field(&progress, "done").as_f64().unwrap_or(0.0) as u32;
                    let total = field(&progress, "total").as_f64().unwrap_or(0.0) as u32;
                    status2.set(Status::Running { done, total });
                    return;
                }
                let report = field(&data, "report");
                if !report.is_undefined() {
                    let runs = if js_sys::Array::is_array(&report) {
                        serde_wasm_bindgen::from_value::<Vec<CvRun>>(report)
                    } else {
                        serde_wasm_bindgen::from_value::<CvRun>(report).map(|r| vec![r])
                    };
                    match runs {
                        Ok(runs) => {
                            for r in runs {
                                dispatch2.emit(Action::AddEvalRun(r));
                            }
                            status2.set(Status::Idle);
                        }
                        Err(e) => status2.set(Status::Failed(e.to_string())),
                    }
                } else {
                    status2.set(Status::Failed(field(&data, "error").as_string().unwrap_or_default()));
                    // A failed run may have left the worker in a bad state: start afresh next time.
                    drop(worker2.borrow_mut().take());
                }
            });
            // The worker (and its loaded engine) is kept between runs; cancelling ends it.
            if worker.borrow().is_none() {
                match spawn_worker(on_message) {
                    Some(handle) => *worker.borrow_mut() = Some(handle),
                    None => {
                        status.set(Status::Failed(text(lang, Key::WorkersUnavailable).into()));
                        return;
                    }
                }
            }
            let guard = worker.borrow();
            let Some(handle) = guard.as_ref() else { return };
            let message = js_sys::Object::new();
            let csv = ratings_csv(&data.ratings);
            let _ = js_sys::Reflect::set(&message, &"id".into(), &JsValue::from_f64(1.0));
            let _ = js_sys::Reflect::set(
                &message,
                &"kind".into(),
                &JsValue::from_str(if grid.is_some() { "grid" } else { "evaluate" }),
            );
            let _ = js_sys::Reflect::set(&message, &"ratings".into(), &JsValue::from_str(&csv));
            let scale = data.ratings.scale();
            let mut options = options.clone();
            options.scale = Some((scale.lo, scale.hi));
            options.grid = grid.clone();
            options.fold_files = folds.clone();
            let js_options = serde::Serialize::serialize(&options, &serde_wasm_bindgen::Serializer::json_compatible())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = js_sys::Reflect::set(&message, &"options".into(), &js_options);
            if handle.worker.post_message(&message).is_err() {
                status.set(Status::Failed(text(lang, Key::WorkerStartFailed).into()));
                return;
            }
            let folds_n = options.fold_files.as_ref().map(Vec::len).unwrap_or(options.folds.unwrap_or(5));
            status.set(Status::Running { done: 0, total: folds_n as u32 });
        })
    };
    let on_cancel = {
        let (worker, status) = (worker.clone(), status.clone());
        Callback::from(move |_| {
            drop(worker.borrow_mut().take());
            status.set(Status::Cancelled);
        })
    };
    let on_clear = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ClearEvalRuns))
    };
    // The chosen algorithm fitted on all loaded ratings, for recommendations and 'why'.
    type Fitted = Result<(Shared<Trainset>, Shared<Box<dyn Explain>>), EngineError>;
    let fitted: Rc<Fitted> = {
        let data = state.data.clone();
        use_memo((state.version, o.algo.clone()), move |(_, opts)| {
            let spec = opts.check()?;
            let train = Trainset::new(data.ratings.clone());
            let model = fit_explainable(&spec, &train)?;
            Ok((Shared(Rc::new(train)), Shared(Rc::new(model))))
        })
    };
    let users = state.data.ratings.user_ids();
    let chosen_user = use_state(|| None::<String>);
    let chosen_item = use_state(|| None::<String>);
    let user = chosen_user
        .as_ref()
        .filter(|u| state.data.ratings.user_index(u).is_some())
        .cloned()
        .or_else(|| users.first().cloned());
    // A typed user who is not in the data is said, not silently replaced by the first one.
    let unknown_user = chosen_user.as_ref().filter(|u| !u.is_empty() && state.data.ratings.user_index(u).is_none());
    let on_user = {
        let (chosen_user, chosen_item) = (chosen_user.clone(), chosen_item.clone());
        Callback::from(move |e: Event| {
            use yew::TargetCast;
            chosen_user.set(Some(e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().to_string()));
            chosen_item.set(None);
        })
    };
    let on_item = {
        let chosen_item = chosen_item.clone();
        Callback::from(move |e: Event| {
            use yew::TargetCast;
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().to_string();
            chosen_item.set((!v.is_empty()).then_some(v));
        })
    };
    let recs_html = match (&*fitted, &user) {
        (Err(e), _) => {
            html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        (Ok(_), None) => html! {},
        (Ok((train, model)), Some(u)) => {
            let recs = recommend(model.as_algorithm(), train, u, 10).unwrap_or_default();
            let why = chosen_item.as_ref().map(|i| model.explain(train, u, i));
            let r = train.ratings();
            let actual = chosen_item.as_ref().and_then(|i| r.get(r.user_index(u)?, r.item_index(i)?));
            html! { <>
                if let Some(unknown) = unknown_user {
                    <p class="notice warning" role="status" id="eval-unknown-user">{ tr(lang, Key::UnknownUserShowing, &[("id", unknown.to_string()), ("user", u.to_string())]) }</p>
                }
                if recs.is_empty() {
                    <p class="hint" id="recs-none">{ tr(lang, Key::NothingToRecommend, &[("user", u.to_string())]) }</p>
                } else {
                    <h3>{ tr(lang, Key::Recommendations, &[("n", recs.len().to_string()), ("user", u.to_string())]) }</h3>
                }
                <ol class="recs" id="recs">{ for recs.iter().map(|p| {
                    let (item, chosen_item) = (p.item.clone(), chosen_item.clone());
                    html! { <li>
                        { format!("{} — {} {} ", p.item, t(Key::Predicted), num(p.est)) }
                        <button class="link" aria-label={format!("{} {}", t(Key::Explain), p.item)}
                            onclick={Callback::from(move |_| chosen_item.set(Some(item.clone())))}>{ t(Key::Explain) }</button>
                    </li> }
                }) }</ol>
                if let Some(e) = why {
                    <PredictionPanel actual={actual} explanation={e} {lang} />
                }
            </> }
        }
    };
    let on_grid_toggle = {
        let grid_on = grid_on.clone();
        Callback::from(move |e: Event| {
            use yew::TargetCast;
            grid_on.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
        })
    };
    let grid_input = |k: usize| {
        let grid_text = grid_text.clone();
        Callback::from(move |e: Event| {
            use yew::TargetCast;
            let mut next = (*grid_text).clone();
            next[k] = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            grid_text.set(next);
        })
    };
    let on_fold_files = {
        let fold_files = fold_files.clone();
        Callback::from(move |e: Event| {
            use yew::TargetCast;
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|k| list.get(k)).collect();
            let fold_files = fold_files.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut named = Vec::new();
                for f in files {
                    let name = f.name();
                    if let Ok(bytes) = read_file(f).await {
                        named.push((name, String::from_utf8_lossy(&bytes).into_owned()));
                    }
                }
                fold_files.set(Some(pair_fold_files(named)));
            });
            input.set_value("");
        })
    };
    let on_clear_folds = {
        let fold_files = fold_files.clone();
        Callback::from(move |_| fold_files.set(None))
    };
    let algo = o.algo.algo.as_str();
    let is_knn = algo.starts_with("knn-");
    let is_svd = algo == "svd";
    let running = matches!(*status, Status::Running { .. });
    let runs = &state.eval_runs;
    let best = runs.iter().map(|r| r.mean.rmse).fold(f64::INFINITY, f64::min);
    html! {
        <div class="evaluate-view">
            <section class="card controls" aria-label={t(Key::TabEvaluate)}>
                <p class="hint intro">{ t(Key::EvalIntro) }</p>
                <label>{ t(Key::Algorithm) }
                    <select id="eval-algo" onchange={on_algo}>
                        { for ALGO_NAMES.iter().map(|n| html! { <option value={*n} selected={*n == algo}>{ *n }</option> }) }
                    </select>
                </label>
                if is_knn {
                    <label>{ t(Key::K) }<input id="eval-k" class="narrow" type="number" min="1" value={o.algo.k.unwrap_or(40).to_string()} onchange={on_k} /></label>
                    <label>{ t(Key::MinK) }<input id="eval-min-k" class="narrow" type="number" min="1" value={o.algo.min_k.unwrap_or(1).to_string()} onchange={on_min_k} /></label>
                    <label>{ t(Key::Kind) }
                        <select id="eval-kind" onchange={on_kind}>
                            <option value="user" selected={o.algo.kind != Some(Kind::Item)}>{ t(Key::KindUser) }</option>
                            <option value="item" selected={o.algo.kind == Some(Kind::Item)}>{ t(Key::KindItem) }</option>
                        </select>
                    </label>
                    <label>{ t(Key::Measure) }
                        <select id="eval-measure" onchange={on_measure}>
                            { for Measure::ALL.iter().take(4).map(|m| html! {
                                <option value={m.name()} selected={o.algo.measure.unwrap_or(Measure::Msd) == *m}>{ m.name() }</option>
                            }) }
                        </select>
                    </label>
                }
                if is_svd {
                    <label>{ t(Key::Factors) }<input id="eval-factors" class="narrow" type="number" min="1" value={o.algo.factors.unwrap_or(100).to_string()} onchange={on_factors} /></label>
                    <label>{ t(Key::Epochs) }<input id="eval-epochs" class="narrow" type="number" min="1" value={o.algo.epochs.unwrap_or(20).to_string()} onchange={on_epochs} /></label>
                }
                <label>{ t(Key::Folds) }<input id="eval-folds" class="narrow" type="number" min="2" max="20" value={o.folds.unwrap_or(5).to_string()} onchange={on_folds} /></label>
                <label>{ t(Key::TopK) }<input id="eval-top-k" class="narrow" type="number" min="1" value={o.top_k.unwrap_or(10).to_string()} onchange={on_top_k} /></label>
                <label>{ t(Key::Threshold) }<input id="eval-threshold" class="narrow" type="number" step="any" value={o.threshold.unwrap_or(4.0).to_string()} onchange={on_threshold} /></label>
                <label class="check"><input id="eval-grid" type="checkbox" checked={*grid_on} onchange={on_grid_toggle} />{ t(Key::GridSearch) }</label>
                if *grid_on {
                    <p class="hint intro">{ t(Key::GridSearchHint) }</p>
                    if is_knn {
                        <label>{ t(Key::GridK) }<input id="grid-k" type="text" value={grid_text[0].clone()} onchange={grid_input(0)} /></label>
                        <label>{ t(Key::GridMeasures) }<input id="grid-measures" type="text" value={grid_text[1].clone()} onchange={grid_input(1)} /></label>
                    }
                    if is_svd {
                        <label>{ t(Key::GridFactors) }<input id="grid-factors" type="text" value={grid_text[2].clone()} onchange={grid_input(2)} /></label>
                        <label>{ t(Key::GridEpochs) }<input id="grid-epochs" type="text" value={grid_text[3].clone()} onchange={grid_input(3)} /></label>
                    }
                }
                <div class="field">
                    <span id="fold-files-h">{ t(Key::FoldFiles) }</span>
                    <FilePicker id="eval-fold-files" multiple=true accept=".base,.test,.csv,.txt,.data" lang={lang} labelled_by="fold-files-h" onchange={on_fold_files} />
                </div>
                { match &*fold_files {
                    Some(Ok((names, folds))) => html! { <p class="hint intro" id="fold-files-status">
                        { tr(lang, Key::FoldFilesLoaded, &[("n", folds.len().to_string()), ("names", names.join(", "))]) }{ " " }
                        <button class="link" onclick={on_clear_folds}>{ t(Key::UseKFold) }</button>
                    </p> },
                    Some(Err(unmatched)) => html! { <p class="error intro" role="alert">{ tr(lang, Key::FoldFilesBad, &[("names", unmatched.join(", "))]) }</p> },
                    None => html! {},
                } }
                <div class="row">
                    <button id="eval-run" onclick={on_run} disabled={running}>{ t(Key::Run) }</button>
                    <button id="eval-cancel" onclick={on_cancel} disabled={!running}>{ t(Key::Cancel) }</button>
                    <button id="eval-clear" onclick={on_clear} disabled={runs.is_empty()}>{ t(Key::ClearResults) }</button>
                </div>
                <div class="eval-status" aria-live="polite">
                    { match &*status {
                        Status::Running { done, total } => html! { <>
                            <progress id="eval-progress" max={total.max(&1).to_string()} value={done.to_string()}></progress>
                            { " " }{ tr(lang, Key::Running, &[("done", (done + 1).min(*total).to_string()), ("total", total.to_string())]) }
                        </> },
                        Status::Cancelled => html! { <span id="eval-cancelled">{ t(Key::Cancelled) }</span> },
                        Status::Failed(why) => html! { <span class="error" role="alert">{ tr(lang, Key::EvalFailed, &[("reason", why.clone())]) }</span> },
                        Status::Idle => html! {},
                    } }
                </div>
            </section>
            <section class="card">
                if runs.is_empty() {
                    <p class="hint">{ t(Key::NoResults) }</p>
                } else {
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
                    <figure class="bars">
                        <figcaption>{ t(Key::RmseChart) }</figcaption>
                        <svg id="eval-chart" viewBox={format!("0 0 520 {}", 24 * runs.len() + 8)} role="img"
                            aria-label={runs.iter().map(|r| format!("{}: {}", r.label, num(r.mean.rmse))).collect::<Vec<_>>().join("; ")}>
                            <line x1="230" x2="230" y1="0" y2={(24 * runs.len() + 8).to_string()} class="axis" />
                            { for runs.iter().zip(bar_lengths(&runs.iter().map(|r| r.mean.rmse).collect::<Vec<_>>(), 240.0)).enumerate().map(|(k, (r, w))| {
                                // Bars start at zero: their lengths are in the ratio of the RMSEs.
                                let y = 4 + 24 * k;
                                html! { <g>
                                    <text x="0" y={(y + 14).to_string()} class="tick">{ r.label.chars().take(36).collect::<String>() }</text>
                                    <rect x="230" y={y.to_string()} width={format!("{:.1}", w.max(2.0) * 0.95)} height="18" class={if r.mean.rmse == best { "bar best" } else { "bar" }} />
                                    <text x={format!("{:.1}", 236.0 + w.max(2.0) * 0.95)} y={(y + 14).to_string()} class="tick">{ num(r.mean.rmse) }</text>
                                </g> }
                            }) }
                        </svg>
                    </figure>
                }
            </section>
            <section class="card recommendations" aria-labelledby="recs-h">
                <h2 id="recs-h">{ t(Key::WhyPrediction) }</h2>
                <p class="hint">{ t(Key::FitNote) }</p>
                <div class="controls">
                <label>{ t(Key::PickUser) }
                    <input id="eval-user" list="eval-users" class="narrow" value={user.clone().unwrap_or_default()} onchange={on_user} />
                    <datalist id="eval-users">{ for users.iter().take(2000).map(|u| html! { <option value={u.clone()} /> }) }</datalist>
                </label>
                <label>{ t(Key::PickItem) }
                    <input id="eval-item" list="eval-items" class="narrow" value={(*chosen_item).clone().unwrap_or_default()} onchange={on_item} />
                    <datalist id="eval-items">{ for state.data.ratings.item_ids().iter().take(2000).map(|i| html! { <option value={i.clone()} /> }) }</datalist>
                </label>
                </div>
                { recs_html }
            </section>
        </div>
    }
}

/// The grid lists from the text inputs (k, measures, factors, epochs); empty lists are not
/// searched. The first word that is not a whole number (or a measure) is the error.
fn parse_grid(text: &[String; 4]) -> Result<GridValues, String> {
    fn list<T: std::str::FromStr>(s: &str) -> Result<Option<Vec<T>>, String> {
        let v =
            s.split(',').map(str::trim).filter(|w| !w.is_empty()).map(|w| w.parse::<T>().map_err(|_| w.to_string()));
        let v: Vec<T> = v.collect::<Result<_, _>>()?;
        Ok((!v.is_empty()).then_some(v))
    }
    Ok(GridValues { k: list(&text[0])?, measure: list(&text[1])?, factors: list(&text[2])?, epochs: list(&text[3])? })
}

/// Pairs `name.base` with `name.test` files, in name order; the unmatched names otherwise.
fn pair_fold_files(files: Vec<(String, String)>) -> Result<(Vec<String>, Vec<FoldText>), Vec<String>> {
    let stem = |n: &str, ext: &str| n.strip_suffix(ext).map(str::to_string);
    let mut bases: Vec<(String, String)> =
        files.iter().filter_map(|(n, t)| Some((stem(n, ".base")?, t.clone()))).collect();
    bases.sort_by(|a, b| a.0.cmp(&b.0));
    let tests: Vec<(String, String)> = files.iter().filter_map(|(n, t)| Some((stem(n, ".test")?, t.clone()))).collect();
    let mut unmatched: Vec<String> = files
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| {
            let base = stem(n, ".base");
            let test = stem(n, ".test");
            match (base, test) {
                (Some(s), _) => !tests.iter().any(|(t, _)| *t == s),
                (_, Some(s)) => !bases.iter().any(|(b, _)| *b == s),
                _ => true,
            }
        })
        .collect();
    if !unmatched.is_empty() || bases.is_empty() {
        unmatched.sort();
        return Err(unmatched);
    }
    let folds = bases
        .iter()
        .filter_map(|(s, train)| {
            tests.iter().find(|(t, _)| t == s).map(|(_, test)| FoldText { train: train.clone(), test: test.clone() })
        })
        .collect();
    Ok((bases.into_iter().map(|(s, _)| s).collect(), folds))
}
