//! The algorithm and the cross-validation's settings: which algorithm, its parameters (k-NN's
//! k, min_k, kind and measure; the factor models' factors and epochs; co-clustering's clusters
//! and epochs: the fields [`AlgoOptions::takes`](crate::options::algo::AlgoOptions::takes) says
//! it reads), the folds and the top-N metrics.

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::limits::MAX_NEIGHBOURS;
use crate::engine::predict::co_clustering::MAX_CLUSTERS;
use crate::engine::predict::svd::{MAX_EPOCHS, MAX_FACTORS};
use crate::engine::predict::ALGO_NAMES;
use crate::engine::similarity::Measure;
use crate::options::evaluate::CvOptions;
use crate::present::labels::algo_label;
use crate::present::{text, Key, Lang};
use crate::ui::components::number_field::NumberField;
use crate::ui::on_change;

/// Props of [`AlgoFields`].
#[derive(Properties, PartialEq)]
pub struct AlgoFieldsProps {
    /// Language.
    pub lang: Lang,
    /// The options as they stand.
    pub options: CvOptions,
    /// New options.
    pub on_change: Callback<CvOptions>,
}

/// A field's accepted value as a count (the field takes whole numbers only).
fn whole(v: Option<f64>) -> Option<usize> {
    v.map(|x| x as usize)
}

/// The fields.
#[component]
pub fn AlgoFields(props: &AlgoFieldsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let o = props.options.clone();
    let shown = o.algo.shown();
    // A field's accepted value into a copy of the options.
    let set = |f: fn(&mut CvOptions, Option<f64>)| {
        let (o, emit) = (o.clone(), props.on_change.clone());
        Callback::from(move |v: Option<f64>| {
            let mut next = o.clone();
            f(&mut next, v);
            emit.emit(next);
        })
    };
    let choose = |f: fn(&mut CvOptions, String)| on_change(o.clone(), props.on_change.clone(), Box::new(f));
    let algo = o.algo.algo.as_str();
    let takes = o.algo.takes();
    let as_f64 = |v: Option<usize>| v.map(|x| x as f64);
    html! { <>
        <label>{ t(Key::Algorithm) }
            <select id="eval-algo" onchange={choose(|o, v| o.algo.algo = v)}>
                { for ALGO_NAMES.iter().map(|n| html! { <option value={*n} selected={*n == algo}>{ algo_label(n) }</option> }) }
            </select>
        </label>
        if takes.neighbours {
            <NumberField id="eval-k" label={t(Key::K)} value={as_f64(shown.k)} min={1.0} max={MAX_NEIGHBOURS as f64} whole=true {lang}
                on_change={set(|o, v| o.algo.k = whole(v))} />
            <NumberField id="eval-min-k" label={t(Key::MinK)} value={as_f64(shown.min_k)} min={1.0} max={MAX_NEIGHBOURS as f64} whole=true {lang}
                on_change={set(|o, v| o.algo.min_k = whole(v))} />
            <label>{ t(Key::Kind) }
                <select id="eval-kind" onchange={choose(|o, v| o.algo.kind = v.parse().ok())}>
                    <option value="user" selected={shown.kind != Some(Kind::Item)}>{ t(Key::KindUser) }</option>
                    <option value="item" selected={shown.kind == Some(Kind::Item)}>{ t(Key::KindItem) }</option>
                </select>
            </label>
            <label>{ t(Key::Measure) }
                <select id="eval-measure" onchange={choose(|o, v| o.algo.measure = v.parse().ok())}>
                    { for Measure::ALL.iter().take(4).map(|m| html! {
                        <option value={m.name()} selected={shown.measure == Some(*m)}>{ m.name() }</option>
                    }) }
                </select>
            </label>
        }
        if takes.factors {
            <NumberField id="eval-factors" label={t(Key::Factors)} value={as_f64(shown.factors)} min={1.0} max={MAX_FACTORS as f64} whole=true {lang}
                on_change={set(|o, v| o.algo.factors = whole(v))} />
        }
        if takes.epochs {
            <NumberField id="eval-epochs" label={t(Key::Epochs)} value={as_f64(shown.epochs)} min={1.0} max={MAX_EPOCHS as f64} whole=true {lang}
                on_change={set(|o, v| o.algo.epochs = whole(v))} />
        }
        if takes.clusters {
            <NumberField id="eval-user-clusters" label={t(Key::UserClusters)} value={as_f64(shown.user_clusters)} min={1.0} max={MAX_CLUSTERS as f64} whole=true {lang}
                on_change={set(|o, v| o.algo.user_clusters = whole(v))} />
            <NumberField id="eval-item-clusters" label={t(Key::ItemClusters)} value={as_f64(shown.item_clusters)} min={1.0} max={MAX_CLUSTERS as f64} whole=true {lang}
                on_change={set(|o, v| o.algo.item_clusters = whole(v))} />
        }
        <NumberField id="eval-folds" label={t(Key::Folds)} value={Some(o.folds.unwrap_or(5) as f64)} min={2.0} max={20.0} whole=true {lang}
            on_change={set(|o, v| o.folds = whole(v))} />
        <NumberField id="eval-top-k" label={t(Key::TopK)} value={Some(o.top_k.unwrap_or(10) as f64)} min={1.0} max={1000.0} whole=true {lang}
            on_change={set(|o, v| o.top_k = whole(v))} />
        <NumberField id="eval-threshold" label={t(Key::Threshold)} value={Some(o.threshold.unwrap_or(4.0))} min={-1e6} max={1e6} {lang}
            on_change={set(|o, v| o.threshold = v)} />
    </> }
}
