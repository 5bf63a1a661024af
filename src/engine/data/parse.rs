//! Reading a rating file: `user,item,rating[,timestamp]` as CSV (with or without a
//! header), tab-separated like MovieLens `u.data`, or `::`-separated like `ratings.dat`.
//!
//! The separator, the header and the rating scale are detected unless given. Every
//! problem is reported with its line and column; a duplicate user-item pair keeps the
//! last rating and is reported as a warning listing its lines.
//!
//! ```
//! use discount_lab::engine::data::parse::{parse_ratings, ParseOptions};
//! let parsed = parse_ratings(b"user,item,rating\nu1,i1,4\nu2,i1,2\n", &ParseOptions::default()).unwrap();
//! assert!(parsed.has_header);
//! assert_eq!(parsed.ratings.len(), 2);
//! let err = parse_ratings(b"u1,i1,4\nu2,i1,abc\n", &ParseOptions::default()).unwrap_err();
//! assert_eq!(err.to_string(), "line 2, column 3: rating 'abc' is not a number");
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::data::ratings::{first_occurrences, Entry, IdInterner, ItemIdx, Ratings, Scale, UserIdx};
use crate::engine::data::text_input::{
    as_text_within, first_line, number_within, numbered_lines, records, split_plain, Problems, Record, Separator,
};
use crate::engine::error::{ParseError, ParseErrorKind, ParseErrors};
use crate::engine::limits::{InputLimits, MAX_RATING_MAGNITUDE};

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
    parse_ratings_within(bytes, options, &InputLimits::APP)
}

/// As [`parse_ratings`], within `limits` (the command line's streamed neighbours read larger files).
pub fn parse_ratings_within(
    bytes: &[u8],
    options: &ParseOptions,
    limits: &InputLimits,
) -> Result<ParsedRatings, ParseErrors> {
    let text = as_text_within(bytes, limits.bytes)?;
    let separator = options.separator.unwrap_or_else(|| Separator::detect(first_line(text)));
    // Every record takes at least one line: allocate once for all of them.
    let most = (text.bytes().filter(|&b| b == b'\n').count() + 1).min(limits.ratings);
    // Without quotes or carriage returns a comma is only a separator, as for tabs and `::`:
    // fields are borrowed from the text, nothing is copied (the csv reader would copy each).
    let quoted = separator == Separator::Comma && text.bytes().any(|b| b == b'"' || b == b'\r');
    if quoted {
        let recs = records(text, separator)?;
        read_ratings(recs.iter().map(Fields::of_record), separator, options, most, limits)
    } else {
        let recs = numbered_lines(text).map(|(line, l)| Fields::new(line, split_plain(l, separator)));
        read_ratings(recs, separator, options, most, limits)
    }
}

/// The fields of one record that a rating line uses, borrowed from the text.
struct Fields<'a> {
    /// 1-based line number.
    line: usize,
    /// How many fields the record has.
    count: usize,
    /// User, item and rating; empty past `count`.
    head: [&'a str; 3],
}

impl<'a> Fields<'a> {
    fn of_record(rec: &'a Record) -> Fields<'a> {
        Fields::new(rec.line, rec.fields.iter().map(String::as_str))
    }

    fn new(line: usize, fields: impl Iterator<Item = &'a str>) -> Fields<'a> {
        let mut out = Fields { line, count: 0, head: [""; 3] };
        for field in fields {
            if let Some(slot) = out.head.get_mut(out.count) {
                *slot = field;
            }
            out.count += 1;
        }
        out
    }
}

fn read_ratings<'a>(
    recs: impl Iterator<Item = Fields<'a>>,
    separator: Separator,
    options: &ParseOptions,
    capacity: usize,
    limits: &InputLimits,
) -> Result<ParsedRatings, ParseErrors> {
    let mut recs = recs.peekable();
    let has_header = options.has_header.unwrap_or_else(|| recs.peek().is_some_and(looks_like_header));
    if has_header {
        recs.next();
    }
    if recs.peek().is_none() {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    }

    let mut problems = Problems::default();
    let mut ids = IdInterner::default();
    let mut entries: Vec<Entry> = Vec::with_capacity(capacity);
    let mut lines: Vec<usize> = Vec::with_capacity(capacity);
    for rec in recs {
        match read_record(&rec, options.scale) {
            Ok((user, item, value)) => {
                if entries.len() == limits.ratings {
                    problems.push(over_limit(rec.line, "ratings", limits.ratings));
                    break;
                }
                let u = ids.user(user);
                let i = ids.item(item);
                if ids.users.len() > limits.users {
                    problems.push(over_limit(rec.line, "users", limits.users));
                    break;
                }
                if ids.items.len() > limits.items {
                    problems.push(over_limit(rec.line, "items", limits.items));
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
    drop(lines);
    let ratings = Ratings::new_within(ids.users, ids.items, entries, scale, limits)
        .map_err(|e| ParseErrors::one(ParseError::file(ParseErrorKind::Csv(e.to_string()))))?;
    Ok(ParsedRatings { ratings, separator, has_header, scale_inferred, duplicates })
}

fn looks_like_header(rec: &Fields) -> bool {
    let is = |k: usize, names: &[&str]| k < rec.count && names.contains(&rec.head[k].to_lowercase().as_str());
    is(0, USER_HEADERS) || is(2, RATING_HEADERS)
}

fn over_limit(line: usize, what: &'static str, limit: usize) -> ParseError {
    ParseError { line, column: 0, kind: ParseErrorKind::OverLimit { what, limit } }
}

fn read_record<'a>(rec: &Fields<'a>, scale: Option<Scale>) -> Result<(&'a str, &'a str, f64), ParseError> {
    let n = rec.count;
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
        if rec.head[k].is_empty() {
            return Err(ParseError { line: rec.line, column: k + 1, kind: ParseErrorKind::EmptyId { name } });
        }
    }
    let value = number_within(rec.head[2], rec.line, 3, "rating", MAX_RATING_MAGNITUDE)?;
    if let Some(s) = scale {
        if !s.contains(value) {
            return Err(ParseError {
                line: rec.line,
                column: 3,
                kind: ParseErrorKind::OutOfScale { name: "rating", value, lo: s.lo, hi: s.hi },
            });
        }
    }
    Ok((rec.head[0], rec.head[1], value))
}

fn find_duplicates(entries: &[Entry], lines: &[usize], ids: &IdInterner) -> Vec<DuplicateWarning> {
    let first = first_occurrences(entries, ids.users.len(), ids.items.len());
    let mut dups: Vec<DuplicateWarning> = Vec::new();
    // For the first entry of a pair seen again, its warning's index in `dups`.
    let mut dup_at: Vec<u32> = Vec::new();
    for (k, (e, &f)) in entries.iter().zip(&first).enumerate() {
        let f = f as usize;
        if f == k {
            continue;
        }
        if dup_at.is_empty() {
            dup_at = vec![u32::MAX; entries.len()];
        }
        match dup_at[f] {
            u32::MAX => {
                dup_at[f] = dups.len() as u32;
                dups.push(DuplicateWarning {
                    user: ids.users[e.user.0 as usize].clone(),
                    item: ids.items[e.item.0 as usize].clone(),
                    lines: vec![lines[f], lines[k]],
                });
            }
            at => dups[at as usize].lines.push(lines[k]),
        }
    }
    dups
}
