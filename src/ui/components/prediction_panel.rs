//! 'Why this prediction': the terms of one estimate with their real numbers.

use yew::prelude::*;

use crate::engine::predict::{
    CoClusteringTerms, Impossible, KnnTerms, PredictionExplanation, SvdTerms, SvdppTerms, Terms,
};
use crate::present::num;
use crate::present::{text, tr, Key, Lang};

/// Props of [`PredictionPanel`].
#[derive(Properties, PartialEq)]
pub struct PredictionPanelProps {
    /// The explanation.
    pub explanation: PredictionExplanation,
    /// The rating the user actually gave the item, if any.
    #[prop_or_default]
    pub actual: Option<f64>,
    /// Language.
    pub lang: Lang,
}

/// The panel.
#[component]
pub fn PredictionPanel(props: &PredictionPanelProps) -> Html {
    let e = &props.explanation;
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let fallback = e.impossible.map(|why| {
        let reason = match why {
            Impossible::UnknownUserOrItem => t(Key::ReasonUnknown),
            Impossible::NotEnoughNeighbours => t(Key::ReasonNeighbours),
        };
        tr(lang, Key::Fallback, &[("reason", reason.to_string()), ("mean", num(e.global_mean))])
    });
    let terms = terms_html(lang, &e.terms);
    html! {
        <section class="card explain" id="why-prediction" aria-live="polite">
            <h3>{ format!("{} — {} · {} = {}", t(Key::WhyPrediction), e.user, e.item, num(e.est)) }</h3>
            <p><code id="why-formula">{ e.formula.clone() }</code></p>
            if let Some(f) = fallback { <p class="note">{ f }</p> }
            if e.clipped { <p class="hint">{ t(Key::Clipped) }</p> }
            if let Some(r) = props.actual { <p id="why-actual">{ tr(lang, Key::ActualRating, &[("r", num(r))]) }</p> }
            { terms }
        </section>
    }
}

/// A number, or a dash when absent.
fn opt(v: Option<f64>) -> String {
    v.map(num).unwrap_or_else(|| "—".into())
}

/// The algorithm's own terms.
fn terms_html(lang: Lang, terms: &Terms) -> Html {
    let t = |k: Key| text(lang, k);
    match terms {
        Terms::Knn(k) => knn_html(lang, k),
        Terms::Baseline(b) => html! {
            <p><code>{ format!("μ = {}, b_u = {}, b_i = {}", num(b.global_mean), opt(b.user_bias), opt(b.item_bias)) }</code></p>
        },
        Terms::Svd(s) | Terms::Nmf(s) => factors_html(lang, s),
        Terms::SvdPp(s) => svdpp_html(lang, s),
        Terms::SlopeOne(s) => html! { <>
            <p><code>{ tr(lang, Key::SlopeOneMeans, &[("mean", opt(s.user_mean)), ("dev", opt(s.mean_deviation))]) }</code></p>
            if !s.deviations.is_empty() {
                <div class="table-scroll" tabindex="0"><table class="compact">
                    <thead><tr><th scope="col">{ "j" }</th><th scope="col">{ t(Key::ColRating) }</th><th scope="col">{ t(Key::ColDeviation) }</th><th scope="col">{ t(Key::ColSupport) }</th></tr></thead>
                    <tbody>{ for s.deviations.iter().map(|d| html! {
                        <tr><th scope="row">{ d.item.clone() }</th><td>{ num(d.rating) }</td><td>{ num(d.deviation) }</td><td>{ d.support }</td></tr>
                    }) }</tbody>
                </table></div>
            }
        </> },
        Terms::CoClustering(c) => co_clustering_html(lang, c),
        Terms::Normal(n) => html! { <p>{ tr(lang, Key::RandomNote, &[("z", num(n.z))]) }</p> },
    }
}

