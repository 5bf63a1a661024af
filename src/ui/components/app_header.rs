//! The app's header: its title, its tagline and the language menu.

use yew::prelude::*;

use crate::present::{text, Key, Lang};

/// Props of [`AppHeader`].
#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    /// Language.
    pub lang: Lang,
    /// Another language chosen.
    pub on_lang: Callback<Lang>,
}

/// The header.
#[component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let on_change = props
        .on_lang
        .reform(|e: Event| Lang::from_code(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
    html! {
        <header class="dl-header">
            <div>
                <h1>{ t(Key::AppTitle) }</h1>
                <p class="tagline">{ t(Key::AppTagline) }</p>
            </div>
            <label class="lang">
                { t(Key::Language) }
                <select onchange={on_change} aria-label={t(Key::Language)}>
                    <option value="en" selected={lang == Lang::En}>{ "English" }</option>
                    <option value="zh" selected={lang == Lang::Zh}>{ "简体中文" }</option>
                </select>
            </label>
        </header>
    }
}
