//! Each modality as data: its sessions and cadence, its phase layout with the
//! meetings it adds, the problem areas it allows and their names, who takes
//! part, and the works it rests on.
//!
//! The built-in modalities are [`ModalitySpec`]s returned by
//! [`Modality::spec`](crate::course::Modality::spec); a program defines its own
//! in JSON, checked the same way, and validates contracts and lays out
//! schedules with it ([`TreatmentContract::validate_for`](crate::course::TreatmentContract::validate_for),
//! [`Schedule::generate_for`](crate::course::Schedule::generate_for)).
//!
//! ```
//! use interpersonal::course::{Modality, SchedulePhase};
//!
//! let who = Modality::WHO_GROUP_IPT.spec();
//! assert_eq!(who.sessions.min, 8);
//! let phases: Vec<SchedulePhase> = who.layout.iter().map(|b| b.phase).collect();
//! assert_eq!(phases[0], SchedulePhase::PreGroup);
//! ```

pub(crate) mod builtin;
mod layout;
mod participant;
mod phase;

pub use layout::{BlockLength, PhaseBlock};
pub use participant::{ExtraMeeting, Participant, SessionFormat, SickRole};
pub use phase::SchedulePhase;

use serde::{Deserialize, Deserializer, Serialize};

use crate::bibliography::{self, Citation};
use crate::catalogue::ProblemArea;
use crate::course::first_seen::FirstSeen;
use crate::course::{Cadence, Modality};
use crate::error::{JsonPath, Problems};

/// The version of the modality JSON this crate reads and writes.
///
/// ```
/// assert_eq!(interpersonal::course::MODALITY_SCHEMA_VERSION, 1);
/// ```
pub const MODALITY_SCHEMA_VERSION: u32 = 1;

/// The number of sessions a contract of the modality counts (its extra
/// meetings aside): from `min` to `max`, or from `min` with no upper bound
/// when `max` is absent (maintenance, IPSRT, MIT).
///
/// ```
/// use interpersonal::course::SessionCount;
/// let c: SessionCount = serde_json::from_str(r#"{"min": 12, "max": 16}"#).unwrap();
/// assert!(c.contains(14) && !c.contains(17));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SessionCount {
    /// The fewest sessions.
    pub min: u8,
    /// The most sessions, when there is a bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
}

impl SessionCount {
    /// From `min` to `max` sessions.
    ///
    /// ```
    /// use interpersonal::course::SessionCount;
    /// assert!(SessionCount::new(8, Some(8)).contains(8));
    /// ```
    pub const fn new(min: u8, max: Option<u8>) -> Self {
        SessionCount { min, max }
    }

    /// Whether `n` sessions are within the count.
    ///
    /// ```
    /// use interpersonal::course::SessionCount;
    /// assert!(SessionCount::new(1, None).contains(200));
    /// assert!(!SessionCount::new(1, None).contains(0));
    /// ```
    pub fn contains(self, n: u8) -> bool {
        n >= self.min && self.max.is_none_or(|max| n <= max)
    }
}

/// A range of whole numbers (minutes, years of age), both ends included.
///
/// ```
/// use interpersonal::course::Bounds;
/// let age: Bounds = serde_json::from_str(r#"{"min": 12, "max": 18}"#).unwrap();
/// assert!(age.contains(12) && age.contains(18) && !age.contains(19));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Bounds {
    /// The lowest value accepted.
    pub min: u16,
    /// The highest value accepted.
    pub max: u16,
}

impl Bounds {
    /// From `min` to `max`.
    ///
    /// ```
    /// assert_eq!(interpersonal::course::Bounds::new(35, 50).max, 50);
    /// ```
    pub const fn new(min: u16, max: u16) -> Self {
        Bounds { min, max }
    }

