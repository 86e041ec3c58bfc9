//! Malformed inventory JSON: every kind of bad input gets a [`JsonError`] that
//! names its path, never a panic, a stack overflow or a leak of patient text.

use interpersonal::strategy;
use interpersonal::{Inventory, JsonError, error::from_json_reader, from_json};
use proptest::prelude::*;

/// Patient text placed in every label; no error may show it.
const SENTINEL: &str = "SENTINEL-xyz";

const HEAD: &str = r#""schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01""#;

/// An inventory document: the head fields, then `rest` (which starts with a
/// comma when not empty).
fn doc(rest: &str) -> String {
    format!("{{{HEAD}{rest}}}")
}

/// A document with one person, whose fields after the required ones are
/// `extra` (starting with a comma).
fn with_person(extra: &str) -> String {
    doc(&format!(
        r#", "people": [{{"id": "p1", "label": "{SENTINEL}", "relationship": "friend"{extra}}}]"#
    ))
}

/// A document with one person, one event whose fields after the required ones
/// are `extra`.
fn with_event(extra: &str) -> String {
    doc(&format!(
        r#", "people": [{{"id": "p1", "label": "{SENTINEL}", "relationship": "friend"}}],
           "events": [{{"id": "e1", "kind": "other"{extra}}}]"#
    ))
}

/// Reads `json`, which must fail, and checks that the error never shows the
/// sentinel.
fn error(json: &str) -> JsonError {
    let err = from_json::<Inventory>(json).expect_err("the document should be refused");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(SENTINEL), "{shown}");
    assert!(err.path.as_str().starts_with('$'), "{shown}");
    err
}

/// Checks each `(document, path, part of the message)`.
fn check(cases: &[(String, &str, &str)]) {
    for (json, path, message) in cases {
        let err = error(json);
        let start: String = json.chars().take(300).collect();
        assert_eq!(err.path.as_str(), *path, "{start}\n{err}");
        assert!(err.message.contains(message), "{start}\n{err}");
    }
}

#[test]
fn the_base_documents_are_valid() {
    for json in [doc(""), with_person(""), with_event("")] {
        let inventory: Inventory = from_json(&json).unwrap();
        assert_eq!(inventory.validate(), Ok(()));
    }
}

