//! The Item discounts view: the articles' attribute-Jaccard item discount.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::discount::seed_item::{item_discounts, ItemDiscount, ItemDiscountParams};
use crate::engine::error::EngineError;
use crate::engine::limits::{MAX_NEIGHBOURS, MAX_PERCENT_OFF};
use crate::options::strategy_edit::StrategyEdit;
use crate::present::csv::item_discounts_csv;
use crate::present::Lang;
use crate::present::{engine_error, text, tr, Key};
use crate::ui::browser::download_text;
use crate::ui::components::item_discount_table::ItemDiscountTable;
use crate::ui::components::number_field::NumberField;
use crate::ui::state::Action;
use crate::ui::Shared;

/// Props of [`ItemsView`].
#[derive(Properties, PartialEq)]
pub struct ItemsViewProps {
    /// Interface language.
    pub lang: Lang,
    /// The loaded data (compared by identity).
    pub data: Shared<Dataset>,
    /// Bumped on every data change.
    pub version: u64,
    /// The offers' bounds (the one maximum discount).
    pub bounds: OfferBounds,
    /// The item formula's K.
    pub k: usize,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The view.
#[component]
pub fn ItemsView(props: &ItemsViewProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let (bounds, k) = (props.bounds, props.k);
    let has_attributes = props.data.0.items.items.iter().any(|i| !i.attributes.is_empty());
    let rows: Rc<Result<Shared<Vec<ItemDiscount>>, EngineError>> = {
        let data = props.data.0.clone();
        use_memo((props.version, k, bounds), move |_| {
            let params = ItemDiscountParams { k, bounds: OfferBounds { min: Percent(0.0), ..bounds } }.check()?;
            Ok(Shared(Rc::new(item_discounts(&data.items, &params)?)))
        })
    };
    if !has_attributes {
        return html! { <section class="card"><p class="hint" id="need-items">{ t(Key::NeedItems) }</p></section> };
    }
    // The same K and maximum as the item formula's strategy in the Discounts view.
    let on_k = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(k) = v {
                dispatch.emit(Action::EditStrategy(StrategyEdit::ItemNeighbours(k as usize)));
            }
        })
    };
    let on_max = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(x) = v {
                dispatch.emit(Action::EditStrategy(StrategyEdit::MaxDiscount(x)));
            }
        })
    };
    let rows = match &*rows {
        Err(e) => {
            return html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        Ok(r) => r.clone(),
    };
    let on_download = {
        let rows = rows.clone();
        Callback::from(move |_| download_text("item-discounts.csv", &item_discounts_csv(&rows, lang), "text/csv"))
    };
    html! {
        <div class="items-view">
            <section class="card controls">
                <NumberField id="item-k" label={t(Key::K)} value={Some(k as f64)} min={1.0} max={MAX_NEIGHBOURS as f64} whole=true {lang}
                    on_change={on_k} />
                <NumberField id="item-max" label={t(Key::MaxDiscount)} value={Some(bounds.max.0)} min={0.0} max={MAX_PERCENT_OFF} {lang}
                    on_change={on_max} />
                <p class="formula">{ t(Key::ItemFormula) }</p>
                <button id="download-items" onclick={on_download}>{ t(Key::DownloadCsv) }</button>
            </section>
            <section class="card">
                <div class="table-scroll tall" tabindex="0">
                    <ItemDiscountTable {lang} {rows} />
                </div>
            </section>
        </div>
    }
}
