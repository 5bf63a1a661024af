//! The tabs, one button per view: a click or the arrow keys (and Home, End) choose one, as
//! the WAI-ARIA tabs pattern expects.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::present::{text, Key, Lang};
use crate::ui::state::Tab;

/// Props of [`TabBar`].
#[derive(Properties, PartialEq)]
pub struct TabBarProps {
    /// Language.
    pub lang: Lang,
    /// The tab shown.
    pub current: Tab,
    /// A tab chosen.
    pub on_select: Callback<Tab>,
}

/// Focuses the tab at `index` of the tab list `e` happened in: within this instance, as
/// several apps may share a page. (Yew delegates events, so the target, not the current
/// target, is the tab.)
fn focus_tab(e: &KeyboardEvent, index: usize) {
    let tab = e.target().and_then(|t| {
        let tablist = t.dyn_into::<web_sys::Element>().ok()?.parent_element()?;
        tablist.children().item(u32::try_from(index).ok()?)?.dyn_into::<web_sys::HtmlElement>().ok()
    });
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}

/// One tab's button.
fn tab_button(lang: Lang, tab: Tab, selected: bool, on_select: &Callback<Tab>) -> Html {
    let onclick = on_select.reform(move |_: MouseEvent| tab);
    html! {
        <button role="tab" class={classes!("tab", selected.then_some("selected"))} id={tab.button_id()} aria-controls="dl-panel"
            aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
            {onclick}>{ text(lang, tab.label()) }</button>
    }
}

/// The tab list.
#[component]
pub fn TabBar(props: &TabBarProps) -> Html {
    let (lang, current) = (props.lang, props.current);
    let on_key = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = current.after_key(&e.key()) {
                e.prevent_default();
                on_select.emit(next);
                focus_tab(&e, next.index());
            }
        })
    };
    html! {
        <div role="tablist" class="tabs" aria-label={text(lang, Key::AppTitle)} onkeydown={on_key}>
            { for Tab::ALL.iter().map(|&tab| tab_button(lang, tab, tab == current, &props.on_select)) }
        </div>
    }
}
