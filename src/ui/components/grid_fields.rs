//! The grid search's switch and its lists (k and measures for k-NN, factors for SVD, SVD++ and
//! NMF, epochs for those and co-clustering), as comma-separated text.

use yew::prelude::*;

use crate::present::{text, Key, Lang};

/// Props of [`GridFields`].
#[derive(Properties, PartialEq)]
pub struct GridFieldsProps {
    /// Language.
    pub lang: Lang,
    /// Whether the grid search is on.
    pub on: bool,
    /// The lists as typed: k, measures, factors, epochs.
    pub texts: [String; 4],
    /// The algorithm is a k-NN one.
    pub knn: bool,
    /// The algorithm takes a number of factors.
    pub factors: bool,
    /// The algorithm takes a number of epochs.
    pub epochs: bool,
    /// The switch changed.
    pub on_toggle: Callback<bool>,
    /// List `k` changed to the text given.
    pub on_text: Callback<(usize, String)>,
}

/// The fields.
#[component]
pub fn GridFields(props: &GridFieldsProps) -> Html {
    let t = |k: Key| text(props.lang, k);
    let on_toggle = props.on_toggle.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
    let list = |k: usize, id: &'static str, label: Key| {
        let on_text = props.on_text.clone();
        let onchange = Callback::from(move |e: Event| {
            on_text.emit((k, e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
        });
        html! { <label>{ t(label) }<input id={id} type="text" value={props.texts[k].clone()} {onchange} /></label> }
    };
    html! { <>
        <label class="check"><input id="eval-grid" type="checkbox" checked={props.on} onchange={on_toggle} />{ t(Key::GridSearch) }</label>
        if props.on {
            <p class="hint intro">{ t(Key::GridSearchHint) }</p>
            if props.knn {
                { list(0, "grid-k", Key::GridK) }
                { list(1, "grid-measures", Key::GridMeasures) }
            }
            if props.factors {
                { list(2, "grid-factors", Key::GridFactors) }
            }
            if props.epochs {
                { list(3, "grid-epochs", Key::GridEpochs) }
            }
        }
    </> }
}
