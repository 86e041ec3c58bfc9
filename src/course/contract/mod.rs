//! The treatment contract agreed at the end of the initial phase.

mod cadence;
mod modality;

pub use cadence::Cadence;
pub use modality::{Modality, UnknownModality};

use crate::date::{DayInput, NaiveDate};
use crate::{
    catalogue::ProblemArea,
    error::{JsonPath, Problems},
    id::GoalId,
    sensitive::Sensitive,
};
use serde::{Deserialize, Serialize};

/// The patient's explicit agreement to the formulation and the contract
/// (CLINICAL-BASIS.md §1.1 initial phase, task 9; §5 [S: `markowitz-2016-ptsd` appendix,
/// formulation script; `markowitz-weissman-2012-casebook` ch. 16 and 17]).
///
/// ```
/// use interpersonal::course::Agreement;
/// use chrono::NaiveDate;
///
/// let a = Agreement::new(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap());
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"on":"2026-01-19"}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// The day the patient agreed.
    #[serde(with = "crate::date::day_json")]
    pub on: NaiveDate,
}

impl Agreement {
    /// An agreement given on `on`.
    ///
    /// ```
    /// use interpersonal::course::Agreement;
    /// use chrono::NaiveDate;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 19).unwrap();
    /// assert_eq!(Agreement::new(day).on, day);
    /// ```
    pub const fn new(on: NaiveDate) -> Self {
        Agreement { on }
    }
}

/// The treatment contract: what the clinician and the patient agree on at the end
/// of the initial phase (CLINICAL-BASIS.md §5 [K: `weissman-2000-comprehensive-guide`]): the number
/// of sessions and so the end date, the frequency and session length, the agreed
/// focus and goals, practicalities, and the patient's explicit agreement.
///
/// A fixed end date is agreed at the start and kept (CLINICAL-BASIS.md §1.1
/// [S: `markowitz-weissman-2012-casebook` ch. 3 "keeping the frame of the treatment with an end
/// date"]); a [`Schedule`](crate::course::Schedule) turns the contract into session
/// dates.
///
/// Build one with [`TreatmentContract::builder`], which checks it, or read one
/// from JSON and check it with [`TreatmentContract::validate`]. Only
/// [`Modality::STANDARD_IPT`] is accepted today.
///
/// ```
/// use interpersonal::{course::Cadence, ProblemArea, TreatmentContract};
/// use chrono::NaiveDate;
///
/// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
/// let contract = TreatmentContract::builder(start, [ProblemArea::RoleDispute])
///     .sessions(14)
///     .agreed_on(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap())
///     .practicalities("Cancel 24 hours ahead; missed sessions are not made up.")
///     .build()?;
/// assert_eq!(contract.cadence, Cadence::Weekly);
/// assert_eq!(contract.session_minutes, 50);
/// assert!(contract.is_agreed());
/// assert_eq!(contract.planned_end(), NaiveDate::from_ymd_opt(2026, 4, 6));
/// // Patient text never shows in Debug output.
/// assert!(!format!("{contract:?}").contains("Cancel"));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
///
/// JSON (only `sessions`, `starts_on` and `focus` are required):
///
/// ```
/// use interpersonal::{from_json, ProblemArea, TreatmentContract};
///
/// let contract: TreatmentContract = from_json(r#"{
///   "modality": "standard_ipt",
///   "sessions": 12,
///   "cadence": "weekly",
///   "starts_on": "2026-01-05",
///   "session_minutes": 50,
///   "focus": ["grief"],
///   "goals": ["g-mourning"],
///   "agreement": {"on": "2026-01-19"}
/// }"#)?;
/// assert_eq!(contract.focus, [ProblemArea::Grief]);
/// assert_eq!(contract.validate(), Ok(()));
/// # Ok::<(), interpersonal::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TreatmentContract {
    /// The form of IPT; [`Modality::STANDARD_IPT`] when absent from JSON.
    #[serde(default)]
    pub modality: Modality,
    /// The number of sessions agreed: 12 to 16 for standard IPT
    /// ([`Modality::session_range`]).
    pub sessions: u8,
    /// How often sessions are held; weekly when absent from JSON.
    #[serde(default)]
    pub cadence: Cadence,
    /// The date of the first session, from which the others are counted.
    #[serde(with = "crate::date::day_json")]
    pub starts_on: NaiveDate,
    /// Session length in minutes, 20 to 120; 50 when absent from JSON.
    #[serde(default = "default_session_minutes")]
    pub session_minutes: u16,
    /// The agreed focus: one problem area, at most two, none twice (CLINICAL-BASIS.md
    /// §5: the formulation links the episode to one, at most two, problem areas
    /// [S: `markowitz-weissman-2012-casebook` ch. 16 and 17];
    /// DESIGN.md decision 7).
    ///
    /// Interpersonal deficits together with another area is accepted: the
    /// manuals choose deficits only when no grief, dispute or transition is found
    /// (CLINICAL-BASIS.md §2.5), and the engine never suggests that pair, but the
    /// contract records what the clinician and patient agreed, and the clinician
    /// decides.
    pub focus: Vec<ProblemArea>,
    /// The ids of the treatment goals agreed, none twice. The goals themselves
    /// are held by the course.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalId>,
    /// The patient's explicit agreement, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Practicalities in free text: missed sessions, lateness, fees (CLINICAL-BASIS.md
    /// §5 [K: `weissman-2000-comprehensive-guide`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practicalities: Option<Sensitive<String>>,
}

