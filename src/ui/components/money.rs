//! An amount of money, with its 95% range of outcomes when there is one.

use yew::prelude::*;

use crate::engine::discount::elasticity::Z95;
use crate::present::{money, tr, Key, Lang};

/// An expected total with its 95% range of outcomes (± 1.96 sd), when known.
pub fn with_range(lang: Lang, v: Option<f64>, sd: Option<f64>) -> Html {
    match (v, sd) {
        (Some(_), Some(sd)) => {
            let half = format!("{:.2}", Z95 * sd);
            html! { <>{ money(v) }<span class="pm" title={tr(lang, Key::RangeTitle, &[("half", half.clone())])}>{ format!(" ± {half}") }</span></> }
        }
        _ => html! { { money(v) } },
    }
}
