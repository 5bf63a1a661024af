//! The components the views are made of: narrow props in, callbacks out, no rules inside.

pub mod algo_fields;
pub mod article_table;
pub mod budget_panel;
pub mod choose_k;
pub mod compare_table;
pub mod coupon_editor;
pub mod elasticity_table;
pub mod eval_results;
pub mod explain_panel;
pub mod fairness_panel;
pub mod file_picker;
pub mod fold_files;
pub mod grid_fields;
pub mod heatmap;
pub mod histogram_chart;
pub mod model_check;
pub mod money;
pub mod notice;
pub mod number_field;
pub mod number_input;
pub mod prediction_panel;
pub mod rating_grid;
pub mod recommendations;
pub mod segment_charts;
pub mod sparkline;
pub mod strategy_controls;
