//! Every reference the crate ships to a document of its own resolves.
//!
//! The API docs, messages, rule details and schema descriptions point into
//! the crate's long-form documents as `CLINICAL-BASIS.md §2.5`,
//! `DESIGN.md decision 8`, `DESIGN.md "How data flows"`, `DESIGN.md#anchor` or
//! `_documentation::clinical_basis#anchor`. This test reads what the package
//! ships (`src/`, `rules/`, `schema/`, `examples/`, `tests/`, `benches/`,
//! `fuzz/properties.rs`, `README.md` and the documents themselves), and checks
//! that:
//! - a mentioned `*.md` file exists and is in the package (`include` of
//!   `Cargo.toml`);
//! - a `§N.M` names a numbered heading of the document it refers to: the one
//!   named just before it, or else the last document named before it in the
//!   same file (or string of a JSON file) other than `DESIGN.md`, whose parts
//!   are decisions; inside a document, the document itself;
//! - a decision number, quoted heading or `#anchor` after a document's name is
//!   a heading of that document;
//! - nothing points at the project's working notes (`ipt-domain.md`, the
//!   shared folder) that do not ship;
//! - the repository paths the documents name exist, and the bibliography keys
//!   they cite are in the bibliography.
//!
//! Sources cite the bibliography by key; `bibliography.rs` checks those keys
//! and the bracketed citations of the API docs.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::files::{bibliography_keys, files_under};

/// The crate's documents, and the `_documentation` module that renders each.
const DOCUMENTS: &[(&str, &str)] = &[
    ("DESIGN.md", "_documentation::design"),
    ("CLINICAL-BASIS.md", "_documentation::clinical_basis"),
];

