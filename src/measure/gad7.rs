//! The GAD-7: its items, LOINC codes, severity bands and cut-offs
//! (CLINICAL-BASIS.md §8.2).

use super::instrument::sealed::Sealed;
use super::{FrequencyResponse, Instrument, InstrumentItem, InstrumentScore};
use crate::macros::vocabulary_enum;

/// LOINC code of the GAD-7 panel (CLINICAL-BASIS.md §8.2 [K: seen in public FHIR
/// profiles; not yet confirmed on LOINC's own record]).
///
/// The reference gives no LOINC codes for the seven GAD-7 items, so this crate
/// has none: it does not invent them.
///
/// ```
/// assert_eq!(interpersonal::measure::GAD7_PANEL_LOINC, "69737-5");
/// ```
pub const GAD7_PANEL_LOINC: &str = "69737-5";

/// LOINC code of the GAD-7 total score (CLINICAL-BASIS.md §8.2 [S: LOINC's
/// record of the PHQ-SADS panel, <https://loinc.org/69729-2>, lists it]).
///
/// ```
/// assert_eq!(interpersonal::measure::GAD7_TOTAL_LOINC, "70274-6");
/// ```
pub const GAD7_TOTAL_LOINC: &str = "70274-6";

/// GAD-7 caseness in NHS Talking Therapies (IAPT): a total of 8 or more
/// (CLINICAL-BASIS.md §8.4 [K: `gyani-2013-iapt-recovery`]).
///
/// ```
/// use interpersonal::{measure::GAD7_CASENESS, Gad7Score};
/// let gad7 = Gad7Score::from_scores([2, 1, 1, 1, 1, 1, 1])?;
/// assert_eq!(gad7.total(), GAD7_CASENESS);
/// assert!(gad7.is_case());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub const GAD7_CASENESS: u8 = 8;

/// GAD-7 cut-off for probable generalised anxiety disorder: a total of 10 or
/// more (CLINICAL-BASIS.md §8.2 [K: `spitzer-2006-gad7`]; so is its
/// accuracy, sensitivity about 89% and specificity about 82%).
///
/// ```
/// use interpersonal::{measure::GAD7_PROBABLE_GAD, Gad7Score};
/// let gad7 = Gad7Score::from_scores([2, 2, 1, 1, 1, 1, 1])?;
/// assert_eq!(gad7.total(), 9);
/// assert!(gad7.is_case() && !gad7.is_probable_gad());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub const GAD7_PROBABLE_GAD: u8 = 10;

/// GAD-7 reliable improvement: a drop of 4 points or more (CLINICAL-BASIS.md §8.4
/// [K: `gyani-2013-iapt-recovery`]).
///
/// ```
/// assert_eq!(interpersonal::measure::GAD7_RELIABLE_CHANGE, 4);
/// ```
pub const GAD7_RELIABLE_CHANGE: u8 = 4;

vocabulary_enum! {
    /// The seven GAD-7 items, in the form's order, each about the last two
    /// weeks and answered on the [`FrequencyResponse`] scale, 0 to 3
    /// (CLINICAL-BASIS.md §8.2 gives the count and the scale \[S\]; the item wording
    /// and order are [K: `spitzer-2006-gad7`]).
    ///
    /// No LOINC codes: the reference has none for the GAD-7 items.
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Item, measure::InstrumentItem};
    /// assert_eq!(Gad7Item::FeelingNervous.number(), 1);
    /// assert_eq!(Gad7Item::FeelingAfraid.to_string(), "feeling_afraid");
    /// ```
    pub enum Gad7Item {
        /// 1. Feeling nervous, anxious or on edge.
        FeelingNervous,
        /// 2. Not being able to stop or control worrying.
        CannotStopWorrying,
        /// 3. Worrying too much about different things.
        WorryingTooMuch,
        /// 4. Trouble relaxing.
        TroubleRelaxing,
        /// 5. Being so restless that it is hard to sit still.
        Restless,
        /// 6. Becoming easily annoyed or irritable.
        EasilyAnnoyed,
        /// 7. Feeling afraid, as if something awful might happen.
        FeelingAfraid,
    }
}

impl Sealed for Gad7Item {}

impl InstrumentItem for Gad7Item {
    const INSTRUMENT: Instrument = Instrument::Gad7;
    const ALL: &'static [Self] = &[
        Gad7Item::FeelingNervous,
        Gad7Item::CannotStopWorrying,
        Gad7Item::WorryingTooMuch,
        Gad7Item::TroubleRelaxing,
        Gad7Item::Restless,
        Gad7Item::EasilyAnnoyed,
        Gad7Item::FeelingAfraid,
    ];
    const SAFETY_ITEM: Option<Self> = None;

    fn number(self) -> u8 {
        self as u8 + 1
    }

    fn max_score(self) -> u8 {
        3
    }
}

