//! A scored PHQ-9 or GAD-7 as a FHIR R4 `QuestionnaireResponse`.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::coding::{answer_coding, date, difficulty_coding, reference};
use super::{FhirInstrument, SubjectReference};
use crate::measure::{DIFFICULTY_LOINC, InstrumentScore};

/// One administration of a PHQ-9 or GAD-7 as a FHIR R4 `QuestionnaireResponse`
/// (<https://hl7.org/fhir/R4/questionnaireresponse.html>).
///
/// - `questionnaire`: LOINC's questionnaire for the panel,
///   `http://loinc.org/q/44249-1` (PHQ-9) or `http://loinc.org/q/69737-5` (GAD-7);
/// - `status`: `completed`; `subject`: the caller's reference; `authored`: the
///   date the form was completed;
/// - one `item` per answered question, in the form's order, its `linkId` the
///   question's LOINC code and its one answer a `valueCoding` from LOINC's
///   answer list (`LA6568-5` Not at all … `LA6571-9` Nearly every day). A
///   question left unanswered (the score was pro-rated) has no item;
/// - last, when the difficulty question was answered
///   ([`InstrumentScore::difficulty`]), an item with `linkId`
///   [`DIFFICULTY_LOINC`] (`69722-7`) and its answer from LOINC's answer list
///   `LL359-1` (`LA6572-7` Not difficult at all … `LA6574-3` Extremely
///   difficult).
///
/// No question wording, no total (see [`observation`](super::observation)) and
/// no patient text.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{fhir, Gad7Score};
///
/// let gad7 = Gad7Score::from_scores([0, 1, 2, 3, 0, 0, 0]).unwrap();
/// let subject = fhir::SubjectReference::new("Patient/p1")?;
/// let qr = fhir::questionnaire_response(&gad7, &subject, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// assert_eq!(qr["resourceType"], "QuestionnaireResponse");
/// assert_eq!(qr["subject"]["reference"], "Patient/p1");
/// assert_eq!(qr["item"][3]["linkId"], "69734-2");
/// assert_eq!(qr["item"][3]["answer"][0]["valueCoding"]["code"], "LA6571-9");
///
/// // The difficulty question, when answered, is the last item.
/// use interpersonal::measure::{Difficulty, Gad7Answers, ScoringOptions};
/// let answers = Gad7Answers::from_scores([1; 7]).with_difficulty(Difficulty::VeryDifficult);
/// let gad7 = Gad7Score::from_answers(&answers, &ScoringOptions::default()).unwrap();
/// let qr = fhir::questionnaire_response(&gad7, &subject, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// assert_eq!(qr["item"][7]["linkId"], "69722-7");
/// assert_eq!(qr["item"][7]["answer"][0]["valueCoding"]["code"], "LA6575-0");
/// # Ok::<(), interpersonal::fhir::FhirError>(())
/// ```
pub fn questionnaire_response<I: FhirInstrument>(
    score: &InstrumentScore<I>,
    subject: &SubjectReference,
    authored: NaiveDate,
) -> Value {
    let mut items: Vec<Value> = I::ALL
        .iter()
        .filter_map(|&item| {
            let answer = score.item(item).and_then(answer_coding)?;
            Some(json!({
                "linkId": item.item_loinc(),
                "answer": [{"valueCoding": answer}],
            }))
        })
        .collect();
    if let Some(difficulty) = score.difficulty() {
        items.push(json!({
            "linkId": DIFFICULTY_LOINC,
            "answer": [{"valueCoding": difficulty_coding(difficulty)}],
        }));
    }
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": I::questionnaire(),
        "status": "completed",
        "subject": reference(subject.as_str()),
        "authored": date(authored),
        "item": items,
    })
}