/// Text that points at files that never ship.
const FORBIDDEN: &[&str] = &["ipt-domain", "shared/docs", "../shared", "../seed"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `include` patterns of `Cargo.toml`.
fn package_patterns() -> Vec<String> {
    let toml = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let line = toml
        .lines()
        .find(|l| l.trim_start().starts_with("include"))
        .expect("Cargo.toml has an include list");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Whether a path relative to the package root matches an `include` pattern
/// (`dir/**`, `prefix*`, or an exact path).
fn in_package(relative: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|p| {
        if let Some(dir) = p.strip_suffix("/**") {
            relative.starts_with(&format!("{dir}/"))
        } else if let Some((prefix, suffix)) = p.split_once('*') {
            relative.starts_with(prefix) && relative.ends_with(suffix)
        } else {
            relative == p
        }
    })
}

/// A heading of a document: its number (`2.5`, `8`) if it has one, its text,
/// and its anchor as rustdoc and GitHub write it.
struct Heading {
    number: Option<String>,
    text: String,
    anchor: String,
}

fn anchor(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c == ' ' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

fn headings(markdown: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || !line.starts_with('#') {
            continue;
        }
        let text = line.trim_start_matches('#').trim().to_owned();
        let first = text.split_whitespace().next().unwrap_or("");
        let first = first.strip_suffix('.').unwrap_or(first);
        let number = (!first.is_empty()
            && first
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
        .then(|| first.to_owned());
        out.push(Heading {
            number,
            anchor: anchor(&text),
            text,
        });
    }
    out
}

/// The crate's documents by file name, with their headings.
fn documents() -> BTreeMap<String, Vec<Heading>> {
    DOCUMENTS
        .iter()
        .map(|(name, _)| {
            let text = fs::read_to_string(root().join(name))
                .unwrap_or_else(|e| panic!("{name} is missing: {e}"));
            ((*name).to_owned(), headings(&text))
        })
        .collect()
}

/// What a reference checker needs to know about the package.
struct Package {
    patterns: Vec<String>,
    docs: BTreeMap<String, Vec<Heading>>,
}

impl Package {
    fn load() -> Package {
        Package {
            patterns: package_patterns(),
            docs: documents(),
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')
}

/// Skips spaces, line breaks and the comment markers that begin a line of a
/// doc comment, so that a reference may wrap.
fn skip_gap(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'!') {
        i += 1;
    }
    i
}

/// A number made of digits and dots (`2.5`), starting at `i`; the trailing
/// dot of a sentence is not part of it.
fn number_at(text: &str, i: usize) -> Option<(String, usize)> {
    let rest = &text[i..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(rest.len(), |(j, _)| j);
    let number = rest[..len].trim_end_matches('.');
    (!number.is_empty() && number.as_bytes()[0].is_ascii_digit())
        .then(|| (number.to_owned(), i + number.len()))
}

/// The file a document mention names: `DESIGN.md`, `schema/README.md`, or a
/// `_documentation` module.
fn mention_at(text: &str, i: usize) -> Option<(String, usize, usize)> {
    for (file, module) in DOCUMENTS {
        if text[i..].starts_with(module) {
            let before = text[..i].chars().next_back();
            if before.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_') {
                return Some(((*file).to_owned(), i, i + module.len()));
            }
        }
    }
    if !text[i..].starts_with(".md") {
        return None;
    }
    let end = i + 3;
    if text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return None;
    }
    let start = text[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c))
        .last()
        .map_or(i, |(j, _)| j);
    let name = text[start..end].trim_start_matches("./").to_owned();
    if name == ".md" {
        return None;
    }
    // Part of a web address: not a file of the package.
    let token_start = text[..start]
        .rfind(char::is_whitespace)
        .map_or(0, |j| j + 1);
    if text[token_start..end].contains("://") {
        return None;
    }
    Some((name, start, end))
}

/// Checks the references in one piece of text. `home` is the document a bare
/// `§` refers to before any document is named (the document itself, when the
/// text is one); `dir` is the folder of the file, for relative names.
fn check_text(
    text: &str,
    home: Option<&str>,
    dir: &str,
    package: &Package,
    mut report: impl FnMut(usize, String),
) {
    for bad in FORBIDDEN {
        for (at, _) in text.match_indices(bad) {
            report(
                at,
                format!("points at `{bad}`, which does not ship with the crate"),
            );
        }
    }
    let mut current: Option<String> = home.map(str::to_owned);
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        if let Some((name, start, end)) = mention_at(text, i) {
            i = end;
            let file = resolve(&name, dir, package);
            let Some(file) = file else {
                report(start, format!("`{name}` is not a file of the package"));
                continue;
            };
            let Some(headings) = package.docs.get(&file) else {
                continue; // another file of the package, such as README.md
            };
            // What follows the name: an anchor, a quoted heading, decisions or sections.
            if text[end..].starts_with('#') {
                let anchor: String = text[end + 1..]
                    .chars()
                    .take_while(|&c| c.is_alphanumeric() || c == '-' || c == '_')
                    .collect();
                if !headings.iter().any(|h| h.anchor == anchor) {
                    report(
                        start,
                        format!("{file} has no heading with anchor `#{anchor}`"),
                    );
                }
            }
            let j = skip_gap(text, end);
            if text[j..].starts_with('"') {
                if let Some(close) = text[j + 1..].find('"') {
                    let quoted = &text[j + 1..j + 1 + close];
                    if quoted.chars().next().is_some_and(char::is_uppercase)
                        && !headings.iter().any(|h| h.text == quoted)
                    {
                        report(start, format!("{file} has no heading \"{quoted}\""));
                    }
                }
            }
            for word in ["decisions", "decision"] {
                if text[j..].starts_with(word) {
                    let mut k = j + word.len();
                    loop {
                        let n = skip_gap(text, k);
                        let Some((number, after)) = number_at(text, n) else {
                            break;
                        };
                        if !headings
                            .iter()
                            .any(|h| h.number.as_deref() == Some(number.as_str()))
                        {
                            report(start, format!("{file} has no decision {number}"));
                        }
                        k = after;
                        let rest = &text[k..];
                        if let Some(r) = rest.strip_prefix(", ") {
                            k = text.len() - r.len();
                        } else if let Some(r) = rest.strip_prefix(" and ") {
                            k = text.len() - r.len();
                        } else {
                            break;
                        }
                    }
                    break;
                }
            }
            if text[j..].starts_with('§') {
                // A section right after the name belongs to that document.
                let (number, after) = number_at(text, j + '§'.len_utf8()).unwrap_or_default();
                check_section(&file, &number, package, |m| report(j, m));
                i = after.max(i);
            }
            if file != "DESIGN.md" {
                current = Some(file);
            }
            continue;
        }
        if text[i..].starts_with('§') {
            let at = i;
            let (number, after) = number_at(text, i + '§'.len_utf8()).unwrap_or_default();
            i = after.max(i + '§'.len_utf8());
            if number.is_empty() {
                continue;
            }
            match &current {
                Some(file) => check_section(file, &number, package, |m| report(at, m)),
                None => report(at, format!("§{number} names no document before it")),
            }
            continue;
        }
        i += 1;
    }
}

