//! The `discount-lab` command line: batch runs of the same engine the app uses, one file per
//! command. The flags are defined once in the flag table (`table.rs`), which drives parsing (`args.rs`) and the usage
//! text; each command translates them into the options layer's types and runs the engine.
//! Results go to `--out` or standard output as CSV (JSON for `evaluate`); errors go to
//! standard error with exit code 1 (2 for a usage mistake).

mod args;
mod evaluate;
mod failure;
mod formula;
mod io;
mod item_discounts;
mod neighbours;
mod recommend;
mod sample;
mod segment;
mod similarity;
mod strategy;
mod table;

use args::parse;
use failure::{usage, Failure};
use table::{command, usage_text};

/// Runs the command line; returns the process exit code.
pub fn run(args: Vec<String>) -> i32 {
    match dispatch(&args) {
        Ok(()) => 0,
        Err(f) => {
            eprintln!("{}", f.message);
            f.code
        }
    }
}

fn dispatch(args: &[String]) -> Result<(), Failure> {
    let Some((name, rest)) = args.split_first() else { return Err(usage("no command given")) };
    let name = if name == "neighbors" { "neighbours" } else { name.as_str() };
    if matches!(name, "help" | "--help" | "-h") || rest.iter().any(|a| a == "--help") {
        println!("{}", usage_text());
        return Ok(());
    }
    let strategy = name == "discounts" && rest.iter().any(|a| a == "--strategy");
    let c = command(name, strategy).ok_or_else(|| usage(format!("unknown command '{name}'")))?;
    let a = parse(c, rest)?;
    match name {
        "similarity" => similarity::run(&a),
        "discounts" if strategy => strategy::run(&a),
        "discounts" => formula::run(&a),
        "segment" => segment::run(&a),
        "neighbours" => neighbours::run(&a),
        "item-discounts" => item_discounts::run(&a),
        "evaluate" => evaluate::run(&a),
        "recommend" => recommend::run(&a),
        "sample" => sample::run(&a),
        other => Err(usage(format!("unknown command '{other}'"))),
    }
}
