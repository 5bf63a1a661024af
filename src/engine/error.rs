//! Errors are values: one enum for parsing (with line and column) and one for the engine.

use thiserror::Error;

/// Why one field or line of an input file was rejected.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ParseErrorKind {
    /// The file has no data lines at all.
    #[error("there are no data lines (the text is empty or blank)")]
    Empty,
    /// The bytes are not text (a NUL byte or invalid UTF-8 was found).
    #[error("this looks like a binary file, not text")]
    Binary,
    /// The file is larger than the named limit.
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the file in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A line has fewer fields than required.
    #[error("missing field '{name}' (found {found} fields, need at least {needed})")]
    MissingField {
        /// Name of the missing field.
        name: &'static str,
        /// Fields present on the line.
        found: usize,
        /// Fields required.
        needed: usize,
    },
    /// A line has more fields than the format allows.
    #[error("{found} fields, but the format has at most {max}")]
    TooManyFields {
        /// Fields present on the line.
        found: usize,
        /// Fields allowed.
        max: usize,
    },
    /// An id field is empty.
    #[error("{name} id is empty")]
    EmptyId {
        /// Which id ("user" or "item").
        name: &'static str,
    },
    /// A number field could not be read as a number.
    #[error("{name} '{value}' is not a number")]
    NotANumber {
        /// Field name.
        name: &'static str,
        /// The text found.
        value: String,
    },
    /// A number field is NaN or infinite.
    #[error("{name} '{value}' is not a finite number")]
    NotFinite {
        /// Field name.
        name: &'static str,
        /// The text found.
        value: String,
    },
    /// A number lies outside its allowed range (a rating outside the scale, a rate outside 0..1).
    #[error("{name} {value} is outside the scale {lo}..{hi}")]
    OutOfScale {
        /// Field name.
        name: &'static str,
        /// The rating.
        value: f64,
        /// Lowest rating of the scale.
        lo: f64,
        /// Highest rating of the scale.
        hi: f64,
    },
    /// A price or cost is negative.
    #[error("{name} {value} is negative")]
    Negative {
        /// Field name.
        name: &'static str,
        /// The value.
        value: f64,
    },
    /// A number that must be above zero is zero or negative (a list price).
    #[error("{name} {value} must be greater than 0")]
    NotPositive {
        /// Field name.
        name: &'static str,
        /// The value.
        value: f64,
    },
    /// A date or timestamp could not be read.
    #[error("{name} '{value}' is neither a number nor a date like 2026-01-31")]
    NotADate {
        /// Field name.
        name: &'static str,
        /// The text found.
        value: String,
    },
    /// An id appears on two rows of a table that allows it once.
    #[error("{name} '{id}' is already on line {first}")]
    Duplicate {
        /// Which id ("user").
        name: &'static str,
        /// The id.
        id: String,
        /// The line it first appeared on.
        first: usize,
    },
    /// The file needs a header line naming its columns.
    #[error("the first line must be a header naming the columns, like {example}")]
    HeaderNeeded {
        /// An example header.
        example: &'static str,
    },
    /// An `event` cell names no known event.
    #[error("event '{value}' is not view, cart or purchase")]
    NotAnEvent {
        /// The text found.
        value: String,
    },
    /// A count limit was exceeded.
    #[error("over the limit of {limit} {what}")]
    OverLimit {
        /// What is counted ("ratings", "users", "items").
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// The CSV reader itself failed.
    #[error("unreadable CSV: {0}")]
    Csv(String),
    /// A number is larger, in size, than anything the lab accepts for it.
    #[error("{name} {value} is beyond ±{limit}")]
    BeyondLimit {
        /// Field name.
        name: &'static str,
        /// The number as written.
        value: String,
        /// The largest size accepted.
        limit: f64,
    },
    /// A field opens a quote that is never closed (the rest of the file would become one field).
    #[error("the quote that opens this field is never closed")]
    UnclosedQuote,
}

/// One problem found while parsing, located by 1-based line and column (field number).
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", self.describe())]
pub struct ParseError {
    /// 1-based line number, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based field number, 0 when the problem concerns the whole line or file.
    pub column: usize,
    /// What is wrong.
    pub kind: ParseErrorKind,
}

impl ParseError {
    /// A problem with the whole file.
    pub fn file(kind: ParseErrorKind) -> Self {
        ParseError { line: 0, column: 0, kind }
    }

    fn describe(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.kind.to_string(),
            (l, 0) => format!("line {l}: {}", self.kind),
            (l, c) => format!("line {l}, column {c}: {}", self.kind),
        }
    }
}

/// Every problem a parse found (at most [`MAX_REPORTED_PROBLEMS`](crate::engine::limits::MAX_REPORTED_PROBLEMS) are kept).
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", self.summary())]
pub struct ParseErrors {
    /// The problems, in file order.
    pub problems: Vec<ParseError>,
    /// How many problems were found in all (may exceed `problems.len()`).
    pub total: usize,
}

impl ParseErrors {
    /// A single problem.
    pub fn one(e: ParseError) -> Self {
        ParseErrors { problems: vec![e], total: 1 }
    }

    fn summary(&self) -> String {
        let first = self.problems.first().map(|p| p.to_string()).unwrap_or_default();
        if self.total > 1 {
            format!("{first} (and {} more problems)", self.total - 1)
        } else {
            first
        }
    }
}

