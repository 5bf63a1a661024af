//! The shape of the source tree, checked: the layers import only downwards
//! (edges → options/present → engine), no two files import each other through any chain,
//! no function is over 100 lines and no file over 600 (README, "Architecture").
//!
//! The checks read `src/` as text: comments and string literals are blanked out first, then
//! every `use` and every inline `crate::`/`super::` path is resolved to the file that defines
//! it (following a `mod.rs`'s re-exports to the file that holds the item).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FN_LINES: usize = 100;
const MAX_FILE_LINES: usize = 600;

/// Which layers a layer may import (itself included).
const MAY_IMPORT: &[(&str, &[&str])] = &[
    ("engine", &["engine"]),
    ("options", &["options", "engine"]),
    ("present", &["present", "options", "engine"]),
    ("cli", &["cli", "present", "options", "engine"]),
    // `mount` puts the interface on a page: the JS API may import the UI, never the reverse.
    ("js", &["js", "ui", "present", "options", "engine"]),
    ("ui", &["ui", "present", "options", "engine"]),
];

/// One source file: its module path and its text with comments and strings blanked, apart
/// from its `#[cfg(test)]` items (whose `super` is the file itself).
struct Source {
    file: PathBuf,
    module: Vec<String>,
    code: String,
    tests: String,
    raw_lines: usize,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| !f.starts_with(root.join("bin")))
        .map(|file| {
            let text = fs::read_to_string(&file).unwrap();
            let rel = file.strip_prefix(&root).unwrap().with_extension("");
            let mut module: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let (code, tests) = split_tests(&blank(&text));
            Source { file, module, code, tests, raw_lines: text.lines().count() }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text with comments, string and char literals replaced by spaces (newlines kept).
fn blank(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let skip = |out: &mut String, from: &[char]| from.iter().for_each(|&c| out.push(if c == '\n' { c } else { ' ' }));
    while i < b.len() {
        let rest = &b[i..];
        let end = if rest.starts_with(&['/', '/']) {
            rest.iter().position(|&c| c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            (2..rest.len()).find(|&k| rest[k - 1] == '*' && rest[k] == '/').map_or(rest.len(), |k| k + 1)
        } else if let Some(n) = raw_string_len(rest, i == 0 || !is_ident(b[i - 1])) {
            n
        } else if rest[0] == '"' {
            let mut k = 1;
            while k < rest.len() && rest[k] != '"' {
                k += if rest[k] == '\\' { 2 } else { 1 };
            }
            k + 1
        } else if rest[0] == '\'' {
            char_literal_len(rest).unwrap_or(0)
        } else {
            0
        };
        if end == 0 {
            out.push(b[i]);
            i += 1;
        } else {
            let end = end.min(rest.len());
            skip(&mut out, &rest[..end]);
            i += end;
        }
    }
    out
}

/// The code without its `#[cfg(test)]` items, and those items: a test module's `super` is
/// its own file.
fn split_tests(code: &str) -> (String, String) {
    let mut out = code.to_string();
    let mut tests = String::new();
    while let Some(at) = out.find("#[cfg(test)]") {
        let Some(open) = out[at..].find('{').map(|k| at + k) else { break };
        let mut depth = 0;
        let close = out[open..]
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(out.len(), |(k, _)| open + k + 1);
        let blanked: String = out[at..close].chars().map(|c| if c == '\n' { c } else { ' ' }).collect();
        tests.push_str(&out[at + "#[cfg(test)]".len()..close]);
        tests.push('\n');
        out.replace_range(at..close, &blanked);
    }
    (out, tests)
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Length of a raw string `r#"…"#` starting here, if one does.
fn raw_string_len(s: &[char], at_word_start: bool) -> Option<usize> {
    if !at_word_start || s.first() != Some(&'r') {
        return None;
    }
    let hashes = s[1..].iter().take_while(|&&c| c == '#').count();
    if s.get(1 + hashes) != Some(&'"') {
        return None;
    }
    let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
    let body = 2 + hashes;
    (body..s.len()).find(|&k| s[k..].starts_with(&close)).map(|k| k + close.len())
}

/// Length of a char literal (`'x'`, `'\n'`, `'\u{1F600}'`) starting here; `None` for a lifetime.
fn char_literal_len(s: &[char]) -> Option<usize> {
    if s.get(1) == Some(&'\\') {
        (2..s.len().min(14)).find(|&k| s[k] == '\'').map(|k| k + 1)
    } else if s.get(2) == Some(&'\'') {
        Some(3)
    } else {
        None
    }
}

/// Every path a file names: each `use` tree expanded to its leaves, and each inline
/// `crate::…` / `super::…` path. The flag says whether it came from a `pub use` (a re-export).
fn paths(code: &str) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let words: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < words.len() {
        let starts_word = i == 0 || !is_ident(words[i - 1]);
        if starts_word && words[i..].starts_with(&['u', 's', 'e', ' ']) {
            let end = words[i..].iter().position(|&c| c == ';').map_or(words.len(), |k| i + k);
            let tree: String = words[i + 4..end].iter().collect();
            let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
            let before: String = words[i.saturating_sub(12)..i].iter().collect();
            let public = before.trim_end().ends_with("pub") || before.contains("pub(");
            expand(&tree, &mut Vec::new(), &mut |p| out.push((p, public)));
            i = end;
            continue;
        }
        if starts_word
            && (words[i..].starts_with(&['c', 'r', 'a', 't', 'e', ':', ':'])
                || words[i..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']))
        {
            let end = (i..words.len()).find(|&k| !(is_ident(words[k]) || words[k] == ':')).unwrap_or(words.len());
            let path: String = words[i..end].iter().collect();
            out.push((path.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect(), false));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Expands a use tree like `a::{b, c::{d, e}}` into its leaf paths.
fn expand(tree: &str, prefix: &mut Vec<String>, emit: &mut impl FnMut(Vec<String>)) {
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open].trim().split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let depth = prefix.len();
        prefix.extend(head);
        for part in split_top(inner) {
            expand(part.trim(), prefix, emit);
        }
        prefix.truncate(depth);
    } else {
        let leaf = tree.split(" as ").next().unwrap_or(tree).trim();
        let mut p = prefix.clone();
        p.extend(leaf.split("::").filter(|s| !s.is_empty()).map(str::to_string));
        emit(p);
    }
}

/// Splits at commas outside braces.
fn split_top(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (k, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// The absolute module path of `path` as written in module `module`, if it is a crate path.
fn absolute(module: &[String], is_mod_rs: bool, path: &[String]) -> Option<Vec<String>> {
    let mut here: Vec<String> = module.to_vec();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            here.clear();
            rest = &rest[1..];
        }
        Some("super") => {
            // In a.rs, `super` is a's parent; in a/mod.rs too (the module is `a`).
            while rest.first().map(String::as_str) == Some("super") {
                here.pop()?;
                rest = &rest[1..];
            }
        }
        Some("self") => rest = &rest[1..],
        // `use child::X` inside a mod.rs names a child module.
        Some(_) if is_mod_rs || module.is_empty() => {}
        _ => return None,
    }
    here.extend(rest.iter().cloned());
    Some(here)
}

/// The file an absolute path lands in, following re-exports of a `mod.rs`.
fn resolve(index: &BTreeMap<Vec<String>, usize>, srcs: &[Source], path: &[String], depth: usize) -> Option<usize> {
    let (len, &file) = (1..=path.len()).rev().find_map(|n| index.get(&path[..n]).map(|f| (n, f)))?;
    let item = path.get(len)?;
    let src = &srcs[file];
    let is_mod = src.file.ends_with("mod.rs");
    if is_mod && depth < 8 {
        for (p, public) in paths(&src.code) {
            if public && p.last() == Some(item) {
                let abs = absolute(&src.module, true, &p)?;
                return resolve(index, srcs, &abs, depth + 1).or(Some(file));
            }
        }
    }
    Some(file)
}

/// Edges between files: (importer, imported), re-exports of a mod.rs left out. A file's test
/// module counts as the file: a test that imports a file above its own makes a cycle too.
fn edges(srcs: &[Source]) -> BTreeSet<(usize, usize)> {
    let index: BTreeMap<Vec<String>, usize> = srcs.iter().enumerate().map(|(k, s)| (s.module.clone(), k)).collect();
    let mut out = BTreeSet::new();
    for (from, src) in srcs.iter().enumerate() {
        let is_mod = src.file.ends_with("mod.rs") || src.module.is_empty();
        let test_module: Vec<String> = src.module.iter().cloned().chain(["tests".to_string()]).collect();
        let code = paths(&src.code).into_iter().map(|(p, public)| (p, public, false));
        let tests = paths(&src.tests).into_iter().map(|(p, _)| (p, false, true));
        for (p, public, in_test) in code.chain(tests) {
            if is_mod && public {
                continue;
            }
            let abs = if in_test { absolute(&test_module, false, &p) } else { absolute(&src.module, is_mod, &p) };
            let Some(abs) = abs else { continue };
            if let Some(to) = resolve(&index, srcs, &abs, 0) {
                if to != from && !srcs[to].module.is_empty() {
                    out.insert((from, to));
                }
            }
        }
    }
    out
}

fn name(s: &Source) -> String {
    let p = s.file.to_string_lossy();
    p[p.find("/src/").map_or(0, |k| k + 1)..].to_string()
}

#[test]
fn layers_import_only_downwards() {
    let srcs = sources();
    let mut wrong = Vec::new();
    for (from, to) in edges(&srcs) {
        let (a, b) = (&srcs[from].module, &srcs[to].module);
        let (Some(la), Some(lb)) = (a.first(), b.first()) else { continue };
        let allowed = MAY_IMPORT.iter().find(|(l, _)| l == la).map_or(&[][..], |(_, m)| m);
        if !allowed.contains(&lb.as_str()) {
            wrong.push(format!("{} imports {}", name(&srcs[from]), name(&srcs[to])));
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

#[test]
fn no_import_cycle_between_files() {
    let srcs = sources();
    let edges = edges(&srcs);
    assert!(edges.len() > 100, "the checker found only {} imports: it no longer reads the tree", edges.len());
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); srcs.len()];
    for &(a, b) in &edges {
        next[a].push(b);
    }
    let cycles: Vec<String> = strongly_connected(&next)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| c.iter().map(|&k| name(&srcs[k])).collect::<Vec<_>>().join(" ↔ "))
        .collect();
    assert!(cycles.is_empty(), "files that import each other:\n{}", cycles.join("\n"));
}

/// Tarjan's strongly connected components.
fn strongly_connected(next: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct Walk<'a> {
        next: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        count: usize,
        out: Vec<Vec<usize>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.count);
            self.low[v] = self.count;
            self.count += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for k in 0..self.next[v].len() {
                let w = self.next[v][k];
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                    _ => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                self.out.push(component);
            }
        }
    }
    let n = next.len();
    let mut walk = Walk {
        next,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on_stack: vec![false; n],
        count: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if walk.index[v].is_none() {
            walk.visit(v);
        }
    }
    walk.out
}

#[test]
fn no_function_over_100_lines_and_no_file_over_600() {
    let mut long = Vec::new();
    for src in sources() {
        if src.raw_lines > MAX_FILE_LINES {
            long.push(format!("{}: {} lines", name(&src), src.raw_lines));
        }
        for (fn_name, line, lines) in functions(&src.code) {
            if lines > MAX_FN_LINES {
                long.push(format!("{}:{line} fn {fn_name}: {lines} lines", name(&src)));
            }
        }
    }
    assert!(long.is_empty(), "over the length limits:\n{}", long.join("\n"));
}

/// (name, first line, lines) of every function with a body, the braces counted on blanked code.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = code[i..].find("fn ") {
        let at = i + k;
        i = at + 3;
        if at > 0 && is_ident(b[at - 1] as char) {
            continue;
        }
        let name: String = code[at + 3..].chars().take_while(|&c| is_ident(c)).collect();
        let Some(open) = code[at..].find(['{', ';']).map(|k| at + k) else { break };
        if b[open] == b';' || name.is_empty() {
            continue;
        }
        let mut depth = 0;
        let close = (open..b.len()).find(|&k| {
            match b[k] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
            depth == 0
        });
        let Some(close) = close else { break };
        let first = code[..at].matches('\n').count() + 1;
        let last = code[..close].matches('\n').count() + 1;
        out.push((name, first, last - first + 1));
    }
    out
}

#[test]
fn the_checks_catch_what_they_look_for() {
    let code = blank("fn a() {\n    let s = \"}\"; // }\n    let c = '}';\n}\nfn b<'x>(v: &'x str) -> &'x str { v }\n");
    let found = functions(&code);
    assert_eq!(found, vec![("a".to_string(), 1, 4), ("b".to_string(), 5, 1)]);
    let p = paths("use crate::engine::{data::Ratings, similarity::{Kind, Measure as M}};\npub use self::x::Y;\nlet a = super::z::f();");
    let leaves: Vec<String> =
        p.iter().map(|(p, public)| format!("{}{}", p.join("::"), if *public { " (pub)" } else { "" })).collect();
    assert_eq!(
        leaves,
        [
            "crate::engine::data::Ratings",
            "crate::engine::similarity::Kind",
            "crate::engine::similarity::Measure",
            "self::x::Y (pub)",
            "super::z::f"
        ]
    );
    let cycle = strongly_connected(&[vec![1], vec![2], vec![0], vec![]]);
    assert!(cycle.iter().any(|c| c.len() == 3));
    // A test module's imports are the file's, its `super` the file itself.
    let (code, tests) =
        split_tests("use crate::a::B;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::ui::C;\n}\n");
    assert_eq!(code.lines().count(), 6);
    assert!(!code.contains("ui") && tests.contains("crate::ui::C"));
    let module = ["engine".to_string(), "x".to_string(), "tests".to_string()];
    assert_eq!(absolute(&module, false, &["super".into(), "Y".into()]).unwrap(), ["engine", "x", "Y"]);
}
