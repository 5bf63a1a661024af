//! What one coupon applies to: everything, one category of the item table, or one item
//! (whose id is typed beside the menu).

use yew::prelude::*;

use crate::engine::discount::coupon::Scope;
use crate::present::{text, tr, Key, Lang};
use crate::ui::typing::use_typing;

/// Props of [`CouponScopePicker`].
#[derive(Properties, PartialEq)]
pub struct CouponScopePickerProps {
    /// Language.
    pub lang: Lang,
    /// The coupon's number (from 1), for the accessible names.
    pub n: usize,
    /// The scope in use.
    pub scope: Scope,
    /// Categories of the item table.
    pub categories: Vec<String>,
    /// A new scope.
    pub on_change: Callback<Scope>,
}

/// The scope as one menu value: "site", "category:NAME" or "item".
fn menu_value(s: &Scope) -> String {
    match s {
        Scope::SiteWide => "site".into(),
        Scope::Category(c) => format!("category:{c}"),
        Scope::Item(_) => "item".into(),
    }
}

/// The scope a menu value chooses; "item" keeps the item id of `current` when it has one.
fn chosen(value: &str, current: &Scope) -> Scope {
    match value.split_once(':') {
        Some(("category", name)) => Scope::Category(name.to_string()),
        _ if value == "item" => Scope::Item(match current {
            Scope::Item(id) => id.clone(),
            _ => String::new(),
        }),
        _ => Scope::SiteWide,
    }
}

/// The menu, and the item id's field when the coupon is for one item.
#[component]
pub fn CouponScopePicker(props: &CouponScopePickerProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let label = |key: Key| tr(lang, key, &[("n", props.n.to_string())]);
    let typing = use_typing();
    let on_menu = {
        let (current, emit) = (props.scope.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            emit.emit(chosen(&select.value(), &current));
        })
    };
    let on_item = props.on_change.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Scope::Item(input.value().trim().to_string())
    });
    let value = menu_value(&props.scope);
    html! {
        <div class="scope">
            <select class="coupon-scope" aria-label={label(Key::CouponScopeOf)} onchange={on_menu}>
                <option value="site" selected={value == "site"}>{ t(Key::CouponScopeSite) }</option>
                { for props.categories.iter().map(|cat| {
                    let v = format!("category:{cat}");
                    html! { <option value={v.clone()} selected={value == v}>{ tr(lang, Key::CouponScopeCategory, &[("name", cat.clone())]) }</option> }
                }) }
                <option value="item" selected={value == "item"}>{ t(Key::CouponScopeItem) }</option>
            </select>
            if let Scope::Item(id) = &props.scope {
                <input class="coupon-item" type="text" placeholder={t(Key::CouponItemId)} aria-label={label(Key::CouponItemOf)}
                    value={typing.shown(id.clone())} oninput={typing.oninput()} onchange={typing.committing(on_item)}
                    onblur={typing.onblur()} />
            }
        </div>
    }
}
