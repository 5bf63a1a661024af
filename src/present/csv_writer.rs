//! Writing CSV safely: text cells are quoted as needed and escaped against
//! spreadsheet formula injection (a cell starting with `=`, `+`, `-`, `@`, tab or
//! carriage return gets a leading `'`); numbers are written as numbers.
//!
//! ```
//! use discount_lab::present::csv_writer::text_cell;
//! assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
//! assert_eq!(text_cell("u1"), "u1");
//! ```

/// A text cell: formula-escaped, then quoted if it contains a comma, quote or line break.
pub fn text_cell(s: &str) -> String {
    let escaped = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if escaped.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", escaped.replace('"', "\"\""))
    } else {
        escaped
    }
}

/// A number cell (shortest representation that reads back exactly; empty for NaN).
pub fn number_cell(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// A CSV document built row by row, with `\n` line ends.
#[derive(Debug, Default, Clone)]
pub struct CsvWriter {
    out: String,
}

/// One cell to write.
pub enum Cell<'a> {
    /// Text, escaped.
    Text(&'a str),
    /// A number.
    Num(f64),
}

impl CsvWriter {
    /// Appends one row.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let mut first = true;
        for c in cells {
            if !first {
                self.out.push(',');
            }
            first = false;
            match c {
                Cell::Text(s) => self.out.push_str(&text_cell(s)),
                Cell::Num(x) => self.out.push_str(&number_cell(x)),
            }
        }
        self.out.push('\n');
    }
    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}
