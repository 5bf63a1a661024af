//! The strategy form: which strategy, its parameters, the guardrails and the coupons.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::discount::coupon::Scope;
use crate::engine::discount::offer::Percent;
use crate::engine::discount::segments::SegmentModel;
use crate::engine::strategy::{Strategy, StrategyParams};
use crate::present::{text, Key};
use crate::ui::components::coupon_editor::CouponEditor;
use crate::ui::on_change;
use crate::ui::state::{Action, AppState};

/// Props of [`StrategyControls`].
#[derive(Properties, PartialEq)]
pub struct StrategyControlsProps {
    /// The state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Number of segments found (for the segment-offer table).
    pub segments: Vec<String>,
}

/// A callback that stores `params` with one setting changed to the value it is given.
/// `params` must be the stored settings (`AppState::strategy`), not a copy with derived
/// values filled in, or those would be stored too.
pub fn set_param<T: 'static>(
    params: &StrategyParams,
    dispatch: &Callback<Action>,
    set: fn(&mut StrategyParams, T),
) -> Callback<T> {
    let (params, dispatch) = (params.clone(), dispatch.clone());
    Callback::from(move |value| {
        let mut next = params.clone();
        set(&mut next, value);
        dispatch.emit(Action::SetStrategy(Box::new(next)));
    })
}

/// The name of a strategy in the interface.
pub fn strategy_label(s: Strategy) -> Key {
    match s {
        Strategy::SeedUser => Key::StratSeedUser,
        Strategy::SeedItem => Key::StratSeedItem,
        Strategy::Segment => Key::StratSegment,
        Strategy::Elasticity => Key::StratElasticity,
        Strategy::Propensity => Key::StratPropensity,
        Strategy::Coupon => Key::StratCoupon,
    }
}

