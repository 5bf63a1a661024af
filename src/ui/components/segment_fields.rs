//! How customers are segmented: how many segments, by which model, from which seed.

use yew::prelude::*;

use crate::engine::discount::segments::{SegmentModel, SegmentParams};
use crate::engine::limits::{MAX_FIELD_SEED, MAX_SEGMENTS};
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;

/// Props of [`SegmentFields`].
#[derive(Properties, PartialEq)]
pub struct SegmentFieldsProps {
    /// Language.
    pub lang: Lang,
    /// The segmentation's settings in use.
    pub segments: SegmentParams,
    /// New settings.
    pub on_change: Callback<SegmentParams>,
}

/// The fields.
#[component]
pub fn SegmentFields(props: &SegmentFieldsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let s = props.segments;
    let emit = props.on_change.clone();
    // A field's accepted value into a copy of the settings (both fields take whole numbers only).
    let set = |f: fn(&mut SegmentParams, f64)| {
        let emit = emit.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(x) = v {
                let mut next = s;
                f(&mut next, x);
                emit.emit(next);
            }
        })
    };
    let on_model = props.on_change.reform(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let model = if select.value() == "gmm" { SegmentModel::Gmm } else { SegmentModel::KMeans };
        SegmentParams { model, ..s }
    });
    html! { <>
        <NumberField id="segment-k" label={t(Key::Segments)} value={Some(s.k as f64)} min={1.0} max={MAX_SEGMENTS as f64}
            whole=true {lang} on_change={set(|s, k| s.k = k as usize)} />
        <label>{ t(Key::SegmentModel) }
            <select id="segment-model" onchange={on_model}>
                <option value="kmeans" selected={s.model == SegmentModel::KMeans}>{ t(Key::KMeans) }</option>
                <option value="gmm" selected={s.model == SegmentModel::Gmm}>{ t(Key::Gmm) }</option>
            </select>
        </label>
        <NumberField id="segment-seed" label={t(Key::Seed)} value={Some(s.seed as f64)} min={0.0} max={MAX_FIELD_SEED as f64}
            whole=true {lang} on_change={set(|s, seed| s.seed = seed as u64)} />
    </> }
}
