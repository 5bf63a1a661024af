//! The Item discounts view: the articles' attribute-Jaccard item discount.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::discount::offer::{zhe_label, OfferBounds, Percent};
use crate::engine::discount::seed_item::{item_discounts, ItemDiscount, ItemDiscountParams};
use crate::engine::error::EngineError;
use crate::present::csv::item_discounts_csv;
use crate::present::num;
use crate::present::why::why_item;
use crate::present::{engine_error, percent, text, tr, Key};
use crate::ui::browser::download_text;
use crate::ui::state::{Action, AppState};

/// Props of [`ItemsView`].
#[derive(Properties, PartialEq)]
pub struct ItemsViewProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The view.
#[component]
pub fn ItemsView(props: &ItemsViewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    let (bounds, k) = (state.offer_bounds(), state.strategy.item_neighbours);
    let has_attributes = state.data.items.items.iter().any(|i| !i.attributes.is_empty());
    let rows: Rc<Result<Vec<ItemDiscount>, EngineError>> = {
        let data = state.data.clone();
        use_memo((state.version, k, bounds), move |_| {
            item_discounts(
                &data.items,
                &ItemDiscountParams { k, bounds: OfferBounds { min: Percent(0.0), ..bounds } }.check()?,
            )
        })
    };
    if !has_attributes {
        return html! { <section class="card"><p class="hint" id="need-items">{ t(Key::NeedItems) }</p></section> };
    }
    // The same K and maximum as the item formula's strategy in the Discounts view.
    let on_k = {
        let (dispatch, stored) = (props.dispatch.clone(), state.strategy.clone());
        Callback::from(move |e: Event| {
            if let Ok(k) = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().parse::<usize>() {
                let mut next = stored.clone();
                next.item_neighbours = k.clamp(1, 1000);
                dispatch.emit(Action::SetStrategy(Box::new(next)));
            }
        })
    };
    let on_max = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Ok(x) = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().parse::<f64>() {
                dispatch.emit(Action::SetMaxDiscount(x));
            }
        })
    };
    let rows = match &*rows {
        Err(e) => {
            return html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        Ok(r) => r,
    };
    let on_download = {
        let rows = rows.clone();
        Callback::from(move |_| download_text("item-discounts.csv", &item_discounts_csv(&rows, lang), "text/csv"))
    };
    html! {
        <div class="items-view">
            <section class="card controls">
                <label>{ t(Key::K) }<input id="item-k" class="narrow" type="number" min="1" value={k.to_string()} onchange={on_k} /></label>
                <label>{ t(Key::MaxDiscount) }<input id="item-max" class="narrow" type="number" min="0" max="100" step="any" value={bounds.max.0.to_string()} onchange={on_max} /></label>
                <p class="formula">{ t(Key::ItemFormula) }</p>
                <button id="download-items" onclick={on_download}>{ t(Key::DownloadCsv) }</button>
            </section>
            <section class="card">
                <div class="table-scroll tall" tabindex="0">
                    <table class="data-table" id="item-table">
                        <thead><tr>
                            <th scope="col">{ t(Key::ColItem) }</th>
                            <th scope="col">{ t(Key::ColSimilarItems) }</th>
                            <th scope="col">{ t(Key::ColM) }</th>
                            <th scope="col">{ t(Key::ColRaw) }</th>
                            <th scope="col">{ t(Key::ColDiscount) }</th>
                            <th scope="col">{ t(Key::ColZhe) }</th>
                            <th scope="col">{ t(Key::ColWhy) }</th>
                        </tr></thead>
                        <tbody>{ for rows.iter().map(|r| {
                            let ns: Vec<String> = r.neighbours.iter().map(|n| format!("{} ({})", n.id, num(n.similarity))).collect();
                            html! {
                                <tr>
                                    <th scope="row">{ r.item.clone() }</th>
                                    <td class="ids">{ ns.join(", ") }</td>
                                    <td class="num">{ r.m.map(num).unwrap_or_default() }</td>
                                    <td class="num">{ r.raw.map(num).unwrap_or_default() }</td>
                                    <td class="num">{ format!("{}%", percent(r.discount.0)) }</td>
                                    <td>{ zhe_label(r.discount) }</td>
                                    <td class="why">{ why_item(lang, r) }</td>
                                </tr>
                            }
                        }) }</tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}
