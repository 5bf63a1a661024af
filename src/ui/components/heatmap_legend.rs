//! The heatmap's legend: its colours from −1 to +1.

use yew::prelude::*;

use crate::present::heatmap_layout::legend_background;
use crate::present::{text, Key, Lang};

/// Props of [`HeatmapLegend`].
#[derive(Properties, PartialEq)]
pub struct HeatmapLegendProps {
    /// Language.
    pub lang: Lang,
}

/// The legend.
#[component]
pub fn HeatmapLegend(props: &HeatmapLegendProps) -> Html {
    let title = text(props.lang, Key::Legend);
    html! {
        <div class="legend" role="img" aria-label={format!("{title}: −1 … 0 … +1")}>
            <span class="legend-title">{ title }</span>
            <div class="legend-bar" style={legend_background()}></div>
            <div class="legend-ticks"><span>{ "−1" }</span><span>{ "0" }</span><span>{ "+1" }</span></div>
        </div>
    }
}
