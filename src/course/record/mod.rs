//! A course of treatment: the contract and its schedule, the phase reached,
//! the tasks done, the sessions held, the goals and the symptom measures.

mod error;
mod json;
mod progression;
mod safety;
mod session_record;

pub use error::CourseError;
pub use progression::{CompletedTask, PhaseChange};
pub use safety::{CourseSafetyFlag, SafetyFlagOrigin};
pub use session_record::SessionRecord;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use self::json::{CourseRecord, check_goals, reroot};
use crate::{
    catalogue::{ClassicPhase, Phase, ProblemArea},
    course::{Schedule, ScheduleError, ScheduleOptions, TreatmentContract},
    error::{JsonPath, Problems},
    goal::{Goal, GoalStatus, ProgressEntry},
    id::GoalId,
    ipsrt::{RhythmSeries, SrmWeek},
    measure::{Instrument, Measurement, SymptomTrend},
};

/// The version of the course JSON document this crate reads and writes.
///
/// ```
/// assert_eq!(interpersonal::course::COURSE_SCHEMA_VERSION, 1);
/// ```
pub const COURSE_SCHEMA_VERSION: u32 = 1;

/// One patient's course of IPT: the [`TreatmentContract`] and the
/// [`Schedule`] made from it, the [`Phase`] reached and when each phase began,
/// the [phase tasks](crate::catalogue::PhaseTask) done and when, the [sessions
/// held](SessionRecord), the treatment [goals](Goal) and the symptom
/// [measurements](Measurement) taken outside sessions.
///
/// An acute course starts in [`Phase::Assessment`]; a maintenance course
/// (IPT-M, whose modality's layout is all maintenance) starts in
/// [`Phase::Maintenance`] ([`Course::first_phase`]). A course moves on only with
/// [`Course::advance_phase`], which checks the tasks of each phase: active
/// treatment does not begin without a selected problem area, the patient's
/// agreement and a treatment contract (CLINICAL-BASIS.md §1.1 tasks 8–10
/// [S: `markowitz-2016-ptsd` appendix, formulation; `markowitz-weissman-2012-casebook` ch. 17]).
/// Every change goes through a method that checks it, so a course is always consistent: sessions in
/// order and within the contract, goals matching the contract's goal ids, one measurement per
/// instrument and date.
///
/// Safety comes first (DESIGN.md decision 8): [`Course::safety_flags`] returns
/// every flag from any measure and any suicidal thought reported in a session,
/// and the [review](Course::review), the [termination
/// checklist](Course::termination_checklist) and the formulation print them
/// before anything else.
///
/// The crate is decision support: it keeps the record and points out what the
/// manuals ask for; the clinician decides.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, id::GoalId, goal::GoalTarget, goal::GoalTemplate, goal::InstrumentId, Phase, catalogue::PhaseTask, ProblemArea, course::SessionRecord, TreatmentContract};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let goal_id = GoalId::new("g-dispute")?;
/// let contract = TreatmentContract::builder(day(2), [ProblemArea::RoleDispute])
///     .goal(goal_id.clone())
///     .build()?;
/// let goal = GoalTemplate::for_area(ProblemArea::RoleDispute)[0].goal(
///     goal_id,
///     GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 9 },
/// );
/// let mut course = Course::new(contract, vec![goal])?;
/// assert_eq!(course.phase(), Phase::Assessment);
/// assert_eq!(course.schedule().session_count(), 12);
///
/// course.record_session(SessionRecord::new(1, day(2), Phase::Assessment))?;
/// for task in Phase::Assessment.tasks() {
///     course.complete_task(*task, day(2))?;
/// }
/// assert_eq!(course.advance_phase(day(9))?, Phase::GoalSetting);
///
/// // Round trip through JSON; reading checks every invariant again.
/// let json = interpersonal::to_json(&course)?;
/// let back: Course = interpersonal::from_json(&json)?;
/// assert_eq!(back, course);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "json::CourseRecord")
)]
#[serde(into = "CourseRecord")]
pub struct Course {
    pub(super) contract: TreatmentContract,
    pub(super) schedule: Schedule,
    pub(super) phase: Phase,
    pub(super) phase_changes: Vec<PhaseChange>,
    pub(super) tasks_done: Vec<CompletedTask>,
    pub(super) sessions: Vec<SessionRecord>,
    pub(super) goals: Vec<Goal>,
    pub(super) measurements: Vec<Measurement>,
    /// IPSRT: the weeks of the Social Rhythm Metric diary, in date order.
    pub(super) rhythm: RhythmSeries,
    /// The instrument and date of every measurement above (the sessions'
    /// and the others), kept beside them so that recording one more is a
    /// lookup, not a scan of the course: derived, never written to JSON.
    pub(super) taken: BTreeSet<(Instrument, NaiveDate)>,
}

