//! Recommendations and 'why this prediction': the chosen algorithm fitted on every loaded
//! rating, a user's top ten unrated items, and one estimate's terms with their numbers.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::error::EngineError;
use crate::engine::predict::{fit_explainable, recommend, Explain, Trainset};
use crate::options::algo::AlgoOptions;
use crate::present::{engine_error, num, text, tr, Key, Lang};
use crate::ui::components::prediction_panel::PredictionPanel;
use crate::ui::Shared;

/// How many items are recommended.
const RECOMMENDED: usize = 10;
/// Most ids offered as suggestions in a field's list.
const MAX_SUGGESTIONS: usize = 2000;

/// Props of [`Recommendations`].
#[derive(Properties, PartialEq)]
pub struct RecommendationsProps {
    /// Language.
    pub lang: Lang,
    /// The loaded data (compared by identity).
    pub data: Shared<Dataset>,
    /// Its version (every change bumps it).
    pub version: u64,
    /// The algorithm and its parameters.
    pub algo: AlgoOptions,
}

/// The algorithm fitted on all loaded ratings, or why it could not be.
type Fitted = Result<(Shared<Trainset>, Shared<Box<dyn Explain>>), EngineError>;

/// The section.
#[component]
pub fn Recommendations(props: &RecommendationsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let fitted: Rc<Fitted> = {
        let data = props.data.0.clone();
        use_memo((props.version, props.algo.clone()), move |(_, opts)| {
            let spec = opts.check()?;
            let train = Trainset::new(data.ratings.clone());
            let model = fit_explainable(&spec, &train)?;
            Ok((Shared(Rc::new(train)), Shared(Rc::new(model))))
        })
    };
    let ratings = &props.data.0.ratings;
    let users = ratings.user_ids();
    let chosen_user = use_state(|| None::<String>);
    let chosen_item = use_state(|| None::<String>);
    let user =
        chosen_user.as_ref().filter(|u| ratings.user_index(u).is_some()).cloned().or_else(|| users.first().cloned());
    // A typed user who is not in the data is said, not silently replaced by the first one.
    let unknown_user = chosen_user.as_ref().filter(|u| !u.is_empty() && ratings.user_index(u).is_none()).cloned();
    let on_user = {
        let (chosen_user, chosen_item) = (chosen_user.clone(), chosen_item.clone());
        Callback::from(move |e: Event| {
            chosen_user.set(Some(e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().to_string()));
            chosen_item.set(None);
        })
    };
    let on_item = {
        let chosen_item = chosen_item.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().trim().to_string();
            chosen_item.set((!v.is_empty()).then_some(v));
        })
    };
    let body = match (&*fitted, &user) {
        (Err(e), _) => {
            html! { <p class="notice error" role="alert">{ tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))]) }</p> }
        }
        (Ok(_), None) => html! {},
        (Ok((train, model)), Some(u)) => {
            let list =
                RecommendedList { lang, train, model, user: u, unknown: unknown_user, chosen_item: &chosen_item };
            list.render()
        }
    };
    html! {
        <section class="card recommendations" aria-labelledby="recs-h">
            <h2 id="recs-h">{ t(Key::WhyPrediction) }</h2>
            <p class="hint">{ t(Key::FitNote) }</p>
            <div class="controls">
                <label>{ t(Key::PickUser) }
                    <input id="eval-user" list="eval-users" class="narrow" value={user.clone().unwrap_or_default()} onchange={on_user} />
                    <datalist id="eval-users">{ for users.iter().take(MAX_SUGGESTIONS).map(|u| html! { <option value={u.clone()} /> }) }</datalist>
                </label>
                <label>{ t(Key::PickItem) }
                    <input id="eval-item" list="eval-items" class="narrow" value={(*chosen_item).clone().unwrap_or_default()} onchange={on_item} />
                    <datalist id="eval-items">{ for ratings.item_ids().iter().take(MAX_SUGGESTIONS).map(|i| html! { <option value={i.clone()} /> }) }</datalist>
                </label>
            </div>
            { body }
        </section>
    }
}

/// One user's recommendations and, for a chosen item, why it is predicted so.
struct RecommendedList<'a> {
    lang: Lang,
    train: &'a Trainset,
    model: &'a Shared<Box<dyn Explain>>,
    user: &'a str,
    /// A typed user who is not in the data (the list shows `user` instead).
    unknown: Option<String>,
    chosen_item: &'a UseStateHandle<Option<String>>,
}

impl RecommendedList<'_> {
    fn render(&self) -> Html {
        let (lang, u) = (self.lang, self.user);
        let t = |k: Key| text(lang, k);
        let recs = recommend(self.model.as_algorithm(), self.train, u, RECOMMENDED).unwrap_or_default();
        let item = self.chosen_item.as_ref();
        let why = item.map(|i| self.model.explain(self.train, u, i));
        let r = self.train.ratings();
        let actual = item.and_then(|i| r.get(r.user_index(u)?, r.item_index(i)?));
        html! { <>
            if let Some(unknown) = &self.unknown {
                <p class="notice warning" role="status" id="eval-unknown-user">{ tr(lang, Key::UnknownUserShowing, &[("id", unknown.clone()), ("user", u.to_string())]) }</p>
            }
            if recs.is_empty() {
                <p class="hint" id="recs-none">{ tr(lang, Key::NothingToRecommend, &[("user", u.to_string())]) }</p>
            } else {
                <h3>{ tr(lang, Key::Recommendations, &[("n", recs.len().to_string()), ("user", u.to_string())]) }</h3>
            }
            <ol class="recs" id="recs">{ for recs.iter().map(|p| {
                let (item, chosen_item) = (p.item.clone(), self.chosen_item.clone());
                html! { <li>
                    { format!("{} — {} {} ", p.item, t(Key::Predicted), num(p.est)) }
                    <button class="link" aria-label={format!("{} {}", t(Key::Explain), p.item)}
                        onclick={Callback::from(move |_| chosen_item.set(Some(item.clone())))}>{ t(Key::Explain) }</button>
                </li> }
            }) }</ol>
            if let Some(e) = why {
                <PredictionPanel actual={actual} explanation={e} {lang} />
            }
        </> }
    }
}
