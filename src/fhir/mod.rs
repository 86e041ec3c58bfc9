//! FHIR R4 export and import (feature `fhir`): a scored PHQ-9 or GAD-7 as a
//! `QuestionnaireResponse` and an `Observation`, the treatment contract as a
//! `CarePlan`, goals as `Goal` resources, and a PHQ-9 or GAD-7
//! `QuestionnaireResponse` read back into [`ItemAnswers`](crate::measure::ItemAnswers).
//!
//! Resources are plain [`serde_json::Value`]s in the FHIR R4 JSON format
//! (<https://hl7.org/fhir/R4/json.html>): the crate depends on no FHIR model.
//! The crate's own tests check every exported resource against the official
//! FHIR R4 JSON schema (HL7, CC0), vendored under `tests/`.
//!
//! **No patient text leaves the crate here.** The subject is a [`SubjectReference`]
//! the caller supplies (`Patient/123`), never a name; a goal's statement, a
//! target's wording and the contract's practicalities are [`Sensitive`](crate::Sensitive)
//! and are not exported. Codes, numbers, dates and the crate's ids are.
//!
//! Codes (each confirmed on the page named in the crate's research log):
//! the PHQ-9 panel `44249-1`, total `44261-6` and items `44250-9` … `44260-8`;
//! the GAD-7 panel `69737-5`, total `70274-6` and items `69725-0` … `69736-7`;
//! the answers `LA6568-5` … `LA6571-9` (LOINC answer list `LL358-3`); the
//! difficulty question `69722-7` and its answers `LA6572-7` … `LA6574-3`
//! (answer list `LL359-1`). The `CarePlan` codes the therapy as SNOMED CT
//! `443730003` ([`IPT_SNOMED_CT`], with where it was confirmed) beside its text
//! ([`IPT_PROCEDURE_TEXT`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use interpersonal::{fhir, Phq9Score};
//!
//! let subject = fhir::SubjectReference::new("Patient/example")?;
//! let phq9 = Phq9Score::from_scores([1, 2, 1, 1, 0, 0, 1, 0, 0]).unwrap();
//! let on = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
//!
//! let qr = fhir::questionnaire_response(&phq9, &subject, on);
//! assert_eq!(qr["questionnaire"], "http://loinc.org/q/44249-1");
//! let obs = fhir::observation(&phq9, &subject, on);
//! assert_eq!(obs["valueQuantity"]["value"], 6);
//!
//! // And back: the answers as the crate reads them.
//! let answers: interpersonal::measure::Phq9Answers =
//!     fhir::answers_from_questionnaire_response(&qr, fhir::Unanswered::Reject)?;
//! assert_eq!(Phq9Score::from_answers(&answers, &Default::default()).unwrap().total(), 6);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod care_plan;
mod coding;
mod error;
mod goal;
mod import;
mod instrument;
mod observation;
mod questionnaire_response;
mod reference;

pub use care_plan::{IPT_PROCEDURE_TEXT, IPT_SNOMED_CT, care_plan};
pub use error::{FhirError, FhirProblem};
pub use goal::{GoalExport, goal};
pub use import::{Unanswered, answers_from_questionnaire_response};
pub use instrument::FhirInstrument;
pub use observation::observation;
pub use questionnaire_response::questionnaire_response;
pub use reference::SubjectReference;
