//! The built-in modalities, as data: one function each, read by
//! [`Modality::spec`](crate::course::Modality::spec).
//!
//! Each layout cites its source; where a phase length is this crate's reading
//! rather than a number the source gives, its comment says so (\[I\]), and
//! CLINICAL-BASIS.md §7 says the same.

use super::{
    AreaName, BlockLength, Bounds, ExtraMeeting, MODALITY_SCHEMA_VERSION, ModalitySpec,
    Participant, PhaseBlock, SchedulePhase, SessionCount, SessionFormat, SickRole,
};
use crate::bibliography::Citation;
use crate::catalogue::ProblemArea;
use crate::course::{Cadence, Modality, TreatmentContract};
use crate::source::Basis::{Inferred, Known, Stated};

use BlockLength::{Fixed, Judged, Rest};
use SchedulePhase as P;

/// The crate's plausibility bounds on a session's length, for a modality
/// whose sources give none.
const ANY_LENGTH: Bounds = Bounds::new(
    TreatmentContract::MIN_SESSION_MINUTES,
    TreatmentContract::MAX_SESSION_MINUTES,
);

/// Standard IPT's four areas ([`AreaSet::Standard`](crate::catalogue::AreaSet)).
fn ipt_areas(name: fn(ProblemArea) -> &'static str) -> Vec<AreaName> {
    set_areas(crate::catalogue::AreaSet::Standard, name)
}

