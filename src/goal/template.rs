//! [`GoalTemplate`]: the goals the manuals list for each problem area.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{Goal, GoalTarget};
use crate::catalogue::{
    GOAL_DEFICITS_ISOLATION, GOAL_DEFICITS_RELATIONSHIPS, GOAL_DISPUTE_IDENTIFY,
    GOAL_DISPUTE_MODIFY, GOAL_DISPUTE_PLAN, GOAL_GRIEF_MOURNING, GOAL_GRIEF_RELATIONSHIPS,
    GOAL_LOST_SELF_ACCEPT, GOAL_LOST_SELF_MOURN, GOAL_TRANSITION_MASTERY,
    GOAL_TRANSITION_MOURN_OLD_ROLE, GOAL_TRANSITION_NEW_ROLE,
};
use crate::{
    catalogue::{CatalogueEntry, ProblemArea},
    id::GoalId,
    source::Source,
};

/// A goal as the IPT manuals state it for a problem area (CLINICAL-BASIS.md
/// §2.1–§2.4), with a stable key and its source: the starting point for a
/// patient's [`Goal`]. The templates of an area are the area's
/// [`goals`](ProblemArea::goals), in the same order.
///
/// JSON: `{"key": "grief.facilitate_mourning", "area": "grief", "goal": {"text": …, "source": …}}`.
///
/// ```
/// use interpersonal::{id::GoalId, goal::GoalStatus, goal::GoalTarget, goal::GoalTemplate, ProblemArea};
///
/// let t = GoalTemplate::by_key("role_dispute.choose_plan").unwrap();
/// assert_eq!(t.area(), ProblemArea::RoleDispute);
/// assert_eq!(t.text(), "Choose a plan of action.");
///
/// let goal = t.goal(GoalId::new(t.key())?, GoalTarget::Described("agree a plan".into()));
/// assert_eq!(goal.statement.expose(), "Choose a plan of action.");
/// assert_eq!(goal.status(), GoalStatus::Proposed);
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalTemplate {
    key: Cow<'static, str>,
    area: ProblemArea,
    goal: CatalogueEntry,
}

impl GoalTemplate {
    const fn from_entry(key: &'static str, area: ProblemArea, entry: CatalogueEntry) -> Self {
        GoalTemplate {
            key: Cow::Borrowed(key),
            area,
            goal: entry,
        }
    }

    /// The templates of `area`, in the manuals' order.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// let keys: Vec<_> = GoalTemplate::for_area(ProblemArea::Grief).iter().map(|t| t.key()).collect();
    /// assert_eq!(keys, ["grief.facilitate_mourning", "grief.reestablish_relationships"]);
    /// ```
    pub fn for_area(area: ProblemArea) -> &'static [GoalTemplate] {
        match area {
            ProblemArea::Grief => &GRIEF_TEMPLATES,
            ProblemArea::RoleDispute => &DISPUTE_TEMPLATES,
            ProblemArea::RoleTransition => &TRANSITION_TEMPLATES,
            ProblemArea::InterpersonalDeficits => &DEFICITS_TEMPLATES,
            ProblemArea::GriefForLostHealthySelf => &LOST_SELF_TEMPLATES,
        }
    }

    /// Every template, area by area.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalTemplate::all().count(), 12);
    /// ```
    pub fn all() -> impl Iterator<Item = &'static GoalTemplate> {
        ProblemArea::iter().flat_map(GoalTemplate::for_area)
    }

    /// The template with this key, if there is one.
    ///
    /// ```
    /// use interpersonal::goal::GoalTemplate;
    /// assert!(GoalTemplate::by_key("interpersonal_deficits.reduce_isolation").is_some());
    /// assert!(GoalTemplate::by_key("grief.forget").is_none());
    /// ```
    pub fn by_key(key: &str) -> Option<&'static GoalTemplate> {
        GoalTemplate::all().find(|t| t.key == key)
    }

    /// The template's stable key, `<area>.<goal>`, such as
    /// `"grief.facilitate_mourning"`. Keys are valid [`GoalId`]s.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// assert_eq!(
    ///     GoalTemplate::for_area(ProblemArea::RoleTransition)[0].key(),
    ///     "role_transition.mourn_old_role",
    /// );
    /// ```
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The problem area the goal belongs to.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// assert_eq!(GoalTemplate::for_area(ProblemArea::Grief)[1].area(), ProblemArea::Grief);
    /// ```
    pub fn area(&self) -> ProblemArea {
        self.area
    }

    /// The goal as the manuals state it.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// assert_eq!(
    ///     GoalTemplate::for_area(ProblemArea::InterpersonalDeficits)[0].text(),
    ///     "Reduce the patient's social isolation.",
    /// );
    /// ```
    pub fn text(&self) -> &str {
        &self.goal.text
    }

    /// Where the goal is stated.
    ///
    /// ```
    /// use interpersonal::{source::Basis, goal::GoalTemplate, ProblemArea};
    /// let t = &GoalTemplate::for_area(ProblemArea::RoleDispute)[0];
    /// assert_eq!(t.source().basis(), Basis::Stated);
    /// assert!(t.source().cites_work("weissman-2018-guide"));
    /// ```
    pub fn source(&self) -> &Source {
        &self.goal.source
    }

    /// A proposed goal from this template: its statement is the template's
    /// text, to be reworded with the patient; no target date, no progress.
    ///
    /// ```
    /// use interpersonal::{id::GoalId, goal::GoalTarget, goal::GoalTemplate, goal::InstrumentId, ProblemArea};
    /// let t = &GoalTemplate::for_area(ProblemArea::RoleTransition)[2];
    /// let goal = t.goal(
    ///     GoalId::new("g3")?,
    ///     GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 9 },
    /// );
    /// assert_eq!(goal.area, ProblemArea::RoleTransition);
    /// assert_eq!(goal.statement.expose(), t.text());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn goal(&self, id: GoalId, target: GoalTarget) -> Goal {
        Goal::new(id, self.area, self.goal.text.as_ref(), target)
    }
}

