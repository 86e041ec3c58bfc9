//! A progress review of a course as of a date.

mod advisory;
mod rhythm;
mod termination;

pub use advisory::{ReviewAdvisory, ReviewAdvisoryCode};
pub use rhythm::RhythmReview;
pub use termination::{TerminationChecklist, TerminationItem};

use std::fmt;

use crate::macros::source;
use crate::{
    bibliography::{Citation, cited},
    catalogue::{Phase, ProblemArea},
    course::{Course, CourseSafetyFlag, ScheduledSession},
    goal::GoalStatus,
    id::GoalId,
    measure::{Instrument, MeasureOutcome, TrendSummary, measurement_due},
    source::{Basis, Source},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// IPSRT's mood measures at the standard measurement sessions: the PHQ-9
/// beside the ASRM, so a course tracks both poles (the sessions are the
/// crate's standard schedule, I).
const MOOD_MEASURES_BOTH_POLES: Source = source![
    cited::STUART_ROBERTSON_INFERRED,
    Citation::new("altman-1997-asrm", "", Basis::Known),
    Citation::new("frank-2005-ipsrt", "", Basis::Known)
];
/// IPSRT's rhythm diary, kept from the initial phase on; reviewed at every
/// session by the crate's reading (I).
const RHYTHM_DIARY: Source = source![Citation::new(
    "frank-2005-ipsrt",
    "social rhythm metric",
    Basis::Inferred
)];

/// Where one goal stands at a review: its status and the progress recorded
/// by the review date. Ids and numbers only; the goal's statement stays on
/// the [`Goal`](crate::goal::Goal).
///
/// ```
/// use interpersonal::{id::GoalId, course::GoalReview, goal::GoalStatus, ProblemArea};
/// let g = GoalReview::new(GoalId::new("g1")?, ProblemArea::Grief, GoalStatus::Active);
/// assert_eq!(g.progress_entries, 0);
/// assert_eq!(g.target_met, None);
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GoalReview {
    /// The goal's id.
    pub goal: GoalId,
    /// Its problem area.
    pub area: ProblemArea,
    /// Its status on the review date.
    pub status: GoalStatus,
    /// How many progress entries are dated on or before the review date.
    pub progress_entries: usize,
    /// The date of the latest of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::date::day_json::option")]
    pub latest: Option<NaiveDate>,
    /// The latest value recorded by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_value: Option<u16>,
    /// Whether that value meets the goal's target; `None` when there is no
    /// value or the target is described in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_met: Option<bool>,
}

impl GoalReview {
    /// A goal with no progress recorded.
    ///
    /// ```
    /// use interpersonal::{id::GoalId, course::GoalReview, goal::GoalStatus, ProblemArea};
    /// let g = GoalReview::new(GoalId::new("g1")?, ProblemArea::RoleDispute, GoalStatus::Proposed);
    /// assert!(g.latest.is_none());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn new(goal: GoalId, area: ProblemArea, status: GoalStatus) -> Self {
        GoalReview {
            goal,
            area,
            status,
            progress_entries: 0,
            latest: None,
            latest_value: None,
            target_met: None,
        }
    }
}

