//! The modality of a course of treatment: standard IPT or one of its published
//! adaptations.

use std::ops::RangeInclusive;

use serde::{Deserialize, Deserializer};

use crate::course::Cadence;
use crate::course::modality::{ModalitySpec, builtin};
use crate::measure::Instrument;

/// The form of IPT a course follows: standard individual IPT, or one of the
/// adaptations of CLINICAL-BASIS.md §7.
///
/// `Modality` is a small value with named constants, in the style of
/// `http::Method`, not a public enum: the set of adaptations will grow (IPT
/// for dysthymia, telephone IPT, ... CLINICAL-BASIS.md §7.7), and a
/// `#[non_exhaustive]` enum would force a wildcard arm on every `match` in every
/// user's code while giving them nothing in return. Compare with `==`, or match
/// on the constants:
///
/// ```
/// use interpersonal::course::Modality;
///
/// let m: Modality = "standard_ipt".parse()?;
/// assert_eq!(m, Modality::STANDARD_IPT);
/// let weeks = match m {
///     Modality::STANDARD_IPT => "12 to 16",
///     Modality::ADOLESCENT_IPT => "12",
///     _ => "see the adaptation's manual",
/// };
/// assert_eq!(weeks, "12 to 16");
/// # Ok::<(), interpersonal::course::UnknownModality>(())
/// ```
///
/// JSON: the snake_case name, e.g. `"standard_ipt"`. An unknown name is an error
/// when read, so a stored course never holds a modality this crate does not know.
///
/// Each modality is data, [`Modality::spec`]; a
/// [`TreatmentContract`](crate::course::TreatmentContract) of any of them is
/// validated against it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Modality(Kind);

/// The private set behind [`Modality`]; adding a variant is not a breaking
/// change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
enum Kind {
    #[default]
    Standard,
    Brief,
    Adolescent,
    Group,
    WhoGroup,
    Maintenance,
    Ipsrt,
    Mit,
}

