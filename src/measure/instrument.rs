//! The instruments the crate scores, and what every instrument's items share.

use crate::macros::vocabulary_enum;
use std::fmt;
use std::hash::Hash;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{
    AsrmBand, AsrmItem, GAD7_CASENESS, GAD7_PANEL_LOINC, GAD7_RELIABLE_CHANGE, GAD7_TOTAL_LOINC,
    Gad7Band, Gad7Item, HAMD17_REMISSION_AT_MOST, Hamd17Item, HamdBand, HamdBanding,
    MeasureOutcome, PHQ9_CASENESS, PHQ9_PANEL_LOINC, PHQ9_RELIABLE_CHANGE, PHQ9_REMISSION_BELOW,
    PHQ9_TOTAL_LOINC, Phq9Band, Phq9Item, SeverityBand,
};

vocabulary_enum! {
    /// A symptom measure (CLINICAL-BASIS.md §8).
    ///
    /// - [`Instrument::Phq9`]: the Patient Health Questionnaire-9, self-report,
    ///   depression, 9 items, total 0–27 (§8.1 [K: `kroenke-2001-phq9`]).
    /// - [`Instrument::Gad7`]: the GAD-7, self-report, anxiety, 7 items, total 0–21
    ///   (§8.2 [K: `spitzer-2006-gad7`]).
    /// - [`Instrument::Hamd17`]: the Hamilton Rating Scale for Depression, 17 items,
    ///   clinician-rated, total 0–52 (§8.3 [K: `hamilton-1960-hamd`]).
    /// - [`Instrument::Asrm`]: the Altman Self-Rating Mania Scale, self-report,
    ///   mania and hypomania over the past week, 5 items scored 0–4, total 0–20
    ///   (Altman et al. 1997, *Biol Psychiatry* 42:948–955 [K for the items; S
    ///   for the cut-off, see [`ASRM_CUTOFF`](crate::measure::ASRM_CUTOFF)]).
    ///
    /// JSON: `"phq9"`, `"gad7"`, `"hamd17"`, `"asrm"`.
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Phq9.to_string(), "phq9");
    /// assert_eq!("hamd17".parse::<Instrument>().unwrap(), Instrument::Hamd17);
    /// assert_eq!(Instrument::Gad7.label(), "GAD-7");
    /// ```
    #[non_exhaustive]
    pub enum Instrument {
        /// PHQ-9, the Patient Health Questionnaire-9.
        Phq9,
        /// GAD-7, the Generalized Anxiety Disorder 7-item scale.
        Gad7,
        /// HAM-D-17, the 17-item Hamilton Rating Scale for Depression.
        Hamd17,
        /// ASRM, the Altman Self-Rating Mania Scale.
        Asrm,
    }
}

