//! The activities of the Social Rhythm Metric diary, and its two published
//! forms, the SRM-17 and the SRM-5.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bibliography::cited;
use crate::macros::{source, vocabulary_enum};
use crate::source::Source;

/// The SRM-17 list (Monk et al. 1990). The exact wording of the form was not
/// re-read for this crate: 16 of the 17 activities appear on the Carnegie
/// Mellon adaptation of the SRM (which adds "begin paid work" and "afternoon
/// snack"); "watch another TV program" rests on the form as commonly
/// reproduced only.
const SRM17: Source = source![cited::SRM17];
/// The five SRM-5 activities, named in the abstract of Monk et al. 2002.
const SRM5: Source = source![cited::SRM5];

struct Info {
    name: &'static str,
    label: &'static str,
    srm5: Option<u8>,
}

/// Never used: every `SrmActivity` indexes `TABLE`.
static FALLBACK: Info = Info {
    name: "out_of_bed",
    label: "Out of bed",
    srm5: Some(1),
};

/// The SRM-17 activities in the form's order: out of bed first, bed last.
static TABLE: [Info; 17] = [
    Info {
        name: "out_of_bed",
        label: "Out of bed",
        srm5: Some(1),
    },
    Info {
        name: "first_contact",
        label: "First contact (in person or by phone) with another person",
        srm5: Some(2),
    },
    Info {
        name: "morning_beverage",
        label: "Have a morning beverage",
        srm5: None,
    },
    Info {
        name: "breakfast",
        label: "Have breakfast",
        srm5: None,
    },
    Info {
        name: "go_outside",
        label: "Go outside for the first time",
        srm5: None,
    },
    Info {
        name: "start_work",
        label: "Start work, school, housework, volunteer activities, child or family care",
        srm5: Some(3),
    },
    Info {
        name: "lunch",
        label: "Have lunch",
        srm5: None,
    },
    Info {
        name: "afternoon_nap",
        label: "Take an afternoon nap",
        srm5: None,
    },
    Info {
        name: "dinner",
        label: "Have dinner",
        srm5: Some(4),
    },
    Info {
        name: "physical_exercise",
        label: "Physical exercise",
        srm5: None,
    },
    Info {
        name: "evening_snack",
        label: "Have an evening snack or drink",
        srm5: None,
    },
    Info {
        name: "evening_tv_news",
        label: "Watch the evening TV news programme",
        srm5: None,
    },
    Info {
        name: "other_tv_program",
        label: "Watch another TV programme",
        srm5: None,
    },
    Info {
        name: "activity_a",
        label: "Activity A (an activity of the patient's choosing)",
        srm5: None,
    },
    Info {
        name: "activity_b",
        label: "Activity B (an activity of the patient's choosing)",
        srm5: None,
    },
    Info {
        name: "return_home",
        label: "Return home for the last time",
        srm5: None,
    },
    Info {
        name: "go_to_bed",
        label: "Go to bed",
        srm5: Some(5),
    },
];

/// One activity of the Social Rhythm Metric diary: a routine event of the day
/// whose clock time the patient writes down (Monk et al. 1990).
///
/// A newtype with named constants, one per activity of the SRM-17 form, in
/// the form's order. Five of them make up the SRM-5 (Monk, Frank, Potts &
/// Kupfer 2002): [`OUT_OF_BED`](Self::OUT_OF_BED),
/// [`FIRST_CONTACT`](Self::FIRST_CONTACT), [`START_WORK`](Self::START_WORK),
/// [`DINNER`](Self::DINNER) and [`GO_TO_BED`](Self::GO_TO_BED) \[S\].
///
/// The SRM-17 list is \[K\]: the form itself was not re-read. Sixteen of its
/// activities appear, worded a little differently, on the Carnegie Mellon
/// adaptation of the SRM; [`OTHER_TV_PROGRAM`](Self::OTHER_TV_PROGRAM) rests
/// on the form as commonly reproduced only. See [`SrmActivity::source`].
///
/// JSON: the `snake_case` name, `"out_of_bed"`.
///
/// ```
/// use interpersonal::ipsrt::{SrmActivity, SrmForm};
///
/// assert_eq!(SrmActivity::DINNER.name(), "dinner");
/// assert_eq!("go_to_bed".parse::<SrmActivity>().unwrap(), SrmActivity::GO_TO_BED);
/// assert!(SrmActivity::DINNER.is_on(SrmForm::Srm5));
/// assert!(!SrmActivity::LUNCH.is_on(SrmForm::Srm5));
/// assert_eq!(serde_json::to_string(&SrmActivity::LUNCH).unwrap(), r#""lunch""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SrmActivity(u8);