/// A course as it stands on a date: the safety flags first, the phase and
/// sessions, whether the symptom measures are due, the symptom trends with
/// response, remission, reliable improvement and recovery (CLINICAL-BASIS.md
/// §8.4), each goal's progress, and advisories.
///
/// Made by [`Course::review`]. It holds ids, numbers and dates, never patient
/// text, so it is safe to store or log; its `Display` is a plain-text report
/// that prints the safety flags before anything else.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, Phase, ProblemArea, TreatmentContract};
///
/// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
/// let course = Course::new(contract, Vec::new())?;
/// let review = course.review(start);
/// assert_eq!(review.phase, Phase::Assessment);
/// assert_eq!((review.sessions_held, review.sessions_remaining), (0, 12));
/// assert_eq!(review.measurement_due, Some(1));
/// assert!(review.to_string().starts_with("Progress review as of 2026-03-02"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressReview {
    /// The review date.
    #[serde(with = "crate::date::day_json")]
    pub as_of: NaiveDate,
    /// Every safety flag dated on or before the review date, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safety_flags: Vec<CourseSafetyFlag>,
    /// The phase the course was in on the review date.
    pub phase: Phase,
    /// The sessions contracted.
    pub sessions_contracted: u8,
    /// The sessions held by the review date.
    pub sessions_held: u8,
    /// The number of the last session held by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_session: Option<u8>,
    /// The sessions left: those contracted after the last one held. A session
    /// missed and not made up counts as used, since the end date is kept
    /// (CLINICAL-BASIS.md §1.1 [S: `markowitz-weissman-2012-casebook` ch. 3]).
    pub sessions_remaining: u8,
    /// The next session on the schedule, if any is left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_session: Option<ScheduledSession>,
    /// The number of the next session when the symptom measures are due at
    /// it: sessions 1, 4, 8, 12, … ([`measurement_due`]; PHQ-9 and GAD-7
    /// every 4 sessions, the IPT Institute's training practice [I: after
    /// `stuart-robertson-2012-clinicians-guide`, not checked in the book]).
    /// In a maintenance IPT or an MIT course the same sessions of that course
    /// are used: the crate's choice, not a published rule (I).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurement_due: Option<u8>,
    /// The instruments due at [`measurement_due`](Self::measurement_due), as
    /// the course's modality asks ([`Modality::review_measures`]): the PHQ-9
    /// and GAD-7, or for IPSRT the PHQ-9 and the ASRM. Empty when no
    /// measurement is due.
    ///
    /// [`Modality::review_measures`]: crate::course::Modality::review_measures
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures_due: Vec<Instrument>,
    /// IPSRT: the next session, at which the Social Rhythm Metric diary of
    /// the days before it is reviewed, when the course's modality keeps the
    /// diary ([`Modality::keeps_rhythm_diary`](crate::course::Modality::keeps_rhythm_diary)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm_diary_due: Option<u8>,
    /// A trend summary for each instrument measured by the review date, in
    /// instrument order (PHQ-9, GAD-7, HAM-D-17).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trends: Vec<TrendSummary>,
    /// IPSRT: the Social Rhythm Metric diary, when the course records one
    /// ([`Course::record_rhythm_week`]); the mood measures (PHQ-9, ASRM) are
    /// among the `trends`, and a positive ASRM among the safety flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<RhythmReview>,
    /// Each goal's progress, in the course's goal order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalReview>,
    /// What the review points out: safety flags first (critical), then no
    /// response by mid-treatment (warning), then a measurement due and goals
    /// without progress (info).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advisories: Vec<ReviewAdvisory>,
}

impl ProgressReview {
    /// The trend of the primary depression scale: the PHQ-9 when measured,
    /// otherwise the HAM-D-17.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, measure::Instrument, measure::Measurement, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_measurement(Measurement::new(Instrument::Gad7, day(2), 9)?)?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day(2), 16)?)?;
    /// let review = course.review(day(3));
    /// assert_eq!(review.trends.len(), 2);
    /// assert_eq!(review.depression().unwrap().instrument, Instrument::Phq9);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn depression(&self) -> Option<&TrendSummary> {
        let of = |i: Instrument| self.trends.iter().find(|t| t.instrument == i);
        of(Instrument::Phq9).or_else(|| of(Instrument::Hamd17))
    }
}

/// The session at which a course of `sessions` is at mid-treatment: half the
/// contracted number, rounded up (6 of 12, 7 of 13, 8 of 16) \[I\].
fn mid_treatment(sessions: u8) -> u8 {
    sessions.div_ceil(2)
}

fn words(name: &str) -> String {
    name.replace('_', " ")
}

fn outcome(o: MeasureOutcome) -> String {
    words(o.into())
}

