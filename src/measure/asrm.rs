//! The Altman Self-Rating Mania Scale (ASRM): its items, its cut-off, and the
//! flag a positive screen raises.

use super::instrument::sealed::Sealed;
use super::{Instrument, InstrumentItem, InstrumentScore, SafetyFlag};
use crate::macros::vocabulary_enum;

/// ASRM cut-off: a total of 6 or more is a positive screen for mania or
/// hypomania. Altman et al. 1997 (*Biol Psychiatry* 42:948–955) report that
/// scores greater than 5 gave a sensitivity of 85.5% and a specificity of
/// 87.3% [S: `altman-1997-asrm`, abstract]. The abstract words the cut-off for the
/// scale's *mania subscale*; that the five-item form in use is that subscale
/// is \[K\].
///
/// ```
/// use interpersonal::{measure::ASRM_CUTOFF, measure::AsrmScore};
/// let asrm = AsrmScore::from_scores([2, 1, 1, 1, 1])?;
/// assert_eq!(asrm.total(), ASRM_CUTOFF);
/// assert!(asrm.is_positive_screen());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub const ASRM_CUTOFF: u8 = 6;

vocabulary_enum! {
    /// The five ASRM items, in the form's order, each about the past week
    /// and answered by choosing one of five statements scored 0 (no change
    /// from usual) to 4 (Altman et al. 1997 [K: the five areas and the 0 to 4
    /// scoring are how the published form and public descriptions of it
    /// read; the statements themselves are not reproduced here]).
    ///
    /// No LOINC codes: none was confirmed for this crate, so none is given.
    ///
    /// ```
    /// use interpersonal::{measure::AsrmItem, measure::InstrumentItem};
    /// assert_eq!(AsrmItem::PositiveMood.number(), 1);
    /// assert_eq!(AsrmItem::Activity.max_score(), 4);
    /// assert_eq!(AsrmItem::SelfConfidence.to_string(), "self_confidence");
    /// ```
    pub enum AsrmItem {
        /// 1. Feeling happier or more cheerful than usual.
        PositiveMood,
        /// 2. Feeling more self-confident than usual.
        SelfConfidence,
        /// 3. Needing less sleep than usual.
        Sleep,
        /// 4. Talking more than usual.
        Speech,
        /// 5. Being more active than usual, socially, sexually, at work, at
        /// home or at school.
        Activity,
    }
}

impl Sealed for AsrmItem {}

impl InstrumentItem for AsrmItem {
    const INSTRUMENT: Instrument = Instrument::Asrm;
    const ALL: &'static [Self] = &[
        AsrmItem::PositiveMood,
        AsrmItem::SelfConfidence,
        AsrmItem::Sleep,
        AsrmItem::Speech,
        AsrmItem::Activity,
    ];
    const SAFETY_ITEM: Option<Self> = None;

    fn number(self) -> u8 {
        self as u8 + 1
    }

    fn max_score(self) -> u8 {
        4
    }
}

vocabulary_enum! {
    /// Where an ASRM total falls against the cut-off ([`ASRM_CUTOFF`]): the
    /// scale has a screening cut-off, not severity bands, so these are its
    /// only two bands.
    ///
    /// ```
    /// use interpersonal::measure::AsrmBand;
    /// assert_eq!(AsrmBand::from_total(5), Some(AsrmBand::NegativeScreen));
    /// assert_eq!(AsrmBand::from_total(6), Some(AsrmBand::PositiveScreen));
    /// assert_eq!(AsrmBand::from_total(21), None);
    /// ```
    pub enum AsrmBand {
        /// 0–5: below the cut-off.
        NegativeScreen,
        /// 6–20: at or above the cut-off; raises a
        /// [`SafetyFlagKind::PossibleMania`](crate::measure::SafetyFlagKind::PossibleMania) flag.
        PositiveScreen,
    }
}

