//! A scored PHQ-9 or GAD-7 as a FHIR R4 `Observation` of its total.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::coding::{
    LOINC, OBSERVATION_CATEGORY, UCUM, answer_coding, code_only, coding, date, difficulty_coding,
    reference,
};
use super::{FhirInstrument, SubjectReference};
use crate::measure::{DIFFICULTY_LOINC, InstrumentScore};

/// The total of one PHQ-9 or GAD-7 administration as a FHIR R4 `Observation`
/// (<https://hl7.org/fhir/R4/observation.html>).
///
/// - `status` `final`; `category` `survey` (FHIR's observation-category
///   code system);
/// - `code`: the LOINC total score, `44261-6` (PHQ-9) or `70274-6` (GAD-7);
/// - `subject`: the caller's reference; `effectiveDateTime`: the date of the
///   administration;
/// - `valueQuantity`: the total, unit `{score}` (UCUM, the example unit
///   LOINC gives for both totals);
/// - one `component` per answered question, in the form's order: its LOINC
///   question code and its LOINC answer as a `valueCodeableConcept`; then,
///   when the difficulty question was answered, a component with code
///   `69722-7` and its answer from LOINC's answer list `LL359-1`;
/// - when the total was pro-rated from fewer answers, a `note` saying from how
///   many.
///
/// The panel code names the form in the
/// [`questionnaire_response`](super::questionnaire_response)'s
/// `questionnaire`.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{fhir, Phq9Score};
///
/// let phq9 = Phq9Score::from_scores([3, 3, 2, 2, 2, 2, 2, 2, 1]).unwrap();
/// let subject = fhir::SubjectReference::new("Patient/p1")?;
/// let obs = fhir::observation(&phq9, &subject, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// assert_eq!(obs["code"]["coding"][0]["code"], "44261-6");
/// assert_eq!(obs["valueQuantity"]["value"], 19);
/// assert_eq!(obs["effectiveDateTime"], "2026-03-02");
/// assert_eq!(obs["component"][8]["code"]["coding"][0]["code"], "44260-8");
/// # Ok::<(), interpersonal::fhir::FhirError>(())
/// ```
pub fn observation<I: FhirInstrument>(
    score: &InstrumentScore<I>,
    subject: &SubjectReference,
    effective: NaiveDate,
) -> Value {
    let mut components: Vec<Value> = I::ALL
        .iter()
        .filter_map(|&item| {
            let answer = score.item(item).and_then(answer_coding)?;
            Some(json!({
                "code": {"coding": [code_only(LOINC, item.item_loinc())]},
                "valueCodeableConcept": {"coding": [answer]},
            }))
        })
        .collect();
    if let Some(difficulty) = score.difficulty() {
        components.push(json!({
            "code": {"coding": [code_only(LOINC, DIFFICULTY_LOINC)]},
            "valueCodeableConcept": {"coding": [difficulty_coding(difficulty)]},
        }));
    }
    let mut obs = json!({
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [coding(OBSERVATION_CATEGORY, "survey", "Survey")]}],
        "code": {
            "coding": [coding(LOINC, I::TOTAL_LOINC, I::TOTAL_DISPLAY)],
            "text": format!("{} total score", I::INSTRUMENT.label()),
        },
        "subject": reference(subject.as_str()),
        "effectiveDateTime": date(effective),
        "valueQuantity": {
            "value": score.total(),
            "unit": "{score}",
            "system": UCUM,
            "code": "{score}",
        },
        "component": components,
    });
    if score.is_prorated() {
        let answered = I::ALL.len() - score.unanswered_items().len();
        if let Some(map) = obs.as_object_mut() {
            map.insert(
                "note".into(),
                json!([{"text": format!(
                    "Total pro-rated from {answered} of {} answered items.",
                    I::ALL.len()
                )}]),
            );
        }
    }
    obs
}
