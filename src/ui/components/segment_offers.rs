//! The segment strategy's own table of offers: when it is on, each segment gets the
//! percentage typed beside its name instead of the one its elasticity gives.

use yew::prelude::*;

use crate::engine::limits::MAX_PERCENT_OFF;
use crate::options::strategy_edit::StrategyEdit;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_input::NumberInput;

/// Props of [`SegmentOffers`].
#[derive(Properties, PartialEq)]
pub struct SegmentOffersProps {
    /// Language.
    pub lang: Lang,
    /// The segments' names, in order.
    pub names: Vec<String>,
    /// The offer per segment (percent), or `None` when the elasticities decide.
    pub offers: Option<Vec<f64>>,
    /// The table turned on or off, or one offer in it changed.
    pub on_change: Callback<StrategyEdit>,
}

/// The switch, and one field per segment when it is on.
#[component]
pub fn SegmentOffers(props: &SegmentOffersProps) -> Html {
    let lang = props.lang;
    let on_switch = {
        let (n, emit) = (props.names.len(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            emit.emit(StrategyEdit::SegmentTable(input.checked().then_some(n)));
        })
    };
    let fields = props.offers.as_ref().map(|offers| {
        props.names.iter().enumerate().map(|(k, name)| {
            let on_change = {
                let emit = props.on_change.clone();
                Callback::from(move |v: Option<f64>| {
                    if let Some(percent) = v {
                        emit.emit(StrategyEdit::SegmentOffer { segment: k, percent });
                    }
                })
            };
            let value = offers.get(k).copied().unwrap_or(0.0);
            html! {
                <label>{ format!("{k}: {name}") }
                    <NumberInput id={format!("segment-offer-{k}")} class="segment-offer" value={Some(value)} min={0.0}
                        max={MAX_PERCENT_OFF} {lang} {on_change} />
                </label>
            }
        }).collect::<Html>()
    });
    html! { <>
        <label class="check"><input id="segment-table" type="checkbox" checked={props.offers.is_some()} onchange={on_switch} />
            { text(lang, Key::SegmentTable) }</label>
        { fields.unwrap_or_default() }
    </> }
}
