//! How customers are segmented: how many segments, by which model, from which seed.

use yew::prelude::*;

use crate::engine::discount::segments::{SegmentModel, SegmentParams};
use crate::engine::limits::{MAX_FIELD_SEED, MAX_SEGMENTS};
use crate::options::strategy_edit::StrategyEdit;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`SegmentFields`].
#[derive(Properties, PartialEq)]
pub struct SegmentFieldsProps {
    /// Language.
    pub lang: Lang,
    /// The segmentation's settings in use.
    pub segments: SegmentParams,
    /// One setting changed.
    pub on_change: Callback<StrategyEdit>,
}

/// The fields.
#[component]
pub fn SegmentFields(props: &SegmentFieldsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let s = props.segments;
    // A field's accepted value as the one setting it edits (both fields take whole numbers only).
    let set = |edit: fn(f64) -> StrategyEdit| {
        let emit = props.on_change.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(x) = v {
                emit.emit(edit(x));
            }
        })
    };
    let on_model = props.on_change.reform(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let model = if select.value() == "gmm" { SegmentModel::Gmm } else { SegmentModel::KMeans };
        StrategyEdit::SegmentModel(model)
    });
    html! { <>
        <NumberField id="segment-k" label={t(Key::Segments)} value={Some(s.k as f64)} min={1.0} max={MAX_SEGMENTS as f64}
            whole=true {lang} on_change={set(|k| StrategyEdit::SegmentCount(k as usize))} />
        <label>{ t(Key::SegmentModel) }
            <select id="segment-model" onchange={on_model}>
                <option value="kmeans" selected={s.model == SegmentModel::KMeans}>{ t(Key::KMeans) }</option>
                <option value="gmm" selected={s.model == SegmentModel::Gmm}>{ t(Key::Gmm) }</option>
            </select>
        </label>
        <NumberField id="segment-seed" label={t(Key::Seed)} value={Some(s.seed as f64)} min={0.0} max={MAX_FIELD_SEED as f64}
            whole=true {lang} on_change={set(|seed| StrategyEdit::Seed(seed as u64))} />
    </> }
}
