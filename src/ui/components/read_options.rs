//! How the next ratings file is read: its format, whether it has a header, and its rating
//! scale (inferred, or set by hand with its two ends).

use yew::prelude::*;

use crate::engine::data::parse::ParseOptions;
use crate::engine::data::ratings::Scale;
use crate::engine::data::text_input::Separator;
use crate::engine::error::EngineError;
use crate::options::names::Named;
use crate::present::{text, tr, Key, Lang};
use crate::ui::components::scale_fields::ScaleFields;
use crate::ui::on_change;

/// Props of [`ReadOptions`].
#[derive(Properties, PartialEq)]
pub struct ReadOptionsProps {
    /// Language.
    pub lang: Lang,
    /// The options as they stand.
    pub options: ParseOptions,
    /// The scale of the ratings in use.
    pub scale: Scale,
    /// New options.
    pub on_change: Callback<ParseOptions>,
    /// A scale the engine refuses, with its reason.
    pub on_refused: Callback<EngineError>,
}

/// The header menu's value for a choice ("auto" to detect it).
fn header_value(has_header: Option<bool>) -> &'static str {
    match has_header {
        None => "auto",
        Some(true) => "yes",
        Some(false) => "no",
    }
}

/// The choice of a header menu's value.
fn header_of(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// An `<option>` of a menu, selected when it is the current value.
fn choice(value: &'static str, current: &str, label: String) -> Html {
    html! { <option {value} selected={value == current}>{ label }</option> }
}

/// The menus, and the scale's ends when it is set by hand.
#[component]
pub fn ReadOptions(props: &ReadOptionsProps) -> Html {
    let (lang, scale) = (props.lang, props.scale);
    let t = |k: Key| text(lang, k).to_string();
    let options = &props.options;
    let set = |edit: fn(&mut ParseOptions, String)| on_change(options.clone(), props.on_change.clone(), Box::new(edit));
    let on_scale_mode = on_change(
        options.clone(),
        props.on_change.clone(),
        Box::new(move |o, v| o.scale = (v == "custom").then_some(scale)),
    );
    let on_scale = {
        let (options, emit) = (options.clone(), props.on_change.clone());
        Callback::from(move |s: Scale| emit.emit(ParseOptions { scale: Some(s), ..options.clone() }))
    };
    let sep = options.separator.map_or("auto", Named::name);
    let header = header_value(options.has_header);
    let mode = if options.scale.is_some() { "custom" } else { "auto" };
    let custom = tr(lang, Key::ScaleCustom, &[("lo", scale.lo.to_string()), ("hi", scale.hi.to_string())]);
    html! {
        <div class="row options">
            <label>{ t(Key::Format) }
                <select id="format" onchange={set(|o, v| o.separator = v.parse::<Separator>().ok())}>
                    { choice("auto", sep, t(Key::FormatAuto)) }
                    { choice("comma", sep, t(Key::FormatCsv)) }
                    { choice("tab", sep, t(Key::FormatTab)) }
                    { choice("colons", sep, t(Key::FormatColons)) }
                </select>
            </label>
            <label>{ t(Key::Header) }
                <select id="header" onchange={set(|o, v| o.has_header = header_of(&v))}>
                    { choice("auto", header, t(Key::HeaderAuto)) }
                    { choice("yes", header, t(Key::HeaderYes)) }
                    { choice("no", header, t(Key::HeaderNo)) }
                </select>
            </label>
            <label>{ t(Key::Scale) }
                <select id="scale-mode" onchange={on_scale_mode}>
                    { choice("auto", mode, t(Key::ScaleAuto)) }
                    { choice("custom", mode, custom) }
                </select>
            </label>
            if options.scale.is_some() {
                <ScaleFields {lang} {scale} on_change={on_scale} on_refused={props.on_refused.clone()} />
            }
        </div>
    }
}