fn default_session_minutes() -> u16 {
    TreatmentContract::DEFAULT_SESSION_MINUTES
}

impl TreatmentContract {
    /// The number of sessions a builder starts with: 12, the lower end of
    /// standard IPT's 12 to 16 [I: a default of this crate; the Casebook's
    /// contracts are 12 weeks, CLINICAL-BASIS.md §5 (`markowitz-weissman-2012-casebook` ch. 13) and
    /// the formulation's example "the next 12 weeks"].
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// assert_eq!(c.sessions, TreatmentContract::DEFAULT_SESSIONS);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub const DEFAULT_SESSIONS: u8 = 12;

    /// The usual session length, 50 minutes (CLINICAL-BASIS.md §1.1) [I: the
    /// usual length of a psychotherapy session; the works read give the weekly
    /// format, not the length].
    ///
    /// ```
    /// assert_eq!(interpersonal::TreatmentContract::DEFAULT_SESSION_MINUTES, 50);
    /// ```
    pub const DEFAULT_SESSION_MINUTES: u16 = 50;

    /// The shortest session length accepted, 20 minutes [I: a plausibility bound
    /// of this crate, not a clinical rule].
    ///
    /// ```
    /// assert_eq!(interpersonal::TreatmentContract::MIN_SESSION_MINUTES, 20);
    /// ```
    pub const MIN_SESSION_MINUTES: u16 = 20;

    /// The longest session length accepted, 120 minutes [I: a plausibility bound
    /// of this crate, not a clinical rule].
    ///
    /// ```
    /// assert_eq!(interpersonal::TreatmentContract::MAX_SESSION_MINUTES, 120);
    /// ```
    pub const MAX_SESSION_MINUTES: u16 = 120;

    /// The most focus areas a contract may hold: two (CLINICAL-BASIS.md §5: the
    /// formulation links the episode to one, at most two, problem areas
    /// [S: `markowitz-weissman-2012-casebook` ch. 16 and 17]).
    ///
    /// ```
    /// assert_eq!(interpersonal::TreatmentContract::MAX_FOCUS_AREAS, 2);
    /// ```
    pub const MAX_FOCUS_AREAS: usize = 2;

