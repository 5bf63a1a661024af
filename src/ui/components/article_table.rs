//! The Discounts view: the articles' per-user discount with its reasons, a histogram
//! of offers, a sortable table and a CSV download.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::discount::offer::{zhe_label, Percent};
use crate::engine::discount::seed_user::{user_discounts, UserDiscount, UserDiscountParams};
use crate::engine::error::EngineError;
use crate::engine::similarity::{compute, Measure, SimilarityParams};
use crate::engine::stats::histogram::histogram;
use crate::present::csv::user_discounts_csv;
use crate::present::num;
use crate::present::why::why_user;
use crate::present::{engine_error, percent, text, tr, Key};
use crate::ui::browser::download_text;
use crate::ui::components::histogram_chart::HistogramChart;
use crate::ui::state::{Action, AppState, DiscountSettings};
use crate::ui::{on_change, Edit};

/// Props of [`ArticleTable`].
#[derive(Properties, PartialEq)]
pub struct ArticleTableProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

#[derive(Clone, Copy, PartialEq)]
enum SortKey {
    User,
    Mean,
    Strength,
    Off,
}

/// The view.
#[component]
pub fn ArticleTable(props: &ArticleTableProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let t = |k: Key| text(lang, k);
    let d = state.disc;
    // The maximum is the strategies' (set in the bar above): one maximum everywhere.
    let bounds = state.offer_bounds();
    let sort = use_state(|| (SortKey::Off, true));
    let rows: Rc<Result<Vec<UserDiscount>, EngineError>> = {
        let data = state.data.clone();
        use_memo((state.version, d.measure, d.k, bounds, d.as_in_article), move |_| {
            let sim = compute(&data.ratings, None, &SimilarityParams::new(Kind::User, d.measure).check()?)?;
            let params = UserDiscountParams { k: d.k, bounds, as_in_article: d.as_in_article }.check()?;
            user_discounts(&data.ratings, &sim, &params)
        })
    };
    let set = |edit: Edit<DiscountSettings>| on_change(d, props.dispatch.reform(Action::SetDisc), edit);
    let on_measure = set(Box::new(|d, v| {
        if let Ok(m) = v.parse::<Measure>() {
            d.measure = m;
        }
    }));
    let on_k = set(Box::new(|d, v| {
        if let Ok(k) = v.trim().parse::<usize>() {
            d.k = k.clamp(1, 10_000);
        }
    }));
    let on_min = set(Box::new(move |d, v| {
        if let Ok(x) = v.trim().parse::<f64>() {
            if x.is_finite() {
                d.min_discount = Percent(x.clamp(0.0, bounds.max.0));
            }
        }
    }));
    let on_article = set(Box::new(|d, v| d.as_in_article = v == "true"));
    let measures = Measure::ALL.iter().filter(|m| !matches!(m, Measure::AdjustedCosine | Measure::AttributeJaccard));

    let controls = html! {
        <section class="card controls" aria-label={t(Key::TabDiscounts)}>
            <label>{ t(Key::Measure) }
                <select id="disc-measure" onchange={on_measure}>
                    { for measures.map(|m| html! { <option value={m.name()} selected={*m == d.measure}>{ m.name() }</option> }) }
                </select>
            </label>
            <label>{ t(Key::K) }<input id="disc-k" class="narrow" type="number" min="1" value={d.k.to_string()} onchange={on_k} /></label>
            <label>{ t(Key::MinDiscount) }<input id="disc-min" class="narrow" type="number" min="0" max={bounds.max.0.to_string()} step="any" value={bounds.min.0.to_string()} onchange={on_min} /></label>
            <label class="check"><input id="disc-article" type="checkbox" checked={d.as_in_article} onchange={on_article} />{ t(Key::AsInArticle) }</label>
            <p class="formula">{ t(Key::UserFormula) }</p>
        </section>
    };
    let rows = match &*rows {
        Err(e) => {
            return html! { <div>{ controls }<p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p></div> }
        }
        Ok(rows) => rows,
    };
    let mut sorted: Vec<&UserDiscount> = rows.iter().collect();
    let (key, desc) = *sort;
    sorted.sort_by(|a, b| {
        let o = match key {
            SortKey::User => std::cmp::Ordering::Equal,
            SortKey::Mean => a.neighbour_mean.total_cmp(&b.neighbour_mean),
            SortKey::Strength => a.strength.total_cmp(&b.strength),
            SortKey::Off => a.percent_off.0.total_cmp(&b.percent_off.0),
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    if key == SortKey::User && desc {
        sorted.reverse();
    }
    let header = |k: Option<SortKey>, label: Key| {
        let name = t(label);
        match k {
            None => html! { <th scope="col">{ name }</th> },
            Some(k) => {
                let sort = sort.clone();
                let (cur, cur_desc) = *sort;
                let aria = if cur == k {
                    if cur_desc {
                        "descending"
                    } else {
                        "ascending"
                    }
                } else {
                    "none"
                };
                let onclick = Callback::from(move |_| sort.set((k, if cur == k { !cur_desc } else { true })));
                html! {
                    <th scope="col" aria-sort={aria}>
                        <button class="sort" {onclick} title={tr(lang, Key::SortBy, &[("col", name.to_string())])}>
                            { name }{ if cur == k { if cur_desc { " ▼" } else { " ▲" } } else { "" } }
                        </button>
                    </th>
                }
            }
        }
    };
    let offers: Vec<f64> = rows.iter().map(|r| r.percent_off.0).collect();
    let hist = histogram(&offers, 0.0, bounds.max.0.max(1.0), 10);
    let on_download = {
        let rows = rows.clone();
        let as_in_article = d.as_in_article;
        Callback::from(move |_| {
            download_text("discounts.csv", &user_discounts_csv(&rows, lang, as_in_article), "text/csv")
        })
    };
    html! {
        <div class="discounts-view">
            { controls }
            <section class="card">
                <div class="row spread">
                    <HistogramChart histogram={hist} title={t(Key::OffersHistogram)} y_label={t(Key::UsersCount)} />
                    <button id="download-discounts" onclick={on_download}>{ t(Key::DownloadCsv) }</button>
                </div>
                <div class="table-scroll tall" tabindex="0">
                    <table class="data-table" id="discount-table">
                        <thead><tr>
                            { header(Some(SortKey::User), Key::ColUser) }
                            { header(None, Key::ColNeighbours) }
                            { header(Some(SortKey::Mean), Key::ColMean) }
                            { header(Some(SortKey::Strength), Key::ColStrength) }
                            { header(Some(SortKey::Off), Key::ColOff) }
                            { header(None, Key::ColZhe) }
                            { header(None, Key::ColWhy) }
                        </tr></thead>
                        <tbody>{ for sorted.iter().map(|r| {
                            let ns: Vec<String> = r.neighbours.iter().map(|n| n.id.clone()).collect();
                            html! {
                                <tr>
                                    <th scope="row">{ r.user.clone() }</th>
                                    <td class="ids">{ ns.join(", ") }</td>
                                    <td class="num">{ num(r.neighbour_mean) }</td>
                                    <td class="num">{ num(r.strength) }</td>
                                    <td class="num">{ percent(r.percent_off.0) }</td>
                                    <td class="zhe">{ zhe_label(r.percent_off) }</td>
                                    <td class="why">{ why_user(lang, r, d.as_in_article) }</td>
                                </tr>
                            }
                        }) }</tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}
