//! The bibliography through the public API: listing, lookup, labels, links,
//! and citations in JSON.

use interpersonal::bibliography::{self, Citation, ReferenceKind};
use interpersonal::source::Basis;
use proptest::prelude::*;

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
];

#[test]
fn the_readme_lists_its_sources_as_the_bibliography_writes_them() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
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