impl Instrument {
    /// The name clinicians write: `"PHQ-9"`, `"GAD-7"`, `"HAM-D-17"`, `"ASRM"`.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::Instrument::Hamd17.label(), "HAM-D-17");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Instrument::Phq9 => "PHQ-9",
            Instrument::Gad7 => "GAD-7",
            Instrument::Hamd17 => "HAM-D-17",
            Instrument::Asrm => "ASRM",
        }
    }

    /// How many scored items the instrument has: 9, 7, 17 (CLINICAL-BASIS.md §8.1,
    /// §8.2 \[S\]; §8.3 \[K\]) and 5 for the ASRM (Altman et al. 1997 \[K\]). The PHQ-9's unscored
    /// tenth question on difficulty is not an item here.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::Instrument::Phq9.item_count(), 9);
    /// ```
    pub const fn item_count(self) -> usize {
        match self {
            Instrument::Phq9 => Phq9Item::ALL.len(),
            Instrument::Gad7 => Gad7Item::ALL.len(),
            Instrument::Hamd17 => Hamd17Item::ALL.len(),
            Instrument::Asrm => AsrmItem::ALL.len(),
        }
    }

    /// The highest possible total: PHQ-9 27, GAD-7 21 (CLINICAL-BASIS.md §8.1, §8.2
    /// \[S\]), HAM-D-17 52 (§8.3 [K: `hamilton-1960-hamd`]), ASRM 20 (Altman et al.
    /// 1997 \[K\]).
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::Instrument::Hamd17.max_total(), 52);
    /// ```
    pub const fn max_total(self) -> u8 {
        match self {
            Instrument::Phq9 => 27,
            Instrument::Gad7 => 21,
            Instrument::Hamd17 => 52,
            Instrument::Asrm => 20,
        }
    }

    /// The most unanswered items a form may have and still be pro-rated,
    /// whatever [`MissingItems::ProRate`](crate::measure::MissingItems::ProRate)
    /// asks for:
    ///
    /// * PHQ-9: 2. Forms with up to two unanswered items are scored by
    ///   putting the mean of the answered items in their place (Arrieta J et
    ///   al., *J Clin Psychol* 2017;73(9):1076–1090, doi:10.1002/jclp.22390
    ///   \[K\]; the PHQ scales' review, Kroenke K et al., *Gen Hosp Psychiatry*
    ///   2010;32:345–359 \[K\]).
    /// * GAD-7: 1. No published rule specific to the GAD-7 was found; one of
    ///   seven items keeps to the share of the form the PHQ rule accepts (two of
    ///   nine) \[I\].
    /// * HAM-D-17: 0. It is clinician-rated: the rater rates every item, and a
    ///   missing rating is a rating still to make, not something to estimate
    ///   \[I\].
    /// * ASRM: 0. No published rule for its five items was found, and one
    ///   missing item is a fifth of the form \[I\].
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Phq9.max_prorated_items(), 2);
    /// assert_eq!(Instrument::Hamd17.max_prorated_items(), 0);
    /// ```
    pub const fn max_prorated_items(self) -> u8 {
        match self {
            Instrument::Phq9 => 2,
            Instrument::Gad7 => 1,
            Instrument::Hamd17 => 0,
            Instrument::Asrm => 0,
        }
    }

    /// The LOINC code of the instrument's panel, where the reference gives one:
    /// PHQ-9 `44249-1` (CLINICAL-BASIS.md §8.1 [S: LOINC's record]),
    /// GAD-7 `69737-5` (§8.2 [K: seen in public FHIR profiles]). The reference gives
    /// none for the HAM-D-17, and none was confirmed for the ASRM, so none is
    /// invented.
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Phq9.panel_loinc(), Some("44249-1"));
    /// assert_eq!(Instrument::Hamd17.panel_loinc(), None);
    /// ```
    pub const fn panel_loinc(self) -> Option<&'static str> {
        match self {
            Instrument::Phq9 => Some(PHQ9_PANEL_LOINC),
            Instrument::Gad7 => Some(GAD7_PANEL_LOINC),
            Instrument::Hamd17 | Instrument::Asrm => None,
        }
    }

    /// The LOINC code of the total score, where the reference gives one: PHQ-9
    /// `44261-6` (CLINICAL-BASIS.md §8.1 \[S\]), GAD-7 `70274-6` (§8.2 \[S\]); none for
    /// the HAM-D-17 or the ASRM.
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Gad7.total_loinc(), Some("70274-6"));
    /// ```
    pub const fn total_loinc(self) -> Option<&'static str> {
        match self {
            Instrument::Phq9 => Some(PHQ9_TOTAL_LOINC),
            Instrument::Gad7 => Some(GAD7_TOTAL_LOINC),
            Instrument::Hamd17 | Instrument::Asrm => None,
        }
    }

    /// The NHS Talking Therapies (IAPT) caseness cut-off, a total at or above
    /// which the person counts as a clinical case: PHQ-9 10, GAD-7 8
    /// (CLINICAL-BASIS.md §8.4 [K: `gyani-2013-iapt-recovery`]).
    /// None for the HAM-D-17 and the ASRM, which IAPT does not use (the ASRM's
    /// screening cut-off is [`ASRM_CUTOFF`](crate::measure::ASRM_CUTOFF)).
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Phq9.caseness(), Some(10));
    /// assert_eq!(Instrument::Gad7.caseness(), Some(8));
    /// assert_eq!(Instrument::Hamd17.caseness(), None);
    /// ```
    pub const fn caseness(self) -> Option<u8> {
        match self {
            Instrument::Phq9 => Some(PHQ9_CASENESS),
            Instrument::Gad7 => Some(GAD7_CASENESS),
            Instrument::Hamd17 | Instrument::Asrm => None,
        }
    }

    /// The smallest drop in total that counts as reliable improvement: PHQ-9 6,
    /// GAD-7 4 (CLINICAL-BASIS.md §8.4 [K: `gyani-2013-iapt-recovery`]). The reference gives
    /// no reliable-change index for the HAM-D-17, and none was confirmed for the
    /// ASRM.
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Phq9.reliable_change(), Some(6));
    /// assert_eq!(Instrument::Hamd17.reliable_change(), None);
    /// ```
    pub const fn reliable_change(self) -> Option<u8> {
        match self {
            Instrument::Phq9 => Some(PHQ9_RELIABLE_CHANGE),
            Instrument::Gad7 => Some(GAD7_RELIABLE_CHANGE),
            Instrument::Hamd17 | Instrument::Asrm => None,
        }
    }

    /// Whether a total is in remission: PHQ-9 below 5 (CLINICAL-BASIS.md §8.4 [I:
    /// the minimal band of `kroenke-2001-phq9`, as measurement-based care uses
    /// it]), HAM-D-17 at most 7 (§8.3, §8.4 [K: `frank-1991-consensus-definitions`]). The reference
    /// defines no remission for the GAD-7 or the ASRM, so it is [`MeasureOutcome::NotApplicable`]
    /// for them; so is a total above the instrument's maximum.
    ///
    /// ```
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome};
    /// assert_eq!(Instrument::Phq9.remission(4), MeasureOutcome::Met);
    /// assert_eq!(Instrument::Phq9.remission(5), MeasureOutcome::NotMet);
    /// assert_eq!(Instrument::Hamd17.remission(7), MeasureOutcome::Met);
    /// assert_eq!(Instrument::Gad7.remission(0), MeasureOutcome::NotApplicable);
    /// ```
    pub fn remission(self, total: u8) -> MeasureOutcome {
        if total > self.max_total() {
            return MeasureOutcome::NotApplicable;
        }
        match self {
            Instrument::Phq9 => MeasureOutcome::from(total < PHQ9_REMISSION_BELOW),
            Instrument::Hamd17 => MeasureOutcome::from(total <= HAMD17_REMISSION_AT_MOST),
            Instrument::Gad7 | Instrument::Asrm => MeasureOutcome::NotApplicable,
        }
    }

    /// Where the instrument's items, scoring and severity bands come from:
    /// [`PHQ9_SOURCE`](super::PHQ9_SOURCE), [`GAD7_SOURCE`](super::GAD7_SOURCE),
    /// [`HAMD17_SOURCE`](super::HAMD17_SOURCE) or
    /// [`ASRM_SOURCE`](super::ASRM_SOURCE).
    ///
    /// ```
    /// use interpersonal::measure::Instrument;
    /// assert_eq!(Instrument::Phq9.source().to_string(), "Kroenke et al. 2001");
    /// ```
    pub const fn source(self) -> crate::source::Source {
        match self {
            Instrument::Phq9 => super::PHQ9_SOURCE,
            Instrument::Gad7 => super::GAD7_SOURCE,
            Instrument::Hamd17 => super::HAMD17_SOURCE,
            Instrument::Asrm => super::ASRM_SOURCE,
        }
    }

    /// The severity band of a total, or `None` when the total is above the
    /// instrument's maximum. `banding` is used for the HAM-D-17 only (its two
    /// conventions, CLINICAL-BASIS.md §8.3).
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding, measure::Instrument, measure::Phq9Band, measure::SeverityBand};
    ///
    /// assert_eq!(
    ///     Instrument::Phq9.severity(12, HamdBanding::default()),
    ///     Some(SeverityBand::Phq9 { band: Phq9Band::Moderate }),
    /// );
    /// assert_eq!(
    ///     Instrument::Hamd17.severity(20, HamdBanding::Classic),
    ///     Some(SeverityBand::Hamd17 { banding: HamdBanding::Classic, band: HamdBand::Severe }),
    /// );
    /// assert_eq!(Instrument::Gad7.severity(22, HamdBanding::default()), None);
    /// ```
    pub fn severity(self, total: u8, banding: HamdBanding) -> Option<SeverityBand> {
        match self {
            Instrument::Phq9 => Phq9Band::from_total(total).map(|band| SeverityBand::Phq9 { band }),
            Instrument::Gad7 => Gad7Band::from_total(total).map(|band| SeverityBand::Gad7 { band }),
            Instrument::Hamd17 => HamdBand::from_total(total, banding)
                .map(|band| SeverityBand::Hamd17 { banding, band }),
            Instrument::Asrm => AsrmBand::from_total(total).map(|band| SeverityBand::Asrm { band }),
        }
    }
}

