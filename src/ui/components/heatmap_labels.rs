//! The ids beside a small heatmap: above it (columns) or to its left (rows).

use yew::prelude::*;

use crate::present::heatmap_layout::{HeatmapLayout, ROW_LABELS_PX};

/// Which side of the map the ids are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSide {
    /// Above the map: one id per column.
    Top,
    /// Left of the map: one id per row.
    Left,
}

/// Props of [`HeatmapLabels`].
#[derive(Properties, PartialEq)]
pub struct HeatmapLabelsProps {
    /// The ids, in the order the rows are drawn.
    pub names: Vec<AttrValue>,
    /// Which side.
    pub side: LabelSide,
    /// The map's layout (its size, its cells' size, whether the column ids lie flat).
    pub layout: HeatmapLayout,
}

/// The labels.
#[component]
pub fn HeatmapLabels(props: &HeatmapLabelsProps) -> Html {
    let HeatmapLayout { px, cell_px, values, .. } = props.layout;
    let (class, style, span_style) = match props.side {
        LabelSide::Top => (
            classes!("col-labels", values.then_some("flat")),
            Some(format!("margin-left:{ROW_LABELS_PX}px;width:{px}px")),
            format!("width:{cell_px:.2}px"),
        ),
        LabelSide::Left => (classes!("row-labels"), None, format!("height:{cell_px:.2}px;line-height:{cell_px:.2}px")),
    };
    html! {
        <div {class} {style} aria-hidden="true">
            { for props.names.iter().map(|name| html! { <span style={span_style.clone()} title={name.clone()}>{ name.clone() }</span> }) }
        </div>
    }
}
