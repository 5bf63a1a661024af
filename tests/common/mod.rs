//! Shared by the native tests: MovieLens-100k, read from ../shared because its licence keeps
//! it out of the repository.
//!
//! When the data is absent a test skips its MovieLens part, and the skip is made visible: it
//! is written to `target/skipped/`, which `make test` lists in its summary line, and with
//! `DISCOUNT_LAB_REQUIRE_MOVIELENS=1` in the environment it is a failure instead.

use std::path::PathBuf;

/// Where the data is looked for.
pub fn movielens_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ml-100k")
}

/// The files `names` of MovieLens-100k, or `None` (recorded as a skip by `test`) when any is missing.
pub fn movielens(test: &str, names: &[&str]) -> Option<Vec<Vec<u8>>> {
    let dir = movielens_dir();
    let read: std::io::Result<Vec<Vec<u8>>> = names.iter().map(|n| std::fs::read(dir.join(n))).collect();
    match read {
        Ok(files) => Some(files),
        Err(e) => {
            let why = format!("{test}: skipped its MovieLens part: {} {}: {e}", dir.display(), names.join(", "));
            if std::env::var_os("DISCOUNT_LAB_REQUIRE_MOVIELENS").is_some_and(|v| v != "0") {
                panic!("{why} (DISCOUNT_LAB_REQUIRE_MOVIELENS is set)");
            }
            eprintln!("{why}");
            let skipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/skipped");
            let _ = std::fs::create_dir_all(&skipped).and_then(|_| std::fs::write(skipped.join(test), &why));
            None
        }
    }
}
