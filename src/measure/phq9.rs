//! The PHQ-9: its items, LOINC codes, severity bands and cut-offs
//! (CLINICAL-BASIS.md §8.1).

use super::instrument::sealed::Sealed;
use super::{FrequencyResponse, Instrument, InstrumentItem, InstrumentScore};
use crate::macros::vocabulary_enum;

/// LOINC code of the PHQ-9 panel (CLINICAL-BASIS.md §8.1 [S: LOINC's
/// record of the total score, <https://loinc.org/44261-6>, names it as the panel]).
///
/// ```
/// assert_eq!(interpersonal::measure::PHQ9_PANEL_LOINC, "44249-1");
/// ```
pub const PHQ9_PANEL_LOINC: &str = "44249-1";

/// LOINC code of the PHQ-9 total score (CLINICAL-BASIS.md §8.1 [S: LOINC's
/// record, <https://loinc.org/44261-6>]).
///
/// ```
/// assert_eq!(interpersonal::measure::PHQ9_TOTAL_LOINC, "44261-6");
/// ```
pub const PHQ9_TOTAL_LOINC: &str = "44261-6";

/// PHQ-9 caseness: a total of 10 or more. It is the cut-off for major
/// depression (sensitivity 88%, specificity 88% [K:
/// `kroenke-2001-phq9`]) and NHS Talking Therapies' (IAPT) caseness threshold
/// (CLINICAL-BASIS.md §8.1, §8.4 [K: `gyani-2013-iapt-recovery`]).
///
/// ```
/// use interpersonal::{measure::PHQ9_CASENESS, Phq9Score};
/// let phq9 = Phq9Score::from_scores([2, 2, 1, 1, 1, 1, 1, 1, 0])?;
/// assert!(phq9.total() >= PHQ9_CASENESS);
/// assert!(phq9.is_case());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub const PHQ9_CASENESS: u8 = 10;

/// PHQ-9 remission: a total below 5 (CLINICAL-BASIS.md §8.4 [I: the
/// top of the minimal band of `kroenke-2001-phq9`, as measurement-based care
/// uses it; no work of the bibliography defines it]).
///
/// ```
/// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::PHQ9_REMISSION_BELOW};
/// assert_eq!(Instrument::Phq9.remission(PHQ9_REMISSION_BELOW), MeasureOutcome::NotMet);
/// assert_eq!(Instrument::Phq9.remission(PHQ9_REMISSION_BELOW - 1), MeasureOutcome::Met);
/// ```
pub const PHQ9_REMISSION_BELOW: u8 = 5;

/// PHQ-9 reliable improvement: a drop of 6 points or more (CLINICAL-BASIS.md §8.4
/// [K: `gyani-2013-iapt-recovery`]).
///
/// ```
/// assert_eq!(interpersonal::measure::PHQ9_RELIABLE_CHANGE, 6);
/// ```
pub const PHQ9_RELIABLE_CHANGE: u8 = 6;

vocabulary_enum! {
    /// The nine PHQ-9 items, in the form's order, one per DSM-IV criterion of
    /// major depression, each about the last two weeks (CLINICAL-BASIS.md §8.1 [K:
    /// `kroenke-2001-phq9`]). Each is answered on the
    /// [`FrequencyResponse`] scale, 0 to 3.
    ///
    /// ```
    /// use interpersonal::{measure::InstrumentItem, measure::Phq9Item};
    /// assert_eq!(Phq9Item::SelfHarmThoughts.number(), 9);
    /// assert_eq!(Phq9Item::SelfHarmThoughts.loinc(), "44260-8");
    /// assert_eq!("feeling_down".parse::<Phq9Item>().unwrap(), Phq9Item::FeelingDown);
    /// ```
    pub enum Phq9Item {
        /// 1. Little interest or pleasure in doing things. LOINC `44250-9`.
        LittleInterest,
        /// 2. Feeling down, depressed or hopeless. LOINC `44255-8`.
        FeelingDown,
        /// 3. Trouble falling or staying asleep, or sleeping too much. LOINC
        /// `44259-0`.
        Sleep,
        /// 4. Feeling tired or having little energy. LOINC `44254-1`.
        Tired,
        /// 5. Poor appetite or overeating. LOINC `44251-7`.
        Appetite,
        /// 6. Feeling bad about yourself, or that you are a failure or have let
        /// yourself or your family down. LOINC `44258-2`.
        FeelingBadAboutSelf,
        /// 7. Trouble concentrating on things. LOINC `44252-5`.
        Concentration,
        /// 8. Moving or speaking so slowly that other people could have noticed,
        /// or the opposite, being fidgety or restless. LOINC `44253-3`.
        MovingSlowlyOrRestless,
        /// 9. Thoughts that you would be better off dead, or of hurting yourself
        /// in some way. LOINC `44260-8`. Any answer above 0 raises a
        /// [`SafetyFlag`](crate::measure::SafetyFlag) (CLINICAL-BASIS.md §8.1, §9).
        SelfHarmThoughts,
    }
}

