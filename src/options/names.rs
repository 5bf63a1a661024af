//! Every named choice the command line, the JS API and the interface share, spelled one way.
//!
//! [`Named`] lists a choice's variants and their names; from it every choice gets `Display`
//! (the name), `FromStr` (the name in any case, or an older spelling kept as an alias) and the
//! `TryFrom<String>` serde reads it through, so a JS object takes exactly what a flag takes
//! (a test checks every variant both ways).
//!
//! ```
//! use discount_lab::engine::similarity::Measure;
//! use discount_lab::engine::discount::segments::SegmentModel;
//! assert_eq!("pearson_baseline".parse::<Measure>().unwrap(), Measure::PearsonBaseline);
//! assert_eq!(Measure::PearsonBaseline.to_string(), "pearson_baseline");
//! assert_eq!("k-means".parse::<SegmentModel>().unwrap(), SegmentModel::KMeans);
//! assert!("nope".parse::<Measure>().unwrap_err().to_string().contains("use one of cosine, msd"));
//! ```

use crate::engine::data::ratings::Kind;
use crate::engine::data::text_input::Separator;
use crate::engine::discount::segments::SegmentModel;
use crate::engine::error::EngineError;
use crate::engine::similarity::ordering::RowOrder;
use crate::engine::similarity::Measure;
use crate::engine::strategy::{BudgetGoal, Strategy};

/// A choice with one name per variant.
pub trait Named: Copy + PartialEq + Sized + 'static {
    /// What the choice is called in messages and errors ("measure").
    const WHAT: &'static str;
    /// Every variant, in menu order.
    const ALL: &'static [Self];
    /// Older or looser spellings, read as the variant beside them.
    const ALIASES: &'static [(&'static str, Self)] = &[];
    /// The variant's one name.
    fn name(self) -> &'static str;

    /// The variant called `text` (trimmed, any case), or an error listing the names.
    fn parse_name(text: &str) -> Result<Self, EngineError> {
        let wanted = text.trim().to_lowercase();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.name() == wanted)
            .or_else(|| Self::ALIASES.iter().find(|(a, _)| *a == wanted).map(|(_, v)| *v))
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
                EngineError::param(
                    Self::WHAT,
                    format!("unknown {} '{text}'; use one of {}", Self::WHAT, names.join(", ")),
                )
            })
    }
}

macro_rules! named {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(Named::name(*self))
            }
        }
        impl std::str::FromStr for $t {
            type Err = EngineError;
            fn from_str(s: &str) -> Result<Self, EngineError> {
                <$t as Named>::parse_name(s)
            }
        }
        /// What serde reads the choice through (`#[serde(try_from = "String")]`), so a JS
        /// object's names take the same spellings and give the same errors as a flag.
        impl TryFrom<String> for $t {
            type Error = EngineError;
            fn try_from(s: String) -> Result<Self, EngineError> {
                <$t as Named>::parse_name(&s)
            }
        }
    };
}

impl Named for Kind {
    const WHAT: &'static str = "kind";
    const ALL: &'static [Kind] = &[Kind::User, Kind::Item];
    fn name(self) -> &'static str {
        match self {
            Kind::User => "user",
            Kind::Item => "item",
        }
    }
}
named!(Kind);

impl Named for Measure {
    const WHAT: &'static str = "measure";
    const ALL: &'static [Measure] = &Measure::ALL;
    fn name(self) -> &'static str {
        Measure::name(self)
    }
}
named!(Measure);

impl Named for RowOrder {
    const WHAT: &'static str = "order";
    const ALL: &'static [RowOrder] = &[RowOrder::Original, RowOrder::Spectral];
    fn name(self) -> &'static str {
        match self {
            RowOrder::Original => "original",
            RowOrder::Spectral => "spectral",
        }
    }
}
named!(RowOrder);

impl Named for Separator {
    const WHAT: &'static str = "separator";
    const ALL: &'static [Separator] = &[Separator::Comma, Separator::Tab, Separator::DoubleColon];
    const ALIASES: &'static [(&'static str, Separator)] =
        &[("doublecolon", Separator::DoubleColon), ("csv", Separator::Comma)];
    fn name(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Tab => "tab",
            Separator::DoubleColon => "colons",
        }
    }
}
named!(Separator);

impl Named for Strategy {
    const WHAT: &'static str = "strategy";
    const ALL: &'static [Strategy] = &Strategy::ALL;
    fn name(self) -> &'static str {
        Strategy::name(self)
    }
}
named!(Strategy);

impl Named for SegmentModel {
    const WHAT: &'static str = "model";
    const ALL: &'static [SegmentModel] = &[SegmentModel::KMeans, SegmentModel::Gmm];
    const ALIASES: &'static [(&'static str, SegmentModel)] =
        &[("k-means", SegmentModel::KMeans), ("k_means", SegmentModel::KMeans)];
    fn name(self) -> &'static str {
        match self {
            SegmentModel::KMeans => "kmeans",
            SegmentModel::Gmm => "gmm",
        }
    }
}
named!(SegmentModel);

impl Named for BudgetGoal {
    const WHAT: &'static str = "budget goal";
    const ALL: &'static [BudgetGoal] = &[BudgetGoal::Purchases, BudgetGoal::Profit];
    fn name(self) -> &'static str {
        match self {
            BudgetGoal::Purchases => "purchases",
            BudgetGoal::Profit => "profit",
        }
    }
}
named!(BudgetGoal);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{de::DeserializeOwned, Serialize};

    /// Display, FromStr and serde spell every variant the same way.
    fn agree<T: Named + Serialize + DeserializeOwned + std::fmt::Debug + std::str::FromStr + std::fmt::Display>() {
        for &v in T::ALL {
            let name = v.name();
            assert_eq!(v.to_string(), name);
            assert_eq!(name.parse::<T>().ok(), Some(v));
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::String(name.into()), "{}", T::WHAT);
            assert_eq!(serde_json::from_value::<T>(serde_json::Value::String(name.into())).unwrap(), v);
        }
        for (alias, v) in T::ALIASES {
            assert_eq!(alias.parse::<T>().ok(), Some(*v));
            assert_eq!(serde_json::from_value::<T>(serde_json::Value::String(alias.to_string())).unwrap(), *v);
        }
        let bad = serde_json::from_value::<T>(serde_json::Value::String("nope".into())).unwrap_err().to_string();
        assert!(bad.contains(&format!("unknown {} 'nope'", T::WHAT)), "{bad}");
    }

    #[test]
    fn names_display_fromstr_and_serde_agree() {
        agree::<Kind>();
        agree::<Measure>();
        agree::<RowOrder>();
        agree::<Separator>();
        agree::<Strategy>();
        agree::<SegmentModel>();
        agree::<BudgetGoal>();
    }
}
