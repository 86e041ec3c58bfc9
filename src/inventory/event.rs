//! A life event in the patient's timeline.

use serde::{Deserialize, Serialize};

use crate::macros::vocabulary_enum;
use crate::{
    catalogue::TransitionKind,
    date::PartialDate,
    id::{EventId, PersonId},
    inventory::OnsetLink,
    sensitive::Sensitive,
};

vocabulary_enum! {
    /// What happened (CLINICAL-BASIS.md §2.3 and §3.1; the life changes the manuals
    /// name [S: `markowitz-2016-ptsd` appendix; `ravitz-maunder-2012-role-transition`;
    /// `markowitz-weissman-2012-casebook` ch. 17]).
    ///
    /// ```
    /// use interpersonal::inventory::EventKind;
    /// assert_eq!(EventKind::BirthOfChild.to_string(), "birth_of_child");
    /// assert!(EventKind::Death.is_death());
    /// assert!(EventKind::Divorce.is_non_death_loss());
    /// ```
    #[non_exhaustive]
    pub enum EventKind {
        /// The death of someone.
        Death,
        /// A separation from a partner.
        Separation,
        /// A divorce.
        Divorce,
        /// A marriage.
        Marriage,
        /// A new relationship.
        NewRelationship,
        /// A pregnancy.
        Pregnancy,
        /// The birth of a child.
        BirthOfChild,
        /// A child leaving home.
        ChildLeavingHome,
        /// Starting a job.
        JobStart,
        /// Losing a job.
        JobLoss,
        /// Changing jobs.
        JobChange,
        /// A promotion.
        Promotion,
        /// A demotion.
        Demotion,
        /// Retirement.
        Retirement,
        /// A move.
        Relocation,
        /// Migration to another country.
        Migration,
        /// A serious illness or diagnosis, the patient's own.
        SeriousIllness,
        /// Becoming a caregiver.
        BecomingCaregiver,
        /// Graduation.
        Graduation,
        /// A change of school.
        SchoolChange,
        /// A financial loss.
        FinancialLoss,
        /// A traumatic event: an assault, an accident, a disaster, combat,
        /// abuse (say which in [`LifeEvent::trauma_kind`]). Its own kind, not
        /// `other`, so that the inventory says what happened. IPT for PTSD works
        /// on the trauma's interpersonal consequences rather than on the
        /// trauma itself, most often framed as a role transition
        /// (CLINICAL-BASIS.md §7.8 [S: `markowitz-2016-ptsd` ch. 7]).
        Trauma,
        /// Travel across time zones: a disruptor of daily rhythms
        /// (CLINICAL-BASIS.md §7.1 [K: `frank-2005-ipsrt`]). Not a role change.
        TimeZoneTravel,
        /// Starting shift work or night work: a disruptor of daily rhythms
        /// (CLINICAL-BASIS.md §7.1 [K: `frank-2005-ipsrt`]), and a change of
        /// work role.
        ShiftWork,
        /// Something else.
        Other,
    }
}

vocabulary_enum! {
    /// What kind of traumatic event an [`EventKind::Trauma`] was: the kinds
    /// the issue of IPT for PTSD names (CLINICAL-BASIS.md §7.8).
    ///
    /// ```
    /// use interpersonal::inventory::TraumaKind;
    /// assert_eq!(TraumaKind::Assault.to_string(), "assault");
    /// assert_eq!("combat".parse::<TraumaKind>().unwrap(), TraumaKind::Combat);
    /// ```
    #[non_exhaustive]
    pub enum TraumaKind {
        /// An assault, including a sexual assault or a mugging.
        Assault,
        /// An accident.
        Accident,
        /// A disaster, natural or man-made.
        Disaster,
        /// Combat or other military trauma.
        Combat,
        /// Abuse.
        Abuse,
        /// Another traumatic event.
        Other,
    }
}

impl EventKind {
    /// A death. In IPT a death links to grief, and only a death does
    /// (CLINICAL-BASIS.md §2.5 rule 4 [K: `weissman-2018-guide` ch. "Grief"]).
    ///
    /// ```
    /// use interpersonal::inventory::EventKind;
    /// assert!(EventKind::Death.is_death());
    /// assert!(!EventKind::JobLoss.is_death());
    /// ```
    pub fn is_death(self) -> bool {
        self == EventKind::Death
    }

