//! What happened in one session, and the checks a course makes before it keeps
//! the record.

use crate::{
    catalogue::{Phase, ProblemArea, Technique},
    course::{AdolescentMood, Course, CourseError},
    inventory::SafetyScreen,
    measure::Measurement,
    sensitive::Sensitive,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The record of one session held: its number and date, the phase it was in,
/// the problem areas worked on, the techniques used, the symptom measures taken
/// with it, what the safety screen found, and the clinician's notes.
///
/// The notes are patient text ([`Sensitive`]): they never show in `Debug`
/// output or in an error. A measure's [`SafetyFlag`](crate::measure::SafetyFlag) and a
/// reported suicidal thought are surfaced on the course by
/// [`Course::safety_flags`], never dropped.
///
/// JSON (only `number`, `date` and `phase` are required):
///
/// ```
/// use interpersonal::{from_json, Phase, ProblemArea, course::SessionRecord, catalogue::Technique};
///
/// let record: SessionRecord = from_json(r#"{
///   "number": 5,
///   "date": "2026-03-30",
///   "phase": "active_treatment",
///   "areas_worked_on": ["role_dispute"],
///   "techniques": ["communication_analysis", "role_play"],
///   "measures": [{"instrument": "phq9", "date": "2026-03-30", "total": 12}],
///   "notes": "Talked about the phone call with Sam."
/// }"#)?;
/// assert_eq!(record.phase, Phase::ActiveTreatment);
/// assert_eq!(record.techniques, [Technique::CommunicationAnalysis, Technique::RolePlay]);
/// assert!(!format!("{record:?}").contains("Sam"));
/// # Ok::<(), interpersonal::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SessionRecord {
    /// The session's number in the contract, from 1.
    pub number: u8,
    /// The day it was held.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub date: NaiveDate,
    /// The phase of the course it was held in.
    pub phase: Phase,
    /// The problem areas worked on, each in the contract's focus.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_worked_on: Vec<ProblemArea>,
    /// The techniques used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub techniques: Vec<Technique>,
    /// The symptom measures taken with the session, each dated on the session
    /// day or in the days since the previous session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measurement>,
    /// What the session's safety screen found (CLINICAL-BASIS.md §9).
    #[serde(default, skip_serializing_if = "is_clear")]
    pub safety: SafetyScreen,
    /// The clinician's notes, in free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Sensitive<String>>,
    /// In IPT-A, the adolescent's mood rating at this session, with the best
    /// and worst of the week when asked (CLINICAL-BASIS.md §7.3); only on a
    /// course whose modality has an age range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adolescent_mood: Option<AdolescentMood>,
}

fn is_clear(screen: &SafetyScreen) -> bool {
    *screen == SafetyScreen::default()
}

impl SessionRecord {
    /// A record of session `number`, held on `date` in `phase`, with nothing
    /// else recorded yet.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, course::SessionRecord};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let record = SessionRecord::new(1, day, Phase::Assessment);
    /// assert!(record.areas_worked_on.is_empty() && record.notes.is_none());
    /// ```
    pub fn new(number: u8, date: NaiveDate, phase: Phase) -> Self {
        SessionRecord {
            number,
            date,
            phase,
            areas_worked_on: Vec::new(),
            techniques: Vec::new(),
            measures: Vec::new(),
            safety: SafetyScreen::default(),
            notes: None,
            adolescent_mood: None,
        }
    }

    /// Adds a problem area worked on.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, ProblemArea, course::SessionRecord};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
    /// let r = SessionRecord::new(5, day, Phase::ActiveTreatment).with_area(ProblemArea::Grief);
    /// assert_eq!(r.areas_worked_on, [ProblemArea::Grief]);
    /// ```
    #[must_use]
    pub fn with_area(mut self, area: ProblemArea) -> Self {
        self.areas_worked_on.push(area);
        self
    }

    /// Adds a technique used.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, course::SessionRecord, catalogue::Technique};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
    /// let r = SessionRecord::new(5, day, Phase::ActiveTreatment).with_technique(Technique::RolePlay);
    /// assert_eq!(r.techniques, [Technique::RolePlay]);
    /// ```
    #[must_use]
    pub fn with_technique(mut self, technique: Technique) -> Self {
        self.techniques.push(technique);
        self
    }