fn check_section(file: &str, number: &str, package: &Package, report: impl FnOnce(String)) {
    if number.is_empty() {
        return;
    }
    let found = package
        .docs
        .get(file)
        .is_some_and(|headings| headings.iter().any(|h| h.number.as_deref() == Some(number)));
    if !found {
        report(format!("{file} has no section §{number}"));
    }
}

/// The package-relative path a mentioned name refers to, if it is a file of
/// the package: relative to the mentioning file's folder, then to the root.
fn resolve(name: &str, dir: &str, package: &Package) -> Option<String> {
    let candidates = [
        if dir.is_empty() {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        },
        name.to_owned(),
    ];
    candidates
        .into_iter()
        .find(|c| root().join(c).is_file() && in_package(c, &package.patterns))
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

fn dir_of(rel: &str) -> &str {
    rel.rfind('/').map_or("", |j| &rel[..j])
}

fn check_rust(path: &Path, package: &Package, problems: &mut Vec<String>) {
    let text = fs::read_to_string(path).unwrap();
    let rel = relative(path);
    check_text(&text, None, dir_of(&rel), package, |at, m| {
        problems.push(format!("{rel}:{}: {m}", line_of(&text, at)));
    });
}

fn check_json(path: &Path, package: &Package, problems: &mut Vec<String>) {
    let rel = relative(path);
    let value: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    fn walk(value: &Value, json_path: &str, visit: &mut dyn FnMut(&str, &str)) {
        match value {
            Value::String(s) => visit(json_path, s),
            Value::Array(items) => {
                for (k, item) in items.iter().enumerate() {
                    walk(item, &format!("{json_path}[{k}]"), visit);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, &format!("{json_path}.{key}"), visit);
                }
            }
            _ => {}
        }
    }
    walk(&value, "$", &mut |json_path, s| {
        check_text(s, None, dir_of(&rel), package, |_, m| {
            problems.push(format!("{rel} {json_path}: {m}"));
        });
    });
}

fn check_markdown(path: &Path, package: &Package, problems: &mut Vec<String>) {
    let text = fs::read_to_string(path).unwrap();
    let rel = relative(path);
    let home = package.docs.contains_key(&rel).then_some(rel.as_str());
    check_text(&text, home, dir_of(&rel), package, |at, m| {
        problems.push(format!("{rel}:{}: {m}", line_of(&text, at)));
    });
    // The documents name the files a change touches; those files exist.
    for (at, path) in repository_paths(&text) {
        if !root().join(&path).exists() {
            problems.push(format!(
                "{rel}:{}: `{path}` does not exist",
                line_of(&text, at)
            ));
        }
    }
}

/// The paths of the repository a text names in code spans, such as
/// `src/engine/facts.rs` or `schema/`, leaving out patterns (`<name>`, `*`).
fn repository_paths(text: &str) -> Vec<(usize, String)> {
    const TOP: &[&str] = &[
        "src/",
        "rules/",
        "schema/",
        "tests/",
        "examples/",
        "benches/",
    ];
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else { break };
        let span = &after[..close];
        if TOP.iter().any(|t| span.starts_with(t))
            && !span.contains(['<', '*', ' '])
            && !span.contains("::")
        {
            out.push((offset + open, span.to_owned()));
        }
        offset += open + close + 2;
        rest = &after[close + 1..];
    }
    out
}

/// Every problem found in the shipped text.
fn problems() -> Vec<String> {
    let package = Package::load();
    let mut files = Vec::new();
    for dir in ["src", "rules", "schema", "examples", "tests", "benches"] {
        files_under(&root().join(dir), &mut files);
    }
    // This file names what it looks for.
    files.retain(|f| !f.ends_with("tests/integration/doc_refs.rs"));
    for name in [
        "README.md",
        "DESIGN.md",
        "CLINICAL-BASIS.md",
        "fuzz/properties.rs",
    ] {
        files.push(root().join(name));
    }
    let mut problems = Vec::new();
    for path in &files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("rs") => check_rust(path, &package, &mut problems),
            Some("json") => check_json(path, &package, &mut problems),
            Some("md") => check_markdown(path, &package, &mut problems),
            _ => {}
        }
    }
    problems
}