impl Modality {
    /// Standard individual IPT for depression: time-limited, usually 12 to 16
    /// weekly sessions of about 50 minutes (CLINICAL-BASIS.md §1.1 [S: `markowitz-2016-ptsd`
    /// appendix "sessions 1–3 in a 12–16-session weekly treatment"]).
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::STANDARD_IPT.as_str(), "standard_ipt");
    /// assert_eq!(Modality::STANDARD_IPT.session_range(), Some(12..=16));
    /// ```
    pub const STANDARD_IPT: Modality = Modality(Kind::Standard);

    /// Brief IPT (IPT-B): an engagement session followed by 8 IPT sessions,
    /// optionally followed by monthly maintenance (CLINICAL-BASIS.md §7.5
    /// [K: `swartz-2004-brief-ipt`; `grote-2009-brief-ipt-perinatal`]). The engagement session is
    /// not counted in [`Modality::session_range`].
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::BRIEF_IPT.session_range(), Some(8..=8));
    /// ```
    pub const BRIEF_IPT: Modality = Modality(Kind::Brief);

    /// IPT for depressed adolescents (IPT-A), ages 12 to 18: 12 weekly sessions of
    /// 35 to 50 minutes, parents involved (CLINICAL-BASIS.md §7.3 [K: `mufson-2004-ipt-a`;
    /// the session length from a program registry's description]).
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::ADOLESCENT_IPT.session_range(), Some(12..=12));
    /// ```
    pub const ADOLESCENT_IPT: Modality = Modality(Kind::Adolescent);

    /// Group IPT (IPT-G, the Wilfley model): an individual pre-group meeting,
    /// 20 weekly group sessions with an individual mid-treatment meeting
    /// between sessions 10 and 11, and a post-treatment meeting
    /// (CLINICAL-BASIS.md §7.4). Its individual meetings are not counted in
    /// [`Modality::session_range`]. Until this version this name meant WHO group IPT,
    /// now [`Modality::WHO_GROUP_IPT`].
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::GROUP_IPT.session_range(), Some(20..=20));
    /// ```
    pub const GROUP_IPT: Modality = Modality(Kind::Group);

    /// WHO group IPT: an individual pre-group meeting, then 8 weekly group
    /// sessions led by supervised facilitators, with the problem areas in plain
    /// words (CLINICAL-BASIS.md §7.4). The pre-group meeting is not counted in
    /// [`Modality::session_range`].
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::WHO_GROUP_IPT.session_range(), Some(8..=8));
    /// ```
    pub const WHO_GROUP_IPT: Modality = Modality(Kind::WhoGroup);

    /// Interpersonal and social rhythm therapy for bipolar disorder (IPSRT):
    /// initial, intermediate, preventive and final phases whose lengths
    /// follow the patient's state (CLINICAL-BASIS.md §7.1). No fixed number of
    /// sessions. Its diary is the [`ipsrt`](crate::ipsrt) module.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::IPSRT.session_range(), None);
    /// ```
    pub const IPSRT: Modality = Modality(Kind::Ipsrt);

    /// Metacognitive Interpersonal Therapy (MIT): a separate
    /// cognitive-interpersonal model for personality disorders, not an IPT
    /// adaptation, named here so a contract can say it (CLINICAL-BASIS.md
    /// §7.2). Its stages follow progress; no fixed number of sessions.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::MIT.session_range(), None);
    /// ```
    pub const MIT: Modality = Modality(Kind::Mit);

    /// Maintenance IPT (IPT-M): monthly sessions after acute response, for months
    /// to years, to prevent recurrence (CLINICAL-BASIS.md §1.1 and §7.6
    /// [S: `markowitz-weissman-2012-casebook` ch. 17 "monthly maintenance IPT phase"; K: Frank et
    /// al. 1990]). It has no fixed number of sessions.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::MAINTENANCE_IPT.session_range(), None);
    /// ```
    pub const MAINTENANCE_IPT: Modality = Modality(Kind::Maintenance);

    /// Every modality this version knows, in a stable order.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::ALL.first(), Some(&Modality::STANDARD_IPT));
    /// assert_eq!(Modality::ALL.len(), 8);
    /// ```
    pub const ALL: [Modality; 8] = [
        Modality::STANDARD_IPT,
        Modality::BRIEF_IPT,
        Modality::ADOLESCENT_IPT,
        Modality::GROUP_IPT,
        Modality::WHO_GROUP_IPT,
        Modality::MAINTENANCE_IPT,
        Modality::IPSRT,
        Modality::MIT,
    ];

    /// The modality's snake_case name, as in JSON.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert_eq!(Modality::GROUP_IPT.as_str(), "group_ipt");
    /// assert_eq!(Modality::GROUP_IPT.to_string(), "group_ipt");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self.0 {
            Kind::Standard => "standard_ipt",
            Kind::Brief => "brief_ipt",
            Kind::Adolescent => "adolescent_ipt",
            Kind::Group => "group_ipt",
            Kind::WhoGroup => "who_group_ipt",
            Kind::Maintenance => "maintenance_ipt",
            Kind::Ipsrt => "ipsrt",
            Kind::Mit => "mit",
        }
    }

    /// The modality's usual cadence: the first of its
    /// [`ModalitySpec::cadences`], the one source of the cadences a contract
    /// may choose (weekly for the acute modalities, monthly for maintenance
    /// IPT); weekly if a table ever listed none.
    ///
    /// ```
    /// use interpersonal::course::{Cadence, Modality};
    /// assert_eq!(Modality::MAINTENANCE_IPT.usual_cadence(), Cadence::Monthly);
    /// assert_eq!(Modality::STANDARD_IPT.usual_cadence(), Cadence::Weekly);
    /// ```
    pub fn usual_cadence(self) -> Cadence {
        self.spec().cadences.first().copied().unwrap_or_default()
    }

    /// The symptom measures a progress review asks for at a measurement
    /// session (sessions 1, 4, 8, 12, …:
    /// [`measurement_due`](crate::measure::measurement_due)). IPSRT tracks
    /// both poles of bipolar disorder: the PHQ-9 and the Altman Self-Rating
    /// Mania Scale (CLINICAL-BASIS.md §7.1, §8.5; `altman-1997-asrm`, K). Every
    /// other modality asks for the PHQ-9 and the GAD-7, the crate's standard
    /// schedule. For MIT and for maintenance IPT the sessions and the
    /// instruments are this crate's choices, not published rules (I: MIT's
    /// books read set no symptom schedule, and the maintenance IPT sources
    /// relied on were not read for one; the crate keeps the standard schedule
    /// for both, counted from each course's first session).
    ///
    /// ```
    /// use interpersonal::{course::Modality, measure::Instrument};
    /// assert_eq!(Modality::IPSRT.review_measures(), [Instrument::Phq9, Instrument::Asrm]);
    /// assert_eq!(Modality::STANDARD_IPT.review_measures(), [Instrument::Phq9, Instrument::Gad7]);
    /// ```
    pub const fn review_measures(self) -> &'static [Instrument] {
        match self.0 {
            Kind::Ipsrt => &[Instrument::Phq9, Instrument::Asrm],
            Kind::Standard
            | Kind::Brief
            | Kind::Adolescent
            | Kind::Group
            | Kind::WhoGroup
            | Kind::Maintenance
            | Kind::Mit => &[Instrument::Phq9, Instrument::Gad7],
        }
    }

    /// Whether a course of the modality keeps the Social Rhythm Metric diary,
    /// brought to and reviewed at every session: IPSRT introduces the diary in
    /// its initial phase and regularises the rhythms it records from then on
    /// (CLINICAL-BASIS.md §7.1; `frank-2005-ipsrt`, K; that it is reviewed at
    /// every session is the crate's reading, I).
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// assert!(Modality::IPSRT.keeps_rhythm_diary());
    /// assert!(!Modality::STANDARD_IPT.keeps_rhythm_diary());
    /// ```
    pub const fn keeps_rhythm_diary(self) -> bool {
        matches!(self.0, Kind::Ipsrt)
    }

    /// The modality as data: sessions, cadences, phase layout with its extra
    /// meetings, problem areas and their names, participants and sources
    /// ([`ModalitySpec`]).
    ///
    /// ```
    /// use interpersonal::course::{Modality, SickRole};
    /// let a = Modality::ADOLESCENT_IPT.spec();
    /// assert_eq!(a.sick_role, SickRole::Limited);
    /// assert_eq!(a.age.map(|b| (b.min, b.max)), Some((12, 18)));
    /// ```
    pub fn spec(self) -> ModalitySpec {
        match self.0 {
            Kind::Standard => builtin::standard(),
            Kind::Brief => builtin::brief(),
            Kind::Adolescent => builtin::adolescent(),
            Kind::Group => builtin::group(),
            Kind::WhoGroup => builtin::who_group(),
            Kind::Maintenance => builtin::maintenance(),
            Kind::Ipsrt => builtin::ipsrt(),
            Kind::Mit => builtin::mit(),
        }
    }

    /// The number of treatment sessions the modality's sources give, not counting
    /// an engagement or pre-group meeting; `None` when the sources give no fixed
    /// number (maintenance). Each constant's documentation cites its source.
    ///
    /// ```
    /// use interpersonal::course::Modality;
    /// let range = Modality::STANDARD_IPT.session_range().unwrap();
    /// assert!(range.contains(&12) && range.contains(&16) && !range.contains(&17));
    /// ```
    pub fn session_range(self) -> Option<RangeInclusive<u8>> {
        let count = self.spec().sessions;
        count.max.map(|max| count.min..=max)
    }
}