    /// Starts a standard IPT contract beginning on `starts_on` with the given
    /// focus, weekly, [`DEFAULT_SESSIONS`](Self::DEFAULT_SESSIONS) sessions of
    /// [`DEFAULT_SESSION_MINUTES`](Self::DEFAULT_SESSION_MINUTES) minutes, no
    /// goals, not yet agreed.
    ///
    /// ```
    /// use interpersonal::{course::Cadence, ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::RoleTransition])
    ///     .sessions(16)
    ///     .cadence(Cadence::Weekly)
    ///     .session_minutes(45)
    ///     .build()?;
    /// assert_eq!((c.sessions, c.session_minutes), (16, 45));
    /// assert!(!c.is_agreed());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn builder(
        starts_on: impl DayInput,
        focus: impl IntoIterator<Item = ProblemArea>,
    ) -> TreatmentContractBuilder {
        let (starts_on, starts_on_readable) = match starts_on.into_day() {
            Ok(day) => (day, true),
            Err(_) => (NaiveDate::MIN, false),
        };
        TreatmentContractBuilder {
            starts_on_readable,
            contract: TreatmentContract {
                modality: Modality::STANDARD_IPT,
                sessions: Self::DEFAULT_SESSIONS,
                cadence: Cadence::Weekly,
                starts_on,
                session_minutes: Self::DEFAULT_SESSION_MINUTES,
                focus: focus.into_iter().collect(),
                goals: Vec::new(),
                agreement: None,
                practicalities: None,
            },
        }
    }

    /// Whether the patient has agreed to the contract.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief]).agreed_on(start).build()?;
    /// assert!(c.is_agreed());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_agreed(&self) -> bool {
        self.agreement.is_some()
    }

    /// The date of the last session if no session is moved: `sessions − 1`
    /// cadence steps after the start (see [`Cadence::slot`]). `None` when there
    /// are no sessions or the date is past the last date chrono can represent.
    ///
    /// ```
    /// use interpersonal::{course::Cadence, ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .cadence(Cadence::Fortnightly)
    ///     .build()?;
    /// assert_eq!(c.planned_end(), NaiveDate::from_ymd_opt(2026, 6, 8));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn planned_end(&self) -> Option<NaiveDate> {
        let steps = self.sessions.checked_sub(1)?;
        self.cadence.slot(self.starts_on, u32::from(steps))
    }

    /// Checks the contract and reports every problem at once, each at its JSON
    /// path:
    ///
    /// * `$.modality`: a modality the contract supports (standard IPT today);
    /// * `$.sessions`: within the modality's [`Modality::session_range`];
    /// * `$.starts_on`: early enough that the last session is a date chrono can
    ///   represent;
    /// * `$.session_minutes`: from [`MIN_SESSION_MINUTES`](Self::MIN_SESSION_MINUTES)
    ///   to [`MAX_SESSION_MINUTES`](Self::MAX_SESSION_MINUTES);
    /// * `$.focus`: one or two areas; `$.focus[i]`: an area not listed before;
    /// * `$.goals[i]`: a goal id not listed before;
    /// * `$.agreement.on`: on or before the [planned last session](Self::planned_end).
    ///   The agreement may come before the first session (at an intake or a
    ///   pre-group meeting) or after it: the contract is usually set at the end
    ///   of the initial phase, sessions 2 to 3 (CLINICAL-BASIS.md §1.1 tasks 9–10,
    ///   §1.2);
    /// * `$.practicalities`: not blank (empty, or only white space and invisible
    ///   characters) when present.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let mut c = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// c.sessions = 20;
    /// c.focus.push(ProblemArea::Grief);
    /// let problems = c.validate().unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.sessions", "$.focus[1]"]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing every problem found, in field order.
    pub fn validate(&self) -> Result<(), Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();

        if self.modality != Modality::STANDARD_IPT {
            problems.at(
                root.field("modality"),
                format!(
                    "a modality the contract supports (standard_ipt); found `{}`, which is not supported yet",
                    self.modality
                ),
            );
        }

        // The acute course of standard IPT is weekly; a monthly cadence is
        // maintenance IPT's [S: `markowitz-2016-ptsd` appendix "a 12–16-session weekly treatment";
        // `markowitz-weissman-2012-casebook` ch. 17 "monthly maintenance IPT phase"; K:
        // `frank-1990-three-year-outcomes`].
        if self.modality == Modality::STANDARD_IPT && self.cadence == Cadence::Monthly {
            problems.at(
                root.field("cadence"),
                "a weekly cadence for an acute standard_ipt contract (monthly sessions belong to \
                 maintenance IPT); found monthly",
            );
        }

        if let Some(range) = self.modality.session_range() {
            if !range.contains(&self.sessions) {
                let wanted = if range.start() == range.end() {
                    format!("{} sessions", range.start())
                } else {
                    format!("from {} to {} sessions", range.start(), range.end())
                };
                problems.at(
                    root.field("sessions"),
                    format!("{wanted} for {}; found {}", self.modality, self.sessions),
                );
            }
        } else if self.sessions == 0 {
            problems.at(root.field("sessions"), "at least 1 session; found 0");
        }

        if self.sessions > 0 && self.planned_end().is_none() {
            problems.at(
                root.field("starts_on"),
                format!(
                    "a start date that leaves room for {} {} sessions before {}; found {}",
                    self.sessions,
                    self.cadence,
                    NaiveDate::MAX,
                    self.starts_on
                ),
            );
        }

        let minutes = Self::MIN_SESSION_MINUTES..=Self::MAX_SESSION_MINUTES;
        if !minutes.contains(&self.session_minutes) {
            problems.at(
                root.field("session_minutes"),
                format!(
                    "a session length from {} to {} minutes; found {}",
                    minutes.start(),
                    minutes.end(),
                    self.session_minutes
                ),
            );
        }

        let focus = root.field("focus");
        if self.focus.is_empty() {
            problems.at(focus.clone(), "one or two problem areas; found none");
        } else if self.focus.len() > Self::MAX_FOCUS_AREAS {
            problems.at(
                focus.clone(),
                format!("one or two problem areas; found {}", self.focus.len()),
            );
        }
        for (i, area) in self.focus.iter().enumerate() {
            if let Some(first) = self.focus.iter().position(|a| a == area).filter(|&f| f < i) {
                problems.at(
                    focus.index(i),
                    format!(
                        "a problem area not already listed at {}; found `{area}` again",
                        focus.index(first)
                    ),
                );
            }
        }

        let goals = root.field("goals");
        for (i, goal) in self.goals.iter().enumerate() {
            if let Some(first) = self.goals.iter().position(|g| g == goal).filter(|&f| f < i) {
                problems.at(
                    goals.index(i),
                    format!(
                        "a goal id not already listed at {}; found `{goal}` again",
                        goals.index(first)
                    ),
                );
            }
        }

        if let (Some(agreement), Some(end)) = (self.agreement, self.planned_end()) {
            if agreement.on > end {
                problems.at(
                    root.field("agreement").field("on"),
                    format!(
                        "an agreement date on or before the planned last session {end}; found {}",
                        agreement.on
                    ),
                );
            }
        }

        if let Some(text) = &self.practicalities {
            if crate::printable::is_blank(text.expose()) {
                problems.at(
                    root.field("practicalities"),
                    "text, or no field at all; found blank text",
                );
            }
        }

        problems.into_result(())
    }
}

