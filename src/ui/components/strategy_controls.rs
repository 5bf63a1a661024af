//! The strategy form: which strategy, its parameters, the guardrails and the coupons.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::discount::coupon::{CouponRules, Scope};
use crate::engine::discount::segments::SegmentParams;
use crate::engine::limits::{MAX_NEIGHBOURS, MAX_PENALTY_C, MIN_PENALTY_C};
use crate::engine::strategy::{Strategy, StrategyParams};
use crate::present::labels::{strategy_formula, strategy_label};
use crate::present::{text, Key};
use crate::ui::components::coupon_editor::CouponEditor;
use crate::ui::components::guardrail_fields::GuardrailFields;
use crate::ui::components::number_field::NumberField;
use crate::ui::components::segment_fields::SegmentFields;
use crate::ui::components::segment_offers::SegmentOffers;
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

/// Item coupons (by position) whose item is in neither the item table nor the ratings.
fn unknown_items(data: &Dataset, rules: &CouponRules) -> Vec<usize> {
    let known = |id: &String| data.items.get(id).is_some() || data.ratings.item_ids().contains(id);
    rules
        .coupons
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(&c.scope, Scope::Item(id) if !id.is_empty() && !known(id)))
        .map(|(k, _)| k)
        .collect()
}

/// New segmentation settings; a new seed also seeds the purchase model (one seed drives both).
fn set_segments(p: &mut StrategyParams, s: SegmentParams) {
    if s.seed != p.segments.seed {
        p.response.seed = s.seed;
    }
    p.segments = s;
}

/// The form.
#[component]
pub fn StrategyControls(props: &StrategyControlsProps) -> Html {
    let lang = props.state.lang;
    let t = |k: Key| text(lang, k);
    let (p, dispatch, data) = (&props.state.strategy, &props.dispatch, &props.state.data);
    let s = p.strategy;
    let on_strategy = {
        let emit = set_param(p, dispatch, |p, s: Strategy| p.strategy = s);
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(s) = select.value().parse::<Strategy>() {
                emit.emit(s);
            }
        })
    };
    // Whole numbers only: the field refuses anything else.
    let on_neighbours = set_param(p, dispatch, |p, v: Option<f64>| {
        if let Some(k) = v {
            p.item_neighbours = k as usize;
        }
    });
    html! {
        <section class="card controls" aria-label={t(Key::StrategyControls)}>
            <label>{ t(Key::Strategy) }
                <select id="strategy" onchange={on_strategy}>
                    { for Strategy::ALL.iter().map(|x| html! { <option value={x.name()} selected={*x == s}>{ t(strategy_label(*x)) }</option> }) }
                </select>
            </label>
            <GuardrailFields {lang} guardrails={p.guardrails} on_change={set_param(p, dispatch, |p, g| p.guardrails = g)} />
            if s == Strategy::SeedItem {
                <NumberField id="strategy-k" label={t(Key::K)} value={Some(p.item_neighbours as f64)} min={1.0}
                    max={MAX_NEIGHBOURS as f64} whole=true {lang} on_change={on_neighbours} />
            }
            if matches!(s, Strategy::Segment | Strategy::Elasticity) {
                <SegmentFields {lang} segments={p.segments} on_change={set_param(p, dispatch, set_segments)} />
            }
            if s == Strategy::Segment {
                <SegmentOffers {lang} names={props.segments.clone()} offers={p.segment_offers.clone()}
                    on_change={set_param(p, dispatch, |p, offers| p.segment_offers = offers)} />
            }
            if s == Strategy::Propensity {
                // Empty is no penalty (C = ∞).
                <NumberField id="propensity-c" label={t(Key::RegularisationC)} value={p.response.c} min={MIN_PENALTY_C}
                    max={MAX_PENALTY_C} optional=true placeholder="∞" {lang} on_change={set_param(p, dispatch, |p, c| p.response.c = c)} />
            }
            if s == Strategy::Coupon {
                <CouponEditor {lang} rules={p.coupons.clone()} categories={data.items.categories()} default_at={data.purchases.latest()}
                    unknown_items={unknown_items(data, &p.coupons)} on_change={set_param(p, dispatch, |p, rules| p.coupons = rules)} />
            }
            <p class="formula">{ t(strategy_formula(s)) }</p>
        </section>
    }
}
