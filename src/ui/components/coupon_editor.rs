//! The coupon rules as a small table: each coupon's percentage, money cap, scope
//! (site-wide, one category, one item) and validity window; how coupons combine; and
//! the day the offers are made, which decides the time-limited ones.

use yew::prelude::*;

use crate::engine::data::dates::{date_of, timestamp};
use crate::engine::discount::coupon::{Coupon, CouponRules, Scope, Window};
use crate::present::{text, tr, Key, Lang};
use crate::ui::components::coupon_combine::CouponCombine;
use crate::ui::components::coupon_row::CouponRow;
use crate::ui::typing::use_typing;
use crate::ui::{on_change, Edit};

/// Props of [`CouponEditor`].
#[derive(Properties, PartialEq)]
pub struct CouponEditorProps {
    /// Language.
    pub lang: Lang,
    /// The rules.
    pub rules: CouponRules,
    /// Categories of the item table, for the scope menu.
    pub categories: Vec<String>,
    /// The day offers are made when none is chosen (the end of the purchase log; 0 for none).
    pub default_at: f64,
    /// Coupons (by position) whose item is not in the data.
    pub unknown_items: Vec<usize>,
    /// New rules.
    pub on_change: Callback<CouponRules>,
}

/// Coupons at most (the engine's own limit is larger; a form of more is unreadable).
const MAX_COUPONS: usize = 8;

/// `rules` with coupon `k` changed by `f` (nothing when there is no coupon `k`).
fn with_coupon(rules: &CouponRules, k: usize, f: impl FnOnce(&mut Coupon)) -> CouponRules {
    let mut next = rules.clone();
    if let Some(c) = next.coupons.get_mut(k) {
        f(c);
    }
    next
}

/// The coupon a new row starts with: the default rules' own (10% off everything, always).
fn first_coupon() -> Option<Coupon> {
    CouponRules::default().coupons.into_iter().next()
}

/// One row per coupon, each editing its coupon in a copy of `rules`. A window that would end
/// before it starts is not applied: `refused` says which coupon's was.
fn rows(props: &CouponEditorProps, refused: &UseStateHandle<Option<usize>>) -> Html {
    let rules = &props.rules;
    let count = rules.coupons.len();
    rules
        .coupons
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let on_change = {
                let (rules, emit) = (rules.clone(), props.on_change.clone());
                Callback::from(move |c: Coupon| emit.emit(with_coupon(&rules, k, |old| *old = c)))
            };
            let on_window = {
                let (rules, emit, refused) = (rules.clone(), props.on_change.clone(), refused.clone());
                Callback::from(move |w: Option<Window>| match w {
                    Some(w) => {
                        refused.set(None);
                        emit.emit(with_coupon(&rules, k, |c| c.valid = w));
                    }
                    None => refused.set(Some(k)),
                })
            };
            let on_remove = {
                let (rules, emit) = (rules.clone(), props.on_change.clone());
                Callback::from(move |()| {
                    let mut next = rules.clone();
                    next.coupons.remove(k);
                    emit.emit(next);
                })
            };
            // Keyed by the count too: after an add or a removal every row starts afresh, so no
            // message about a refused value stays beside another coupon.
            html! {
                <CouponRow key={format!("{count}-{k}")} lang={props.lang} n={k + 1} coupon={c.clone()}
                    categories={props.categories.clone()} window_refused={**refused == Some(k)}
                    {on_change} {on_window} {on_remove} />
            }
        })
        .collect()
}

/// Notes on item coupons whose item is not in the data.
fn unknown_notes(props: &CouponEditorProps) -> Html {
    let lang = props.lang;
    props.unknown_items.iter().filter_map(|&k| match props.rules.coupons.get(k).map(|c| &c.scope) {
        Some(Scope::Item(id)) => Some(html! {
            <p class="notice warning" role="status">{ tr(lang, Key::CouponUnknownItem, &[("n", (k + 1).to_string()), ("item", id.clone())]) }</p>
        }),
        _ => None,
    }).collect()
}

/// The editor.
#[component]
pub fn CouponEditor(props: &CouponEditorProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let rules = &props.rules;
    let refused = use_state(|| None::<usize>);
    let typing_at = use_typing();
    let edit = |f: Edit<CouponRules>| on_change(rules.clone(), props.on_change.clone(), f);
    let on_add = {
        let (rules, emit) = (rules.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut next = rules.clone();
            next.coupons.extend(first_coupon());
            emit.emit(next);
        })
    };
    let on_combine = {
        let (rules, emit) = (rules.clone(), props.on_change.clone());
        Callback::from(move |combine| emit.emit(CouponRules { combine, ..rules.clone() }))
    };
    // An empty day is the end of the purchase log.
    let on_at = edit(Box::new(|r, v| r.at = timestamp(v.trim())));
    let effective_at = rules.at.unwrap_or(props.default_at);
    let at = if effective_at != 0.0 { date_of(effective_at).unwrap_or_default() } else { String::new() };
    html! {
        <fieldset class="coupons" id="coupons">
            <legend>{ t(Key::Coupons) }</legend>
            <div class="table-scroll" tabindex="0">
                <table class="data-table compact" id="coupon-table">
                    <thead><tr>
                        <th scope="col">{ "#" }</th>
                        <th scope="col">{ t(Key::CouponPct) }</th>
                        <th scope="col">{ t(Key::CouponMax) }</th>
                        <th scope="col" class="scope-cell">{ t(Key::CouponScope) }</th>
                        <th scope="col">{ t(Key::CouponFrom) }</th>
                        <th scope="col">{ t(Key::CouponUntil) }</th>
                        <th scope="col"><span class="sr-only">{ t(Key::CouponRemove) }</span></th>
                    </tr></thead>
                    <tbody>
                        { rows(props, &refused) }
                        if rules.coupons.is_empty() {
                            <tr><td colspan="7" class="hint">{ t(Key::CouponNone) }</td></tr>
                        }
                    </tbody>
                </table>
            </div>
            if let Some(k) = *refused {
                <p class="notice error" role="alert" id="coupon-refused">{ tr(lang, Key::CouponWindowRefused, &[("n", (k + 1).to_string())]) }</p>
            }
            { unknown_notes(props) }
            <div class="row">
                if rules.coupons.len() < MAX_COUPONS {
                    <button id="coupon-add" onclick={on_add}>{ t(Key::CouponAdd) }</button>
                }
                <CouponCombine {lang} combine={rules.combine} on_change={on_combine} />
                <label>{ t(Key::CouponAt) }<input id="coupon-at" type="date" value={typing_at.shown(at)}
                    oninput={typing_at.oninput()} onchange={typing_at.committing(on_at)} onblur={typing_at.onblur()} /></label>
            </div>
            <p class="hint">{ t(Key::CouponAtHint) }</p>
            <p class="hint">{ t(Key::CouponFixedHint) }</p>
        </fieldset>
    }
}
