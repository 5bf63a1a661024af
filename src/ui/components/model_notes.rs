//! Notes on the shared fits behind every strategy: how well the purchase model predicts
//! held-out customers (or why there is none), and how the customers were segmented.

use yew::prelude::*;

use crate::engine::strategy::Context;
use crate::present::model_notes::model_notes;
use crate::present::Lang;
use crate::ui::Shared;

/// Props of [`ModelNotes`].
#[derive(Properties, PartialEq)]
pub struct ModelNotesProps {
    /// Language.
    pub lang: Lang,
    /// The shared strategy context (nothing is shown without one).
    pub ctx: Shared<Option<Context>>,
}

/// The list.
#[component]
pub fn ModelNotes(props: &ModelNotesProps) -> Html {
    let Some(c) = props.ctx.as_ref() else { return html! {} };
    html! { <ul class="notes">{ for model_notes(props.lang, c).into_iter().map(|n| html! { <li>{ n }</li> }) }</ul> }
}
