//! The PHQ-9 and the GAD-7 as FHIR knows them: LOINC panel, total and item
//! codes.

use crate::measure::{Gad7Item, InstrumentItem, Phq9Item};

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::measure::Phq9Item {}
    impl Sealed for crate::measure::Gad7Item {}
}

/// An instrument whose items LOINC codes, so its administrations can be
/// exported to and imported from FHIR: the PHQ-9 ([`Phq9Item`]) and the GAD-7
/// ([`Gad7Item`]). Sealed.
///
/// Every code was confirmed on loinc.org (the crate's research log names the
/// page): the PHQ-9 items and answers in LOINC answer list `LL358-3` and panel
/// `69729-2` (PHQ-SADS, which holds the PHQ-9 and GAD-7 items), the totals on
/// their own LOINC pages.
///
/// ```
/// use interpersonal::{fhir::FhirInstrument, measure::Gad7Item, measure::Phq9Item};
/// assert_eq!(Phq9Item::PANEL_LOINC, "44249-1");
/// assert_eq!(Gad7Item::TOTAL_LOINC, "70274-6");
/// assert_eq!(Gad7Item::FeelingNervous.item_loinc(), "69725-0");
/// assert_eq!(Phq9Item::questionnaire(), "http://loinc.org/q/44249-1");
/// ```
pub trait FhirInstrument: InstrumentItem + sealed::Sealed {
    /// The LOINC code of the panel (the form as a whole).
    const PANEL_LOINC: &'static str;
    /// The LOINC code of the total score.
    const TOTAL_LOINC: &'static str;
    /// LOINC's display name for the total score.
    const TOTAL_DISPLAY: &'static str;

    /// The LOINC code of this item's question.
    fn item_loinc(self) -> &'static str;

    /// The canonical URL of LOINC's FHIR `Questionnaire` for the panel,
    /// `http://loinc.org/q/` and the panel code, as LOINC's own FHIR
    /// questionnaires are published.
    fn questionnaire() -> String {
        format!("http://loinc.org/q/{}", Self::PANEL_LOINC)
    }
}

impl FhirInstrument for Phq9Item {
    const PANEL_LOINC: &'static str = crate::measure::PHQ9_PANEL_LOINC;
    const TOTAL_LOINC: &'static str = crate::measure::PHQ9_TOTAL_LOINC;
    const TOTAL_DISPLAY: &'static str =
        "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]";

    fn item_loinc(self) -> &'static str {
        self.loinc()
    }
}

impl FhirInstrument for Gad7Item {
    const PANEL_LOINC: &'static str = crate::measure::GAD7_PANEL_LOINC;
    const TOTAL_LOINC: &'static str = crate::measure::GAD7_TOTAL_LOINC;
    const TOTAL_DISPLAY: &'static str =
        "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]";

    /// The GAD-7 item codes as listed on loinc.org in the PHQ-SADS panel
    /// `69729-2`, in the form's order ([`Gad7Item::loinc`]).
    fn item_loinc(self) -> &'static str {
        self.loinc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn item_codes_are_distinct_across_both_forms() {
        let codes: BTreeSet<&str> = Phq9Item::ALL
            .iter()
            .map(|i| i.item_loinc())
            .chain(Gad7Item::ALL.iter().map(|i| i.item_loinc()))
            .collect();
        assert_eq!(codes.len(), 16);
    }
}