    /// A loss that is not a death: a separation, a divorce, a job lost, a
    /// demotion, a financial loss, a serious illness (the loss of health). In
    /// the Weissman/Markowitz model these are role transitions, not grief
    /// (CLINICAL-BASIS.md §2.1 and §2.5 rule 4 [K: `weissman-2018-guide` ch. "Grief"]).
    ///
    /// ```
    /// use interpersonal::inventory::EventKind;
    /// assert!(EventKind::JobLoss.is_non_death_loss());
    /// assert!(!EventKind::Promotion.is_non_death_loss());
    /// ```
    pub const fn is_non_death_loss(self) -> bool {
        matches!(
            self,
            EventKind::Separation
                | EventKind::Divorce
                | EventKind::JobLoss
                | EventKind::Demotion
                | EventKind::FinancialLoss
                | EventKind::SeriousIllness
        )
    }

    /// A traumatic event ([`EventKind::Trauma`]).
    ///
    /// ```
    /// use interpersonal::inventory::EventKind;
    /// assert!(EventKind::Trauma.is_trauma());
    /// assert!(!EventKind::Other.is_trauma());
    /// ```
    pub const fn is_trauma(self) -> bool {
        matches!(self, EventKind::Trauma)
    }

    /// An event that disrupts daily rhythms (sleep, meals, social contact),
    /// which IPSRT plans the routine around: travel across time zones, shift
    /// work, a new baby, a move, a new job (CLINICAL-BASIS.md §7.1
    /// [K: `frank-2005-ipsrt`]). Planned ones are listed in
    /// [`Inventory::upcoming`](crate::Inventory::upcoming).
    ///
    /// ```
    /// use interpersonal::inventory::EventKind;
    /// assert!(EventKind::TimeZoneTravel.is_rhythm_disruptor());
    /// assert!(EventKind::BirthOfChild.is_rhythm_disruptor());
    /// assert!(!EventKind::Graduation.is_rhythm_disruptor());
    /// ```
    pub const fn is_rhythm_disruptor(self) -> bool {
        matches!(
            self,
            EventKind::TimeZoneTravel
                | EventKind::ShiftWork
                | EventKind::BirthOfChild
                | EventKind::Relocation
                | EventKind::JobStart
        )
    }

    /// The role transition this event is, if it is one. Every event but a
    /// death and travel across time zones changes a social role; `Other`
    /// maps to [`TransitionKind::Other`]. A trauma is the transition
    /// [`TransitionKind::AfterTrauma`]: IPT for PTSD frames the life the
    /// trauma changed as a role transition, its most common focus
    /// (CLINICAL-BASIS.md §7.8 [S: `markowitz-2016-ptsd` ch. 7]); a death in
    /// the trauma is a death event of its own, and grief.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, catalogue::TransitionKind};
    /// assert_eq!(EventKind::Divorce.transition(), Some(TransitionKind::DivorceOrSeparation));
    /// assert_eq!(EventKind::Trauma.transition(), Some(TransitionKind::AfterTrauma));
    /// assert_eq!(EventKind::Death.transition(), None);
    /// assert_eq!(EventKind::TimeZoneTravel.transition(), None);
    /// ```
    pub fn transition(self) -> Option<TransitionKind> {
        Some(match self {
            EventKind::Death | EventKind::TimeZoneTravel => return None,
            EventKind::Trauma => TransitionKind::AfterTrauma,
            EventKind::ShiftWork => TransitionKind::JobChange,
            EventKind::Separation | EventKind::Divorce => TransitionKind::DivorceOrSeparation,
            EventKind::Marriage => TransitionKind::Marriage,
            EventKind::NewRelationship => TransitionKind::Other,
            EventKind::Pregnancy => TransitionKind::Pregnancy,
            EventKind::BirthOfChild => TransitionKind::BecomingAParent,
            EventKind::ChildLeavingHome => TransitionKind::ChildrenLeavingHome,
            EventKind::JobStart => TransitionKind::JobStart,
            EventKind::JobLoss => TransitionKind::JobLoss,
            EventKind::JobChange | EventKind::Promotion | EventKind::Demotion => {
                TransitionKind::JobChange
            }
            EventKind::Retirement => TransitionKind::Retirement,
            EventKind::Relocation => TransitionKind::Relocation,
            EventKind::Migration => TransitionKind::Migration,
            EventKind::SeriousIllness => TransitionKind::SeriousIllness,
            EventKind::BecomingCaregiver => TransitionKind::BecomingACaregiver,
            EventKind::Graduation
            | EventKind::SchoolChange
            | EventKind::FinancialLoss
            | EventKind::Other => TransitionKind::Other,
        })
    }
}

