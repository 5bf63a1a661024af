//! Engine and parse errors in the user's language: the known cases translated, located by
//! line and column where the input has them.

use super::messages::{text, tr, Key, Lang};
use crate::engine::error::{EngineError, Mismatch, Need, ParseError, ParseErrorKind, Task};

/// An engine error in `lang`: the known cases translated, the rest (parameter checks
/// and internal diagnostics) as the engine words them.
pub fn engine_error(lang: Lang, e: &EngineError) -> String {
    match e {
        EngineError::Needs(need) => match need {
            Need::PurchaseLogForElasticity => text(lang, Key::Need_PurchaseLogForElasticity).to_string(),
            Need::PurchaseLogForModel => text(lang, Key::Need_PurchaseLogForModel).to_string(),
            Need::PurchaseLogUsers => text(lang, Key::Need_PurchaseLogUsers).to_string(),
            Need::BothOutcomes => text(lang, Key::Need_BothOutcomes).to_string(),
            Need::ItemAttributes => text(lang, Key::Need_ItemAttributes).to_string(),
            Need::MoreUsersThanSegments { k, n } => {
                tr(lang, Key::Need_MoreUsersThanSegments, &[("k", k.to_string()), ("n", n.to_string())])
            }
            Need::Regularisation => text(lang, Key::Need_Regularisation).to_string(),
            Need::Features => text(lang, Key::Need_Features).to_string(),
            Need::DistinctTrueRatings => text(lang, Key::Need_DistinctTrueRatings).to_string(),
        },
        EngineError::ItemTableForOtherItems { n, example, rated } => tr(
            lang,
            Key::Err_ItemTableForOtherItems,
            &[("n", n.to_string()), ("example", example.clone()), ("rated", rated.clone())],
        ),
        EngineError::MatrixTooLarge { n, needed_mb, budget_mb } => tr(
            lang,
            Key::Err_MatrixTooLarge,
            &[("n", n.to_string()), ("needed", needed_mb.to_string()), ("budget", budget_mb.to_string())],
        ),
        EngineError::UnknownId { what, id } => {
            let what = match (lang, *what) {
                (Lang::Zh, "user") => "用户",
                (Lang::Zh, "item") => "商品",
                (_, w) => w,
            };
            tr(lang, Key::Err_UnknownId, &[("what", what.to_string()), ("id", id.clone())])
        }
        EngineError::TooFewRows { task, needed, found } => tr(
            lang,
            Key::Err_TooFewRows,
            &[("task", task_name(lang, *task)), ("needed", needed.to_string()), ("found", found.to_string())],
        ),
        EngineError::NotFinite { row, feature, value } => tr(
            lang,
            Key::Err_NotFiniteCell,
            &[("row", row.to_string()), ("feature", feature.to_string()), ("value", value.to_string())],
        ),
        EngineError::NotFiniteStep { task } => tr(lang, Key::Err_NotFiniteStep, &[("task", task_name(lang, *task))]),
        EngineError::NoTrueRating { user, item } => {
            tr(lang, Key::Err_NoTrueRating, &[("user", user.clone()), ("item", item.clone())])
        }
        EngineError::Mismatch(m) => match m {
            Mismatch::UserMatrix => text(lang, Key::Err_MismatchUserMatrix).to_string(),
            Mismatch::NeighbourLists => text(lang, Key::Err_MismatchNeighbourLists).to_string(),
        },
        // Parameter checks: the names are the API's and the CLI's, so they stay as written.
        EngineError::InvalidParameter { .. } => e.to_string(),
    }
}

/// The name of a computation in `lang`.
fn task_name(lang: Lang, task: Task) -> String {
    match task {
        Task::Metrics => text(lang, Key::Task_Metrics).to_string(),
        Task::Logistic => text(lang, Key::Task_Logistic).to_string(),
        Task::KMeans(k) => tr(lang, Key::Task_KMeans, &[("k", k.to_string())]),
        Task::Clustering => text(lang, Key::Task_Clustering).to_string(),
        Task::Pca => text(lang, Key::Task_Pca).to_string(),
        Task::Fit(algo) => tr(lang, Key::Task_Fit, &[("algo", algo.to_string())]),
    }
}

