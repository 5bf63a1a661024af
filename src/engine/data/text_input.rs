//! Turning uploaded bytes into located text records, shared by every file parser.
//!
//! A record is the trimmed fields of one non-blank line, with its 1-based line number.
//! Checks that concern the whole file (size, binary content, emptiness) happen here
//! once, so each parser only decides what its fields mean.

use crate::engine::error::{ParseError, ParseErrorKind, ParseErrors};
use crate::engine::limits::{MAX_INPUT_BYTES, MAX_NUMBER_MAGNITUDE, MAX_REPORTED_PROBLEMS};

/// How fields are separated on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Separator {
    /// Comma-separated values, with CSV quoting.
    Comma,
    /// Tab-separated, like MovieLens 100K `u.data`.
    Tab,
    /// `::`-separated, like MovieLens 1M `ratings.dat` ("colons"; "doublecolon" is read too).
    #[serde(rename = "colons")]
    DoubleColon,
}

impl Separator {
    /// The separator a line most likely uses: `::`, then tab, then comma.
    pub fn detect(line: &str) -> Separator {
        if line.contains("::") {
            Separator::DoubleColon
        } else if line.contains('\t') {
            Separator::Tab
        } else {
            Separator::Comma
        }
    }
}

/// One non-blank line split into trimmed fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based line number in the file.
    pub line: usize,
    /// The fields, whitespace-trimmed.
    pub fields: Vec<String>,
}

/// Checks size and text-ness, strips a byte-order mark and returns the text.
pub fn as_text(bytes: &[u8]) -> Result<&str, ParseErrors> {
    as_text_within(bytes, MAX_INPUT_BYTES)
}

/// As [`as_text`], with a file of up to `limit` bytes.
pub fn as_text_within(bytes: &[u8], limit: usize) -> Result<&str, ParseErrors> {
    if bytes.len() > limit {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::TooLarge { size: bytes.len(), limit })));
    }
    if bytes.contains(&0) {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Binary)));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ParseErrors::one(ParseError::file(ParseErrorKind::Binary)))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseErrors::one(ParseError::file(ParseErrorKind::Empty)));
    }
    Ok(text)
}

/// The first non-blank line of `text`.
pub fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Splits `text` into records with the given separator.
pub fn records(text: &str, sep: Separator) -> Result<Vec<Record>, ParseErrors> {
    match sep {
        Separator::Comma => csv_records(text),
        Separator::Tab | Separator::DoubleColon => Ok(split_records(text, sep)),
    }
}

fn split_records(text: &str, sep: Separator) -> Vec<Record> {
    numbered_lines(text)
        .map(|(line, l)| Record { line, fields: split_plain(l, sep).map(str::to_string).collect() })
        .collect()
}

/// The non-blank lines of `text` with their 1-based line numbers.
pub(crate) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(k, l)| (k + 1, l))
}

/// The trimmed fields of one line cut at every separator, borrowed from the line.
/// Meant for tabs and `::`; a comma is cut without CSV quoting (`records` uses the csv reader).
pub(crate) fn split_plain(line: &str, sep: Separator) -> SplitPlain<'_> {
    match sep {
        Separator::Tab => SplitPlain::Char(line.split('\t')),
        Separator::Comma => SplitPlain::Char(line.split(',')),
        Separator::DoubleColon => SplitPlain::Str(line.split("::")),
    }
}

/// Iterator of [`split_plain`]: a single-character separator is much faster to find as a `char`.
pub(crate) enum SplitPlain<'a> {
    Char(std::str::Split<'a, char>),
    Str(std::str::Split<'a, &'static str>),
}

impl<'a> Iterator for SplitPlain<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        match self {
            SplitPlain::Char(s) => s.next(),
            SplitPlain::Str(s) => s.next(),
        }
        .map(str::trim)
    }
}

/// Where a quote opens a field and is never closed, as (line, field number), both from 1.
/// The csv reader would silently read the rest of the file as that one field.
fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    let (mut line, mut field, mut opened) = (1, 1, None);
    let mut at_field_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        match (b, opened.is_some()) {
            (b'"', true) if bytes.peek() == Some(&b'"') => {
                bytes.next();
            }
            (b'"', true) => opened = None,
            (b'"', false) if at_field_start => opened = Some((line, field)),
            (b',', false) => field += 1,
            (b'\n', false) => field = 1,
            _ => {}
        }
        if b == b'\n' {
            line += 1;
        }
        at_field_start = matches!(b, b',' | b'\n') || (at_field_start && matches!(b, b' ' | b'\t' | b'\r'));
    }
    opened
}

fn csv_records(text: &str) -> Result<Vec<Record>, ParseErrors> {
    if let Some((line, column)) = unclosed_quote(text) {
        return Err(ParseErrors::one(ParseError { line, column, kind: ParseErrorKind::UnclosedQuote }));
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for result in reader.records() {
        match result {
            Ok(rec) => {
                let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
                if rec.len() == 1 && rec[0].is_empty() {
                    continue;
                }
                out.push(Record { line, fields: rec.iter().map(str::to_string).collect() });
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                return Err(ParseErrors::one(ParseError { line, column: 0, kind: ParseErrorKind::Csv(e.to_string()) }));
            }
        }
    }
    Ok(out)
}

/// Reads a finite number from field `column` (1-based) of `record`.
pub fn number(record: &Record, column: usize, name: &'static str) -> Result<f64, ParseError> {
    number_in(&record.fields[column - 1], record.line, column, name)
}

/// Reads a finite number ≥ 0 (a price, a cost, a quantity) from field `column` (1-based) of `record`.
pub fn non_negative(record: &Record, column: usize, name: &'static str) -> Result<f64, ParseError> {
    let v = number(record, column, name)?;
    if v < 0.0 {
        return Err(ParseError { line: record.line, column, kind: ParseErrorKind::Negative { name, value: v } });
    }
    Ok(v)
}

/// Reads a finite number from `text`, found at `line` and `column` (1-based), within ±[`MAX_NUMBER_MAGNITUDE`].
pub(crate) fn number_in(text: &str, line: usize, column: usize, name: &'static str) -> Result<f64, ParseError> {
    number_within(text, line, column, name, MAX_NUMBER_MAGNITUDE)
}

/// Reads a finite number from `text` within ±`limit`, found at `line` and `column` (1-based).
pub(crate) fn number_within(
    text: &str,
    line: usize,
    column: usize,
    name: &'static str,
    limit: f64,
) -> Result<f64, ParseError> {
    let at = |kind| ParseError { line, column, kind };
    let value: f64 = text.parse().map_err(|_| at(ParseErrorKind::NotANumber { name, value: text.to_string() }))?;
    if !value.is_finite() {
        return Err(at(ParseErrorKind::NotFinite { name, value: text.to_string() }));
    }
    if value.abs() > limit {
        return Err(at(ParseErrorKind::BeyondLimit { name, value: text.to_string(), limit }));
    }
    Ok(value)
}

/// Collects problems, keeping the first [`MAX_REPORTED_PROBLEMS`] and counting all.
#[derive(Debug, Default)]
pub struct Problems {
    kept: Vec<ParseError>,
    total: usize,
}

impl Problems {
    /// Records one problem.
    pub fn push(&mut self, e: ParseError) {
        self.total += 1;
        if self.kept.len() < MAX_REPORTED_PROBLEMS {
            self.kept.push(e);
        }
    }
    /// `Ok(())` when nothing was recorded, else every problem.
    pub fn finish(self) -> Result<(), ParseErrors> {
        if self.total == 0 {
            Ok(())
        } else {
            Err(ParseErrors { problems: self.kept, total: self.total })
        }
    }
}
