//! One date reader for every date field (issue 10, point 5): `assessed_on`,
//! `starts_on`, `agreement.on` and every other day read from JSON follow the
//! rules of `PartialDate` and the schemas (four-digit year, zero-padded
//! `YYYY-MM-DD`, no sign, no spaces, a day that exists), with one message.

use interpersonal::{course::*, date::*, error::*, inventory::*};
use serde_json::{Value, json};

/// Day texts that chrono's own reader accepts or words badly, and that the
/// schema refuses.
const BAD: [&str; 14] = [
    "2025-1-01",
    "2025-01-1",
    "+2025-01-01",
    "-0001-01-01",
    " 2025-01-01",
    "2025-01-01 ",
    "12025-01-01",
    "+262142-01-01",
    "2025-02-30",
    "2025-13-01",
    "2025/01/01",
    "2025-01",
    "",
    "٢٠٢٥-٠١-٠١",
];

fn check<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    doc: &Value,
    set: &dyn Fn(&mut Value, &str),
    path: &str,
) {
    let good: T = from_json(&doc.to_string()).unwrap();
    let _ = good;
    for bad in BAD {
        let mut doc = doc.clone();
        set(&mut doc, bad);
        let err = from_json::<T>(&doc.to_string()).unwrap_err();
        assert_eq!(err.path.as_str(), path, "{bad:?}: {err}");
        assert_eq!(
            err.message, "invalid date: expected YYYY-MM-DD",
            "{bad:?}: {err}"
        );
        if !bad.trim().is_empty() {
            assert!(!err.to_string().contains(bad.trim()), "{err}");
        }
    }
}

#[test]
fn assessed_on_is_read_as_every_date() {
    let doc = json!({"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01"});
    check::<Inventory>(&doc, &|d, s| d["assessed_on"] = json!(s), "$.assessed_on");
}

#[test]
fn contract_dates_are_read_as_every_date() {
    let doc = json!({"modality": "standard_ipt", "sessions": 12, "cadence": "weekly",
        "starts_on": "2026-03-02", "focus": ["grief"],
        "agreement": {"on": "2026-03-02"}});
    check::<TreatmentContract>(&doc, &|d, s| d["starts_on"] = json!(s), "$.starts_on");
    check::<TreatmentContract>(
        &doc,
        &|d, s| d["agreement"]["on"] = json!(s),
        "$.agreement.on",
    );
}

#[test]
fn course_dates_are_read_as_every_date() {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let contract = TreatmentContract::builder(start, [interpersonal::ProblemArea::Grief])
        .build()
        .unwrap();
    let course = Course::new(contract, Vec::new()).unwrap();
    let doc = serde_json::to_value(&course).unwrap();
    check::<Course>(
        &doc,
        &|d, s| d["schedule"]["sessions"][2]["date"] = json!(s),
        "$.schedule.sessions[2].date",
    );
    check::<Course>(
        &doc,
        &|d, s| d["contract"]["starts_on"] = json!(s),
        "$.contract.starts_on",
    );
}

#[test]
fn partial_dates_follow_the_same_rules() {
    for bad in BAD {
        if bad != "2025-01" {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?}");
        }
    }
    let err = from_json::<Inventory>(
        &json!({"schema_version": 1, "assessed_on": "2026-03-02", "onset": "+2026-01"}).to_string(),
    )
    .unwrap_err();
    assert_eq!(err.message, "invalid date: expected YYYY-MM-DD or YYYY-MM");
}

#[test]
fn a_date_that_cannot_be_read_back_is_not_written() {
    let far = chrono::NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
    let inventory = Inventory::new(far, EpisodeOnset::Unknown);
    let err = serde_json::to_string(&inventory).unwrap_err();
    assert!(err.to_string().contains("four-digit year"), "{err}");
    let near = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let json = serde_json::to_string(&Inventory::new(near, EpisodeOnset::Unknown)).unwrap();
    assert_eq!(from_json::<Inventory>(&json).unwrap().assessed_on, near);
}