/// The neighbours a k-NN estimate used.
fn knn_html(lang: Lang, k: &KnnTerms) -> Html {
    let t = |key: Key| text(lang, key);
    html! { <>
        <p>{ tr(lang, Key::ActualK, &[("k", k.actual_k.to_string())]) }</p>
        if k.min_k_cut { <p class="note">{ t(Key::MinKCut) }</p> }
        if !k.neighbours.is_empty() {
            <div class="table-scroll" tabindex="0"><table class="compact" id="why-neighbours">
                <thead><tr>
                    <th scope="col">{ t(Key::ColNeighbour) }</th><th scope="col">{ t(Key::ColSimilarity) }</th>
                    <th scope="col">{ t(Key::ColRating) }</th><th scope="col">{ "μ / b" }</th>
                    <th scope="col">{ t(Key::ColWeight) }</th><th scope="col">{ t(Key::ColContribution) }</th>
                </tr></thead>
                <tbody>{ for k.neighbours.iter().map(|n| html! {
                    <tr><th scope="row">{ n.id.clone() }</th><td>{ num(n.similarity) }</td><td>{ num(n.rating) }</td>
                        <td>{ opt(n.mean.or(n.baseline)) }</td><td>{ num(n.weight) }</td><td>{ num(n.contribution) }</td></tr>
                }) }</tbody>
            </table></div>
        }
    </> }
}

/// μ, the biases, q_i·p_u and its largest factor products (SVD, NMF).
fn factors_html(lang: Lang, s: &SvdTerms) -> Html {
    html! { <>
        <p><code>{ format!("μ = {}, b_u = {}, b_i = {}, q_i · p_u = {}", num(s.biases.global_mean), opt(s.biases.user_bias), opt(s.biases.item_bias), opt(s.dot)) }</code></p>
        if !s.top_factors.is_empty() {
            <p class="hint" id="why-factors-note">{ tr(lang, Key::SvdFactorsShown, &[
                ("shown", s.top_factors.len().to_string()), ("n", s.n_factors.to_string()),
                ("rest_n", (s.n_factors - s.top_factors.len()).to_string()),
                ("rest", opt(s.other_factors)), ("dot", opt(s.dot)),
            ]) }</p>
            <table class="compact"><thead><tr><th scope="col">{ text(lang, Key::ColFactor) }</th><th scope="col">{ "p_u" }</th><th scope="col">{ "q_i" }</th><th scope="col">{ "p_u · q_i" }</th></tr></thead>
            <tbody>{ for s.top_factors.iter().map(|f| html! {
                <tr><th scope="row">{ f.factor }</th><td>{ num(f.user) }</td><td>{ num(f.item) }</td><td>{ num(f.product) }</td></tr>
            }) }</tbody></table>
        }
    </> }
}

/// μ, the biases, q_i·p_u and the implicit part (SVD++).
fn svdpp_html(lang: Lang, s: &SvdppTerms) -> Html {
    let b = &s.biases;
    html! { <>
        <p><code>{ format!("μ = {}, b_u = {}, b_i = {}, q_i · p_u = {}", num(b.global_mean), opt(b.user_bias), opt(b.item_bias), opt(s.explicit)) }</code></p>
        if let Some(implicit) = s.implicit {
            <p class="hint" id="why-implicit">{ tr(lang, Key::SvdppImplicit, &[("implicit", num(implicit)), ("n", s.n_rated.to_string())]) }</p>
        }
    </> }
}

/// The clusters and the five means of a co-clustering estimate.
fn co_clustering_html(lang: Lang, c: &CoClusteringTerms) -> Html {
    let (Some(uc), Some(ic)) = (c.user_cluster, c.item_cluster) else { return html! {} };
    html! {
        <p id="why-clusters">{ tr(lang, Key::CoClusterNote, &[
            ("uc", uc.to_string()), ("ic", ic.to_string()), ("c", opt(c.cocluster_mean)),
            ("mu", opt(c.user_mean)), ("cu", opt(c.user_cluster_mean)),
            ("mi", opt(c.item_mean)), ("ci", opt(c.item_cluster_mean)),
        ]) }</p>
    }
}
