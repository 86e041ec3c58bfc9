//! The safety flags of a course: every positive suicide-risk item and every
//! positive mania screen of every measure, and every suicidal thought
//! reported in a session.

use std::fmt;

use crate::{
    course::Course,
    measure::{Measurement, SafetyFlag, SafetyFlagKind},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a [`CourseSafetyFlag`] came from.
///
/// JSON: `{"measure": {"kind": "suicidal_ideation", "source": "phq9_item9",
/// "score": 1}}` or `"reported"`.
///
/// ```
/// use interpersonal::course::SafetyFlagOrigin;
/// assert_eq!(serde_json::to_string(&SafetyFlagOrigin::Reported).unwrap(), r#""reported""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum SafetyFlagOrigin {
    /// A positive suicide-risk item on a measure: PHQ-9 item 9 or HAM-D-17
    /// item 3 (CLINICAL-BASIS.md §8.1, §9); or a positive mania screen, an ASRM
    /// total at or above its cut-off.
    Measure(SafetyFlag),
    /// The patient reported thoughts of death or self-harm in the session
    /// ([`SessionRecord::safety`](crate::course::SessionRecord::safety)).
    Reported,
}

/// A safety flag on a course: what it is about, when and in which session it
/// was raised, and by what. A suicide-risk flag requires a same-day clinician
/// risk assessment (CLINICAL-BASIS.md §9 [K for the rule]), a possible-mania flag
/// a clinician's review for mania or hypomania
/// ([`SafetyFlagKind::required_action`]); no crate output is a substitute for
/// either.
///
/// Its `Display` is one line a report can print as-is, ids and numbers only:
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, Phase, Phq9Score, ProblemArea, course::SessionRecord, TreatmentContract};
///
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let contract = TreatmentContract::builder(day, [ProblemArea::Grief]).build()?;
/// let mut course = Course::new(contract, Vec::new())?;
/// let phq9 = Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 1, 1, 2])?;
/// course.record_session(SessionRecord::new(1, day, Phase::Assessment).with_measure(phq9.measurement(day)))?;
/// assert_eq!(
///     course.safety_flags()[0].to_string(),
///     "suicidal ideation: PHQ-9 item 9 scored 2 on 2026-03-02 (session 1); \
///      a clinician assesses suicide risk the same day, whatever the total score",
/// );
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CourseSafetyFlag {
    /// What the flag is about.
    pub kind: SafetyFlagKind,
    /// The date of the measure, or of the session in which it was reported.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub date: NaiveDate,
    /// The session it was raised in; `None` for a measure taken outside a
    /// session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u8>,
    /// What raised it.
    pub origin: SafetyFlagOrigin,
}

/// The words for a flag's kind in a sentence.
pub(super) fn kind_words(kind: SafetyFlagKind) -> &'static str {
    kind.words()
}

impl fmt::Display for CourseSafetyFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", kind_words(self.kind))?;
        match self.origin {
            SafetyFlagOrigin::Measure(flag) => write!(f, "{flag}")?,
            SafetyFlagOrigin::Reported => f.write_str("reported by the patient")?,
        }
        write!(f, " on {}", self.date)?;
        if let Some(session) = self.session {
            write!(f, " (session {session})")?;
        }
        write!(f, "; {}", self.kind.required_action())
    }
}

fn from_measure(
    m: &Measurement,
    session: Option<u8>,
) -> impl Iterator<Item = CourseSafetyFlag> + '_ {
    m.safety_flags().iter().map(move |flag| CourseSafetyFlag {
        kind: flag.kind,
        date: m.date(),
        session,
        origin: SafetyFlagOrigin::Measure(*flag),
    })
}

impl Course {
    /// Every safety flag on the course, **newest first**: the flags of every
    /// measure taken with a session or outside one, and every suicidal thought
    /// reported in a session. Flags of the same day keep session order, a
    /// session's measures before what was reported in it.
    ///
    /// Flags are never dropped: a flag raised at session 1 is still here at
    /// session 12, whatever the later scores (DESIGN.md decision 8). The
    /// [review](Course::review), the [termination
    /// checklist](Course::termination_checklist) and the formulation print them
    /// first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, Phase, Phq9Score, ProblemArea, course::SafetyFlagOrigin, course::SessionRecord, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// let phq9 = Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 1, 1, 1])?;
    /// course.record_session(SessionRecord::new(1, day(2), Phase::Assessment).with_measure(phq9.measurement(day(2))))?;
    /// course.record_session(SessionRecord::new(2, day(9), Phase::Assessment).with_suicidal_thoughts_reported())?;
    ///
    /// let flags = course.safety_flags();
    /// assert_eq!(flags.len(), 2);
    /// assert_eq!((flags[0].session, flags[0].origin), (Some(2), SafetyFlagOrigin::Reported));
    /// assert_eq!(flags[1].session, Some(1));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn safety_flags(&self) -> Vec<CourseSafetyFlag> {
        let mut flags: Vec<CourseSafetyFlag> = Vec::new();
        for s in &self.sessions {
            for m in &s.measures {
                flags.extend(from_measure(m, Some(s.number)));
            }
            if s.safety.is_reported() {
                flags.push(CourseSafetyFlag {
                    kind: SafetyFlagKind::SuicidalIdeation,
                    date: s.date,
                    session: Some(s.number),
                    origin: SafetyFlagOrigin::Reported,
                });
            }
        }
        for m in &self.measurements {
            flags.extend(from_measure(m, None));
        }
        // Stable: flags of one day keep the order above.
        flags.sort_by_key(|f| std::cmp::Reverse(f.date));
        flags
    }
}
