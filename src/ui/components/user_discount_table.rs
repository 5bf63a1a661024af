//! The articles' user discounts, one row per user with its neighbours and reasons, sortable
//! by user, neighbours' mean, strength or percent off.

use yew::prelude::*;

use crate::engine::discount::offer::zhe_label;
use crate::engine::discount::seed_user::UserDiscount;
use crate::present::num;
use crate::present::table_sort::{sorted_user_discounts, Sort, UserColumn};
use crate::present::why::why_user;
use crate::present::{percent, text, Key, Lang};
use crate::ui::components::sort_header::SortHeader;
use crate::ui::Shared;

/// Props of [`UserDiscountTable`].
#[derive(Properties, PartialEq)]
pub struct UserDiscountTableProps {
    /// Language.
    pub lang: Lang,
    /// The rows, in user order.
    pub rows: Shared<Vec<UserDiscount>>,
    /// The article's code variant (the "why" texts say so).
    pub as_in_article: bool,
}

/// The table.
#[component]
pub fn UserDiscountTable(props: &UserDiscountTableProps) -> Html {
    let lang = props.lang;
    let sort = use_state(|| Sort::new(UserColumn::Off));
    let header = |label: Key, column: Option<UserColumn>| match column {
        None => html! { <th scope="col">{ text(lang, label) }</th> },
        Some(column) => {
            let handle = sort.clone();
            let on_click = Callback::from(move |()| handle.set(handle.click(column)));
            html! { <SortHeader {lang} label={text(lang, label)} aria_sort={sort.aria(column)} arrow={sort.arrow(column)} {on_click} /> }
        }
    };
    html! {
        <table class="data-table" id="discount-table">
            <thead><tr>
                { header(Key::ColUser, Some(UserColumn::User)) }
                { header(Key::ColNeighbours, None) }
                { header(Key::ColMean, Some(UserColumn::Mean)) }
                { header(Key::ColStrength, Some(UserColumn::Strength)) }
                { header(Key::ColOff, Some(UserColumn::Off)) }
                { header(Key::ColZhe, None) }
                { header(Key::ColWhy, None) }
            </tr></thead>
            <tbody>{ for sorted_user_discounts(&props.rows, *sort).into_iter().map(|r| row(lang, r, props.as_in_article)) }</tbody>
        </table>
    }
}

/// One user's row.
fn row(lang: Lang, r: &UserDiscount, as_in_article: bool) -> Html {
    let neighbours: Vec<&str> = r.neighbours.iter().map(|n| n.id.as_str()).collect();
    html! {
        <tr>
            <th scope="row">{ r.user.clone() }</th>
            <td class="ids">{ neighbours.join(", ") }</td>
            <td class="num">{ num(r.neighbour_mean) }</td>
            <td class="num">{ num(r.strength) }</td>
            <td class="num">{ percent(r.percent_off.0) }</td>
            <td class="zhe">{ zhe_label(r.percent_off) }</td>
            <td class="why">{ why_user(lang, r, as_in_article) }</td>
        </tr>
    }
}