impl Course {
    /// Reviews the course as of `as_of`, using only what is dated on or before
    /// it: sessions, measures, phase changes, goal progress.
    ///
    /// Advisories, in this order:
    ///
    /// * **safety flag** (critical): one per flag, newest first;
    /// * **no response by mid-treatment** (warning): at or after the session
    ///   at half the contracted number (rounded up), when the latest total of
    ///   the primary depression scale (PHQ-9, or the HAM-D-17 when there is no
    ///   PHQ-9) has not fallen by at least 50% from baseline; it advises
    ///   re-checking the focus with the patient and considering an evaluation
    ///   for medication (see [`ReviewAdvisoryCode::source`] for the sources and
    ///   what is inferred: the mid-treatment timing is this crate's \[I\]);
    /// * **measurement due** (info): when the next session is 1, 4, 8, 12, …;
    /// * **goal without progress** (info): once active treatment has begun,
    ///   for each goal not achieved or discontinued with no progress recorded.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, measure::Instrument, measure::Measurement, Phase, ProblemArea, course::ReviewAdvisoryCode, course::SessionRecord, TreatmentContract};
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let week = |n: u64| start + chrono::Days::new(7 * n);
    /// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// for n in 1..=6u8 {
    ///     let date = week(u64::from(n) - 1);
    ///     let mut record = SessionRecord::new(n, date, Phase::Assessment);
    ///     if n == 1 || n == 4 {
    ///         let total = if n == 1 { 18 } else { 15 };
    ///         record = record.with_measure(Measurement::new(Instrument::Phq9, date, total)?);
    ///     }
    ///     course.record_session(record)?;
    /// }
    /// let review = course.review(week(5));
    /// assert_eq!(review.last_session, Some(6));
    /// assert_eq!(review.advisories[0].code, ReviewAdvisoryCode::NoResponseByMidTreatment);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn review(&self, as_of: NaiveDate) -> ProgressReview {
        let contracted = self.contract.sessions;
        let held: Vec<_> = self.sessions.iter().filter(|s| s.date <= as_of).collect();
        let last_session = held.last().map(|s| s.number);
        let last = last_session.unwrap_or(0);
        let next = last.checked_add(1).filter(|n| *n <= contracted);
        let phase = self
            .phase_changes
            .iter()
            .rev()
            .find(|c| c.on <= as_of)
            .map_or(self.first_phase(), |c| c.to);
        let safety_flags: Vec<CourseSafetyFlag> = self
            .safety_flags()
            .into_iter()
            .filter(|f| f.date <= as_of)
            .collect();
        let trends: Vec<TrendSummary> = Instrument::iter()
            .filter_map(|i| self.trend(i, as_of))
            .map(|t| t.summary())
            .collect();
        let goals: Vec<GoalReview> = self
            .goals
            .iter()
            .map(|g| {
                let status = g
                    .status_changes()
                    .iter()
                    .rev()
                    .find(|c| c.on <= as_of)
                    .map(|c| c.to)
                    .or_else(|| g.status_changes().first().map(|c| c.from))
                    .unwrap_or(g.status());
                let entries: Vec<_> = g.progress().iter().filter(|e| e.date <= as_of).collect();
                let latest_value = entries.iter().rev().find_map(|e| e.value);
                GoalReview {
                    goal: g.id.clone(),
                    area: g.area,
                    status,
                    progress_entries: entries.len(),
                    latest: entries.last().map(|e| e.date),
                    latest_value,
                    target_met: latest_value.and_then(|v| g.target.is_met_by(v)),
                }
            })
            .collect();
        let measurement_due = next.filter(|n| measurement_due(u32::from(*n)));
        let modality = self.contract.modality;
        let measures_due = match measurement_due {
            Some(_) => modality.review_measures().to_vec(),
            None => Vec::new(),
        };
        let rhythm_diary_due = next.filter(|_| modality.keeps_rhythm_diary());

        let mut review = ProgressReview {
            as_of,
            safety_flags,
            phase,
            sessions_contracted: contracted,
            sessions_held: u8::try_from(held.len()).unwrap_or(u8::MAX),
            last_session,
            sessions_remaining: contracted.saturating_sub(last),
            next_session: next.and_then(|n| self.schedule.session(n)).copied(),
            measurement_due,
            measures_due,
            rhythm_diary_due,
            trends,
            rhythm: RhythmReview::of(&self.rhythm, as_of),
            goals,
            advisories: Vec::new(),
        };
        review.advisories = advisories(&review);
        review
    }
}

