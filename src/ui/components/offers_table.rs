//! Every customer's offer: the percentage off and its zhe label, the chance they buy, the
//! expected cost, their purchase curve and why — the largest offers first, the rest in the
//! CSV the card's button downloads.

use yew::prelude::*;

use crate::engine::discount::offer::zhe_label;
use crate::engine::strategy::{Basis, Context, Strategy, StrategyReport, UserOffer};
use crate::present::csv::strategy_csv;
use crate::present::why::why_offer;
use crate::present::{money, percent, text, tr, Key, Lang};
use crate::ui::browser::download_text;
use crate::ui::components::sparkline::Sparkline;
use crate::ui::Shared;

/// Props of [`OffersTable`].
#[derive(Properties, PartialEq)]
pub struct OffersTableProps {
    /// Language.
    pub lang: Lang,
    /// The plan shown.
    pub report: Shared<StrategyReport>,
    /// The segments' names, in order.
    pub names: Vec<String>,
    /// The shared strategy context, for the purchase curves.
    pub ctx: Shared<Option<Context>>,
    /// The largest discount the guardrails allow (a fraction): the curves run to it.
    pub max: f64,
    /// The strategy, for the file's name.
    pub strategy: Strategy,
}

/// Rows shown at most (the CSV has all).
const MAX_ROWS: usize = 500;

/// p(buy | d) of user `u`'s basket item under the purchase model, from 0 to the larger of
/// the maximum discount and the offer; `None` without a model or a basket.
fn purchase_curve(ctx: Option<&Context>, u: usize, o: &UserOffer, max: f64) -> Option<Vec<(f64, f64)>> {
    let model = ctx?.response.as_ref().ok()?;
    let basket = o.basket.as_ref()?;
    Some(model.curve(u, basket.list_price, basket.category.as_deref(), max.max(o.percent_off.fraction())))
}

/// One customer's row.
fn row(props: &OffersTableProps, u: usize, o: &UserOffer) -> Html {
    let (lang, names) = (props.lang, &props.names);
    let segment = o.segment.and_then(|s| names.get(s).map(|n| format!("{s}: {n}"))).unwrap_or_default();
    let points = match &o.basis {
        Basis::Propensity(b) => Some(b.curve.clone()),
        _ => purchase_curve(props.ctx.as_ref(), u, o, props.max),
    };
    let curve = match points {
        Some(points) => html! { <Sparkline {lang} {points} mark={o.percent_off.fraction()} at_mark={o.conversion} /> },
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
}

/// The card.
#[component]
pub fn OffersTable(props: &OffersTableProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let on_download = {
        let (report, name) = (props.report.clone(), format!("discounts-{}.csv", props.strategy.name()));
        Callback::from(move |_| download_text(&name, &strategy_csv(&report, lang), "text/csv"))
    };
    let mut rows: Vec<(usize, &UserOffer)> = props.report.offers.iter().enumerate().collect();
    rows.sort_by(|a, b| b.1.percent_off.0.total_cmp(&a.1.percent_off.0));
    let more = rows.len().saturating_sub(MAX_ROWS);
    html! {
        <section class="card">
            <div class="row spread">
                <h2>{ t(Key::OffersPerUser) }</h2>
                <button id="download-strategy" onclick={on_download}>{ t(Key::DownloadCsv) }</button>
            </div>
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
                    <tbody>{ for rows.iter().take(MAX_ROWS).map(|&(u, o)| row(props, u, o)) }</tbody>
                </table>
                if more > 0 {
                    <p class="hint">{ tr(lang, Key::MoreRowsInCsv, &[("n", more.to_string())]) }</p>
                }
            </div>
        </section>
    }
}
