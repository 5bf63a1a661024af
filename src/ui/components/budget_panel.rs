//! The budget slider: total expected discount cost allowed, with λ, spend, profit and
//! how many users flipped in or out since the last move.

use yew::prelude::*;

use crate::engine::strategy::{BudgetGoal, OfferChanges};
use crate::present::money;
use crate::present::{text, tr, Key, Lang};

/// Props of [`BudgetPanel`].
#[derive(Properties, PartialEq)]
pub struct BudgetPanelProps {
    /// Language.
    pub lang: Lang,
    /// The budget, `None` for none.
    pub budget: Option<f64>,
    /// Spend without a budget (the slider's right end).
    pub max_spend: f64,
    /// λ of the allocation.
    pub lambda: Option<f64>,
    /// Expected spend.
    pub spend: Option<f64>,
    /// Expected incremental profit.
    pub profit: Option<f64>,
    /// Users who gained and lost an offer with the last move.
    pub flips: Option<OfferChanges>,
    /// What the budget buys the most of.
    pub goal: BudgetGoal,
    /// Whether every offer has a price, so its cost can be counted.
    pub priced: bool,
    /// A new budget.
    pub on_change: Callback<Option<f64>>,
    /// A new goal.
    pub on_goal: Callback<BudgetGoal>,
}

/// At most 12 ids, then how many more.
fn ids(list: &[String]) -> String {
    let shown: Vec<&str> = list.iter().take(12).map(String::as_str).collect();
    let more = list.len().saturating_sub(12);
    if more > 0 {
        format!("{} … (+{more})", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The panel.
#[component]
pub fn BudgetPanel(props: &BudgetPanelProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let max = if props.max_spend > 0.0 { props.max_spend } else { 1.0 };
    let step = max / 200.0;
    let on_toggle = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(el.checked().then_some(max * 0.5));
        })
    };
    let on_slide = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = el.value().parse::<f64>() {
                // The right end is the whole unconstrained spend, exactly (the slider's steps
                // may land a rounding error short of it and drop one offer).
                cb.emit(Some(if v >= max - step / 2.0 { max } else { v.max(0.0) }));
            }
        })
    };
    let on_goal = {
        let cb = props.on_goal.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(if el.value() == "profit" { BudgetGoal::Profit } else { BudgetGoal::Purchases });
        })
    };
    if !props.priced {
        return html! {
            <section class="card budget" aria-labelledby="budget-h">
                <h2 id="budget-h">{ t(Key::Budget) }</h2>
                <p class="hint" id="budget-status">{ t(Key::BudgetNeedsPrices) }</p>
            </section>
        };
    }
    let status = match props.budget {
        None => tr(lang, Key::BudgetNone, &[("spend", money(Some(props.max_spend)))]),
        Some(b) => tr(
            lang,
            Key::BudgetStatus,
            &[
                ("budget", money(Some(b))),
                ("lambda", props.lambda.map_or("—".into(), |l| format!("{l:.4}"))),
                ("spend", money(props.spend)),
                ("profit", money(props.profit)),
            ],
        ),
    };
    html! {
        <section class="card budget" aria-labelledby="budget-h">
            <h2 id="budget-h">{ t(Key::Budget) }</h2>
            <div class="row">
                <label class="check"><input id="budget-on" type="checkbox" checked={props.budget.is_some()} onchange={on_toggle} />{ t(Key::UseBudget) }</label>
                <label>{ t(Key::BudgetGoal) }
                    <select id="budget-goal" onchange={on_goal}>
                        <option value="purchases" selected={props.goal == BudgetGoal::Purchases}>{ t(Key::BudgetGoalPurchases) }</option>
                        <option value="profit" selected={props.goal == BudgetGoal::Profit}>{ t(Key::BudgetGoalProfit) }</option>
                    </select>
                </label>
            </div>
            if let Some(b) = props.budget {
                <input id="budget-slider" type="range" min="0" max={format!("{max}")} step={format!("{step}")} value={format!("{}", b.min(max))}
                    oninput={on_slide} aria-label={t(Key::Budget)} aria-valuetext={money(Some(b))} />
            }
            <p id="budget-status" aria-live="polite">{ status }</p>
            if let Some(OfferChanges { gained: ins, lost: outs }) = &props.flips {
                <p id="budget-flips">{ tr(lang, Key::BudgetFlips, &[("in", ins.len().to_string()), ("out", outs.len().to_string())]) }</p>
                if !ins.is_empty() {
                    <p class="hint ids" id="budget-in">{ tr(lang, Key::FlipsIn, &[("ids", ids(ins))]) }</p>
                }
                if !outs.is_empty() {
                    <p class="hint ids" id="budget-out">{ tr(lang, Key::FlipsOut, &[("ids", ids(outs))]) }</p>
                }
            }
            <p class="formula">{ t(match props.goal {
                BudgetGoal::Purchases => Key::FormulaBudget,
                BudgetGoal::Profit => Key::FormulaBudgetProfit,
            }) }</p>
        </section>
    }
}
