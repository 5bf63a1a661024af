//! The Discounts view: every strategy on the same customers — offers with their
//! reasons, guardrails, a budget slider, segments on a map, the comparison of all
//! strategies in money, and a fairness audit. The articles' user formula keeps its
//! step-by-step table below when that strategy is chosen.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::discount::segments::SegmentModel;
use crate::engine::error::EngineError;
use crate::engine::limits::{BUSY_NOTE_USERS, BUSY_NOTE_USERS_LIGHT};
use crate::engine::strategy::AllProposals;
use crate::engine::strategy::{
    finish, prepare, Context, ProposalCache, Strategy, StrategyParams, StrategyReport, UserFormula, ValidStrategyParams,
};
use crate::present::why::segment_names;
use crate::present::{engine_error, text, tr, Key, Lang};
use crate::ui::browser::after_paint;
use crate::ui::components::article_table::ArticleTable;
use crate::ui::components::budget_panel::BudgetPanel;
use crate::ui::components::choose_k::ChooseK;
use crate::ui::components::compare_table::CompareTable;
use crate::ui::components::elasticity_table::ElasticityTable;
use crate::ui::components::fairness_panel::FairnessPanel;
use crate::ui::components::model_check::ModelCheck;
use crate::ui::components::offers_table::OffersTable;
use crate::ui::components::segment_charts::{SegmentHistogram, SegmentMap};
use crate::ui::components::strategy_controls::{set_param, StrategyControls};
use crate::ui::components::strategy_summary::StrategySummary;
use crate::ui::state::{Action, AppState};
use crate::ui::Shared;

/// Props of [`DiscountsView`].
#[derive(Properties, PartialEq)]
pub struct DiscountsViewProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// What the shared context (segments, purchase model) depends on besides the data.
type ContextKey = (usize, u64, bool, usize, Option<u64>, u64);

/// The parameters, checked, or why they cannot run.
type Valid = Result<ValidStrategyParams, EngineError>;

/// Every strategy's proposals, or why there are none.
type Proposals = Rc<Result<AllProposals, EngineError>>;

/// A plan, or why the strategy cannot make one; `None` when it is not made (no context yet,
/// or no budget for the plan under a budget).
type Plan = Option<Result<Rc<StrategyReport>, EngineError>>;

/// The offers before the last budget move, with the settings they were made under.
type Previous = UseStateHandle<Option<(String, Vec<bool>)>>;

/// The strategy parameters that change the shared context (segments, purchase model).
fn context_key(p: &StrategyParams) -> ContextKey {
    let s = &p.segments;
    (s.k, s.seed, s.model == SegmentModel::Gmm, s.restarts, p.response.c.map(f64::to_bits), p.response.seed)
}

/// The parameters the proposals depend on: all but the strategy and the budget.
fn proposal_key(p: &StrategyParams) -> String {
    let mut key = p.clone();
    key.budget = None;
    key.strategy = Strategy::SeedUser;
    format!("{key:?}")
}

/// The parameters the view runs: the stored settings, with the user formula sharing the
/// step-by-step table's measure and K, and clamped and run as that table says, so both agree.
fn run_params(state: &AppState) -> StrategyParams {
    let mut params = state.strategy.clone();
    params.measure = state.disc.measure;
    params.neighbours = state.disc.k;
    params.user_formula = Some(UserFormula { bounds: state.offer_bounds(), as_in_article: state.disc.as_in_article });
    params
}

/// What the "computing" note waits for: refitting the models or the user formula's neighbours
/// (the heavy work) and, on large populations, any other change of the proposals.
fn note_work(state: &AppState, params: &StrategyParams) -> String {
    let heavy = format!("{}|{:?}|{}", state.version, context_key(params), params.proposal_key(Strategy::SeedUser));
    if state.data.ratings.n_users() >= BUSY_NOTE_USERS_LIGHT {
        format!("{heavy}|{}", proposal_key(params))
    } else {
        heavy
    }
}

