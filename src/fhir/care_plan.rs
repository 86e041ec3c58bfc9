//! The treatment contract as a FHIR R4 `CarePlan`.

use serde_json::{Map, Value, json};

use super::SubjectReference;
use super::coding::{LOINC, SNOMED_CT, coding, date, reference, text_concept};
use super::error::{FhirError, FhirProblem};
use super::reference::is_fhir_id;
use crate::course::{Cadence, TreatmentContract};
use crate::measure::{GAD7_PANEL_LOINC, MEASUREMENT_INTERVAL_SESSIONS, PHQ9_PANEL_LOINC};

/// How the `CarePlan` names the therapy in text, beside its SNOMED CT code
/// [`IPT_SNOMED_CT`].
///
/// ```
/// assert_eq!(interpersonal::fhir::IPT_PROCEDURE_TEXT, "Interpersonal psychotherapy");
/// ```
pub const IPT_PROCEDURE_TEXT: &str = "Interpersonal psychotherapy";

/// The SNOMED CT concept for interpersonal psychotherapy: `443730003`
/// |Interpersonal psychotherapy (regime/therapy)|, written in the `CarePlan`'s
/// `category` (system `http://snomed.info/sct`) beside [`IPT_PROCEDURE_TEXT`].
///
/// Where it was confirmed: the US eCQM value set "Psych Visit - Psychotherapy"
/// (VSAC OID `2.16.840.1.113883.3.526.3.1496`, used by CMS137, expansion of
/// 2021-05-06) lists it with that fully specified name, and NHS England's
/// talking-therapies analyses count IPT appointments by the same code. It was
/// not confirmed in a SNOMED International release browser or an official
/// terminology server: none was reachable, and a search of public reference
/// text for such a record of `443730003` (December 2026) found none, only
/// value sets and analyses that use it. A system bound to a national edition
/// should check it there before relying on it.
///
/// ```
/// assert_eq!(interpersonal::fhir::IPT_SNOMED_CT, "443730003");
/// ```
pub const IPT_SNOMED_CT: &str = "443730003";

/// SNOMED CT's display of [`IPT_SNOMED_CT`] (its preferred term).
const IPT_SNOMED_CT_DISPLAY: &str = "Interpersonal psychotherapy";

