//! A labelled number field that refuses what it cannot use, and says so beside it: a value
//! that is not a number, not whole where it must be, or outside the field's range is not
//! applied, the field shows the value in use again, and a message names what was typed and
//! why. The field is a [`NumberInput`] inside its `<label>`.

use yew::prelude::*;

use super::number_input::NumberInput;
use crate::present::Lang;

/// Props of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// The label shown.
    pub label: AttrValue,
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

/// The field.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    html! {
        <label>{ props.label.clone() }
            <NumberInput id={props.id.clone()} value={props.value} min={props.min} max={props.max}
                whole={props.whole} optional={props.optional} placeholder={props.placeholder.clone()}
                lang={props.lang} on_change={props.on_change.clone()} />
        </label>
    }
}
