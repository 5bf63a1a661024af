//! How the lab writes numbers, in one place: every table, explanation and formula uses these,
//! so a value reads the same wherever it appears.
//!
//! ```
//! use discount_lab::engine::format::{num, term};
//! assert_eq!(num(0.58163), "0.5816");
//! assert_eq!(num(2.0), "2");
//! assert_eq!(term(-0.5), "−0.50");
//! ```

/// Four significant decimals, trailing zeros trimmed.
pub fn num(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// A number with two decimals and a true minus sign.
pub fn term(x: f64) -> String {
    let s = format!("{x:.2}");
    if s == "-0.00" {
        "0.00".into()
    } else {
        s.replace('-', "−")
    }
}

/// A rating: whole numbers without decimals.
pub fn rating(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        term(x).trim_end_matches(".00").into()
    } else {
        term(x)
    }
}

/// A number in a product or a sum of terms: negative ones in parentheses.
pub fn factor(x: f64) -> String {
    if term(x).starts_with('−') {
        format!("({})", term(x))
    } else {
        term(x)
    }
}

/// ` + x` or ` − |x|`, to append a term.
pub fn plus(x: f64) -> String {
    match term(x).strip_prefix('−') {
        Some(abs) => format!(" − {abs}"),
        None => format!(" + {}", term(x)),
    }
}