impl AsrmBand {
    /// The band of a total, or `None` above 20.
    ///
    /// ```
    /// use interpersonal::measure::AsrmBand;
    /// assert_eq!(AsrmBand::from_total(20), Some(AsrmBand::PositiveScreen));
    /// ```
    pub const fn from_total(total: u8) -> Option<Self> {
        match total {
            0..ASRM_CUTOFF => Some(AsrmBand::NegativeScreen),
            ASRM_CUTOFF..=20 => Some(AsrmBand::PositiveScreen),
            _ => None,
        }
    }

    /// The lowest and highest total in the band.
    ///
    /// ```
    /// use interpersonal::measure::AsrmBand;
    /// assert_eq!(AsrmBand::PositiveScreen.range(), (6, 20));
    /// ```
    pub const fn range(self) -> (u8, u8) {
        match self {
            AsrmBand::NegativeScreen => (0, ASRM_CUTOFF - 1),
            AsrmBand::PositiveScreen => (ASRM_CUTOFF, 20),
        }
    }
}

/// A scored ASRM: see [`InstrumentScore`] for what every scored instrument
/// offers. A total at or above [`ASRM_CUTOFF`] raises a
/// [`SafetyFlag`](crate::SafetyFlag) of kind
/// [`PossibleMania`](crate::measure::SafetyFlagKind::PossibleMania), listed with the
/// safety flags so that it is surfaced first, like a suicide-risk flag. It is
/// a screen, not a diagnosis.
///
/// Scored beside the PHQ-9, it lets a course of IPSRT follow both poles of a
/// bipolar illness: a dated [`Measurement`](crate::measure::Measurement) of each goes
/// into the course, and each has its own [`SymptomTrend`](crate::measure::SymptomTrend).
///
/// ```
/// use interpersonal::{measure::AsrmBand, measure::AsrmScore, measure::SafetyFlagKind};
///
/// let asrm = AsrmScore::from_scores([2, 2, 1, 1, 1])?;
/// assert_eq!(asrm.total(), 7);
/// assert_eq!(asrm.band(), AsrmBand::PositiveScreen);
/// assert_eq!(asrm.safety_flags()[0].kind, SafetyFlagKind::PossibleMania);
/// assert!(AsrmScore::from_scores([1, 1, 1, 1, 1])?.safety_flags().is_empty());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub type AsrmScore = InstrumentScore<AsrmItem>;

impl InstrumentScore<AsrmItem> {
    /// Where the total falls against the cut-off.
    ///
    /// ```
    /// use interpersonal::{measure::AsrmBand, measure::AsrmScore};
    /// assert_eq!(AsrmScore::from_scores([0; 5])?.band(), AsrmBand::NegativeScreen);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn band(&self) -> AsrmBand {
        // A scored total is at most 20, so the fallback is never taken.
        AsrmBand::from_total(self.total()).unwrap_or(AsrmBand::PositiveScreen)
    }

    /// Whether the total is at or above the cut-off, 6 ([`ASRM_CUTOFF`]).
    ///
    /// ```
    /// use interpersonal::measure::AsrmScore;
    /// assert!(!AsrmScore::from_scores([1, 1, 1, 1, 1])?.is_positive_screen());
    /// assert!(AsrmScore::from_scores([4, 0, 0, 0, 2])?.is_positive_screen());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_positive_screen(&self) -> bool {
        self.total() >= ASRM_CUTOFF
    }

    /// The possible-mania flag of a positive screen, `None` below the cut-off.
    ///
    /// ```
    /// use interpersonal::{measure::AsrmScore, measure::SafetySource};
    /// let flag = AsrmScore::from_scores([3, 3, 0, 0, 0])?.mania_flag().unwrap();
    /// assert_eq!((flag.source, flag.score), (SafetySource::AsrmTotal, 6));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn mania_flag(&self) -> Option<SafetyFlag> {
        SafetyFlag::possible_mania(self.total())
    }
}
