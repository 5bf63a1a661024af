//! Reading a rating file: `user,item,rating[,timestamp]` as CSV (with or without a
//! header), tab-separated like MovieLens `u.data`, or `::`-separated like `ratings.dat`.
//!
//! The separator, the header and the rating scale are detected unless given. Every
//! problem is reported with its line and column; a duplicate user-item pair keeps the
//! last rating and is reported as a warning listing its lines.
//!
//! ```
//! use discount_lab::engine::parse::{parse_ratings, ParseOptions};
//! let parsed = parse_ratings(b"user,item,rating\nu1,i1,4\nu2,i1,2\n", &ParseOptions::default()).unwrap();
//! assert!(parsed.has_header);
//! assert_eq!(parsed.ratings.len(), 2);
//! let err = parse_ratings(b"u1,i1,4\nu2,i1,abc\n", &ParseOptions::default()).unwrap_err();
//! assert_eq!(err.to_string(), "line 2, column 3: rating 'abc' is not a number");
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::error::{ParseError, ParseErrorKind, ParseErrors};
use super::limits::{MAX_ITEMS, MAX_RATINGS, MAX_USERS};
use super::ratings::{Entry, IdInterner, ItemIdx, Ratings, Scale, UserIdx};
use super::text_input::{as_text, first_line, number, records, Problems, Record, Separator};

/// How to read a rating file; `None` means detect.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseOptions {
    /// Field separator, detected from the first line when `None`.
    pub separator: Option<Separator>,
    /// Whether the first line is a header, detected when `None`.
    pub has_header: Option<bool>,
    /// Rating scale; inferred from the ratings when `None`, checked when given.
    pub scale: Option<Scale>,
}

/// A duplicate user-item pair: the lines it appeared on (the last one was kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateWarning {
    /// User id.
    pub user: String,
    /// Item id.
    pub item: String,
    /// Every line the pair appeared on, in order.
    pub lines: Vec<usize>,
}

/// A successfully read rating file and what was detected.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRatings {
    /// The ratings.
    pub ratings: Ratings,
    /// The separator used.
    pub separator: Separator,
    /// Whether a header line was skipped.
    pub has_header: bool,
    /// Whether the scale was inferred (rather than given).
    pub scale_inferred: bool,
    /// Duplicate pairs (last wins).
    pub duplicates: Vec<DuplicateWarning>,
}

const USER_HEADERS: &[&str] = &["user", "userid", "user_id", "customer", "customer_id", "uid"];
const RATING_HEADERS: &[&str] = &["rating", "ratings", "score", "stars", "value"];

/// Reads ratings from bytes; every problem is located by line and column.
pub fn parse_ratings(bytes: &[u8], options: &ParseOptions) -> Result<ParsedRatings, ParseErrors> {
    let text = as_text(bytes)?;
    let separator = options.separator.unwrap_or_else(|| Separator::detect(first_line(text)));
    let mut recs = records(text, separator)?;
    let has_header = options.has_header.unwrap_or_else(|| recs.first().is_some_and(looks_like_header));
    if has_header && !recs.is_empty() {
        recs.remove(0);
    }
    if recs.is_empty() {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    }

    let mut problems = Problems::default();
    let mut ids = IdInterner::default();
    let mut entries: Vec<Entry> = Vec::with_capacity(recs.len());
    let mut lines: Vec<usize> = Vec::with_capacity(recs.len());
    for rec in &recs {
        match read_record(rec, options.scale) {
            Ok((user, item, value)) => {
                if entries.len() == MAX_RATINGS {
                    problems.push(over_limit(rec.line, "ratings", MAX_RATINGS));
                    break;
                }
                let u = ids.user(user);
                let i = ids.item(item);
                if ids.users.len() > MAX_USERS {
                    problems.push(over_limit(rec.line, "users", MAX_USERS));
                    break;
                }
                if ids.items.len() > MAX_ITEMS {
                    problems.push(over_limit(rec.line, "items", MAX_ITEMS));
                    break;
                }
                entries.push(Entry { user: UserIdx(u), item: ItemIdx(i), value });
                lines.push(rec.line);
            }
            Err(e) => problems.push(e),
        }
    }
    problems.finish()?;

    let (scale, scale_inferred) = match options.scale {
        Some(s) => (s, false),
        None => {
            let (lo, hi) = entries
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), e| (lo.min(e.value), hi.max(e.value)));
            (Scale::infer(lo, hi), true)
        }
    };
    let duplicates = find_duplicates(&entries, &lines, &ids);
    let ratings = Ratings::new(ids.users, ids.items, entries, scale)
        .map_err(|e| ParseErrors::one(ParseError::file(ParseErrorKind::Csv(e.to_string()))))?;
    Ok(ParsedRatings { ratings, separator, has_header, scale_inferred, duplicates })
}

fn looks_like_header(rec: &Record) -> bool {
    let is = |k: usize, names: &[&str]| rec.fields.get(k).is_some_and(|f| names.contains(&f.to_lowercase().as_str()));
    is(0, USER_HEADERS) || is(2, RATING_HEADERS)
}

fn over_limit(line: usize, what: &'static str, limit: usize) -> ParseError {
    ParseError { line, column: 0, kind: ParseErrorKind::OverLimit { what, limit } }
}

fn read_record(rec: &Record, scale: Option<Scale>) -> Result<(&str, &str, f64), ParseError> {
    let n = rec.fields.len();
    let names = ["user", "item", "rating"];
    if n < 3 {
        return Err(ParseError {
            line: rec.line,
            column: n + 1,
            kind: ParseErrorKind::MissingField { name: names[n], found: n, needed: 3 },
        });
    }
    if n > 4 {
        return Err(ParseError { line: rec.line, column: 5, kind: ParseErrorKind::TooManyFields { found: n, max: 4 } });
    }
    for (k, name) in [(0, "user"), (1, "item")] {
        if rec.fields[k].is_empty() {
            return Err(ParseError { line: rec.line, column: k + 1, kind: ParseErrorKind::EmptyId { name } });
        }
    }
    let value = number(rec, 3, "rating")?;
    if let Some(s) = scale {
        if !s.contains(value) {
            return Err(ParseError {
                line: rec.line,
                column: 3,
                kind: ParseErrorKind::OutOfScale { value, lo: s.lo, hi: s.hi },
            });
        }
    }
    Ok((&rec.fields[0], &rec.fields[1], value))
}

fn find_duplicates(entries: &[Entry], lines: &[usize], ids: &IdInterner) -> Vec<DuplicateWarning> {
    let mut seen: HashMap<(u32, u32), usize> = HashMap::with_capacity(entries.len());
    let mut dups: Vec<DuplicateWarning> = Vec::new();
    let mut dup_at: HashMap<(u32, u32), usize> = HashMap::new();
    for (e, &line) in entries.iter().zip(lines) {
        let key = (e.user.0, e.item.0);
        match seen.get(&key) {
            None => {
                seen.insert(key, line);
            }
            Some(&first) => match dup_at.get(&key) {
                Some(&k) => dups[k].lines.push(line),
                None => {
                    dup_at.insert(key, dups.len());
                    dups.push(DuplicateWarning {
                        user: ids.users[e.user.0 as usize].clone(),
                        item: ids.items[e.item.0 as usize].clone(),
                        lines: vec![first, line],
                    });
                }
            },
        }
    }
    dups
}