/// Errors from engine computations: bad parameters or work over a limit.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EngineError {
    /// A parameter is outside its allowed range.
    #[error("parameter '{name}': {reason}")]
    InvalidParameter {
        /// Parameter name as the user sees it.
        name: &'static str,
        /// Why it is invalid.
        reason: String,
    },
    /// An item table none of whose items is rated: most likely another file.
    #[error("none of the item table's {n} items ({example}, …) is in the ratings (whose items are like {rated}): is it the right file?")]
    ItemTableForOtherItems {
        /// Items in the table.
        n: usize,
        /// One of its ids.
        example: String,
        /// One rated item id.
        rated: String,
    },
    /// A dense matrix would not fit in the memory budget.
    #[error(
        "a {n} x {n} similarity matrix needs {needed_mb} MB, over the {budget_mb} MB budget; use fewer users or items"
    )]
    MatrixTooLarge {
        /// Side of the matrix.
        n: usize,
        /// Megabytes it would need.
        needed_mb: usize,
        /// Megabytes allowed.
        budget_mb: usize,
    },
    /// Too few rows (or predictions) for the computation.
    #[error("{task} needs at least {}; there {}", rows(*needed), there_are(*found))]
    TooFewRows {
        /// What was computed.
        task: Task,
        /// Rows needed.
        needed: usize,
        /// Rows given.
        found: usize,
    },
    /// A value of a numeric table is NaN or infinite.
    #[error("row {row}, feature {feature}: {value} is not a finite number")]
    NotFinite {
        /// 1-based row.
        row: usize,
        /// 1-based feature (column).
        feature: usize,
        /// The value.
        value: f64,
    },
    /// An iterative fit took a step that is not a finite number.
    #[error("{task} failed: a step of the fit is not a finite number")]
    NotFiniteStep {
        /// What was fitted.
        task: Task,
    },
    /// A prediction to score has no true rating.
    #[error("the prediction for user '{user}' and item '{item}' has no true rating to compare with")]
    NoTrueRating {
        /// The user's id.
        user: String,
        /// The item's id.
        item: String,
    },
    /// Inputs that do not belong together (a caller's mistake, not the data's).
    #[error("{0}")]
    Mismatch(Mismatch),
    /// A strategy or model needs data the dataset does not have (a known case, translated in the UI).
    #[error("{0}")]
    Needs(Need),
    /// An id was not found.
    #[error("unknown {what} '{id}'")]
    UnknownId {
        /// "user" or "item".
        what: &'static str,
        /// The id asked for.
        id: String,
    },
}

/// A computation, named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Task {
    /// Accuracy metrics (RMSE, MAE, FCP).
    #[error("scoring predictions")]
    Metrics,
    /// The logistic purchase model.
    #[error("logistic regression")]
    Logistic,
    /// k-means with `k` clusters.
    #[error("k-means with {0} clusters")]
    KMeans(usize),
    /// Any clustering.
    #[error("clustering")]
    Clustering,
    /// Principal components.
    #[error("principal component analysis")]
    Pca,
    /// Fitting the named rating-prediction algorithm (`SVD++`, `NMF`).
    #[error("fitting {0}")]
    Fit(&'static str),
}

/// Inputs that do not belong together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Mismatch {
    /// A similarity matrix that is not the user-user matrix of the ratings.
    #[error("the user discount needs the user-user similarity matrix of these ratings")]
    UserMatrix,
    /// Neighbour lists that are not one per user.
    #[error("one neighbour list per user is needed")]
    NeighbourLists,
}

/// What a computation needed and did not find: the cases a user meets with partial data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Need {
    /// Elasticities need prices paid.
    #[error("elasticities need a purchase log with prices paid (user,item,list_price,price_paid,quantity,timestamp)")]
    PurchaseLogForElasticity,
    /// The purchase-probability model needs a purchase log.
    #[error(
        "the purchase-probability model needs a purchase log (user,item,list_price,price_paid,quantity,timestamp)"
    )]
    PurchaseLogForModel,
    /// The purchase log's users are not the rating set's.
    #[error("no purchase-log row belongs to a user of the rating set")]
    PurchaseLogUsers,
    /// The purchase log has only purchases, or only views.
    #[error("both outcomes are needed, but every row has the same one (the purchase log needs views without a purchase, quantity 0, as well as purchases)")]
    BothOutcomes,
    /// The item formula and attribute Jaccard need item attributes.
    #[error("attribute Jaccard and the item formula need an item table with attributes")]
    ItemAttributes,
    /// More segments than users.
    #[error("k = {k} segments need at least {k} users, and the data has {n}")]
    MoreUsersThanSegments {
        /// Segments asked for.
        k: usize,
        /// Users there are.
        n: usize,
    },
    /// The logistic model cannot be fitted without a penalty.
    #[error("the features are collinear or the classes are perfectly separated; add regularisation (C)")]
    Regularisation,
    /// Clustering needs at least one feature.
    #[error("clustering needs at least one feature")]
    Features,
    /// FCP needs a user with two predictions whose true ratings differ.
    #[error("FCP needs a user with two predictions whose true ratings differ")]
    DistinctTrueRatings,
}

impl EngineError {
    /// Shorthand for [`EngineError::InvalidParameter`].
    pub fn param(name: &'static str, reason: impl Into<String>) -> Self {
        EngineError::InvalidParameter { name, reason: reason.into() }
    }
}

/// "1 row", "2 rows".
fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{n} rows")
    }
}

/// "is 1", "are 0", "are 2".
fn there_are(n: usize) -> String {
    if n == 1 {
        "is 1".into()
    } else {
        format!("are {n}")
    }
}
