//! The built-in samples: the synthetic shop (at the seed and size its fields hold), the
//! articles' worked example and their code sample, each loaded by its button.

use yew::prelude::*;

use crate::engine::data::samples::ShopParams;
use crate::engine::limits::SHOP_SIZE_HINT_CUSTOMERS;
use crate::present::{text, Key, Lang};
use crate::ui::components::shop_fields::ShopFields;
use crate::ui::state::Sample;

/// Props of [`SamplePicker`].
#[derive(Properties, PartialEq)]
pub struct SamplePickerProps {
    /// Language.
    pub lang: Lang,
    /// The shop the fields first hold.
    pub shop: ShopParams,
    /// A sample to load.
    pub on_load: Callback<Sample>,
}

/// The samples' buttons and the shop's fields.
#[component]
pub fn SamplePicker(props: &SamplePickerProps) -> Html {
    let lang = props.lang;
    let shop = use_state(|| props.shop);
    let button = |sample: Sample, key: Key, id: &'static str| {
        let on_load = props.on_load.clone();
        html! { <button id={id} onclick={Callback::from(move |_| on_load.emit(sample))}>{ text(lang, key) }</button> }
    };
    let on_shop = {
        let shop = shop.clone();
        Callback::from(move |s: ShopParams| shop.set(s.clamped()))
    };
    html! { <>
        <div class="row">
            { button(Sample::Shop(*shop), Key::SampleShop, "sample-shop") }
            <ShopFields {lang} shop={*shop} on_change={on_shop} />
            { button(Sample::Worked, Key::SampleWorked, "sample-worked") }
            { button(Sample::ArticleCode, Key::SampleArticleCode, "sample-article-code") }
        </div>
        if shop.customers > SHOP_SIZE_HINT_CUSTOMERS {
            <p class="hint">{ text(lang, Key::ShopSizeHint) }</p>
        }
    </> }
}
