//! The crate's own files and prose, for the tests that read them.

use std::fs;
use std::path::{Path, PathBuf};

/// Adds every file under `dir`, recursively, to `out`, in a stable (sorted)
/// order. A directory that cannot be read fails the test: a check must not
/// pass by reading nothing.
pub fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The code spans of a text that look like bibliography keys: lowercase words,
/// digits and hyphens, with a year among them (`weissman-2018-guide`).
pub fn bibliography_keys(text: &str) -> Vec<&str> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| {
            span.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && span
                    .split('-')
                    .any(|part| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect()
}