impl<'de> Deserialize<'de> for Course {
    /// Reads the course's record and checks it, each problem at its path.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::error::read_checked::<D, CourseRecord, Course>(deserializer)
    }
}

impl Course {
    /// Starts a course from a contract and its goals, with a schedule made by
    /// [`Schedule::generate`] with the default [`ScheduleOptions`], in the
    /// phase the contract's modality begins with ([`Course::first_phase`]):
    /// [`Phase::Assessment`] for an acute course, [`Phase::Maintenance`] for a
    /// maintenance contract, which may follow acute treatment given elsewhere.
    ///
    /// The contract may not be agreed yet: a course usually starts with the
    /// focus the assessment suggests, and the patient's agreement is recorded
    /// when [`PhaseTask::ObtainAgreement`](crate::catalogue::PhaseTask::ObtainAgreement)
    /// is done.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, id::GoalId, ProblemArea, TreatmentContract};
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// // The contract names a goal the course is not given.
    /// let contract = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .goal(GoalId::new("g1")?)
    ///     .build()?;
    /// let problems = Course::new(contract, Vec::new()).unwrap_err();
    /// assert_eq!(problems.as_slice()[0].path.as_str(), "$.contract.goals[0]");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns every problem at once: the contract's own ([`TreatmentContract::validate`],
    /// at `$.contract…`), a goal id the contract does not list (`$.goals[i].id`)
    /// or listed twice, and a contract goal id with no goal (`$.contract.goals[i]`).
    pub fn new(contract: TreatmentContract, goals: Vec<Goal>) -> Result<Course, Problems> {
        Course::with_schedule_options(contract, goals, &ScheduleOptions::default())
    }

