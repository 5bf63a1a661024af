//! The command line's commands and flags, defined once: [`COMMANDS`] and [`FLAGS`] drive the
//! parsing ([`args`](super::args)) and the usage text.

use crate::engine::predict::ALGO_NAMES;
use crate::engine::similarity::Measure;

/// One flag: its name and, when it takes one, its value's placeholder.
pub(crate) struct Flag {
    pub(crate) name: &'static str,
    pub(crate) value: Option<&'static str>,
}

const fn flag(name: &'static str, value: &'static str) -> Flag {
    Flag { name, value: Some(value) }
}

const fn switch(name: &'static str) -> Flag {
    Flag { name, value: None }
}

/// Every flag of every command.
pub(crate) const FLAGS: &[Flag] = &[
    flag("kind", "user|item"),
    flag("measure", "M"),
    flag("min-support", "N"),
    flag("shrinkage", "N"),
    switch("zero-fill"),
    flag("scale", "LO,HI"),
    flag("items", "FILE"),
    flag("purchases", "FILE"),
    flag("users", "FILE"),
    flag("strategy", "S"),
    flag("k", "K"),
    flag("max-discount", "PCT"),
    flag("min-discount", "PCT"),
    switch("as-in-article"),
    flag("budget", "AMOUNT"),
    flag("budget-goal", "purchases|profit"),
    flag("min-margin", "PCT"),
    flag("cap", "AMOUNT"),
    flag("seed", "N"),
    flag("model", "kmeans|gmm"),
    flag("segment-offers", "P1,P2,.."),
    flag("c", "C|none"),
    flag("coupon", "SPEC[;SPEC..]"),
    flag("stack", "CAP"),
    flag("at", "DATE"),
    switch("cv"),
    switch("elbow"),
    flag("id", "ID"),
    switch("all"),
    flag("train", "FILE"),
    flag("test", "FILE"),
    flag("folds", "DIR"),
    flag("algo", "A"),
    flag("min-k", "N"),
    flag("factors", "N"),
    flag("epochs", "N"),
    flag("user-clusters", "N"),
    flag("item-clusters", "N"),
    flag("user", "U"),
    flag("n", "N"),
    flag("customers", "N"),
    flag("products", "N"),
    flag("ratings", "N"),
    flag("out", "FILE"),
];

/// One command: its name, what it is given, its flags (required ones first), the flags whose
/// value it names otherwise than [`FLAGS`] (`--users N` where other commands read `--users FILE`)
/// and notes.
pub(crate) struct Command {
    /// The command's name.
    pub(crate) name: &'static str,
    operand: &'static str,
    pub(crate) required: &'static [&'static str],
    pub(crate) optional: &'static [&'static str],
    values: &'static [(&'static str, &'static str)],
    notes: &'static [&'static str],
}

/// Every command, in the order the usage lists them.
pub(crate) const COMMANDS: &[Command] = &[
    Command {
        name: "similarity",
        operand: "FILE",
        required: &[],
        optional: &["kind", "measure", "min-support", "shrinkage", "zero-fill", "scale", "items", "out"],
        values: &[],
        notes: &[],
    },
    Command {
        name: "discounts",
        operand: "FILE",
        required: &[],
        optional: &["k", "max-discount", "min-discount", "measure", "as-in-article", "scale", "out"],
        values: &[],
        notes: &["the articles' user formula; with --strategy, any strategy:"],
    },
    Command {
        name: "discounts",
        operand: "FILE",
        required: &["strategy"],
        optional: &[
            "items",
            "purchases",
            "users",
            "budget",
            "budget-goal",
            "max-discount",
            "min-margin",
            "cap",
            "k",
            "seed",
            "model",
            "segment-offers",
            "c",
            "coupon",
            "stack",
            "at",
            "measure",
            "cv",
            "scale",
            "out",
        ],
        values: &[],
        notes: &[
            "strategies: seed-user, seed-item, segment, elasticity, propensity, coupon",
            "--k is the neighbours K (seed-user, seed-item) or the number of segments (the others)",
            "coupon SPEC: PCT%[:max=AMOUNT][:item=ID|:category=NAME][:from=DATE][:until=DATE]",
            "--cv cross-validates the purchase model for C = 0.01, 0.1, 1, 10 and none (standard error)",
        ],
    },
    Command {
        name: "segment",
        operand: "FILE",
        required: &[],
        optional: &["k", "seed", "purchases", "model", "elbow", "scale", "out"],
        values: &[],
        notes: &[],
    },
    Command {
        name: "neighbours",
        operand: "FILE",
        required: &[],
        optional: &["id", "all", "k", "kind", "measure", "min-support", "shrinkage", "scale", "out"],
        values: &[],
        notes: &[
            "--id ID: one row's K most similar; --all: every row's (id,neighbour,similarity,common), streamed",
            "without the dense matrix, from files up to MovieLens-10M's size, on every core (RAYON_NUM_THREADS)",
        ],
    },
    Command {
        name: "item-discounts",
        operand: "ITEMS",
        required: &[],
        optional: &["k", "max-discount", "min-discount", "out"],
        values: &[],
        notes: &[],
    },
    Command {
        name: "evaluate",
        operand: "",
        required: &[],
        optional: &[
            "train",
            "test",
            "folds",
            "algo",
            "k",
            "min-k",
            "kind",
            "measure",
            "min-support",
            "shrinkage",
            "factors",
            "epochs",
            "user-clusters",
            "item-clusters",
            "seed",
        ],
        values: &[],
        notes: &[
            "either --train F --test F, or --folds DIR holding u1.base/u1.test ... u5.base/u5.test",
            "--factors: svd, svdpp, nmf; --epochs: those and coclustering; --user-clusters, --item-clusters: coclustering",
        ],
    },
    Command {
        name: "recommend",
        operand: "FILE",
        required: &["user"],
        optional: &[
            "n",
            "algo",
            "k",
            "min-k",
            "kind",
            "measure",
            "min-support",
            "shrinkage",
            "factors",
            "epochs",
            "user-clusters",
            "item-clusters",
            "seed",
            "scale",
            "out",
        ],
        values: &[],
        notes: &[],
    },
    Command {
        name: "sample",
        operand: "worked|article-code|shop|ml-1m-shape",
        required: &["out"],
        optional: &["seed", "customers", "products", "users", "items", "ratings"],
        values: &[("out", "DIR"), ("users", "N"), ("items", "N")],
        notes: &[
            "shop: --customers (300) and --products (80); ml-1m-shape: ratings.csv of MovieLens-1M's shape,",
            "--users (6040), --items (3706) and --ratings (1000209), every user with 20 or more",
        ],
    },
];