crate::macros::name_set!(Modality, UnknownModality);

/// Text that is not the name of a [`Modality`] this version knows.
///
/// ```
/// use interpersonal::course::Modality;
/// let err = "ipt_deluxe".parse::<Modality>().unwrap_err();
/// assert!(err.to_string().starts_with("unknown modality: expected one of standard_ipt,"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown modality: expected one of standard_ipt, brief_ipt, adolescent_ipt, group_ipt, who_group_ipt, maintenance_ipt, ipsrt, mit"
)]
#[non_exhaustive]
pub struct UnknownModality;

impl<'de> Deserialize<'de> for Modality {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &[
            "standard_ipt",
            "brief_ipt",
            "adolescent_ipt",
            "group_ipt",
            "who_group_ipt",
            "maintenance_ipt",
            "ipsrt",
            "mit",
        ];
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| serde::de::Error::unknown_variant(&text, NAMES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in Modality::ALL {
            assert_eq!(m.as_str().parse::<Modality>(), Ok(m));
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.as_str()));
            assert_eq!(serde_json::from_str::<Modality>(&json).unwrap(), m);
        }
    }

    #[test]
    fn unknown_names_are_refused() {
        assert!("Standard_IPT".parse::<Modality>().is_err());
        assert!(serde_json::from_str::<Modality>(r#""ipt_deluxe""#).is_err());
        assert!(serde_json::from_str::<Modality>("3").is_err());
    }

    /// Adding a modality (DESIGN.md "Where to add things"): the names an
    /// error lists are every name in `ALL`, in its order, and every name in
    /// `ALL` has its own spec.
    #[test]
    fn every_list_of_names_is_all() {
        let names: Vec<&str> = Modality::ALL.iter().map(|m| m.as_str()).collect();
        let joined = names.join(", ");
        assert!(UnknownModality.to_string().ends_with(&joined));
        let err = serde_json::from_str::<Modality>(r#""nope""#)
            .unwrap_err()
            .to_string();
        let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        assert!(err.contains(&listed.join(", ")), "{err}");
        for m in Modality::ALL {
            assert_eq!(m.spec().based_on, m);
        }
    }

    #[test]
    fn default_is_standard() {
        assert_eq!(Modality::default(), Modality::STANDARD_IPT);
        assert_eq!(format!("{:?}", Modality::BRIEF_IPT), "Modality(brief_ipt)");
    }
}