#[test]
fn wrong_types_at_every_depth() {
    check(&[
        (
            doc("").replace("\"schema_version\": 1", "\"schema_version\": \"1\""),
            "$.schema_version",
            "invalid type: string (value hidden), expected u32",
        ),
        (
            doc("").replace("\"schema_version\": 1", "\"schema_version\": -1"),
            "$.schema_version",
            "invalid value: integer `-1`, expected u32",
        ),
        (
            doc("").replace("\"schema_version\": 1", "\"schema_version\": 1e400"),
            "$.schema_version",
            "number out of range",
        ),
        (doc(r#", "people": {}"#), "$.people", "expected a sequence"),
        (
            doc(r#", "people": null"#),
            "$.people",
            "expected a sequence",
        ),
        (
            doc(r#", "people": [5]"#),
            "$.people[0]",
            "invalid type: integer `5`",
        ),
        (
            with_person("").replace(&format!("\"{SENTINEL}\""), "5"),
            "$.people[0].label",
            "expected a string",
        ),
        (
            with_person(r#", "confidant": "yes""#),
            "$.people[0].confidant",
            "expected a boolean",
        ),
        (
            with_person(r#", "shared_activities": "walks""#),
            "$.people[0].shared_activities",
            "expected a sequence",
        ),
        (
            with_person(r#", "feelings": ["ok", 1]"#),
            "$.people[0].feelings[1]",
            "expected a string",
        ),
        (
            with_person(r#", "expectations": {"met": 1}"#),
            "$.people[0].expectations.met",
            "expected value",
        ),
        (
            with_person(r#", "expectations": {"met": "met", "patient_expects": ["x"]}"#),
            "$.people[0].expectations.patient_expects",
            "expected a string",
        ),
        // serde_json says only "expected value" for an enum given a non-string.
        (
            with_person(r#", "conflict": {"level": ["high"]}"#),
            "$.people[0].conflict.level",
            "expected value",
        ),
        (
            with_person(r#", "conflict": {"level": "high", "topic": {"x": 1}}"#),
            "$.people[0].conflict.topic",
            "invalid type: map",
        ),
        (
            with_person(r#", "status": {"deceased": {"date": 2025}}"#),
            "$.people[0].status.deceased.date",
            "invalid type: integer `2025`",
        ),
        (
            with_person(r#", "status": {"deceased": "2025-11"}"#),
            "$.people[0].status.deceased",
            "invalid type: string (value hidden)",
        ),
        (
            with_person(r#", "status": 3"#),
            "$.people[0].status",
            "expected `living`, `estranged`, or an object with one key",
        ),
        (
            with_event(r#", "grief_signs": "avoided_mourning""#),
            "$.events[0].grief_signs",
            "expected a sequence",
        ),
        (
            with_event(r#", "linked_to_onset": "yes""#),
            "$.events[0].linked_to_onset",
            "expected a boolean",
        ),
        (
            with_event(r#", "person": 7"#),
            "$.events[0].person",
            "invalid type: integer `7`",
        ),
        (
            with_event(r#", "notes": false"#),
            "$.events[0].notes",
            "invalid type: boolean `false`",
        ),
        (
            doc(r#", "social_context": {"confidants": -1}"#),
            "$.social_context.confidants",
            "invalid value: integer `-1`",
        ),
        (
            doc(r#", "social_context": {"confidants": 1.5}"#),
            "$.social_context.confidants",
            "invalid type: floating point `1.5`",
        ),
        (
            doc(r#", "safety": {"suicidal_thoughts_reported": "yes"}"#),
            "$.safety.suicidal_thoughts_reported",
            "expected a boolean",
        ),
        ("5".to_owned(), "$", "invalid type: integer `5`"),
        ("null".to_owned(), "$", "invalid type: null"),
        (
            format!("\"{SENTINEL}\""),
            "$",
            "invalid type: string (value hidden)",
        ),
        ("[]".to_owned(), "$", "invalid length 0"),
    ]);
}

#[test]
fn unknown_fields_at_every_level() {
    check(&[
        (doc(r#", "extra": 1"#), "$", "unknown field (name hidden)"),
        (
            with_person(r#", "age": 40"#),
            "$.people[0]",
            "unknown field (name hidden",
        ),
        (
            with_person(r#", "expectations": {"met": "met", "fair": true}"#),
            "$.people[0].expectations",
            "unknown field (name hidden",
        ),
        (
            with_person(r#", "conflict": {"level": "low", "how_often": "weekly"}"#),
            "$.people[0].conflict",
            "unknown field (name hidden",
        ),
        (
            with_person(r#", "status": {"deceased": {"date": "2025-11", "cause": "x"}}"#),
            "$.people[0].status.deceased",
            "unknown field (name hidden",
        ),
        (
            with_event(r#", "place": "home""#),
            "$.events[0]",
            "unknown field (name hidden",
        ),
        (
            doc(r#", "social_context": {"pets": 2}"#),
            "$.social_context",
            "unknown field (name hidden",
        ),
        (
            doc(r#", "safety": {"plan": true}"#),
            "$.safety",
            "unknown field (name hidden",
        ),
        // A misspelt field is unknown, not silently dropped; the near field
        // is offered, the key itself is not shown.
        (
            with_person(r#", "satisfaction": ["x"]"#),
            "$.people[0]",
            "unknown field (name hidden; did you mean `satisfactions`?)",
        ),
    ]);
}

#[test]
fn missing_and_duplicate_fields() {
    check(&[
        (
            r#"{"schema_version": 1, "assessed_on": "2026-03-02"}"#.to_owned(),
            "$",
            "missing field `onset`",
        ),
        (
            doc(r#", "people": [{"id": "p1", "relationship": "friend"}]"#),
            "$.people[0]",
            "missing field `label`",
        ),
        (
            with_person(r#", "expectations": {"patient_expects": "x"}"#),
            "$.people[0].expectations",
            "missing field `met`",
        ),
        (
            with_person(r#", "conflict": {}"#),
            "$.people[0].conflict",
            "missing field `level`",
        ),
        (
            doc(r#", "events": [{"id": "e1"}]"#),
            "$.events[0]",
            "missing field `kind`",
        ),
        (
            with_person(r#", "label": "again""#),
            "$.people[0]",
            "duplicate field `label`",
        ),
    ]);
}

#[test]
fn bad_dates() {
    let head = |assessed: &str, onset: &str| {
        format!(r#"{{"schema_version": 1, "assessed_on": "{assessed}", "onset": "{onset}"}}"#)
    };
    check(&[
        (head("2026-02-30", "2026-01"), "$.assessed_on", ""),
        (head("2026-13-01", "2026-01"), "$.assessed_on", ""),
        (head("2026-13", "2026-01"), "$.assessed_on", ""),
        (head("2026-03", "2026-01"), "$.assessed_on", ""),
        (head("", "2026-01"), "$.assessed_on", ""),
        (
            head("2026-03-02", "2026-02-30"),
            "$.onset",
            "invalid date: expected YYYY-MM-DD or YYYY-MM",
        ),
        (head("2026-03-02", "2026-13"), "$.onset", "invalid date"),
        (head("2026-03-02", "March"), "$.onset", "invalid date"),
        (head("2026-03-02", "Unknown"), "$.onset", "invalid date"),
        (head("2026-03-02", "2026-1"), "$.onset", "invalid date"),
        (
            with_event(r#", "date": "2025-02-29""#),
            "$.events[0].date",
            "invalid date",
        ),
        (
            with_event(r#", "date": "2025-00""#),
            "$.events[0].date",
            "invalid date",
        ),
        (
            with_event(r#", "date": "unknown""#),
            "$.events[0].date",
            "invalid date",
        ),
        (
            with_person(r#", "status": {"deceased": {"date": "2025-13"}}"#),
            "$.people[0].status.deceased.date",
            "invalid date",
        ),
    ]);
}

#[test]
fn bad_ids() {
    let long = "x".repeat(65);
    check(&[
        (
            doc(r#", "people": [{"id": "has space", "label": "a", "relationship": "friend"}]"#),
            "$.people[0].id",
            "invalid id",
        ),
        (
            doc(r#", "people": [{"id": "", "label": "a", "relationship": "friend"}]"#),
            "$.people[0].id",
            "invalid id",
        ),
        (
            doc(&format!(
                r#", "people": [{{"id": "{long}", "label": "a", "relationship": "friend"}}]"#
            )),
            "$.people[0].id",
            "invalid id",
        ),
        (
            doc(r#", "events": [{"id": "ü", "kind": "other"}]"#),
            "$.events[0].id",
            "invalid id",
        ),
        (
            with_event(r#", "person": "has space""#),
            "$.events[0].person",
            "invalid id",
        ),
        (
            with_event(r#", "person": """#),
            "$.events[0].person",
            "invalid id",
        ),
    ]);
}

#[test]
fn bad_enum_values() {
    check(&[
        (
            with_person("").replace("\"friend\"", "\"husband\""),
            "$.people[0].relationship",
            "expected one of `partner`",
        ),
        (
            with_person(r#", "closeness": "close""#),
            "$.people[0].closeness",
            "expected one of `inner`",
        ),
        (
            with_person(r#", "contact": "often""#),
            "$.people[0].contact",
            "expected one of `daily`",
        ),
        (
            with_person(r#", "status": "dead""#),
            "$.people[0].status",
            "expected one of `living`, `deceased`, `estranged`",
        ),
        (
            with_person(r#", "expectations": {"met": "yes"}"#),
            "$.people[0].expectations.met",
            "expected one of `met`",
        ),
        (
            with_person(r#", "conflict": {"level": "extreme"}"#),
            "$.people[0].conflict.level",
            "expected one of `none`",
        ),
        (
            with_person(r#", "conflict": {"level": "low", "visibility": "hidden"}"#),
            "$.people[0].conflict.visibility",
            "expected `overt` or `covert`",
        ),
        (
            with_person(r#", "conflict": {"level": "low", "course": "done"}"#),
            "$.people[0].conflict.course",
            "expected one of `negotiating`",
        ),
        (
            with_person(r#", "conflict": {"level": "low", "began": "later"}"#),
            "$.people[0].conflict.began",
            "expected `before_onset` or `after_onset`",
        ),
        (
            with_person(r#", "change_around_onset": "different""#),
            "$.people[0].change_around_onset",
            "expected one of `new`",
        ),
        (
            with_event("").replace("\"other\"", "\"funeral\""),
            "$.events[0].kind",
            "expected one of `death`",
        ),
        (
            with_event(r#", "grief_signs": ["sad"]"#),
            "$.events[0].grief_signs[0]",
            "expected one of `avoided_mourning`",
        ),
        (
            doc(r#", "social_context": {"prior_functioning": "good"}"#),
            "$.social_context.prior_functioning",
            "expected one of `lifelong_few_relationships`",
        ),
        // Enum tags are case-sensitive snake_case.
        (
            with_person("").replace("\"friend\"", "\"Friend\""),
            "$.people[0].relationship",
            "unknown variant",
        ),
    ]);
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!("{}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // Nesting deeper than MAX_JSON_DEPTH is refused before serde reads it,
    // at the path of the first value too deep.
    let deep = nested("[", "]", 10_000);
    let limit = interpersonal::error::MAX_JSON_DEPTH;
    let cases = [
        (
            with_person(&format!(r#", "notes": {deep}"#)),
            format!("$.people[0].notes{}", "[0]".repeat(limit - 3)),
        ),
        (
            doc(&format!(r#", "people": {deep}"#)),
            format!("$.people{}", "[0]".repeat(limit - 1)),
        ),
        (deep.clone(), "$".to_owned() + &"[0]".repeat(limit)),
        (
            nested(r#"{"a":"#, "}", 10_000),
            "$".to_owned() + &".a".repeat(limit),
        ),
        (
            with_person(&format!(
                r#", "status": {}"#,
                nested(r#"{"deceased":"#, "}", 10_000)
            )),
            format!("$.people[0].status{}", ".deceased".repeat(limit - 3)),
        ),
    ];
    for (json, path) in cases {
        let err = error(&json);
        assert_eq!(err.path.as_str(), path, "{err}");
        assert!(err.message.contains("nested at most"), "{err}");
    }
    // Where a value of any shape is read, the same limit holds.
    let err = from_json::<serde_json::Value>(&deep).unwrap_err();
    assert!(err.message.contains("nested at most"), "{err}");
}

#[test]
fn an_inventory_too_deep_is_refused_as_any_document_too_deep_is() {
    // An inventory is read before its depth is checked (its types cannot
    // nest), and checked only when that reading fails: the error must be
    // the one the check before reading gives for a value of any shape.
    let limit = interpersonal::error::MAX_JSON_DEPTH;
    let full = full_document();
    let mut cases = Vec::new();
    for depth in [limit + 1, limit + 2, 128, 129, 1_000] {
        let arrays = nested("[", "]", depth);
        let objects = nested(r#"{"deceased":"#, "}", depth);
        cases.extend([
            arrays.clone(),
            format!("{full}{arrays}"),
            format!("{full} {objects}"),
            with_person(&format!(r#", "unknown": {arrays}"#)),
            with_person(&format!(r#", "status": {objects}"#)),
            with_person(&format!(r#", "status": {{"living": null, "x": {arrays}}}"#)),
            with_event(&format!(r#", "notes": {arrays}"#)),
            doc(&format!(r#", "people": [{arrays}]"#)),
            doc(&format!(r#", "events": [{{}}, {arrays}"#)),
            // Unclosed, and text that looks deep.
            arrays.replace(']', ""),
            with_person(&format!(r#", "notes": "{arrays}", "x": {arrays}"#)),
        ]);
    }
    for json in cases {
        let as_inventory = from_json::<Inventory>(&json).unwrap_err();
        let as_value = from_json::<serde_json::Value>(&json).unwrap_err();
        assert!(as_value.message.contains("nested at most"), "{as_value}");
        assert_eq!(as_inventory, as_value);
    }
    // Text that only looks deep is not.
    let arrays = nested("[", "]", 1_000);
    let json = with_person(&format!(r#", "notes": "{arrays}""#));
    assert!(from_json::<Inventory>(&json).is_ok());
}

#[test]
fn huge_arrays_parse_or_fail_cleanly() {
    // 100 000 people of valid shape: read, and valid.
    let people: Vec<String> = (0..100_000)
        .map(|i| format!(r#"{{"id": "p{i}", "label": "{SENTINEL}", "relationship": "friend"}}"#))
        .collect();
    let json = doc(&format!(r#", "people": [{}]"#, people.join(",")));
    let inventory: Inventory = from_json(&json).unwrap();
    assert_eq!(inventory.people.len(), 100_000);
    assert_eq!(inventory.validate(), Ok(()));

    // A million numbers where text or people belong: refused at the first.
    let numbers = vec!["0"; 1_000_000].join(",");
    check(&[
        (
            with_person(&format!(r#", "shared_activities": [{numbers}]"#)),
            "$.people[0].shared_activities[0]",
            "expected a string",
        ),
        (
            doc(&format!(r#", "people": [{numbers}]"#)),
            "$.people[0]",
            "invalid type: integer `0`",
        ),
        (
            with_person(&format!(r#", "notes": [{numbers}]"#)),
            "$.people[0].notes",
            "invalid type: sequence",
        ),
    ]);
}

/// A document using every field, for the truncation and mutation tests.
fn full_document() -> String {
    with_event(r#", "date": "2025-11", "person": "p1", "linked_to_onset": true, "notes": "x""#)
        .replace(
            r#""relationship": "friend""#,
            r#""relationship": "parent", "closeness": "inner", "status": {"deceased": {"date": "2025-11"}},
               "expectations": {"patient_expects": "a", "met": "partly_met"},
               "conflict": {"level": "low", "visibility": "covert", "course": "stalled", "began": "before_onset"},
               "satisfactions": ["b"]"#,
        )
        .replace(r#"}]}"#, r#"}], "social_context": {"confidants": 2}, "safety": {"suicidal_thoughts_reported": false}}"#)
}

#[test]
fn every_truncation_is_an_error() {
    let json = full_document();
    let full: Inventory = from_json(&json).unwrap();
    assert_eq!(full.social_context.confidants, Some(2));
    for (cut, _) in json.char_indices().skip(1) {
        let err = error(&json[..cut]);
        assert!(err.line >= 1, "{err}");
    }
    assert!(error("").message.contains("EOF while parsing a value"));
    assert!(error(" \n\t").message.contains("EOF"));
}

#[test]
fn trailing_garbage_is_an_error_and_trailing_space_is_not() {
    let json = full_document();
    for tail in [
        " x",
        "{}",
        ",",
        "]",
        " null",
        "\u{0}",
        &format!(" \"{SENTINEL}\""),
    ] {
        let err = error(&format!("{json}{tail}"));
        assert_eq!(err.path.as_str(), "$", "{tail:?}");
        assert_eq!(err.message, "trailing characters", "{tail:?}");
    }
    assert!(from_json::<Inventory>(&format!("{json} \n\t ")).is_ok());
}

#[test]
fn other_malformed_text() {
    let json = full_document();
    // A byte-order mark, a lone surrogate, a control character in a string,
    // a comment, single quotes.
    for bad in [
        format!("\u{feff}{json}"),
        json.replace(&format!("\"{SENTINEL}\""), "\"\\ud800\""),
        json.replace(SENTINEL, "tab\there"),
        format!("// comment\n{json}"),
        json.replace("\"p1\"", "'p1'"),
    ] {
        error(&bad);
    }
    // Bytes that are not UTF-8, through a reader.
    let mut bytes = json.clone().into_bytes();
    let at = json.find(SENTINEL).unwrap();
    bytes[at] = 0xff;
    let err = from_json_reader::<Inventory, _>(&bytes[..]).unwrap_err();
    assert!(!format!("{err:?}").contains(SENTINEL));
}

/// serde quotes an unknown enum tag in its message, so patient text typed into
/// an enum field would show in the error; `JsonError` hides it as it hides
/// other string values, also when the text holds an escaped quote or a
/// backtick, and an unknown key that is not schema-like is hidden in the path.
#[test]
fn patient_text_in_an_enum_field_is_not_quoted() {
    for json in [
        with_person("").replace("\"friend\"", &format!("\"{SENTINEL}\"")),
        with_person(&format!(r#", "status": "{SENTINEL}""#)),
        with_event("").replace("\"other\"", &format!("\"{SENTINEL}\"")),
        with_person("").replace("\"friend\"", &format!("\"{SENTINEL}` x\"")),
        with_person(&format!(r#", "closeness": ["a \" {SENTINEL}"]"#)),
        with_person(&format!(r#", "{SENTINEL} Lopez": 1"#)),
    ] {
        error(&json);
    }
}

/// serde lets a struct be written as an array of its field values, so
/// `"social_context": []` reads as an empty context and
/// `"people": [["p1", "Ann", "friend"]]` as a person. That is not the
/// documented shape; refusing it needs a change in `from_json`
/// (`src/error.rs`), not in the types.
#[test]
#[ignore = "from_json does not yet refuse structs written as arrays"]
fn structs_written_as_arrays_are_refused() {
    check(&[
        (doc(r#", "social_context": []"#), "$.social_context", ""),
        (doc(r#", "safety": [true]"#), "$.safety", ""),
        (
            doc(r#", "people": [["p1", "Ann", "friend"]]"#),
            "$.people[0]",
            "",
        ),
        (r#"[1, "2026-03-02", "unknown"]"#.to_owned(), "$", ""),
    ]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = from_json::<Inventory>(&text);
    }

    #[test]
    fn arbitrary_json_like_text_never_panics(text in r#"[\[\]{}":,0-9a-z_\- ]{0,200}"#) {
        if let Err(err) = from_json::<Inventory>(&text) {
            prop_assert!(err.path.as_str().starts_with('$'));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = from_json_reader::<Inventory, _>(&bytes[..]);
        let _ = from_json::<Inventory>(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn edited_valid_documents_never_panic(
        inventory in strategy::inventory(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 1..4),
    ) {
        let mut text: Vec<char> = serde_json::to_string(&inventory).unwrap().chars().collect();
        for (at, c, op) in edits {
            let i = at.index(text.len() + 1);
            match op {
                0 => text.insert(i, c),
                1 if i < text.len() => { text.remove(i); }
                _ if i < text.len() => text[i] = c,
                _ => text.push(c),
            }
        }
        let text: String = text.into_iter().collect();
        if let Ok(parsed) = from_json::<Inventory>(&text) {
            // Whatever parses can be validated without panicking.
            let _ = parsed.validate();
        }
    }
}

#[test]
fn a_bad_id_or_date_says_where_it_is() {
    // The value's own place in the text, not only its path: ids and dates are
    // checked while they are read.
    let bad_id =
        doc(r#", "people": [{"id": "has space", "label": "x", "relationship": "friend"}]"#);
    let err = error(&bad_id);
    assert_eq!(err.path.as_str(), "$.people[0].id");
    assert_eq!(err.line, 1);
    let at = bad_id.find("has space").unwrap();
    assert!(
        err.column > at && err.column <= at + "has space".len() + 2,
        "{err:?}"
    );
    assert!(
        err.message.starts_with("invalid id: expected"),
        "{}",
        err.message
    );

    let bad_date = with_event(r#", "date": "2026-02-30""#);
    let err = error(&bad_date);
    assert!(err.path.as_str().ends_with(".date"), "{}", err.path);
    assert!(err.line >= 1, "{err:?}");
    assert_eq!(err.message, "invalid date: expected YYYY-MM-DD or YYYY-MM");
}
