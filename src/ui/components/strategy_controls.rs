//! The strategy form: which strategy, its parameters, the guardrails and the coupons.

use yew::prelude::*;

use crate::engine::data::samples::Dataset;
use crate::engine::limits::{MAX_NEIGHBOURS, MAX_PENALTY_C, MIN_PENALTY_C};
use crate::engine::strategy::{Strategy, StrategyParams};
use crate::options::strategy_edit::StrategyEdit;
use crate::present::labels::{strategy_formula, strategy_label};
use crate::present::{text, Key, Lang};
use crate::ui::components::coupon_editor::CouponEditor;
use crate::ui::components::guardrail_fields::GuardrailFields;
use crate::ui::components::number_field::NumberField;
use crate::ui::components::segment_fields::SegmentFields;
use crate::ui::components::segment_offers::SegmentOffers;
use crate::ui::Shared;

/// Props of [`StrategyControls`].
#[derive(Properties, PartialEq)]
pub struct StrategyControlsProps {
    /// Language.
    pub lang: Lang,
    /// The data (the coupon editor's categories, items and default day).
    pub data: Shared<Dataset>,
    /// The stored settings.
    pub params: StrategyParams,
    /// The segments' names (for the segment-offer table).
    pub segments: Vec<String>,
    /// One setting changed.
    pub on_edit: Callback<StrategyEdit>,
}

/// The form.
#[component]
pub fn StrategyControls(props: &StrategyControlsProps) -> Html {
    let lang = props.lang;
    let t = |k: Key| text(lang, k);
    let (p, edit, data) = (&props.params, &props.on_edit, &props.data);
    let s = p.strategy;
    let on_strategy = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(s) = select.value().parse::<Strategy>() {
                edit.emit(StrategyEdit::Strategy(s));
            }
        })
    };
    // Whole numbers only: the field refuses anything else.
    let on_neighbours = {
        let edit = edit.clone();
        Callback::from(move |v: Option<f64>| {
            if let Some(k) = v {
                edit.emit(StrategyEdit::ItemNeighbours(k as usize));
            }
        })
    };
    html! {
        <section class="card controls" aria-label={t(Key::StrategyControls)}>
            <label>{ t(Key::Strategy) }
                <select id="strategy" onchange={on_strategy}>
                    { for Strategy::ALL.iter().map(|x| html! { <option value={x.name()} selected={*x == s}>{ t(strategy_label(*x)) }</option> }) }
                </select>
            </label>
            <GuardrailFields {lang} guardrails={p.guardrails} on_change={edit.clone()} />
            if s == Strategy::SeedItem {
                <NumberField id="strategy-k" label={t(Key::K)} value={Some(p.item_neighbours as f64)} min={1.0}
                    max={MAX_NEIGHBOURS as f64} whole=true {lang} on_change={on_neighbours} />
            }
            if matches!(s, Strategy::Segment | Strategy::Elasticity) {
                <SegmentFields {lang} segments={p.segments} on_change={edit.clone()} />
            }
            if s == Strategy::Segment {
                <SegmentOffers {lang} names={props.segments.clone()} offers={p.segment_offers.clone()}
                    on_change={edit.clone()} />
            }
            if s == Strategy::Propensity {
                // Empty is no penalty (C = ∞).
                <NumberField id="propensity-c" label={t(Key::RegularisationC)} value={p.response.c} min={MIN_PENALTY_C}
                    max={MAX_PENALTY_C} optional=true placeholder="∞" {lang} on_change={edit.reform(StrategyEdit::PenaltyC)} />
            }
            if s == Strategy::Coupon {
                <CouponEditor {lang} rules={p.coupons.clone()} categories={data.items.categories()} default_at={data.purchases.latest()}
                    unknown_items={p.coupons.unknown_items(|id| data.knows_item(id))} on_change={edit.reform(StrategyEdit::Coupons)} />
            }
            <p class="formula">{ t(strategy_formula(s)) }</p>
        </section>
    }
}
