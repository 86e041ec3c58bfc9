//! The bibliography through the public API: listing, lookup, labels, links,
//! and citations in JSON.

use interpersonal::bibliography::{self, Citation, ReferenceKind};
use interpersonal::source::Basis;
use proptest::prelude::*;

use crate::support::files::{bibliography_keys, files_under};

#[test]
fn lists_every_work_once_in_key_order() {
    let all = bibliography::all();
    assert!(all.len() >= 40, "{}", all.len());
    assert!(all.windows(2).all(|w| w[0].key < w[1].key));
    for reference in all {
        assert_eq!(bibliography::get(reference.key), Some(reference));
    }
}

#[test]
fn the_instrument_papers_are_there() {
    let phq9 = bibliography::get("kroenke-2001-phq9").unwrap();
    assert_eq!((phq9.kind, phq9.year), (ReferenceKind::Article, 2001));
    assert_eq!(phq9.container, Some("J Gen Intern Med"));
    let gad7 = bibliography::get("spitzer-2006-gad7").unwrap();
    assert_eq!(gad7.pages, Some("1092–1097"));
    let hamd = bibliography::get("hamilton-1960-hamd").unwrap();
    assert_eq!(hamd.volume, Some("23"));
}

#[test]
fn open_access_papers_link_to_their_records_not_copies() {
    let rajhans = bibliography::get("rajhans-2020-ipt-guideline").unwrap();
    assert!(
        rajhans
            .links()
            .any(|l| l == "https://pmc.ncbi.nlm.nih.gov/articles/PMC7001362/")
    );
    let mw = bibliography::get("markowitz-weissman-2004-world-psychiatry").unwrap();
    assert_eq!(
        mw.primary_url().as_deref(),
        Some("https://pubmed.ncbi.nlm.nih.gov/16633477/")
    );
}

#[test]
fn seed_article_corrections_are_recorded() {
    // The seed article gives Lipsitz & Markowitz 2013 the wrong volume and
    // pages, and Bockting et al. 2009 the wrong journal.
    let lipsitz = bibliography::get("lipsitz-markowitz-2013-mechanisms").unwrap();
    assert_eq!(
        (lipsitz.volume, lipsitz.issue, lipsitz.pages),
        (Some("33"), Some("8"), Some("1134–1147"))
    );
    let bockting = bibliography::get("bockting-2009-preventive-ct").unwrap();
    assert_eq!(bockting.container, Some("J Clin Psychiatry"));
    assert!(bockting.note.unwrap().contains("J Clin Psychol"));
}

#[test]
fn every_reference_writes_out_and_serialises() {
    for reference in bibliography::all() {
        let text = reference.to_string();
        assert!(text.contains(reference.title), "{text}");
        assert!(text.contains(&reference.year.to_string()), "{text}");
        assert!(text.ends_with('.'), "{text}");
        let json = serde_json::to_value(reference).unwrap();
        assert_eq!(json["key"], reference.key);
        assert_eq!(json["year"], reference.year);
        let label = reference.short_label();
        assert!(label.contains(&reference.year.to_string()), "{label}");
    }
}

#[test]
fn a_rule_set_can_cite_by_key() {
    let citations: Vec<Citation> = serde_json::from_str(
        r#"[
            {"ref": "weissman-2018-guide", "locator": "ch. \"Role Disputes\"", "basis": "stated"},
            {"ref": "weissman-2000-comprehensive-guide", "basis": "known"}
        ]"#,
    )
    .unwrap();
    assert_eq!(citations[0].basis, Basis::Stated);
    assert_eq!(
        citations[0].to_string(),
        "Weissman, Markowitz & Klerman 2018, ch. \"Role Disputes\""
    );
    assert_eq!(citations[1].label(), "Weissman, Markowitz & Klerman 2000");
    assert!(citations.iter().all(|c| c.reference().is_some()));
}

fn basis() -> impl Strategy<Value = Basis> {
    prop_oneof![
        Just(Basis::Stated),
        Just(Basis::Known),
        Just(Basis::Inferred)
    ]
}