/// Builds a [`TreatmentContract`]; made by [`TreatmentContract::builder`], checked
/// by [`build`](Self::build).
///
/// ```
/// use interpersonal::{id::GoalId, ProblemArea, TreatmentContract};
/// use chrono::NaiveDate;
///
/// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
/// let c = TreatmentContract::builder(start, [ProblemArea::RoleDispute, ProblemArea::Grief])
///     .goal(GoalId::new("g-renegotiate").unwrap())
///     .goal(GoalId::new("g-mourning").unwrap())
///     .build()?;
/// assert_eq!(c.goals.len(), 2);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct TreatmentContractBuilder {
    contract: TreatmentContract,
    starts_on_readable: bool,
}

impl TreatmentContractBuilder {
    /// Sets the modality (only standard IPT passes [`build`](Self::build) today).
    ///
    /// ```
    /// use interpersonal::{course::Modality, ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let err = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .modality(Modality::BRIEF_IPT)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.modality");
    /// ```
    pub fn modality(mut self, modality: Modality) -> Self {
        self.contract.modality = modality;
        self
    }

    /// Sets the number of sessions.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert!(TreatmentContract::builder(start, [ProblemArea::Grief]).sessions(16).build().is_ok());
    /// assert!(TreatmentContract::builder(start, [ProblemArea::Grief]).sessions(17).build().is_err());
    /// ```
    pub fn sessions(mut self, sessions: u8) -> Self {
        self.contract.sessions = sessions;
        self
    }