fn advisories(review: &ProgressReview) -> Vec<ReviewAdvisory> {
    let mut out: Vec<ReviewAdvisory> = review
        .safety_flags
        .iter()
        .map(|flag| {
            let mut advisory =
                ReviewAdvisory::new(ReviewAdvisoryCode::SafetyFlag, flag.to_string(), None);
            advisory.source = ReviewAdvisoryCode::safety_flag_source(flag.kind);
            advisory
        })
        .collect();

    let mid = mid_treatment(review.sessions_contracted);
    if let (Some(last), Some(trend)) = (review.last_session, review.depression()) {
        if last >= mid && trend.response == MeasureOutcome::NotMet {
            let percent = trend
                .percent_change
                .map_or(String::new(), |p| format!(" ({p:+}%)"));
            out.push(ReviewAdvisory::new(
                ReviewAdvisoryCode::NoResponseByMidTreatment,
                format!(
                    "no response by mid-treatment (session {last} of {}, mid-treatment at session {mid}): {} from {} on {} to {} on {}{percent}, short of the 50% drop that counts as a response; re-check the focus with the patient and consider an evaluation for medication",
                    review.sessions_contracted,
                    trend.instrument.label(),
                    trend.baseline.total(),
                    trend.baseline.date(),
                    trend.latest.total(),
                    trend.latest.date(),
                ),
                None,
            ));
        }
    }

    let when = review
        .next_session
        .map_or(String::new(), |s| format!(" on {}", s.date));
    if let Some(session) = review.measurement_due {
        let labels: Vec<&str> = review.measures_due.iter().map(|i| i.label()).collect();
        let mut advisory = ReviewAdvisory::new(
            ReviewAdvisoryCode::MeasurementDue,
            format!(
                "the {} are due at session {session}{when}",
                labels.join(" and ")
            ),
            None,
        );
        if review.measures_due.contains(&Instrument::Asrm) {
            advisory.source = MOOD_MEASURES_BOTH_POLES;
        }
        out.push(advisory);
    }
    if let Some(session) = review.rhythm_diary_due {
        let mut advisory = ReviewAdvisory::new(
            ReviewAdvisoryCode::MeasurementDue,
            format!(
                "the Social Rhythm Metric diary of the days before session {session}{when} is due, to review the week's rhythms"
            ),
            None,
        );
        advisory.source = RHYTHM_DIARY;
        out.push(advisory);
    }

    if review.phase >= Phase::ActiveTreatment {
        for g in &review.goals {
            if !g.status.is_final() && g.progress_entries == 0 {
                out.push(ReviewAdvisory::new(
                    ReviewAdvisoryCode::GoalWithoutProgress,
                    format!(
                        "goal `{}` ({}) has no progress recorded",
                        g.goal,
                        g.area.name()
                    ),
                    Some(g.goal.clone()),
                ));
            }
        }
    }
    out
}

impl fmt::Display for ProgressReview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for flag in &self.safety_flags {
            writeln!(f, "SAFETY (critical): {flag}")?;
        }
        writeln!(f, "Progress review as of {}", self.as_of)?;
        write!(
            f,
            "Phase: {}. Sessions held: {} of {}",
            words(self.phase.into()),
            self.sessions_held,
            self.sessions_contracted
        )?;
        if let Some(last) = self.last_session {
            write!(f, " (last: session {last})")?;
        }
        write!(f, "; {} remaining", self.sessions_remaining)?;
        if let Some(next) = self.next_session {
            write!(f, "; next: session {} on {}", next.number, next.date)?;
        }
        writeln!(f, ".")?;
        for t in &self.trends {
            write!(
                f,
                "{}: baseline {} on {}, latest {} on {} ({}); change {:+}",
                t.instrument.label(),
                t.baseline.total(),
                t.baseline.date(),
                t.latest.total(),
                t.latest.date(),
                words(t.latest_severity.band_name()),
                t.change_from_baseline
            )?;
            if let Some(p) = t.percent_change {
                write!(f, " ({p:+}%)")?;
            }
            writeln!(
                f,
                "; response: {}; remission: {}; reliable improvement: {}; recovery: {}.",
                outcome(t.response),
                outcome(t.remission),
                outcome(t.reliable_improvement),
                outcome(t.recovery)
            )?;
        }
        if let Some(rhythm) = &self.rhythm {
            writeln!(f, "{rhythm}")?;
        }
        if !self.goals.is_empty() {
            writeln!(f, "Goals:")?;
            for g in &self.goals {
                write!(
                    f,
                    "  {} ({}): {}; {} progress entr{}",
                    g.goal,
                    g.area.name(),
                    g.status,
                    g.progress_entries,
                    if g.progress_entries == 1 { "y" } else { "ies" }
                )?;
                if let Some(latest) = g.latest {
                    write!(f, ", latest {latest}")?;
                }
                if let Some(value) = g.latest_value {
                    write!(f, ", value {value}")?;
                }
                match g.target_met {
                    Some(true) => write!(f, "; target met")?,
                    Some(false) => write!(f, "; target not met")?,
                    None => {}
                }
                writeln!(f)?;
            }
        }
        let rest: Vec<_> = self
            .advisories
            .iter()
            .filter(|a| a.code != ReviewAdvisoryCode::SafetyFlag)
            .collect();
        if !rest.is_empty() {
            writeln!(f, "Advisories:")?;
            for a in rest {
                writeln!(f, "  {a}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_treatment_rounds_up() {
        assert_eq!(mid_treatment(12), 6);
        assert_eq!(mid_treatment(13), 7);
        assert_eq!(mid_treatment(16), 8);
        assert_eq!(mid_treatment(255), 128);
    }
}