pub(crate) fn find(name: &str) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.name == name)
}

pub(crate) fn written(name: &str) -> String {
    match find(name).and_then(|f| f.value) {
        Some(v) => format!("--{name} {v}"),
        None => format!("--{name}"),
    }
}

/// `--name VALUE` as command `c` names its value.
fn written_in(c: &Command, name: &str) -> String {
    match c.values.iter().find(|(f, _)| *f == name) {
        Some((_, v)) => format!("--{name} {v}"),
        None => written(name),
    }
}

/// The usage text, from the tables.
pub(crate) fn usage_text() -> String {
    let mut out = String::from("usage:\n");
    for c in COMMANDS {
        let mut words: Vec<String> = vec![format!("discount-lab {}", c.name)];
        if !c.operand.is_empty() {
            words.push(c.operand.to_string());
        }
        words.extend(c.required.iter().map(|f| written_in(c, f)));
        words.extend(c.optional.iter().map(|f| format!("[{}]", written_in(c, f))));
        let mut line = String::from("  ");
        let indent = " ".repeat(4 + c.name.len() + "discount-lab".len());
        for w in words {
            if line.len() + w.len() + 1 > 108 && !line.trim().is_empty() {
                out.push_str(line.trim_end());
                out.push('\n');
                line = indent.clone();
            }
            line.push_str(&w);
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
        for note in c.notes {
            out.push_str(&format!("      {note}\n"));
        }
    }
    out.push_str(&format!("algorithms: {}\n", ALGO_NAMES.join(", ")));
    let measures: Vec<&str> = Measure::ALL.iter().map(|m| m.name()).collect();
    out.push_str(&format!("measures: {}", measures.join(", ")));
    out
}

/// The entry of `name`; `discounts` has two, told apart by whether `--strategy` is given.
pub(crate) fn command(name: &str, strategy: bool) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name && (c.name != "discounts" || c.required.contains(&"strategy") == strategy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_a_command_lists_is_defined_and_shown_in_the_usage() {
        let text = usage_text();
        for c in COMMANDS {
            for f in c.required.iter().chain(c.optional) {
                assert!(find(f).is_some(), "{}: --{f} is not in FLAGS", c.name);
                assert!(text.contains(&format!("--{f}")), "--{f} missing from the usage");
            }
        }
        for f in FLAGS {
            assert!(
                COMMANDS.iter().any(|c| c.required.contains(&f.name) || c.optional.contains(&f.name)),
                "--{} unused",
                f.name
            );
        }
        assert!(text.contains("[--budget-goal purchases|profit]"));
        for c in COMMANDS {
            for (f, _) in c.values {
                assert!(c.required.contains(f) || c.optional.contains(f), "{}: --{f} named but not taken", c.name);
            }
        }
        assert!(text.contains("sample worked|article-code|shop|ml-1m-shape --out DIR [--seed N]"), "{text}");
        assert!(text.contains("[--users N] [--items N] [--ratings N]"), "{text}");
    }
}
