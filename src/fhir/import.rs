//! A PHQ-9 or GAD-7 `QuestionnaireResponse` read back into item answers.

use serde_json::Value;

use super::FhirInstrument;
use super::coding::LOINC;
use super::error::{FhirError, FhirProblem};
use crate::measure::{DIFFICULTY_LOINC, Difficulty, FrequencyResponse, ItemAnswers};

/// What an import does with a question the response does not answer.
///
/// ```
/// use interpersonal::fhir::Unanswered;
/// assert_ne!(Unanswered::Reject, Unanswered::Keep);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unanswered {
    /// A problem at `QuestionnaireResponse.item` naming the question's LOINC
    /// code.
    Reject,
    /// Left unanswered in the answers; scoring then decides, by its
    /// [`MissingItems`](crate::measure::MissingItems) option, whether to
    /// pro-rate.
    Keep,
}

/// Reads a PHQ-9 or GAD-7 FHIR R4 `QuestionnaireResponse` (JSON) into the
/// crate's [`ItemAnswers`]. The instrument is the answers' type:
/// `Phq9Answers` or `Gad7Answers`.
///
/// What is read:
///
/// - `resourceType` must be `QuestionnaireResponse`; `status` `completed`
///   or `amended`; `questionnaire`, when present, LOINC's questionnaire for
///   the instrument's panel (`http://loinc.org/q/44249-1` or
///   `http://loinc.org/q/69737-5`, a `|version` suffix allowed);
/// - each `item`, at any depth of `item` nesting, whose `linkId` is one of the
///   instrument's LOINC question codes (as [`questionnaire_response`] writes
///   them) or the crate's item name (`little_interest`); and the difficulty
///   question, `linkId` `69722-7` ([`DIFFICULTY_LOINC`]) or `difficulty`, with
///   a LOINC answer from list `LL359-1` (`LA6572-7` Not difficult at all,
///   `LA6573-5` Somewhat, `LA6575-0` Very, `LA6574-3` Extremely difficult),
///   read into [`ItemAnswers::difficulty`]; it is optional. Other items, such
///   as a total score, are skipped;
/// - its one `answer`: a `valueCoding` with a LOINC answer code, `LA6568-5`
///   Not at all (0), `LA6569-3` Several days (1), `LA6570-1` More than half the
///   days (2) or `LA6571-9` Nearly every day (3), its `system`, when given,
///   `http://loinc.org`; or a `valueInteger` from 0 to 3.
///
/// [`questionnaire_response`]: super::questionnaire_response
///
/// # Errors
///
/// A [`FhirError`] with every problem at once, each at its FHIR path (indexes
/// from 0): a wrong `resourceType`, `status` or `questionnaire`; an answer
/// missing, repeated or out of range
/// (`QuestionnaireResponse.item[3].answer[0].valueCoding`); a question
/// answered twice; and, with [`Unanswered::Reject`], a question not answered
/// (`QuestionnaireResponse.item`). Values found are never repeated: a
/// response may hold free text.
///
/// ```
/// use interpersonal::{fhir, measure::Phq9Answers, measure::Phq9Item};
/// use serde_json::json;
///
/// let mut qr = json!({
///     "resourceType": "QuestionnaireResponse",
///     "status": "completed",
///     "item": [
///         {"linkId": "44250-9", "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "LA6570-1"}}]},
///         {"linkId": "44255-8", "answer": [{"valueInteger": 1}]}
///     ]
/// });
/// let answers: Phq9Answers = fhir::answers_from_questionnaire_response(&qr, fhir::Unanswered::Keep)?;
/// assert_eq!(answers.get(Phq9Item::LittleInterest), Some(2));
/// assert_eq!(answers.get(Phq9Item::FeelingDown), Some(1));
/// assert_eq!(answers.get(Phq9Item::Sleep), None);
///
/// qr["item"][1]["answer"][0] = json!({"valueCoding": {"code": "LA9999-9"}});
/// let err = fhir::answers_from_questionnaire_response::<interpersonal::measure::Phq9Item>(&qr, fhir::Unanswered::Reject)
///     .unwrap_err();
/// assert_eq!(err.problems()[0].path, "QuestionnaireResponse.item[1].answer[0].valueCoding");
/// assert_eq!(err.problems().len(), 8); // and the seven questions not answered
/// # Ok::<(), interpersonal::fhir::FhirError>(())
/// ```
pub fn answers_from_questionnaire_response<I: FhirInstrument>(
    response: &Value,
    unanswered: Unanswered,
) -> Result<ItemAnswers<I>, FhirError> {
    const ROOT: &str = "QuestionnaireResponse";
    let mut problems = Vec::new();
    if response.get("resourceType").and_then(Value::as_str) != Some(ROOT) {
        problems.push(FhirProblem::new(
            format!("{ROOT}.resourceType"),
            "`QuestionnaireResponse`",
        ));
    }
    match response.get("status").and_then(Value::as_str) {
        Some("completed" | "amended") => {}
        _ => problems.push(FhirProblem::new(
            format!("{ROOT}.status"),
            "`completed` or `amended`",
        )),
    }
    if let Some(q) = response.get("questionnaire") {
        let canonical = I::questionnaire();
        let matches = q
            .as_str()
            .map(|q| q.split('|').next() == Some(canonical.as_str()))
            .unwrap_or(false);
        if !matches {
            problems.push(FhirProblem::new(
                format!("{ROOT}.questionnaire"),
                format!(
                    "`{canonical}`, LOINC's questionnaire for the {}",
                    I::INSTRUMENT.label()
                ),
            ));
        }
    }

    let mut found = Found {
        scores: vec![None; I::ALL.len()],
        seen: vec![false; I::ALL.len()],
        difficulty: None,
        difficulty_seen: false,
    };
    if let Some(items) = response.get("item") {
        read_items::<I>(items, ROOT, 0, &mut found, &mut problems);
    }
    let Found {
        scores: found,
        seen,
        difficulty,
        ..
    } = found;

    let mut answers = ItemAnswers::<I>::new();
    answers.set_difficulty(difficulty);
    for (position, &item) in I::ALL.iter().enumerate() {
        match found.get(position).copied().flatten() {
            Some(score) => answers.set(item, Some(score)),
            None if unanswered == Unanswered::Reject
                && !seen.get(position).copied().unwrap_or(false) =>
            {
                problems.push(FhirProblem::new(
                    format!("{ROOT}.item"),
                    format!(
                        "an answered item with linkId `{}` ({} item {})",
                        item.item_loinc(),
                        I::INSTRUMENT.label(),
                        item.number()
                    ),
                ));
            }
            None => {}
        }
    }
    FhirError::check(problems, answers)
}

