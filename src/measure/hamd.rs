//! The HAM-D-17: its items and their ranges, its two severity-band conventions,
//! and remission (CLINICAL-BASIS.md §8.3).

use super::instrument::sealed::Sealed;
use super::{Instrument, InstrumentItem, InstrumentScore};
use crate::macros::vocabulary_enum;

/// HAM-D-17 remission: a total of 7 or less (CLINICAL-BASIS.md §8.3, §8.4 [K:
/// `frank-1991-consensus-definitions`]). Other thresholds are in use: the IPT-A
/// trial called 6 or less "recovery" [S: `mufson-1999-ipt-a-efficacy`].
///
/// ```
/// use interpersonal::{measure::HAMD17_REMISSION_AT_MOST, measure::Instrument, measure::MeasureOutcome};
/// assert_eq!(Instrument::Hamd17.remission(HAMD17_REMISSION_AT_MOST), MeasureOutcome::Met);
/// assert_eq!(Instrument::Hamd17.remission(HAMD17_REMISSION_AT_MOST + 1), MeasureOutcome::NotMet);
/// ```
pub const HAMD17_REMISSION_AT_MOST: u8 = 7;

vocabulary_enum! {
    /// The 17 scored items of the Hamilton Rating Scale for Depression, in the
    /// scale's order, rated by a clinician. Nine items are rated 0–4 and eight
    /// 0–2, for a total of 0–52 (CLINICAL-BASIS.md §8.3 gives the count, the two
    /// ranges and the total [K: `hamilton-1960-hamd`]; which item has which range is
    /// the standard HAM-D-17 layout, \[K\] as well: verify against the form in
    /// use).
    ///
    /// Only the items' names are here, not their anchor text: structured
    /// interview versions (GRID-HAMD, SIGH-D) have their own terms (§8.3 \[K\]).
    ///
    /// ```
    /// use interpersonal::{measure::Hamd17Item, measure::InstrumentItem};
    /// assert_eq!(Hamd17Item::Suicide.number(), 3);
    /// assert_eq!(Hamd17Item::Suicide.max_score(), 4);
    /// assert_eq!(Hamd17Item::Insight.max_score(), 2);
    /// ```
    pub enum Hamd17Item {
        /// 1. Depressed mood, 0–4.
        DepressedMood,
        /// 2. Feelings of guilt, 0–4.
        FeelingsOfGuilt,
        /// 3. Suicide, 0–4. Any rating above 0 raises a
        /// [`SafetyFlag`](crate::measure::SafetyFlag)
        /// ([`SafetySource::Hamd17Item3`](crate::measure::SafetySource::Hamd17Item3)).
        Suicide,
        /// 4. Insomnia, early (falling asleep), 0–2.
        InsomniaEarly,
        /// 5. Insomnia, middle (waking in the night), 0–2.
        InsomniaMiddle,
        /// 6. Insomnia, late (waking early), 0–2.
        InsomniaLate,
        /// 7. Work and activities, 0–4.
        WorkAndActivities,
        /// 8. Retardation (slowness of thought, speech and movement), 0–4.
        Retardation,
        /// 9. Agitation, 0–4.
        Agitation,
        /// 10. Anxiety, psychic, 0–4.
        AnxietyPsychic,
        /// 11. Anxiety, somatic, 0–4.
        AnxietySomatic,
        /// 12. Somatic symptoms, gastrointestinal, 0–2.
        SomaticGastrointestinal,
        /// 13. Somatic symptoms, general, 0–2.
        SomaticGeneral,
        /// 14. Genital symptoms, 0–2.
        Genital,
        /// 15. Hypochondriasis, 0–4.
        Hypochondriasis,
        /// 16. Loss of weight, 0–2.
        LossOfWeight,
        /// 17. Insight, 0–2.
        Insight,
    }
}

impl Sealed for Hamd17Item {}

