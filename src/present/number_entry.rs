//! Reading a number typed into a field: a value that is not a number, not whole where it must
//! be, or outside the field's range is refused with a message that names what was typed and
//! why, in the user's language; an empty field is a value only where the field is optional.
//!
//! ```
//! use discount_lab::present::number_entry::{read_number, FieldRule};
//! use discount_lab::present::Lang;
//! let k = FieldRule { min: 1.0, max: 1000.0, whole: true, optional: false };
//! assert_eq!(read_number(Lang::En, k, " 40 "), Ok(Some(40.0)));
//! assert_eq!(read_number(Lang::En, k, "2.5").unwrap_err(), "2.5 is not a whole number; the value in use stays.");
//! ```

use super::format::num;
use super::messages::{text, tr, Key, Lang};

/// What a field accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldRule {
    /// Smallest value accepted.
    pub min: f64,
    /// Largest value accepted.
    pub max: f64,
    /// Whole numbers only.
    pub whole: bool,
    /// An empty field is a value (`None`), not a mistake.
    pub optional: bool,
}

/// The value to use, or why the typed text is refused.
pub fn read_number(lang: Lang, rule: FieldRule, typed: &str) -> Result<Option<f64>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return if rule.optional { Ok(None) } else { Err(text(lang, Key::FieldNumberNeeded).to_string()) };
    }
    let v: f64 = typed
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| tr(lang, Key::FieldNotANumber, &[("value", typed.to_string())]))?;
    if rule.whole && v.fract() != 0.0 {
        return Err(tr(lang, Key::FieldWhole, &[("value", typed.to_string())]));
    }
    if v < rule.min || v > rule.max {
        let range = [("value", typed.to_string()), ("min", num(rule.min)), ("max", num(rule.max))];
        return Err(tr(lang, Key::FieldBetween, &range));
    }
    Ok(Some(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERCENT: FieldRule = FieldRule { min: 0.0, max: 100.0, whole: false, optional: false };

    #[test]
    fn refuses_what_it_cannot_use_and_says_why() {
        assert_eq!(read_number(Lang::En, PERCENT, "12.5"), Ok(Some(12.5)));
        assert!(read_number(Lang::En, PERCENT, "150").unwrap_err().contains("150"));
        assert!(read_number(Lang::En, PERCENT, "abc").unwrap_err().contains("abc"));
        assert!(read_number(Lang::En, PERCENT, "inf").is_err());
        assert!(read_number(Lang::En, PERCENT, "").is_err());
        let optional = FieldRule { optional: true, ..PERCENT };
        assert_eq!(read_number(Lang::En, optional, "  "), Ok(None));
        assert_ne!(read_number(Lang::Zh, PERCENT, "150"), read_number(Lang::En, PERCENT, "150"));
    }
}
