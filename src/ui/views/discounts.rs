//! The Discounts view: every strategy on the same customers — offers with their
//! reasons, guardrails, a budget slider, segments on a map, the comparison of all
//! strategies in money, and a fairness audit. The articles' user formula keeps its
//! step-by-step table below when that strategy is chosen.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::discount::offer::zhe_label;
use crate::engine::error::EngineError;
use crate::engine::limits::{BUSY_NOTE_USERS, BUSY_NOTE_USERS_LIGHT};
use crate::engine::strategy::AllProposals;
use crate::engine::strategy::{
    finish, prepare, Basis, Context, ProposalCache, Strategy, StrategyParams, StrategyReport, UserFormula, UserOffer,
};
use crate::present::csv::strategy_csv;
use crate::present::why::{loss_reason, segment_names, segments_capped, why_offer};
use crate::present::{engine_error, money, percent, text, tr, Key, Lang};
use crate::ui::browser::{after_paint, download_text};
use crate::ui::components::article_table::ArticleTable;
use crate::ui::components::budget_panel::BudgetPanel;
use crate::ui::components::choose_k::ChooseK;
use crate::ui::components::compare_table::CompareTable;
use crate::ui::components::elasticity_table::ElasticityTable;
use crate::ui::components::fairness_panel::FairnessPanel;
use crate::ui::components::model_check::ModelCheck;
use crate::ui::components::money::with_range;
use crate::ui::components::segment_charts::{SegmentHistogram, SegmentMap};
use crate::ui::components::sparkline::Sparkline;
use crate::ui::components::strategy_controls::{set_param, StrategyControls};
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

/// The strategy parameters that change the shared context (segments, purchase model).
fn context_key(p: &StrategyParams) -> ContextKey {
    let s = &p.segments;
    (
        s.k,
        s.seed,
        s.model == crate::engine::discount::segments::SegmentModel::Gmm,
        s.restarts,
        p.response.c.map(f64::to_bits),
        p.response.seed,
    )
}

/// The parameters the proposals depend on: all but the strategy and the budget.
fn proposal_key(p: &StrategyParams) -> String {
    let mut key = p.clone();
    key.budget = None;
    key.strategy = Strategy::SeedUser;
    format!("{key:?}")
}

