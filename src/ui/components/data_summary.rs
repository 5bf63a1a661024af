//! One line on what is loaded (ratings, item table, purchase log, user table), and a warning
//! for a purchase log or user table none of whose customers are in the ratings.

use std::collections::HashSet;

use yew::prelude::*;

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

/// How many of the purchase log's and the user table's customers are in the ratings.
struct Overlap {
    /// Distinct customers of the purchase log.
    log_users: usize,
    /// Of them, those in the ratings.
    log_known: usize,
    /// Users of the user table in the ratings.
    table_known: usize,
}

impl Overlap {
    fn of(data: &Dataset) -> Overlap {
        let rated: HashSet<&str> = data.ratings.user_ids().iter().map(String::as_str).collect();
        let log_users: HashSet<&str> = data.purchases.rows.iter().map(|p| p.user.as_str()).collect();
        Overlap {
            log_users: log_users.len(),
            log_known: log_users.iter().filter(|u| rated.contains(*u)).count(),
            table_known: data.users.rows.keys().filter(|u| rated.contains(u.as_str())).count(),
        }
    }

    /// The files loaded whose customers are all strangers to the ratings (they change nothing).
    fn strangers(&self, data: &Dataset) -> Vec<Key> {
        [
            (!data.purchases.is_empty() && self.log_known == 0, Key::WhatPurchaseLog),
            (!data.users.is_empty() && self.table_known == 0, Key::WhatUserTable),
        ]
        .into_iter()
        .filter_map(|(none, what)| none.then_some(what))
        .collect()
    }
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
        { for overlap.strangers(data).into_iter().map(|what| html! {
            <p class="notice warning" role="status">{ tr(lang, Key::NoCommonUsers, &[("what", text(lang, what).to_string())]) }</p>
        }) }
    </> }
}
