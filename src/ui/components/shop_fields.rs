//! The synthetic shop's seed and size, each a number field that refuses a value the shop
//! cannot be made with (see [`ShopParams::check`]).

use yew::prelude::*;

use crate::engine::data::samples::ShopParams;
use crate::engine::limits::{MAX_FIELD_SEED, MAX_SHOP_CUSTOMERS, MAX_SHOP_PRODUCTS, MIN_SHOP_CUSTOMERS};
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`ShopFields`].
#[derive(Properties, PartialEq)]
pub struct ShopFieldsProps {
    /// Language.
    pub lang: Lang,
    /// The shop as it stands.
    pub shop: ShopParams,
    /// A new seed or size.
    pub on_change: Callback<ShopParams>,
}

/// A field's accepted value (whole, within the field's range) as a count.
fn count(v: f64) -> usize {
    v as usize
}

/// The fields.
#[component]
pub fn ShopFields(props: &ShopFieldsProps) -> Html {
    let (lang, shop) = (props.lang, props.shop);
    let t = |k: Key| text(lang, k);
    // A field's accepted value into a copy of the shop (the fields are never optional).
    let set = |f: fn(&mut ShopParams, f64)| {
        let emit = props.on_change.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(v) = v {
                let mut next = shop;
                f(&mut next, v);
                emit.emit(next);
            }
        })
    };
    html! { <>
        <NumberField id="shop-seed" label={t(Key::Seed)} value={Some(shop.seed as f64)} min={0.0} max={MAX_FIELD_SEED as f64}
            whole=true {lang} on_change={set(|s, v| s.seed = v as u64)} />
        <NumberField id="shop-customers" label={t(Key::Customers)} value={Some(shop.customers as f64)}
            min={MIN_SHOP_CUSTOMERS as f64} max={MAX_SHOP_CUSTOMERS as f64} whole=true {lang}
            on_change={set(|s, v| s.customers = count(v))} />
        <NumberField id="shop-products" label={t(Key::Products)} value={Some(shop.products as f64)}
            min={ShopParams::MIN_PRODUCTS as f64} max={MAX_SHOP_PRODUCTS as f64} whole=true {lang}
            on_change={set(|s, v| s.products = count(v))} />
    </> }
}