    /// Whether `value` is within the bounds.
    ///
    /// ```
    /// assert!(interpersonal::course::Bounds::new(35, 50).contains(45));
    /// ```
    pub fn contains(self, value: u16) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

/// A problem area a modality allows, under the name it uses for it (the WHO's
/// plain names in group IPT: "disputes", "life changes", ...).
///
/// ```
/// use interpersonal::{course::AreaName, ProblemArea};
/// let a = AreaName::new(ProblemArea::RoleTransition, "life changes");
/// assert_eq!(a.name, "life changes");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AreaName {
    /// The area.
    pub area: ProblemArea,
    /// Its name in the modality.
    pub name: String,
}

impl AreaName {
    /// `area` under `name`.
    ///
    /// ```
    /// use interpersonal::{course::AreaName, ProblemArea};
    /// assert_eq!(AreaName::new(ProblemArea::Grief, "grief").area, ProblemArea::Grief);
    /// ```
    pub fn new(area: ProblemArea, name: impl Into<String>) -> Self {
        AreaName {
            area,
            name: name.into(),
        }
    }
}

/// One modality as data: what a contract of it may say and how its schedule
/// is laid out (CLINICAL-BASIS.md §7).
///
/// The built-in modalities come from [`Modality::spec`]. A program may define
/// its own in JSON (`schema/modality.schema.json`); reading one checks it, and
/// every problem is reported at its JSON path.
///
/// ```
/// use interpersonal::{from_json, course::ModalitySpec, course::Modality};
///
/// let text = interpersonal::to_json(&Modality::BRIEF_IPT.spec())?;
/// let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
/// doc["name"] = "brief_ipt_10".into();
/// doc["sessions"] = serde_json::json!({"min": 10, "max": 10});
/// let custom: ModalitySpec = from_json(&doc.to_string())?;
/// assert_eq!(custom.based_on, Modality::BRIEF_IPT);
///
/// doc["layout"] = serde_json::json!([]);
/// doc["cites"][0]["ref"] = "no-such-work".into();
/// let err = from_json::<ModalitySpec>(&doc.to_string()).unwrap_err();
/// assert!(err.to_string().contains("$.layout"));
/// assert!(err.to_string().contains("$.layout"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "ModalitySpecData")
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct ModalitySpec {
    /// [`MODALITY_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The modality's name: a built-in's JSON name, or a custom one's (1 to 64
    /// characters, lower-case letters, digits and `_`).
    pub name: String,
    /// The built-in modality a contract of it names in `modality`.
    pub based_on: Modality,
    /// A short title for people.
    pub title: String,
    /// How many sessions a contract counts, extra meetings aside.
    pub sessions: SessionCount,
    /// The cadences a contract may choose, the first being the usual one.
    pub cadences: Vec<Cadence>,
    /// How many sessions at the start may be held twice a week, when the
    /// modality allows it (only with a weekly cadence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub twice_weekly_start: Option<u8>,
    /// The session lengths accepted, in minutes.
    pub session_minutes: Bounds,
    /// Whether a schedule's options may change the length of the initial and
    /// termination blocks ([`ScheduleOptions`](crate::course::ScheduleOptions)).
    pub phase_lengths_adjustable: bool,
    /// The phase layout, in order.
    pub layout: Vec<PhaseBlock>,
    /// The most focus areas a contract may hold; 0 when the model does not
    /// focus on IPT's problem areas (MIT).
    pub max_focus_areas: u8,
    /// The problem areas a contract may focus on, with their names here.
    pub areas: Vec<AreaName>,
    /// Who takes part.
    pub participants: Vec<Participant>,
    /// The sick role the modality gives.
    pub sick_role: SickRole,
    /// The patient's age range, when the modality has one (IPT-A).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Bounds>,
    /// The modalities whose course a course of this one may follow, taking
    /// over from it: maintenance IPT follows an acute IPT course
    /// ([`TreatmentContract::maintenance`](crate::course::TreatmentContract::maintenance)).
    /// Empty, and absent from JSON, for a modality that begins treatment.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follows: Vec<Modality>,
    /// The works the modality rests on, by bibliography key.
    pub cites: Vec<Citation>,
}

