//! A plan's totals: who is offered, the mean offer, expected purchases, revenue and margin
//! with their ranges, the discount cost and the incremental profit, and why it loses money
//! when it does.

use yew::prelude::*;

use crate::engine::strategy::{Context, Totals};
use crate::present::why::loss_reason;
use crate::present::{money, percent, text, Key, Lang};
use crate::ui::components::model_notes::ModelNotes;
use crate::ui::components::money::with_range;
use crate::ui::Shared;

/// Props of [`StrategySummary`].
#[derive(Properties, PartialEq)]
pub struct StrategySummaryProps {
    /// Language.
    pub lang: Lang,
    /// The plan's totals.
    pub totals: Totals,
    /// The shared strategy context, for the notes on its fits.
    pub ctx: Shared<Option<Context>>,
}

/// The card.
#[component]
pub fn StrategySummary(props: &StrategySummaryProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let totals = &props.totals;
    let spread = totals.spread;
    html! {
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
            <ModelNotes {lang} ctx={props.ctx.clone()} />
            if spread.is_some() {
                <p class="hint">{ t(Key::RangeHint) }</p>
            }
        </section>
    }
}