/// The view.
#[component]
pub fn DiscountsView(props: &DiscountsViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    // The user formula shares its measure and K with the step-by-step panel below.
    let mut params = state.strategy.clone();
    params.measure = state.disc.measure;
    params.neighbours = state.disc.k;
    // The user formula is clamped and run as the step-by-step table below says, so both agree.
    params.user_formula = Some(UserFormula { bounds: state.offer_bounds(), as_in_article: state.disc.as_in_article });
    let valid = params.clone().check();
    // The work takes from a fifth of a second to seconds on the main thread: first paint a note
    // saying so, then compute. The note waits for refitting the models or the user formula's
    // neighbours (the heavy work) and, on large populations, for any other change of the proposals.
    let users = state.data.ratings.n_users();
    let heavy = format!("{}|{:?}|{}", state.version, context_key(&params), params.proposal_key(Strategy::SeedUser));
    let work = if users >= BUSY_NOTE_USERS_LIGHT { format!("{heavy}|{}", proposal_key(&params)) } else { heavy };
    let ready = use_state(|| None::<String>);
    let go = users < BUSY_NOTE_USERS || ready.as_deref() == Some(work.as_str());
    {
        let ready = ready.clone();
        use_effect_with((go, work.clone()), move |(go, work)| {
            if !*go {
                let work = work.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    after_paint().await;
                    ready.set(Some(work));
                });
            }
        });
    }
    // The shared fits, kept across the note: a change that leaves them as they are (a coupon, K)
    // reuses them, while the note is up and after.
    let fitted = use_mut_ref(|| None::<((u64, ContextKey), Rc<Option<Context>>)>);
    let ctx: Rc<Option<Context>> = {
        let key = (state.version, context_key(&params));
        let mut fitted = fitted.borrow_mut();
        match &*fitted {
            Some((k, c)) if *k == key => c.clone(),
            _ if go => {
                let c = Rc::new(valid.clone().ok().map(|v| prepare(&state.data, &v)));
                *fitted = Some((key, c.clone()));
                c
            }
            _ => Rc::new(None),
        }
    };
    // Every strategy's proposals, each recomputed only when what it depends on changes:
    // switching strategy and moving the budget only re-run the cheap last step (guardrails
    // are in the proposals), and editing a coupon does not redo the user formula.
    let cache = use_mut_ref(ProposalCache::default);
    let all: Rc<Result<AllProposals, EngineError>> = {
        let data = state.data.clone();
        // While the note is up, nothing is proposed: the work waits for the paint.
        let ctx = if go { ctx.clone() } else { Rc::new(None) };
        let valid = valid.clone();
        let context = format!("{}|{:?}", state.version, context_key(&params));
        use_memo((Shared(ctx.clone()), proposal_key(&params)), move |_| {
            let v = valid?;
            // No context: the note is up, or the settings are refused (said from `valid`).
            let Some(c) = ctx.as_ref().as_ref() else { return Ok(AllProposals::new()) };
            Ok(cache.borrow_mut().propose_all(&context, &data, c, &v, None))
        })
    };
    // The plan without a budget (its spend is the slider's right end), then under the budget.
    let free: Rc<Option<Result<StrategyReport, EngineError>>> = {
        let data = state.data.clone();
        let (ctx, valid, all) = (ctx.clone(), valid.clone(), all.clone());
        use_memo((Shared(all.clone()), params.strategy), move |(_, strategy)| {
            let (Some(c), Ok(v), Ok(all)) = (&*ctx, valid, &*all) else { return None };
            let proposals = all.iter().find(|(s, _)| s == strategy)?.1.as_ref();
            Some(proposals.map_err(Clone::clone).map(|p| finish(&data, c, &v, p, None)))
        })
    };
    // Under a budget; without one the plan is the unconstrained one above, not a copy of it.
    let budgeted: Rc<Option<Result<StrategyReport, EngineError>>> = {
        let data = state.data.clone();
        let (ctx, valid, all) = (ctx.clone(), valid.clone(), all.clone());
        let key = (Shared(free.clone()), params.budget.map(f64::to_bits), params.budget_goal);
        use_memo(key, move |_| {
            let (Some(c), Ok(v), Ok(all)) = (&*ctx, valid, &*all) else { return None };
            let budget = v.params.budget?;
            let proposals = all.iter().find(|(s, _)| *s == v.params.strategy)?.1.as_ref();
            Some(proposals.map_err(Clone::clone).map(|p| finish(&data, c, &v, p, Some(budget))))
        })
    };
    // The offers before the last budget move, with the settings they were made under: users
    // "gained" or "lost" are only shown for a budget move, never across other changes.
    let previous = use_state(|| None::<(String, Vec<bool>)>);
    let segment_names: Vec<String> = match ctx.as_ref().as_ref().map(|c| &c.segmentation) {
        Some(Ok(s)) => segment_names(lang, &s.profiles),
        _ => Vec::new(),
    };
    let controls = html! { <StrategyControls state={state.clone()} dispatch={props.dispatch.clone()} segments={segment_names.clone()} /> };
    let article = if params.strategy == Strategy::SeedUser {
        html! {
            <details class="card" open=true>
                <summary><h2 class="inline">{ t(Key::ArticleFormulaDetail) }</h2></summary>
                <ArticleTable state={state.clone()} dispatch={props.dispatch.clone()} />
            </details>
        }
    } else {
        html! {}
    };
    // Settings that are not valid, or a strategy that cannot run on this data: say so, and
    // keep what can still be shown (the other strategies compared, the formula's table).
    if !go {
        return frame(
            controls,
            html! {
                <section class="card" id="strategy-busy" aria-busy="true" aria-live="polite">
                    <p>{ tr(lang, Key::ComputingStrategies, &[("n", users.to_string())]) }</p>
                    <progress aria-label={t(Key::ComputingStrategiesShort)}></progress>
                </section>
            },
        );
    }
    let chosen = if params.budget.is_some() { &*budgeted } else { &*free };
    let failure = match (&valid, &*all, chosen) {
        (Err(e @ EngineError::InvalidParameter { .. }), _, _) => {
            Some(tr(lang, Key::SettingInvalid, &[("reason", engine_error(lang, e))]))
        }
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Some(Err(e))) => {
            Some(tr(lang, Key::StrategyUnavailable, &[("reason", engine_error(lang, e))]))
        }
        _ => None,
    };
    let (free, report) = match (&failure, &*free, chosen) {
        (None, Some(Ok(free)), Some(Ok(report))) => (free, report),
        _ => {
            let message = failure.unwrap_or_default();
            return frame(
                controls,
                html! { <>
                    <p class="notice error" role="alert" id="strategy-error">{ message }</p>
                    if all.is_ok() {
                        <CompareTable lang={lang} data={Shared(state.data.clone())} ctx={Shared(ctx.clone())} proposals={Shared(all.clone())} params={params.clone()} />
                    }
                    { article }
                </> },
            );
        }
    };
    let offered: Vec<bool> = report.offers.iter().map(|o| o.percent_off.0 > 0.0).collect();
    // Who gained or lost an offer with the last budget move (lists cut at 12 ids).
    let here = format!("{:?}{}", proposal_key(&params), params.strategy.name());
    let before = previous.as_ref().filter(|(key, prev)| *key == here && prev.len() == offered.len()).map(|p| &p.1);
    let flipped = |gained: bool| -> Vec<String> {
        before.map_or_else(Vec::new, |prev| {
            offered
                .iter()
                .zip(prev)
                .enumerate()
                .filter(|(_, (now, was))| **now == gained && **was != gained)
                .map(|(u, _)| report.offers[u].user.clone())
                .collect()
        })
    };
    let flips = before.map(|_| (flipped(true), flipped(false)));
    // Edits go to the stored settings, not to `params` with its derived values.
    let stored = &state.strategy;
    let on_budget = {
        let (set_budget, previous, offered) =
            (set_param(stored, &props.dispatch, |p, b| p.budget = b), previous.clone(), offered.clone());
        Callback::from(move |b: Option<f64>| {
            previous.set(Some((here.clone(), offered.clone())));
            set_budget.emit(b);
        })
    };
    let on_use_c = set_param(stored, &props.dispatch, |p, c| p.response.c = c);
    let on_goal = set_param(stored, &props.dispatch, |p, goal| p.budget_goal = goal);
    let on_download = {
        let csv = strategy_csv(report, lang);
        let name = format!("discounts-{}.csv", params.strategy.name());
        Callback::from(move |_| download_text(&name, &csv, "text/csv"))
    };
    let totals = &report.totals;
    let spread = totals.spread;
    // A budget counts money: it needs a price for someone, and every offer's cost.
    let priced = ctx.as_ref().as_ref().is_some_and(|c| c.baskets.iter().any(Option::is_some))
        && free.totals.discount_cost.is_some();
    let summary = html! {
        <section class="card" id="strategy-summary" aria-live="polite">
            <h2>{ t(Key::StrategyTotals) }</h2>
            <dl class="totals">
                <dt>{ t(Key::UsersOffered) }</dt><dd id="total-offered">{ format!("{} / {}", totals.offered, totals.users) }</dd>
                <dt>{ t(Key::MeanOffer) }</dt><dd>{ format!("{}%", percent(totals.mean_offer)) }</dd>
                <dt>{ t(Key::ExpectedConversions) }</dt><dd>{ with_range(lang, totals.conversions, spread.map(|s| s.conversions)) }</dd>
                <dt>{ t(Key::ExpectedRevenue) }</dt><dd>{ with_range(lang, totals.revenue, spread.map(|s| s.revenue)) }</dd>
                <dt>{ t(Key::ExpectedMargin) }</dt><dd>{ with_range(lang, totals.margin, spread.map(|s| s.margin)) }</dd>
                <dt>{ t(Key::DiscountCost) }</dt><dd id="total-cost">{ money(totals.discount_cost) }</dd>
                <dt>{ t(Key::IncrementalProfit) }</dt><dd id="total-profit">{ money(totals.incremental_profit) }</dd>
            </dl>
            if let Some(why) = loss_reason(lang, totals) {
                <p class="notice warning" id="loss-reason">{ why }</p>
            }
            if let Some(c) = ctx.as_ref() {
                { model_notes(lang, c) }
            }
            if spread.is_some() {
                <p class="hint">{ t(Key::RangeHint) }</p>
            }
        </section>
    };
    let seg_labels: Vec<usize> = report.offers.iter().map(|o| o.segment.unwrap_or(0)).collect();
    let pct: Vec<f64> = report.offers.iter().map(|o| o.percent_off.0).collect();
    let max = params.guardrails.max_discount.0.max(1.0);
    let map = html! { <SegmentMap ctx={Shared(ctx.clone())} lang={lang} /> };
    frame(
        controls,
        html! { <>
            { summary }
            <BudgetPanel lang={lang} budget={params.budget} max_spend={free.totals.discount_cost.unwrap_or(0.0)}
                lambda={report.allocation.as_ref().map(|a| a.lambda)} spend={totals.discount_cost}
                profit={totals.incremental_profit} flips={flips} on_change={on_budget}
                goal={params.budget_goal} priced={priced} on_goal={on_goal} />
            <div class="row charts">
                <SegmentHistogram lang={lang} offers={pct} segments={seg_labels} names={segment_names.clone()} max={max} />
                { map }
            </div>
            <section class="card">
                <div class="row spread">
                    <h2>{ t(Key::OffersPerUser) }</h2>
                    <button id="download-strategy" onclick={on_download}>{ t(Key::DownloadCsv) }</button>
                </div>
                { offers_table(lang, report, &segment_names, ctx.as_ref().as_ref(), params.guardrails.max_discount.fraction()) }
            </section>
            <CompareTable lang={lang} data={Shared(state.data.clone())} ctx={Shared(ctx.clone())} proposals={Shared(all.clone())} params={params.clone()} />
            if matches!(params.strategy, Strategy::Segment | Strategy::Elasticity) {
                <ElasticityTable lang={lang} ctx={Shared(ctx.clone())} segment_names={segment_names.clone()} />
                <ChooseK lang={lang} data={Shared(state.data.clone())} seed={params.segments.seed} />
            }
            if params.strategy == Strategy::Propensity {
                <ModelCheck lang={lang} data={Shared(state.data.clone())} seed={params.response.seed}
                    current={params.response.c} on_use={on_use_c} />
            }
            <FairnessPanel lang={lang} audits={report.fairness.clone()}
                segment_labels={report.segment_names.iter().zip(&segment_names).enumerate()
                    .map(|(k, (en, local))| (format!("{k}: {en}"), format!("{k}: {local}"))).collect::<Vec<_>>()} />
            { article }
        </> },
    )
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

