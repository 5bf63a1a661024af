//! The guardrails every offer is held to: the largest percentage off, the margin over unit
//! cost that must remain, and the most money off one purchase (empty: no cap).

use yew::prelude::*;

use crate::engine::discount::guardrails::Guardrails;
use crate::engine::limits::{MAX_AMOUNT, MAX_MIN_MARGIN, MAX_PERCENT_OFF};
use crate::options::strategy_edit::StrategyEdit;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`GuardrailFields`].
#[derive(Properties, PartialEq)]
pub struct GuardrailFieldsProps {
    /// Language.
    pub lang: Lang,
    /// The guardrails in use.
    pub guardrails: Guardrails,
    /// One of them changed.
    pub on_change: Callback<StrategyEdit>,
}

/// The fields.
#[component]
pub fn GuardrailFields(props: &GuardrailFieldsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let g = props.guardrails;
    // A field's accepted value as the one setting it edits (`None`: empty, which only the cap takes).
    let set = |edit: fn(Option<f64>) -> Option<StrategyEdit>| {
        let emit = props.on_change.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(e) = edit(v) {
                emit.emit(e);
            }
        })
    };
    html! { <>
        <NumberField id="guard-max" label={t(Key::MaxDiscount)} value={Some(g.max_discount.0)} min={0.0} max={MAX_PERCENT_OFF} {lang}
            on_change={set(|v| v.map(StrategyEdit::MaxDiscount))} />
        <NumberField id="guard-margin" label={t(Key::MinMargin)} value={Some(g.min_margin.0)} min={0.0} max={MAX_MIN_MARGIN} {lang}
            on_change={set(|v| v.map(StrategyEdit::MinMargin))} />
        <NumberField id="guard-cap" label={t(Key::PerUserCap)} value={g.per_user_cap} min={0.0} max={MAX_AMOUNT} optional=true
            placeholder="—" {lang} on_change={set(|v| Some(StrategyEdit::PerUserCap(v)))} />
    </> }
}
