//! A course as JSON, and the checks made when one is read.

use std::collections::BTreeMap;

use crate::collections::HashSet;

use super::first_phase_of;
use crate::course::first_seen::FirstSeen;

use crate::{
    catalogue::{Phase, PhaseTask, PhaseTransitionError},
    course::{
        COURSE_SCHEMA_VERSION, CompletedTask, Course, CourseError, PhaseChange, Schedule,
        SessionRecord, TreatmentContract,
    },
    error::{JsonPath, Problem, Problems},
    goal::Goal,
    id::GoalId,
    ipsrt::{RhythmSeries, SrmWeek},
    measure::{Instrument, Measurement},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A course as written to and read from JSON, before it is checked.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct CourseRecord {
    schema_version: u32,
    contract: TreatmentContract,
    schedule: Schedule,
    phase: Phase,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phase_changes: Vec<PhaseChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tasks_done: Vec<CompletedTask>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sessions: Vec<SessionRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    goals: Vec<Goal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    measurements: Vec<Measurement>,
    /// IPSRT: the Social Rhythm Metric diary's weeks, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rhythm_weeks: Vec<SrmWeek>,
}

impl From<Course> for CourseRecord {
    fn from(c: Course) -> Self {
        CourseRecord {
            schema_version: COURSE_SCHEMA_VERSION,
            contract: c.contract,
            schedule: c.schedule,
            phase: c.phase,
            phase_changes: c.phase_changes,
            tasks_done: c.tasks_done,
            sessions: c.sessions,
            goals: c.goals,
            measurements: c.measurements,
            rhythm_weeks: c.rhythm.weeks().to_vec(),
        }
    }
}

impl TryFrom<CourseRecord> for Course {
    type Error = Problems;

    /// Checks every invariant a [`Course`] keeps and reports every problem at
    /// once, each at its JSON path.
    fn try_from(r: CourseRecord) -> Result<Self, Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();
        if r.schema_version != COURSE_SCHEMA_VERSION {
            problems.at(
                root.field("schema_version"),
                format!("{COURSE_SCHEMA_VERSION}; found {}", r.schema_version),
            );
        }
        if let Err(p) = r.contract.validate() {
            reroot(p, &root.field("contract"), &mut problems);
        }
        check_schedule(&r.contract, &r.schedule, &mut problems);
        let phase = check_phase_changes(&r, &mut problems);
        check_tasks(&r, phase, &mut problems);
        check_sessions(&r, phase, &mut problems);
        check_measurement_dates(&r, &mut problems);
        check_goals(&r.contract.goals, &r.goals, &mut problems);
        let rhythm = check_rhythm_weeks(r.rhythm_weeks, &mut problems);
        let taken = Course::taken_of(
            r.sessions
                .iter()
                .flat_map(|s| &s.measures)
                .chain(&r.measurements),
        );
        problems.into_result(Course {
            contract: r.contract,
            schedule: r.schedule,
            phase: r.phase,
            phase_changes: r.phase_changes,
            tasks_done: r.tasks_done,
            sessions: r.sessions,
            goals: r.goals,
            measurements: r.measurements,
            rhythm,
            taken,
        })
    }
}

/// The rhythm diary's weeks in date order, each at least seven days after the
/// one before; a problem at `$.rhythm_weeks[i].week_start` otherwise.
fn check_rhythm_weeks(weeks: Vec<SrmWeek>, problems: &mut Problems) -> RhythmSeries {
    let path = JsonPath::root().field("rhythm_weeks");
    let mut previous: Option<NaiveDate> = None;
    for (i, week) in weeks.iter().enumerate() {
        let start = week.week_start();
        if let Some(earliest) = previous.and_then(|p| p.checked_add_days(chrono::Days::new(7))) {
            if start < earliest {
                problems.at(
                    path.index(i).field("week_start"),
                    format!(
                        "a week starting on or after {earliest}, seven days after the week \
                         before; found {start}"
                    ),
                );
            }
        }
        previous = Some(start);
    }
    RhythmSeries::new(weeks).unwrap_or_default()
}

/// Adds `problems`, found in a part of the document at `base`, with their
/// paths made relative to the whole document: `$.sessions` under
/// `$.contract` becomes `$.contract.sessions`.
pub(super) fn reroot(problems: Problems, base: &JsonPath, into: &mut Problems) {
    for p in problems {
        into.push(Problem::new(base.join(&p.path), p.expected));
    }
}

pub(super) fn check_goals(contract_goals: &[GoalId], goals: &[Goal], problems: &mut Problems) {
    let path = JsonPath::root().field("goals");
    // Each list's ids in a set, built once, so that checking one list
    // against the other is linear.
    let in_contract: HashSet<&GoalId> = contract_goals.iter().collect();
    let with_goal: HashSet<&GoalId> = goals.iter().map(|g| &g.id).collect();
    let mut seen = FirstSeen::new();
    for (i, goal) in goals.iter().enumerate() {
        let at = path.index(i).field("id");
        if let Some(first) = seen.repeat(&goal.id, i) {
            problems.at(
                at,
                format!(
                    "a goal id not already used at {}; found `{}` again",
                    path.index(first),
                    goal.id
                ),
            );
        } else if !in_contract.contains(&goal.id) {
            problems.at(
                at,
                format!(
                    "the id of a goal listed in $.contract.goals; found `{}`",
                    goal.id
                ),
            );
        }
    }
    let listed = JsonPath::root().field("contract").field("goals");
    for (i, id) in contract_goals.iter().enumerate() {
        if !with_goal.contains(id) {
            problems.at(
                listed.index(i),
                format!("the id of a goal in $.goals; found `{id}`, which has no goal"),
            );
        }
    }
}

