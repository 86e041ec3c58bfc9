//! Small builders for FHIR datatypes shared by the resources.

use chrono::NaiveDate;
use serde_json::{Value, json};

/// The FHIR system URI of LOINC (<https://hl7.org/fhir/R4/loinc.html>).
pub(super) const LOINC: &str = "http://loinc.org";

/// The FHIR system URI of SNOMED CT (<https://hl7.org/fhir/R4/snomedct.html>).
pub(super) const SNOMED_CT: &str = "http://snomed.info/sct";

/// The FHIR system URI of UCUM (<https://hl7.org/fhir/R4/ucum.html>).
pub(super) const UCUM: &str = "http://unitsofmeasure.org";

/// The FHIR R4 observation-category code system.
pub(super) const OBSERVATION_CATEGORY: &str =
    "http://terminology.hl7.org/CodeSystem/observation-category";

/// A `Coding` with a display.
pub(super) fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({"system": system, "code": code, "display": display})
}

/// A `CodeableConcept` of text only, for a concept no code system was
/// confirmed for.
pub(super) fn text_concept(text: &str) -> Value {
    json!({"text": text})
}

/// A FHIR `date` (`YYYY-MM-DD`).
pub(super) fn date(on: NaiveDate) -> Value {
    Value::String(on.format("%Y-%m-%d").to_string())
}

/// A `Reference` to `reference`.
pub(super) fn reference(reference: &str) -> Value {
    json!({"reference": reference})
}

/// A `Coding` without a display.
pub(super) fn code_only(system: &str, code: &str) -> Value {
    json!({"system": system, "code": code})
}

/// LOINC's display of a frequency answer (answer list `LL358-3`).
pub(super) fn answer_display(answer: crate::measure::FrequencyResponse) -> &'static str {
    use crate::measure::FrequencyResponse::*;
    match answer {
        NotAtAll => "Not at all",
        SeveralDays => "Several days",
        MoreThanHalfTheDays => "More than half the days",
        NearlyEveryDay => "Nearly every day",
    }
}

/// The answer coding of a score 0–3, or `None` outside the scale.
pub(super) fn answer_coding(score: u8) -> Option<Value> {
    crate::measure::FrequencyResponse::from_score(score)
        .map(|a| coding(LOINC, a.loinc_answer_code(), answer_display(a)))
}

/// LOINC's display of a difficulty answer (answer list `LL359-1`).
pub(super) fn difficulty_display(answer: crate::measure::Difficulty) -> &'static str {
    use crate::measure::Difficulty::*;
    match answer {
        NotDifficultAtAll => "Not difficult at all",
        SomewhatDifficult => "Somewhat difficult",
        VeryDifficult => "Very difficult",
        ExtremelyDifficult => "Extremely difficult",
    }
}

/// The answer coding of a difficulty answer.
pub(super) fn difficulty_coding(answer: crate::measure::Difficulty) -> Value {
    coding(
        LOINC,
        answer.loinc_answer_code(),
        difficulty_display(answer),
    )
}
