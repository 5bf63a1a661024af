//! Ratings pasted as text, loaded with a button.

use yew::prelude::*;

use crate::present::{text, Key, Lang};

/// Props of [`PasteBox`].
#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Language.
    pub lang: Lang,
    /// The text to load.
    pub on_load: Callback<String>,
}

/// The box and its button.
#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let lang = props.lang;
    let paste = use_state(String::new);
    let on_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            paste.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_load = {
        let (paste, on_load) = (paste.clone(), props.on_load.clone());
        Callback::from(move |_| on_load.emit((*paste).clone()))
    };
    html! { <>
        <label for="paste">{ text(lang, Key::PasteLabel) }</label>
        <textarea id="paste" rows="5" placeholder="user,item,rating\nu1,i1,4" value={(*paste).clone()} oninput={on_input} />
        <button id="paste-load" onclick={on_load}>{ text(lang, Key::PasteLoad) }</button>
    </> }
}
