//! Coupons as a person writes them — a JS object, or the command line's
//! `PCT%[:max=AMOUNT][:item=ID|:category=NAME][:from=DATE][:until=DATE]` — and the one rule for
//! their windows: from the first second of `from`, until the last second of `until` (a bare
//! date runs to the end of its day; a time is taken as it is); a side left out is open.
//!
//! ```
//! use discount_lab::engine::data::dates::timestamp;
//! use discount_lab::options::coupon::CouponSpec;
//! let c = CouponSpec::parse("20%:max=5:category=books:until=2026-06-30").unwrap().coupon().unwrap();
//! assert_eq!(c.max_amount, Some(5.0));
//! assert_eq!(c.valid.until, Some(timestamp("2026-07-01").unwrap() - 1.0));
//! assert_eq!(c.valid.from, None);
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::data::dates::{end_of, timestamp};
use crate::engine::discount::coupon::{Coupon, Scope, Window};
use crate::engine::discount::offer::Percent;
use crate::engine::error::EngineError;

/// One coupon as written; `item` wins over `category`, and neither is site-wide.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CouponSpec {
    /// Percentage off.
    pub percent: f64,
    /// Largest amount off, if capped.
    pub max_amount: Option<f64>,
    /// One item id it is limited to.
    pub item: Option<String>,
    /// One category it is limited to.
    pub category: Option<String>,
    /// First day (or time) it can be used.
    pub from: Option<String>,
    /// Last day (or time) it can be used.
    pub until: Option<String>,
}

/// A window from two written dates, by the one rule (see the module docs).
pub fn window(from: Option<&str>, until: Option<&str>) -> Result<Window, EngineError> {
    let read = |text: &str, at: fn(&str) -> Option<f64>| {
        at(text.trim())
            .ok_or_else(|| EngineError::param("coupon date", format!("'{text}' is not a date like 2026-06-30")))
    };
    let from = from.filter(|t| !t.trim().is_empty()).map(|t| read(t, timestamp)).transpose()?;
    let until = until.filter(|t| !t.trim().is_empty()).map(|t| read(t, end_of)).transpose()?;
    if let (Some(a), Some(b)) = (from, until) {
        if a > b {
            return Err(EngineError::param("coupon validity", "'from' must not be after 'until'"));
        }
    }
    Ok(Window { from, until })
}

impl CouponSpec {
    /// Reads the text form `PCT%[:max=AMOUNT][:item=ID|:category=NAME][:from=DATE][:until=DATE]`.
    pub fn parse(text: &str) -> Result<CouponSpec, EngineError> {
        let bad = |reason: String| EngineError::param("coupon", reason);
        let mut parts = text.split(':').map(str::trim);
        let head = parts.next().unwrap_or("");
        let percent =
            head.trim_end_matches('%').trim().parse().map_err(|_| bad(format!("'{head}' is not a percentage")))?;
        let mut spec = CouponSpec { percent, ..CouponSpec::default() };
        let mut last_key = "";
        for part in parts {
            let Some((key, value)) = part.split_once('=') else {
                // The minutes (and seconds) of a time in from= or until=: 12:00 was cut at ':'.
                let time = match last_key {
                    "from" => spec.from.as_mut(),
                    "until" | "to" => spec.until.as_mut(),
                    _ => None,
                };
                match time {
                    Some(t) if t.contains(['T', ' ']) && part.chars().all(|c| c.is_ascii_digit()) => {
                        t.push(':');
                        t.push_str(part);
                        continue;
                    }
                    _ => return Err(bad(format!("'{part}' should be key=value"))),
                }
            };
            let value = value.trim().to_string();
            last_key = key.trim();
            match last_key {
                "max" => {
                    spec.max_amount = Some(value.parse().map_err(|_| bad(format!("max '{value}' is not an amount")))?)
                }
                "item" => spec.item = Some(value),
                "category" => spec.category = Some(value),
                "from" => spec.from = Some(value),
                "until" | "to" => spec.until = Some(value),
                other => {
                    return Err(bad(format!("unknown coupon field '{other}' (use max, item, category, from, until)")))
                }
            }
        }
        Ok(spec)
    }

    /// The coupon it describes (its window by [`window`]).
    pub fn coupon(&self) -> Result<Coupon, EngineError> {
        let scope = match (&self.item, &self.category) {
            (Some(i), _) => Scope::Item(i.clone()),
            (None, Some(c)) => Scope::Category(c.clone()),
            (None, None) => Scope::SiteWide,
        };
        Ok(Coupon {
            percent: Percent(self.percent),
            max_amount: self.max_amount,
            scope,
            valid: window(self.from.as_deref(), self.until.as_deref())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_form_and_the_object_form_give_the_same_coupon() {
        let text = CouponSpec::parse("15%:item=p07:from=2026-06-01:until=2026-06-30T12:00").unwrap();
        let object = CouponSpec {
            percent: 15.0,
            item: Some("p07".into()),
            from: Some("2026-06-01".into()),
            until: Some("2026-06-30T12:00".into()),
            ..CouponSpec::default()
        };
        assert_eq!(text, object);
        let c = text.coupon().unwrap();
        assert_eq!(c.valid, Window { from: timestamp("2026-06-01"), until: timestamp("2026-06-30T12:00") });
        assert!(CouponSpec::parse("ten%").is_err());
        assert!(CouponSpec::parse("10%:colour=red").is_err());
        let backwards =
            CouponSpec { from: Some("2026-07-01".into()), until: Some("2026-06-01".into()), ..CouponSpec::default() };
        assert!(backwards.coupon().unwrap_err().to_string().contains("'from' must not be after 'until'"));
    }
}