/// What the items answered so far.
struct Found {
    scores: Vec<Option<u8>>,
    seen: Vec<bool>,
    difficulty: Option<Difficulty>,
    difficulty_seen: bool,
}

/// How deep items may nest in a response: a form's groups nest a level or
/// two, and a bound keeps reading a value built in code (which no parser has
/// limited) from recursing until the stack overflows.
const MAX_ITEM_DEPTH: usize = 32;

/// Reads the `item` array at `path`, `depth` levels below the response's
/// own (and the items nested in each).
fn read_items<I: FhirInstrument>(
    items: &Value,
    path: &str,
    depth: usize,
    found: &mut Found,
    problems: &mut Vec<FhirProblem>,
) {
    if depth >= MAX_ITEM_DEPTH {
        problems.push(FhirProblem::new(
            format!("{path}.item"),
            format!("items nested at most {MAX_ITEM_DEPTH} deep"),
        ));
        return;
    }
    let Some(items) = items.as_array() else {
        problems.push(FhirProblem::new(
            format!("{path}.item"),
            "an array of items",
        ));
        return;
    };
    for (i, entry) in items.iter().enumerate() {
        let at = format!("{path}.item[{i}]");
        if let Some(nested) = entry.get("item") {
            read_items::<I>(nested, &at, depth + 1, found, problems);
        }
        let Some(link_id) = entry.get("linkId").and_then(Value::as_str) else {
            problems.push(FhirProblem::new(format!("{at}.linkId"), "a string"));
            continue;
        };
        if link_id == DIFFICULTY_LOINC || link_id == "difficulty" {
            if found.difficulty_seen {
                problems.push(FhirProblem::new(
                    format!("{at}.linkId"),
                    "each question once; this one was answered before",
                ));
            } else {
                found.difficulty_seen = true;
                found.difficulty = read_difficulty(entry, &at, problems);
            }
            continue;
        }
        let Some(position) = I::ALL
            .iter()
            .position(|item| item.item_loinc() == link_id || item.name() == link_id)
        else {
            continue;
        };
        let Some(already) = found.seen.get_mut(position) else {
            continue;
        };
        if *already {
            problems.push(FhirProblem::new(
                format!("{at}.linkId"),
                "each question once; this one was answered before",
            ));
            continue;
        }
        *already = true;
        let score = read_answer(entry, &at, problems);
        if let Some(slot) = found.scores.get_mut(position) {
            *slot = score;
        }
    }
}