fn number(v: &str) -> Option<f64> {
    v.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// The form.
#[component]
pub fn StrategyControls(props: &StrategyControlsProps) -> Html {
    let lang = props.state.lang;
    let t = |k: Key| text(lang, k);
    let p = props.state.strategy.clone();
    let emit = props.dispatch.reform(|p: StrategyParams| Action::SetStrategy(Box::new(p)));
    let set = |edit: crate::ui::Edit<StrategyParams>| on_change(p.clone(), emit.clone(), edit);
    let on_strategy = set(Box::new(|p, v| {
        if let Ok(s) = v.parse::<Strategy>() {
            p.strategy = s;
        }
    }));
    let on_max = set(Box::new(|p, v| {
        if let Some(x) = number(&v) {
            p.guardrails.max_discount = Percent(x.clamp(0.0, 100.0));
        }
    }));
    let on_margin = set(Box::new(|p, v| {
        if let Some(x) = number(&v) {
            p.guardrails.min_margin = Percent(x.clamp(0.0, 1000.0));
        }
    }));
    let on_cap = set(Box::new(|p, v| p.guardrails.per_user_cap = number(&v).map(|x| x.max(0.0))));
    let on_k = set(Box::new(|p, v| {
        if let Ok(k) = v.trim().parse::<usize>() {
            p.segments.k = k.clamp(1, 12);
        }
    }));
    let on_model =
        set(Box::new(|p, v| p.segments.model = if v == "gmm" { SegmentModel::Gmm } else { SegmentModel::KMeans }));
    let on_seed = set(Box::new(|p, v| {
        if let Ok(s) = v.trim().parse::<u64>() {
            p.segments.seed = s;
            p.response.seed = s;
        }
    }));
    let on_neighbours = set(Box::new(|p, v| {
        if let Ok(k) = v.trim().parse::<usize>() {
            p.item_neighbours = k.clamp(1, 1000);
        }
    }));
    // Empty is no penalty (C = ∞); 0 or less is not a C and is ignored.
    let on_c = set(Box::new(|p, v| match number(&v) {
        None if v.trim().is_empty() => p.response.c = None,
        Some(c) if c > 0.0 => p.response.c = Some(c),
        _ => {}
    }));
    let on_from_table = {
        let n = props.segments.len();
        set(Box::new(move |p, v| p.segment_offers = (v == "true").then(|| vec![10.0; n.max(1)])))
    };
    let segment_inputs = p.segment_offers.clone().map(|offers| {
        props.segments.iter().enumerate().map(|(k, name)| {
            let on = set(Box::new(move |p, v| {
                if let (Some(x), Some(table)) = (number(&v), p.segment_offers.as_mut()) {
                    if table.len() <= k {
                        table.resize(k + 1, 0.0);
                    }
                    table[k] = x.clamp(0.0, 100.0);
                }
            }));
            let value = offers.get(k).copied().unwrap_or(0.0);
            html! {
                <label>{ format!("{k}: {name}") }
                    <input class="narrow segment-offer" type="number" min="0" max="100" step="any" value={value.to_string()} onchange={on} />
                </label>
            }
        }).collect::<Html>()
    });
    let mut categories: Vec<String> = props.state.data.items.items.iter().filter_map(|i| i.category.clone()).collect();
    categories.sort();
    categories.dedup();
    let on_coupons = set_param(&p, &props.dispatch, |p, rules| p.coupons = rules);
    // Item coupons whose item is in neither the item table nor the ratings.
    let data = &props.state.data;
    let unknown_items: Vec<usize> = p
        .coupons
        .coupons
        .iter()
        .enumerate()
        .filter(|(_, c)| match &c.scope {
            Scope::Item(id) => !id.is_empty() && data.items.get(id).is_none() && !data.ratings.item_ids().contains(id),
            _ => false,
        })
        .map(|(k, _)| k)
        .collect();
    let s = p.strategy;
    let uses_segments = matches!(s, Strategy::Segment | Strategy::Elasticity);
    html! {
        <section class="card controls" aria-label={t(Key::StrategyControls)}>
            <label>{ t(Key::Strategy) }
                <select id="strategy" onchange={on_strategy}>
                    { for Strategy::ALL.iter().map(|x| html! { <option value={x.name()} selected={*x == s}>{ t(strategy_label(*x)) }</option> }) }
                </select>
            </label>
            <label>{ t(Key::MaxDiscount) }<input id="guard-max" class="narrow" type="number" min="0" max="100" step="any" value={p.guardrails.max_discount.0.to_string()} onchange={on_max} /></label>
            <label>{ t(Key::MinMargin) }<input id="guard-margin" class="narrow" type="number" min="0" step="any" value={p.guardrails.min_margin.0.to_string()} onchange={on_margin} /></label>
            <label>{ t(Key::PerUserCap) }<input id="guard-cap" class="narrow" type="number" min="0" step="any" placeholder="—" value={p.guardrails.per_user_cap.map(|c| c.to_string()).unwrap_or_default()} onchange={on_cap} /></label>
            if s == Strategy::SeedItem {
                <label>{ t(Key::K) }<input id="strategy-k" class="narrow" type="number" min="1" value={p.item_neighbours.to_string()} onchange={on_neighbours} /></label>
            }
            if uses_segments {
                <label>{ t(Key::Segments) }<input id="segment-k" class="narrow" type="number" min="1" max="12" value={p.segments.k.to_string()} onchange={on_k} /></label>
                <label>{ t(Key::SegmentModel) }
                    <select id="segment-model" onchange={on_model}>
                        <option value="kmeans" selected={p.segments.model == SegmentModel::KMeans}>{ t(Key::KMeans) }</option>
                        <option value="gmm" selected={p.segments.model == SegmentModel::Gmm}>{ t(Key::Gmm) }</option>
                    </select>
                </label>
                <label>{ t(Key::Seed) }<input id="segment-seed" class="narrow" type="number" min="0" value={p.segments.seed.to_string()} onchange={on_seed} /></label>
            }
            if s == Strategy::Segment {
                <label class="check"><input id="segment-table" type="checkbox" checked={p.segment_offers.is_some()} onchange={on_from_table} />{ t(Key::SegmentTable) }</label>
                { segment_inputs.unwrap_or_default() }
            }
            if s == Strategy::Propensity {
                <label>{ t(Key::RegularisationC) }<input id="propensity-c" class="narrow" type="number" min="0" step="any" placeholder="∞" value={p.response.c.map(|c| c.to_string()).unwrap_or_default()} onchange={on_c} /></label>
            }
            if s == Strategy::Coupon {
                <CouponEditor lang={lang} rules={p.coupons.clone()} categories={categories.clone()}
                    default_at={props.state.data.purchases.latest()} unknown_items={unknown_items} on_change={on_coupons} />
            }
            <p class="formula">{ t(match s {
                Strategy::SeedUser => Key::FormulaSeedUser,
                Strategy::SeedItem => Key::FormulaSeedItem,
                Strategy::Segment => Key::FormulaSegment,
                Strategy::Elasticity => Key::FormulaElasticity,
                Strategy::Propensity => Key::FormulaPropensity,
                Strategy::Coupon => Key::FormulaCoupon,
            }) }</p>
        </section>
    }
}