proptest! {
    #[test]
    fn lookup_finds_exactly_the_key_asked_for(key in "[a-z0-9-]{0,40}") {
        match bibliography::get(&key) {
            Some(reference) => prop_assert_eq!(reference.key, key.as_str()),
            None => prop_assert!(bibliography::all().iter().all(|r| r.key != key)),
        }
    }

    #[test]
    fn citations_round_trip_through_json(
        index in 0usize..64,
        locator in "\\PC{0,40}",
        basis in basis(),
    ) {
        let all = bibliography::all();
        let key = all[index % all.len()].key;
        let json = serde_json::json!({"ref": key, "locator": locator, "basis": basis});
        let citation: Citation = serde_json::from_value(json.clone()).unwrap();
        prop_assert_eq!(serde_json::to_value(&citation).unwrap(), json);
        prop_assert_eq!(citation.reference().map(|r| r.key), Some(key));
        let label = citation.label();
        prop_assert!(label.starts_with(&citation.reference().unwrap().short_label()));
    }
}

/// The README's line for a work: its author-year label in bold, the full
/// reference, and a link to its primary record when it has one.
fn readme_line(reference: &bibliography::Reference) -> String {
    let mut line = format!("- **{}**: {}", reference.short_label(), reference);
    if let Some(url) = reference.primary_url() {
        line.push_str(&format!(" <{url}>"));
    }
    line
}

/// The works the README's Sources section lists, in its order.
const README_WORKS: &[&str] = &[
    "weissman-2018-guide",
    "weissman-2000-comprehensive-guide",
    "klerman-1984-ipt-depression",
    "markowitz-weissman-2004-world-psychiatry",
    "markowitz-weissman-2012-casebook",
    "markowitz-2016-ptsd",
    "rajhans-2020-ipt-guideline",
    "who-2016-group-ipt",
    "kroenke-2001-phq9",
    "spitzer-2006-gad7",
    "hamilton-1960-hamd",
    "frank-2005-ipsrt",
    "monk-1990-srm",
    "monk-2002-srm5",
    "altman-1997-asrm",
];

#[test]
fn the_readme_lists_its_sources_as_the_bibliography_writes_them() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    let section = readme
        .split("\n## Sources\n")
        .nth(1)
        .expect("a Sources section")
        .split("\n## ")
        .next()
        .unwrap_or_default();
    let listed: Vec<&str> = section.lines().filter(|l| l.starts_with("- ")).collect();
    let expected: Vec<String> = README_WORKS
        .iter()
        .map(|key| readme_line(bibliography::get(key).expect(key)))
        .collect();
    assert_eq!(
        listed,
        expected,
        "the README's Sources section should read:\n{}",
        expected.join("\n")
    );
}