/// The JSON shape of a [`ModalitySpec`], checked before it becomes one.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModalitySpecData {
    schema_version: u32,
    name: String,
    based_on: Modality,
    title: String,
    sessions: SessionCount,
    cadences: Vec<Cadence>,
    #[serde(default)]
    twice_weekly_start: Option<u8>,
    session_minutes: Bounds,
    #[serde(default)]
    phase_lengths_adjustable: bool,
    layout: Vec<PhaseBlock>,
    max_focus_areas: u8,
    #[serde(default)]
    areas: Vec<AreaName>,
    participants: Vec<Participant>,
    sick_role: SickRole,
    #[serde(default)]
    age: Option<Bounds>,
    #[serde(default)]
    follows: Vec<Modality>,
    cites: Vec<Citation>,
}

impl TryFrom<ModalitySpecData> for ModalitySpec {
    type Error = Problems;

    fn try_from(d: ModalitySpecData) -> Result<Self, Problems> {
        let spec = ModalitySpec {
            schema_version: d.schema_version,
            name: d.name,
            based_on: d.based_on,
            title: d.title,
            sessions: d.sessions,
            cadences: d.cadences,
            twice_weekly_start: d.twice_weekly_start,
            session_minutes: d.session_minutes,
            phase_lengths_adjustable: d.phase_lengths_adjustable,
            layout: d.layout,
            max_focus_areas: d.max_focus_areas,
            areas: d.areas,
            participants: d.participants,
            sick_role: d.sick_role,
            age: d.age,
            follows: d.follows,
            cites: d.cites,
        };
        spec.validate()?;
        Ok(spec)
    }
}

impl<'de> Deserialize<'de> for ModalitySpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::error::read_checked::<D, ModalitySpecData, ModalitySpec>(deserializer)
    }
}

/// One session of a modality's plan, before it has a date: its phase, format,
/// and whether the contract counts it.
///
/// ```
/// use interpersonal::course::{Modality, SchedulePhase};
/// let plan = Modality::BRIEF_IPT.spec().plan(8, None, None)?;
/// assert_eq!(plan.len(), 9);
/// assert_eq!(plan[0].phase, SchedulePhase::Engagement);
/// assert!(plan[0].extra.is_some());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PlannedSession {
    /// The session's phase.
    pub phase: SchedulePhase,
    /// How it is held.
    pub format: SessionFormat,
    /// The meeting, when the contract does not count it.
    pub extra: Option<ExtraMeeting>,
}

impl ModalitySpec {
    /// The most sessions a contract of a modality with no upper bound may
    /// count: 255, the most a schedule holds.
    ///
    /// ```
    /// assert_eq!(interpersonal::course::ModalitySpec::MAX_SESSIONS, 255);
    /// ```
    pub const MAX_SESSIONS: u8 = u8::MAX;

    /// Whether the modality lets a contract focus on `area`.
    ///
    /// ```
    /// use interpersonal::{course::Modality, ProblemArea};
    /// assert!(Modality::WHO_GROUP_IPT.spec().allows(ProblemArea::RoleTransition));
    /// assert!(!Modality::MIT.spec().allows(ProblemArea::Grief));
    /// ```
    pub fn allows(&self, area: ProblemArea) -> bool {
        self.areas.iter().any(|a| a.area == area)
    }

    /// The modality's name for `area`, if it allows it.
    ///
    /// ```
    /// use interpersonal::{course::Modality, ProblemArea};
    /// let who = Modality::WHO_GROUP_IPT.spec();
    /// assert_eq!(who.area_name(ProblemArea::RoleDispute), Some("disputes"));
    /// ```
    pub fn area_name(&self, area: ProblemArea) -> Option<&str> {
        self.areas
            .iter()
            .find(|a| a.area == area)
            .map(|a| a.name.as_str())
    }

    /// Whether a course of this modality may follow a course of `earlier`
    /// ([`follows`](Self::follows)).
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// let m = Modality::MAINTENANCE_IPT.spec();
    /// assert!(m.may_follow(Modality::BRIEF_IPT));
    /// assert!(!m.may_follow(Modality::MIT));
    /// assert!(!Modality::STANDARD_IPT.spec().may_follow(Modality::BRIEF_IPT));
    /// ```
    pub fn may_follow(&self, earlier: Modality) -> bool {
        self.follows.contains(&earlier)
    }

