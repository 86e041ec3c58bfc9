//! [`GoalStatus`]: where a goal stands, and the steps it may take.

use crate::macros::vocabulary_enum;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::id::GoalId;

vocabulary_enum! {
    /// Where a goal stands. A goal is proposed, agreed and made active, and then
    /// achieved, revised (and made active again) or discontinued; achieved and
    /// discontinued are final. [`Goal::set_status`](crate::goal::Goal::set_status) allows only
    /// these steps:
    ///
    /// | from | to |
    /// | --- | --- |
    /// | proposed | active, discontinued |
    /// | active | achieved, revised, discontinued |
    /// | revised | active, discontinued |
    /// | achieved | (none) |
    /// | discontinued | (none) |
    ///
    /// The graph is the crate's design \[I\]: IPT goals are agreed with the patient
    /// in the contract and can be revised, as the formulation can
    /// (CLINICAL-BASIS.md §2.5 rule 5 [S: `markowitz-weissman-2012-casebook` ch. 17]).
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert!(GoalStatus::Proposed.can_change_to(GoalStatus::Active));
    /// assert!(!GoalStatus::Proposed.can_change_to(GoalStatus::Achieved));
    /// assert!(GoalStatus::Achieved.is_final());
    /// ```
    pub enum GoalStatus {
        /// Suggested, not yet agreed.
        Proposed,
        /// Agreed and being worked on.
        Active,
        /// Reached. Final.
        Achieved,
        /// Reformulated; to be made active again or discontinued.
        Revised,
        /// Given up. Final.
        Discontinued,
    }
}

impl GoalStatus {
    /// The statuses a goal may move to from this one, in declaration order.
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert_eq!(
    ///     GoalStatus::Revised.allowed_next(),
    ///     [GoalStatus::Active, GoalStatus::Discontinued],
    /// );
    /// assert!(GoalStatus::Discontinued.allowed_next().is_empty());
    /// ```
    pub const fn allowed_next(self) -> &'static [GoalStatus] {
        use GoalStatus::*;
        match self {
            Proposed => &[Active, Discontinued],
            Active => &[Achieved, Revised, Discontinued],
            Revised => &[Active, Discontinued],
            Achieved | Discontinued => &[],
        }
    }

    /// Whether a goal may move from this status to `to`. A status never
    /// "changes" to itself.
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert!(GoalStatus::Active.can_change_to(GoalStatus::Revised));
    /// assert!(!GoalStatus::Active.can_change_to(GoalStatus::Active));
    /// ```
    pub const fn can_change_to(self, to: GoalStatus) -> bool {
        use GoalStatus::*;
        matches!(
            (self, to),
            (Proposed, Active | Discontinued)
                | (Active, Achieved | Revised | Discontinued)
                | (Revised, Active | Discontinued)
        )
    }

    /// Whether no status can follow: achieved and discontinued.
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert!(GoalStatus::Discontinued.is_final());
    /// assert!(!GoalStatus::Revised.is_final());
    /// ```
    pub const fn is_final(self) -> bool {
        matches!(self, GoalStatus::Achieved | GoalStatus::Discontinued)
    }
}

/// One change of a goal's status, and the day it was made.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{goal::GoalStatus, goal::GoalStatusChange};
///
/// let c: GoalStatusChange = serde_json::from_str(
///     r#"{"from": "proposed", "to": "active", "on": "2026-03-02"}"#,
/// )?;
/// assert_eq!(c.to, GoalStatus::Active);
/// assert_eq!(c.on, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GoalStatusChange {
    /// The status before.
    pub from: GoalStatus,
    /// The status after.
    pub to: GoalStatus,
    /// The day of the change.
    #[serde(with = "crate::date::day_json")]
    pub on: NaiveDate,
}

/// A refused change of a goal's status.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{id::GoalId, goal::GoalStatus, goal::GoalStatusError, goal::GoalTarget, Goal, ProblemArea};
///
/// let mut goal = Goal::new(
///     GoalId::new("g1")?,
///     ProblemArea::RoleDispute,
///     "speak up at home",
///     GoalTarget::Described("…".into()),
/// );
/// let err = goal
///     .set_status(GoalStatus::Achieved, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "goal `g1`: status cannot change from `proposed` to `achieved`",
/// );
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GoalStatusError {
    /// The step is not in the allowed graph (see [`GoalStatus`]).
    #[error("goal `{goal}`: status cannot change from `{from}` to `{to}`")]
    NotAllowed {
        /// The goal.
        goal: GoalId,
        /// Its current status.
        from: GoalStatus,
        /// The status asked for.
        to: GoalStatus,
    },
    /// The change is dated before the goal's previous status change.
    #[error(
        "goal `{goal}`: status change dated {on} is before the previous change, dated {previous}"
    )]
    DatedBeforePrevious {
        /// The goal.
        goal: GoalId,
        /// The date given.
        #[serde(with = "crate::date::day_json")]
        on: NaiveDate,
        /// The date of the previous change.
        #[serde(with = "crate::date::day_json")]
        previous: NaiveDate,
    },
}