static GRIEF_TEMPLATES: [GoalTemplate; 2] = [
    GoalTemplate::from_entry(
        "grief.facilitate_mourning",
        ProblemArea::Grief,
        GOAL_GRIEF_MOURNING,
    ),
    GoalTemplate::from_entry(
        "grief.reestablish_relationships",
        ProblemArea::Grief,
        GOAL_GRIEF_RELATIONSHIPS,
    ),
];

static DISPUTE_TEMPLATES: [GoalTemplate; 3] = [
    GoalTemplate::from_entry(
        "role_dispute.identify_dispute",
        ProblemArea::RoleDispute,
        GOAL_DISPUTE_IDENTIFY,
    ),
    GoalTemplate::from_entry(
        "role_dispute.choose_plan",
        ProblemArea::RoleDispute,
        GOAL_DISPUTE_PLAN,
    ),
    GoalTemplate::from_entry(
        "role_dispute.modify_communication_or_expectations",
        ProblemArea::RoleDispute,
        GOAL_DISPUTE_MODIFY,
    ),
];

static TRANSITION_TEMPLATES: [GoalTemplate; 3] = [
    GoalTemplate::from_entry(
        "role_transition.mourn_old_role",
        ProblemArea::RoleTransition,
        GOAL_TRANSITION_MOURN_OLD_ROLE,
    ),
    GoalTemplate::from_entry(
        "role_transition.regard_new_role_positively",
        ProblemArea::RoleTransition,
        GOAL_TRANSITION_NEW_ROLE,
    ),
    GoalTemplate::from_entry(
        "role_transition.master_new_role",
        ProblemArea::RoleTransition,
        GOAL_TRANSITION_MASTERY,
    ),
];

static LOST_SELF_TEMPLATES: [GoalTemplate; 2] = [
    GoalTemplate::from_entry(
        "grief_for_lost_healthy_self.mourn_healthy_self",
        ProblemArea::GriefForLostHealthySelf,
        GOAL_LOST_SELF_MOURN,
    ),
    GoalTemplate::from_entry(
        "grief_for_lost_healthy_self.accept_illness",
        ProblemArea::GriefForLostHealthySelf,
        GOAL_LOST_SELF_ACCEPT,
    ),
];

static DEFICITS_TEMPLATES: [GoalTemplate; 2] = [
    GoalTemplate::from_entry(
        "interpersonal_deficits.reduce_isolation",
        ProblemArea::InterpersonalDeficits,
        GOAL_DEFICITS_ISOLATION,
    ),
    GoalTemplate::from_entry(
        "interpersonal_deficits.form_relationships",
        ProblemArea::InterpersonalDeficits,
        GOAL_DEFICITS_RELATIONSHIPS,
    ),
];