    /// The number of sessions, extra meetings included, a contract of
    /// `counted` sessions has; `None` when the layout cannot hold that many.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::GROUP_IPT.spec().total_sessions(20), Some(23));
    /// assert_eq!(Modality::STANDARD_IPT.spec().total_sessions(12), Some(12));
    /// ```
    pub fn total_sessions(&self, counted: u8) -> Option<usize> {
        self.plan(counted, None, None).ok().map(|p| p.len())
    }

    /// Lays out `counted` sessions on the modality's phases, with its extra
    /// meetings in place. `initial` and `termination`, when given and when
    /// [`phase_lengths_adjustable`](Self::phase_lengths_adjustable), replace
    /// the length of the counted initial and termination blocks.
    ///
    /// ```
    /// use interpersonal::course::{Modality, SchedulePhase};
    /// let plan = Modality::STANDARD_IPT.spec().plan(12, Some(2), Some(4))?;
    /// let initial = plan.iter().filter(|s| s.phase == SchedulePhase::Initial).count();
    /// let last = plan.iter().filter(|s| s.phase == SchedulePhase::Termination).count();
    /// assert_eq!((initial, last), (2, 4));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`Problems`] at `$.sessions` when `counted` is outside
    /// [`sessions`](Self::sessions) or does not fit the layout's fixed blocks.
    pub fn plan(
        &self,
        counted: u8,
        initial: Option<u8>,
        termination: Option<u8>,
    ) -> Result<Vec<PlannedSession>, Problems> {
        let path = JsonPath::root().field("sessions");
        let mut problems = Problems::default();
        if !self.sessions.contains(counted) {
            problems.at(
                path.clone(),
                format!("{}; found {counted}", self.sessions_wanted()),
            );
            return Err(problems);
        }
        let length = |b: &PhaseBlock| -> BlockLength {
            match (b.sessions, b.is_counted() && self.phase_lengths_adjustable) {
                (BlockLength::Fixed(_), true) if b.phase == SchedulePhase::Initial => {
                    initial.map_or(b.sessions, BlockLength::Fixed)
                }
                (BlockLength::Fixed(_), true) if b.phase == SchedulePhase::Termination => {
                    termination.map_or(b.sessions, BlockLength::Fixed)
                }
                (other, _) => other,
            }
        };
        let fixed: usize = self
            .layout
            .iter()
            .filter(|b| b.is_counted())
            .map(|b| match length(b) {
                BlockLength::Fixed(n) => usize::from(n),
                BlockLength::Rest | BlockLength::Judged => 0,
            })
            .sum();
        let judged = self
            .layout
            .iter()
            .any(|b| b.is_counted() && b.sessions == BlockLength::Judged);
        let has_rest = self
            .layout
            .iter()
            .any(|b| b.is_counted() && b.sessions == BlockLength::Rest);
        let counted_usize = usize::from(counted);
        let rest = if judged {
            0
        } else if has_rest {
            match counted_usize.checked_sub(fixed).filter(|&r| r >= 1) {
                Some(r) => r,
                None => {
                    problems.at(
                        path,
                        format!(
                            "more than the {fixed} sessions the fixed blocks of {} hold; found \
                             {counted}",
                            self.name
                        ),
                    );
                    return Err(problems);
                }
            }
        } else if counted_usize == fixed {
            0
        } else {
            problems.at(
                path,
                format!(
                    "{fixed} sessions, as the blocks of {} hold; found {counted}",
                    self.name
                ),
            );
            return Err(problems);
        };
        let mut plan = Vec::with_capacity(counted_usize + self.layout.len());
        let mut judged_done = false;
        for b in &self.layout {
            let (n, phase) = match length(b) {
                BlockLength::Fixed(n) => (usize::from(n), b.phase),
                BlockLength::Rest => (rest, b.phase),
                BlockLength::Judged if !judged_done && b.is_counted() => {
                    judged_done = true;
                    (counted_usize, SchedulePhase::StageJudged)
                }
                BlockLength::Judged => (0, b.phase),
            };
            plan.extend(std::iter::repeat_n(
                PlannedSession {
                    phase,
                    format: b.format,
                    extra: b.extra,
                },
                n,
            ));
        }
        Ok(plan)
    }

