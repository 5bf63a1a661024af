//! The optional user table: descriptive attributes of each customer (age, gender,
//! occupation, ...), used only to audit offers for fairness, never to set them.
//!
//! Two layouts are read: a comma-separated file whose header names the columns
//! (`user,age,gender`), and MovieLens 100K's `u.user` (`id|age|gender|occupation|zip`,
//! no header). Ages are kept as text here; [`crate::engine::discount::fairness`] bands them.
//!
//! ```
//! use discount_lab::engine::data::user_table::parse_users;
//! let t = parse_users(b"1|24|M|technician|85711\n2|53|F|other|94043\n").unwrap();
//! assert_eq!(t.columns, vec!["age", "gender", "occupation", "zip"]);
//! assert_eq!(t.value("2", "gender"), Some("F"));
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::data::text_input::{as_text, first_line, numbered_lines, records, Problems, Separator};
use crate::engine::error::{ParseError, ParseErrorKind, ParseErrors};
use crate::engine::limits::MAX_USERS;

/// Attribute names treated as sensitive: differences in offers along them are flagged.
pub const SENSITIVE: [&str; 8] = ["age", "gender", "sex", "race", "ethnicity", "religion", "nationality", "disability"];

/// Whether an attribute name is one of [`SENSITIVE`] (case-insensitive).
pub fn is_sensitive(name: &str) -> bool {
    SENSITIVE.contains(&name.to_lowercase().as_str())
}

/// Attributes per user.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UserTable {
    /// Attribute names, in file order (the user id column excluded).
    pub columns: Vec<String>,
    /// Values per user id, one per column.
    pub rows: HashMap<String, Vec<String>>,
}

impl UserTable {
    /// The value of `column` for `user`.
    pub fn value(&self, user: &str, column: &str) -> Option<&str> {
        let k = self.columns.iter().position(|c| c == column)?;
        self.rows.get(user).and_then(|r| r.get(k)).map(String::as_str)
    }
    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Reads a user table; problems are located by line and column.
pub fn parse_users(bytes: &[u8]) -> Result<UserTable, ParseErrors> {
    let text = as_text(bytes)?;
    if first_line(text).contains('|') {
        let columns: Vec<String> = ["age", "gender", "occupation", "zip"].iter().map(|s| s.to_string()).collect();
        let lines: Vec<(usize, Vec<String>)> = numbered_lines(text)
            .map(|(line, l)| (line, l.split('|').map(|f| f.trim().to_string()).collect()))
            .collect();
        return build(columns, lines);
    }
    let mut recs = records(text, Separator::Comma)?.into_iter();
    let Some(header) = recs.next() else {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    };
    let first = header.fields.first().map(|f| f.to_lowercase()).unwrap_or_default();
    if !matches!(first.as_str(), "user" | "user_id" | "userid" | "customer" | "id") {
        return Err(ParseErrors::one(ParseError {
            line: header.line,
            column: 1,
            kind: ParseErrorKind::HeaderNeeded { example: "user,age,gender" },
        }));
    }
    if header.fields.len() < 2 {
        return Err(ParseErrors::one(ParseError {
            line: header.line,
            column: 2,
            kind: ParseErrorKind::MissingField { name: "attribute column", found: header.fields.len(), needed: 2 },
        }));
    }
    let columns = header.fields[1..].to_vec();
    build(columns, recs.map(|r| (r.line, r.fields)).collect())
}

/// An age cell: empty (unknown) or a finite number from 0 to 150.
fn age_ok(v: &str) -> bool {
    v.is_empty() || v.parse::<f64>().is_ok_and(|a| a.is_finite() && (0.0..=150.0).contains(&a))
}

fn build(columns: Vec<String>, lines: Vec<(usize, Vec<String>)>) -> Result<UserTable, ParseErrors> {
    if lines.is_empty() {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    }
    let mut problems = Problems::default();
    let mut rows = HashMap::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let width = columns.len() + 1;
    // Ages are banded for the audit, so they must be numbers (or empty: unknown).
    let age = columns.iter().position(|c| c.eq_ignore_ascii_case("age"));
    for (line, fields) in lines {
        let at = |column, kind| ParseError { line, column, kind };
        if rows.len() == MAX_USERS {
            problems.push(at(0, ParseErrorKind::OverLimit { what: "users", limit: MAX_USERS }));
            break;
        }
        if fields.len() < width {
            let name = if fields.len() <= 1 { "user attribute" } else { "attribute" };
            problems
                .push(at(fields.len() + 1, ParseErrorKind::MissingField { name, found: fields.len(), needed: width }));
        } else if fields.len() > width {
            problems.push(at(width + 1, ParseErrorKind::TooManyFields { found: fields.len(), max: width }));
        } else if fields[0].is_empty() {
            problems.push(at(1, ParseErrorKind::EmptyId { name: "user" }));
        } else if let Some(&first) = first_line.get(&fields[0]) {
            problems.push(at(1, ParseErrorKind::Duplicate { name: "user", id: fields[0].clone(), first }));
        } else if let Some(k) = age.filter(|&k| !age_ok(&fields[k + 1])) {
            let value = fields[k + 1].clone();
            problems.push(at(k + 2, ParseErrorKind::NotANumber { name: "age", value }));
        } else {
            first_line.insert(fields[0].clone(), line);
            rows.insert(fields[0].clone(), fields[1..].to_vec());
        }
    }
    problems.finish()?;
    Ok(UserTable { columns, rows })
}