impl InstrumentItem for Hamd17Item {
    const INSTRUMENT: Instrument = Instrument::Hamd17;
    const ALL: &'static [Self] = &[
        Hamd17Item::DepressedMood,
        Hamd17Item::FeelingsOfGuilt,
        Hamd17Item::Suicide,
        Hamd17Item::InsomniaEarly,
        Hamd17Item::InsomniaMiddle,
        Hamd17Item::InsomniaLate,
        Hamd17Item::WorkAndActivities,
        Hamd17Item::Retardation,
        Hamd17Item::Agitation,
        Hamd17Item::AnxietyPsychic,
        Hamd17Item::AnxietySomatic,
        Hamd17Item::SomaticGastrointestinal,
        Hamd17Item::SomaticGeneral,
        Hamd17Item::Genital,
        Hamd17Item::Hypochondriasis,
        Hamd17Item::LossOfWeight,
        Hamd17Item::Insight,
    ];
    const SAFETY_ITEM: Option<Self> = Some(Hamd17Item::Suicide);

    fn number(self) -> u8 {
        self as u8 + 1
    }

    fn max_score(self) -> u8 {
        match self {
            Hamd17Item::DepressedMood
            | Hamd17Item::FeelingsOfGuilt
            | Hamd17Item::Suicide
            | Hamd17Item::WorkAndActivities
            | Hamd17Item::Retardation
            | Hamd17Item::Agitation
            | Hamd17Item::AnxietyPsychic
            | Hamd17Item::AnxietySomatic
            | Hamd17Item::Hypochondriasis => 4,
            Hamd17Item::InsomniaEarly
            | Hamd17Item::InsomniaMiddle
            | Hamd17Item::InsomniaLate
            | Hamd17Item::SomaticGastrointestinal
            | Hamd17Item::SomaticGeneral
            | Hamd17Item::Genital
            | Hamd17Item::LossOfWeight
            | Hamd17Item::Insight => 2,
        }
    }
}

vocabulary_enum! {
    /// Which of the two HAM-D-17 severity conventions in circulation to band a
    /// total by (CLINICAL-BASIS.md §8.3 \[K\]; the reference's advice \[I\]: make the
    /// bands configurable and name the convention). The default is
    /// [`HamdBanding::Zimmerman2013`].
    ///
    /// ```
    /// use interpersonal::measure::HamdBanding;
    /// assert_eq!(HamdBanding::default(), HamdBanding::Zimmerman2013);
    /// assert_eq!(HamdBanding::Classic.to_string(), "classic");
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    pub enum HamdBanding {
        /// Zimmerman et al. 2013 (*J Affect Disord* 150:384–388): 0–7 no
        /// depression, 8–16 mild, 17–23 moderate, 24 or more severe \[K\].
        #[default]
        Zimmerman2013,
        /// The older common convention: 0–7 normal, 8–13 mild, 14–18 moderate,
        /// 19–22 severe, 23 or more very severe \[K\].
        Classic,
    }
}

vocabulary_enum! {
    /// A HAM-D-17 severity band, under one of the [`HamdBanding`] conventions.
    /// [`HamdBand::VerySevere`] exists only in the classic convention.
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding};
    /// assert_eq!(HamdBand::from_total(16, HamdBanding::Zimmerman2013), Some(HamdBand::Mild));
    /// assert_eq!(HamdBand::from_total(16, HamdBanding::Classic), Some(HamdBand::Moderate));
    /// assert_eq!(HamdBand::from_total(53, HamdBanding::Classic), None);
    /// ```
    #[non_exhaustive]
    pub enum HamdBand {
        /// 0–7: "no depression" (Zimmerman 2013), "normal" (classic).
        NoDepression,
        /// Mild: 8–16 (Zimmerman 2013), 8–13 (classic).
        Mild,
        /// Moderate: 17–23 (Zimmerman 2013), 14–18 (classic).
        Moderate,
        /// Severe: 24–52 (Zimmerman 2013), 19–22 (classic).
        Severe,
        /// Very severe: 23–52, classic convention only.
        VerySevere,
    }
}

