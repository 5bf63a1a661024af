//! The Discounts view: the articles' per-user discount with its reasons, a histogram
//! of offers, a sortable table and a CSV download.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::ratings::Kind;
use crate::engine::data::samples::Dataset;
use crate::engine::discount::offer::OfferBounds;
use crate::engine::discount::seed_user::{user_discounts, UserDiscount, UserDiscountParams};
use crate::engine::error::EngineError;
use crate::engine::similarity::{compute, Measure, SimilarityParams};
use crate::engine::stats::histogram::histogram;
use crate::present::csv::user_discounts_csv;
use crate::present::{engine_error, text, tr, Key, Lang};
use crate::ui::browser::download_text;
use crate::ui::components::article_controls::ArticleControls;
use crate::ui::components::histogram_chart::HistogramChart;
use crate::ui::components::user_discount_table::UserDiscountTable;
use crate::ui::state::DiscountSettings;
use crate::ui::Shared;

/// Props of [`ArticleTable`].
#[derive(Properties, PartialEq)]
pub struct ArticleTableProps {
    /// Language.
    pub lang: Lang,
    /// The data.
    pub data: Shared<Dataset>,
    /// The data's version.
    pub version: u64,
    /// The formula's settings.
    pub settings: DiscountSettings,
    /// The offers' bounds (the maximum is the strategies', set in the bar above: one maximum
    /// everywhere).
    pub bounds: OfferBounds,
    /// New settings.
    pub on_change: Callback<DiscountSettings>,
}

/// The measures the user formula finds neighbours with (those of user-user similarity).
fn user_measures() -> Vec<Measure> {
    Measure::for_kind(Kind::User)
}

/// The view.
#[component]
pub fn ArticleTable(props: &ArticleTableProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let (d, bounds) = (props.settings, props.bounds);
    let rows: Rc<Result<Shared<Vec<UserDiscount>>, EngineError>> = {
        let data = props.data.clone();
        use_memo((props.version, d.measure, d.k, bounds, d.as_in_article), move |_| {
            let sim = compute(&data.ratings, None, &SimilarityParams::new(Kind::User, d.measure).check()?)?;
            let params = UserDiscountParams { k: d.k, bounds, as_in_article: d.as_in_article }.check()?;
            Ok(Shared(Rc::new(user_discounts(&data.ratings, &sim, &params)?)))
        })
    };
    let controls = html! {
        <ArticleControls {lang} settings={d} {bounds} measures={user_measures()} on_change={props.on_change.clone()} />
    };
    let rows = match &*rows {
        Err(e) => {
            return html! { <div>{ controls }<p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p></div> }
        }
        Ok(rows) => rows.clone(),
    };
    let offers: Vec<f64> = rows.iter().map(|r| r.percent_off.0).collect();
    let hist = histogram(&offers, 0.0, bounds.max.0.max(1.0), 10);
    let on_download = {
        let (rows, as_in_article) = (rows.clone(), d.as_in_article);
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
                    <UserDiscountTable {lang} {rows} as_in_article={d.as_in_article} />
                </div>
            </section>
        </div>
    }
}