fn model_notes(lang: Lang, c: &Context) -> Html {
    let mut notes = Vec::new();
    match &c.response {
        Ok(m) => {
            if let Some(h) = &m.holdout {
                notes.push(tr(
                    lang,
                    Key::ModelQuality,
                    &[
                        ("acc", format!("{:.3}", h.accuracy)),
                        ("prec", format!("{:.3}", h.precision)),
                        ("rec", format!("{:.3}", h.recall)),
                        ("f1", format!("{:.3}", h.f1)),
                        ("auc", h.auc.map_or("—".into(), |a| format!("{a:.3}"))),
                        ("rows", m.rows.0.to_string()),
                    ],
                ));
            }
        }
        Err(e) => notes.push(tr(lang, Key::NoPurchaseModel, &[("reason", engine_error(lang, e))])),
    }
    if let Some(capped) = c.segmentation.as_ref().ok().and_then(|s| segments_capped(lang, s)) {
        notes.push(capped);
    }
    if let Ok(s) = &c.segmentation {
        notes.push(tr(
            lang,
            Key::SegmentQuality,
            &[
                ("k", s.profiles.len().to_string()),
                ("inertia", format!("{:.1}", s.inertia)),
                ("sil", s.silhouette.map_or("—".into(), |v| format!("{v:.3}"))),
            ],
        ));
    }
    html! { <ul class="notes">{ for notes.into_iter().map(|n| html! { <li>{ n }</li> }) }</ul> }
}