vocabulary_enum! {
    /// GAD-7 severity bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21
    /// severe (CLINICAL-BASIS.md §8.2 [K: `spitzer-2006-gad7`]).
    ///
    /// ```
    /// use interpersonal::measure::Gad7Band;
    /// assert_eq!(Gad7Band::from_total(14), Some(Gad7Band::Moderate));
    /// assert_eq!(Gad7Band::from_total(15), Some(Gad7Band::Severe));
    /// assert_eq!(Gad7Band::from_total(22), None);
    /// ```
    pub enum Gad7Band {
        /// 0–4: minimal or no symptoms.
        Minimal,
        /// 5–9: mild.
        Mild,
        /// 10–14: moderate.
        Moderate,
        /// 15–21: severe.
        Severe,
    }
}

impl Gad7Band {
    /// The band of a total, or `None` above 21.
    ///
    /// ```
    /// use interpersonal::measure::Gad7Band;
    /// assert_eq!(Gad7Band::from_total(4), Some(Gad7Band::Minimal));
    /// assert_eq!(Gad7Band::from_total(5), Some(Gad7Band::Mild));
    /// ```
    pub const fn from_total(total: u8) -> Option<Self> {
        match total {
            0..=4 => Some(Gad7Band::Minimal),
            5..=9 => Some(Gad7Band::Mild),
            10..=14 => Some(Gad7Band::Moderate),
            15..=21 => Some(Gad7Band::Severe),
            _ => None,
        }
    }

    /// The lowest and highest total in the band.
    ///
    /// ```
    /// use interpersonal::measure::Gad7Band;
    /// assert_eq!(Gad7Band::Severe.range(), (15, 21));
    /// ```
    pub const fn range(self) -> (u8, u8) {
        match self {
            Gad7Band::Minimal => (0, 4),
            Gad7Band::Mild => (5, 9),
            Gad7Band::Moderate => (10, 14),
            Gad7Band::Severe => (15, 21),
        }
    }
}

/// A scored GAD-7: see [`InstrumentScore`] for what every scored instrument
/// offers. The GAD-7 has no suicide-risk item, so it never raises a
/// [`SafetyFlag`](crate::measure::SafetyFlag) of its own; screen with the PHQ-9 beside it.
///
/// ```
/// use interpersonal::{measure::Gad7Band, Gad7Score};
///
/// let gad7 = Gad7Score::from_scores([3, 3, 3, 2, 2, 1, 1])?;
/// assert_eq!(gad7.total(), 15);
/// assert_eq!(gad7.band(), Gad7Band::Severe);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub type Gad7Score = InstrumentScore<Gad7Item>;

impl InstrumentScore<Gad7Item> {
    /// The GAD-7 severity band of the total (CLINICAL-BASIS.md §8.2 \[S\]).
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Band, Gad7Score};
    /// assert_eq!(Gad7Score::from_scores([0; 7])?.band(), Gad7Band::Minimal);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn band(&self) -> Gad7Band {
        // A scored total is at most 21, so the fallback is never taken.
        Gad7Band::from_total(self.total()).unwrap_or(Gad7Band::Severe)
    }

    /// Whether the total is at or above IAPT caseness, 8 ([`GAD7_CASENESS`]).
    ///
    /// ```
    /// use interpersonal::Gad7Score;
    /// assert!(!Gad7Score::from_scores([1, 1, 1, 1, 1, 1, 1])?.is_case());
    /// assert!(Gad7Score::from_scores([2, 1, 1, 1, 1, 1, 1])?.is_case());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_case(&self) -> bool {
        self.total() >= GAD7_CASENESS
    }

    /// Whether the total is at or above the cut-off for probable generalised
    /// anxiety disorder, 10 ([`GAD7_PROBABLE_GAD`]). A screen, not a diagnosis.
    ///
    /// ```
    /// use interpersonal::Gad7Score;
    /// assert!(Gad7Score::from_scores([2, 2, 2, 1, 1, 1, 1])?.is_probable_gad());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_probable_gad(&self) -> bool {
        self.total() >= GAD7_PROBABLE_GAD
    }

    /// An item's answer on the [`FrequencyResponse`] scale, `None` when it was
    /// not answered (pro-rated).
    ///
    /// ```
    /// use interpersonal::{measure::FrequencyResponse, measure::Gad7Item, Gad7Score};
    /// let gad7 = Gad7Score::from_scores([0, 0, 0, 1, 0, 0, 0])?;
    /// assert_eq!(gad7.response(Gad7Item::TroubleRelaxing), Some(FrequencyResponse::SeveralDays));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn response(&self, item: Gad7Item) -> Option<FrequencyResponse> {
        self.item(item).and_then(FrequencyResponse::from_score)
    }
}