/// Whether `work` may run now. It takes from a fifth of a second to seconds on the main
/// thread: on small populations it runs at once; on larger ones a note saying so is painted
/// first, and the work runs on the next render.
#[hook]
fn use_note_painted(users: usize, work: String) -> bool {
    let ready = use_state(|| None::<String>);
    let go = users < BUSY_NOTE_USERS || ready.as_deref() == Some(work.as_str());
    use_effect_with((go, work), move |(go, work)| {
        if !*go {
            let work = work.clone();
            wasm_bindgen_futures::spawn_local(async move {
                after_paint().await;
                ready.set(Some(work));
            });
        }
    });
    go
}

/// The shared fits (segments, purchase model) for `key`, kept across the note: a change that
/// leaves them as they are (a coupon, K) reuses them, while the note is up and after.
#[hook]
fn use_context_fit(key: (u64, ContextKey), data: Rc<Dataset>, valid: Valid, go: bool) -> Rc<Option<Context>> {
    let fitted = use_mut_ref(|| None::<((u64, ContextKey), Rc<Option<Context>>)>);
    let mut fitted = fitted.borrow_mut();
    match &*fitted {
        Some((k, c)) if *k == key => c.clone(),
        _ if go => {
            let c = Rc::new(valid.ok().map(|v| prepare(&data, &v)));
            *fitted = Some((key, c.clone()));
            c
        }
        _ => Rc::new(None),
    }
}

/// Every strategy's proposals, each recomputed only when what it depends on changes:
/// switching strategy and moving the budget only re-run the cheap last step (guardrails are
/// in the proposals), and editing a coupon does not redo the user formula. While the note is
/// up (`go` false), nothing is proposed: the work waits for the paint.
#[hook]
fn use_proposals(
    state: Rc<AppState>,
    params: StrategyParams,
    valid: Valid,
    ctx: Rc<Option<Context>>,
    go: bool,
) -> Proposals {
    let cache = use_mut_ref(ProposalCache::default);
    let data = state.data.clone();
    let ctx = if go { ctx } else { Rc::new(None) };
    let context = format!("{}|{:?}", state.version, context_key(&params));
    use_memo((Shared(ctx.clone()), proposal_key(&params)), move |_| {
        let v = valid?;
        // No context: the note is up, or the settings are refused (said from `valid`).
        let Some(c) = ctx.as_ref().as_ref() else { return Ok(AllProposals::new()) };
        Ok(cache.borrow_mut().propose_all(&context, &data, c, &v, None))
    })
}

/// The chosen strategy's plan from its proposals, under `budget` when there is one.
fn plan(
    data: &Dataset,
    ctx: &Option<Context>,
    valid: &Valid,
    all: &Result<AllProposals, EngineError>,
    budget: Option<f64>,
) -> Plan {
    let (Some(c), Ok(v), Ok(all)) = (ctx, valid, all) else { return None };
    let proposals = all.iter().find(|(s, _)| *s == v.params.strategy)?.1.as_ref();
    Some(proposals.map_err(Clone::clone).map(|p| Rc::new(finish(data, c, v, p, budget))))
}

/// The plan without a budget (its spend is the slider's right end), then the plan under the
/// budget; without one that is `None`, not a copy of the first.
#[hook]
fn use_plans(data: Rc<Dataset>, ctx: Rc<Option<Context>>, valid: Valid, all: Proposals) -> (Rc<Plan>, Rc<Plan>) {
    let strategy = valid.as_ref().ok().map(|v| v.params.strategy);
    let budget = valid.as_ref().ok().and_then(|v| v.params.budget);
    let goal = valid.as_ref().ok().map(|v| v.params.budget_goal);
    let free = {
        let (data, ctx, valid, all) = (data.clone(), ctx.clone(), valid.clone(), all.clone());
        use_memo((Shared(all.clone()), strategy), move |_| plan(&data, &ctx, &valid, &all, None))
    };
    let budgeted = use_memo((Shared(free.clone()), budget.map(f64::to_bits), goal), move |_| {
        budget.and_then(|b| plan(&data, &ctx, &valid, &all, Some(b)))
    });
    (free, budgeted)
}

/// Why no plan is shown: settings that are not valid, or a strategy that cannot run on this data.
fn failure(lang: Lang, valid: &Valid, all: &Result<AllProposals, EngineError>, chosen: &Plan) -> Option<String> {
    match (valid, all, chosen) {
        (Err(e @ EngineError::InvalidParameter { .. }), _, _) => {
            Some(tr(lang, Key::SettingInvalid, &[("reason", engine_error(lang, e))]))
        }
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Some(Err(e))) => {
            Some(tr(lang, Key::StrategyUnavailable, &[("reason", engine_error(lang, e))]))
        }
        _ => None,
    }
}