/// Every source the crate ships, by where it is found.
fn shipped_sources() -> Vec<(String, interpersonal::source::Source)> {
    use interpersonal::catalogue::{
        ClassicPhase, DisputeStage, GriefKind, Intervention, PhaseTask, Technique, TransitionKind,
    };
    use interpersonal::course::ReviewAdvisoryCode;
    use interpersonal::goal::GoalTemplate;
    use interpersonal::{Phase, ProblemArea, RuleSet};

    let mut out = Vec::new();
    let mut add = |at: String, source: interpersonal::source::Source| out.push((at, source));
    add(
        "ProblemArea::WHO_NAME_SOURCE".into(),
        ProblemArea::WHO_NAME_SOURCE,
    );
    for area in ProblemArea::iter() {
        add(format!("{area}"), area.source());
        for (what, list) in [
            ("goals", area.goals()),
            ("strategies", area.strategies()),
            ("indicators", area.indicators()),
        ] {
            for (i, entry) in list.iter().enumerate() {
                add(format!("{area} {what}[{i}]"), entry.source.clone());
            }
        }
    }
    for x in DisputeStage::iter() {
        add(format!("dispute stage {x}"), x.source());
    }
    for x in GriefKind::iter() {
        add(format!("grief kind {x}"), x.source());
    }
    for x in TransitionKind::iter() {
        add(format!("transition kind {x}"), x.source());
    }
    for x in ClassicPhase::iter() {
        add(format!("classic phase {x}"), x.source());
    }
    for x in Phase::iter() {
        add(format!("phase {x}"), x.source());
    }
    for x in PhaseTask::iter() {
        add(format!("task {x}"), x.source());
    }
    for x in Technique::iter() {
        add(format!("technique {x}"), x.source());
    }
    for x in Intervention::iter() {
        add(format!("intervention {x}"), x.source());
    }
    for x in ReviewAdvisoryCode::iter() {
        add(format!("review advisory {x}"), x.source());
    }
    for t in GoalTemplate::all() {
        add(format!("goal template {}", t.key()), t.source().clone());
    }
    for x in interpersonal::measure::Instrument::iter() {
        add(format!("instrument {x}"), x.source());
    }
    add(
        "measure::RESPONSE_REMISSION_SOURCE".into(),
        interpersonal::measure::RESPONSE_REMISSION_SOURCE,
    );
    add(
        "measure::IAPT_SOURCE".into(),
        interpersonal::measure::IAPT_SOURCE,
    );
    for x in interpersonal::ipsrt::SrmActivity::ALL {
        add(format!("SRM activity {x}"), x.source());
    }
    for (i, rule) in RuleSet::standard().rules.iter().enumerate() {
        add(format!("$.rules[{i}] {}", rule.id), rule.source.clone());
    }
    out
}

#[test]
fn every_shipped_source_cites_works_of_the_bibliography() {
    let sources = shipped_sources();
    assert!(sources.len() > 150, "{}", sources.len());
    for (at, source) in &sources {
        assert!(!source.cites().is_empty(), "{at} cites nothing");
        for cite in source.cites() {
            assert!(
                cite.reference().is_some(),
                "{at}: `{}` is not in the bibliography",
                cite.key()
            );
            assert!(!cite.locator().contains("http"), "{at}: {}", cite.locator());
        }
    }
}

#[test]
fn the_engine_advisories_cite_works_of_the_bibliography() {
    use interpersonal::{Engine, Inventory, from_json};
    // Onset unknown and suicidal thoughts reported: the warning and the
    // critical advisory; an inventory with no evidence: no focus.
    let inv: Inventory = from_json(
        r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown",
            "safety": {"suicidal_thoughts_reported": true}}"#,
    )
    .unwrap();
    let a = Engine::standard().unwrap().evaluate(&inv);
    assert!(a.advisories.len() >= 2, "{:?}", a.advisories);
    for advisory in &a.advisories {
        assert!(!advisory.source.cites().is_empty(), "{}", advisory.code);
        for cite in advisory.source.cites() {
            assert!(
                cite.reference().is_some(),
                "{}: {}",
                advisory.code,
                cite.key()
            );
        }
    }
}

#[test]
fn every_key_written_in_the_code_is_in_the_bibliography() {
    // `Citation::new("key", …)` anywhere in src/, doc examples included.
    let mut files = Vec::new();
    files_under(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.retain(|path| path.extension().is_some_and(|e| e == "rs"));
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Keys named through a const (`const GUIDE: &str = "…"`) are checked
        // where the const is used, by the tests above.
        for (i, _) in text.match_indices("Citation::new(\"") {
            let rest = &text[i + "Citation::new(\"".len()..];
            let key = &rest[..rest.find('"').unwrap()];
            if key == "no-such-work" || key == "not-a-key" || key.is_empty() {
                continue; // tests of unknown keys
            }
            seen += 1;
            assert!(
                bibliography::get(key).is_some(),
                "{}: `{key}` is not in the bibliography",
                file.display()
            );
        }
    }
    assert!(seen > 20, "{seen}");
}