/// The treatment contract as a FHIR R4 `CarePlan`
/// (<https://hl7.org/fhir/R4/careplan.html>).
///
/// - `status`: `active` once the patient agreed, else `draft`; `intent`
///   `plan`; `created`: the day of agreement;
/// - `title`: [`IPT_PROCEDURE_TEXT`]; `category`: SNOMED CT
///   [`IPT_SNOMED_CT`] (`443730003`, see there for its provenance) with that
///   text;
/// - `subject`: the caller's reference;
/// - `period`: from the first session to the planned last one;
/// - `goal`: `Goal/{id}` for each agreed goal (see [`goal`](super::goal()));
/// - `activity[0]`: the sessions, an `Appointment` activity coded in text as
///   the modality, its `scheduledTiming` the count, length in minutes and
///   cadence (weekly, every 2 weeks, monthly), its `reasonCode` the agreed
///   focus areas;
/// - `activity[1]`: the PHQ-9 and GAD-7 (LOINC panels) every 4 sessions, as
///   the IPT Institute gives them (see
///   [`MEASUREMENT_INTERVAL_SESSIONS`]).
///
/// The contract's practicalities are patient text and are not exported.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{course::TreatmentContract, fhir, id::GoalId, ProblemArea};
///
/// let contract = TreatmentContract::builder(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap(), vec![ProblemArea::Grief])
///     .sessions(12)
///     .goal(GoalId::new("g1")?)
///     .agreed_on(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap())
///     .build()?;
/// let subject = fhir::SubjectReference::new("Patient/p1")?;
/// let plan = fhir::care_plan(&contract, &subject)?;
/// assert_eq!(plan["status"], "active");
/// assert_eq!(plan["goal"][0]["reference"], "Goal/g1");
/// assert_eq!(plan["activity"][0]["detail"]["scheduledTiming"]["repeat"]["count"], 12);
/// assert_eq!(plan["period"]["end"], "2026-04-06");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// A [`FhirError`] at `CarePlan.goal[i]` for every goal id that is not a FHIR
/// id (it holds `_`).
pub fn care_plan(
    contract: &TreatmentContract,
    subject: &SubjectReference,
) -> Result<Value, FhirError> {
    let mut problems = Vec::new();
    let goals: Vec<Value> = contract
        .goals
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            if is_fhir_id(id.as_str()) {
                Some(reference(&format!("Goal/{}", id.as_str())))
            } else {
                problems.push(FhirProblem::new(
                    format!("CarePlan.goal[{i}]"),
                    "a goal id that is also a FHIR id: letters, digits, '-' or '.' (no '_')",
                ));
                None
            }
        })
        .collect();
    let agreed = contract.is_agreed();

    let (frequency, period, unit) = match contract.cadence {
        Cadence::Weekly => (1, 1, "wk"),
        Cadence::Fortnightly => (1, 2, "wk"),
        Cadence::Monthly => (1, 1, "mo"),
    };
    let reasons: Vec<Value> = contract
        .focus
        .iter()
        .map(|area| text_concept(&format!("IPT problem area: {}", area.name())))
        .collect();
    let mut sessions = Map::new();
    sessions.insert("kind".into(), json!("Appointment"));
    sessions.insert(
        "code".into(),
        text_concept(&format!(
            "{IPT_PROCEDURE_TEXT} ({})",
            contract.modality.as_str().replace('_', " ")
        )),
    );
    if !reasons.is_empty() {
        sessions.insert("reasonCode".into(), json!(reasons));
    }
    if !goals.is_empty() {
        sessions.insert("goal".into(), json!(goals));
    }
    sessions.insert(
        "status".into(),
        json!(if agreed { "scheduled" } else { "not-started" }),
    );
    sessions.insert(
        "scheduledTiming".into(),
        json!({"repeat": {
            "boundsPeriod": period_of(contract),
            "count": contract.sessions,
            "duration": contract.session_minutes,
            "durationUnit": "min",
            "frequency": frequency,
            "period": period,
            "periodUnit": unit,
        }}),
    );
    let measures = json!({"detail": {
        "kind": "ServiceRequest",
        "code": {"coding": [
            coding(LOINC, PHQ9_PANEL_LOINC, "PHQ-9 quick depression assessment panel [Reported.PHQ]"),
            {"system": LOINC, "code": GAD7_PANEL_LOINC},
        ]},
        "status": if agreed { "scheduled" } else { "not-started" },
        "description": format!(
            "PHQ-9 and GAD-7 at session 1 and every {MEASUREMENT_INTERVAL_SESSIONS} sessions after"
        ),
    }});

    let mut plan = Map::new();
    plan.insert("resourceType".into(), json!("CarePlan"));
    plan.insert(
        "status".into(),
        json!(if agreed { "active" } else { "draft" }),
    );
    plan.insert("intent".into(), json!("plan"));
    plan.insert(
        "category".into(),
        json!([{
            "coding": [coding(SNOMED_CT, IPT_SNOMED_CT, IPT_SNOMED_CT_DISPLAY)],
            "text": IPT_PROCEDURE_TEXT,
        }]),
    );
    plan.insert("title".into(), json!(IPT_PROCEDURE_TEXT));
    plan.insert("subject".into(), reference(subject.as_str()));
    plan.insert("period".into(), period_of(contract));
    if let Some(agreement) = &contract.agreement {
        plan.insert("created".into(), date(agreement.on));
    }
    if !goals.is_empty() {
        plan.insert("goal".into(), json!(goals));
    }
    plan.insert(
        "activity".into(),
        json!([{"detail": Value::Object(sessions)}, measures]),
    );
    FhirError::check(problems, Value::Object(plan))
}

fn period_of(contract: &TreatmentContract) -> Value {
    let mut period = Map::new();
    period.insert("start".into(), date(contract.starts_on));
    if let Some(end) = contract.planned_end() {
        period.insert("end".into(), date(end));
    }
    Value::Object(period)
}
