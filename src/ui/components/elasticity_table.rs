//! The estimated elasticities behind the elasticity and segment strategies: per segment
//! and per category, with standard errors and 95% intervals.

use yew::prelude::*;

use crate::engine::discount::elasticity::{Estimate, NoEstimate};
use crate::engine::strategy::Context;
use crate::present::num;
use crate::present::{text, tr, Key, Lang};
use crate::ui::Shared;

/// Props of [`ElasticityTable`].
#[derive(Properties, PartialEq)]
pub struct ElasticityTableProps {
    /// Language.
    pub lang: Lang,
    /// The strategy context.
    pub ctx: Shared<Option<Context>>,
    /// Segment names in the interface's language.
    pub segment_names: Vec<String>,
}

fn reason(lang: Lang, e: NoEstimate) -> &'static str {
    text(
        lang,
        match e {
            NoEstimate::NoPurchases => Key::NoEstPurchases,
            NoEstimate::NoPriceVariation => Key::NoEstPriceVariation,
            NoEstimate::NotConverged => Key::NoEstNotConverged,
        },
    )
}

fn row(
    lang: Lang,
    label: String,
    est: &Result<Estimate, NoEstimate>,
    ols: Option<&Result<Estimate, NoEstimate>>,
) -> Html {
    let ols = match ols {
        Some(Ok(o)) => format!("{} ± {}", num(o.elasticity), num(o.se)),
        _ => "—".to_string(),
    };
    match est {
        Ok(e) => html! {
            <tr>
                <th scope="row">{ label }</th>
                <td class="num">{ num(e.elasticity) }</td>
                <td class="num">{ num(e.se) }</td>
                <td class="num">{ format!("[{}, {}]", num(e.ci_low), num(e.ci_high)) }</td>
                <td class="num">{ e.rows }</td>
                <td class="num">{ e.purchases }</td>
                <td class="num ols">{ ols }</td>
            </tr>
        },
        Err(r) => html! {
            <tr><th scope="row">{ label }</th><td colspan="5" class="hint">{ tr(lang, Key::NoEstimateReason, &[("reason", reason(lang, *r).to_string())]) }</td><td class="num ols">{ ols }</td></tr>
        },
    }
}

/// The table.
#[component]
pub fn ElasticityTable(props: &ElasticityTableProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let Some(Ok(el)) = (*props.ctx.0).as_ref().map(|c| &c.elasticity) else { return html! {} };
    html! {
        <section class="card" aria-labelledby="elasticity-h">
            <h2 id="elasticity-h">{ t(Key::ElasticityTable) }</h2>
            <div class="table-scroll" tabindex="0">
                <table class="data-table compact" id="elasticity-table">
                    <thead><tr>
                        <th scope="col">{ t(Key::ColGroup) }</th>
                        <th scope="col">{ t(Key::ColElasticity) }</th>
                        <th scope="col">{ t(Key::ColSe) }</th>
                        <th scope="col">{ t(Key::ColCi) }</th>
                        <th scope="col">{ t(Key::ColRows) }</th>
                        <th scope="col">{ t(Key::ColPurchases) }</th>
                        <th scope="col">{ t(Key::ColOls) }</th>
                    </tr></thead>
                    <tbody>
                        { for el.by_segment.iter().enumerate().map(|(s, e)| {
                            let name = props.segment_names.get(s).cloned().unwrap_or_default();
                            row(lang, format!("{} {s}: {name}", t(Key::SegmentPrefix)), e, el.ols_by_segment.get(s))
                        }) }
                        { for el.by_category.iter().enumerate().map(|(k, (c, e))| {
                            row(lang, format!("{} {c}", t(Key::CategoryPrefix)), e, el.ols_by_category.get(k))
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="hint">{ t(Key::ElasticityHint) }</p>
            <p class="hint">{ t(Key::OlsHint) }</p>
        </section>
    }
}
