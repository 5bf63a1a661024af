//! The articles' item discounts, one row per item with its most similar items and reasons.

use yew::prelude::*;

use crate::engine::discount::offer::zhe_label;
use crate::engine::discount::seed_item::ItemDiscount;
use crate::present::num;
use crate::present::why::why_item;
use crate::present::{percent, text, Key, Lang};
use crate::ui::Shared;

/// Props of [`ItemDiscountTable`].
#[derive(Properties, PartialEq)]
pub struct ItemDiscountTableProps {
    /// Language.
    pub lang: Lang,
    /// The rows.
    pub rows: Shared<Vec<ItemDiscount>>,
}

/// The table.
#[component]
pub fn ItemDiscountTable(props: &ItemDiscountTableProps) -> Html {
    let lang = props.lang;
    let columns =
        [Key::ColItem, Key::ColSimilarItems, Key::ColM, Key::ColRaw, Key::ColDiscount, Key::ColZhe, Key::ColWhy];
    html! {
        <table class="data-table" id="item-table">
            <thead><tr>
                { for columns.iter().map(|&k| html! { <th scope="col">{ text(lang, k) }</th> }) }
            </tr></thead>
            <tbody>{ for props.rows.iter().map(|r| row(lang, r)) }</tbody>
        </table>
    }
}

/// One item's row.
fn row(lang: Lang, r: &ItemDiscount) -> Html {
    let neighbours: Vec<String> = r.neighbours.iter().map(|n| format!("{} ({})", n.id, num(n.similarity))).collect();
    html! {
        <tr>
            <th scope="row">{ r.item.clone() }</th>
            <td class="ids">{ neighbours.join(", ") }</td>
            <td class="num">{ r.m.map(num).unwrap_or_default() }</td>
            <td class="num">{ r.raw.map(num).unwrap_or_default() }</td>
            <td class="num">{ format!("{}%", percent(r.discount.0)) }</td>
            <td>{ zhe_label(r.discount) }</td>
            <td class="why">{ why_item(lang, r) }</td>
        </tr>
    }
}