    /// The count wanted, in words: "12 sessions", "from 12 to 16 sessions",
    /// "at least 1 session".
    pub(crate) fn sessions_wanted(&self) -> String {
        let s = self.sessions;
        let noun = |n: u8| if n == 1 { "session" } else { "sessions" };
        match s.max {
            Some(max) if max == s.min => format!("{max} {} for {}", noun(max), self.name),
            Some(max) => format!("from {} to {max} sessions for {}", s.min, self.name),
            None => format!("at least {} {} for {}", s.min, noun(s.min), self.name),
        }
    }

    /// Checks the modality and reports every problem at once, each at its JSON
    /// path: the schema version, the name (1 to 64 of `a`–`z`, `0`–`9`, `_`),
    /// a title, a session count whose `max` is not below its `min` (and `min`
    /// at least 1), cadences (some, none twice; a twice-weekly start only with
    /// a weekly cadence and for 2 or more sessions), session minutes within
    /// the crate's 20 to 120, a layout (some counted block; fixed blocks of 1
    /// or more; at most one `rest`; counted blocks all `judged` or none; phases
    /// that never return once left and follow [`SchedulePhase::rank`]) that
    /// can hold the session count, focus areas (at most 2; listed when more
    /// than 0; none twice; names printable and not blank), participants (some,
    /// none twice), an age range whose `max` is not below its `min`, the
    /// modalities it follows (none twice), and
    /// citations of works in the bibliography (at least one).
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// for m in Modality::ALL {
    ///     assert_eq!(m.spec().validate(), Ok(()), "{m}");
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing every problem found, in field order.
    pub fn validate(&self) -> Result<(), Problems> {
        let root = JsonPath::root();
        let mut p = Problems::default();
        if self.schema_version != MODALITY_SCHEMA_VERSION {
            p.at(
                root.field("schema_version"),
                format!("{MODALITY_SCHEMA_VERSION}; found {}", self.schema_version),
            );
        }
        let name_ok = (1..=64).contains(&self.name.len())
            && self
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !name_ok {
            p.at(
                root.field("name"),
                "a name of 1 to 64 characters, each a-z, 0-9 or _",
            );
        }
        check_text(&self.title, &root.field("title"), &mut p);
        let s = self.sessions;
        if s.min == 0 {
            p.at(root.field("sessions").field("min"), "at least 1; found 0");
        }
        if let Some(max) = s.max.filter(|&max| max < s.min) {
            p.at(
                root.field("sessions").field("max"),
                format!("at least min ({}); found {max}", s.min),
            );
        }
        let cadences = root.field("cadences");
        if self.cadences.is_empty() {
            p.at(cadences.clone(), "at least one cadence; found none");
        }
        let mut seen = FirstSeen::new();
        for (i, c) in self.cadences.iter().enumerate() {
            if seen.repeat(c, i).is_some() {
                p.at(
                    cadences.index(i),
                    format!("a cadence not listed before; found `{c}` again"),
                );
            }
        }
        if let Some(n) = self.twice_weekly_start {
            if !self.cadences.contains(&Cadence::Weekly) {
                p.at(
                    root.field("twice_weekly_start"),
                    "no twice-weekly start unless the cadences include weekly",
                );
            } else if n < 2 {
                p.at(
                    root.field("twice_weekly_start"),
                    format!("at least 2 sessions; found {n}"),
                );
            }
        }
        let minutes = crate::course::TreatmentContract::MIN_SESSION_MINUTES
            ..=crate::course::TreatmentContract::MAX_SESSION_MINUTES;
        let m = self.session_minutes;
        if m.min > m.max || !minutes.contains(&m.min) || !minutes.contains(&m.max) {
            p.at(
                root.field("session_minutes"),
                format!(
                    "a range within {} to {} minutes with min not above max; found {} to {}",
                    minutes.start(),
                    minutes.end(),
                    m.min,
                    m.max
                ),
            );
        }
        self.check_layout(&root.field("layout"), &mut p);
        if self.max_focus_areas > 2 {
            p.at(
                root.field("max_focus_areas"),
                format!("0, 1 or 2; found {}", self.max_focus_areas),
            );
        }
        let areas = root.field("areas");
        if self.max_focus_areas > 0 && self.areas.is_empty() {
            p.at(
                areas.clone(),
                "at least one area when max_focus_areas is above 0",
            );
        }
        let mut seen = FirstSeen::new();
        for (i, a) in self.areas.iter().enumerate() {
            if seen.repeat(a.area, i).is_some() {
                p.at(
                    areas.index(i).field("area"),
                    format!("an area not listed before; found `{}` again", a.area),
                );
            }
            check_text(&a.name, &areas.index(i).field("name"), &mut p);
        }
        let participants = root.field("participants");
        if self.participants.is_empty() {
            p.at(participants.clone(), "at least one participant; found none");
        }
        let mut seen = FirstSeen::new();
        for (i, x) in self.participants.iter().enumerate() {
            if seen.repeat(x, i).is_some() {
                p.at(
                    participants.index(i),
                    format!("a participant not listed before; found `{x}` again"),
                );
            }
        }
        if let Some(age) = self.age.filter(|a| a.min > a.max) {
            p.at(
                root.field("age").field("max"),
                format!("at least min ({}); found {}", age.min, age.max),
            );
        }
        let follows = root.field("follows");
        let mut seen = FirstSeen::new();
        for (i, m) in self.follows.iter().enumerate() {
            if seen.repeat(m, i).is_some() {
                p.at(
                    follows.index(i),
                    format!("a modality not listed before; found `{m}` again"),
                );
            }
        }
        let cites = root.field("cites");
        if self.cites.is_empty() {
            p.at(cites.clone(), "at least one citation; found none");
        }
        for (i, c) in self.cites.iter().enumerate() {
            if bibliography::get(c.key.as_str()).is_none() {
                p.at(
                    cites.index(i).field("ref"),
                    "the key of a work in the crate's bibliography (interpersonal::bibliography::get)",
                );
            }
        }
        p.into_result(())
    }