impl SrmActivity {
    /// SRM-17 1, SRM-5 1: out of bed.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::OUT_OF_BED.name(), "out_of_bed");
    /// assert_eq!(SrmActivity::OUT_OF_BED.srm17_number(), 1);
    /// assert_eq!(SrmActivity::OUT_OF_BED.srm5_number(), Some(1));
    /// ```
    pub const OUT_OF_BED: SrmActivity = SrmActivity(0);
    /// SRM-17 2, SRM-5 2: first contact, in person or by phone, with another
    /// person.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::FIRST_CONTACT.name(), "first_contact");
    /// assert_eq!(SrmActivity::FIRST_CONTACT.srm17_number(), 2);
    /// assert_eq!(SrmActivity::FIRST_CONTACT.srm5_number(), Some(2));
    /// ```
    pub const FIRST_CONTACT: SrmActivity = SrmActivity(1);
    /// SRM-17 3: have a morning beverage.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::MORNING_BEVERAGE.name(), "morning_beverage");
    /// assert_eq!(SrmActivity::MORNING_BEVERAGE.srm17_number(), 3);
    /// assert_eq!(SrmActivity::MORNING_BEVERAGE.srm5_number(), None);
    /// ```
    pub const MORNING_BEVERAGE: SrmActivity = SrmActivity(2);
    /// SRM-17 4: have breakfast.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::BREAKFAST.name(), "breakfast");
    /// assert_eq!(SrmActivity::BREAKFAST.srm17_number(), 4);
    /// assert_eq!(SrmActivity::BREAKFAST.srm5_number(), None);
    /// ```
    pub const BREAKFAST: SrmActivity = SrmActivity(3);
    /// SRM-17 5: go outside for the first time.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::GO_OUTSIDE.name(), "go_outside");
    /// assert_eq!(SrmActivity::GO_OUTSIDE.srm17_number(), 5);
    /// assert_eq!(SrmActivity::GO_OUTSIDE.srm5_number(), None);
    /// ```
    pub const GO_OUTSIDE: SrmActivity = SrmActivity(4);
    /// SRM-17 6, SRM-5 3: start work, school, housework, volunteer
    /// activities, child or family care.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::START_WORK.name(), "start_work");
    /// assert_eq!(SrmActivity::START_WORK.srm17_number(), 6);
    /// assert_eq!(SrmActivity::START_WORK.srm5_number(), Some(3));
    /// ```
    pub const START_WORK: SrmActivity = SrmActivity(5);
    /// SRM-17 7: have lunch.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::LUNCH.name(), "lunch");
    /// assert_eq!(SrmActivity::LUNCH.srm17_number(), 7);
    /// assert_eq!(SrmActivity::LUNCH.srm5_number(), None);
    /// ```
    pub const LUNCH: SrmActivity = SrmActivity(6);
    /// SRM-17 8: take an afternoon nap.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::AFTERNOON_NAP.name(), "afternoon_nap");
    /// assert_eq!(SrmActivity::AFTERNOON_NAP.srm17_number(), 8);
    /// assert_eq!(SrmActivity::AFTERNOON_NAP.srm5_number(), None);
    /// ```
    pub const AFTERNOON_NAP: SrmActivity = SrmActivity(7);
    /// SRM-17 9, SRM-5 4: have dinner.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::DINNER.name(), "dinner");
    /// assert_eq!(SrmActivity::DINNER.srm17_number(), 9);
    /// assert_eq!(SrmActivity::DINNER.srm5_number(), Some(4));
    /// ```
    pub const DINNER: SrmActivity = SrmActivity(8);
    /// SRM-17 10: physical exercise.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::PHYSICAL_EXERCISE.name(), "physical_exercise");
    /// assert_eq!(SrmActivity::PHYSICAL_EXERCISE.srm17_number(), 10);
    /// assert_eq!(SrmActivity::PHYSICAL_EXERCISE.srm5_number(), None);
    /// ```
    pub const PHYSICAL_EXERCISE: SrmActivity = SrmActivity(9);
    /// SRM-17 11: have an evening snack or drink.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::EVENING_SNACK.name(), "evening_snack");
    /// assert_eq!(SrmActivity::EVENING_SNACK.srm17_number(), 11);
    /// assert_eq!(SrmActivity::EVENING_SNACK.srm5_number(), None);
    /// ```
    pub const EVENING_SNACK: SrmActivity = SrmActivity(10);
    /// SRM-17 12: watch the evening TV news programme.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::EVENING_TV_NEWS.name(), "evening_tv_news");
    /// assert_eq!(SrmActivity::EVENING_TV_NEWS.srm17_number(), 12);
    /// assert_eq!(SrmActivity::EVENING_TV_NEWS.srm5_number(), None);
    /// ```
    pub const EVENING_TV_NEWS: SrmActivity = SrmActivity(11);
    /// SRM-17 13: watch another TV programme (the least certain item of the
    /// list: see the type's documentation).
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::OTHER_TV_PROGRAM.name(), "other_tv_program");
    /// assert_eq!(SrmActivity::OTHER_TV_PROGRAM.srm17_number(), 13);
    /// assert_eq!(SrmActivity::OTHER_TV_PROGRAM.srm5_number(), None);
    /// ```
    pub const OTHER_TV_PROGRAM: SrmActivity = SrmActivity(12);
    /// SRM-17 14: activity A, one the patient chooses and names.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::ACTIVITY_A.name(), "activity_a");
    /// assert_eq!(SrmActivity::ACTIVITY_A.srm17_number(), 14);
    /// assert_eq!(SrmActivity::ACTIVITY_A.srm5_number(), None);
    /// ```
    pub const ACTIVITY_A: SrmActivity = SrmActivity(13);
    /// SRM-17 15: activity B, a second one the patient chooses.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::ACTIVITY_B.name(), "activity_b");
    /// assert_eq!(SrmActivity::ACTIVITY_B.srm17_number(), 15);
    /// assert_eq!(SrmActivity::ACTIVITY_B.srm5_number(), None);
    /// ```
    pub const ACTIVITY_B: SrmActivity = SrmActivity(14);
    /// SRM-17 16: return home for the last time.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::RETURN_HOME.name(), "return_home");
    /// assert_eq!(SrmActivity::RETURN_HOME.srm17_number(), 16);
    /// assert_eq!(SrmActivity::RETURN_HOME.srm5_number(), None);
    /// ```
    pub const RETURN_HOME: SrmActivity = SrmActivity(15);
    /// SRM-17 17, SRM-5 5: go to bed. Often after midnight: scoring treats
    /// the clock as a circle (see [`SrmWeek::score`](crate::ipsrt::SrmWeek::score)).
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::GO_TO_BED.name(), "go_to_bed");
    /// assert_eq!(SrmActivity::GO_TO_BED.srm17_number(), 17);
    /// assert_eq!(SrmActivity::GO_TO_BED.srm5_number(), Some(5));
    /// ```
    pub const GO_TO_BED: SrmActivity = SrmActivity(16);

    /// Every SRM-17 activity in the form's order.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::ALL.len(), 17);
    /// assert_eq!(SrmActivity::ALL[16], SrmActivity::GO_TO_BED);
    /// ```
    pub const ALL: [SrmActivity; 17] = [
        SrmActivity(0),
        SrmActivity(1),
        SrmActivity(2),
        SrmActivity(3),
        SrmActivity(4),
        SrmActivity(5),
        SrmActivity(6),
        SrmActivity(7),
        SrmActivity(8),
        SrmActivity(9),
        SrmActivity(10),
        SrmActivity(11),
        SrmActivity(12),
        SrmActivity(13),
        SrmActivity(14),
        SrmActivity(15),
        SrmActivity(16),
    ];

    /// The five SRM-5 activities in the SRM-5 order (Monk et al. 2002 \[S\]).
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::SRM5[2], SrmActivity::START_WORK);
    /// ```
    pub const SRM5: [SrmActivity; 5] = [
        SrmActivity::OUT_OF_BED,
        SrmActivity::FIRST_CONTACT,
        SrmActivity::START_WORK,
        SrmActivity::DINNER,
        SrmActivity::GO_TO_BED,
    ];

    fn info(self) -> &'static Info {
        // Only the constants above exist, so the index is always in range.
        TABLE.get(usize::from(self.0)).unwrap_or(&FALLBACK)
    }

    /// The name in JSON, `snake_case`.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::SrmActivity::OUT_OF_BED.name(), "out_of_bed");
    /// ```
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The activity as the form words it (a paraphrase; see the type's
    /// documentation for how sure the wording is).
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::SrmActivity::GO_TO_BED.label(), "Go to bed");
    /// ```
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// The activity's number on the SRM-17 form, 1 to 17.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::SrmActivity::DINNER.srm17_number(), 9);
    /// ```
    pub fn srm17_number(self) -> u8 {
        self.0 + 1
    }

    /// The activity's number on the SRM-5 form, 1 to 5, or `None` when the
    /// SRM-5 does not ask for it.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::GO_TO_BED.srm5_number(), Some(5));
    /// assert_eq!(SrmActivity::LUNCH.srm5_number(), None);
    /// ```
    pub fn srm5_number(self) -> Option<u8> {
        self.info().srm5
    }

    /// Whether the form asks for this activity.
    ///
    /// ```
    /// use interpersonal::ipsrt::{SrmActivity, SrmForm};
    /// assert!(SrmActivity::LUNCH.is_on(SrmForm::Srm17));
    /// assert!(!SrmActivity::LUNCH.is_on(SrmForm::Srm5));
    /// ```
    pub fn is_on(self, form: SrmForm) -> bool {
        match form {
            SrmForm::Srm17 => true,
            SrmForm::Srm5 => self.srm5_number().is_some(),
        }
    }

    /// Where the activity comes from: the SRM-5 paper for the five SRM-5
    /// activities \[S\], the SRM-17 form for the others \[K\].
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// use interpersonal::ipsrt::SrmActivity;
    /// assert_eq!(SrmActivity::DINNER.source().basis(), Basis::Stated);
    /// assert_eq!(SrmActivity::LUNCH.source().basis(), Basis::Known);
    /// assert!(SrmActivity::LUNCH.source().cites_work("monk-1990-srm"));
    /// ```
    pub fn source(self) -> Source {
        if self.srm5_number().is_some() {
            SRM5
        } else {
            SRM17
        }
    }
}

