//! One coupon as a row of the coupon table: its percentage, money cap, scope and validity
//! window, and a button that removes it.

use yew::prelude::*;

use crate::engine::data::dates::date_of;
use crate::engine::discount::coupon::{Coupon, Window};
use crate::engine::discount::offer::Percent;
use crate::engine::limits::{MAX_AMOUNT, MAX_PERCENT_OFF};
use crate::options::coupon::window;
use crate::present::{tr, Key, Lang};
use crate::ui::components::coupon_scope_picker::CouponScopePicker;
use crate::ui::components::number_input::NumberInput;
use crate::ui::typing::use_typing;

/// Props of [`CouponRow`].
#[derive(Properties, PartialEq)]
pub struct CouponRowProps {
    /// Language.
    pub lang: Lang,
    /// The coupon's number (from 1).
    pub n: usize,
    /// The coupon.
    pub coupon: Coupon,
    /// Categories of the item table, for the scope menu.
    pub categories: Vec<String>,
    /// The last window edit was refused: the date fields say so.
    pub window_refused: bool,
    /// The coupon with a new percentage, cap or scope.
    pub on_change: Callback<Coupon>,
    /// A new window, or `None` when the dates typed would end it before it starts.
    pub on_window: Callback<Option<Window>>,
    /// Remove the coupon.
    pub on_remove: Callback<()>,
}

/// The days a window's fields show (empty for an open side).
fn days(w: Window) -> (Option<String>, Option<String>) {
    (w.from.and_then(date_of), w.until.and_then(date_of))
}

/// A change handler for one edge of the window: the days the fields show, with this one
/// changed, made a window by the options' one rule (an empty field is open; the last day
/// runs to its end), or `None` when it would end before it starts.
fn on_edge(valid: Window, edge_is_from: bool, emit: Callback<Option<Window>>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let (mut from, mut until) = days(valid);
        let day = Some(input.value().trim().to_string()).filter(|d| !d.is_empty());
        if edge_is_from {
            from = day;
        } else {
            until = day;
        }
        emit.emit(window(from.as_deref(), until.as_deref()).ok());
    })
}

/// The row.
#[component]
pub fn CouponRow(props: &CouponRowProps) -> Html {
    let (lang, n, c) = (props.lang, props.n, &props.coupon);
    let label = |key: Key| tr(lang, key, &[("n", n.to_string())]);
    let (typing_from, typing_until) = (use_typing(), use_typing());
    // The coupon with one thing changed.
    let edit = |f: fn(&mut Coupon, Option<f64>)| {
        let (c, emit) = (c.clone(), props.on_change.clone());
        Callback::from(move |v: Option<f64>| {
            let mut next = c.clone();
            f(&mut next, v);
            emit.emit(next);
        })
    };
    let on_scope = {
        let (c, emit) = (c.clone(), props.on_change.clone());
        Callback::from(move |scope| emit.emit(Coupon { scope, ..c.clone() }))
    };
    let (from, until) = days(c.valid);
    let invalid = props.window_refused.then_some("true");
    html! {
        <tr>
            <th scope="row">{ format!("#{n}") }</th>
            <td><NumberInput id={format!("coupon-pct-{n}")} class="coupon-pct" aria_label={label(Key::CouponPctOf)}
                value={Some(c.percent.0)} min={0.0} max={MAX_PERCENT_OFF} {lang}
                on_change={edit(|c, v| if let Some(x) = v { c.percent = Percent(x) })} /></td>
            <td><NumberInput id={format!("coupon-max-{n}")} class="coupon-max" aria_label={label(Key::CouponMaxOf)}
                value={c.max_amount} min={0.0} max={MAX_AMOUNT} optional=true placeholder="—" {lang}
                on_change={edit(|c, v| c.max_amount = v)} /></td>
            <td class="scope-cell">
                <CouponScopePicker {lang} {n} scope={c.scope.clone()} categories={props.categories.clone()} on_change={on_scope} />
            </td>
            <td><input class="coupon-from" type="date" aria-label={label(Key::CouponFromOf)} aria-invalid={invalid}
                value={typing_from.shown(from.unwrap_or_default())} oninput={typing_from.oninput()} onblur={typing_from.onblur()}
                onchange={typing_from.committing(on_edge(c.valid, true, props.on_window.clone()))} /></td>
            <td><input class="coupon-until" type="date" aria-label={label(Key::CouponUntilOf)} aria-invalid={invalid}
                value={typing_until.shown(until.unwrap_or_default())} oninput={typing_until.oninput()} onblur={typing_until.onblur()}
                onchange={typing_until.committing(on_edge(c.valid, false, props.on_window.clone()))} /></td>
            <td><button class="coupon-remove" onclick={props.on_remove.reform(|_| ())} aria-label={label(Key::CouponRemoveOf)}>{ "×" }</button></td>
        </tr>
    }
}
