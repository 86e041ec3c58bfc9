//! A therapy group (group IPT, WHO group IPT): its members, each with their
//! own focus, goals, agreement and measures; its facilitators; its sessions;
//! and its review, in which a member's safety flag comes first.

mod review;

pub use review::{GroupReview, MemberReview, MemberSafetyFlag};

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::catalogue::ProblemArea;
use crate::course::{
    Agreement, Cadence, Modality, Schedule, ScheduleError, ScheduleOptions, SessionFormat,
    TreatmentContract,
};
use crate::date::NaiveDate;
use crate::error::{JsonPath, Problems};
use crate::goal::Goal;
use crate::id::MemberId;
use crate::measure::Measurement;
use crate::sensitive::Sensitive;

/// The version of the group JSON this crate reads and writes.
///
/// ```
/// assert_eq!(interpersonal::course::GROUP_SCHEMA_VERSION, 1);
/// ```
pub const GROUP_SCHEMA_VERSION: u32 = 1;

/// Someone who leads the group: a therapist, co-therapist or facilitator.
///
/// ```
/// use interpersonal::course::Facilitator;
/// let f: Facilitator = serde_json::from_str(r#"{"id": "f1", "label": "Ana"}"#).unwrap();
/// assert!(!format!("{f:?}").contains("Ana"));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Facilitator {
    /// The facilitator's id.
    pub id: MemberId,
    /// A name, kept as [`Sensitive`].
    pub label: Sensitive<String>,
}

/// One member of a group, with their own focus, goals, agreement and measures
/// (CLINICAL-BASIS.md §7.4: each member's problem area is identified in the
/// individual pre-group meeting).
///
/// ```
/// use interpersonal::{course::GroupMember, ProblemArea};
/// let m = GroupMember::new("m1", "Bea", [ProblemArea::Grief]).unwrap();
/// assert_eq!(m.focus, [ProblemArea::Grief]);
/// assert!(!format!("{m:?}").contains("Bea"));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GroupMember {
    /// The member's id.
    pub id: MemberId,
    /// A name, kept as [`Sensitive`].
    pub label: Sensitive<String>,
    /// The member's own focus: one or two areas the modality allows.
    pub focus: Vec<ProblemArea>,
    /// The member's own goals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// The member's agreement to their focus and the group contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// The member's symptom measures, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

impl GroupMember {
    /// A member with `id`, `label` and `focus`, no goals or measures yet;
    /// `None` when `id` is not a well-formed id.
    ///
    /// ```
    /// use interpersonal::{course::GroupMember, ProblemArea};
    /// assert!(GroupMember::new("not an id", "x", [ProblemArea::Grief]).is_none());
    /// ```
    pub fn new(
        id: &str,
        label: impl Into<String>,
        focus: impl IntoIterator<Item = ProblemArea>,
    ) -> Option<Self> {
        Some(GroupMember {
            id: MemberId::new(id).ok()?,
            label: Sensitive::new(label.into()),
            focus: focus.into_iter().collect(),
            goals: Vec::new(),
            agreement: None,
            measurements: Vec::new(),
        })
    }
}

fn default_group_minutes() -> u16 {
    Group::DEFAULT_SESSION_MINUTES
}

