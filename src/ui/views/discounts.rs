//! The Discounts view: every strategy on the same customers — offers with their
//! reasons, guardrails, a budget slider, segments on a map, the comparison of all
//! strategies in money, and a fairness audit. The articles' user formula keeps its
//! step-by-step table below when that strategy is chosen.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::discount::offer::OfferBounds;
use crate::engine::error::EngineError;
use crate::engine::limits::{BUSY_NOTE_USERS, BUSY_NOTE_USERS_LIGHT};
use crate::engine::strategy::{
    finish, prepare, AllProposals, Context, ContextKey, ProposalCache, ProposalsKey, Strategy, StrategyParams,
    StrategyReport, UserFormula, ValidStrategyParams,
};
use crate::options::strategy_edit::StrategyEdit;
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
use crate::ui::components::strategy_controls::StrategyControls;
use crate::ui::components::strategy_summary::StrategySummary;
use crate::ui::state::{Action, DiscountSettings};
use crate::ui::Shared;

/// Props of [`DiscountsView`].
#[derive(Properties, PartialEq)]
pub struct DiscountsViewProps {
    /// Language.
    pub lang: Lang,
    /// The data.
    pub data: Shared<Dataset>,
    /// The data's version.
    pub version: u64,
    /// The stored strategy settings.
    pub strategy: StrategyParams,
    /// The user formula's step-by-step table's settings (its measure and K are the
    /// strategy's too).
    pub disc: DiscountSettings,
    /// The offers' bounds.
    pub bounds: OfferBounds,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// What the shared context (segments, purchase model) is for: the data's version and the settings.
type ContextFor = (u64, ContextKey);

/// The parameters, checked, or why they cannot run.
type Valid = Result<ValidStrategyParams, EngineError>;

/// Every strategy's proposals, or why there are none.
type Proposals = Rc<Result<AllProposals, EngineError>>;

/// A plan, or why the strategy cannot make one; `None` when it is not made (no context yet,
/// or no budget for the plan under a budget).
type Plan = Option<Result<Rc<StrategyReport>, EngineError>>;

/// The offers before the last budget move, with the settings they were made under.
type Previous = UseStateHandle<Option<(ProposalsKey, Strategy, Vec<bool>)>>;

/// The parameters the view runs: the stored settings, with the user formula sharing the
/// step-by-step table's measure and K, and clamped and run as that table says, so both agree.
fn run_params(props: &DiscountsViewProps) -> StrategyParams {
    let mut params = props.strategy.clone();
    params.measure = props.disc.measure;
    params.neighbours = props.disc.k;
    params.user_formula = Some(UserFormula { bounds: props.bounds, as_in_article: props.disc.as_in_article });
    params
}

/// What the "computing" note waits for: refitting the models or the user formula's neighbours
/// (the heavy work) and, on large populations, any other change of the proposals.
#[derive(Debug, Clone, PartialEq)]
enum NoteWork {
    /// The data, the shared context and the user formula.
    Heavy(ContextFor, crate::engine::strategy::ProposalKey),
    /// All of that and every other strategy's proposals.
    All(ContextFor, ProposalsKey),
}

/// The work a change of `params` may start.
fn note_work(version: u64, users: usize, params: &StrategyParams) -> NoteWork {
    let context = (version, params.context_key());
    if users >= BUSY_NOTE_USERS_LIGHT {
        NoteWork::All(context, params.proposals_key())
    } else {
        NoteWork::Heavy(context, params.proposal_key(Strategy::SeedUser))
    }
}

/// Whether `work` may run now. It takes from a fifth of a second to seconds on the main
/// thread: on small populations it runs at once; on larger ones a note saying so is painted
/// first, and the work runs on the next render.
#[hook]
fn use_note_painted(users: usize, work: NoteWork) -> bool {
    let ready = use_state(|| None::<NoteWork>);
    let go = users < BUSY_NOTE_USERS || ready.as_ref() == Some(&work);
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
fn use_context_fit(key: ContextFor, data: Rc<Dataset>, valid: Valid, go: bool) -> Rc<Option<Context>> {
    let fitted = use_mut_ref(|| None::<(ContextFor, Rc<Option<Context>>)>);
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
    data: Rc<Dataset>,
    context: ContextFor,
    params: &StrategyParams,
    valid: Valid,
    ctx: Rc<Option<Context>>,
    go: bool,
) -> Proposals {
    let cache = use_mut_ref(ProposalCache::<ContextFor>::default);
    let ctx = if go { ctx } else { Rc::new(None) };
    use_memo((Shared(ctx.clone()), params.proposals_key()), move |_| {
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
    let lang = props.lang;
    let data = &props.data.0;
    let params = run_params(props);
    let valid = params.clone().check();
    let users = data.ratings.n_users();
    let go = use_note_painted(users, note_work(props.version, users, &params));
    let context = (props.version, params.context_key());
    let ctx = use_context_fit(context, data.clone(), valid.clone(), go);
    let all = use_proposals(data.clone(), context, &params, valid.clone(), ctx.clone(), go);
    let (free, budgeted) = use_plans(data.clone(), ctx.clone(), valid.clone(), all.clone());
    // The offers before the last budget move, with the settings they were made under: users
    // "gained" or "lost" are only shown for a budget move, never across other changes.
    let previous = use_state(|| None::<(ProposalsKey, Strategy, Vec<bool>)>);
    let names: Vec<String> = match ctx.as_ref().as_ref().map(|c| &c.segmentation) {
        Some(Ok(s)) => segment_names(lang, &s.profiles),
        _ => Vec::new(),
    };
    let controls = html! {
        <StrategyControls {lang} data={props.data.clone()} params={props.strategy.clone()} segments={names.clone()}
            on_edit={props.dispatch.reform(Action::EditStrategy)} />
    };
    let article = if params.strategy == Strategy::SeedUser {
        html! {
            <details class="card" open=true>
                <summary><h2 class="inline">{ text(lang, Key::ArticleFormulaDetail) }</h2></summary>
                <ArticleTable {lang} data={props.data.clone()} version={props.version} settings={props.disc}
                    bounds={props.bounds} on_change={props.dispatch.reform(Action::SetDisc)} />
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
    let (props, params) = (s.props, s.params);
    html! { <>
        <p class="notice error" role="alert" id="strategy-error">{ message }</p>
        if s.all.is_ok() {
            <CompareTable lang={props.lang} data={props.data.clone()} ctx={Shared(s.ctx.clone())}
                proposals={Shared(s.all.clone())} params={params.clone()} />
        }
        { s.article.clone() }
    </> }
}

/// A plan: its totals, the budget, the offers by segment and per user, every strategy
/// compared, the strategy's own details and the fairness audit.
fn plan_view(s: &Shown, free: &StrategyReport, report: &Rc<StrategyReport>, previous: &Previous) -> Html {
    let (props, params) = (s.props, s.params);
    let (lang, edit) = (props.lang, props.dispatch.reform(Action::EditStrategy));
    let (data, ctx) = (props.data.clone(), Shared(s.ctx.clone()));
    let offered = report.offered();
    // Who gained or lost an offer with the last budget move.
    let here = (params.proposals_key(), params.strategy);
    let flips = previous
        .as_ref()
        .filter(|(key, strategy, _)| (key, strategy) == (&here.0, &here.1))
        .and_then(|(_, _, before)| report.changes_since(before));
    let on_budget = {
        let (edit, previous) = (edit.clone(), previous.clone());
        Callback::from(move |b: Option<f64>| {
            previous.set(Some((here.0.clone(), here.1, offered.clone())));
            edit.emit(StrategyEdit::Budget(b));
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
            priced={priced(s.ctx, free)} on_goal={edit.reform(StrategyEdit::BudgetGoal)} />
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
                on_use={edit.reform(StrategyEdit::PenaltyC)} />
        }
        <FairnessPanel {lang} audits={report.fairness.clone()} segment_labels={fairness_labels(report, &names)} />
        { s.article.clone() }
    </> }
}