    /// Adds a symptom measure taken with the session.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, Phq9Score, course::SessionRecord};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let phq9 = Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 2, 2, 0])?;
    /// let r = SessionRecord::new(1, day, Phase::Assessment).with_measure(phq9.measurement(day));
    /// assert_eq!(r.measures[0].total(), 16);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    #[must_use]
    pub fn with_measure(mut self, measure: Measurement) -> Self {
        self.measures.push(measure);
        self
    }

    /// Records that the patient reported thoughts of death or self-harm in the
    /// session. The course surfaces it as a safety flag
    /// ([`Course::safety_flags`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, course::SessionRecord};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    /// let r = SessionRecord::new(2, day, Phase::Assessment).with_suicidal_thoughts_reported();
    /// assert!(r.safety.is_reported());
    /// ```
    #[must_use]
    pub fn with_suicidal_thoughts_reported(mut self) -> Self {
        self.safety.suicidal_thoughts = crate::inventory::ScreenAnswer::Reported;
        self
    }

    /// Sets the clinician's notes (kept as [`Sensitive`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, course::SessionRecord};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let r = SessionRecord::new(1, day, Phase::Assessment).with_notes("First meeting.");
    /// assert_eq!(r.notes.as_ref().map(|n| n.expose().as_str()), Some("First meeting."));
    /// assert!(!format!("{r:?}").contains("First"));
    /// ```
    #[must_use]
    pub fn with_notes(mut self, notes: impl Into<String>) -> Self {
        self.notes = Some(Sensitive::new(notes.into()));
        self
    }
}

impl SessionRecord {
    /// Records the adolescent's mood rating in IPT-A (CLINICAL-BASIS.md §7.3:
    /// 1 to 10, 10 the most negative, as in the Casebook's case). Its
    /// `session` must be this record's number.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, course::{AdolescentMood, AdolescentMoodRating as R, SessionRecord}};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let mood = AdolescentMood { session: 1, now: R::new(7).unwrap(), best: None, worst: None };
    /// let r = SessionRecord::new(1, day, Phase::Assessment).with_adolescent_mood(mood);
    /// assert_eq!(r.adolescent_mood.map(|m| m.now.value()), Some(7));
    /// ```
    #[must_use]
    pub fn with_adolescent_mood(mut self, mood: AdolescentMood) -> Self {
        self.adolescent_mood = Some(mood);
        self
    }
}

/// Checks a record's adolescent mood against the course's modality and the
/// record itself: the rating belongs to a modality with an age range (IPT-A),
/// to this session, and its best of the week is not worse than its worst.
pub(super) fn check_adolescent_mood(
    record: &SessionRecord,
    modality: crate::course::Modality,
) -> Result<(), CourseError> {
    let Some(mood) = record.adolescent_mood else {
        return Ok(());
    };
    let session = record.number;
    if modality.spec().age.is_none() {
        return Err(CourseError::AdolescentMoodOutsideAdolescentIpt { session, modality });
    }
    if mood.session != session {
        return Err(CourseError::AdolescentMoodForAnotherSession {
            session,
            rated: mood.session,
        });
    }
    if let (Some(best), Some(worst)) = (mood.best, mood.worst) {
        if best.is_worse_than(worst) {
            return Err(CourseError::AdolescentMoodBestWorseThanWorst {
                session,
                best: best.value(),
                worst: worst.value(),
            });
        }
    }
    Ok(())
}

