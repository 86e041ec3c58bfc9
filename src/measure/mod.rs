//! Symptom measures: the PHQ-9, the GAD-7, the HAM-D-17 and the Altman
//! Self-Rating Mania Scale, how each is scored and banded, the suicide-risk
//! items and the positive mania screen that raise a [`SafetyFlag`], and the course
//! of dated scores over a treatment ([`SymptomTrend`]): response, remission,
//! reliable improvement and recovery ([CLINICAL-BASIS.md §8](crate::_documentation::clinical_basis#8-measures) and §9).
//!
//! The flow is: item answers in ([`ItemAnswers`], from an array in the
//! instrument's order or a map from item name to score), a scored result out
//! ([`InstrumentScore`]: total, severity band, safety flags), a dated
//! [`Measurement`] kept for the course, and a [`SymptomTrend`] over the dated
//! measurements of one instrument.
//!
//! Safety comes first ([DESIGN.md decision 8](crate::_documentation::design#8-safety-first)): a positive suicide-risk item is a
//! [`SafetyFlag`] on the scored result and on its measurement, whatever the
//! total, and no option suppresses it. The crate is decision support: a band or
//! a flag is for a clinician to read, not a diagnosis.
//!
//! ```
//! use interpersonal::{measure::Phq9Band, Phq9Score, measure::SafetyFlagKind};
//!
//! let phq9 = Phq9Score::from_scores([1, 1, 0, 1, 0, 0, 0, 0, 1])?;
//! assert_eq!(phq9.total(), 4);
//! assert_eq!(phq9.band(), Phq9Band::Minimal);
//! // Item 9 is positive: flagged although the total is minimal.
//! assert_eq!(phq9.safety_flags()[0].kind, SafetyFlagKind::SuicidalIdeation);
//! # Ok::<(), interpersonal::Problems>(())
//! ```

mod answers;
mod asrm;
mod band;
mod difficulty;
mod gad7;
mod hamd;
mod instrument;
mod measurement;
mod options;
mod phq9;
mod response;
mod safety;
mod schedule;
mod score;
mod short_form;
mod sources;
mod trend;
mod trend_error;

pub use answers::{AsrmAnswers, Gad7Answers, Hamd17Ratings, ItemAnswers, Phq9Answers};
pub use asrm::{ASRM_CUTOFF, AsrmBand, AsrmItem, AsrmScore};
pub use band::SeverityBand;
pub use difficulty::{DIFFICULTY_LOINC, Difficulty};
pub use gad7::{
    GAD7_CASENESS, GAD7_PANEL_LOINC, GAD7_PROBABLE_GAD, GAD7_RELIABLE_CHANGE, GAD7_TOTAL_LOINC,
    Gad7Band, Gad7Item, Gad7Score,
};
pub use hamd::{HAMD17_REMISSION_AT_MOST, Hamd17Item, Hamd17Score, HamdBand, HamdBanding};
pub use instrument::{Instrument, InstrumentItem};
pub use measurement::Measurement;
pub use options::{MissingItems, ScoringOptions};
pub use phq9::{
    PHQ9_CASENESS, PHQ9_PANEL_LOINC, PHQ9_RELIABLE_CHANGE, PHQ9_REMISSION_BELOW, PHQ9_TOTAL_LOINC,
    Phq9Band, Phq9Item, Phq9Score,
};
pub use response::FrequencyResponse;
pub use safety::{SafetyFlag, SafetyFlagKind, SafetySource, ScoreAdvisory};
pub use schedule::{MEASUREMENT_INTERVAL_SESSIONS, measurement_due};
pub use score::{InstrumentScore, ScoreRefused};
pub use short_form::{
    GAD2_POSITIVE_AT, PHQ2_POSITIVE_AT, PHQ8_POSITIVE_AT, Phq4Band, ShortForm, ShortFormScore,
};
pub use sources::{
    ASRM_SOURCE, GAD7_SOURCE, HAMD17_SOURCE, IAPT_SOURCE, PHQ9_SOURCE, RESPONSE_REMISSION_SOURCE,
};
pub use trend::{MeasureOutcome, RESPONSE_REDUCTION_PERCENT, SymptomTrend, TrendSummary};
pub use trend_error::{TrendError, TrendProblem};
