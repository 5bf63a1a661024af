//! The Evaluate view: cross-validation of any algorithm on the loaded data, run in a
//! Web Worker (`www/worker.js`, the same engine through the JS API) with a progress bar
//! and a cancel button, a results table and a chart of RMSE by run, then recommendations
//! and 'why this prediction' for the algorithm chosen.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::evaluate::CvRun;
use crate::options::evaluate::{parse_grid, CvOptions};
use crate::present::csv::ratings_csv;
use crate::present::{text, tr, Key, Lang};
use crate::ui::components::algo_fields::AlgoFields;
use crate::ui::components::eval_results::EvalResults;
use crate::ui::components::fold_files::{FoldFiles, FoldFilesRead};
use crate::ui::components::grid_fields::GridFields;
use crate::ui::components::recommendations::Recommendations;
use crate::ui::state::Action;
use crate::ui::worker::{self, Reply, WorkerHandle};
use crate::ui::Shared;

/// Props of [`EvaluateView`].
#[derive(Properties, PartialEq)]
pub struct EvaluateViewProps {
    /// Interface language.
    pub lang: Lang,
    /// The loaded data (compared by identity).
    pub data: Shared<Dataset>,
    /// Bumped on every data change.
    pub version: u64,
    /// The runs so far, oldest first.
    pub runs: Rc<Vec<CvRun>>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Where a run stands.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Running { done: u32, total: u32 },
    Cancelled,
    Failed(String),
}

/// The worker, kept between runs (its engine is loaded once); `None` before the first run and
/// after a cancel or a failure.
type WorkerSlot = Rc<RefCell<Option<WorkerHandle>>>;

/// The grid lists as first shown: k, measures, factors, epochs.
fn default_grid_text() -> [String; 4] {
    ["10, 20, 40", "msd, pearson", "50, 100", "10, 20"].map(str::to_string)
}

/// The view.
#[component]
pub fn EvaluateView(props: &EvaluateViewProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let form = use_state(CvOptions::default);
    let status = use_state(|| Status::Idle);
    let worker: WorkerSlot = use_mut_ref(|| None);
    let grid_on = use_state(|| false);
    let grid_text = use_state(default_grid_text);
    let fold_files = use_state(|| None as FoldFilesRead);
    {
        // Leaving the view stops a running evaluation.
        let worker = worker.clone();
        use_effect_with((), move |_| move || drop(worker.borrow_mut().take()));
    }
    let on_run = {
        // The options as the worker gets them: the data's scale, the grid, the fold files.
        let mut options = (*form).clone();
        let scale = props.data.0.ratings.scale();
        options.scale = Some((scale.lo, scale.hi));
        options.fold_files = match &*fold_files {
            Some(Ok((_, folds))) => Some(folds.clone()),
            _ => None,
        };
        let grid = grid_on.then(|| parse_grid(&grid_text)).transpose();
        let run = Run { lang, worker: worker.clone(), status: status.clone(), dispatch: props.dispatch.clone() };
        let data = props.data.0.clone();
        Callback::from(move |_| match &grid {
            // A value that is not a number or a measure is said, not silently dropped.
            Err(word) => run.status.set(Status::Failed(tr(lang, Key::GridValueRefused, &[("value", word.clone())]))),
            Ok(grid) => {
                let mut options = options.clone();
                options.grid = grid.clone();
                run.start(&ratings_csv(&data.ratings), &options);
            }
        })
    };
    let on_cancel = {
        let (worker, status) = (worker.clone(), status.clone());
        Callback::from(move |_| {
            drop(worker.borrow_mut().take());
            status.set(Status::Cancelled);
        })
    };
    let on_clear = props.dispatch.reform(|_| Action::ClearEvalRuns);
    let on_form = {
        let form = form.clone();
        Callback::from(move |next| form.set(next))
    };
    let on_grid_text = {
        let grid_text = grid_text.clone();
        Callback::from(move |(k, v): (usize, String)| {
            let mut next = (*grid_text).clone();
            next[k] = v;
            grid_text.set(next);
        })
    };
    let on_grid_toggle = {
        let grid_on = grid_on.clone();
        Callback::from(move |on| grid_on.set(on))
    };
    let on_fold_files = {
        let fold_files = fold_files.clone();
        Callback::from(move |read| fold_files.set(read))
    };
    let takes = form.algo.takes();
    let running = matches!(*status, Status::Running { .. });
    let runs = props.runs.clone();
    html! {
        <div class="evaluate-view">
            <section class="card controls" aria-label={t(Key::TabEvaluate)}>
                <p class="hint intro">{ t(Key::EvalIntro) }</p>
                <AlgoFields {lang} options={(*form).clone()} on_change={on_form} />
                <GridFields {lang} on={*grid_on} texts={(*grid_text).clone()} knn={takes.neighbours} factors={takes.factors} epochs={takes.epochs}
                    on_toggle={on_grid_toggle} on_text={on_grid_text} />
                <FoldFiles {lang} read={(*fold_files).clone()} on_read={on_fold_files} />
                <div class="row">
                    <button id="eval-run" onclick={on_run} disabled={running}>{ t(Key::Run) }</button>
                    <button id="eval-cancel" onclick={on_cancel} disabled={!running}>{ t(Key::Cancel) }</button>
                    <button id="eval-clear" onclick={on_clear} disabled={runs.is_empty()}>{ t(Key::ClearResults) }</button>
                </div>
                <div class="eval-status" aria-live="polite">{ status_line(lang, &status) }</div>
            </section>
            <EvalResults {lang} {runs} />
            <Recommendations {lang} data={props.data.clone()} version={props.version} algo={form.algo.clone()} />
        </div>
    }
}

