//! Numbers for display: the engine's one number format, percentages and money.

pub use crate::engine::format::num;

/// A percentage for display: one decimal, trailing ".0" dropped.
pub fn percent(p: f64) -> String {
    let s = format!("{p:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// An amount of money: two decimals.
pub fn amount(v: f64) -> String {
    format!("{v:.2}")
}

/// Money for display: two decimals, "—" when unknown.
pub fn money(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), amount)
}