#[test]
fn assessments_show_citations_with_labels_and_primary_links() {
    use interpersonal::{Assessment, Engine, Inventory, from_json, to_json};
    let inv: Inventory = from_json(
        r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
            "social_context": {"prior_functioning": "lifelong_few_relationships"}}"#,
    )
    .unwrap();
    let a = Engine::standard().unwrap().evaluate(&inv);
    let json: serde_json::Value = serde_json::from_str(&to_json(&a).unwrap()).unwrap();
    let evidence = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|area| area["evidence"].as_array().unwrap())
        .find(|e| e["rule"] == "deficits.lifelong_few_relationships")
        .unwrap();
    assert_eq!(
        evidence["source"]["cites"][0],
        serde_json::json!({
            "ref": "weissman-2018-guide",
            "locator": "ch. \"Interpersonal Deficits\"",
            "basis": "stated",
            "label": "Weissman, Markowitz & Klerman 2018, ch. \"Interpersonal Deficits\""
        })
    );
    assert_eq!(
        evidence["source"]["cites"][1]["link"],
        "https://doi.org/10.1093/med:psych/9780199746903.001.0001"
    );
    // Read back: the labels and links are derived, so the assessment is equal.
    let back: Assessment = from_json(&json.to_string()).unwrap();
    assert_eq!(back, a);
}

fn any_basis() -> impl Strategy<Value = Basis> {
    prop::sample::select(Basis::ALL.to_vec())
}

fn any_source() -> impl Strategy<Value = interpersonal::source::Source> {
    prop::collection::vec(
        (
            prop::sample::select(bibliography::all()),
            "[ -~]{0,20}",
            any_basis(),
        ),
        1..4,
    )
    .prop_map(|cites| {
        interpersonal::source::Source::from_cites(cites.into_iter().map(
            |(work, locator, basis)| {
                let mut cite = Citation::new(work.key, "", basis);
                cite = cite.with_locator(locator);
                cite
            },
        ))
    })
}

proptest! {
    #[test]
    fn sources_round_trip_and_take_the_firmest_basis(source in any_source()) {
        let json = serde_json::to_string(&source).unwrap();
        let back: interpersonal::source::Source = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &source);
        let firmest = source.cites().iter().map(|c| c.basis).min().unwrap();
        prop_assert_eq!(source.basis(), firmest);
        let shown = source.to_string();
        for cite in source.cites() {
            prop_assert!(shown.contains(&cite.label()));
            prop_assert_eq!(cite.link(), cite.reference().unwrap().primary_url());
        }
    }
}

/// The files whose prose cites: the API docs and messages in `src/`, the rule
/// sets, the schemas, the examples, and the crate's documents.
fn citing_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "rules", "schema", "examples"] {
        files_under(&root.join(dir), &mut files);
    }
    files.retain(|path| {
        path.extension()
            .is_some_and(|e| e == "rs" || e == "json" || e == "md")
    });
    for name in ["README.md", "DESIGN.md", "CLINICAL-BASIS.md"] {
        files.push(root.join(name));
    }
    files
}