/// The users who gained (`gained`) or lost an offer since `before`.
fn flipped(report: &StrategyReport, offered: &[bool], before: &[bool], gained: bool) -> Vec<String> {
    offered
        .iter()
        .zip(before)
        .enumerate()
        .filter(|(_, (now, was))| **now == gained && **was != gained)
        .map(|(u, _)| report.offers[u].user.clone())
        .collect()
}

/// Whether a budget can count money: a price for someone, and every offer's cost.
fn priced(ctx: &Option<Context>, free: &StrategyReport) -> bool {
    ctx.as_ref().is_some_and(|c| c.baskets.iter().any(Option::is_some)) && free.totals.discount_cost.is_some()
}

/// The fairness audit's names of the segments: "k: English name" and "k: local name".
fn fairness_labels(report: &StrategyReport, names: &[String]) -> Vec<(String, String)> {
    report
        .segment_names
        .iter()
        .zip(names)
        .enumerate()
        .map(|(k, (en, local))| (format!("{k}: {en}"), format!("{k}: {local}")))
        .collect()
}

/// What every part of the view below the strategy bar is made from.
struct Shown<'a> {
    props: &'a DiscountsViewProps,
    params: &'a StrategyParams,
    ctx: &'a Rc<Option<Context>>,
    all: &'a Proposals,
    names: &'a [String],
    article: Html,
}

/// The view.
#[component]
pub fn DiscountsView(props: &DiscountsViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let params = run_params(state);
    let valid = params.clone().check();
    let users = state.data.ratings.n_users();
    let go = use_note_painted(users, note_work(state, &params));
    let ctx_key = (state.version, context_key(&params));
    let ctx = use_context_fit(ctx_key, state.data.clone(), valid.clone(), go);
    let all = use_proposals(state.clone(), params.clone(), valid.clone(), ctx.clone(), go);
    let (free, budgeted) = use_plans(state.data.clone(), ctx.clone(), valid.clone(), all.clone());
    // The offers before the last budget move, with the settings they were made under: users
    // "gained" or "lost" are only shown for a budget move, never across other changes.
    let previous = use_state(|| None::<(String, Vec<bool>)>);
    let names: Vec<String> = match ctx.as_ref().as_ref().map(|c| &c.segmentation) {
        Some(Ok(s)) => segment_names(lang, &s.profiles),
        _ => Vec::new(),
    };
    let controls =
        html! { <StrategyControls state={state.clone()} dispatch={props.dispatch.clone()} segments={names.clone()} /> };
    let article = if params.strategy == Strategy::SeedUser {
        html! {
            <details class="card" open=true>
                <summary><h2 class="inline">{ text(lang, Key::ArticleFormulaDetail) }</h2></summary>
                <ArticleTable state={state.clone()} dispatch={props.dispatch.clone()} />
            </details>
        }
    } else {
        html! {}
    };
    if !go {
        return frame(controls, busy_note(lang, users));
    }
    let shown = Shown { props, params: &params, ctx: &ctx, all: &all, names: &names, article };
    let chosen = if params.budget.is_some() { &*budgeted } else { &*free };
    match (failure(lang, &valid, &all, chosen), &*free, chosen) {
        (None, Some(Ok(free)), Some(Ok(report))) => frame(controls, plan_view(&shown, free, report, &previous)),
        (message, _, _) => frame(controls, failed_view(&shown, message.unwrap_or_default())),
    }
}

/// The view: the strategy bar, then what it shows. The bar stays the same DOM node whatever
/// follows (a note, an error, the offers), so a field being edited keeps its focus.
fn frame(controls: Html, body: Html) -> Html {
    html! {
        <div class="strategy-view">
            { controls }
            <div class="strategy-body">{ body }</div>
        </div>
    }
}