/// A parse problem in `lang`, located by line and column.
pub fn parse_error(lang: Lang, e: &ParseError) -> String {
    let place = match (e.line, e.column) {
        (0, _) => String::new(),
        (l, 0) => tr(lang, Key::Err_WhereLine, &[("line", l.to_string())]),
        (l, c) => tr(lang, Key::Err_Where, &[("line", l.to_string()), ("column", c.to_string())]),
    };
    let what = match &e.kind {
        ParseErrorKind::Empty => text(lang, Key::Err_Empty).to_string(),
        ParseErrorKind::Binary => text(lang, Key::Err_Binary).to_string(),
        ParseErrorKind::TooLarge { size, limit } => {
            let mb = |bytes: usize| format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
            tr(lang, Key::Err_TooLarge, &[("size", mb(*size)), ("limit", mb(*limit))])
        }
        ParseErrorKind::MissingField { name, found, needed } => tr(
            lang,
            Key::Err_MissingField,
            &[("name", name.to_string()), ("found", found.to_string()), ("needed", needed.to_string())],
        ),
        ParseErrorKind::TooManyFields { found, max } => {
            tr(lang, Key::Err_TooManyFields, &[("found", found.to_string()), ("max", max.to_string())])
        }
        ParseErrorKind::EmptyId { name } => tr(lang, Key::Err_EmptyId, &[("name", name.to_string())]),
        ParseErrorKind::NotANumber { name, value } => {
            tr(lang, Key::Err_NotANumber, &[("name", name.to_string()), ("value", value.clone())])
        }
        ParseErrorKind::NotFinite { name, value } => {
            tr(lang, Key::Err_NotFinite, &[("name", name.to_string()), ("value", value.clone())])
        }
        ParseErrorKind::OutOfScale { name, value, lo, hi } => tr(
            lang,
            Key::Err_OutOfScale,
            &[("name", name.to_string()), ("value", value.to_string()), ("lo", lo.to_string()), ("hi", hi.to_string())],
        ),
        ParseErrorKind::BeyondLimit { name, value, limit } => tr(
            lang,
            Key::Err_BeyondLimit,
            &[("name", name.to_string()), ("value", value.clone()), ("limit", limit.to_string())],
        ),
        ParseErrorKind::Negative { name, value } => {
            tr(lang, Key::Err_Negative, &[("name", name.to_string()), ("value", value.to_string())])
        }
        ParseErrorKind::NotPositive { name, value } => {
            tr(lang, Key::Err_NotPositive, &[("name", name.to_string()), ("value", value.to_string())])
        }
        ParseErrorKind::Duplicate { name, id, first } => tr(
            lang,
            Key::Err_Duplicate,
            &[("name", name.to_string()), ("id", id.clone()), ("first", first.to_string())],
        ),
        ParseErrorKind::HeaderNeeded { example } => {
            tr(lang, Key::Err_HeaderNeeded, &[("example", example.to_string())])
        }
        ParseErrorKind::NotAnEvent { value } => tr(lang, Key::Err_NotAnEvent, &[("value", value.clone())]),
        ParseErrorKind::NotADate { name, value } => {
            tr(lang, Key::Err_NotADate, &[("name", name.to_string()), ("value", value.clone())])
        }
        ParseErrorKind::OverLimit { what, limit } => {
            tr(lang, Key::Err_OverLimit, &[("what", what.to_string()), ("limit", limit.to_string())])
        }
        ParseErrorKind::Csv(detail) => tr(lang, Key::Err_Csv, &[("detail", detail.clone())]),
        ParseErrorKind::UnclosedQuote => text(lang, Key::Err_UnclosedQuote).to_string(),
    };
    format!("{place}{what}")
}
