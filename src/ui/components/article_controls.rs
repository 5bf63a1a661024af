//! The settings of the articles' user formula: the measure, K, the smallest offer and the
//! article's code variant (its maximum is the strategies' one, set in the bar above).

use yew::prelude::*;

use crate::engine::discount::offer::{OfferBounds, Percent};
use crate::engine::limits::MAX_NEIGHBOURS;
use crate::engine::similarity::Measure;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;
use crate::ui::on_change;
use crate::ui::state::DiscountSettings;

/// Props of [`ArticleControls`].
#[derive(Properties, PartialEq)]
pub struct ArticleControlsProps {
    /// Language.
    pub lang: Lang,
    /// The settings as they stand.
    pub settings: DiscountSettings,
    /// The offers' bounds in use (the smallest shown, the largest the smallest may be).
    pub bounds: OfferBounds,
    /// The measures offered.
    pub measures: Vec<Measure>,
    /// New settings.
    pub on_change: Callback<DiscountSettings>,
}

/// The controls.
#[component]
pub fn ArticleControls(props: &ArticleControlsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let (d, bounds) = (props.settings, props.bounds);
    // A field's accepted value into a copy of the settings.
    let set = |f: fn(&mut DiscountSettings, f64)| {
        let emit = props.on_change.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(v) = v {
                let mut next = d;
                f(&mut next, v);
                emit.emit(next);
            }
        })
    };
    let choose = |f: fn(&mut DiscountSettings, String)| on_change(d, props.on_change.clone(), Box::new(f));
    let on_measure = choose(|d, v| {
        if let Ok(m) = v.parse::<Measure>() {
            d.measure = m;
        }
    });
    html! {
        <section class="card controls" aria-label={t(Key::TabDiscounts)}>
            <label>{ t(Key::Measure) }
                <select id="disc-measure" onchange={on_measure}>
                    { for props.measures.iter().map(|m| html! { <option value={m.name()} selected={*m == d.measure}>{ m.name() }</option> }) }
                </select>
            </label>
            <NumberField id="disc-k" label={t(Key::K)} value={Some(d.k as f64)} min={1.0} max={MAX_NEIGHBOURS as f64} whole=true {lang}
                on_change={set(|d, v| d.k = v as usize)} />
            <NumberField id="disc-min" label={t(Key::MinDiscount)} value={Some(bounds.min.0)} min={0.0} max={bounds.max.0} {lang}
                on_change={set(|d, v| d.min_discount = Percent(v))} />
            <label class="check"><input id="disc-article" type="checkbox" checked={d.as_in_article} onchange={choose(|d, v| d.as_in_article = v == "true")} />{ t(Key::AsInArticle) }</label>
            <p class="formula">{ t(Key::UserFormula) }</p>
        </section>
    }
}