impl Phq9Item {
    /// The item's LOINC code (CLINICAL-BASIS.md §8.1 [S: LOINC's record
    /// of the PHQ-SADS panel, <https://loinc.org/69729-2>, which holds the PHQ-9
    /// items]).
    ///
    /// ```
    /// use interpersonal::measure::Phq9Item;
    /// assert_eq!(Phq9Item::LittleInterest.loinc(), "44250-9");
    /// assert_eq!(Phq9Item::MovingSlowlyOrRestless.loinc(), "44253-3");
    /// ```
    pub const fn loinc(self) -> &'static str {
        match self {
            Phq9Item::LittleInterest => "44250-9",
            Phq9Item::FeelingDown => "44255-8",
            Phq9Item::Sleep => "44259-0",
            Phq9Item::Tired => "44254-1",
            Phq9Item::Appetite => "44251-7",
            Phq9Item::FeelingBadAboutSelf => "44258-2",
            Phq9Item::Concentration => "44252-5",
            Phq9Item::MovingSlowlyOrRestless => "44253-3",
            Phq9Item::SelfHarmThoughts => "44260-8",
        }
    }
}

impl Sealed for Phq9Item {}

impl InstrumentItem for Phq9Item {
    const INSTRUMENT: Instrument = Instrument::Phq9;
    const ALL: &'static [Self] = &[
        Phq9Item::LittleInterest,
        Phq9Item::FeelingDown,
        Phq9Item::Sleep,
        Phq9Item::Tired,
        Phq9Item::Appetite,
        Phq9Item::FeelingBadAboutSelf,
        Phq9Item::Concentration,
        Phq9Item::MovingSlowlyOrRestless,
        Phq9Item::SelfHarmThoughts,
    ];
    const SAFETY_ITEM: Option<Self> = Some(Phq9Item::SelfHarmThoughts);

    fn number(self) -> u8 {
        self as u8 + 1
    }

    fn max_score(self) -> u8 {
        3
    }
}

vocabulary_enum! {
    /// PHQ-9 severity bands: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19
    /// moderately severe, 20–27 severe (CLINICAL-BASIS.md §8.1 [K:
    /// `kroenke-2001-phq9`]). The provisional action guide of the
    /// same section: 4 or less may not need treatment, 5–14 calls for clinical
    /// judgement, above 14 warrants treatment [K: `kroenke-2001-phq9`].
    ///
    /// ```
    /// use interpersonal::measure::Phq9Band;
    /// assert_eq!(Phq9Band::from_total(9), Some(Phq9Band::Mild));
    /// assert_eq!(Phq9Band::from_total(10), Some(Phq9Band::Moderate));
    /// assert_eq!(Phq9Band::from_total(28), None);
    /// assert_eq!(Phq9Band::ModeratelySevere.to_string(), "moderately_severe");
    /// ```
    pub enum Phq9Band {
        /// 0–4: minimal or none.
        Minimal,
        /// 5–9: mild.
        Mild,
        /// 10–14: moderate.
        Moderate,
        /// 15–19: moderately severe.
        ModeratelySevere,
        /// 20–27: severe.
        Severe,
    }
}