impl fmt::Debug for SrmActivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SrmActivity({})", self.name())
    }
}

impl fmt::Display for SrmActivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of the SRM-17 activities. The name itself is not
/// kept: it may be patient text typed in the wrong place.
///
/// ```
/// use interpersonal::ipsrt::{SrmActivity, UnknownActivity};
/// assert_eq!("brunch".parse::<SrmActivity>(), Err(UnknownActivity));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("expected the name of an SRM-17 activity (out_of_bed ... go_to_bed)")]
pub struct UnknownActivity;

impl FromStr for SrmActivity {
    type Err = UnknownActivity;

    fn from_str(s: &str) -> Result<Self, UnknownActivity> {
        SrmActivity::ALL
            .iter()
            .copied()
            .find(|a| a.name() == s)
            .ok_or(UnknownActivity)
    }
}

impl Serialize for SrmActivity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for SrmActivity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

vocabulary_enum! {
    /// The two published forms of the Social Rhythm Metric diary.
    ///
    /// JSON: `"srm5"`, `"srm17"`.
    ///
    /// ```
    /// use interpersonal::ipsrt::SrmForm;
    /// assert_eq!(SrmForm::Srm5.activities().len(), 5);
    /// assert_eq!(SrmForm::Srm17.activities().len(), 17);
    /// assert_eq!(SrmForm::Srm5.to_string(), "srm5");
    /// ```
    #[non_exhaustive]
    pub enum SrmForm {
        /// The five-item SRM-5 (Monk, Frank, Potts & Kupfer 2002 \[S\]): out of
        /// bed, first contact, start work, dinner, go to bed. Its scores
        /// correlate about 0.8 with the SRM-17's (`monk-2002-srm5`,
        /// abstract \[S\]).
        Srm5,
        /// The seventeen-item SRM (Monk et al. 1990 \[K\]).
        Srm17,
    }
}

