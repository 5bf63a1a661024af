//! Says the Similarity view's rows are a seeded random sample, and lets the size change or
//! the sample go.

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::limits::{MAX_DRAWN_ROWS, MIN_ROW_SAMPLE};
use crate::present::{text, tr, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`SampleNote`].
#[derive(Properties, PartialEq)]
pub struct SampleNoteProps {
    /// Language.
    pub lang: Lang,
    /// Users or items.
    pub kind: Kind,
    /// Rows in the sample.
    pub k: usize,
    /// Rows in all.
    pub n: usize,
    /// The sample's seed.
    pub seed: u64,
    /// A new sample size.
    pub on_size: Callback<usize>,
    /// All rows, no sample.
    pub on_all: Callback<()>,
}

/// The note.
#[component]
pub fn SampleNote(props: &SampleNoteProps) -> Html {
    let lang = props.lang;
    let key = if props.kind == Kind::User { Key::SampleNoteUsers } else { Key::SampleNoteItems };
    let vars = [("k", props.k.to_string()), ("n", props.n.to_string()), ("seed", props.seed.to_string())];
    let on_size = {
        let emit = props.on_size.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(v) = v {
                emit.emit(v as usize);
            }
        })
    };
    html! {
        <section class="card row" id="sim-sample-note">
            <p class="hint">{ tr(lang, key, &vars) }</p>
            <NumberField id="sim-sample-size" label={text(lang, Key::SampleSize)} value={Some(props.k as f64)}
                min={MIN_ROW_SAMPLE as f64} max={MAX_DRAWN_ROWS as f64} whole=true {lang} on_change={on_size} />
            <button id="sim-sample-all" onclick={props.on_all.reform(|_: MouseEvent| ())}>{ text(lang, Key::ShowAllRows) }</button>
        </section>
    }
}
