//! The root component: header, tabs and the current view.

use yew::prelude::*;

use crate::engine::data::samples::ShopParams;
use crate::present::{text, Key, Lang};
use crate::ui::browser::{initial_lang, remember_lang};
use crate::ui::components::app_header::AppHeader;
use crate::ui::components::notice::NoticeBar;
use crate::ui::components::tab_bar::TabBar;
use crate::ui::state::{Action, AppState, Sample, Tab};
use crate::ui::views::data::DataView;
use crate::ui::views::discounts::DiscountsView;
use crate::ui::views::evaluate::EvaluateView;
use crate::ui::views::items::ItemsView;
use crate::ui::views::similarity::SimilarityView;
use crate::ui::Shared;

/// Options of a mounted app (all optional).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Show only this view, without tabs ("data", "similarity", "discounts", "items").
    #[prop_or_default]
    pub view: Option<String>,
    /// Language ("en" or "zh"); otherwise remembered or the browser's.
    #[prop_or_default]
    pub lang: Option<String>,
    /// Sample to open on ("shop", "worked", "article-code"); default the shop.
    #[prop_or_default]
    pub sample: Option<String>,
    /// Seed of the synthetic shop (default 42).
    #[prop_or_default]
    pub seed: Option<u64>,
    /// Customers of the synthetic shop (default 300, at most 20,000).
    #[prop_or_default]
    pub customers: Option<usize>,
    /// Products of the synthetic shop (default 80, 7 to 2,000).
    #[prop_or_default]
    pub products: Option<usize>,
    /// The app is the whole page: it sets the page's language and title (an embedded
    /// instance leaves its host page's alone).
    #[prop_or_default]
    pub page: bool,
}

/// The shop of a mount's options, within the sizes the Data view offers.
pub fn shop_of(props: &AppProps) -> ShopParams {
    let d = ShopParams::default();
    ShopParams {
        seed: props.seed.unwrap_or(d.seed),
        customers: props.customers.unwrap_or(d.customers),
        products: props.products.unwrap_or(d.products),
    }
    .clamped()
}

/// The state a mount opens on: its language (else the remembered or the browser's), its
/// sample (else the shop of its options) and its view (else the heatmap).
fn initial_state(props: &AppProps, only: Option<Tab>) -> AppState {
    let lang = props.lang.as_deref().map(Lang::from_code).unwrap_or_else(initial_lang);
    let shop = shop_of(props);
    let sample = props.sample.as_deref().and_then(|s| Sample::from_name(s, shop)).unwrap_or(Sample::Shop(shop));
    AppState::new(lang, sample, only.unwrap_or(Tab::Similarity))
}

/// Keeps the page's language and title in `lang` when the app is the whole `page`.
#[hook]
fn use_page_lang(page: bool, lang: Lang) {
    use_effect_with(lang, move |lang| {
        if let (true, Some(doc)) = (page, web_sys::window().and_then(|w| w.document())) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            doc.set_title(text(*lang, Key::AppTitle));
        }
    });
}

/// The view of `tab`.
fn view_of(tab: Tab, state: &AppState, dispatch: Callback<Action>) -> Html {
    match tab {
        Tab::Data => html! {
            <DataView lang={state.lang} data={Shared(state.data.clone())} sample={state.sample}
                parse={state.parse.clone()} duplicates={state.duplicates.clone()} {dispatch} />
        },
        Tab::Similarity => html! {
            <SimilarityView lang={state.lang} data={Shared(state.data.clone())} version={state.version}
                sim={state.sim} selected={state.selected} worked_example={state.sample == Some(Sample::Worked)}
                {dispatch} />
        },
        Tab::Discounts => html! {
            <DiscountsView lang={state.lang} data={Shared(state.data.clone())} version={state.version}
                strategy={state.strategy.clone()} disc={state.disc} bounds={state.offer_bounds()} {dispatch} />
        },
        Tab::Items => html! {
            <ItemsView lang={state.lang} data={Shared(state.data.clone())} version={state.version}
                bounds={state.offer_bounds()} k={state.strategy.item_neighbours} {dispatch} />
        },
        Tab::Evaluate => html! {
            <EvaluateView lang={state.lang} data={Shared(state.data.clone())} version={state.version}
                runs={state.eval_runs.clone()} {dispatch} />
        },
    }
}

/// The application.
#[component]
pub fn App(props: &AppProps) -> Html {
    let only = props.view.as_deref().and_then(Tab::from_name);
    let state = {
        let props = props.clone();
        use_reducer(move || initial_state(&props, only))
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let lang = state.lang;
    use_page_lang(props.page, lang);
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |l: Lang| {
            remember_lang(l);
            dispatch.emit(Action::SetLang(l));
        })
    };
    let view = view_of(state.tab, &state, dispatch.clone());
    html! {
        <div class="dl-app" lang={lang.code()}>
            if only.is_none() {
                <AppHeader {lang} {on_lang} />
                <TabBar {lang} current={state.tab} on_select={dispatch.reform(Action::SetTab)} />
            }
            <NoticeBar lang={state.lang} notice={state.notice.clone()} scale={state.data.ratings.scale()} dispatch={dispatch.clone()} />
            // The page (index.html) holds the `main` landmark: an embedding page has its own.
            if only.is_none() {
                <div class="dl-view" role="tabpanel" id="dl-panel" aria-labelledby={state.tab.button_id()}>{ view }</div>
            } else {
                <div class="dl-view">{ view }</div>
            }
        </div>
    }
}
