//! A command's arguments, read by its entry in the [`table`](super::table): which flags it
//! takes, which need a value, which are required. Values are read into the options layer's
//! types, which check them.

use std::collections::HashMap;
use std::str::FromStr;

use super::failure::{fail, usage, Failure};
use super::table::{find, written, Command};
use crate::engine::data::ratings::Scale;
use crate::engine::error::EngineError;

/// A command's arguments, read by its entry in [`COMMANDS`].
pub(crate) struct Args {
    pub(crate) positional: Vec<String>,
    values: HashMap<&'static str, String>,
    switches: Vec<&'static str>,
}

/// Reads `args` for the command `c` (unknown or misplaced flags and missing values or
/// required flags are usage mistakes).
pub(crate) fn parse(c: &Command, args: &[String]) -> Result<Args, Failure> {
    let mut out = Args { positional: Vec::new(), values: HashMap::new(), switches: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let Some(name) = a.strip_prefix("--") else {
            out.positional.push(a.clone());
            continue;
        };
        let known = c.required.iter().chain(c.optional).find(|f| **f == name).and_then(|f| find(f));
        let Some(f) = known else { return Err(usage(format!("unknown option --{name} for {}", c.name))) };
        match f.value {
            Some(_) => {
                let v = it.next().ok_or_else(|| usage(format!("--{name} needs a value")))?;
                out.values.insert(f.name, v.clone());
            }
            None => out.switches.push(f.name),
        }
    }
    if let Some(missing) = c.required.iter().find(|f| !out.values.contains_key(*f)) {
        return Err(usage(format!("{} needs {}", c.name, written(missing))));
    }
    Ok(out)
}

impl Args {
    /// The value given to `--name`, if any.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }
    /// Whether `--name` was given.
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }
    /// `--name` read as a number, or `None` (a value that is not one is a usage mistake).
    pub(crate) fn value<T: FromStr>(&self, name: &str) -> Result<Option<T>, Failure> {
        self.get(name)
            .map(|v| v.trim().parse::<T>().map_err(|_| usage(format!("--{name}: '{v}' is not a valid number"))))
            .transpose()
    }
    /// `--name` read as a number, or `default`.
    pub(crate) fn value_or<T: FromStr>(&self, name: &str, default: T) -> Result<T, Failure> {
        Ok(self.value(name)?.unwrap_or(default))
    }
    /// `--name` read as one of a choice's names ([`Named`](crate::options::names::Named)), or `None`.
    pub(crate) fn choice<T: FromStr<Err = EngineError>>(&self, name: &str) -> Result<Option<T>, Failure> {
        self.get(name).map(|v| v.parse::<T>().map_err(fail)).transpose()
    }
    /// `--name` read as one of a choice's names, or `default`.
    pub(crate) fn choice_or<T: FromStr<Err = EngineError>>(&self, name: &str, default: T) -> Result<T, Failure> {
        Ok(self.choice(name)?.unwrap_or(default))
    }
    /// The one file the command is given.
    pub(crate) fn one_file(&self, what: &str) -> Result<&str, Failure> {
        match self.positional.as_slice() {
            [f] => Ok(f),
            [] => Err(usage(format!("missing {what}"))),
            _ => Err(usage(format!("expected one {what}, got {}", self.positional.len()))),
        }
    }
    /// `--scale LO,HI`.
    pub(crate) fn scale(&self) -> Result<Option<Scale>, Failure> {
        let Some(v) = self.get("scale") else { return Ok(None) };
        let bad = || usage(format!("--scale: '{v}' should be LO,HI like 1,5"));
        let (lo, hi) = v.split_once(',').ok_or_else(bad)?;
        let lo: f64 = lo.trim().parse().map_err(|_| bad())?;
        let hi: f64 = hi.trim().parse().map_err(|_| bad())?;
        Scale::new(lo, hi).map(Some).map_err(fail)
    }
}
