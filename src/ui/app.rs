//! The root component: header, tabs and the current view.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::ShopParams;
use crate::present::{text, Key, Lang};
use crate::ui::browser::{initial_lang, remember_lang};
use crate::ui::components::notice::NoticeBar;
use crate::ui::state::{Action, AppState, Sample, Tab};
use crate::ui::views::data::DataView;
use crate::ui::views::discounts::DiscountsView;
use crate::ui::views::evaluate::EvaluateView;
use crate::ui::views::items::ItemsView;
use crate::ui::views::similarity::SimilarityView;
use crate::ui::Shared;

/// Options of a mounted app (all optional).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Show only this view, without tabs ("data", "similarity", "discounts", "items").
    #[prop_or_default]
    pub view: Option<String>,
    /// Language ("en" or "zh"); otherwise remembered or the browser's.
    #[prop_or_default]
    pub lang: Option<String>,
    /// Sample to open on ("shop", "worked", "article-code"); default the shop.
    #[prop_or_default]
    pub sample: Option<String>,
    /// Seed of the synthetic shop (default 42).
    #[prop_or_default]
    pub seed: Option<u64>,
    /// Customers of the synthetic shop (default 300, at most 20,000).
    #[prop_or_default]
    pub customers: Option<usize>,
    /// Products of the synthetic shop (default 80, 7 to 2,000).
    #[prop_or_default]
    pub products: Option<usize>,
    /// The app is the whole page: it sets the page's language and title (an embedded
    /// instance leaves its host page's alone).
    #[prop_or_default]
    pub page: bool,
}

/// The shop of a mount's options, within the sizes the Data view offers.
pub fn shop_of(props: &AppProps) -> ShopParams {
    let d = ShopParams::default();
    ShopParams {
        seed: props.seed.unwrap_or(d.seed),
        customers: props.customers.unwrap_or(d.customers),
        products: props.products.unwrap_or(d.products),
    }
    .clamped()
}

/// The application.
#[component]
pub fn App(props: &AppProps) -> Html {
    let only = props.view.as_deref().and_then(Tab::from_name);
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let lang = props.lang.as_deref().map(Lang::from_code).unwrap_or_else(initial_lang);
            let shop = shop_of(&props);
            let sample = props.sample.as_deref().and_then(|s| Sample::from_name(s, shop)).unwrap_or(Sample::Shop(shop));
            AppState::new(lang, sample, only.unwrap_or(Tab::Similarity))
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    {
        let page = props.page;
        use_effect_with(lang, move |lang| {
            if let (true, Some(doc)) = (page, web_sys::window().and_then(|w| w.document())) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.code());
                }
                doc.set_title(text(*lang, Key::AppTitle));
            }
        });
    }

    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let l = Lang::from_code(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
            remember_lang(l);
            dispatch.emit(Action::SetLang(l));
        })
    };
    let tab_button = |tab: Tab, key: Key| {
        let id = tab_id(tab);
        let dispatch = dispatch.clone();
        let selected = state.tab == tab;
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("selected"))} id={id} aria-controls="dl-panel"
                aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                onclick={Callback::from(move |_| dispatch.emit(Action::SetTab(tab)))}>{ t(key) }</button>
        }
    };
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    let on_tab_key = {
        let dispatch = dispatch.clone();
        let current = state.tab;
        Callback::from(move |e: KeyboardEvent| {
            const ORDER: [Tab; 5] = [Tab::Data, Tab::Similarity, Tab::Discounts, Tab::Items, Tab::Evaluate];
            let at = ORDER.iter().position(|t| *t == current).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % ORDER.len(),
                "ArrowLeft" => (at + ORDER.len() - 1) % ORDER.len(),
                "Home" => 0,
                "End" => ORDER.len() - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(Action::SetTab(ORDER[next]));
            // Focus the tab within this instance (several apps may share a page).
            // (Yew delegates events, so the target, not the current target, is the tab.)
            if let Some(tab) = e.target().and_then(|t| {
                use wasm_bindgen::JsCast;
                let tablist = t.dyn_into::<web_sys::Element>().ok()?.parent_element()?;
                tablist.children().item(next as u32)?.dyn_into::<web_sys::HtmlElement>().ok()
            }) {
                let _ = tab.focus();
            }
        })
    };
    let state_rc: Rc<AppState> = Rc::new((*state).clone());
    let view = match state.tab {
        Tab::Data => html! { <DataView state={state_rc.clone()} dispatch={dispatch.clone()} /> },
        Tab::Similarity => html! { <SimilarityView state={state_rc.clone()} dispatch={dispatch.clone()} /> },
        Tab::Discounts => html! { <DiscountsView state={state_rc.clone()} dispatch={dispatch.clone()} /> },
        Tab::Items => html! { <ItemsView state={state_rc.clone()} dispatch={dispatch.clone()} /> },
        Tab::Evaluate => {
            html! { <EvaluateView lang={state.lang} data={Shared(state.data.clone())} version={state.version} runs={state.eval_runs.clone()} dispatch={dispatch.clone()} /> }
        }
    };
    html! {
        <div class="dl-app" lang={lang.code()}>
            if only.is_none() {
                <header class="dl-header">
                    <div>
                        <h1>{ t(Key::AppTitle) }</h1>
                        <p class="tagline">{ t(Key::AppTagline) }</p>
                    </div>
                    <label class="lang">
                        { t(Key::Language) }
                        <select onchange={on_lang} aria-label={t(Key::Language)}>
                            <option value="en" selected={lang == Lang::En}>{ "English" }</option>
                            <option value="zh" selected={lang == Lang::Zh}>{ "简体中文" }</option>
                        </select>
                    </label>
                </header>
                <div role="tablist" class="tabs" aria-label={t(Key::AppTitle)} onkeydown={on_tab_key}>
                    { tab_button(Tab::Data, Key::TabData) }
                    { tab_button(Tab::Similarity, Key::TabSimilarity) }
                    { tab_button(Tab::Discounts, Key::TabDiscounts) }
                    { tab_button(Tab::Items, Key::TabItems) }
                    { tab_button(Tab::Evaluate, Key::TabEvaluate) }
                </div>
            }
            <NoticeBar state={state_rc.clone()} dispatch={dispatch.clone()} />
            // The page (index.html) holds the `main` landmark: an embedding page has its own.
            if only.is_none() {
                <div class="dl-view" role="tabpanel" id="dl-panel" aria-labelledby={tab_id(state.tab)}>{ view }</div>
            } else {
                <div class="dl-view">{ view }</div>
            }
        </div>
    }
}

/// The id of a tab's button (the tab panel is labelled by it).
fn tab_id(tab: Tab) -> &'static str {
    match tab {
        Tab::Data => "tab-data",
        Tab::Similarity => "tab-similarity",
        Tab::Discounts => "tab-discounts",
        Tab::Items => "tab-items",
        Tab::Evaluate => "tab-evaluate",
    }
}