impl HamdBand {
    /// The band of a total under a convention, or `None` above 52.
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding};
    /// assert_eq!(HamdBand::from_total(24, HamdBanding::Zimmerman2013), Some(HamdBand::Severe));
    /// assert_eq!(HamdBand::from_total(23, HamdBanding::Classic), Some(HamdBand::VerySevere));
    /// ```
    pub const fn from_total(total: u8, banding: HamdBanding) -> Option<Self> {
        match banding {
            HamdBanding::Zimmerman2013 => match total {
                0..=7 => Some(HamdBand::NoDepression),
                8..=16 => Some(HamdBand::Mild),
                17..=23 => Some(HamdBand::Moderate),
                24..=52 => Some(HamdBand::Severe),
                _ => None,
            },
            HamdBanding::Classic => match total {
                0..=7 => Some(HamdBand::NoDepression),
                8..=13 => Some(HamdBand::Mild),
                14..=18 => Some(HamdBand::Moderate),
                19..=22 => Some(HamdBand::Severe),
                23..=52 => Some(HamdBand::VerySevere),
                _ => None,
            },
        }
    }

    /// The lowest and highest total of the band under a convention, or `None`
    /// when the convention has no such band.
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding};
    /// assert_eq!(HamdBand::Mild.range(HamdBanding::Zimmerman2013), Some((8, 16)));
    /// assert_eq!(HamdBand::VerySevere.range(HamdBanding::Zimmerman2013), None);
    /// ```
    pub const fn range(self, banding: HamdBanding) -> Option<(u8, u8)> {
        match (banding, self) {
            (HamdBanding::Zimmerman2013, HamdBand::NoDepression)
            | (HamdBanding::Classic, HamdBand::NoDepression) => Some((0, 7)),
            (HamdBanding::Zimmerman2013, HamdBand::Mild) => Some((8, 16)),
            (HamdBanding::Zimmerman2013, HamdBand::Moderate) => Some((17, 23)),
            (HamdBanding::Zimmerman2013, HamdBand::Severe) => Some((24, 52)),
            (HamdBanding::Zimmerman2013, HamdBand::VerySevere) => None,
            (HamdBanding::Classic, HamdBand::Mild) => Some((8, 13)),
            (HamdBanding::Classic, HamdBand::Moderate) => Some((14, 18)),
            (HamdBanding::Classic, HamdBand::Severe) => Some((19, 22)),
            (HamdBanding::Classic, HamdBand::VerySevere) => Some((23, 52)),
        }
    }
}

/// A scored HAM-D-17: see [`InstrumentScore`] for what every scored instrument
/// offers. Item 3 (suicide) rated 1 or more raises a
/// [`SafetyFlag`](crate::measure::SafetyFlag): an inference \[I\] consistent with
/// CLINICAL-BASIS.md §9, which asks that any positive suicide-risk item be surfaced.
///
/// ```
/// use interpersonal::{measure::HamdBand, measure::HamdBanding, Hamd17Score};
///
/// let hamd = Hamd17Score::from_scores([3, 2, 0, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1, 0, 1, 0, 0])?;
/// assert_eq!(hamd.total(), 19);
/// assert_eq!(hamd.band(HamdBanding::Zimmerman2013), HamdBand::Moderate);
/// assert_eq!(hamd.band(HamdBanding::Classic), HamdBand::Severe);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub type Hamd17Score = InstrumentScore<Hamd17Item>;

impl InstrumentScore<Hamd17Item> {
    /// The severity band of the total under the convention given
    /// (CLINICAL-BASIS.md §8.3 \[K\]). Pass `HamdBanding::default()` for Zimmerman
    /// 2013.
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding, Hamd17Score};
    /// let hamd = Hamd17Score::from_scores([1; 17])?;
    /// assert_eq!(hamd.total(), 17);
    /// assert_eq!(hamd.band(HamdBanding::default()), HamdBand::Moderate);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn band(&self, banding: HamdBanding) -> HamdBand {
        // A scored total is at most 52, so the fallback is never taken.
        HamdBand::from_total(self.total(), banding).unwrap_or(match banding {
            HamdBanding::Zimmerman2013 => HamdBand::Severe,
            HamdBanding::Classic => HamdBand::VerySevere,
        })
    }

    /// Whether the total is in remission, 7 or less
    /// ([`HAMD17_REMISSION_AT_MOST`]).
    ///
    /// ```
    /// use interpersonal::Hamd17Score;
    /// let hamd = Hamd17Score::from_scores([1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])?;
    /// assert!(hamd.is_remission());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_remission(&self) -> bool {
        self.total() <= HAMD17_REMISSION_AT_MOST
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_conventions_cover_every_total_once() {
        for banding in HamdBanding::iter() {
            for total in 0..=52u8 {
                let band = HamdBand::from_total(total, banding).unwrap();
                let (lo, hi) = band.range(banding).unwrap();
                assert!(lo <= total && total <= hi, "{banding} {total}");
            }
            assert_eq!(HamdBand::from_total(53, banding), None);
        }
    }
}
