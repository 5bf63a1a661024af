//! The components the views are made of: narrow props in, callbacks out, no rules inside.

pub mod article_table;
pub mod budget_panel;
pub mod choose_k;
pub mod compare_table;
pub mod coupon_editor;
pub mod elasticity_table;
pub mod explain_panel;
pub mod fairness_panel;
pub mod file_picker;
pub mod heatmap;
pub mod histogram_chart;
pub mod model_check;
pub mod money;
pub mod notice;
pub mod prediction_panel;
pub mod rating_grid;
pub mod segment_charts;
pub mod sparkline;
pub mod strategy_controls;