vocabulary_enum! {
    /// A sign, noted about a death, that the grief may be complicated
    /// (CLINICAL-BASIS.md §2.1: avoided or postponed mourning, the manuals' delayed grief
    /// [K: `weissman-2000-comprehensive-guide`]; the "professional mourner" [I: from
    /// secondary notes not checked in `weissman-2018-guide`]; grief that stays intense and
    /// impairing long after the death; and the risk indicators of the 1984/2000 manuals
    /// [K: `weissman-2000-comprehensive-guide`]). Recording a sign names what the clinician saw;
    /// it diagnoses nothing.
    ///
    /// ```
    /// use interpersonal::inventory::GriefSign;
    /// assert_eq!(GriefSign::AvoidedMourning.to_string(), "avoided_mourning");
    /// ```
    #[non_exhaustive]
    pub enum GriefSign {
        /// Mourning avoided or postponed: "keeping busy", numbing, avoiding the
        /// funeral or the grave.
        AvoidedMourning,
        /// Other symptoms (e.g. somatic) in place of sadness.
        SymptomsInsteadOfSadness,
        /// Life organised around the dead person; the environment preserved as it
        /// was (a room kept unchanged).
        EnvironmentPreserved,
        /// Grief that has stayed intense and impairing long after the death.
        /// Prolonged grief as a disorder is assessed by its own criteria, no
        /// earlier than 12 months after the death in adults and 6 months in
        /// children and adolescents (DSM-5-TR, American Psychiatric
        /// Association 2022 \[K\]); this sign records what the clinician saw and
        /// diagnoses nothing.
        ProlongedSevereGrief,
        /// Symptoms around anniversaries.
        AnniversaryReaction,
        /// Several losses.
        MultipleLosses,
        /// Inadequate grieving during the bereavement period.
        InadequateGrieving,
        /// Family or social support absent during bereavement.
        AbsentSupport,
        /// Fear of the illness that caused the death.
        FearOfSameIllness,
    }
}

/// A life event on the patient's timeline (CLINICAL-BASIS.md §3.1 "recent losses,
/// recent life changes … a timeline of symptom onset against life events").
///
/// ```
/// use interpersonal::{id::EventId, inventory::EventKind, LifeEvent};
///
/// let e: LifeEvent = serde_json::from_str(r#"{
///     "id": "e1", "kind": "death", "date": "2025-11", "person": "father",
///     "linked_to_onset": true
/// }"#).unwrap();
/// assert_eq!(e.kind, EventKind::Death);
/// assert_eq!(e.person.as_ref().map(|p| p.as_str()), Some("father"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LifeEvent {
    /// The event's id.
    pub id: EventId,
    /// What happened.
    pub kind: EventKind,
    /// When, to the day or the month, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The person it concerns, if any (the person who died, the partner who
    /// left).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    /// Whether the clinician links the event to the onset of the episode:
    /// JSON `true`, `false`, or left out when not known ([`OnsetLink`]).
    #[serde(
        default,
        with = "super::onset_link::as_bool",
        skip_serializing_if = "OnsetLink::is_unknown"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub linked_to_onset: OnsetLink,
    /// For a death: signs that the grief may be complicated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grief_signs: Vec<GriefSign>,
    /// For a trauma: what kind of traumatic event it was, if recorded. Only
    /// an event of kind [`EventKind::Trauma`] carries it (checked by
    /// [`Inventory::validate`](crate::Inventory::validate)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trauma_kind: Option<TraumaKind>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Sensitive<String>>,
}

impl LifeEvent {
    /// An event with only its id, kind and date.
    ///
    /// ```
    /// use interpersonal::{id::EventId, inventory::EventKind, LifeEvent};
    /// let e = LifeEvent::new(EventId::new("move")?, EventKind::Relocation, Some("2026-01".parse()?));
    /// assert!(e.person.is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn new(id: EventId, kind: EventKind, date: Option<PartialDate>) -> Self {
        LifeEvent {
            id,
            kind,
            date,
            person: None,
            linked_to_onset: OnsetLink::Unknown,
            grief_signs: Vec::new(),
            trauma_kind: None,
            notes: None,
        }
    }
}