/// The bracketed citations of a text, `[S: …]`, `[K: …]`, `[I: …]` (also
/// `[S for …: …]`), as (line, basis letter, body). A body may run over several
/// lines of a doc comment; the comment markers are dropped.
fn bracket_citations(text: &str) -> Vec<(usize, char, String)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (start, _) in text.match_indices('[') {
        let Some(&letter) = bytes.get(start + 1) else {
            continue;
        };
        if !matches!(letter, b'S' | b'K' | b'I') {
            continue;
        }
        let head_end = start + 2;
        let colon = match text[head_end..].find([':', ']', '\n']) {
            Some(k) if text.as_bytes()[head_end + k] == b':' => head_end + k,
            _ => continue,
        };
        let head = &text[head_end..colon];
        if !(head.is_empty() || head.starts_with(" for ")) {
            continue;
        }
        let mut depth = 1;
        let mut end = colon + 1;
        while end < bytes.len() && depth > 0 {
            match bytes[end] {
                b'[' => depth += 1,
                b']' => depth -= 1,
                _ => {}
            }
            end += 1;
        }
        let body: String = text[colon + 1..end.saturating_sub(1)]
            .lines()
            .map(|l| {
                l.trim_start()
                    .trim_start_matches("///")
                    .trim_start_matches("//!")
                    .trim_start_matches("//")
                    .trim()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let line = text[..start].matches('\n').count() + 1;
        out.push((line, char::from(letter), body));
    }
    out
}

/// The short names the crate's working notes used for works (and for material
/// whose author is unknown). Shipped text cites bibliography keys or
/// author-year labels instead.
const WORKING_NOTE_NAMES: &[&str] = &[
    "Markowitz-phases",
    "Guide-2018",
    "Comprehensive-2000",
    "Pocket-Guide",
    "Casebook-2012",
    "MW-2004",
    "Stuart-Robertson",
    "WHO-GIPT",
    "Rajhans-2020",
    "Lipsitz-2013",
    "CITC",
    "CEBC",
    "NREPP",
    "mhpss",
    "mhinnovation",
    "NCT05134103",
];

#[test]
fn prose_citations_name_works_of_the_bibliography() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // A work is named by its key in a code span or by its author-year label
    // (with or without the letter that tells apart two works of a year).
    let mut labels: Vec<String> = Vec::new();
    for reference in bibliography::all() {
        let label = reference.short_label();
        let base = label.trim_end_matches(|c: char| c.is_ascii_lowercase());
        labels.push(base.to_owned());
        labels.push(label);
    }
    let mut problems = Vec::new();
    let mut stated = 0;
    for file in citing_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(root).unwrap().display().to_string();
        // A unit test that refuses the old JSON shape of a source names one.
        let text = text.replace(r#"{"label":"Guide-2018","basis":"stated"}"#, "");
        for name in WORKING_NOTE_NAMES {
            for (at, _) in text.match_indices(name) {
                let line = text[..at].matches('\n').count() + 1;
                problems.push(format!("{shown}:{line}: names `{name}`"));
            }
        }
        for (line, basis, body) in bracket_citations(&text) {
            for unattributed in ["slide", "study notes"] {
                if body.contains(unattributed) {
                    problems.push(format!(
                        "{shown}:{line}: cites {unattributed}s, material of unknown authorship"
                    ));
                }
            }
            let keys = bibliography_keys(&body);
            for key in &keys {
                if bibliography::get(key).is_none() {
                    problems.push(format!(
                        "{shown}:{line}: `{key}` is not in the bibliography"
                    ));
                }
            }
            // A stated claim rests on a named work of the bibliography, by
            // key or author-year label (or, for a code, on LOINC's own
            // record); never on material of unknown authorship alone.
            if basis == 'S' {
                stated += 1;
                let names_a_work =
                    !keys.is_empty() || labels.iter().any(|l| body.contains(l.as_str()));
                if !names_a_work && !body.contains("LOINC") {
                    problems.push(format!(
                        "{shown}:{line}: [S: {body}] names no work of the bibliography"
                    ));
                }
            }
        }
    }
    assert!(stated > 50, "{stated} stated citations found");
    assert!(
        problems.is_empty(),
        "{} citations to fix:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_citation_scanner_reads_what_it_should() {
    let found = bracket_citations(
        "/// a [S: `weissman-2018-guide` ch. 8;\n/// `law-2012-complicated-grief`] b \\[S\\]\n\
         [K for the rule: x] [Some text] [I: y [z]] [Sensitive]",
    );
    let bases: Vec<char> = found.iter().map(|(_, b, _)| *b).collect();
    assert_eq!(bases, ['S', 'K', 'I']);
    assert_eq!(
        found[0].2,
        "`weissman-2018-guide` ch. 8; `law-2012-complicated-grief`"
    );
    assert_eq!(
        bibliography_keys(&found[0].2),
        ["weissman-2018-guide", "law-2012-complicated-grief"]
    );
    assert_eq!(found[2].2, "y [z]");
}
