//! How a command fails: a message for standard error and an exit code (2 for a usage mistake,
//! with the usage text; 1 when the work itself fails).

use super::table::usage_text;

/// A failure: a message for standard error and the exit code.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) message: String,
    pub(crate) code: i32,
}

/// A usage mistake (exit code 2), followed by the usage text.
pub(crate) fn usage(msg: impl Into<String>) -> Failure {
    Failure { message: format!("{}\n{}", msg.into(), usage_text()), code: 2 }
}

/// A failure of the work itself (exit code 1).
pub(crate) fn fail(msg: impl std::fmt::Display) -> Failure {
    Failure { message: format!("error: {msg}"), code: 1 }
}
