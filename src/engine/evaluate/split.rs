//! Training and test sets, as scikit-surprise's `model_selection.split`.
//!
//! Every split works on the ratings in input order (Surprise's `raw_ratings`) and
//! shuffles them with numpy's legacy generator ([`NumpyRandomState`]), so a seed gives
//! the very folds Surprise gives for the same file and `random_state`:
//!
//! - [`train_test_split`]: the ratings are permuted; the test set is the last
//!   ⌈test_size · n⌉ of the permutation, the training set the first n − ⌈test_size · n⌉
//!   (Surprise's `ShuffleSplit` with one split).
//! - [`KFold`]: the rating indices are shuffled (unless `shuffle` is off) and cut into
//!   `n_splits` consecutive folds, the first n mod n_splits folds one rating longer;
//!   fold k is the test set and the other folds, in order, the training set.
//! - [`predefined_folds`]: training and test files given in pairs, like MovieLens
//!   `u1.base` / `u1.test` (Surprise's `PredefinedKFold`).
//!
//! A training set is rebuilt from its ratings in fold order, so user and item indices
//! follow their first appearance there, as in Surprise's `construct_trainset`. Test
//! ratings keep their ids: a test user or item absent from the training set is
//! unknown to the algorithms. Differences from Surprise: a repeated user-item pair
//! counts once (the [`Ratings`] rule: the last rating wins), `test_size` is a fraction
//! only, and the seed is always given (Surprise's default `None` uses numpy's global
//! generator).
//!
//! ```
//! use discount_lab::engine::evaluate::{rmse, train_test_split, KFold};
//! use discount_lab::engine::predict::{SlopeOne};
//! use discount_lab::engine::data::ratings::{Ratings, Scale};
//! use rand::{rngs::StdRng, Rng, SeedableRng};
//! let mut rng = StdRng::seed_from_u64(42);
//! let triples: Vec<(String, String, f64)> = (0..400)
//!     .map(|_| (format!("u{}", rng.random_range(0..30)), format!("i{}", rng.random_range(0..20)), rng.random_range(1..=5) as f64))
//!     .collect();
//! let ratings = Ratings::from_triples(triples, Scale::new(1.0, 5.0).unwrap()).unwrap();
//! let fold = train_test_split(&ratings, 0.25, 7).unwrap();
//! assert_eq!(fold.testset.len(), (ratings.len() as f64 * 0.25).ceil() as usize);
//! assert_eq!(fold.trainset.ratings().len() + fold.testset.len(), ratings.len());
//! let folds = KFold::new().n_splits(3).random_state(7).check().unwrap().split(&ratings).unwrap();
//! let model = SlopeOne::fit(&folds[0].trainset).unwrap();
//! let score = rmse(&folds[0].test(&model)).unwrap();
//! assert!(score > 0.0 && score < 4.0);
//! ```

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::data::parse::{parse_ratings, ParseOptions};
use crate::engine::data::ratings::Ratings;
use crate::engine::error::{EngineError, ParseErrors};
use crate::engine::predict::{predict, Algorithm, Prediction, Trainset};
use crate::engine::stats::numpy_rng::NumpyRandomState;

/// One training set and its test ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct Fold {
    /// What the algorithm is fitted on.
    pub trainset: Trainset,
    /// (user id, item id, true rating) to predict, in fold order.
    pub testset: Vec<(String, String, f64)>,
}

impl Fold {
    /// Predicts every test rating with a model fitted on [`Fold::trainset`] (Surprise's `algo.test`).
    pub fn test(&self, algo: &dyn Algorithm) -> Vec<Prediction> {
        self.testset.iter().map(|(u, i, r)| predict(algo, &self.trainset, u, i, Some(*r))).collect()
    }
}

/// The fold made of the ratings at `train` and at `test` (indices into `ratings.entries()`).
fn fold_of(
    ratings: &Ratings,
    train: impl Iterator<Item = usize>,
    test: impl Iterator<Item = usize>,
) -> Result<Fold, EngineError> {
    let e = ratings.entries();
    let triple = |k: usize| (ratings.user_id(e[k].user), ratings.item_id(e[k].item), e[k].value);
    let trainset = Trainset::new(Ratings::from_triples(train.map(triple), ratings.scale())?);
    let testset = test
        .map(|k| {
            let (u, i, r) = triple(k);
            (u.to_string(), i.to_string(), r)
        })
        .collect();
    Ok(Fold { trainset, testset })
}

