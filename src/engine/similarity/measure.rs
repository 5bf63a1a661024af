//! The similarity measures and their names.

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::Kind;

/// A similarity measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Measure {
    /// Cosine over common ratings (scikit-surprise `cosine`); with `zero_fill`, the articles' cosine over all columns.
    Cosine,
    /// 1 / (mean squared difference + 1) over common ratings (scikit-surprise `msd`).
    Msd,
    /// Pearson correlation over common ratings (scikit-surprise `pearson`).
    #[default]
    Pearson,
    /// Pearson on residuals from ALS baselines, shrunk by (n − 1) / (n − 1 + shrinkage) (scikit-surprise `pearson_baseline`).
    PearsonBaseline,
    /// Item-item cosine of ratings centred on each user's mean (Sarwar et al. 2001).
    AdjustedCosine,
    /// |common| / |union| of the sets of ratings (who rated / what was rated).
    Jaccard,
    /// |A ∩ B| / |A ∪ B| of item attribute sets (needs the item table).
    AttributeJaccard,
}

impl Measure {
    /// Every measure, in menu order.
    pub const ALL: [Measure; 7] = [
        Measure::Cosine,
        Measure::Msd,
        Measure::Pearson,
        Measure::PearsonBaseline,
        Measure::AdjustedCosine,
        Measure::Jaccard,
        Measure::AttributeJaccard,
    ];

    /// The name used in options, the CLI and the JS API.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Cosine => "cosine",
            Measure::Msd => "msd",
            Measure::Pearson => "pearson",
            Measure::PearsonBaseline => "pearson_baseline",
            Measure::AdjustedCosine => "adjusted_cosine",
            Measure::Jaccard => "jaccard",
            Measure::AttributeJaccard => "attribute_jaccard",
        }
    }

    /// Whether the measure compares rows of this kind: adjusted cosine (centred on each
    /// user's mean) and attribute Jaccard (item attributes) compare items only.
    pub fn applies_to(self, kind: Kind) -> bool {
        kind == Kind::Item || !matches!(self, Measure::AdjustedCosine | Measure::AttributeJaccard)
    }

    /// The measures that compare rows of `kind`, in menu order.
    pub fn for_kind(kind: Kind) -> Vec<Measure> {
        Measure::ALL.into_iter().filter(|m| m.applies_to(kind)).collect()
    }

    /// Whether an unrated cell may count as 0 (the articles' cosine over all columns): cosine only.
    pub fn may_zero_fill(self) -> bool {
        self == Measure::Cosine
    }

    /// Whether values can be negative (the heatmap then uses both halves of its scale).
    pub fn is_signed(self) -> bool {
        matches!(self, Measure::Cosine | Measure::Pearson | Measure::PearsonBaseline | Measure::AdjustedCosine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_not_compared_by_item_only_measures() {
        assert_eq!(Measure::for_kind(Kind::Item), Measure::ALL.to_vec());
        let user = Measure::for_kind(Kind::User);
        assert_eq!(user.len(), 5);
        assert!(!user.contains(&Measure::AdjustedCosine) && !user.contains(&Measure::AttributeJaccard));
        assert_eq!(Measure::ALL.into_iter().filter(|m| m.may_zero_fill()).collect::<Vec<_>>(), [Measure::Cosine]);
    }
}