/// Rows shown at most (the CSV has all).
const MAX_ROWS: usize = 500;

fn offers_table(lang: Lang, r: &StrategyReport, names: &[String], ctx: Option<&Context>, max: f64) -> Html {
    let t = |k: Key| text(lang, k);
    let mut rows: Vec<(usize, &UserOffer)> = r.offers.iter().enumerate().collect();
    rows.sort_by(|a, b| b.1.percent_off.0.total_cmp(&a.1.percent_off.0));
    let more = rows.len().saturating_sub(MAX_ROWS);
    html! {
        <div class="table-scroll tall" tabindex="0">
            <table class="data-table" id="strategy-table">
                <thead><tr>
                    <th scope="col">{ t(Key::ColUser) }</th>
                    <th scope="col">{ t(Key::ColSegment) }</th>
                    <th scope="col">{ t(Key::ColOff) }</th>
                    <th scope="col">{ t(Key::ColZhe) }</th>
                    <th scope="col">{ t(Key::ColConversion) }</th>
                    <th scope="col">{ t(Key::ColExpectedCost) }</th>
                    <th scope="col">{ t(Key::ColCurve) }</th>
                    <th scope="col">{ t(Key::ColWhy) }</th>
                </tr></thead>
                <tbody>{ for rows.iter().take(MAX_ROWS).map(|&(u, o)| {
                    let segment = o.segment.and_then(|s| names.get(s).map(|n| format!("{s}: {n}"))).unwrap_or_default();
                    let points = match &o.basis {
                        Basis::Propensity(b) => Some(b.curve.clone()),
                        _ => purchase_curve(ctx, u, o, max),
                    };
                    let curve = match points {
                        Some(points) => html! { <Sparkline lang={lang} points={points} mark={o.percent_off.fraction()} at_mark={o.conversion} /> },
                        None => html! {},
                    };
                    html! {
                        <tr>
                            <th scope="row">{ o.user.clone() }</th>
                            <td>{ segment }</td>
                            <td class="num">{ percent(o.percent_off.0) }</td>
                            <td class="zhe">{ zhe_label(o.percent_off) }</td>
                            <td class="num">{ o.conversion.map_or("—".into(), |p| format!("{p:.3}")) }</td>
                            <td class="num">{ money(o.expected_cost) }</td>
                            <td>{ curve }</td>
                            <td class="why">{ why_offer(lang, o, names) }</td>
                        </tr>
                    }
                }) }</tbody>
            </table>
            if more > 0 {
                <p class="hint">{ tr(lang, Key::MoreRowsInCsv, &[("n", more.to_string())]) }</p>
            }
        </div>
    }
}

/// p(buy | d) of user `u`'s basket item under the purchase model, from 0 to the larger of
/// the maximum discount and the offer; `None` without a model or a basket.
fn purchase_curve(ctx: Option<&Context>, u: usize, o: &UserOffer, max: f64) -> Option<Vec<(f64, f64)>> {
    let model = ctx?.response.as_ref().ok()?;
    let basket = o.basket.as_ref()?;
    Some(model.curve(u, basket.list_price, basket.category.as_deref(), max.max(o.percent_off.fraction())))
}