    fn check_layout(&self, path: &JsonPath, p: &mut Problems) {
        if !self.layout.iter().any(PhaseBlock::is_counted) {
            p.at(
                path.clone(),
                "at least one block the contract counts; found none",
            );
            return;
        }
        let mut rests = 0;
        let counted_judged = self
            .layout
            .iter()
            .filter(|b| b.is_counted())
            .map(|b| b.sessions == BlockLength::Judged);
        let (mut judged, mut not_judged) = (0, 0);
        for j in counted_judged {
            if j {
                judged += 1;
            } else {
                not_judged += 1;
            }
        }
        if judged > 0 && not_judged > 0 {
            p.at(
                path.clone(),
                "counted blocks that are all judged or none judged",
            );
        }
        let mut seen: Vec<SchedulePhase> = Vec::new();
        let mut last: Option<SchedulePhase> = None;
        let mut rank = 0;
        for (i, b) in self.layout.iter().enumerate() {
            let at = path.index(i);
            match b.sessions {
                BlockLength::Fixed(0) => p.at(
                    at.field("sessions"),
                    "{\"fixed\": n} with n at least 1; found 0",
                ),
                BlockLength::Rest if b.is_counted() => {
                    rests += 1;
                    if rests > 1 {
                        p.at(
                            at.field("sessions"),
                            "one `rest` block at most; found another",
                        );
                    }
                }
                BlockLength::Rest => p.at(
                    at.field("sessions"),
                    "a fixed length for an extra meeting; found rest",
                ),
                BlockLength::Judged if !b.is_counted() => p.at(
                    at.field("sessions"),
                    "a fixed length for an extra meeting; found judged",
                ),
                _ => {}
            }
            // Each phase is remembered once, so the list stays as short as
            // the phases however the blocks alternate.
            if last != Some(b.phase) {
                if seen.contains(&b.phase) {
                    p.at(
                        at.field("phase"),
                        format!(
                            "a phase that has not ended before; found `{}` again",
                            b.phase
                        ),
                    );
                } else {
                    seen.push(b.phase);
                }
                last = Some(b.phase);
            }
            if let Some(r) = b.phase.rank() {
                if r < rank {
                    p.at(
                        at.field("phase"),
                        format!(
                            "a phase that may follow the one before; found `{}`",
                            b.phase
                        ),
                    );
                }
                rank = rank.max(r);
            }
            let mut seen = FirstSeen::new();
            for (k, x) in b.participants.iter().enumerate() {
                if seen.repeat(x, k).is_some() {
                    p.at(
                        at.field("participants").index(k),
                        format!("a participant not listed before; found `{x}` again"),
                    );
                }
            }
        }
        if p.is_empty() {
            if let Err(problems) = self.plan(self.sessions.min, None, None) {
                for problem in problems {
                    p.at(
                        JsonPath::root().field("sessions").field("min"),
                        format!("a count the layout can hold: {}", problem.expected),
                    );
                }
            }
        }
    }
}

