//! Moving a course from acute treatment to maintenance IPT, and a
//! maintenance focus that changes with the patient's agreement.

use serde::{Deserialize, Serialize};

use super::{Agreement, Cadence, Modality, TreatmentContract};
use crate::catalogue::ProblemArea;
use crate::course::first_seen::FirstSeen;
use crate::date::NaiveDate;
use crate::error::{JsonPath, Problems};
use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// Why a maintenance focus differs from the acute one (CLINICAL-BASIS.md
    /// §7.6: in maintenance the focus may move to a new area or to one
    /// deferred during the acute course, as with the impasse dispute of the
    /// Casebook's ch. 17).
    ///
    /// ```
    /// use interpersonal::course::FocusChangeReason;
    /// assert_eq!(FocusChangeReason::DeferredArea.to_string(), "deferred_area");
    /// ```
    #[non_exhaustive]
    pub enum FocusChangeReason {
        /// A problem that arose since the acute course.
        NewArea,
        /// An area found in the acute course and put off until maintenance.
        DeferredArea,
    }
}

/// A maintenance contract's change of focus: the acute focus it replaces, why,
/// and the patient's agreement.
///
/// ```
/// use interpersonal::{course::{FocusChange, FocusChangeReason}, ProblemArea};
/// let c: FocusChange = serde_json::from_str(
///     r#"{"from": ["role_transition"], "reason": "deferred_area", "agreement": {"on": "2026-04-06"}}"#,
/// ).unwrap();
/// assert_eq!(c.from, [ProblemArea::RoleTransition]);
/// assert_eq!(c.reason, FocusChangeReason::DeferredArea);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FocusChange {
    /// The acute course's focus.
    pub from: Vec<ProblemArea>,
    /// Why the focus changes.
    pub reason: FocusChangeReason,
    /// The patient's agreement to the new focus.
    pub agreement: Agreement,
}

/// What the clinician and patient agree for maintenance after an acute course:
/// when it starts, how many sessions and how often (monthly unless set), its
/// focus, and, when the focus changes, why and when the patient agreed.
///
/// ```
/// use interpersonal::{course::{Cadence, MaintenancePlan}, ProblemArea};
/// let plan = MaintenancePlan::new("2026-04-20", 6, [ProblemArea::Grief]);
/// assert_eq!(plan.cadence, Cadence::Monthly);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MaintenancePlan {
    /// The date of the first maintenance session.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub starts_on: NaiveDate,
    /// How many maintenance sessions are agreed.
    pub sessions: u8,
    /// How often; monthly when absent from JSON.
    #[serde(default = "monthly")]
    pub cadence: Cadence,
    /// The maintenance focus.
    pub focus: Vec<ProblemArea>,
    /// Why the focus differs from the acute one, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<FocusChangeReason>,
    /// When the patient agreed to the maintenance contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::date::day_json::option")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::types::Day>")
    )]
    pub agreed_on: Option<NaiveDate>,
}

/// Maintenance IPT's usual cadence, from its modality data (monthly).
fn monthly() -> Cadence {
    Modality::MAINTENANCE_IPT.usual_cadence()
}

impl MaintenancePlan {
    /// `sessions` monthly sessions from `starts_on` on `focus`, not yet agreed.
    /// A start that is not a `YYYY-MM-DD` date is kept as the earliest date,
    /// which [`TreatmentContract::maintenance`] refuses at `$.starts_on`.
    ///
    /// ```
    /// use interpersonal::{course::MaintenancePlan, ProblemArea};
    /// let plan = MaintenancePlan::new("2026-04-20", 6, [ProblemArea::Grief]);
    /// assert_eq!(plan.sessions, 6);
    /// ```
    pub fn new(
        starts_on: impl crate::date::DayInput,
        sessions: u8,
        focus: impl IntoIterator<Item = ProblemArea>,
    ) -> Self {
        MaintenancePlan {
            starts_on: starts_on.into_day().unwrap_or(NaiveDate::MIN),
            sessions,
            cadence: monthly(),
            focus: focus.into_iter().collect(),
            reason: None,
            agreed_on: None,
        }
    }

    /// Records why the focus changes.
    ///
    /// ```
    /// use interpersonal::{course::{FocusChangeReason, MaintenancePlan}, ProblemArea};
    /// let plan = MaintenancePlan::new("2026-04-20", 6, [ProblemArea::RoleDispute])
    ///     .because(FocusChangeReason::DeferredArea);
    /// assert!(plan.reason.is_some());
    /// ```
    pub fn because(mut self, reason: FocusChangeReason) -> Self {
        self.reason = Some(reason);
        self
    }

    /// Records the patient's agreement on `on`.
    ///
    /// ```
    /// use interpersonal::{course::MaintenancePlan, ProblemArea};
    /// let plan = MaintenancePlan::new("2026-04-20", 6, [ProblemArea::Grief]).agreed_on("2026-04-06");
    /// assert!(plan.agreed_on.is_some());
    /// ```
    pub fn agreed_on(mut self, on: impl crate::date::DayInput) -> Self {
        self.agreed_on = on.into_day().ok();
        self
    }
}

/// Whether the two lists hold the same areas, as sets (linear in the lists,
/// however long a list read from JSON is).
fn same_areas(a: &[ProblemArea], b: &[ProblemArea]) -> bool {
    let set = |list: &[ProblemArea]| {
        list.iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
    };
    set(a) == set(b)
}

