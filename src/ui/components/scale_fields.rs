//! The two ends of a rating scale set by hand, each a number field that refuses a value past
//! the other end or beyond ±[`MAX_RATING_MAGNITUDE`].

use yew::prelude::*;

use crate::engine::data::ratings::Scale;
use crate::engine::error::EngineError;
use crate::engine::limits::MAX_RATING_MAGNITUDE;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`ScaleFields`].
#[derive(Properties, PartialEq)]
pub struct ScaleFieldsProps {
    /// Language.
    pub lang: Lang,
    /// The scale in use.
    pub scale: Scale,
    /// A new scale.
    pub on_change: Callback<Scale>,
    /// Ends the engine refuses as a scale (both the same), with its reason.
    pub on_refused: Callback<EngineError>,
}

/// The fields.
#[component]
pub fn ScaleFields(props: &ScaleFieldsProps) -> Html {
    let (lang, scale) = (props.lang, props.scale);
    // A field's accepted value as one end, the other kept; the engine checks the pair.
    let set = |ends: fn(Scale, f64) -> (f64, f64)| {
        let (on_change, on_refused) = (props.on_change.clone(), props.on_refused.clone());
        Callback::from(move |v: Option<f64>| {
            if let Some(v) = v {
                let (lo, hi) = ends(scale, v);
                match Scale::new(lo, hi) {
                    Ok(s) => on_change.emit(s),
                    Err(e) => on_refused.emit(e),
                }
            }
        })
    };
    html! { <>
        <NumberField id="scale-lo" label={text(lang, Key::ScaleLo)} value={Some(scale.lo)} min={-MAX_RATING_MAGNITUDE}
            max={scale.hi} {lang} on_change={set(|s, lo| (lo, s.hi))} />
        <NumberField id="scale-hi" label={text(lang, Key::ScaleHi)} value={Some(scale.hi)} min={scale.lo}
            max={MAX_RATING_MAGNITUDE} {lang} on_change={set(|s, hi| (s.lo, hi))} />
    </> }
}