impl SrmForm {
    /// The form's activities in its order.
    ///
    /// ```
    /// use interpersonal::ipsrt::{SrmActivity, SrmForm};
    /// assert_eq!(SrmForm::Srm5.activities()[0], SrmActivity::OUT_OF_BED);
    /// ```
    pub fn activities(self) -> &'static [SrmActivity] {
        match self {
            SrmForm::Srm5 => &SrmActivity::SRM5,
            SrmForm::Srm17 => &SrmActivity::ALL,
        }
    }

    /// The name clinicians write: `"SRM-5"`, `"SRM-17"`.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::SrmForm::Srm17.label(), "SRM-17");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            SrmForm::Srm5 => "SRM-5",
            SrmForm::Srm17 => "SRM-17",
        }
    }

    /// The highest possible Activity Level Index of a week on this form:
    /// every activity done on all seven days, 35 or 119.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::SrmForm::Srm17.max_activity_level(), 119);
    /// ```
    pub fn max_activity_level(self) -> u8 {
        // At most 17 × 7 = 119.
        u8::try_from(self.activities().len() * 7).unwrap_or(u8::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = SrmActivity::ALL.iter().map(|a| a.name()).collect();
        for a in SrmActivity::ALL {
            assert_eq!(a.name().parse::<SrmActivity>(), Ok(a));
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(serde_json::from_str::<SrmActivity>(&json).unwrap(), a);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 17);
        for (i, a) in SrmActivity::SRM5.iter().enumerate() {
            assert_eq!(usize::from(a.srm5_number().unwrap()), i + 1);
        }
        assert_eq!(
            SrmActivity::ALL
                .iter()
                .filter(|a| a.is_on(SrmForm::Srm5))
                .count(),
            5
        );
        assert!(serde_json::from_str::<SrmActivity>(r#""Maria""#).is_err());
    }
}