pub(crate) mod sealed {
    /// Only this crate's item enums are instrument items.
    pub trait Sealed {}
}

/// The items of one instrument, in the instrument's order: [`Phq9Item`],
/// [`Gad7Item`] and [`Hamd17Item`]. Sealed: only this crate implements it.
///
/// Generic code over instruments ([`ItemAnswers`](crate::measure::ItemAnswers),
/// [`InstrumentScore`](crate::measure::InstrumentScore)) reads the item order, each item's
/// highest score and the suicide-risk item from here.
///
/// ```
/// use interpersonal::{measure::Hamd17Item, measure::Instrument, measure::InstrumentItem, measure::Phq9Item};
///
/// assert_eq!(Phq9Item::INSTRUMENT, Instrument::Phq9);
/// assert_eq!(Phq9Item::ALL.len(), 9);
/// assert_eq!(Phq9Item::SelfHarmThoughts.number(), 9);
/// assert_eq!(Hamd17Item::InsomniaEarly.max_score(), 2);
/// assert_eq!(Phq9Item::SAFETY_ITEM, Some(Phq9Item::SelfHarmThoughts));
/// ```
pub trait InstrumentItem:
    sealed::Sealed
    + Copy
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + Serialize
    + DeserializeOwned
    + Into<&'static str>
    + Send
    + Sync
    + 'static
{
    /// The instrument these are the items of.
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Item, measure::Instrument, measure::InstrumentItem};
    /// assert_eq!(Gad7Item::INSTRUMENT, Instrument::Gad7);
    /// ```
    const INSTRUMENT: Instrument;

    /// Every item, in the instrument's order (item 1 first).
    ///
    /// ```
    /// use interpersonal::{measure::InstrumentItem, measure::Phq9Item};
    /// assert_eq!(Phq9Item::ALL.first(), Some(&Phq9Item::LittleInterest));
    /// ```
    const ALL: &'static [Self];

    /// The item that asks about suicide or self-harm, whose positive answer
    /// raises a [`SafetyFlag`](crate::measure::SafetyFlag): PHQ-9 item 9, HAM-D-17 item 3;
    /// the GAD-7 has none (CLINICAL-BASIS.md §9).
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Item, measure::Hamd17Item, measure::InstrumentItem};
    /// assert_eq!(Hamd17Item::SAFETY_ITEM, Some(Hamd17Item::Suicide));
    /// assert_eq!(Gad7Item::SAFETY_ITEM, None);
    /// ```
    const SAFETY_ITEM: Option<Self>;

    /// The item's number on the form, from 1.
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Item, measure::InstrumentItem};
    /// assert_eq!(Gad7Item::FeelingAfraid.number(), 7);
    /// ```
    fn number(self) -> u8;

    /// The item's highest score (its lowest is 0).
    ///
    /// ```
    /// use interpersonal::{measure::Hamd17Item, measure::InstrumentItem, measure::Phq9Item};
    /// assert_eq!(Phq9Item::Sleep.max_score(), 3);
    /// assert_eq!(Hamd17Item::DepressedMood.max_score(), 4);
    /// ```
    fn max_score(self) -> u8;

    /// The item's name in JSON, `snake_case`.
    ///
    /// ```
    /// use interpersonal::{measure::InstrumentItem, measure::Phq9Item};
    /// assert_eq!(Phq9Item::SelfHarmThoughts.name(), "self_harm_thoughts");
    /// ```
    fn name(self) -> &'static str {
        self.into()
    }

    /// The item's position in [`InstrumentItem::ALL`] and in an array of
    /// answers: its number less one.
    ///
    /// ```
    /// use interpersonal::{measure::InstrumentItem, measure::Phq9Item};
    /// assert_eq!(Phq9Item::SelfHarmThoughts.position(), 8);
    /// ```
    fn position(self) -> usize {
        usize::from(self.number()).saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_items<I: InstrumentItem + crate::vocabulary::Vocabulary>() {
        let iterated: Vec<I> = <I as crate::vocabulary::Vocabulary>::ALL.to_vec();
        assert_eq!(
            iterated.as_slice(),
            <I as InstrumentItem>::ALL,
            "ALL is in declaration order"
        );
        for (i, item) in <I as InstrumentItem>::ALL.iter().enumerate() {
            assert_eq!(item.position(), i);
            assert_eq!(usize::from(item.number()), i + 1);
            let json = serde_json::to_string(item).unwrap();
            assert_eq!(json, format!("\"{item}\""), "serde and strum agree");
        }
        assert_eq!(<I as InstrumentItem>::ALL.len(), I::INSTRUMENT.item_count());
        let max: u32 = <I as InstrumentItem>::ALL
            .iter()
            .map(|i| u32::from(i.max_score()))
            .sum();
        assert_eq!(max, u32::from(I::INSTRUMENT.max_total()));
    }

    #[test]
    fn item_tables_agree_with_instrument() {
        check_items::<Phq9Item>();
        check_items::<Gad7Item>();
        check_items::<Hamd17Item>();
        check_items::<AsrmItem>();
    }

    #[test]
    fn instrument_names_agree() {
        for i in Instrument::iter() {
            assert_eq!(serde_json::to_string(&i).unwrap(), format!("\"{i}\""));
        }
        assert_eq!(Instrument::Hamd17.to_string(), "hamd17");
    }
}
