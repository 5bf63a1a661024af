//! Every strategy on the same customers, in money: who is offered, expected conversions,
//! revenue, margin, discount cost and incremental profit.

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::error::EngineError;
use crate::engine::strategy::AllProposals;
use crate::engine::strategy::{compare_proposals, Context, StrategyParams};
use crate::present::labels::strategy_label;
use crate::present::money;
use crate::present::{engine_error, percent, text, Key, Lang};
use crate::ui::components::money::with_range;
use crate::ui::Shared;

/// Props of [`CompareTable`].
#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    /// Language.
    pub lang: Lang,
    /// The data.
    pub data: Shared<Dataset>,
    /// The shared strategy context.
    pub ctx: Shared<Option<Context>>,
    /// Every strategy's proposals (before the budget).
    pub proposals: Shared<Result<AllProposals, EngineError>>,
    /// The current parameters (guardrails and budget apply to all).
    pub params: StrategyParams,
}

/// The table.
#[component]
pub fn CompareTable(props: &CompareTableProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let rows = use_memo((props.proposals.clone(), props.params.budget.map(f64::to_bits), props.params.budget_goal), {
        let (params, data, ctx) = (props.params.clone(), props.data.clone(), props.ctx.clone());
        move |(proposals, _, _)| {
            let v = params.clone().check().ok()?;
            let c = (*ctx.0).as_ref()?;
            let all = proposals.0.as_ref().as_ref().ok()?;
            let reports = compare_proposals(&data, c, &v, all, v.params.budget);
            Some(reports.into_iter().map(|(s, r)| (s, r.map(|r| r.totals))).collect::<Vec<_>>())
        }
    });
    let Some(rows) = rows.as_ref() else { return html! {} };
    html! {
        <section class="card" aria-labelledby="compare-h">
            <h2 id="compare-h">{ t(Key::CompareStrategies) }</h2>
            <div class="table-scroll" tabindex="0">
                <table class="data-table" id="compare-table">
                    <thead><tr>
                        <th scope="col">{ t(Key::Strategy) }</th>
                        <th scope="col">{ t(Key::UsersOffered) }</th>
                        <th scope="col">{ t(Key::MeanOffer) }</th>
                        <th scope="col">{ t(Key::ExpectedConversions) }</th>
                        <th scope="col">{ t(Key::ExpectedRevenue) }</th>
                        <th scope="col">{ t(Key::ExpectedMargin) }</th>
                        <th scope="col">{ t(Key::DiscountCost) }</th>
                        <th scope="col">{ t(Key::IncrementalProfit) }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|(s, r)| {
                        let current = *s == props.params.strategy;
                        match r {
                            Ok(tot) => html! {
                                <tr class={classes!(current.then_some("current"))}>
                                    <th scope="row">{ t(strategy_label(*s)) }</th>
                                    <td class="num">{ format!("{} / {}", tot.offered, tot.users) }</td>
                                    <td class="num">{ format!("{}%", percent(tot.mean_offer)) }</td>
                                    <td class="num">{ with_range(lang, tot.conversions, tot.spread.map(|s| s.conversions)) }</td>
                                    <td class="num">{ with_range(lang, tot.revenue, tot.spread.map(|s| s.revenue)) }</td>
                                    <td class="num">{ with_range(lang, tot.margin, tot.spread.map(|s| s.margin)) }</td>
                                    <td class="num">{ with_range(lang, tot.discount_cost, tot.spread.map(|s| s.discount_cost)) }</td>
                                    <td class="num">{ money(tot.incremental_profit) }</td>
                                </tr>
                            },
                            Err(e) => html! {
                                <tr><th scope="row">{ t(strategy_label(*s)) }</th><td colspan="7" class="hint">{ engine_error(lang, e) }</td></tr>
                            },
                        }
                    }) }</tbody>
                </table>
            </div>
            <p class="hint">{ t(Key::CompareHint) }</p>
        </section>
    }
}