    /// Starts a course as [`Course::new`] does, laying out the schedule with
    /// `options` (dates to skip, sessions in the initial and termination
    /// phases).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, ProblemArea, course::ScheduleOptions, TreatmentContract};
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut options = ScheduleOptions::default();
    /// options.skip = vec![NaiveDate::from_ymd_opt(2026, 4, 6).unwrap()];
    /// let course = Course::with_schedule_options(contract, Vec::new(), &options)?;
    /// assert_eq!(course.schedule().session(6).unwrap().date, NaiveDate::from_ymd_opt(2026, 4, 7).unwrap());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Course::new`]; also the options' own problems, at
    /// `$.schedule_options…`, and a schedule that cannot be laid out, at
    /// `$.schedule`.
    pub fn with_schedule_options(
        contract: TreatmentContract,
        goals: Vec<Goal>,
        options: &ScheduleOptions,
    ) -> Result<Course, Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();
        if let Err(p) = contract.validate() {
            reroot(p, &root.field("contract"), &mut problems);
        }
        let schedule = match Schedule::generate(&contract, options) {
            Ok(schedule) => Some(schedule),
            Err(ScheduleError::Contract(_)) => None,
            Err(ScheduleError::Options(p)) => {
                reroot(p, &root.field("schedule_options"), &mut problems);
                None
            }
            Err(other) => {
                problems.at(
                    root.field("schedule"),
                    format!("a schedule that can be laid out; {other}"),
                );
                None
            }
        };
        check_goals(&contract.goals, &goals, &mut problems);
        match schedule {
            Some(schedule) if problems.is_empty() => Ok(Course {
                phase: first_phase_of(&contract),
                contract,
                schedule,
                phase_changes: Vec::new(),
                tasks_done: Vec::new(),
                sessions: Vec::new(),
                goals,
                measurements: Vec::new(),
                rhythm: RhythmSeries::default(),
                taken: BTreeSet::new(),
            }),
            _ => Err(problems),
        }
    }

    /// The treatment contract.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert_eq!(course.contract().focus, [ProblemArea::Grief]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn contract(&self) -> &TreatmentContract {
        &self.contract
    }

    /// The phase the course began in: [`Phase::Maintenance`] when the
    /// contract's modality lays out maintenance sessions only (maintenance
    /// IPT, CLINICAL-BASIS.md §7.6), [`Phase::Assessment`] otherwise. The
    /// modality data ([`ModalitySpec::layout`](crate::course::ModalitySpec::layout))
    /// decides it, so the course's phases and its schedule's agree.
    ///
    /// ```
    /// use interpersonal::{Course, Phase, ProblemArea, TreatmentContract, course::{Cadence, Modality}};
    ///
    /// // IPT-M after an acute course given elsewhere.
    /// let contract = TreatmentContract::builder("2026-03-02", [ProblemArea::RoleDispute])
    ///     .modality(Modality::MAINTENANCE_IPT)
    ///     .cadence(Cadence::Monthly)
    ///     .sessions(6)
    ///     .build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert_eq!(course.first_phase(), Phase::Maintenance);
    /// assert_eq!(course.phase(), Phase::Maintenance);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn first_phase(&self) -> Phase {
        first_phase_of(&self.contract)
    }

    /// The session schedule.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert_eq!(course.schedule().end_date(), NaiveDate::from_ymd_opt(2026, 5, 18).unwrap());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The phase the course is in.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, Phase, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert_eq!(course.phase(), Phase::Assessment);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The session records, in session order.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, Phase, ProblemArea, course::SessionRecord, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_session(SessionRecord::new(1, start, Phase::Assessment))?;
    /// assert_eq!(course.sessions().len(), 1);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn sessions(&self) -> &[SessionRecord] {
        &self.sessions
    }

    pub(super) fn sessions_mut(&mut self) -> &mut Vec<SessionRecord> {
        &mut self.sessions
    }

    /// The record of session `number`, if it was held.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, Phase, ProblemArea, course::SessionRecord, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_session(SessionRecord::new(1, start, Phase::Assessment))?;
    /// assert_eq!(course.session(1).map(|s| s.date), Some(start));
    /// assert!(course.session(2).is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn session(&self, number: u8) -> Option<&SessionRecord> {
        self.sessions.iter().find(|s| s.number == number)
    }

    /// The treatment goals, one for each id in the contract's goals.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert!(course.goals().is_empty());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn goals(&self) -> &[Goal] {
        &self.goals
    }

    /// The goal with this id, if the course has it.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, id::GoalId, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert!(course.goal(&GoalId::new("g1")?).is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn goal(&self, id: &GoalId) -> Option<&Goal> {
        self.goals.iter().find(|g| &g.id == id)
    }

    /// Records progress on a goal (see [`Goal::record_progress`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, Goal, id::GoalId, goal::GoalTarget, ProblemArea, goal::ProgressEntry, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let id = GoalId::new("g1")?;
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).goal(id.clone()).build()?;
    /// let goal = Goal::new(id.clone(), ProblemArea::Grief, "Mourn", GoalTarget::Described("Mourn".into()));
    /// let mut course = Course::new(contract, vec![goal])?;
    /// course.record_goal_progress(&id, ProgressEntry::new(day(30)))?;
    /// assert_eq!(course.goal(&id).unwrap().progress().len(), 1);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CourseError::UnknownGoal`] when no goal has the id;
    /// [`CourseError::GoalProgress`] when the goal refuses the entry.
    pub fn record_goal_progress(
        &mut self,
        id: &GoalId,
        entry: ProgressEntry,
    ) -> Result<(), CourseError> {
        let goal = self.goal_mut(id)?;
        goal.record_progress(entry)?;
        Ok(())
    }

    /// Changes a goal's status (see [`Goal::set_status`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, Goal, id::GoalId, goal::GoalStatus, goal::GoalTarget, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let id = GoalId::new("g1")?;
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).goal(id.clone()).build()?;
    /// let goal = Goal::new(id.clone(), ProblemArea::Grief, "Mourn", GoalTarget::Described("Mourn".into()));
    /// let mut course = Course::new(contract, vec![goal])?;
    /// course.set_goal_status(&id, GoalStatus::Active, day(16))?;
    /// assert!(course.set_goal_status(&id, GoalStatus::Proposed, day(17)).is_err());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CourseError::UnknownGoal`] when no goal has the id;
    /// [`CourseError::GoalStatus`] when the goal refuses the change.
    pub fn set_goal_status(
        &mut self,
        id: &GoalId,
        status: GoalStatus,
        on: NaiveDate,
    ) -> Result<(), CourseError> {
        let goal = self.goal_mut(id)?;
        goal.set_status(status, on)?;
        Ok(())
    }

    fn goal_mut(&mut self, id: &GoalId) -> Result<&mut Goal, CourseError> {
        self.goals
            .iter_mut()
            .find(|g| &g.id == id)
            .ok_or_else(|| CourseError::UnknownGoal { goal: id.clone() })
    }

    /// The symptom measurements taken outside sessions (at an intake, by
    /// post), in the order recorded. Measures taken with a session are on its
    /// [`SessionRecord`]; [`Course::measurements_of`] gathers both.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert!(course.measurements().is_empty());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn measurements(&self) -> &[Measurement] {
        &self.measurements
    }

    /// Records a measurement taken outside a session.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, course::CourseError, measure::Instrument, measure::Measurement, ProblemArea, TreatmentContract};
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 23).unwrap();
    /// let contract = TreatmentContract::builder(day, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day, 17)?)?;
    /// let again = course.record_measurement(Measurement::new(Instrument::Phq9, day, 16)?);
    /// assert!(matches!(again, Err(CourseError::MeasureDateTaken { .. })));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CourseError::MeasureDateTaken`] when the course already has a
    /// measurement of the instrument on that date.
    pub fn record_measurement(&mut self, measurement: Measurement) -> Result<(), CourseError> {
        if self.measurement_taken(&measurement) {
            return Err(CourseError::MeasureDateTaken {
                instrument: measurement.instrument(),
                date: measurement.date(),
            });
        }
        self.taken
            .insert((measurement.instrument(), measurement.date()));
        self.measurements.push(measurement);
        Ok(())
    }

    /// Records a week of the Social Rhythm Metric diary (IPSRT,
    /// CLINICAL-BASIS.md §7.1): the weeks are kept in date order, each
    /// starting at least seven days after the one before, and a
    /// [review](Course::review) shows the latest week's score and the
    /// regularity trend beside the mood measures (PHQ-9, ASRM).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, course::CourseError, ProblemArea, TreatmentContract};
    /// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::RoleTransition]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// let mut week = SrmWeek::new(day(2), SrmForm::Srm5);
    /// for d in 0..7 {
    ///     week.record(d, SrmEntry::done(SrmActivity::OUT_OF_BED, ClockTime::from_hm(7, 0).unwrap()))?;
    /// }
    /// course.record_rhythm_week(week)?;
    /// assert_eq!(course.rhythm().weeks().len(), 1);
    /// let too_soon = course.record_rhythm_week(SrmWeek::new(day(5), SrmForm::Srm5));
    /// assert!(matches!(too_soon, Err(CourseError::RhythmWeekTooSoon { .. })));
    /// assert_eq!(course.review(day(9)).rhythm.unwrap().latest_score, Some(7.0));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CourseError::RhythmWeekTooSoon`] when the week starts less than
    /// seven days after the last week recorded.
    pub fn record_rhythm_week(&mut self, week: SrmWeek) -> Result<(), CourseError> {
        // Added in place: copying the diary for every week recorded would be
        // quadratic over a long course.
        let week_start = week.week_start();
        self.rhythm
            .push(week)
            .map_err(|earliest| CourseError::RhythmWeekTooSoon {
                week_start,
                earliest,
            })
    }

    /// The course's Social Rhythm Metric diary, as a series of weeks
    /// (empty unless the course records one; IPSRT).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert!(course.rhythm().weeks().is_empty());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn rhythm(&self) -> &RhythmSeries {
        &self.rhythm
    }

    /// Whether the course has a measurement of `m`'s instrument on `m`'s date.
    pub(super) fn measurement_taken(&self, m: &Measurement) -> bool {
        self.taken.contains(&(m.instrument(), m.date()))
    }

    /// The instrument and date of each of these measurements, for
    /// [`Course::measurement_taken`].
    pub(super) fn taken_of<'m>(
        measurements: impl Iterator<Item = &'m Measurement>,
    ) -> BTreeSet<(Instrument, NaiveDate)> {
        measurements.map(|m| (m.instrument(), m.date())).collect()
    }

    /// Every measurement on the course: those of the sessions, in session
    /// order, then those taken outside sessions.
    pub(super) fn all_measurements(&self) -> impl Iterator<Item = &Measurement> + '_ {
        self.sessions
            .iter()
            .flat_map(|s| s.measures.iter())
            .chain(self.measurements.iter())
    }

    /// Every measurement of one instrument, from sessions and outside them,
    /// in date order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, measure::Instrument, measure::Measurement, Phase, ProblemArea, course::SessionRecord, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_session(
    ///     SessionRecord::new(1, day(2), Phase::Assessment)
    ///         .with_measure(Measurement::new(Instrument::Phq9, day(2), 15)?),
    /// )?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day(1), 16)?)?;
    /// let totals: Vec<u8> = course.measurements_of(Instrument::Phq9).iter().map(|m| m.total()).collect();
    /// assert_eq!(totals, [16, 15]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn measurements_of(&self, instrument: Instrument) -> Vec<&Measurement> {
        let mut found: Vec<&Measurement> = self
            .all_measurements()
            .filter(|m| m.instrument() == instrument)
            .collect();
        found.sort_by_key(|m| m.date());
        found
    }

    /// The trend of one instrument's measurements dated on or before `as_of`;
    /// `None` when there are none.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, measure::Instrument, measure::Measurement, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day(2), 16)?)?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day(30), 7)?)?;
    /// assert_eq!(course.trend(Instrument::Phq9, day(29)).unwrap().len(), 1);
    /// assert_eq!(course.trend(Instrument::Phq9, day(30)).unwrap().change_from_baseline(), -9);
    /// assert!(course.trend(Instrument::Gad7, day(30)).is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn trend(&self, instrument: Instrument, as_of: NaiveDate) -> Option<SymptomTrend> {
        let measurements: Vec<Measurement> = self
            .measurements_of(instrument)
            .into_iter()
            .filter(|m| m.date() <= as_of)
            .cloned()
            .collect();
        if measurements.is_empty() {
            return None;
        }
        // One measurement per instrument and date is a course invariant, so
        // the trend is always accepted.
        SymptomTrend::new(measurements).ok()
    }

    /// The trend of the primary depression scale as of `as_of`: the PHQ-9 when
    /// the course has a PHQ-9 measurement by then, otherwise the HAM-D-17.
    /// Response and remission are defined on the primary scale, PHQ-9 or
    /// HAM-D (CLINICAL-BASIS.md §8.4 \[K\]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, measure::Instrument, measure::Measurement, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_measurement(Measurement::new(Instrument::Hamd17, day(2), 22)?)?;
    /// assert_eq!(course.depression_trend(day(2)).unwrap().instrument(), Instrument::Hamd17);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn depression_trend(&self, as_of: NaiveDate) -> Option<SymptomTrend> {
        self.trend(Instrument::Phq9, as_of)
            .or_else(|| self.trend(Instrument::Hamd17, as_of))
    }

    /// Revises the contract's focus with the patient, who agrees to the new
    /// focus on `agreed_on`. IPT keeps the agreed focus; the formulation, and
    /// so the focus, may be revised with the patient's agreement
    /// (CLINICAL-BASIS.md §2.5 rule 5 [S: `markowitz-weissman-2012-casebook` ch. 17]).
    /// Session records kept before the revision stay as they are.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::RoleDispute]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.revise_focus([ProblemArea::RoleDispute, ProblemArea::RoleTransition], day(16))?;
    /// assert_eq!(course.contract().focus.len(), 2);
    /// assert_eq!(course.contract().agreement.map(|a| a.on), Some(day(16)));
    /// // Three areas are too many; nothing changes.
    /// let three = [ProblemArea::Grief, ProblemArea::RoleDispute, ProblemArea::RoleTransition];
    /// assert!(course.revise_focus(three, day(23)).is_err());
    /// assert_eq!(course.contract().focus.len(), 2);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CourseError::AgreementBeforePrevious`] when `agreed_on` is before the
    /// contract's current agreement; [`CourseError::Contract`] when the revised
    /// contract is not valid (no area, more than two, one twice, an agreement
    /// after the planned last session).
    pub fn revise_focus(
        &mut self,
        focus: impl IntoIterator<Item = ProblemArea>,
        agreed_on: NaiveDate,
    ) -> Result<(), CourseError> {
        if let Some(previous) = self.contract.agreement.filter(|a| agreed_on < a.on) {
            return Err(CourseError::AgreementBeforePrevious {
                on: agreed_on,
                previous: previous.on,
            });
        }
        let mut revised = self.contract.clone();
        revised.focus = focus.into_iter().collect();
        revised.agreement = Some(crate::course::Agreement::new(agreed_on));
        revised.validate().map_err(CourseError::Contract)?;
        self.contract = revised;
        Ok(())
    }

    /// Moves a scheduled session to another date (see [`Schedule::reschedule`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.reschedule(2, day(10))?;
    /// assert_eq!(course.schedule().session(2).unwrap().moved_from, Some(day(9)));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The [`ScheduleError`] of [`Schedule::reschedule`].
    pub fn reschedule(&mut self, session: u8, date: NaiveDate) -> Result<(), ScheduleError> {
        self.schedule.reschedule(session, date)
    }
}

/// The phase a course of `contract` begins in: maintenance when every block of
/// its modality's layout is maintenance, assessment otherwise.
pub(super) fn first_phase_of(contract: &TreatmentContract) -> Phase {
    let layout = contract.modality.spec().layout;
    let maintenance_only = !layout.is_empty()
        && layout
            .iter()
            .all(|b| b.phase.classic() == Some(ClassicPhase::Maintenance));
    if maintenance_only {
        Phase::Maintenance
    } else {
        Phase::Assessment
    }
}
