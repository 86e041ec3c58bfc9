//! Every web address the crate ships points at a primary record or an
//! official site: a DOI, PubMed or PubMed Central record, WHO, a terminology
//! (LOINC, HL7, SNOMED), a publisher's page, or the tooling and standards the
//! crate's documents refer to. Never a copy of a book or paper on a
//! document-sharing, mirror or content-farm site.
//!
//! The scan covers what the package ships and a reader follows: `src/`,
//! `rules/`, `schema/`, `examples/`, `benches/`, `fuzz/properties.rs`, and the
//! documents `README.md`, `DESIGN.md`, `CLINICAL-BASIS.md` and `CHANGELOG.md`.
//! (`tests/` is left out: it vendors the FHIR R4 schema, whose addresses are
//! HL7's and a third party's, and the allow-list tests below name refused
//! hosts on purpose.)

use std::fs;
use std::path::Path;

use crate::support::files::files_under;

/// Hosts a shipped link may point at.
const ALLOWED_HOSTS: &[&str] = &[
    // Primary records of papers.
    "doi.org",
    "pubmed.ncbi.nlm.nih.gov",
    "pmc.ncbi.nlm.nih.gov",
    "www.ncbi.nlm.nih.gov",
    // WHO documents and classifications.
    "who.int",
    "www.who.int",
    "iris.who.int",
    "apps.who.int",
    "icd.who.int",
    // Terminologies and health-data standards.
    "loinc.org",
    "hl7.org",
    "cds-hooks.hl7.org",
    // Code system URIs that FHIR resources name (not links to copies).
    "unitsofmeasure.org",
    "snomed.info",
    "www.hl7.org",
    "terminology.hl7.org",
    "build.fhir.org",
    "snomed.org",
    "www.snomed.org",
    "browser.ihtsdotools.org",
    "cds-hooks.org",
    // Publishers' pages for the works cited.
    "global.oup.com",
    "academic.oup.com",
    "www.oxfordclinicalpsych.com",
    "www.guilford.com",
    "www.routledge.com",
    "www.taylorfrancis.com",
    "www.crcpress.com",
    // The crate, its tooling and the standards its documents follow.
    "docs.rs",
    "crates.io",
    "github.com",
    "keepachangelog.com",
    "semver.org",
    "www.rfc-editor.org",
    "json-schema.org",
    // The SVG namespace name the pictures declare (W3C; a name, not a copy).
    "www.w3.org",
    // Names reserved for examples and placeholders (RFC 2606, RFC 6761).
    "example.org",
    "example.com",
    "example.net",
];

/// Whether `host` may appear in a shipped link.
fn allowed(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    ALLOWED_HOSTS.contains(&host.as_str()) || host.ends_with(".invalid") || host == "invalid"
}

/// Every `http://` or `https://` address in `text`, as (line number, host,
/// address).
fn links(text: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("http") {
            let candidate = &rest[start..];
            let after_scheme = candidate
                .strip_prefix("https://")
                .or_else(|| candidate.strip_prefix("http://"));
            let Some(after) = after_scheme else {
                rest = &candidate[4..];
                continue;
            };
            let end = candidate
                .find(|c: char| c.is_whitespace() || "\"'<>)]`|\\".contains(c))
                .unwrap_or(candidate.len());
            let address = &candidate[..end];
            let host_end = after
                .find(|c: char| "/?#:\"'<>)]` |\\".contains(c) || c.is_whitespace())
                .unwrap_or(after.len());
            found.push((
                number + 1,
                after[..host_end].to_string(),
                address.to_string(),
            ));
            rest = &candidate[end.max(8)..];
        }
    }
    found
}

/// The offending links in the given roots (directories or files), as
/// `path:line: address`.
fn disallowed_links(roots: &[&str]) -> Vec<String> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for root in roots {
        let path = base.join(root);
        if path.is_dir() {
            files_under(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    let mut bad = Vec::new();
    for file in files {
        let Ok(text) = fs::read_to_string(&file) else {
            continue; // not text
        };
        for (line, host, address) in links(&text) {
            if !allowed(&host) {
                let shown = file
                    .strip_prefix(base)
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                bad.push(format!("{shown}:{line}: {address}"));
            }
        }
    }
    bad
}

#[test]
fn shipped_links_point_only_at_primary_hosts() {
    let bad = disallowed_links(&[
        "src",
        "rules",
        "schema",
        "examples",
        "benches",
        "fuzz/properties.rs",
        "README.md",
        "DESIGN.md",
        "CLINICAL-BASIS.md",
        "CHANGELOG.md",
    ]);
    assert!(
        bad.is_empty(),
        "{} links outside the allow-list of primary hosts:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_bibliography_links_only_to_primary_hosts() {
    let bad = disallowed_links(&["src/bibliography"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_bibliography_entries_link_only_to_primary_hosts() {
    for reference in interpersonal::bibliography::all() {
        for link in reference.links() {
            let found = links(&link);
            assert_eq!(found.len(), 1, "{link}");
            assert!(allowed(&found[0].1), "{}: {link}", reference.key);
        }
    }
}

#[test]
fn hosts_are_read_from_addresses() {
    let text = "see <https://doi.org/10.1016/x> and (http://www.scribd.com/doc/1), \
                \"https://pmc.ncbi.nlm.nih.gov/articles/PMC1/\" or https://ebrary.net:443/a?b";
    let hosts: Vec<String> = links(text).into_iter().map(|(_, host, _)| host).collect();
    assert_eq!(
        hosts,
        [
            "doi.org",
            "www.scribd.com",
            "pmc.ncbi.nlm.nih.gov",
            "ebrary.net"
        ]
    );
    let numbered = links("a\nb https://loinc.org/44249-1/\n");
    assert_eq!(numbered[0].0, 2);
    assert_eq!(numbered[0].2, "https://loinc.org/44249-1/");
}

#[test]
fn the_allow_list_refuses_copies() {
    for copy in [
        "ebrary.net",
        "m.ebrary.net",
        "www.scribd.com",
        "scribd.com",
        "pdfslide.us",
        "studylib.net",
        "vdocuments.us",
        "hozir.org",
        "www.alpfmedical.info",
        "docslib.org",
        "doi.org.evil.example",
    ] {
        assert!(!allowed(copy), "{copy}");
    }
    for primary in [
        "doi.org",
        "PMC.NCBI.NLM.NIH.GOV",
        "iris.who.int",
        "interpersonal.invalid",
    ] {
        assert!(allowed(primary), "{primary}");
    }
}
