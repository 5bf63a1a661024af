//! The coupon rules as a small table: each coupon's percentage, money cap, scope
//! (site-wide, one category, one item) and validity window; how coupons combine; and
//! the day the offers are made, which decides the time-limited ones.

use yew::prelude::*;

use crate::engine::data::dates::{date_of, timestamp};
use crate::engine::discount::coupon::{Combine, Coupon, CouponRules, Scope, Window};
use crate::engine::discount::offer::Percent;
use crate::options::coupon::window;
use crate::present::{text, tr, Key, Lang};
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

fn number(v: &str) -> Option<f64> {
    v.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// The scope as one menu value: "site", "category:NAME" or "item".
fn scope_value(s: &Scope) -> String {
    match s {
        Scope::SiteWide => "site".into(),
        Scope::Category(c) => format!("category:{c}"),
        Scope::Item(_) => "item".into(),
    }
}

/// The editor.
#[component]
pub fn CouponEditor(props: &CouponEditorProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let rules = props.rules.clone();
    let edit = |f: Edit<CouponRules>| on_change(rules.clone(), props.on_change.clone(), f);
    // A window edit that would end before it starts is refused; this says which coupon.
    let refused = use_state(|| None::<usize>);
    let window = |k: usize, edge_is_from: bool| {
        let (rules, cb, refused) = (rules.clone(), props.on_change.clone(), refused.clone());
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = rules.clone();
            let Some(c) = next.coupons.get_mut(k) else { return };
            // The days the fields show, with this one changed, made a window by the options'
            // one rule (an empty field is open; the last day runs to its end).
            let (mut from, mut until) = (c.valid.from.and_then(date_of), c.valid.until.and_then(date_of));
            let day = Some(el.value().trim().to_string()).filter(|d| !d.is_empty());
            if edge_is_from {
                from = day;
            } else {
                until = day;
            }
            match window(from.as_deref(), until.as_deref()) {
                Ok(w) => {
                    refused.set(None);
                    c.valid = w;
                    cb.emit(next);
                }
                Err(_) => refused.set(Some(k)),
            }
        })
    };
    // Edits coupon `k` from an input's value.
    let field = |k: usize, f: fn(&mut Coupon, &str)| {
        edit(Box::new(move |r, v| {
            if let Some(c) = r.coupons.get_mut(k) {
                f(c, &v);
            }
        }))
    };
    let rows = rules.coupons.iter().enumerate().map(|(k, c)| {
        let n = k + 1;
        let on_pct = field(k, |c, v| {
            if let Some(x) = number(v) {
                c.percent = Percent(x.clamp(0.0, 100.0));
            }
        });
        let on_max = field(k, |c, v| c.max_amount = number(v).map(|x| x.max(0.0)));
        let on_scope = field(k, |c, v| {
            c.scope = match v.split_once(':') {
                Some(("category", name)) => Scope::Category(name.to_string()),
                _ if v == "item" => Scope::Item(match &c.scope {
                    Scope::Item(id) => id.clone(),
                    _ => String::new(),
                }),
                _ => Scope::SiteWide,
            }
        });
        let on_item = field(k, |c, v| c.scope = Scope::Item(v.trim().to_string()));
        let (on_from, on_until) = (window(k, true), window(k, false));
        let invalid = (*refused == Some(k)).then_some("true");
        let on_remove = {
            let (rules, cb) = (rules.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut next = rules.clone();
                next.coupons.remove(k);
                cb.emit(next);
            })
        };
        let scope = scope_value(&c.scope);
        let (from, until) =
            (c.valid.from.and_then(date_of).unwrap_or_default(), c.valid.until.and_then(date_of).unwrap_or_default());
        let label = |key: Key| tr(lang, key, &[("n", n.to_string())]);
        html! {
            <tr>
                <th scope="row">{ format!("#{n}") }</th>
                <td><input class="narrow coupon-pct" type="number" min="0" max="100" step="any" aria-label={label(Key::CouponPctOf)}
                    value={c.percent.0.to_string()} onchange={on_pct} /></td>
                <td><input class="narrow coupon-max" type="number" min="0" step="any" placeholder="—" aria-label={label(Key::CouponMaxOf)}
                    value={c.max_amount.map(|m| m.to_string()).unwrap_or_default()} onchange={on_max} /></td>
                <td class="scope-cell"><div class="scope">
                    <select class="coupon-scope" aria-label={label(Key::CouponScopeOf)} onchange={on_scope}>
                        <option value="site" selected={scope == "site"}>{ t(Key::CouponScopeSite) }</option>
                        { for props.categories.iter().map(|cat| {
                            let v = format!("category:{cat}");
                            html! { <option value={v.clone()} selected={scope == v}>{ tr(lang, Key::CouponScopeCategory, &[("name", cat.clone())]) }</option> }
                        }) }
                        <option value="item" selected={scope == "item"}>{ t(Key::CouponScopeItem) }</option>
                    </select>
                    if let Scope::Item(id) = &c.scope {
                        <input class="coupon-item" type="text" placeholder={t(Key::CouponItemId)} aria-label={label(Key::CouponItemOf)}
                            value={id.clone()} onchange={on_item} />
                    }
                </div></td>
                <td><input class="coupon-from" type="date" aria-label={label(Key::CouponFromOf)} aria-invalid={invalid} value={from} onchange={on_from} /></td>
                <td><input class="coupon-until" type="date" aria-label={label(Key::CouponUntilOf)} aria-invalid={invalid} value={until} onchange={on_until} /></td>
                <td><button class="coupon-remove" onclick={on_remove} aria-label={label(Key::CouponRemoveOf)}>{ "×" }</button></td>
            </tr>
        }
    });
    let on_add = {
        let (rules, cb) = (rules.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut next = rules.clone();
            next.coupons.push(Coupon {
                percent: Percent(10.0),
                max_amount: None,
                scope: Scope::SiteWide,
                valid: Window::ALWAYS,
            });
            cb.emit(next);
        })
    };
    let on_combine = edit(Box::new(|r, v| {
        r.combine = if v == "stacked" { Combine::Stacked { cap: Percent(25.0) } } else { Combine::BestOf }
    }));
    let on_stack_cap = edit(Box::new(|r, v| {
        if let Some(x) = number(&v) {
            r.combine = Combine::Stacked { cap: Percent(x.clamp(0.0, 100.0)) };
        }
    }));
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
                        { for rows }
                        if rules.coupons.is_empty() {
                            <tr><td colspan="7" class="hint">{ t(Key::CouponNone) }</td></tr>
                        }
                    </tbody>
                </table>
            </div>
            if let Some(k) = *refused {
                <p class="notice error" role="alert" id="coupon-refused">{ tr(lang, Key::CouponWindowRefused, &[("n", (k + 1).to_string())]) }</p>
            }
            { for props.unknown_items.iter().filter_map(|&k| match rules.coupons.get(k).map(|c| &c.scope) {
                Some(Scope::Item(id)) => Some(html! {
                    <p class="notice warning" role="status">{ tr(lang, Key::CouponUnknownItem, &[("n", (k + 1).to_string()), ("item", id.clone())]) }</p>
                }),
                _ => None,
            }) }
            <div class="row">
                if rules.coupons.len() < MAX_COUPONS {
                    <button id="coupon-add" onclick={on_add}>{ t(Key::CouponAdd) }</button>
                }
                <label>{ t(Key::CouponCombine) }
                    <select id="coupon-combine" onchange={on_combine}>
                        <option value="best" selected={rules.combine == Combine::BestOf}>{ t(Key::CouponBestOf) }</option>
                        <option value="stacked" selected={matches!(rules.combine, Combine::Stacked { .. })}>{ t(Key::CouponStacked) }</option>
                    </select>
                </label>
                if let Combine::Stacked { cap } = rules.combine {
                    <label>{ t(Key::CouponStackCap) }<input id="coupon-cap" class="narrow" type="number" min="0" max="100" step="any" value={cap.0.to_string()} onchange={on_stack_cap} /></label>
                }
                <label>{ t(Key::CouponAt) }<input id="coupon-at" type="date" value={at} onchange={on_at} /></label>
            </div>
            <p class="hint">{ t(Key::CouponAtHint) }</p>
            <p class="hint">{ t(Key::CouponFixedHint) }</p>
        </fieldset>
    }
}