/// The note painted before the work.
fn busy_note(lang: Lang, users: usize) -> Html {
    html! {
        <section class="card" id="strategy-busy" aria-busy="true" aria-live="polite">
            <p>{ tr(lang, Key::ComputingStrategies, &[("n", users.to_string())]) }</p>
            <progress aria-label={text(lang, Key::ComputingStrategiesShort)}></progress>
        </section>
    }
}

/// Why there is no plan, and what can still be shown (the other strategies compared, the
/// formula's table).
fn failed_view(s: &Shown, message: String) -> Html {
    let (state, params) = (&s.props.state, s.params);
    html! { <>
        <p class="notice error" role="alert" id="strategy-error">{ message }</p>
        if s.all.is_ok() {
            <CompareTable lang={state.lang} data={Shared(state.data.clone())} ctx={Shared(s.ctx.clone())}
                proposals={Shared(s.all.clone())} params={params.clone()} />
        }
        { s.article.clone() }
    </> }
}

/// A plan: its totals, the budget, the offers by segment and per user, every strategy
/// compared, the strategy's own details and the fairness audit.
fn plan_view(s: &Shown, free: &StrategyReport, report: &Rc<StrategyReport>, previous: &Previous) -> Html {
    let (state, params, dispatch) = (&s.props.state, s.params, &s.props.dispatch);
    let lang = state.lang;
    let (data, ctx) = (Shared(state.data.clone()), Shared(s.ctx.clone()));
    let offered: Vec<bool> = report.offers.iter().map(|o| o.percent_off.0 > 0.0).collect();
    // Who gained or lost an offer with the last budget move.
    let here = format!("{:?}{}", proposal_key(params), params.strategy.name());
    let before = previous.as_ref().filter(|(key, prev)| *key == here && prev.len() == offered.len()).map(|p| &p.1);
    let flips = before.map(|b| (flipped(report, &offered, b, true), flipped(report, &offered, b, false)));
    // Edits go to the stored settings, not to `params` with its derived values.
    let stored = &state.strategy;
    let on_budget = {
        let (set_budget, previous) = (set_param(stored, dispatch, |p, b| p.budget = b), previous.clone());
        Callback::from(move |b: Option<f64>| {
            previous.set(Some((here.clone(), offered.clone())));
            set_budget.emit(b);
        })
    };
    let totals = &report.totals;
    let segments: Vec<usize> = report.offers.iter().map(|o| o.segment.unwrap_or(0)).collect();
    let pct: Vec<f64> = report.offers.iter().map(|o| o.percent_off.0).collect();
    let names = s.names.to_vec();
    html! { <>
        <StrategySummary {lang} totals={*totals} ctx={ctx.clone()} />
        <BudgetPanel {lang} budget={params.budget} max_spend={free.totals.discount_cost.unwrap_or(0.0)}
            lambda={report.allocation.as_ref().map(|a| a.lambda)} spend={totals.discount_cost}
            profit={totals.incremental_profit} {flips} on_change={on_budget} goal={params.budget_goal}
            priced={priced(s.ctx, free)} on_goal={set_param(stored, dispatch, |p, goal| p.budget_goal = goal)} />
        <div class="row charts">
            <SegmentHistogram {lang} offers={pct} {segments} names={names.clone()} max={params.guardrails.max_discount.0.max(1.0)} />
            <SegmentMap ctx={ctx.clone()} {lang} />
        </div>
        <OffersTable {lang} report={Shared(report.clone())} names={names.clone()} ctx={ctx.clone()}
            max={params.guardrails.max_discount.fraction()} strategy={params.strategy} />
        <CompareTable {lang} data={data.clone()} ctx={ctx.clone()} proposals={Shared(s.all.clone())} params={params.clone()} />
        if matches!(params.strategy, Strategy::Segment | Strategy::Elasticity) {
            <ElasticityTable {lang} ctx={ctx.clone()} segment_names={names.clone()} />
            <ChooseK {lang} data={data.clone()} seed={params.segments.seed} />
        }
        if params.strategy == Strategy::Propensity {
            <ModelCheck {lang} {data} seed={params.response.seed} current={params.response.c}
                on_use={set_param(stored, dispatch, |p, c| p.response.c = c)} />
        }
        <FairnessPanel {lang} audits={report.fairness.clone()} segment_labels={fairness_labels(report, &names)} />
        { s.article.clone() }
    </> }
}
