//! What a progress review points out: safety flags, no response by
//! mid-treatment, a measurement due, goals without progress.

use crate::macros::source;
use crate::macros::vocabulary_enum;
use crate::{bibliography::cited, engine::Indicator, id::GoalId, source::Source};
use serde::{Deserialize, Serialize};

vocabulary_enum! {
    /// What a [`ReviewAdvisory`] is about.
    ///
    /// ```
    /// use interpersonal::course::ReviewAdvisoryCode;
    /// assert_eq!(ReviewAdvisoryCode::NoResponseByMidTreatment.to_string(), "no_response_by_mid_treatment");
    /// ```
    #[non_exhaustive]
    pub enum ReviewAdvisoryCode {
        /// A safety flag is on the course (critical, always first).
        SafetyFlag,
        /// At or after mid-treatment, the primary depression scale has not fallen
        /// by half from baseline (warning).
        NoResponseByMidTreatment,
        /// The symptom measures are due at the next session (info).
        MeasurementDue,
        /// A goal in progress has no progress recorded (info).
        GoalWithoutProgress,
    }
}

impl ReviewAdvisoryCode {
    /// How urgent advisories of this code are: critical for a safety flag,
    /// warning for no response, info otherwise.
    ///
    /// ```
    /// use interpersonal::{engine::Indicator, course::ReviewAdvisoryCode};
    /// assert_eq!(ReviewAdvisoryCode::SafetyFlag.indicator(), Indicator::Critical);
    /// assert_eq!(ReviewAdvisoryCode::MeasurementDue.indicator(), Indicator::Info);
    /// ```
    pub const fn indicator(self) -> Indicator {
        match self {
            ReviewAdvisoryCode::SafetyFlag => Indicator::Critical,
            ReviewAdvisoryCode::NoResponseByMidTreatment => Indicator::Warning,
            ReviewAdvisoryCode::MeasurementDue | ReviewAdvisoryCode::GoalWithoutProgress => {
                Indicator::Info
            }
        }
    }

    /// Where the advice comes from.
    ///
    /// * Safety flag: any positive suicide-risk item requires a same-day
    ///   clinician risk assessment (CLINICAL-BASIS.md §8.1, §9 [K:
    ///   `kroenke-2001-phq9` item 9]). A possible-mania flag (a positive ASRM)
    ///   cites the ASRM instead: see [`ReviewAdvisoryCode::safety_flag_source`].
    /// * No response by mid-treatment: response is a drop of at least 50% on
    ///   the primary scale (§8.4 \[K\]); the initial phase evaluates the need
    ///   for medication (§1.1 task 5 [K: `weissman-2000-comprehensive-guide` ch. 3]); the
    ///   interpersonal deficits chapter says to consider alternatives, other therapy or
    ///   adding medication, if there is no improvement (§2.4 [S: `weissman-2018-guide`;
    ///   `markowitz-weissman-2012-casebook` ch. 5]), and termination considers other treatments on
    ///   non-response (§1.1 [K: `weissman-2000-comprehensive-guide`]). Checking at
    ///   mid-treatment, and for every area, is this crate's inference \[I\].
    /// * Measurement due: PHQ-9 and GAD-7 every 4 sessions, this crate's
    ///   schedule after IPT training practice (Stuart & Robertson 2012, not
    ///   checked in the book) \[I\].
    /// * Goal without progress: the contract's agreed goals (§5 [K:
    ///   `weissman-2000-comprehensive-guide`]); asking for recorded progress is this crate's
    ///   \[I\].
    ///
    /// ```
    /// use interpersonal::{source::Basis, course::ReviewAdvisoryCode};
    /// assert_eq!(ReviewAdvisoryCode::NoResponseByMidTreatment.source().basis(), Basis::Inferred);
    /// assert_eq!(ReviewAdvisoryCode::SafetyFlag.source().basis(), Basis::Known);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            ReviewAdvisoryCode::SafetyFlag => source![cited::PHQ9_ITEM9],
            ReviewAdvisoryCode::NoResponseByMidTreatment => source![
                cited::RESPONSE_DEFINITION_INFERRED,
                cited::GUIDE_DEFICITS_ALTERNATIVES_INFERRED,
                cited::COMPREHENSIVE_NON_RESPONSE_INFERRED,
            ],
            ReviewAdvisoryCode::MeasurementDue => source![cited::STUART_ROBERTSON_INFERRED],
            ReviewAdvisoryCode::GoalWithoutProgress => {
                source![cited::COMPREHENSIVE_CONTRACT_INFERRED]
            }
        }
    }
}

impl ReviewAdvisoryCode {
    /// The source of a safety-flag advisory about a flag of this kind: PHQ-9
    /// item 9 for suicidal ideation, the ASRM and its cut-off (Altman et al.
    /// 1997) for possible mania. A review's safety-flag advisories carry it.
    ///
    /// ```
    /// use interpersonal::{course::ReviewAdvisoryCode, measure::SafetyFlagKind};
    /// let s = ReviewAdvisoryCode::safety_flag_source(SafetyFlagKind::PossibleMania);
    /// assert!(s.cites_work("altman-1997-asrm"));
    /// assert_eq!(
    ///     ReviewAdvisoryCode::safety_flag_source(SafetyFlagKind::SuicidalIdeation),
    ///     ReviewAdvisoryCode::SafetyFlag.source(),
    /// );
    /// ```
    pub const fn safety_flag_source(kind: crate::measure::SafetyFlagKind) -> Source {
        match kind {
            crate::measure::SafetyFlagKind::PossibleMania => source![cited::ASRM],
            _ => ReviewAdvisoryCode::SafetyFlag.source(),
        }
    }
}

/// One thing a [`ProgressReview`](crate::course::ProgressReview) points out, shaped
/// like a CDS Hooks card: a code, an indicator, a one-line summary with
/// numbers, dates and ids only, and a source.
///
/// ```
/// use interpersonal::{engine::Indicator, course::ReviewAdvisory, course::ReviewAdvisoryCode};
/// let a = ReviewAdvisory::new(ReviewAdvisoryCode::MeasurementDue, "PHQ-9 due at session 4", None);
/// assert_eq!(a.indicator, Indicator::Info);
/// assert_eq!(a.to_string(), "[info] measurement_due: PHQ-9 due at session 4");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReviewAdvisory {
    /// What it is about.
    pub code: ReviewAdvisoryCode,
    /// How urgent it is ([`ReviewAdvisoryCode::indicator`]).
    pub indicator: Indicator,
    /// One line, with numbers, dates and ids only.
    pub summary: String,
    /// Where the advice comes from ([`ReviewAdvisoryCode::source`]).
    pub source: Source,
    /// The goal it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<GoalId>,
}

impl ReviewAdvisory {
    /// An advisory of `code`, with the code's indicator and source.
    ///
    /// ```
    /// use interpersonal::{id::GoalId, course::ReviewAdvisory, course::ReviewAdvisoryCode};
    /// let id = GoalId::new("g1")?;
    /// let a = ReviewAdvisory::new(ReviewAdvisoryCode::GoalWithoutProgress, "goal `g1`: no progress", Some(id.clone()));
    /// assert_eq!(a.goal, Some(id));
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn new(code: ReviewAdvisoryCode, summary: impl Into<String>, goal: Option<GoalId>) -> Self {
        ReviewAdvisory {
            code,
            indicator: code.indicator(),
            summary: summary.into(),
            source: code.source(),
            goal,
        }
    }
}

impl std::fmt::Display for ReviewAdvisory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] {}: {}", self.indicator, self.code, self.summary)
    }
}
