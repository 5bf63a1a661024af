//! The notice bar: why the last load or edit failed (the data stayed as it was).

use yew::prelude::*;

use crate::engine::data::ratings::Scale;
use crate::present::{engine_error, parse_error, text, tr, Key, Lang};
use crate::ui::state::{Action, Notice};

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// Interface language.
    pub lang: Lang,
    /// The notice shown, if any.
    pub notice: Option<Notice>,
    /// The rating scale (a refused grid value is said against it).
    pub scale: Scale,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Shows the current notice, if any, as an alert.
#[component]
pub fn NoticeBar(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let Some(notice) = &props.notice else { return html! {} };
    let title = match notice {
        Notice::ParseFailed(_) | Notice::ReadFailed => Key::LoadFailed,
        Notice::Refused(_) => Key::ChangeRefused,
        Notice::BadGridValue { .. } => Key::EditRefused,
    };
    let lines: Vec<String> = match notice {
        Notice::ParseFailed(e) => {
            let mut v: Vec<String> = e.problems.iter().map(|p| parse_error(lang, p)).collect();
            if e.total > e.problems.len() {
                v.push(tr(lang, Key::MoreProblems, &[("n", (e.total - e.problems.len()).to_string())]));
            }
            v
        }
        Notice::Refused(e) => vec![tr(lang, Key::ComputeFailed, &[("reason", engine_error(lang, e))])],
        Notice::BadGridValue { user, item, value } => {
            let s = props.scale;
            vec![tr(
                lang,
                Key::GridBadValue,
                &[
                    ("user", user.clone()),
                    ("item", item.clone()),
                    ("value", value.clone()),
                    ("lo", s.lo.to_string()),
                    ("hi", s.hi.to_string()),
                ],
            )]
        }
        Notice::ReadFailed => vec![text(lang, Key::ReadFailed).to_string()],
    };
    let dismiss = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ClearNotice))
    };
    html! {
        <div class="notice error notice-bar" role="alert">
            <strong>{ text(lang, title) }</strong>
            <ul>{ for lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            <button class="dismiss" onclick={dismiss} aria-label={text(lang, Key::Dismiss)}>{ "×" }</button>
        </div>
    }
}