/// A therapy group: group IPT or WHO group IPT, its members, facilitators and
/// sessions (CLINICAL-BASIS.md §7.4).
///
/// Every member has their own focus, goals, agreement and measures; the group
/// shares the modality, start, number, cadence and length of sessions. A
/// member's safety flag comes first in that member's review and in the
/// group's ([`Group::review`]), which hold ids, never a member's text.
///
/// ```
/// use interpersonal::{course::*, from_json, measure::*, ProblemArea};
///
/// let group: Group = from_json(r#"{
///   "schema_version": 1, "modality": "who_group_ipt", "starts_on": "2026-01-05",
///   "sessions": 8,
///   "facilitators": [{"id": "f1", "label": "Ana"}],
///   "members": [
///     {"id": "m1", "label": "Bea", "focus": ["grief"]},
///     {"id": "m2", "label": "Cai", "focus": ["role_transition"],
///      "measurements": [{"instrument": "phq9", "date": "2026-01-12", "total": 14,
///        "safety_flags": [{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 1}]}]}
///   ]
/// }"#)?;
/// let schedule = group.schedule(&ScheduleOptions::default())?;
/// assert_eq!(schedule.session_count(), 9); // the pre-group meeting and 8 sessions
///
/// let review = group.review(chrono::NaiveDate::from_ymd_opt(2026, 1, 19).unwrap());
/// assert_eq!(review.safety[0].member.as_str(), "m2");
/// let bea = group.member_review("m1").unwrap();
/// assert!(bea.safety_flags.is_empty());
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "GroupData")
)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// [`GROUP_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// A group modality: [`Modality::GROUP_IPT`] or [`Modality::WHO_GROUP_IPT`].
    pub modality: Modality,
    /// The date of the first meeting (the pre-group meetings).
    #[serde(with = "crate::date::day_json")]
    pub starts_on: NaiveDate,
    /// The number of group sessions, the individual meetings aside.
    pub sessions: u8,
    /// How often the group meets; the modality's usual cadence (weekly) when
    /// absent from JSON.
    pub cadence: Cadence,
    /// Session length in minutes; 90 when absent from JSON.
    pub session_minutes: u16,
    /// Who leads the group.
    pub facilitators: Vec<Facilitator>,
    /// The members.
    pub members: Vec<GroupMember>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupData {
    schema_version: u32,
    modality: Modality,
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    starts_on: NaiveDate,
    sessions: u8,
    #[serde(default)]
    cadence: Option<Cadence>,
    #[serde(default = "default_group_minutes")]
    session_minutes: u16,
    facilitators: Vec<Facilitator>,
    members: Vec<GroupMember>,
}

impl TryFrom<GroupData> for Group {
    type Error = Problems;

    fn try_from(d: GroupData) -> Result<Self, Problems> {
        let group = Group {
            schema_version: d.schema_version,
            modality: d.modality,
            starts_on: d.starts_on,
            sessions: d.sessions,
            cadence: d.cadence.unwrap_or_else(|| d.modality.usual_cadence()),
            session_minutes: d.session_minutes,
            facilitators: d.facilitators,
            members: d.members,
        };
        group.validate()?;
        Ok(group)
    }
}

impl<'de> Deserialize<'de> for Group {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::error::read_checked::<D, GroupData, Group>(deserializer)
    }
}

impl Group {
    /// The session length a group gets when none is given, 90 minutes \[I: a
    /// default of this crate; the sources read give no length for group IPT\].
    ///
    /// ```
    /// assert_eq!(interpersonal::course::Group::DEFAULT_SESSION_MINUTES, 90);
    /// ```
    pub const DEFAULT_SESSION_MINUTES: u16 = 90;

    /// The contract of member `i`: the group's modality, start and sessions
    /// with the member's focus, goals and agreement.
    fn contract_of(&self, member: &GroupMember) -> TreatmentContract {
        let mut c = TreatmentContract::builder(self.starts_on, member.focus.iter().copied())
            .modality(self.modality)
            .sessions(self.sessions)
            .cadence(self.cadence)
            .session_minutes(self.session_minutes)
            .into_unchecked();
        c.goals = member.goals.iter().map(|g| g.id.clone()).collect();
        c.agreement = member.agreement;
        c
    }

    /// The group's sessions: the individual meetings and the group sessions
    /// of its modality, dated from [`starts_on`](Self::starts_on).
    ///
    /// # Errors
    ///
    /// [`ScheduleError`] as [`Schedule::generate`] when the group is not
    /// valid or a date cannot be represented.
    pub fn schedule(&self, options: &ScheduleOptions) -> Result<Schedule, ScheduleError> {
        let first = self
            .members
            .first()
            .map(|m| self.contract_of(m))
            .ok_or_else(|| {
                let mut p = Problems::default();
                p.at(JsonPath::root().field("members"), "at least one member");
                ScheduleError::Contract(p)
            })?;
        Schedule::generate(&first, options)
    }