    /// Sets how often sessions are held.
    ///
    /// ```
    /// use interpersonal::{course::Cadence, ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .cadence(Cadence::Fortnightly)
    ///     .build()?;
    /// assert_eq!(c.cadence, Cadence::Fortnightly);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn cadence(mut self, cadence: Cadence) -> Self {
        self.contract.cadence = cadence;
        self
    }

    /// Sets the session length in minutes.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let err = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .session_minutes(10)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.session_minutes");
    /// ```
    pub fn session_minutes(mut self, minutes: u16) -> Self {
        self.contract.session_minutes = minutes;
        self
    }

    /// Adds the id of an agreed goal.
    ///
    /// ```
    /// use interpersonal::{id::GoalId, ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .goal(GoalId::new("g1").unwrap())
    ///     .build()?;
    /// assert_eq!(c.goals[0].as_str(), "g1");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn goal(mut self, goal: GoalId) -> Self {
        self.contract.goals.push(goal);
        self
    }

    /// Records the patient's agreement on `on`.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let agreed = NaiveDate::from_ymd_opt(2026, 1, 19).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief]).agreed_on(agreed).build()?;
    /// assert_eq!(c.agreement.map(|a| a.on), Some(agreed));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn agreed_on(mut self, on: NaiveDate) -> Self {
        self.contract.agreement = Some(Agreement::new(on));
        self
    }

    /// Sets the practicalities, in free text (kept as [`Sensitive`]).
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let c = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .practicalities("Fees as agreed.")
    ///     .build()?;
    /// assert_eq!(c.practicalities.unwrap().expose(), "Fees as agreed.");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn practicalities(mut self, text: impl Into<String>) -> Self {
        self.contract.practicalities = Some(Sensitive::new(text.into()));
        self
    }

    /// Checks the contract ([`TreatmentContract::validate`]) and returns it.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let err = TreatmentContract::builder(start, []).sessions(3).build().unwrap_err();
    /// assert_eq!(err.len(), 2);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns every [`Problems`] the contract has.
    pub fn build(self) -> Result<TreatmentContract, Problems> {
        if !self.starts_on_readable {
            let mut problems = Problems::default();
            problems.at(
                JsonPath::root().field("starts_on"),
                "a date written YYYY-MM-DD",
            );
            // The other fields are checked too, so every problem is reported at
            // once; a check that needs the start date would only repeat this one.
            if let Err(more) = self.contract.validate() {
                for problem in more {
                    if problem.path.as_str() != "$.starts_on" {
                        problems.push(problem);
                    }
                }
            }
            return Err(problems);
        }
        self.contract.validate()?;
        Ok(self.contract)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
    }

    #[test]
    fn single_session_count_message_for_fixed_ranges() {
        let mut c = TreatmentContract::builder(start(), [ProblemArea::Grief])
            .build()
            .unwrap();
        c.modality = Modality::BRIEF_IPT;
        let p = c.validate().unwrap_err();
        assert_eq!(
            p.as_slice()[1].to_string(),
            "$.sessions: expected 8 sessions for brief_ipt; found 12"
        );
    }

    #[test]
    fn maintenance_needs_at_least_one_session() {
        let mut c = TreatmentContract::builder(start(), [ProblemArea::Grief])
            .sessions(0)
            .build()
            .unwrap_err();
        assert_eq!(c.len(), 1);
        c = TreatmentContract {
            modality: Modality::MAINTENANCE_IPT,
            sessions: 0,
            ..TreatmentContract::builder(start(), [ProblemArea::Grief])
                .build()
                .unwrap()
        }
        .validate()
        .unwrap_err();
        let paths: Vec<_> = c.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.modality", "$.sessions"]);
    }
}