impl Phq9Band {
    /// The band of a total, or `None` above 27.
    ///
    /// ```
    /// use interpersonal::measure::Phq9Band;
    /// assert_eq!(Phq9Band::from_total(0), Some(Phq9Band::Minimal));
    /// assert_eq!(Phq9Band::from_total(27), Some(Phq9Band::Severe));
    /// ```
    pub const fn from_total(total: u8) -> Option<Self> {
        match total {
            0..=4 => Some(Phq9Band::Minimal),
            5..=9 => Some(Phq9Band::Mild),
            10..=14 => Some(Phq9Band::Moderate),
            15..=19 => Some(Phq9Band::ModeratelySevere),
            20..=27 => Some(Phq9Band::Severe),
            _ => None,
        }
    }

    /// The lowest and highest total in the band.
    ///
    /// ```
    /// use interpersonal::measure::Phq9Band;
    /// assert_eq!(Phq9Band::ModeratelySevere.range(), (15, 19));
    /// ```
    pub const fn range(self) -> (u8, u8) {
        match self {
            Phq9Band::Minimal => (0, 4),
            Phq9Band::Mild => (5, 9),
            Phq9Band::Moderate => (10, 14),
            Phq9Band::ModeratelySevere => (15, 19),
            Phq9Band::Severe => (20, 27),
        }
    }
}

/// A scored PHQ-9: see [`InstrumentScore`] for what every scored instrument
/// offers, and [`InstrumentScore::band`](InstrumentScore#method.band) for its
/// severity band.
///
/// ```
/// use interpersonal::{measure::Phq9Band, measure::Phq9Item, Phq9Score};
///
/// let phq9 = Phq9Score::from_scores([3, 3, 2, 2, 2, 2, 2, 2, 0])?;
/// assert_eq!(phq9.total(), 18);
/// assert_eq!(phq9.band(), Phq9Band::ModeratelySevere);
/// assert_eq!(phq9.item(Phq9Item::LittleInterest), Some(3));
/// assert!(phq9.safety_flags().is_empty());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub type Phq9Score = InstrumentScore<Phq9Item>;

impl InstrumentScore<Phq9Item> {
    /// The PHQ-9 severity band of the total (CLINICAL-BASIS.md §8.1 \[S\]).
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Band, Phq9Score};
    /// let phq9 = Phq9Score::from_scores([1, 1, 1, 1, 1, 0, 0, 0, 0])?;
    /// assert_eq!(phq9.band(), Phq9Band::Mild);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn band(&self) -> Phq9Band {
        // A scored total is at most 27, so the fallback is never taken.
        Phq9Band::from_total(self.total()).unwrap_or(Phq9Band::Severe)
    }

    /// Whether the total is at or above the caseness cut-off of 10
    /// ([`PHQ9_CASENESS`]).
    ///
    /// ```
    /// use interpersonal::Phq9Score;
    /// assert!(!Phq9Score::from_scores([1, 1, 1, 1, 1, 1, 1, 1, 1])?.is_case());
    /// assert!(Phq9Score::from_scores([2, 1, 1, 1, 1, 1, 1, 1, 1])?.is_case());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_case(&self) -> bool {
        self.total() >= PHQ9_CASENESS
    }

    /// An item's answer on the [`FrequencyResponse`] scale, `None` when it was
    /// not answered (pro-rated).
    ///
    /// ```
    /// use interpersonal::{measure::FrequencyResponse, measure::Phq9Item, Phq9Score};
    /// let phq9 = Phq9Score::from_scores([0, 1, 2, 3, 0, 0, 0, 0, 0])?;
    /// assert_eq!(phq9.response(Phq9Item::Tired), Some(FrequencyResponse::NearlyEveryDay));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn response(&self, item: Phq9Item) -> Option<FrequencyResponse> {
        self.item(item).and_then(FrequencyResponse::from_score)
    }
}
