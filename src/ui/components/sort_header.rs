//! A column header that sorts its table: a button that says which way the table is sorted.

use yew::prelude::*;

use crate::present::{tr, Key, Lang};

/// Props of [`SortHeader`].
#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    /// Language.
    pub lang: Lang,
    /// The column's name.
    pub label: AttrValue,
    /// The header's `aria-sort` ("ascending", "descending" or "none").
    pub aria_sort: AttrValue,
    /// The arrow shown after the name (empty when the table is not sorted by this column).
    pub arrow: AttrValue,
    /// The header was clicked.
    pub on_click: Callback<()>,
}

/// The header.
#[component]
pub fn SortHeader(props: &SortHeaderProps) -> Html {
    let onclick = props.on_click.reform(|_: MouseEvent| ());
    let title = tr(props.lang, Key::SortBy, &[("col", props.label.to_string())]);
    html! {
        <th scope="col" aria-sort={props.aria_sort.clone()}>
            <button class="sort" {onclick} {title}>{ props.label.clone() }{ props.arrow.clone() }</button>
        </th>
    }
}
