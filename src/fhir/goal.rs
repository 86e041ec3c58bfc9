//! A treatment goal as a FHIR R4 `Goal`.

use serde_json::{Map, Value, json};

use super::SubjectReference;
use super::coding::{LOINC, UCUM, coding, date, reference, text_concept};
use super::error::{FhirError, FhirProblem};
use super::reference::is_fhir_id;
use crate::goal::{Goal, GoalStatus, GoalTarget, InstrumentId};
use crate::measure::{GAD7_TOTAL_LOINC, PHQ9_TOTAL_LOINC};

/// How a [`Goal`] is exported: by default without its statement, which is the
/// patient's or the clinician's words.
///
/// ```
/// use interpersonal::fhir::GoalExport;
/// assert!(!GoalExport::default().includes_statement());
/// assert!(GoalExport::default().with_statement().includes_statement());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct GoalExport {
    statement: bool,
}

impl GoalExport {
    /// Also exports the goal's statement as `Goal.description.text`. Patient
    /// text: ask for it only when the receiving record is where it belongs.
    ///
    /// ```
    /// use interpersonal::fhir::GoalExport;
    /// assert!(GoalExport::default().with_statement().includes_statement());
    /// ```
    #[must_use]
    pub fn with_statement(mut self) -> Self {
        self.statement = true;
        self
    }

    /// Whether the statement is exported.
    ///
    /// ```
    /// assert!(!interpersonal::fhir::GoalExport::default().includes_statement());
    /// ```
    pub fn includes_statement(&self) -> bool {
        self.statement
    }
}

/// A treatment goal as a FHIR R4 `Goal` (<https://hl7.org/fhir/R4/goal.html>).
///
/// - `id`: the goal's id, which must also be a FHIR id (no `_`), so that a
///   [`care_plan`](super::care_plan) can point at it as `Goal/{id}`;
/// - `lifecycleStatus` from the goal's status: proposed → `proposed`,
///   active → `active`, achieved → `completed` (and `achievementStatus`
///   `achieved`), discontinued → `cancelled`, revised → `on-hold` (a revised
///   goal waits to be made active again or given up; the mapping is this
///   crate's choice \[I\]); `statusDate`, the date of the last change;
/// - `description`: `IPT goal: {problem area}`, or the statement when the
///   [`GoalExport`] asks for it;
/// - `subject`: the caller's reference;
/// - `target`, when the goal has a numeric target or a target date: a PHQ-9 or
///   GAD-7 total at most a value (`measure` the LOINC total code,
///   `detailRange.high` in `{score}`), a count at least so many a week
///   (`detailRange.low` in UCUM `/wk`), a 0–10 rating at least or at most a
///   value (`detailRange.low` or `.high`); `dueDate` the target date. What is
///   counted or rated is the patient's words and is not exported: the
///   `measure` then says only what kind of number it is.
///
/// ```
/// use interpersonal::{fhir, goal::{Goal, GoalTarget, InstrumentId}, id::GoalId, ProblemArea};
///
/// let goal = Goal::new(
///     GoalId::new("g1")?,
///     ProblemArea::Grief,
///     "Visit the grave with my sister",
///     GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 4 },
/// );
/// let subject = fhir::SubjectReference::new("Patient/p1")?;
/// let resource = fhir::goal(&goal, &subject, fhir::GoalExport::default())?;
/// assert_eq!(resource["lifecycleStatus"], "proposed");
/// assert_eq!(resource["target"][0]["measure"]["coding"][0]["code"], "44261-6");
/// assert_eq!(resource["target"][0]["detailRange"]["high"]["value"], 4);
/// assert!(!resource.to_string().contains("grave"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// A [`FhirError`] at `Goal.id` when the goal's id is not a FHIR id.
pub fn goal(
    goal: &Goal,
    subject: &SubjectReference,
    export: GoalExport,
) -> Result<Value, FhirError> {
    let id = goal.id.as_str();
    if !is_fhir_id(id) {
        return Err(FhirError::from(FhirProblem::new(
            "Goal.id",
            "a FHIR id: 1 to 64 letters, digits, '-' or '.' (the goal's id has '_')",
        )));
    }
    let status = goal.status();
    let lifecycle = match status {
        GoalStatus::Proposed => "proposed",
        GoalStatus::Active => "active",
        GoalStatus::Achieved => "completed",
        GoalStatus::Revised => "on-hold",
        GoalStatus::Discontinued => "cancelled",
    };
    let description = if export.statement {
        goal.statement.expose().to_string()
    } else {
        format!("IPT goal: {}", goal.area.name())
    };
    let mut resource = Map::new();
    resource.insert("resourceType".into(), json!("Goal"));
    resource.insert("id".into(), json!(id));
    resource.insert("lifecycleStatus".into(), json!(lifecycle));
    if status == GoalStatus::Achieved {
        resource.insert(
            "achievementStatus".into(),
            json!({"coding": [coding(
                "http://terminology.hl7.org/CodeSystem/goal-achievement",
                "achieved",
                "Achieved",
            )]}),
        );
    }
    resource.insert("description".into(), text_concept(&description));
    resource.insert("subject".into(), reference(subject.as_str()));
    if let Some(change) = goal.status_changes().last() {
        resource.insert("statusDate".into(), date(change.on));
    }
    let mut target = target(&goal.target);
    if let Some(due) = goal.target_date {
        target.insert("dueDate".into(), date(due));
    }
    if !target.is_empty() {
        resource.insert("target".into(), json!([target]));
    }
    Ok(Value::Object(resource))
}

/// `Goal.target` without its due date: `measure` and `detailRange`.
fn target(target: &GoalTarget) -> Map<String, Value> {
    let score =
        |value: u16| json!({"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"});
    let plain = |value: u16| json!({"value": value});
    let (measure, range) = match target {
        GoalTarget::MeasureAtMost { instrument, value } => {
            let measure = if *instrument == InstrumentId::PHQ9 {
                json!({"coding": [coding(LOINC, PHQ9_TOTAL_LOINC, "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")]})
            } else if *instrument == InstrumentId::GAD7 {
                json!({"coding": [coding(LOINC, GAD7_TOTAL_LOINC, "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]")]})
            } else {
                text_concept(&format!("total score on {}", instrument.as_str()))
            };
            (measure, json!({"high": score(*value)}))
        }
        GoalTarget::CountPerWeek { at_least, .. } => (
            text_concept("times a week"),
            json!({"low": {"value": at_least, "unit": "per week", "system": UCUM, "code": "/wk"}}),
        ),
        GoalTarget::RatingAtLeast { value, .. } => (
            text_concept("rating from 0 to 10"),
            json!({"low": plain(u16::from(*value))}),
        ),
        GoalTarget::RatingAtMost { value, .. } => (
            text_concept("rating from 0 to 10"),
            json!({"high": plain(u16::from(*value))}),
        ),
        _ => return Map::new(),
    };
    let mut map = Map::new();
    map.insert("measure".into(), measure);
    map.insert("detailRange".into(), range);
    map
}
