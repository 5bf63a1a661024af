//! The editable rating grid for small sets: one input per user-item cell.

use yew::prelude::*;

use crate::engine::data::ratings::{ItemIdx, UserIdx};
use crate::engine::data::samples::Dataset;
use crate::engine::limits::MAX_GRID_SIDE;
use crate::present::{text, tr, Key, Lang};
use crate::ui::state::Action;
use crate::ui::Shared;

/// Props of [`RatingGrid`].
#[derive(Properties, PartialEq)]
pub struct RatingGridProps {
    /// Interface language.
    pub lang: Lang,
    /// The loaded data (compared by identity).
    pub data: Shared<Dataset>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The grid, or a note when the set is too large to edit cell by cell.
#[component]
pub fn RatingGrid(props: &RatingGridProps) -> Html {
    let lang = props.lang;
    let r = &props.data.0.ratings;
    let (nu, ni) = (r.n_users(), r.n_items());
    let title = html! { <h2 id="grid-h">{ text(lang, Key::GridTitle) }</h2> };
    if nu > MAX_GRID_SIDE || ni > MAX_GRID_SIDE {
        let max = MAX_GRID_SIDE.to_string();
        return html! {
            <section class="card" aria-labelledby="grid-h">{ title }
                <p class="hint">{ tr(lang, Key::GridTooLarge, &[("max", max), ("users", nu.to_string()), ("items", ni.to_string())]) }</p>
            </section>
        };
    }
    let scale = r.scale();
    let cell = |u: usize, i: usize| {
        let (user, item) = (UserIdx(u as u32), ItemIdx(i as u32));
        let value = r.get(user, item).map(|v| v.to_string()).unwrap_or_default();
        let label = format!("{} · {}", r.user_id(user), r.item_id(item));
        let d = props.dispatch.clone();
        // The cell shows the stored value again at once: an accepted edit then renders its new
        // value, a refused one leaves the old (the notice names what was typed). The input is
        // never replaced, so it keeps the focus.
        let stored = value.clone();
        let onchange = Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let text = input.value();
            input.set_value(&stored);
            d.emit(Action::EditRating { user, item, text });
        });
        html! {
            <td key={format!("{u}-{i}")}>
                <input class="cell" type="text" inputmode="decimal" value={value} aria-label={label}
                    data-user={u.to_string()} data-item={i.to_string()} {onchange}
                    placeholder="·" title={format!("{}–{}", scale.lo, scale.hi)} />
            </td>
        }
    };
    html! {
        <section class="card" aria-labelledby="grid-h">{ title }
            <p class="hint">{ text(lang, Key::GridHint) }</p>
            <div class="grid-scroll">
                <table class="rating-grid" id="rating-grid">
                    <thead><tr><th></th>{ for r.item_ids().iter().map(|id| html! { <th scope="col">{ id }</th> }) }</tr></thead>
                    <tbody>
                        { for (0..nu).map(|u| html! {
                            <tr><th scope="row">{ r.user_id(UserIdx(u as u32)) }</th>{ for (0..ni).map(|i| cell(u, i)) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
