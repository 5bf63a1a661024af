//! One line on what is loaded (ratings, item table, purchase log, user table), and a warning
//! for a purchase log or user table none of whose customers are in the ratings.

use yew::prelude::*;

use crate::engine::data::overlap::Overlap;
use crate::engine::data::samples::Dataset;
use crate::present::{text, tr, Key, Lang};
use crate::ui::Shared;

/// Props of [`DataSummary`].
#[derive(Properties, PartialEq)]
pub struct DataSummaryProps {
    /// Language.
    pub lang: Lang,
    /// What is loaded.
    pub data: Shared<Dataset>,
}

/// The files loaded whose customers are all strangers to the ratings (they change nothing).
fn strangers(overlap: &Overlap) -> Vec<Key> {
    [(overlap.log_of_strangers(), Key::WhatPurchaseLog), (overlap.table_of_strangers(), Key::WhatUserTable)]
        .into_iter()
        .filter_map(|(none, what)| none.then_some(what))
        .collect()
}

/// The summary's parts: ratings, item table, purchase log, user table.
fn summary_parts(lang: Lang, data: &Dataset, overlap: &Overlap) -> [String; 4] {
    let r = &data.ratings;
    let scale = r.scale();
    let ratings = tr(
        lang,
        Key::Summary,
        &[
            ("users", r.n_users().to_string()),
            ("items", r.n_items().to_string()),
            ("ratings", r.len().to_string()),
            ("lo", scale.lo.to_string()),
            ("hi", scale.hi.to_string()),
        ],
    );
    let items = if data.items.items.is_empty() {
        text(lang, Key::SummaryNoItems).to_string()
    } else {
        tr(lang, Key::SummaryItems, &[("n", data.items.items.len().to_string())])
    };
    let purchases = if data.purchases.is_empty() {
        text(lang, Key::SummaryNoPurchases).to_string()
    } else {
        let n = data.purchases.len().to_string();
        let (known, users) = (overlap.log_known.to_string(), overlap.log_users.to_string());
        tr(lang, Key::SummaryPurchases, &[("n", n), ("known", known), ("users", users)])
    };
    let table = &data.users;
    let users = if table.is_empty() {
        text(lang, Key::SummaryNoUsers).to_string()
    } else {
        let (n, known) = (table.rows.len().to_string(), overlap.table_known.to_string());
        tr(lang, Key::SummaryUsers, &[("n", n), ("known", known), ("columns", table.columns.join(", "))])
    };
    [ratings, items, purchases, users]
}

/// The summary line and its warnings.
#[component]
pub fn DataSummary(props: &DataSummaryProps) -> Html {
    let (lang, data) = (props.lang, &*props.data);
    let overlap = Overlap::of(data);
    let line = summary_parts(lang, data, &overlap).join(" · ");
    html! { <>
        <p class="summary" id="data-summary">{ line }</p>
        { for strangers(&overlap).into_iter().map(|what| html! {
            <p class="notice warning" role="status">{ tr(lang, Key::NoCommonUsers, &[("what", text(lang, what).to_string())]) }</p>
        }) }
    </> }
}
