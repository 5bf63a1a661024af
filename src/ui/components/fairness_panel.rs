//! Who gets offers, per segment and per user attribute, with a warning when a
//! sensitive attribute drives the differences.

use yew::prelude::*;

use crate::engine::discount::fairness::{Audit, MIN_GROUP_USERS};
use crate::present::{percent, text, tr, Key, Lang};

/// Props of [`FairnessPanel`].
#[derive(Properties, PartialEq)]
pub struct FairnessPanelProps {
    /// Language.
    pub lang: Lang,
    /// The audits.
    pub audits: Vec<Audit>,
    /// Segment names as the engine gives them, and in the interface's language.
    pub segment_labels: Vec<(String, String)>,
}

/// The panel.
#[component]
pub fn FairnessPanel(props: &FairnessPanelProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    if props.audits.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" aria-labelledby="fairness-h" id="fairness">
            <h2 id="fairness-h">{ t(Key::Fairness) }</h2>
            { for props.audits.iter().map(|a| html! {
                <div class="audit">
                    <h3>{ if a.attribute == "segment" { t(Key::SegmentPrefix).to_string() } else { a.attribute.clone() } }</h3>
                    if a.warning {
                        <p class="notice warning" role="status">{ tr(lang, Key::FairnessWarning, &[
                            ("attr", a.attribute.clone()),
                            ("gap", percent(a.max_gap)),
                            ("ratio", format!("{:.2}", a.min_share_ratio)),
                            ("eta", format!("{:.2}", a.eta_squared)),
                        ]) }</p>
                    } else {
                        <p class="hint">{ tr(lang, Key::FairnessSummary, &[
                            ("gap", percent(a.max_gap)),
                            ("ratio", format!("{:.2}", a.min_share_ratio)),
                            ("eta", format!("{:.2}", a.eta_squared)),
                        ]) }</p>
                    }
                    <table class="data-table compact">
                        <thead><tr>
                            <th scope="col">{ t(Key::Group) }</th>
                            <th scope="col">{ t(Key::UsersCount) }</th>
                            <th scope="col">{ t(Key::MeanOffer) }</th>
                            <th scope="col">{ t(Key::ShareOffered) }</th>
                        </tr></thead>
                        <tbody>{ for a.groups.iter().map(|g| html! {
                            <tr>
                                <th scope="row">{ props.segment_labels.iter().find(|(en, _)| a.attribute == "segment" && *en == g.group).map_or_else(|| g.group.clone(), |l| l.1.clone()) }</th>
                                <td class="num">{ g.users }</td>
                                <td class="num">{ format!("{}%", percent(g.mean_offer)) }</td>
                                <td class="num">{ format!("{}%", percent(g.share_offered * 100.0)) }</td>
                            </tr>
                        }) }</tbody>
                    </table>
                </div>
            }) }
            if props.audits.iter().any(|a| a.small_groups > 0) {
                <p class="hint">{ tr(lang, Key::FairnessSmallGroups, &[("n", MIN_GROUP_USERS.to_string())]) }</p>
            }
            <p class="formula">{ t(Key::FairnessFormula) }</p>
        </section>
    }
}
