//! The treatment contract agreed at the end of the initial phase.

mod adolescent;
mod cadence;
mod maintenance;
mod modality;

pub use adolescent::{
    AdolescentDetails, AdolescentMood, AdolescentMoodRating, ContractAdvisory,
    ContractAdvisoryCode, Exclusion, ExclusionScreen, ScreenResult,
};
pub use cadence::Cadence;
pub use maintenance::{FocusChange, FocusChangeReason, MaintenancePlan};
pub use modality::{Modality, UnknownModality};

use crate::course::ModalitySpec;
use crate::course::first_seen::FirstSeen;

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// The day the patient agreed.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
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
/// from JSON and check it with [`TreatmentContract::validate`], which checks
/// it against its modality's data ([`Modality::spec`]); a contract of any
/// built-in modality is accepted, and
/// [`validate_for`](TreatmentContract::validate_for) checks one against a
/// custom modality read from JSON.
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TreatmentContract {
    /// The form of IPT; [`Modality::STANDARD_IPT`] when absent from JSON.
    #[serde(default)]
    pub modality: Modality,
    /// The number of sessions agreed: 12 to 16 for standard IPT
    /// ([`Modality::session_range`]).
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub sessions: u8,
    /// How often sessions are held; the modality's usual cadence
    /// ([`Modality::usual_cadence`]: monthly for maintenance IPT, weekly for
    /// the others) when absent from JSON. (No `serde(default)` here: the
    /// contract is read through a private shape whose cadence is optional,
    /// and the schema gives no fixed default.)
    #[cfg_attr(feature = "schema", schemars(with = "Option<Cadence>"))]
    pub cadence: Cadence,
    /// The date of the first session, from which the others are counted.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub starts_on: NaiveDate,
    /// Session length in minutes, 20 to 120; 50 when absent from JSON.
    #[serde(default = "default_session_minutes")]
    #[cfg_attr(feature = "schema", schemars(range(min = 20, max = 120)))]
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
    #[cfg_attr(feature = "schema", schemars(length(max = 2)))]
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
    /// How many of the first sessions are held twice a week, where the
    /// modality allows it ([`ModalitySpec::twice_weekly_start`]); 0 when absent
    /// from JSON. Only with a weekly cadence.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub twice_weekly_sessions: u8,
    /// The adolescent's age and exclusion screen: required for IPT-A, refused
    /// for a modality without an age range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adolescent: Option<AdolescentDetails>,
    /// A maintenance contract's change of focus from the acute course, with
    /// the patient's agreement ([`MaintenancePlan`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus_change: Option<FocusChange>,
}

/// The JSON shape of a [`TreatmentContract`]: the same fields, with the
/// cadence optional so that a missing one becomes the modality's usual one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreatmentContractData {
    #[serde(default)]
    modality: Modality,
    sessions: u8,
    #[serde(default)]
    cadence: Option<Cadence>,
    #[serde(with = "crate::date::day_json")]
    starts_on: NaiveDate,
    #[serde(default = "default_session_minutes")]
    session_minutes: u16,
    focus: Vec<ProblemArea>,
    #[serde(default)]
    goals: Vec<GoalId>,
    #[serde(default)]
    agreement: Option<Agreement>,
    #[serde(default)]
    practicalities: Option<Sensitive<String>>,
    #[serde(default)]
    twice_weekly_sessions: u8,
    #[serde(default)]
    adolescent: Option<AdolescentDetails>,
    #[serde(default)]
    focus_change: Option<FocusChange>,
}

impl From<TreatmentContractData> for TreatmentContract {
    fn from(d: TreatmentContractData) -> Self {
        TreatmentContract {
            modality: d.modality,
            sessions: d.sessions,
            cadence: d.cadence.unwrap_or_else(|| d.modality.usual_cadence()),
            starts_on: d.starts_on,
            session_minutes: d.session_minutes,
            focus: d.focus,
            goals: d.goals,
            agreement: d.agreement,
            practicalities: d.practicalities,
            twice_weekly_sessions: d.twice_weekly_sessions,
            adolescent: d.adolescent,
            focus_change: d.focus_change,
        }
    }
}