fn check_schedule(contract: &TreatmentContract, schedule: &Schedule, problems: &mut Problems) {
    let path = JsonPath::root().field("schedule");
    if schedule.session_count() != contract.sessions {
        problems.at(
            path.field("sessions"),
            format!(
                "{} sessions, as $.contract.sessions says; found {}",
                contract.sessions,
                schedule.session_count()
            ),
        );
    }
    if schedule.cadence() != contract.cadence {
        problems.at(
            path.field("cadence"),
            format!(
                "`{}`, the contract's cadence; found `{}`",
                contract.cadence,
                schedule.cadence()
            ),
        );
    }
    if let Some(first) = schedule.session(1) {
        let planned = first.moved_from.unwrap_or(first.date);
        if planned != contract.starts_on {
            problems.at(
                path.field("sessions").index(0),
                format!(
                    "a first session planned for {}, the contract's start; found {planned}",
                    contract.starts_on
                ),
            );
        }
    }
}

/// Replays the phase changes and returns the phase they lead to.
fn check_phase_changes(r: &CourseRecord, problems: &mut Problems) -> Phase {
    let path = JsonPath::root().field("phase_changes");
    let mut current = first_phase_of(&r.contract);
    let mut previous_on: Option<NaiveDate> = None;
    let mut first_done: BTreeMap<PhaseTask, NaiveDate> = BTreeMap::new();
    for t in &r.tasks_done {
        let on = first_done.entry(t.task).or_insert(t.on);
        *on = (*on).min(t.on);
    }
    for (i, change) in r.phase_changes.iter().enumerate() {
        let at = path.index(i);
        if change.from != current {
            problems.at(
                at.field("from"),
                format!(
                    "`{current}`, the phase the course was in; found `{}`",
                    change.from
                ),
            );
        }
        if let Some(previous) = previous_on.filter(|p| change.on < *p) {
            problems.at(
                at.field("on"),
                format!("a date on or after {previous}, the previous change's"),
            );
        }
        // Each kind of task at most once, by the date it was first done: a
        // pass over the tasks per change would be quadratic.
        let done: Vec<_> = first_done
            .iter()
            .filter(|&(_, &on)| on <= change.on)
            .map(|(&task, _)| task)
            .collect();
        match change.from.advance(&done) {
            Ok(to) if to == change.to => {}
            Ok(to) => problems.at(
                at.field("to"),
                format!(
                    "`{to}`, the phase after `{}`; found `{}`",
                    change.from, change.to
                ),
            ),
            Err(PhaseTransitionError::TasksOpen { open, .. }) => problems.at(
                at,
                format!(
                    "the required tasks of `{}` done on or before {}; still open: {}",
                    change.from,
                    change.on,
                    open.iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            Err(_) => problems.at(
                at.field("to"),
                format!("a phase that follows `{}` in the acute course", change.from),
            ),
        }
        if change.to == Phase::ActiveTreatment
            && r.contract.agreement.is_none_or(|a| a.on > change.on)
        {
            problems.at(
                JsonPath::root().field("contract").field("agreement"),
                format!(
                    "the patient's agreement on or before {}, when active treatment began",
                    change.on
                ),
            );
        }
        current = change.to;
        previous_on = Some(change.on);
    }
    if r.phase != current {
        problems.at(
            JsonPath::root().field("phase"),
            format!(
                "`{current}`, the phase the last change led to; found `{}`",
                r.phase
            ),
        );
    }
    current
}

/// The date each phase began: the first change into it. Built once, so that
/// checking every task and session against it is linear.
fn beginnings(r: &CourseRecord) -> BTreeMap<Phase, NaiveDate> {
    let mut began = BTreeMap::new();
    for c in &r.phase_changes {
        began.entry(c.to).or_insert(c.on);
    }
    began
}

fn check_tasks(r: &CourseRecord, phase: Phase, problems: &mut Problems) {
    let path = JsonPath::root().field("tasks_done");
    let first = first_phase_of(&r.contract);
    let began = beginnings(r);
    let mut seen = FirstSeen::new();
    for (i, done) in r.tasks_done.iter().enumerate() {
        let at = path.index(i);
        if let Some(first) = seen.repeat(done.task, i) {
            problems.at(
                at.field("task"),
                format!(
                    "a task not already listed at {}; found `{}` again",
                    path.index(first),
                    done.task
                ),
            );
        }
        let task_phase = done.task.phase();
        if task_phase < first {
            problems.at(
                at.field("task"),
                format!(
                    "a task of phase `{first}`, where this course began, or a later one; found `{}`, a task of `{task_phase}`",
                    done.task
                ),
            );
        } else if task_phase > phase {
            problems.at(
                at.field("task"),
                format!(
                    "a task of phase `{phase}` or an earlier one; found `{}`, a task of `{task_phase}`",
                    done.task
                ),
            );
        } else if let Some(b) = began.get(&task_phase).copied().filter(|b| done.on < *b) {
            problems.at(
                at.field("on"),
                format!("a date on or after {b}, when phase `{task_phase}` began"),
            );
        }
    }
}

fn check_sessions(r: &CourseRecord, phase: Phase, problems: &mut Problems) {
    let path = JsonPath::root().field("sessions");
    let first = first_phase_of(&r.contract);
    let began = beginnings(r);
    let sessions = r.contract.sessions;
    let mut previous: Option<&SessionRecord> = None;
    for (i, s) in r.sessions.iter().enumerate() {
        let at = path.index(i);
        if s.number == 0 || s.number > sessions {
            problems.at(
                at.field("number"),
                format!("a session number from 1 to {sessions}; found {}", s.number),
            );
        }
        if let Some(p) = previous {
            if s.number <= p.number {
                problems.at(
                    at.field("number"),
                    format!(
                        "a number above {}, the session before; found {}",
                        p.number, s.number
                    ),
                );
            }
            if s.date <= p.date {
                problems.at(
                    at.field("date"),
                    format!(
                        "a date after {}, the session before; found {}",
                        p.date, s.date
                    ),
                );
            }
            if s.phase < p.phase {
                problems.at(
                    at.field("phase"),
                    format!(
                        "`{}` or a later phase, as the session before; found `{}`",
                        p.phase, s.phase
                    ),
                );
            }
        }
        if s.phase < first {
            problems.at(
                at.field("phase"),
                format!(
                    "`{first}`, where this course began, or a later phase; found `{}`",
                    s.phase
                ),
            );
        } else if s.phase > phase {
            problems.at(
                at.field("phase"),
                format!(
                    "`{phase}`, the course's phase, or an earlier one; found `{}`",
                    s.phase
                ),
            );
        } else if let Some(b) = began.get(&s.phase).copied().filter(|b| s.date < *b) {
            problems.at(
                at.field("date"),
                format!("a date on or after {b}, when phase `{}` began", s.phase),
            );
        }
        if let Err(e) = super::session_record::check_adolescent_mood(s, r.contract.modality) {
            let mood = at.field("adolescent_mood");
            let (path, expected) = match e {
                CourseError::AdolescentMoodForAnotherSession { session, rated } => (
                    mood.field("session"),
                    format!("{session}, the record's number; found {rated}"),
                ),
                CourseError::AdolescentMoodBestWorseThanWorst { best, worst, .. } => (
                    mood.field("best"),
                    format!("a best mood not worse than the worst ({worst}); found {best}"),
                ),
                _ => (
                    mood,
                    format!(
                        "no adolescent mood: {} has no age range (only adolescent_ipt rates it)",
                        r.contract.modality
                    ),
                ),
            };
            problems.at(path, expected);
        }
        for (j, m) in s.measures.iter().enumerate() {
            let date = at.field("measures").index(j).field("date");
            if m.date() > s.date {
                problems.at(
                    date,
                    format!(
                        "a date on or before the session's, {}; found {}",
                        s.date,
                        m.date()
                    ),
                );
            } else if let Some(p) = previous.filter(|p| m.date() <= p.date) {
                problems.at(
                    date,
                    format!(
                        "a date after the previous session's, {}; found {}",
                        p.date,
                        m.date()
                    ),
                );
            }
        }
        previous = Some(s);
    }
}

fn check_measurement_dates(r: &CourseRecord, problems: &mut Problems) {
    let mut first: BTreeMap<(Instrument, NaiveDate), JsonPath> = BTreeMap::new();
    let in_sessions = r.sessions.iter().enumerate().flat_map(|(i, s)| {
        s.measures.iter().enumerate().map(move |(j, m)| {
            let at = JsonPath::root()
                .field("sessions")
                .index(i)
                .field("measures")
                .index(j);
            (at, m)
        })
    });
    let outside = r
        .measurements
        .iter()
        .enumerate()
        .map(|(i, m)| (JsonPath::root().field("measurements").index(i), m));
    for (at, m) in in_sessions.chain(outside) {
        let key = (m.instrument(), m.date());
        if let Some(earlier) = first.get(&key) {
            problems.at(
                at.field("date"),
                format!(
                    "one {} measurement per date; found {} again (first at {earlier})",
                    m.instrument().label(),
                    m.date()
                ),
            );
        } else {
            first.insert(key, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebase_keeps_fields_and_indices() {
        let base = JsonPath::root().field("contract");
        let p = JsonPath::root().field("focus").index(1);
        assert_eq!(base.join(&p).as_str(), "$.contract.focus[1]");
        let p = JsonPath::root().field("agreement").field("on");
        assert_eq!(base.join(&p).as_str(), "$.contract.agreement.on");
        assert_eq!(base.join(&JsonPath::root()).as_str(), "$.contract");
    }
}
