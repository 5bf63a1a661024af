//! Each cell's value written on it (for maps with large cells), in a colour that reads on the cell.

use yew::prelude::*;

use crate::engine::similarity::SimilarityMatrix;
use crate::present::heatmap_layout::{cell_is_dark, cell_value_style, cell_value_text};
use crate::ui::Shared;

/// Props of [`HeatmapValues`].
#[derive(Properties, PartialEq)]
pub struct HeatmapValuesProps {
    /// The matrix.
    pub matrix: Shared<SimilarityMatrix>,
    /// Row order: position k shows row `order[k]`.
    pub order: Shared<Vec<usize>>,
}

/// The values.
#[component]
pub fn HeatmapValues(props: &HeatmapValuesProps) -> Html {
    let (m, order) = (&props.matrix, &props.order);
    let n = order.len();
    let cells = order.iter().enumerate().flat_map(|(r, &a)| order.iter().enumerate().map(move |(c, &b)| (r, c, a, b)));
    html! {
        <div class="cell-values" aria-hidden="true">
            { for cells.map(|(r, c, a, b)| {
                let v = m.get(a, b);
                html! {
                    <span class={classes!(cell_is_dark(v).then_some("on-dark"))} style={cell_value_style(r, c, n)}>
                        { cell_value_text(v) }
                    </span>
                }
            }) }
        </div>
    }
}
