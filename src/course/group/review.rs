//! A group's review: each member's safety flags first, then each member's
//! focus and latest measures, by id only.

use serde::Serialize;

use super::{Group, GroupMember};
use crate::catalogue::ProblemArea;
use crate::date::NaiveDate;
use crate::id::{GoalId, MemberId};
use crate::measure::{Measurement, SafetyFlag};

/// A safety flag of one member, with the date of the measurement that raised
/// it.
///
/// ```
/// # use interpersonal::{course::*, from_json};
/// # let group: Group = from_json(r#"{"schema_version": 1, "modality": "who_group_ipt",
/// #   "starts_on": "2026-01-05", "sessions": 8, "facilitators": [{"id": "f1", "label": "A"}],
/// #   "members": [{"id": "m1", "label": "B", "focus": ["grief"], "measurements": [
/// #     {"instrument": "phq9", "date": "2026-01-12", "total": 10,
/// #      "safety_flags": [{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 2}]}]}]}"#)?;
/// let review = group.review(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
/// let flag: &MemberSafetyFlag = &review.safety[0];
/// assert_eq!(flag.member.as_str(), "m1");
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct MemberSafetyFlag {
    /// The member.
    pub member: MemberId,
    /// The date of the measurement that raised it.
    #[serde(with = "crate::date::day_json")]
    pub date: NaiveDate,
    /// The flag.
    pub flag: SafetyFlag,
}

/// One member's review as of a date: the member's own safety flags first,
/// then focus, goal ids and latest measure of each instrument. It holds ids
/// and numbers only, and nothing of any other member.
///
/// ```
/// # use interpersonal::{course::*, from_json};
/// # let group: Group = from_json(r#"{"schema_version": 1, "modality": "who_group_ipt",
/// #   "starts_on": "2026-01-05", "sessions": 8, "facilitators": [{"id": "f1", "label": "A"}],
/// #   "members": [{"id": "m1", "label": "B", "focus": ["grief"]}]}"#)?;
/// let r: MemberReview = group.member_review("m1").unwrap();
/// assert_eq!(r.member.as_str(), "m1");
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct MemberReview {
    /// The member.
    pub member: MemberId,
    /// The member's safety flags, oldest first. Never left out.
    pub safety_flags: Vec<MemberSafetyFlag>,
    /// The member's focus.
    pub focus: Vec<ProblemArea>,
    /// The member's goal ids.
    pub goals: Vec<GoalId>,
    /// The latest measurement of each instrument, on or before the review.
    pub latest: Vec<Measurement>,
}

/// The group's review as of a date: every member's safety flags first (by
/// member, in the group's order), then each member's review. Ids and numbers
/// only: no member's text.
///
/// ```
/// # use interpersonal::{course::*, from_json};
/// # let group: Group = from_json(r#"{"schema_version": 1, "modality": "who_group_ipt",
/// #   "starts_on": "2026-01-05", "sessions": 8, "facilitators": [{"id": "f1", "label": "A"}],
/// #   "members": [{"id": "m1", "label": "B", "focus": ["grief"]}]}"#)?;
/// let r: GroupReview = group.review(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
/// assert!(r.safety.is_empty());
/// assert_eq!(r.members.len(), 1);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct GroupReview {
    /// The review's date.
    #[serde(with = "crate::date::day_json")]
    pub as_of: NaiveDate,
    /// Every member's safety flags, first.
    pub safety: Vec<MemberSafetyFlag>,
    /// Each member's review, in the group's order.
    pub members: Vec<MemberReview>,
}

fn review_of(member: &GroupMember, as_of: NaiveDate) -> MemberReview {
    let seen = member.measurements.iter().filter(|m| m.date() <= as_of);
    let safety_flags = seen
        .clone()
        .flat_map(|m| {
            m.safety_flags().iter().map(|f| MemberSafetyFlag {
                member: member.id.clone(),
                date: m.date(),
                flag: *f,
            })
        })
        .collect();
    let mut latest: Vec<Measurement> = Vec::new();
    for m in seen {
        match latest.iter_mut().find(|l| l.instrument() == m.instrument()) {
            Some(l) if l.date() <= m.date() => *l = m.clone(),
            Some(_) => {}
            None => latest.push(m.clone()),
        }
    }
    MemberReview {
        member: member.id.clone(),
        safety_flags,
        focus: member.focus.clone(),
        goals: member.goals.iter().map(|g| g.id.clone()).collect(),
        latest,
    }
}

impl Group {
    /// The group's review as of `as_of` (measurements after it are left out).
    ///
    /// ```
    /// # use interpersonal::{course::*, from_json};
    /// # let group: Group = from_json(r#"{"schema_version": 1, "modality": "group_ipt",
    /// #   "starts_on": "2026-01-05", "sessions": 20, "facilitators": [{"id": "f1", "label": "A"}],
    /// #   "members": [{"id": "m1", "label": "B", "focus": ["role_dispute"]}]}"#)?;
    /// let r = group.review(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// assert_eq!(r.members[0].focus, [interpersonal::ProblemArea::RoleDispute]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn review(&self, as_of: NaiveDate) -> GroupReview {
        let members: Vec<MemberReview> = self.members.iter().map(|m| review_of(m, as_of)).collect();
        let safety = members
            .iter()
            .flat_map(|m| m.safety_flags.iter().cloned())
            .collect();
        GroupReview {
            as_of,
            safety,
            members,
        }
    }

    /// One member's review, with every measurement recorded; `None` when no
    /// member has that id. It holds nothing of any other member.
    ///
    /// ```
    /// # use interpersonal::{course::*, from_json};
    /// # let group: Group = from_json(r#"{"schema_version": 1, "modality": "who_group_ipt",
    /// #   "starts_on": "2026-01-05", "sessions": 8, "facilitators": [{"id": "f1", "label": "A"}],
    /// #   "members": [{"id": "m1", "label": "B", "focus": ["grief"]}]}"#)?;
    /// assert!(group.member_review("m9").is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn member_review(&self, id: &str) -> Option<MemberReview> {
        self.members
            .iter()
            .find(|m| m.id.as_str() == id)
            .map(|m| review_of(m, NaiveDate::MAX))
    }
}