/// The difficulty answer of the item, or `None` with a problem pushed.
fn read_difficulty(entry: &Value, at: &str, problems: &mut Vec<FhirProblem>) -> Option<Difficulty> {
    const EXPECTED: &str = "a LOINC difficulty answer (system `http://loinc.org`, list `LL359-1`): \
                            `LA6572-7`, `LA6573-5`, `LA6575-0` or `LA6574-3`";
    let answers = entry.get("answer").and_then(Value::as_array);
    let Some([answer]) = answers.map(Vec::as_slice) else {
        problems.push(FhirProblem::new(
            format!("{at}.answer"),
            "exactly one answer",
        ));
        return None;
    };
    let at = format!("{at}.answer[0].valueCoding");
    let Some(coding) = answer.get("valueCoding") else {
        problems.push(FhirProblem::new(at, EXPECTED));
        return None;
    };
    let system_ok = match coding.get("system") {
        None => true,
        Some(system) => system.as_str() == Some(LOINC),
    };
    let answer = coding
        .get("code")
        .and_then(Value::as_str)
        .and_then(Difficulty::from_loinc_answer_code)
        .filter(|_| system_ok);
    if answer.is_none() {
        problems.push(FhirProblem::new(at, EXPECTED));
    }
    answer
}

/// The score of an item's one answer, or `None` with a problem pushed.
fn read_answer(entry: &Value, at: &str, problems: &mut Vec<FhirProblem>) -> Option<u8> {
    let answers = entry.get("answer").and_then(Value::as_array);
    let answer = match answers.map(Vec::as_slice) {
        Some([one]) => one,
        _ => {
            problems.push(FhirProblem::new(
                format!("{at}.answer"),
                "exactly one answer",
            ));
            return None;
        }
    };
    let at = format!("{at}.answer[0]");
    if let Some(coding) = answer.get("valueCoding") {
        let system_ok = match coding.get("system") {
            None => true,
            Some(system) => system.as_str() == Some(LOINC),
        };
        let score = coding
            .get("code")
            .and_then(Value::as_str)
            .and_then(FrequencyResponse::from_loinc_answer_code)
            .map(FrequencyResponse::score);
        match (system_ok, score) {
            (true, Some(score)) => Some(score),
            _ => {
                problems.push(FhirProblem::new(
                    format!("{at}.valueCoding"),
                    "a LOINC answer (system `http://loinc.org`): `LA6568-5`, `LA6569-3`, \
                     `LA6570-1` or `LA6571-9`",
                ));
                None
            }
        }
    } else if let Some(value) = answer.get("valueInteger") {
        match value.as_u64() {
            Some(n @ 0..=3) => u8::try_from(n).ok(),
            _ => {
                problems.push(FhirProblem::new(
                    format!("{at}.valueInteger"),
                    "a whole number from 0 to 3",
                ));
                None
            }
        }
    } else {
        problems.push(FhirProblem::new(
            format!("{at}.valueCoding"),
            "a `valueCoding` with a LOINC answer code, or a `valueInteger` from 0 to 3",
        ));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{Gad7Item, Phq9Item};
    use serde_json::json;

    fn coded(link: &str, code: &str) -> Value {
        json!({"linkId": link, "answer": [{"valueCoding": {"system": LOINC, "code": code}}]})
    }

    #[test]
    fn reads_nested_items_and_skips_others() {
        let qr = json!({
            "resourceType": "QuestionnaireResponse",
            "status": "completed",
            "questionnaire": "http://loinc.org/q/69737-5|2.78",
            "item": [{"linkId": "group", "item": [
                coded("69725-0", "LA6571-9"),
                coded("70274-6", "LA6571-9"),
                {"linkId": "restless", "answer": [{"valueInteger": 2}]}
            ]}]
        });
        let answers: ItemAnswers<Gad7Item> =
            answers_from_questionnaire_response(&qr, Unanswered::Keep).unwrap();
        assert_eq!(answers.get(Gad7Item::FeelingNervous), Some(3));
        assert_eq!(answers.get(Gad7Item::Restless), Some(2));
        assert_eq!(answers.get(Gad7Item::FeelingAfraid), None);
    }

    #[test]
    fn reports_every_problem_with_its_path_and_no_value() {
        let qr = json!({
            "resourceType": "Observation",
            "status": "in-progress",
            "questionnaire": "http://loinc.org/q/69737-5",
            "item": [
                coded("44250-9", "LA6571-9"),
                coded("44250-9", "LA6571-9"),
                {"linkId": "44255-8", "answer": [{"valueInteger": 4}]},
                {"linkId": "44259-0", "answer": [{"valueString": "secret words"}]},
                {"linkId": "44254-1"},
                {"linkId": "44251-7", "answer": [{"valueCoding": {"system": "http://snomed.info/sct", "code": "LA6568-5"}}]},
                {"answer": []}
            ]
        });
        let err =
            answers_from_questionnaire_response::<Phq9Item>(&qr, Unanswered::Reject).unwrap_err();
        let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "QuestionnaireResponse.resourceType",
                "QuestionnaireResponse.status",
                "QuestionnaireResponse.questionnaire",
                "QuestionnaireResponse.item[1].linkId",
                "QuestionnaireResponse.item[2].answer[0].valueInteger",
                "QuestionnaireResponse.item[3].answer[0].valueCoding",
                "QuestionnaireResponse.item[4].answer",
                "QuestionnaireResponse.item[5].answer[0].valueCoding",
                "QuestionnaireResponse.item[6].linkId",
                "QuestionnaireResponse.item",
                "QuestionnaireResponse.item",
                "QuestionnaireResponse.item",
                "QuestionnaireResponse.item",
            ]
        );
        assert!(!err.to_string().contains("secret"));
    }

    #[test]
    fn reads_the_difficulty_question_and_reports_a_bad_answer_at_its_path() {
        use crate::measure::Difficulty;
        let mut qr = json!({
            "resourceType": "QuestionnaireResponse",
            "status": "completed",
            "item": [coded("69725-0", "LA6571-9"), coded("69722-7", "LA6574-3")]
        });
        let answers: ItemAnswers<Gad7Item> =
            answers_from_questionnaire_response(&qr, Unanswered::Keep).unwrap();
        assert_eq!(answers.difficulty(), Some(Difficulty::ExtremelyDifficult));
        qr["item"][1] = coded("69722-7", "LA6571-9"); // a frequency answer, not a difficulty
        let err =
            answers_from_questionnaire_response::<Gad7Item>(&qr, Unanswered::Keep).unwrap_err();
        let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["QuestionnaireResponse.item[1].answer[0].valueCoding"]
        );
        qr["item"][1] = coded("difficulty", "LA6572-7");
        qr["item"]
            .as_array_mut()
            .unwrap()
            .push(coded("69722-7", "LA6572-7"));
        let err =
            answers_from_questionnaire_response::<Gad7Item>(&qr, Unanswered::Keep).unwrap_err();
        let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["QuestionnaireResponse.item[2].linkId"]);
    }

    #[test]
    fn non_object_input_is_an_error_not_a_panic() {
        for v in [json!(null), json!([]), json!("x"), json!({"item": 3})] {
            assert!(answers_from_questionnaire_response::<Phq9Item>(&v, Unanswered::Keep).is_err());
        }
    }
}
