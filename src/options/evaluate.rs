//! A cross-validation or grid search as a person describes it (the JS `evaluate` and
//! `gridSearch` options, the Evaluate view's form, the worker's message), and the rules that
//! turn it into checked parameters: folds, top-N settings, the grid.

use serde::{Deserialize, Serialize};

use super::algo::{AlgoOptions, GridParams};
use crate::engine::error::EngineError;
use crate::engine::evaluate::{KFold, TopNParams, ValidGridParams, ValidKFold, ValidTopNParams};
use crate::engine::similarity::Measure;

/// Options of a cross-validation (`evaluate` in JS, the Evaluate view): the algorithm's (`algo`, `k`, `minK`, `kind`, `measure`,
/// `minSupport`, `shrinkage`, `factors`, `epochs`, `seed`) plus the folds and top-N settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CvOptions {
    /// The algorithm and its parameters.
    #[serde(flatten)]
    pub algo: AlgoOptions,
    /// Number of folds (5).
    pub folds: Option<usize>,
    /// Seed of the fold shuffle (0).
    pub split_seed: Option<u32>,
    /// k of precision@k, recall@k, NDCG@k (10).
    pub top_k: Option<usize>,
    /// Relevance threshold (4).
    pub threshold: Option<f64>,
    /// Rating scale; inferred when absent.
    pub scale: Option<(f64, f64)>,
    /// Predefined folds (MovieLens `u1.base`/`u1.test` texts) instead of k-fold on `ratings`.
    pub fold_files: Option<Vec<FoldText>>,
    /// Grid search: values to try (`gridSearch` only).
    pub grid: Option<GridValues>,
}

/// One predefined fold as texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoldText {
    /// The training file's text.
    pub train: String,
    /// The test file's text.
    pub test: String,
}

/// Values of a grid search; absent lists are not searched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GridValues {
    /// Values of k (k-NN).
    pub k: Option<Vec<usize>>,
    /// Similarity measures (k-NN).
    pub measure: Option<Vec<Measure>>,
    /// Numbers of factors (SVD).
    pub factors: Option<Vec<usize>>,
    /// Numbers of epochs (SVD).
    pub epochs: Option<Vec<usize>>,
}

impl Default for CvOptions {
    fn default() -> Self {
        CvOptions {
            algo: AlgoOptions { algo: "knn-means".into(), measure: Some(Measure::Pearson), ..Default::default() },
            folds: None,
            split_seed: None,
            top_k: None,
            threshold: None,
            scale: None,
            fold_files: None,
            grid: None,
        }
    }
}

impl CvOptions {
    /// precision@k, recall@k and NDCG@k's settings (k 10, relevant from 4).
    pub fn top_n(&self) -> Result<ValidTopNParams, EngineError> {
        TopNParams::new().k(self.top_k.unwrap_or(10)).threshold(self.threshold.unwrap_or(4.0)).check()
    }

    /// The k-fold split (5 folds, seed 0), when no fold files are given.
    pub fn kfold(&self) -> Result<ValidKFold, EngineError> {
        KFold::new().n_splits(self.folds.unwrap_or(5)).random_state(self.split_seed.unwrap_or(0)).check()
    }

    /// The grid of a grid search around the algorithm (its lists, or the algorithm alone).
    pub fn grid(&self) -> Result<ValidGridParams, EngineError> {
        let g = self.grid.clone().unwrap_or_default();
        GridParams { base: self.algo.clone(), k: g.k, measure: g.measure, factors: g.factors, epochs: g.epochs }.check()
    }
}

/// The grid lists from the text inputs (k, measures, factors, epochs); empty lists are not
/// searched. The first word that is not a whole number (or a measure) is the error.
pub fn parse_grid(text: &[String; 4]) -> Result<GridValues, String> {
    fn list<T: std::str::FromStr>(s: &str) -> Result<Option<Vec<T>>, String> {
        let v =
            s.split(',').map(str::trim).filter(|w| !w.is_empty()).map(|w| w.parse::<T>().map_err(|_| w.to_string()));
        let v: Vec<T> = v.collect::<Result<_, _>>()?;
        Ok((!v.is_empty()).then_some(v))
    }
    Ok(GridValues { k: list(&text[0])?, measure: list(&text[1])?, factors: list(&text[2])?, epochs: list(&text[3])? })
}

/// Pairs `name.base` with `name.test` files, in name order; the unmatched names otherwise.
pub fn pair_fold_files(files: Vec<(String, String)>) -> Result<(Vec<String>, Vec<FoldText>), Vec<String>> {
    let stem = |n: &str, ext: &str| n.strip_suffix(ext).map(str::to_string);
    let mut bases: Vec<(String, String)> =
        files.iter().filter_map(|(n, t)| Some((stem(n, ".base")?, t.clone()))).collect();
    bases.sort_by(|a, b| a.0.cmp(&b.0));
    let tests: Vec<(String, String)> = files.iter().filter_map(|(n, t)| Some((stem(n, ".test")?, t.clone()))).collect();
    let mut unmatched: Vec<String> = files
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| {
            let base = stem(n, ".base");
            let test = stem(n, ".test");
            match (base, test) {
                (Some(s), _) => !tests.iter().any(|(t, _)| *t == s),
                (_, Some(s)) => !bases.iter().any(|(b, _)| *b == s),
                _ => true,
            }
        })
        .collect();
    if !unmatched.is_empty() || bases.is_empty() {
        unmatched.sort();
        return Err(unmatched);
    }
    let folds = bases
        .iter()
        .filter_map(|(s, train)| {
            tests.iter().find(|(t, _)| t == s).map(|(_, test)| FoldText { train: train.clone(), test: test.clone() })
        })
        .collect();
    Ok((bases.into_iter().map(|(s, _)| s).collect(), folds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_lists_are_read_and_the_first_bad_word_is_named() {
        let g = parse_grid(&["10, 20".into(), "msd, Pearson".into(), "".into(), "".into()]).unwrap();
        assert_eq!(g.k, Some(vec![10, 20]));
        assert_eq!(g.measure, Some(vec![Measure::Msd, Measure::Pearson]));
        assert_eq!(g.factors, None);
        assert_eq!(parse_grid(&["10, abc, -5".into(), "".into(), "".into(), "".into()]), Err("abc".to_string()));
        assert_eq!(parse_grid(&["".into(), "msd, nope".into(), "".into(), "".into()]), Err("nope".to_string()));
    }

    #[test]
    fn fold_files_pair_by_name_or_name_the_unmatched() {
        let f = |n: &str| (n.to_string(), format!("text of {n}"));
        let (names, folds) = pair_fold_files(vec![f("u2.test"), f("u1.base"), f("u2.base"), f("u1.test")]).unwrap();
        assert_eq!(names, ["u1", "u2"]);
        assert_eq!(folds[0], FoldText { train: "text of u1.base".into(), test: "text of u1.test".into() });
        assert_eq!(
            pair_fold_files(vec![f("u1.base"), f("u3.base"), f("u1.test"), f("notes.txt")]),
            Err(vec!["notes.txt".to_string(), "u3.base".to_string()])
        );
        assert!(pair_fold_files(vec![]).is_err());
    }
}