/// Starting a run: the worker, where its status goes, where its runs go.
struct Run {
    lang: Lang,
    worker: WorkerSlot,
    status: UseStateHandle<Status>,
    dispatch: Callback<Action>,
}

impl Run {
    /// Sends the ratings and options to the worker (started if need be) and shows progress.
    fn start(&self, ratings_csv: &str, options: &CvOptions) {
        if self.worker.borrow().is_none() {
            let (status, dispatch, slot) = (self.status.clone(), self.dispatch.clone(), self.worker.clone());
            let handle = worker::spawn(move |reply| match reply {
                Reply::Progress { done, total } => status.set(Status::Running { done, total }),
                Reply::Runs(runs) => {
                    for r in runs {
                        dispatch.emit(Action::AddEvalRun(r));
                    }
                    status.set(Status::Idle);
                }
                Reply::Failed(why) => {
                    status.set(Status::Failed(why));
                    // A failed run may have left the worker in a bad state: start afresh next time.
                    drop(slot.borrow_mut().take());
                }
            });
            match handle {
                Some(handle) => *self.worker.borrow_mut() = Some(handle),
                None => return self.status.set(Status::Failed(text(self.lang, Key::WorkersUnavailable).into())),
            }
        }
        let sent = self.worker.borrow().as_ref().map(|w| w.evaluate(ratings_csv, options).is_ok());
        if sent != Some(true) {
            return self.status.set(Status::Failed(text(self.lang, Key::WorkerStartFailed).into()));
        }
        let folds = options.fold_files.as_ref().map(Vec::len).unwrap_or(options.folds.unwrap_or(5));
        self.status.set(Status::Running { done: 0, total: folds as u32 });
    }
}

/// The progress bar, or what became of the last run.
fn status_line(lang: Lang, status: &Status) -> Html {
    match status {
        Status::Running { done, total } => html! { <>
            <progress id="eval-progress" max={(*total).max(1).to_string()} value={done.to_string()}></progress>
            { " " }{ tr(lang, Key::Running, &[("done", (done + 1).min(*total).to_string()), ("total", total.to_string())]) }
        </> },
        Status::Cancelled => html! { <span id="eval-cancelled">{ text(lang, Key::Cancelled) }</span> },
        Status::Failed(why) => {
            html! { <span class="error" role="alert">{ tr(lang, Key::EvalFailed, &[("reason", why.clone())]) }</span> }
        }
        Status::Idle => html! {},
    }
}