fn check_text(text: &str, path: &JsonPath, p: &mut Problems) {
    if crate::printable::is_blank(text) {
        p.at(path.clone(), "text that is not blank");
    } else if crate::printable::first_layout_control(text).is_some() {
        p.at(path.clone(), "text without control characters");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_is_valid_and_round_trips() {
        for m in Modality::ALL {
            let spec = m.spec();
            assert_eq!(spec.validate(), Ok(()), "{m}");
            assert_eq!(spec.name, m.as_str());
            assert_eq!(spec.based_on, m);
            let json = serde_json::to_string(&spec).unwrap();
            let back: ModalitySpec = serde_json::from_str(&json).unwrap();
            assert_eq!(back, spec);
        }
    }

    #[test]
    fn plans_hold_the_published_extras() {
        let g = Modality::GROUP_IPT.spec().plan(20, None, None).unwrap();
        assert_eq!(g.len(), 23);
        let extras: Vec<_> = g.iter().filter_map(|s| s.extra).collect();
        assert_eq!(
            extras,
            [
                ExtraMeeting::PreGroup,
                ExtraMeeting::MidTreatment,
                ExtraMeeting::PostTreatment
            ]
        );
        // The mid-treatment meeting falls between group sessions 10 and 11.
        let mid = g
            .iter()
            .position(|s| s.extra == Some(ExtraMeeting::MidTreatment))
            .unwrap();
        let groups_before = g[..mid]
            .iter()
            .filter(|s| s.format == SessionFormat::Group)
            .count();
        assert_eq!(groups_before, 10);
        let w = Modality::WHO_GROUP_IPT.spec().plan(8, None, None).unwrap();
        assert_eq!(w.len(), 9);
        assert_eq!(w[0].phase, SchedulePhase::PreGroup);
        assert_eq!(w[1].phase, SchedulePhase::Initial);
        assert_eq!(w[8].phase, SchedulePhase::Termination);
    }

    #[test]
    fn a_bad_spec_reports_every_problem() {
        let mut s = Modality::STANDARD_IPT.spec();
        s.name = "Bad Name".into();
        s.sessions = SessionCount::new(0, Some(0));
        s.cadences = vec![Cadence::Weekly, Cadence::Weekly];
        s.layout
            .push(PhaseBlock::new(SchedulePhase::Initial, BlockLength::Rest));
        s.cites.clear();
        let paths: Vec<String> = s
            .validate()
            .unwrap_err()
            .iter()
            .map(|p| p.path.as_str().to_owned())
            .collect();
        for want in [
            "$.name",
            "$.sessions.min",
            "$.cadences[1]",
            "$.layout[3].sessions",
            "$.layout[3].phase",
            "$.cites",
        ] {
            assert!(paths.iter().any(|p| p == want), "{want} not in {paths:?}");
        }
    }
}