    /// Checks the group and reports every problem at once, each at its JSON
    /// path: the schema version; a modality whose layout has group sessions
    /// (`$.modality`); the session count, cadence and length the modality
    /// allows (`$.sessions`, `$.cadence`, `$.session_minutes`); at least one
    /// facilitator and one member; ids used once across members and
    /// facilitators (`$.members[i].id`); each member's focus, goal ids and
    /// agreement as a contract of the modality would be checked
    /// (`$.members[i].focus`, ...); measurements in date order
    /// (`$.members[i].measurements[j].date`).
    ///
    /// ```
    /// use interpersonal::{course::*, ProblemArea};
    /// let mut g = Group::new(Modality::WHO_GROUP_IPT, "2026-01-05", 8);
    /// g.members.push(GroupMember::new("m1", "Bea", []).unwrap());
    /// let paths: Vec<String> = g.validate().unwrap_err().iter().map(|p| p.path.as_str().to_owned()).collect();
    /// assert_eq!(paths, ["$.facilitators", "$.members[0].focus"]);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing every problem found.
    pub fn validate(&self) -> Result<(), Problems> {
        let root = JsonPath::root();
        let mut p = Problems::default();
        if self.schema_version != GROUP_SCHEMA_VERSION {
            p.at(
                root.field("schema_version"),
                format!("{GROUP_SCHEMA_VERSION}; found {}", self.schema_version),
            );
        }
        let spec = self.modality.spec();
        let is_group = spec.layout.iter().any(|b| b.format == SessionFormat::Group);
        if !is_group {
            p.at(
                root.field("modality"),
                format!(
                    "a group modality (group_ipt, who_group_ipt); found `{}`",
                    self.modality
                ),
            );
        }
        let member_paths = ["$.focus", "$.goals", "$.agreement"];
        let is_member_path =
            |path: &JsonPath| member_paths.iter().any(|m| path.as_str().starts_with(m));
        if is_group {
            // The shared fields, checked once with an area the modality allows.
            let probe = spec.areas.first().map(|a| a.area);
            let mut shared = TreatmentContract::builder(self.starts_on, probe)
                .modality(self.modality)
                .sessions(self.sessions)
                .cadence(self.cadence)
                .session_minutes(self.session_minutes)
                .into_unchecked();
            shared.agreement = None;
            if let Err(problems) = shared.validate() {
                for problem in problems {
                    if !is_member_path(&problem.path) {
                        p.push(problem);
                    }
                }
            }
        }
        if self.facilitators.is_empty() {
            p.at(
                root.field("facilitators"),
                "at least one facilitator; found none",
            );
        }
        if self.members.is_empty() {
            p.at(root.field("members"), "at least one member; found none");
        }
        let mut ids: HashSet<&MemberId> = HashSet::new();
        for (i, f) in self.facilitators.iter().enumerate() {
            if !ids.insert(&f.id) {
                p.at(
                    root.field("facilitators").index(i).field("id"),
                    format!("an id not used before; found `{}` again", f.id),
                );
            }
            if crate::printable::is_blank(f.label.expose()) {
                p.at(
                    root.field("facilitators").index(i).field("label"),
                    "a label that is not blank",
                );
            }
        }
        for (i, m) in self.members.iter().enumerate() {
            let at = root.field("members").index(i);
            if !ids.insert(&m.id) {
                p.at(
                    at.field("id"),
                    format!("an id not used before; found `{}` again", m.id),
                );
            }
            if crate::printable::is_blank(m.label.expose()) {
                p.at(at.field("label"), "a label that is not blank");
            }
            if is_group {
                if let Err(problems) = self.contract_of(m).validate_for(&spec) {
                    for problem in problems {
                        if is_member_path(&problem.path) {
                            p.push(crate::error::Problem::new(
                                at.join(&problem.path),
                                problem.expected,
                            ));
                        }
                    }
                }
            }
            for (j, w) in m.measurements.windows(2).enumerate() {
                if let [a, b] = w {
                    if b.date() < a.date() {
                        p.at(
                            at.field("measurements").index(j + 1).field("date"),
                            format!("a date on or after {} (the measurement before)", a.date()),
                        );
                    }
                }
            }
        }
        p.into_result(())
    }

    /// An empty group of `modality` from `starts_on` with `sessions` group
    /// sessions at the modality's usual cadence ([`Modality::usual_cadence`]:
    /// weekly for both group modalities), of
    /// [`DEFAULT_SESSION_MINUTES`](Self::DEFAULT_SESSION_MINUTES);
    /// add facilitators and members, then [`validate`](Self::validate). A
    /// start that is not a `YYYY-MM-DD` date is kept as the earliest date.
    ///
    /// ```
    /// use interpersonal::course::{Group, Modality};
    /// let g = Group::new(Modality::GROUP_IPT, "2026-01-05", 20);
    /// assert!(g.members.is_empty());
    /// ```
    pub fn new(modality: Modality, starts_on: impl crate::date::DayInput, sessions: u8) -> Self {
        Group {
            schema_version: GROUP_SCHEMA_VERSION,
            modality,
            starts_on: starts_on.into_day().unwrap_or(NaiveDate::MIN),
            sessions,
            cadence: modality.usual_cadence(),
            session_minutes: Self::DEFAULT_SESSION_MINUTES,
            facilitators: Vec::new(),
            members: Vec::new(),
        }
    }
}