#[test]
fn every_reference_to_a_document_resolves() {
    let problems = problems();
    assert!(
        problems.is_empty(),
        "{} unresolved references:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_documents_ship_and_are_rendered() {
    let patterns = package_patterns();
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let module = fs::read_to_string(root().join("src/_documentation.rs")).unwrap();
    assert!(lib.contains("pub mod _documentation;"));
    for (file, path) in DOCUMENTS {
        assert!(
            in_package(file, &patterns),
            "{file} is not in Cargo.toml's include"
        );
        assert!(
            module.contains(&format!("include_str!(\"../{file}\")")),
            "{file} is not rendered"
        );
        let name = path.rsplit("::").next().unwrap();
        assert!(
            module.contains(&format!("pub mod {name} {{}}")),
            "{path} is missing"
        );
    }
    // Every decision of the design has a number, and the numbers run 1, 2, 3, ...
    let docs = documents();
    let numbers: Vec<usize> = docs["DESIGN.md"]
        .iter()
        .filter_map(|h| h.number.as_deref()?.parse().ok())
        .collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
}

#[test]
fn the_clinical_basis_cites_works_of_the_bibliography() {
    for name in ["CLINICAL-BASIS.md", "DESIGN.md"] {
        let text = fs::read_to_string(root().join(name)).unwrap();
        let keys = bibliography_keys(&text);
        if name == "CLINICAL-BASIS.md" {
            assert!(keys.len() > 50, "{name} cites by bibliography key");
        }
        for key in keys {
            assert!(
                interpersonal::bibliography::get(key).is_some(),
                "{name} cites `{key}`, which is not in the bibliography"
            );
        }
    }
    assert_eq!(
        bibliography_keys("(`kroenke-2001-phq9`; K) `Engine` `schema/` `2.5`"),
        ["kroenke-2001-phq9"]
    );
}

#[test]
fn the_checker_finds_what_does_not_resolve() {
    let package = Package::load();
    let found = |text: &str, home: Option<&str>| {
        let mut found = Vec::new();
        check_text(text, home, "src", &package, |_, m| found.push(m));
        found
    };
    // Resolving references.
    for ok in [
        "(CLINICAL-BASIS.md §2.5 rule 4, §8.1)",
        "(DESIGN.md decisions 1 and 10; DESIGN.md decision 8)",
        "/// as the design says (DESIGN.md\n/// decision 8; §9)",
        "DESIGN.md \"How data flows\"",
        "[grief](crate::_documentation::clinical_basis#21-grief)",
        "see CLINICAL-BASIS.md#25-selecting-the-focus and README.md",
        "https://example.org/notes.md is an address, not a file",
    ] {
        let after = if ok.contains("§9") {
            format!("CLINICAL-BASIS.md §2. {ok}")
        } else {
            ok.to_owned()
        };
        assert_eq!(found(&after, None), Vec::<String>::new(), "{after}");
    }
    // Unresolved ones.
    for (bad, expected) in [
        ("(ipt-domain.md §2.5)", "does not ship"),
        ("see ../shared/docs/DESIGN.md", "does not ship"),
        ("CLINICAL-BASIS.md §2.9", "no section §2.9"),
        ("CLINICAL-BASIS.md §2.1, §14", "no section §14"),
        ("DESIGN.md decision 99", "no decision 99"),
        ("DESIGN.md decisions 2, 3 and 42", "no decision 42"),
        ("DESIGN.md \"How data flow\"", "no heading"),
        (
            "CLINICAL-BASIS.md#22-role-dispute",
            "no heading with anchor",
        ),
        ("_documentation::design#nowhere", "no heading with anchor"),
        ("NOTES.md", "not a file of the package"),
        ("a bare §2.5", "names no document"),
    ] {
        let got = found(bad, None);
        assert!(got.iter().any(|m| m.contains(expected)), "{bad}: {got:?}");
    }
    // Paths in code spans, without patterns.
    let paths =
        repository_paths("`src/engine/facts.rs`, `src/measure/<name>.rs`, `Engine`, `schema/`");
    let paths: Vec<&str> = paths.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(paths, ["src/engine/facts.rs", "schema/"]);
    // Inside a document, a bare section is one of its own.
    assert!(found("§2.5 and §7.6", Some("CLINICAL-BASIS.md")).is_empty());
    assert!(!found("§2.5", Some("DESIGN.md")).is_empty());
}
