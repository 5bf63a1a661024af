//! Notes on the shared fits behind every strategy: how well the purchase model predicts
//! held-out customers (or why there is none), and how the customers were segmented.

use yew::prelude::*;

use crate::engine::strategy::Context;
use crate::present::why::segments_capped;
use crate::present::{engine_error, tr, Key, Lang};
use crate::ui::Shared;

/// Props of [`ModelNotes`].
#[derive(Properties, PartialEq)]
pub struct ModelNotesProps {
    /// Language.
    pub lang: Lang,
    /// The shared strategy context (nothing is shown without one).
    pub ctx: Shared<Option<Context>>,
}

/// Three decimals, or a dash for none.
fn three(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{v:.3}"))
}

/// The notes' texts.
fn notes(lang: Lang, c: &Context) -> Vec<String> {
    let mut notes = Vec::new();
    match &c.response {
        Ok(m) => {
            if let Some(h) = &m.holdout {
                let figures = [
                    ("acc", three(Some(h.accuracy))),
                    ("prec", three(Some(h.precision))),
                    ("rec", three(Some(h.recall))),
                    ("f1", three(Some(h.f1))),
                    ("auc", three(h.auc)),
                    ("rows", m.rows.0.to_string()),
                ];
                notes.push(tr(lang, Key::ModelQuality, &figures));
            }
        }
        Err(e) => notes.push(tr(lang, Key::NoPurchaseModel, &[("reason", engine_error(lang, e))])),
    }
    if let Ok(s) = &c.segmentation {
        notes.extend(segments_capped(lang, s));
        let figures = [
            ("k", s.profiles.len().to_string()),
            ("inertia", format!("{:.1}", s.inertia)),
            ("sil", three(s.silhouette)),
        ];
        notes.push(tr(lang, Key::SegmentQuality, &figures));
    }
    notes
}

/// The list.
#[component]
pub fn ModelNotes(props: &ModelNotesProps) -> Html {
    let Some(c) = props.ctx.as_ref() else { return html! {} };
    html! { <ul class="notes">{ for notes(props.lang, c).into_iter().map(|n| html! { <li>{ n }</li> }) }</ul> }
}
