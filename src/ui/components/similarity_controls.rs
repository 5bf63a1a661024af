//! The Similarity view's settings: users or items, the measure, min_support, shrinkage (for
//! `pearson_baseline`), the zero fill (for cosine) and the row order.

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::limits::{MAX_MIN_SUPPORT, MAX_SHRINKAGE};
use crate::engine::similarity::ordering::RowOrder;
use crate::engine::similarity::Measure;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;
use crate::ui::on_change;
use crate::ui::state::SimSettings;

/// Props of [`SimilarityControls`].
#[derive(Properties, PartialEq)]
pub struct SimilarityControlsProps {
    /// Language.
    pub lang: Lang,
    /// The settings as they stand.
    pub settings: SimSettings,
    /// The measures offered for the settings' kind.
    pub measures: Vec<Measure>,
    /// Users or items was chosen.
    pub on_kind: Callback<Kind>,
    /// A measure was chosen.
    pub on_measure: Callback<Measure>,
    /// Any other setting changed: the new settings.
    pub on_change: Callback<SimSettings>,
}

/// The controls.
#[component]
pub fn SimilarityControls(props: &SimilarityControlsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let s = props.settings;
    // A field's accepted value into a copy of the settings.
    let set = |f: fn(&mut SimSettings, f64)| {
        let emit = props.on_change.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(v) = v {
                let mut next = s;
                f(&mut next, v);
                emit.emit(next);
            }
        })
    };
    let choose = |f: fn(&mut SimSettings, String)| on_change(s, props.on_change.clone(), Box::new(f));
    let value = |e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
    let on_kind = props.on_kind.reform(move |e| if value(e) == "item" { Kind::Item } else { Kind::User });
    let on_measure = {
        let emit = props.on_measure.clone();
        Callback::from(move |e: Event| {
            if let Ok(m) = value(e).parse::<Measure>() {
                emit.emit(m);
            }
        })
    };
    html! {
        <section class="card controls" aria-label={t(Key::TabSimilarity)}>
            <label>{ t(Key::Kind) }
                <select id="sim-kind" onchange={on_kind}>
                    <option value="user" selected={s.kind == Kind::User}>{ t(Key::KindUser) }</option>
                    <option value="item" selected={s.kind == Kind::Item}>{ t(Key::KindItem) }</option>
                </select>
            </label>
            <label>{ t(Key::Measure) }
                <select id="sim-measure" onchange={on_measure}>
                    { for props.measures.iter().map(|m| html! { <option value={m.name()} selected={*m == s.measure}>{ m.name() }</option> }) }
                </select>
            </label>
            <NumberField id="sim-min-support" label={t(Key::MinSupport)} value={Some(s.min_support as f64)} min={0.0} max={MAX_MIN_SUPPORT as f64} whole=true {lang}
                on_change={set(|s, v| s.min_support = v as usize)} />
            if s.measure == Measure::PearsonBaseline {
                <NumberField id="sim-shrinkage" label={t(Key::Shrinkage)} value={Some(s.shrinkage)} min={0.0} max={MAX_SHRINKAGE} {lang}
                    on_change={set(|s, v| s.shrinkage = v)} />
            }
            if s.measure == Measure::Cosine {
                <label class="check"><input id="sim-zero-fill" type="checkbox" checked={s.zero_fill} onchange={choose(|s, v| s.zero_fill = v == "true")} />{ t(Key::ZeroFill) }</label>
            }
            <label>{ t(Key::Order) }
                <select id="sim-order" onchange={choose(|s, v| s.order = if v == "spectral" { RowOrder::Spectral } else { RowOrder::Original })}>
                    <option value="original" selected={s.order == RowOrder::Original}>{ t(Key::OrderOriginal) }</option>
                    <option value="spectral" selected={s.order == RowOrder::Spectral}>{ t(Key::OrderSpectral) }</option>
                </select>
            </label>
        </section>
    }
}
