//! How several coupons on one purchase combine: the best one counts, or they stack up to a
//! cap (in percent of the price).

use yew::prelude::*;

use crate::engine::discount::coupon::Combine;
use crate::engine::discount::offer::Percent;
use crate::engine::limits::MAX_PERCENT_OFF;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`CouponCombine`].
#[derive(Properties, PartialEq)]
pub struct CouponCombineProps {
    /// Language.
    pub lang: Lang,
    /// How coupons combine now.
    pub combine: Combine,
    /// A new way.
    pub on_change: Callback<Combine>,
}

/// The menu, and the stacking cap when coupons stack.
#[component]
pub fn CouponCombine(props: &CouponCombineProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let on_menu = props.on_change.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if select.value() == "stacked" {
            Combine::FIRST_STACKED
        } else {
            Combine::BestOf
        }
    });
    let on_cap = {
        let emit = props.on_change.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(x) = v {
                emit.emit(Combine::Stacked { cap: Percent(x) });
            }
        })
    };
    html! { <>
        <label>{ t(Key::CouponCombine) }
            <select id="coupon-combine" onchange={on_menu}>
                <option value="best" selected={props.combine == Combine::BestOf}>{ t(Key::CouponBestOf) }</option>
                <option value="stacked" selected={matches!(props.combine, Combine::Stacked { .. })}>{ t(Key::CouponStacked) }</option>
            </select>
        </label>
        if let Combine::Stacked { cap } = props.combine {
            <NumberField id="coupon-cap" label={t(Key::CouponStackCap)} value={Some(cap.0)} min={0.0} max={MAX_PERCENT_OFF} {lang}
                on_change={on_cap} />
        }
    </> }
}