impl<'de> Deserialize<'de> for TreatmentContract {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TreatmentContractData::deserialize(deserializer).map(TreatmentContract::from)
    }
}

fn is_zero(n: &u8) -> bool {
    *n == 0
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
            cadence_set: false,
            contract: TreatmentContract {
                modality: Modality::STANDARD_IPT,
                sessions: Self::DEFAULT_SESSIONS,
                cadence: Modality::STANDARD_IPT.usual_cadence(),
                starts_on,
                session_minutes: Self::DEFAULT_SESSION_MINUTES,
                focus: focus.into_iter().collect(),
                goals: Vec::new(),
                agreement: None,
                practicalities: None,
                twice_weekly_sessions: 0,
                adolescent: None,
                focus_change: None,
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

    /// The date of the last session if no session is moved, extra meetings
    /// included (brief IPT's engagement session, group IPT's individual
    /// meetings): each session takes the next cadence step from the start
    /// (see [`Cadence::slot`]), after the twice-weekly start if there is one.
    /// `None` when there are no sessions, the modality's layout cannot hold
    /// them, or the date is past the last date chrono can represent.
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
        self.planned_end_for(&self.modality.spec())
    }

    fn planned_end_for(&self, spec: &ModalitySpec) -> Option<NaiveDate> {
        // A count the layout cannot hold is reported at $.sessions; the end
        // is then counted without extra meetings.
        let total = spec
            .total_sessions(self.sessions)
            .unwrap_or(usize::from(self.sessions));
        let last = u32::try_from(total.checked_sub(1)?).ok()?;
        self.slot(last)
    }

    /// The planned date of slot `n` (from 0) counted from the start: the
    /// twice-weekly start first (two sessions a week, 3 days apart then 4),
    /// then one session per cadence step.
    pub(crate) fn slot(&self, n: u32) -> Option<NaiveDate> {
        let twice = u32::from(self.twice_weekly_sessions);
        if twice == 0 || self.cadence != Cadence::Weekly {
            return self.cadence.slot(self.starts_on, n);
        }
        let days = if n < twice {
            7 * u64::from(n / 2) + 3 * u64::from(n % 2)
        } else {
            let weeks = u64::from(twice.div_ceil(2)) + u64::from(n - twice);
            7 * weeks
        };
        self.starts_on.checked_add_days(chrono::Days::new(days))
    }

    /// What the clinician should see about the contract, safety first: for
    /// IPT-A, each exclusion the manual lists that was found or not screened
    /// (CLINICAL-BASIS.md §7.3). Advisories never refuse a contract, and none
    /// is left out.
    ///
    /// ```
    /// use interpersonal::{course::*, ProblemArea, TreatmentContract};
    /// let mut a = AdolescentDetails::new(16);
    /// for e in Exclusion::ALL {
    ///     a = a.screened(e, ScreenResult::Absent);
    /// }
    /// let c = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
    ///     .modality(Modality::ADOLESCENT_IPT)
    ///     .adolescent(a)
    ///     .build()?;
    /// assert!(c.advisories().is_empty());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn advisories(&self) -> Vec<ContractAdvisory> {
        match &self.adolescent {
            Some(details) if self.modality.spec().age.is_some() => {
                adolescent::exclusion_advisories(details)
            }
            _ => Vec::new(),
        }
    }

    /// Checks the contract against its modality ([`Modality::spec`]) and
    /// reports every problem at once, each at its JSON path (see
    /// [`validate_for`](Self::validate_for)).
    ///
    /// ```
    /// use interpersonal::{course::Modality, ProblemArea, TreatmentContract};
    /// let c = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
    ///     .modality(Modality::WHO_GROUP_IPT)
    ///     .sessions(8)
    ///     .build()?;
    /// assert_eq!(c.validate(), Ok(()));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing every problem found, in field order.
    pub fn validate(&self) -> Result<(), Problems> {
        self.validate_for(&self.modality.spec())
    }

    /// Checks the contract against `spec`, a built-in modality's or one
    /// defined in JSON, and reports every problem at once, each at its JSON
    /// path:
    ///
    /// * `$.modality`: the modality `spec` is based on;
    /// * `$.sessions`: within the modality's [`ModalitySpec::sessions`], a
    ///   count its layout can hold, and with the modality's extra meetings no
    ///   more than the [`ModalitySpec::MAX_SESSIONS`] a schedule holds;
    /// * `$.cadence`: one of the modality's cadences (an acute standard-IPT
    ///   contract is weekly or fortnightly, never monthly: monthly sessions
    ///   belong to maintenance);
    /// * `$.twice_weekly_sessions`: only where the modality allows a
    ///   twice-weekly start, with a weekly cadence, up to its limit and not
    ///   more than the sessions;
    /// * `$.starts_on`: early enough that the last session is a date chrono can
    ///   represent;
    /// * `$.session_minutes`: within the modality's
    ///   [`session_minutes`](ModalitySpec::session_minutes), itself within
    ///   [`MIN_SESSION_MINUTES`](Self::MIN_SESSION_MINUTES) to
    ///   [`MAX_SESSION_MINUTES`](Self::MAX_SESSION_MINUTES);
    /// * `$.focus`: one area up to the modality's
    ///   [`max_focus_areas`](ModalitySpec::max_focus_areas) (none for MIT,
    ///   whose focus is a schema); `$.focus[i]`: an area the modality allows,
    ///   not listed before;
    /// * `$.goals[i]`: a goal id not listed before;
    /// * `$.agreement.on`: on or before the [planned last session](Self::planned_end).
    ///   The agreement may come before the first session (at an intake or a
    ///   pre-group meeting) or after it: the contract is usually set at the end
    ///   of the initial phase, sessions 2 to 3 (CLINICAL-BASIS.md §1.1 tasks 9–10,
    ///   §1.2);
    /// * `$.practicalities`: not blank (empty, or only white space and invisible
    ///   characters) when present;
    /// * `$.adolescent`: present when the modality has an age range, absent
    ///   otherwise; `$.adolescent.age` within that range;
    /// * `$.focus_change`: only on a maintenance contract; its `from` areas
    ///   not empty, none twice, and not the same as the focus.
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
    pub fn validate_for(&self, spec: &ModalitySpec) -> Result<(), Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();

        if self.modality != spec.based_on {
            problems.at(
                root.field("modality"),
                format!(
                    "`{}`, the modality {} is based on; found `{}`",
                    spec.based_on, spec.name, self.modality
                ),
            );
        }

        match spec.plan(self.sessions, None, None) {
            Err(p) => {
                for problem in p {
                    problems.push(problem);
                }
            }
            // A schedule numbers its sessions with a u8: the extra meetings
            // must fit beside the counted ones.
            Ok(plan) if plan.len() > usize::from(ModalitySpec::MAX_SESSIONS) => problems.at(
                root.field("sessions"),
                format!(
                    "at most {} sessions beside the {} extra meetings of {}; found {}",
                    usize::from(ModalitySpec::MAX_SESSIONS)
                        .saturating_sub(plan.len().saturating_sub(usize::from(self.sessions))),
                    plan.len().saturating_sub(usize::from(self.sessions)),
                    spec.name,
                    self.sessions
                ),
            ),
            Ok(_) => {}
        }

        // The acute course of standard IPT is weekly; a monthly cadence is
        // maintenance IPT's [S: `markowitz-2016-ptsd` appendix "a 12–16-session weekly treatment";
        // `markowitz-weissman-2012-casebook` ch. 17 "monthly maintenance IPT phase"; K:
        // `frank-1990-three-year-outcomes`].
        if !spec.cadences.contains(&self.cadence) {
            let allowed: Vec<String> = spec.cadences.iter().map(|c| c.to_string()).collect();
            let note =
                if self.cadence == Cadence::Monthly && spec.cadences.contains(&Cadence::Weekly) {
                    format!(
                        " (an acute {} contract is not monthly: monthly sessions belong to \
                     maintenance IPT)",
                        spec.name
                    )
                } else {
                    String::new()
                };
            problems.at(
                root.field("cadence"),
                format!(
                    "a cadence of {}: {}{note}; found {}",
                    spec.name,
                    allowed.join(", "),
                    self.cadence
                ),
            );
        }

        if self.twice_weekly_sessions > 0 {
            let at = root.field("twice_weekly_sessions");
            match spec.twice_weekly_start {
                None => problems.at(
                    at,
                    format!(
                        "0: {} has no twice-weekly start; found {}",
                        spec.name, self.twice_weekly_sessions
                    ),
                ),
                Some(_) if self.cadence != Cadence::Weekly => problems.at(
                    at,
                    format!(
                        "a twice-weekly start only with a weekly cadence; found {}",
                        self.cadence
                    ),
                ),
                Some(max) if self.twice_weekly_sessions > max.min(self.sessions) => problems.at(
                    at,
                    format!(
                        "at most {} twice-weekly sessions at the start; found {}",
                        max.min(self.sessions),
                        self.twice_weekly_sessions
                    ),
                ),
                Some(_) => {}
            }
        }

        if self.sessions > 0 && self.planned_end_for(spec).is_none() {
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

        if !spec.session_minutes.contains(self.session_minutes) {
            problems.at(
                root.field("session_minutes"),
                format!(
                    "a session length from {} to {} minutes; found {}",
                    spec.session_minutes.min, spec.session_minutes.max, self.session_minutes
                ),
            );
        }

        let focus = root.field("focus");
        let max_focus = usize::from(spec.max_focus_areas);
        if max_focus == 0 {
            if !self.focus.is_empty() {
                problems.at(
                    focus.clone(),
                    format!(
                        "no problem area: {} does not focus on IPT's areas; found {}",
                        spec.name,
                        self.focus.len()
                    ),
                );
            }
        } else if self.focus.is_empty() || self.focus.len() > max_focus {
            let wanted = if max_focus == 1 {
                "one problem area"
            } else {
                "one or two problem areas"
            };
            let found = if self.focus.is_empty() {
                "none".to_owned()
            } else {
                self.focus.len().to_string()
            };
            problems.at(focus.clone(), format!("{wanted}; found {found}"));
        }
        let mut seen = FirstSeen::new();
        for (i, area) in self.focus.iter().enumerate() {
            if let Some(first) = seen.repeat(area, i) {
                problems.at(
                    focus.index(i),
                    format!(
                        "a problem area not already listed at {}; found `{area}` again",
                        focus.index(first)
                    ),
                );
            } else if max_focus > 0 && !spec.allows(*area) {
                problems.at(
                    focus.index(i),
                    format!("a problem area {} allows; found `{area}`", spec.name),
                );
            }
        }

        match (&self.adolescent, spec.age) {
            (None, Some(age)) => problems.at(
                root.field("adolescent"),
                format!(
                    "the adolescent's age ({} to {}) and exclusion screen for {}",
                    age.min, age.max, spec.name
                ),
            ),
            (Some(details), Some(age)) if !age.contains(u16::from(details.age)) => problems.at(
                root.field("adolescent").field("age"),
                format!(
                    "an age from {} to {} for {}; found {}",
                    age.min, age.max, spec.name, details.age
                ),
            ),
            (Some(_), None) => problems.at(
                root.field("adolescent"),
                format!("no adolescent block: {} has no age range", spec.name),
            ),
            _ => {}
        }

        if let Some(change) = &self.focus_change {
            maintenance::check_focus_change(change, self, &root, &mut problems);
        }

        let goals = root.field("goals");
        let mut seen = FirstSeen::new();
        for (i, goal) in self.goals.iter().enumerate() {
            if let Some(first) = seen.repeat(goal, i) {
                problems.at(
                    goals.index(i),
                    format!(
                        "a goal id not already listed at {}; found `{goal}` again",
                        goals.index(first)
                    ),
                );
            }
        }

        if let (Some(agreement), Some(end)) = (self.agreement, self.planned_end_for(spec)) {
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
    /// Whether [`cadence`](Self::cadence) was called; until then the cadence
    /// is the modality's usual one.
    cadence_set: bool,
}

impl TreatmentContractBuilder {
    /// Sets the modality; [`build`](Self::build) checks the contract against
    /// it. Unless [`cadence`](Self::cadence) is set, the cadence becomes the
    /// modality's usual one ([`Modality::usual_cadence`]: monthly for
    /// maintenance IPT, weekly otherwise).
    ///
    /// ```
    /// use interpersonal::{course::Modality, ProblemArea, TreatmentContract};
    /// use chrono::NaiveDate;
    /// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let err = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .modality(Modality::BRIEF_IPT)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.as_slice()[0].to_string(),
    ///     "$.sessions: expected 8 sessions for brief_ipt; found 12",
    /// );
    /// let brief = TreatmentContract::builder(start, [ProblemArea::Grief])
    ///     .modality(Modality::BRIEF_IPT)
    ///     .sessions(8)
    ///     .build()?;
    /// assert_eq!(brief.sessions, 8);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn modality(mut self, modality: Modality) -> Self {
        self.contract.modality = modality;
        if !self.cadence_set {
            self.contract.cadence = modality.usual_cadence();
        }
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
        self.cadence_set = true;
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

    /// Holds the first `sessions` sessions twice a week, where the modality
    /// allows it (standard IPT, with a weekly cadence).
    ///
    /// ```
    /// use interpersonal::{ProblemArea, TreatmentContract};
    /// let c = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
    ///     .twice_weekly_start(4)
    ///     .build()?;
    /// // Sessions 1-4 on 5, 8, 12 and 15 January, then weekly: 12 sessions end
    /// // on 9 March instead of 23 March.
    /// assert_eq!(c.planned_end(), chrono::NaiveDate::from_ymd_opt(2026, 3, 9));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn twice_weekly_start(mut self, sessions: u8) -> Self {
        self.contract.twice_weekly_sessions = sessions;
        self
    }

    /// Records the adolescent's details, which IPT-A requires.
    ///
    /// ```
    /// use interpersonal::{course::{AdolescentDetails, Modality}, ProblemArea, TreatmentContract};
    /// let err = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
    ///     .modality(Modality::ADOLESCENT_IPT)
    ///     .adolescent(AdolescentDetails::new(19))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.adolescent.age");
    /// ```
    pub fn adolescent(mut self, details: AdolescentDetails) -> Self {
        self.contract.adolescent = Some(details);
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

    /// The contract as built so far, unchecked (for the crate's own callers
    /// that check it themselves).
    pub(crate) fn into_unchecked(self) -> TreatmentContract {
        self.contract
    }

    /// Checks the contract against its modality ([`TreatmentContract::validate`])
    /// and returns it.
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
            p.as_slice()[0].to_string(),
            "$.sessions: expected 8 sessions for brief_ipt; found 12"
        );
        // Every modality is accepted once its contract fits it.
        c.sessions = 8;
        assert_eq!(c.validate(), Ok(()));
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
        // A weekly cadence is not maintenance's either.
        assert_eq!(paths, ["$.sessions", "$.cadence"]);
        assert_eq!(
            c.as_slice()[0].to_string(),
            "$.sessions: expected at least 1 session for maintenance_ipt; found 0"
        );
    }

    #[test]
    fn twice_weekly_start_is_data_on_the_modality() {
        let base = || TreatmentContract::builder(start(), [ProblemArea::Grief]);
        let c = base().twice_weekly_start(8).build().unwrap();
        let dates: Vec<_> = (0..10).map(|n| c.slot(n).unwrap()).collect();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(
            dates,
            [
                d(1, 5),
                d(1, 8),
                d(1, 12),
                d(1, 15),
                d(1, 19),
                d(1, 22),
                d(1, 26),
                d(1, 29),
                d(2, 2),
                d(2, 9)
            ]
        );
        let paths = |b: TreatmentContractBuilder| -> Vec<String> {
            b.build()
                .unwrap_err()
                .iter()
                .map(|p| p.path.as_str().to_owned())
                .collect()
        };
        assert_eq!(
            paths(base().twice_weekly_start(9)),
            ["$.twice_weekly_sessions"]
        );
        assert_eq!(
            paths(base().twice_weekly_start(2).cadence(Cadence::Fortnightly)),
            ["$.twice_weekly_sessions"]
        );
        assert_eq!(
            paths(
                base()
                    .modality(Modality::BRIEF_IPT)
                    .sessions(8)
                    .twice_weekly_start(2)
            ),
            ["$.twice_weekly_sessions"]
        );
        // An acute standard contract is never monthly.
        let monthly = base().cadence(Cadence::Monthly).build().unwrap_err();
        assert!(monthly.as_slice()[0].to_string().contains("maintenance"));
    }

    #[test]
    fn adolescent_contracts_check_the_age() {
        let base = || {
            TreatmentContract::builder(start(), [ProblemArea::RoleDispute])
                .modality(Modality::ADOLESCENT_IPT)
                .session_minutes(45)
        };
        let paths = |b: TreatmentContractBuilder| -> Vec<String> {
            b.build()
                .map(|_| Vec::new())
                .unwrap_or_else(|p| p.iter().map(|p| p.path.as_str().to_owned()).collect())
        };
        assert_eq!(paths(base()), ["$.adolescent"]);
        assert_eq!(
            paths(base().adolescent(AdolescentDetails::new(11))),
            ["$.adolescent.age"]
        );
        assert!(paths(base().adolescent(AdolescentDetails::new(12))).is_empty());
        assert!(paths(base().adolescent(AdolescentDetails::new(18))).is_empty());
        assert_eq!(
            paths(
                base()
                    .adolescent(AdolescentDetails::new(15))
                    .session_minutes(60)
            ),
            ["$.session_minutes"]
        );
        let adult = TreatmentContract::builder(start(), [ProblemArea::Grief])
            .adolescent(AdolescentDetails::new(15));
        assert_eq!(paths(adult), ["$.adolescent"]);
    }

    #[test]
    fn unscreened_exclusions_are_never_silent() {
        let c = TreatmentContract::builder(start(), [ProblemArea::Grief])
            .modality(Modality::ADOLESCENT_IPT)
            .session_minutes(45)
            .adolescent(
                AdolescentDetails::new(14)
                    .screened(Exclusion::Psychotic, ScreenResult::Present)
                    .screened(Exclusion::Homicidal, ScreenResult::Absent),
            )
            .build()
            .unwrap();
        let a = c.advisories();
        // Every exclusion not screened absent is there: 6 minus the one absent.
        assert_eq!(a.len(), 5);
        assert_eq!(a[0].exclusion, Exclusion::AcutelySuicidal);
        assert_eq!(a[0].code, ContractAdvisoryCode::ExclusionNotScreened);
        assert_eq!(a[0].indicator, crate::engine::Indicator::Critical);
        assert_eq!(a[1].exclusion, Exclusion::Psychotic);
        assert_eq!(a[1].code, ContractAdvisoryCode::ExclusionPresent);
    }

    #[test]
    fn mit_has_no_ipt_focus_and_who_names_areas_plainly() {
        let c = TreatmentContract::builder(start(), [])
            .modality(Modality::MIT)
            .sessions(40)
            .build()
            .unwrap();
        assert!(c.focus.is_empty());
        let err = TreatmentContract::builder(start(), [ProblemArea::Grief])
            .modality(Modality::MIT)
            .sessions(40)
            .build()
            .unwrap_err();
        assert_eq!(err.as_slice()[0].path.as_str(), "$.focus");
        assert_eq!(
            Modality::WHO_GROUP_IPT
                .spec()
                .area_name(ProblemArea::InterpersonalDeficits),
            Some("loneliness and social isolation")
        );
    }
}