/// The areas of `set`, under the names `name` gives them.
fn set_areas(
    set: crate::catalogue::AreaSet,
    name: fn(ProblemArea) -> &'static str,
) -> Vec<AreaName> {
    set.areas()
        .iter()
        .map(|&a| AreaName::new(a, name(a)))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn spec(
    based_on: Modality,
    title: &str,
    sessions: SessionCount,
    cadences: Vec<Cadence>,
    layout: Vec<PhaseBlock>,
    participants: Vec<Participant>,
    areas: Vec<AreaName>,
    cites: Vec<Citation>,
) -> ModalitySpec {
    ModalitySpec {
        schema_version: MODALITY_SCHEMA_VERSION,
        name: based_on.as_str().to_owned(),
        based_on,
        title: title.to_owned(),
        sessions,
        cadences,
        twice_weekly_start: None,
        session_minutes: ANY_LENGTH,
        phase_lengths_adjustable: false,
        layout,
        max_focus_areas: if areas.is_empty() { 0 } else { 2 },
        areas,
        participants,
        sick_role: SickRole::Full,
        age: None,
        follows: Vec::new(),
        cites,
    }
}

/// Standard individual IPT: 12 to 16 weekly sessions, initial 1–3, middle,
/// termination the last 2–4 (CLINICAL-BASIS.md §1.1). Fortnightly is accepted
/// by agreement \[I\]. The first sessions may be held twice a week: a trial
/// gave IPT and CBT twice weekly at the start, with better outcomes
/// (`bruijniks-2020-session-frequency`, K); the manuals read by this crate
/// describe weekly sessions and were not seen to set a limit, so the 8
/// sessions (4 weeks) allowed here are this crate's bound \[I\].
pub(crate) fn standard() -> ModalitySpec {
    let mut s = spec(
        Modality::STANDARD_IPT,
        "Standard individual IPT",
        SessionCount::new(12, Some(16)),
        vec![Cadence::Weekly, Cadence::Fortnightly],
        vec![
            PhaseBlock::new(P::Initial, Fixed(3)),
            PhaseBlock::new(P::Middle, Rest),
            PhaseBlock::new(P::Termination, Fixed(3)),
        ],
        vec![Participant::Patient, Participant::Therapist],
        ipt_areas(ProblemArea::name),
        vec![
            Citation::new("markowitz-weissman-2004-world-psychiatry", "", Stated),
            Citation::new("weissman-2000-comprehensive-guide", "", Known),
            Citation::new(
                "bruijniks-2020-session-frequency",
                "twice-weekly sessions",
                Known,
            ),
        ],
    );
    s.twice_weekly_start = Some(8);
    s.phase_lengths_adjustable = true;
    s
}

/// Brief IPT (IPT-B): an engagement session, then 8 weekly IPT sessions
/// (CLINICAL-BASIS.md §7.5; `swartz-2004-brief-ipt`, K). The Casebook's
/// brief case speaks of "the remaining six weekly acute treatment sessions"
/// after the initial ones (ch. 17, S), so 2 initial sessions; 2 termination
/// sessions is this crate's reading \[I\].
pub(crate) fn brief() -> ModalitySpec {
    let mut s = spec(
        Modality::BRIEF_IPT,
        "Brief IPT (IPT-B)",
        SessionCount::new(8, Some(8)),
        vec![Cadence::Weekly],
        vec![
            PhaseBlock::new(P::Engagement, Fixed(1)).extra(ExtraMeeting::Engagement),
            PhaseBlock::new(P::Initial, Fixed(2)),
            PhaseBlock::new(P::Middle, Rest),
            PhaseBlock::new(P::Termination, Fixed(2)),
        ],
        vec![Participant::Patient, Participant::Therapist],
        ipt_areas(ProblemArea::name),
        vec![
            Citation::new("swartz-2004-brief-ipt", "", Known),
            Citation::new("grote-2009-brief-ipt-perinatal", "", Known),
            Citation::new("markowitz-weissman-2012-casebook", "ch. 17", Stated),
        ],
    );
    s.max_focus_areas = 1;
    s
}

/// IPT for depressed adolescents (IPT-A): ages 12 to 18, 12 weekly sessions
/// of 35 to 50 minutes, parents involved, a limited sick role
/// (CLINICAL-BASIS.md §7.3; `mufson-2004-ipt-a`, K). The three phases of
/// four sessions each, and the parent or guardian joining the first and the
/// last session, are this crate's reading of the manual as it is described
/// (I): the manual encourages the parent's part in the initial phase's
/// psychoeducation and in termination, but the crate did not read which
/// sessions.
pub(crate) fn adolescent() -> ModalitySpec {
    let joint = [
        Participant::Adolescent,
        Participant::ParentOrGuardian,
        Participant::Therapist,
    ];
    let mut s = spec(
        Modality::ADOLESCENT_IPT,
        "IPT for depressed adolescents (IPT-A)",
        SessionCount::new(12, Some(12)),
        vec![Cadence::Weekly],
        vec![
            PhaseBlock::new(P::Initial, Fixed(1))
                .held(SessionFormat::Joint)
                .with(joint),
            PhaseBlock::new(P::Initial, Fixed(3)),
            PhaseBlock::new(P::Middle, Rest),
            PhaseBlock::new(P::Termination, Fixed(3)),
            PhaseBlock::new(P::Termination, Fixed(1))
                .held(SessionFormat::Joint)
                .with(joint),
        ],
        vec![
            Participant::Adolescent,
            Participant::ParentOrGuardian,
            Participant::Therapist,
        ],
        ipt_areas(ProblemArea::name),
        vec![
            Citation::new("mufson-2004-ipt-a", "", Known),
            Citation::new("mufson-1999-ipt-a-efficacy", "", Known),
            Citation::new("markowitz-weissman-2012-casebook", "ch. 12", Stated),
        ],
    );
    s.session_minutes = Bounds::new(35, 50);
    s.sick_role = SickRole::Limited;
    s.age = Some(Bounds::new(12, 18));
    s
}

/// Group IPT (IPT-G, the Wilfley model): an individual pre-group meeting, 20
/// weekly group sessions with an individual mid-treatment meeting between
/// sessions 10 and 11 and a post-treatment meeting after the last
/// (CLINICAL-BASIS.md §7.4; `wilfley-2000-ipt-group`, K;
/// `wilfley-2002-group-ipt-trial`, S for the 20 weekly sessions). Termination
/// themes take the last five sessions (K); five initial sessions is this
/// crate's reading \[I\]. Co-therapists led the groups of the trial.
pub(crate) fn group() -> ModalitySpec {
    let group = SessionFormat::Group;
    spec(
        Modality::GROUP_IPT,
        "Group IPT (IPT-G)",
        SessionCount::new(20, Some(20)),
        vec![Cadence::Weekly],
        vec![
            PhaseBlock::new(P::PreGroup, Fixed(1)).extra(ExtraMeeting::PreGroup),
            PhaseBlock::new(P::Initial, Fixed(5)).held(group),
            PhaseBlock::new(P::Middle, Fixed(5)).held(group),
            PhaseBlock::new(P::Middle, Fixed(1)).extra(ExtraMeeting::MidTreatment),
            PhaseBlock::new(P::Middle, Rest).held(group),
            PhaseBlock::new(P::Termination, Fixed(5)).held(group),
            PhaseBlock::new(P::Termination, Fixed(1)).extra(ExtraMeeting::PostTreatment),
        ],
        vec![
            Participant::GroupMembers,
            Participant::Therapist,
            Participant::CoTherapist,
        ],
        ipt_areas(ProblemArea::name),
        vec![
            Citation::new("wilfley-2000-ipt-group", "", Known),
            Citation::new("wilfley-2002-group-ipt-trial", "", Stated),
        ],
    )
}

/// WHO group IPT: an individual pre-group meeting, then 8 weekly group
/// sessions: initial (session 1), middle (2–7), termination (8), led by
/// supervised facilitators who are not specialists, with the areas in plain
/// words (CLINICAL-BASIS.md §7.4; `who-2016-group-ipt`, K: the crate saw the
/// manual described and adapted, not its text).
pub(crate) fn who_group() -> ModalitySpec {
    let group = SessionFormat::Group;
    spec(
        Modality::WHO_GROUP_IPT,
        "WHO group IPT",
        SessionCount::new(8, Some(8)),
        vec![Cadence::Weekly],
        vec![
            PhaseBlock::new(P::PreGroup, Fixed(1)).extra(ExtraMeeting::PreGroup),
            PhaseBlock::new(P::Initial, Fixed(1)).held(group),
            PhaseBlock::new(P::Middle, Rest).held(group),
            PhaseBlock::new(P::Termination, Fixed(1)).held(group),
        ],
        vec![Participant::GroupMembers, Participant::Facilitator],
        ipt_areas(ProblemArea::who_name),
        vec![Citation::new("who-2016-group-ipt", "", Known)],
    )
}

/// Maintenance IPT (IPT-M): monthly sessions after an acute response, with no
/// fixed number (CLINICAL-BASIS.md §7.6; `frank-1990-three-year-outcomes`,
/// `frank-2007-maintenance-frequency`, K). The 2007 trial compared weekly,
/// twice-monthly and monthly maintenance; monthly is the usual, and
/// fortnightly is accepted.
///
/// It follows an acute course of standard IPT (§1.1, §7.6, K) or of brief IPT,
/// which may be followed by monthly maintenance (§7.5;
/// `swartz-2004-brief-ipt`, K; `markowitz-weissman-2012-casebook` ch. 17, S).
/// That it may also follow IPT-A and the two group modalities is this crate's
/// reading \[I\]: the sources read describe maintenance after acute IPT without
/// excluding them. It does not follow itself, IPSRT (whose preventive phase is
/// its own maintenance, §7.1) or MIT (not IPT).
pub(crate) fn maintenance() -> ModalitySpec {
    let mut s = spec(
        Modality::MAINTENANCE_IPT,
        "Maintenance IPT (IPT-M)",
        SessionCount::new(1, None),
        vec![Cadence::Monthly, Cadence::Fortnightly],
        vec![PhaseBlock::new(P::Maintenance, Rest)],
        vec![Participant::Patient, Participant::Therapist],
        ipt_areas(ProblemArea::name),
        vec![
            Citation::new("frank-1990-three-year-outcomes", "", Known),
            Citation::new("frank-2007-maintenance-frequency", "", Known),
            Citation::new("markowitz-weissman-2012-casebook", "ch. 17", Stated),
        ],
    );
    s.follows = vec![
        Modality::STANDARD_IPT,
        Modality::BRIEF_IPT,
        Modality::ADOLESCENT_IPT,
        Modality::GROUP_IPT,
        Modality::WHO_GROUP_IPT,
    ];
    s
}

/// IPSRT: initial, intermediate (weekly), preventive (sessions spaced out)
/// and final phases, each as long as the patient's state needs
/// (CLINICAL-BASIS.md §7.1; `frank-2005-ipsrt`, K). The sessions are
/// `judged`: a schedule cannot say a session's phase in advance. Its areas are
/// IPSRT's five ([`AreaSet::Ipsrt`](crate::catalogue::AreaSet)): the four and
/// grief for the lost healthy self.
pub(crate) fn ipsrt() -> ModalitySpec {
    spec(
        Modality::IPSRT,
        "Interpersonal and social rhythm therapy (IPSRT)",
        SessionCount::new(1, None),
        vec![Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly],
        vec![
            PhaseBlock::new(P::Initial, Judged),
            PhaseBlock::new(P::Intermediate, Judged),
            PhaseBlock::new(P::Preventive, Judged),
            PhaseBlock::new(P::Final, Judged),
        ],
        vec![Participant::Patient, Participant::Therapist],
        set_areas(crate::catalogue::AreaSet::Ipsrt, ProblemArea::name),
        vec![
            Citation::new("frank-2005-ipsrt", "", Known),
            Citation::new("frank-2005-ipsrt-trial", "", Known),
        ],
    )
}

/// Metacognitive Interpersonal Therapy: a separate cognitive-interpersonal
/// model for personality disorders, not an IPT adaptation. Its stages
/// (alliance and contract, shared formulation of schemas, differentiation,
/// change) follow progress, so they are `judged`; the number of sessions of
/// individual MIT is not fixed in the sources this crate read, and a 16-session
/// group programme exists (CLINICAL-BASIS.md §7.2; `dimaggio-2015-mit`,
/// `dimaggio-2020-mit`, K: the stage names are this crate's summary \[I\]).
/// MIT does not focus on IPT's problem areas: its focus is the maladaptive
/// interpersonal schema (the `mit` module).
pub(crate) fn mit() -> ModalitySpec {
    let mut s = spec(
        Modality::MIT,
        "Metacognitive Interpersonal Therapy (MIT)",
        SessionCount::new(1, None),
        vec![Cadence::Weekly],
        vec![
            PhaseBlock::new(P::Alliance, Judged),
            PhaseBlock::new(P::SharedFormulation, Judged),
            PhaseBlock::new(P::Differentiation, Judged),
            PhaseBlock::new(P::Change, Judged),
        ],
        vec![Participant::Patient, Participant::Therapist],
        Vec::new(),
        vec![
            Citation::new("dimaggio-2015-mit", "", Known),
            Citation::new("dimaggio-2020-mit", "", Known),
            Citation::new("dimaggio-2015-mit", "stages", Inferred),
        ],
    );
    s.sick_role = SickRole::NotUsed;
    s
}