/// Splits the ratings once at random: a test set of ⌈`test_size` · n⌉ ratings and the
/// rest for training, as Surprise's `train_test_split(data, test_size, random_state=seed)`.
/// `test_size` must lie strictly between 0 and 1 and leave both sets non-empty.
pub fn train_test_split(ratings: &Ratings, test_size: f64, random_state: u32) -> Result<Fold, EngineError> {
    if !(test_size > 0.0 && test_size < 1.0) {
        return Err(EngineError::param("test_size", "must be a fraction strictly between 0 and 1"));
    }
    let n = ratings.len();
    let n_test = (test_size * n as f64).ceil() as usize;
    if n_test == 0 || n_test >= n {
        return Err(EngineError::param(
            "test_size",
            format!("{test_size} of {n} ratings leaves the training or the test set empty"),
        ));
    }
    let perm = NumpyRandomState::new(random_state).permutation(n);
    let n_train = n - n_test;
    fold_of(ratings, perm[..n_train].iter().copied(), perm[n_train..].iter().copied())
}

/// Options of k-fold cross-validation, with Surprise's names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KFold {
    /// Number of folds (default 5).
    pub n_splits: usize,
    /// Whether to shuffle the ratings before cutting (default true).
    pub shuffle: bool,
    /// Seed of the shuffle (default 0; Surprise's default is unseeded).
    pub random_state: u32,
}

impl Default for KFold {
    fn default() -> Self {
        KFold { n_splits: 5, shuffle: true, random_state: 0 }
    }
}

/// Options that passed [`KFold::check`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidKFold(KFold);

impl std::ops::Deref for ValidKFold {
    type Target = KFold;
    fn deref(&self) -> &KFold {
        &self.0
    }
}

impl KFold {
    /// 5 shuffled folds, seed 0.
    pub fn new() -> Self {
        KFold::default()
    }
    /// Sets `n_splits`.
    pub fn n_splits(mut self, n: usize) -> Self {
        self.n_splits = n;
        self
    }
    /// Sets `shuffle`.
    pub fn shuffle(mut self, on: bool) -> Self {
        self.shuffle = on;
        self
    }
    /// Sets `random_state`.
    pub fn random_state(mut self, seed: u32) -> Self {
        self.random_state = seed;
        self
    }
    /// Checks that there are at least 2 folds.
    pub fn check(self) -> Result<ValidKFold, EngineError> {
        if self.n_splits < 2 {
            return Err(EngineError::param("n_splits", "must be at least 2"));
        }
        Ok(ValidKFold(self))
    }
}

impl ValidKFold {
    /// The folds, in order. Fails when there are fewer ratings than folds.
    pub fn split(&self, ratings: &Ratings) -> Result<Vec<Fold>, EngineError> {
        let n = ratings.len();
        let k = self.n_splits;
        if k > n {
            return Err(EngineError::param("n_splits", format!("{k} folds need at least {k} ratings; there are {n}")));
        }
        let mut indices: Vec<usize> = (0..n).collect();
        if self.shuffle {
            NumpyRandomState::new(self.random_state).shuffle(&mut indices);
        }
        let mut folds = Vec::with_capacity(k);
        let mut stop = 0;
        for fold in 0..k {
            let start = stop;
            stop += n / k + usize::from(fold < n % k);
            let train = indices[..start].iter().chain(&indices[stop..]).copied();
            folds.push(fold_of(ratings, train, indices[start..stop].iter().copied())?);
        }
        Ok(folds)
    }
}

/// Which file of a predefined fold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FoldFile {
    /// The training file (`u1.base`).
    Base,
    /// The test file (`u1.test`).
    Test,
}

impl std::fmt::Display for FoldFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FoldFile::Base => "training",
            FoldFile::Test => "test",
        })
    }
}

/// A file of a predefined fold could not be read.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("fold {}, {which} file: {errors}", self.fold + 1)]
pub struct FoldFileError {
    /// 0-based fold number (shown 1-based).
    pub fold: usize,
    /// Which of the two files.
    pub which: FoldFile,
    /// What was wrong in it, by line and column.
    pub errors: ParseErrors,
}

/// Folds from (training file, test file) pairs, such as MovieLens `u1.base` and
/// `u1.test`. Both files are read with `options`; when `options.scale` is `None` the
/// scale inferred from the training file is imposed on the test file.
pub fn predefined_folds(files: &[(&[u8], &[u8])], options: &ParseOptions) -> Result<Vec<Fold>, FoldFileError> {
    files
        .iter()
        .enumerate()
        .map(|(fold, (base, test))| {
            let fail = |which| move |errors| FoldFileError { fold, which, errors };
            let train = parse_ratings(base, options).map_err(fail(FoldFile::Base))?.ratings;
            let test_options = ParseOptions { scale: Some(options.scale.unwrap_or(train.scale())), ..options.clone() };
            let test = parse_ratings(test, &test_options).map_err(fail(FoldFile::Test))?.ratings;
            let testset = test
                .entries()
                .iter()
                .map(|e| (test.user_id(e.user).to_string(), test.item_id(e.item).to_string(), e.value))
                .collect();
            Ok(Fold { trainset: Trainset::new(train), testset })
        })
        .collect()
}
