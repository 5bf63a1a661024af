//! The duplicate user-item pairs of the last file read (the last rating of each was kept),
//! the first ten listed with their lines.

use yew::prelude::*;

use crate::engine::data::parse::DuplicateWarning;
use crate::present::{tr, Key, Lang};

/// Pairs listed at most.
const LISTED: usize = 10;

/// Props of [`DuplicateList`].
#[derive(Properties, PartialEq)]
pub struct DuplicateListProps {
    /// Language.
    pub lang: Lang,
    /// The pairs.
    pub duplicates: Vec<DuplicateWarning>,
}

/// One pair and its lines.
fn line(lang: Lang, d: &DuplicateWarning) -> String {
    let lines: Vec<String> = d.lines.iter().map(|l| l.to_string()).collect();
    tr(lang, Key::DuplicateLine, &[("user", d.user.clone()), ("item", d.item.clone()), ("lines", lines.join(", "))])
}

/// The warning, or nothing when there is no duplicate.
#[component]
pub fn DuplicateList(props: &DuplicateListProps) -> Html {
    let lang = props.lang;
    if props.duplicates.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice warning" role="status">
            <strong>{ tr(lang, Key::Duplicates, &[("n", props.duplicates.len().to_string())]) }</strong>
            <ul>{ for props.duplicates.iter().take(LISTED).map(|d| html! { <li>{ line(lang, d) }</li> }) }</ul>
        </div>
    }
}
