//! A number input without a label of its own, for a table cell or a field a caller labels:
//! like [`NumberField`](super::number_field::NumberField) it refuses a value that is not a
//! number, not whole where it must be, or outside its range, shows the value in use again
//! and says why beside it (`#<id>-error`); it also takes the classes and the accessible name
//! that address it (`.coupon-pct`, "coupon 1: % off").

use yew::prelude::*;

use crate::present::number_entry::{read_number, FieldRule};
use crate::present::{num, Lang};
use crate::ui::typing::use_typing;

/// Props of [`NumberInput`].
#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    /// The input's id (the message's is `<id>-error`).
    pub id: AttrValue,
    /// Classes besides `narrow`.
    #[prop_or_default]
    pub class: Classes,
    /// The accessible name, when no `<label>` around the input gives one.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// The value in use; `None` shows an empty field.
    pub value: Option<f64>,
    /// Smallest value accepted.
    pub min: f64,
    /// Largest value accepted.
    pub max: f64,
    /// Whole numbers only.
    #[prop_or_default]
    pub whole: bool,
    /// An empty field is a value (`None`), not a mistake.
    #[prop_or_default]
    pub optional: bool,
    /// Shown when empty.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Language of the messages.
    pub lang: Lang,
    /// A value was accepted.
    pub on_change: Callback<Option<f64>>,
}

/// The input, and the message when a value was refused.
#[component]
pub fn NumberInput(props: &NumberInputProps) -> Html {
    let refused = use_state(|| None::<String>);
    let typing = use_typing();
    let shown = props.value.map(num).unwrap_or_default();
    let onchange = {
        let (refused, on_change, shown, in_use) =
            (refused.clone(), props.on_change.clone(), shown.clone(), props.value);
        let rule = FieldRule { min: props.min, max: props.max, whole: props.whole, optional: props.optional };
        let lang = props.lang;
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match read_number(lang, rule, &input.value()) {
                Ok(v) => {
                    refused.set(None);
                    // The value in use again is no change. Chromium also sends a focused field's
                    // change while the field is being removed (another strategy chosen without
                    // leaving it), when this callback's settings may be out of date: re-sending
                    // them would undo that choice.
                    if v != in_use {
                        on_change.emit(v);
                    }
                }
                Err(why) => {
                    // The value in use stays, and shows again.
                    input.set_value(&shown);
                    refused.set(Some(why));
                }
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let step = if props.whole { "1" } else { "any" };
    html! { <>
        <input id={props.id.clone()} class={classes!("narrow", props.class.clone())} type="number"
            min={num(props.min)} max={num(props.max)} {step} aria-label={props.aria_label.clone()}
            placeholder={props.placeholder.clone()} value={typing.shown(shown)} oninput={typing.oninput()}
            onchange={typing.committing(onchange)} onblur={typing.onblur()}
            aria-invalid={refused.is_some().then_some("true")}
            aria-describedby={refused.is_some().then(|| error_id.clone())} />
        if let Some(why) = &*refused {
            <span class="field-error" id={error_id} role="alert">{ why.clone() }</span>
        }
    </> }
}