impl Course {
    /// Keeps the record of a session held, after checking it against the
    /// course.
    ///
    /// The checks, in order (the first failure is returned and nothing is
    /// kept):
    ///
    /// * the number is one of the contract's sessions, 1 to
    ///   [`TreatmentContract::sessions`](crate::course::TreatmentContract::sessions);
    /// * it is not recorded yet, and is above the last number recorded
    ///   (sessions are recorded in order; a number may be skipped for a session
    ///   missed and not made up);
    /// * the date is after the previous session's, and not before the day the
    ///   current phase began;
    /// * the record's phase is the course's [current phase](Course::phase);
    /// * every area worked on is in the contract's agreed focus. IPT keeps the
    ///   agreed focus and revises it only with the patient (CLINICAL-BASIS.md §2.5
    ///   rule 5 [S: `markowitz-weissman-2012-casebook` ch. 17]), so work on another
    ///   area is refused with an error that says to
    ///   [revise the focus](Course::revise_focus) first. A later revision does
    ///   not make earlier records invalid;
    /// * every measure is dated on the session day or after the previous
    ///   session, and no measurement of the same instrument is already on the
    ///   course for that date.
    ///
    /// The measures' safety flags, and a reported suicidal thought, are then
    /// part of [`Course::safety_flags`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, course::CourseError, Phase, Phq9Score, ProblemArea, course::SessionRecord, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::RoleDispute]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    ///
    /// let phq9 = Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 2, 2, 1])?;
    /// course.record_session(
    ///     SessionRecord::new(1, day(2), Phase::Assessment).with_measure(phq9.measurement(day(2))),
    /// )?;
    /// // Item 9 was positive: the flag is on the course.
    /// assert_eq!(course.safety_flags().len(), 1);
    ///
    /// let err = course.record_session(SessionRecord::new(2, day(1), Phase::Assessment)).unwrap_err();
    /// assert!(matches!(err, CourseError::SessionDateNotAfterPrevious { session: 2, .. }));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CourseError::SessionNotInContract`], [`CourseError::DuplicateSession`],
    /// [`CourseError::SessionOutOfOrder`],
    /// [`CourseError::SessionDateNotAfterPrevious`],
    /// [`CourseError::DatedBeforePhase`], [`CourseError::SessionPhaseMismatch`],
    /// [`CourseError::AreaNotInFocus`], [`CourseError::MeasureAfterSession`],
    /// [`CourseError::MeasureBeforePreviousSession`] or
    /// [`CourseError::MeasureDateTaken`], as listed above.
    pub fn record_session(&mut self, record: SessionRecord) -> Result<(), CourseError> {
        let session = record.number;
        let sessions = self.contract().sessions;
        if session == 0 || session > sessions {
            return Err(CourseError::SessionNotInContract { session, sessions });
        }
        let previous = self.sessions().last();
        if let Some(last) = previous {
            if self.sessions().iter().any(|s| s.number == session) {
                return Err(CourseError::DuplicateSession { session });
            }
            if session < last.number {
                return Err(CourseError::SessionOutOfOrder {
                    session,
                    last: last.number,
                });
            }
            if record.date <= last.date {
                return Err(CourseError::SessionDateNotAfterPrevious {
                    session,
                    date: record.date,
                    previous_session: last.number,
                    previous: last.date,
                });
            }
        }
        let current = self.phase();
        if let Some(began) = self.phase_began(current) {
            if record.date < began {
                return Err(CourseError::DatedBeforePhase {
                    on: record.date,
                    phase: current,
                    began,
                });
            }
        }
        if record.phase != current {
            return Err(CourseError::SessionPhaseMismatch {
                session,
                recorded: record.phase,
                current,
            });
        }
        if let Some(area) = record
            .areas_worked_on
            .iter()
            .find(|a| !self.contract().focus.contains(a))
        {
            return Err(CourseError::AreaNotInFocus {
                session,
                area: *area,
            });
        }
        check_adolescent_mood(&record, self.contract().modality)?;
        let previous_date = previous.map(|p| p.date);
        // The record's own measurements so far, to find one repeated in it.
        let mut in_record = std::collections::BTreeSet::new();
        for m in &record.measures {
            if m.date() > record.date {
                return Err(CourseError::MeasureAfterSession {
                    session,
                    instrument: m.instrument(),
                    date: m.date(),
                    session_date: record.date,
                });
            }
            if let Some(previous) = previous_date.filter(|p| m.date() <= *p) {
                return Err(CourseError::MeasureBeforePreviousSession {
                    session,
                    instrument: m.instrument(),
                    date: m.date(),
                    previous,
                });
            }
            let earlier_in_record = !in_record.insert((m.instrument(), m.date()));
            if earlier_in_record || self.measurement_taken(m) {
                return Err(CourseError::MeasureDateTaken {
                    instrument: m.instrument(),
                    date: m.date(),
                });
            }
        }
        self.taken.append(&mut in_record);
        self.sessions_mut().push(record);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clear_safety_screen_is_left_out_of_the_json() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let clear = SessionRecord::new(1, day, Phase::Assessment);
        let json = serde_json::to_string(&clear).unwrap();
        assert_eq!(
            json,
            r#"{"number":1,"date":"2026-03-02","phase":"assessment"}"#
        );
        let flagged = clear.with_suicidal_thoughts_reported();
        let json = serde_json::to_string(&flagged).unwrap();
        assert!(json.contains(r#""safety":{"suicidal_thoughts_reported":true}"#));
        assert_eq!(
            serde_json::from_str::<SessionRecord>(&json).unwrap(),
            flagged
        );
    }
}