impl TreatmentContract {
    /// The maintenance contract that follows this acute one
    /// (CLINICAL-BASIS.md §7.6): maintenance IPT, `plan.sessions` sessions at
    /// `plan.cadence` from `plan.starts_on`, on `plan.focus`. When the focus
    /// differs from the acute focus the plan must say why (a new or a deferred
    /// area) and when the patient agreed; the change is recorded in
    /// [`TreatmentContract::focus_change`]. Goals are agreed afresh; none are
    /// carried over. Maintenance is a course of its own: a
    /// [`Course`](crate::Course) made from the new contract (or with
    /// [`Course::maintenance`](crate::Course::maintenance) from the acute
    /// course) starts in [`Phase::Maintenance`](crate::Phase::Maintenance),
    /// with a schedule at the plan's cadence whose every session is in the
    /// maintenance phase.
    ///
    /// ```
    /// use interpersonal::{course::*, ProblemArea, TreatmentContract};
    ///
    /// let acute = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
    ///     .agreed_on(chrono::NaiveDate::from_ymd_opt(2026, 1, 19).unwrap())
    ///     .build()?;
    /// // The dispute put off during the acute course becomes the focus.
    /// let plan = MaintenancePlan::new("2026-04-20", 6, [ProblemArea::RoleDispute]);
    /// let err = acute.maintenance(&plan).unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.reason");
    ///
    /// let plan = plan.because(FocusChangeReason::DeferredArea).agreed_on("2026-03-23");
    /// let m = acute.maintenance(&plan)?;
    /// assert_eq!(m.modality, Modality::MAINTENANCE_IPT);
    /// assert_eq!(m.cadence, Cadence::Monthly);
    /// assert_eq!(m.focus_change.unwrap().from, [ProblemArea::Grief]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Problems`] at the plan's paths: `$.modality` (this contract's
    /// modality is not one maintenance IPT follows, as its data says:
    /// [`ModalitySpec::follows`](crate::course::ModalitySpec::follows)),
    /// `$.starts_on` (not after the acute course's planned end), `$.reason`
    /// and `$.agreed_on` (missing when the focus
    /// changes; an agreement after the start), and the new contract's own
    /// problems ([`TreatmentContract::validate`]).
    pub fn maintenance(&self, plan: &MaintenancePlan) -> Result<TreatmentContract, Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();
        let maintenance = Modality::MAINTENANCE_IPT.spec();
        if !maintenance.may_follow(self.modality) {
            let follows: Vec<&str> = maintenance.follows.iter().map(|m| m.as_str()).collect();
            problems.at(
                root.field("modality"),
                format!(
                    "a contract maintenance IPT may follow ({}); found `{}`",
                    follows.join(", "),
                    self.modality
                ),
            );
        }
        if let Some(end) = self.planned_end().filter(|&end| plan.starts_on <= end) {
            problems.at(
                root.field("starts_on"),
                format!(
                    "a date after the acute course's planned last session {end}; found {}",
                    plan.starts_on
                ),
            );
        }
        let changed = !same_areas(&plan.focus, &self.focus);
        if changed && plan.reason.is_none() {
            problems.at(
                root.field("reason"),
                "why the maintenance focus differs from the acute one (new_area or \
                 deferred_area)",
            );
        }
        if changed && plan.agreed_on.is_none() {
            problems.at(
                root.field("agreed_on"),
                "the date the patient agreed to the new focus",
            );
        }
        if let Some(on) = plan.agreed_on.filter(|&on| on > plan.starts_on) {
            problems.at(
                root.field("agreed_on"),
                format!(
                    "an agreement on or before the first maintenance session {}; found {on}",
                    plan.starts_on
                ),
            );
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let focus_change = match (changed, plan.reason, plan.agreed_on) {
            (true, Some(reason), Some(on)) => Some(FocusChange {
                from: self.focus.clone(),
                reason,
                agreement: Agreement::new(on),
            }),
            _ => None,
        };
        let contract = TreatmentContract {
            modality: Modality::MAINTENANCE_IPT,
            sessions: plan.sessions,
            cadence: plan.cadence,
            starts_on: plan.starts_on,
            session_minutes: self.session_minutes,
            focus: plan.focus.clone(),
            goals: Vec::new(),
            agreement: plan.agreed_on.map(Agreement::new),
            practicalities: self.practicalities.clone(),
            twice_weekly_sessions: 0,
            adolescent: None,
            focus_change,
        };
        contract.validate()?;
        Ok(contract)
    }
}

/// Checks a contract's focus change (`$.focus_change`).
pub(super) fn check_focus_change(
    change: &FocusChange,
    contract: &TreatmentContract,
    root: &JsonPath,
    problems: &mut Problems,
) {
    let at = root.field("focus_change");
    if contract.modality != Modality::MAINTENANCE_IPT {
        problems.at(
            at.clone(),
            format!(
                "no focus change except on a maintenance_ipt contract; found `{}`",
                contract.modality
            ),
        );
    }
    let from = at.field("from");
    if change.from.is_empty() {
        problems.at(
            from.clone(),
            "the acute focus, one or two areas; found none",
        );
    }
    let mut seen = FirstSeen::new();
    for (i, area) in change.from.iter().enumerate() {
        if seen.repeat(area, i).is_some() {
            problems.at(
                from.index(i),
                format!("a problem area not listed before; found `{area}` again"),
            );
        }
    }
    if !change.from.is_empty() && same_areas(&change.from, &contract.focus) {
        problems.at(
            from,
            "a focus other than the contract's: the focus did not change",
        );
    }
}
