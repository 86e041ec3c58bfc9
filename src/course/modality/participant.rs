//! Who takes part in a modality's sessions, and how a session is held.

use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// Someone who takes part in a modality's sessions (CLINICAL-BASIS.md §7).
    ///
    /// ```
    /// use interpersonal::course::Participant;
    /// assert_eq!(Participant::ParentOrGuardian.to_string(), "parent_or_guardian");
    /// ```
    #[non_exhaustive]
    pub enum Participant {
        /// The patient of an individual course.
        Patient,
        /// The adolescent patient of IPT-A, aged 12 to 18.
        Adolescent,
        /// The adolescent's parent or guardian, in IPT-A's joint sessions.
        ParentOrGuardian,
        /// The members of a group.
        GroupMembers,
        /// The therapist.
        Therapist,
        /// A second therapist leading a group with the first.
        CoTherapist,
        /// A supervised facilitator who is not a mental-health specialist, as in
        /// WHO group IPT.
        Facilitator,
    }
}

vocabulary_enum! {
    /// How a session is held: with one patient, jointly with a relative, or
    /// as a group.
    ///
    /// ```
    /// use interpersonal::course::SessionFormat;
    /// assert_eq!(SessionFormat::default(), SessionFormat::Individual);
    /// assert_eq!(SessionFormat::Joint.to_string(), "joint");
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    pub enum SessionFormat {
        /// One patient and the therapist; also a group member's individual
        /// meeting.
        #[default]
        Individual,
        /// The patient with a parent, guardian or partner.
        Joint,
        /// A group session.
        Group,
    }
}

vocabulary_enum! {
    /// A meeting a modality adds that is not one of the sessions the contract
    /// counts (CLINICAL-BASIS.md §7.4, §7.5).
    ///
    /// ```
    /// use interpersonal::course::ExtraMeeting;
    /// assert_eq!(ExtraMeeting::MidTreatment.to_string(), "mid_treatment");
    /// ```
    #[non_exhaustive]
    pub enum ExtraMeeting {
        /// Brief IPT's engagement session.
        Engagement,
        /// Group IPT's individual meeting before the group.
        PreGroup,
        /// IPT-G's individual meeting in the middle of the group.
        MidTreatment,
        /// IPT-G's individual meeting after the last group session.
        PostTreatment,
    }
}

vocabulary_enum! {
    /// The sick role a modality gives the patient (CLINICAL-BASIS.md §1.1,
    /// §7.3).
    ///
    /// ```
    /// use interpersonal::course::SickRole;
    /// assert_eq!(SickRole::Limited.to_string(), "limited");
    /// ```
    #[non_exhaustive]
    pub enum SickRole {
        /// IPT's sick role: depression is an illness, the patient is excused
        /// what it prevents while taking up the work of recovery.
        Full,
        /// IPT-A's limited sick role: the adolescent keeps going to school and
        /// to activities as far as possible.
        Limited,
        /// The model does not use a sick role (MIT).
        NotUsed,
    }
}
