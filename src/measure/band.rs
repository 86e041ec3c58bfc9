//! The severity band of a total, whichever the instrument.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{AsrmBand, Gad7Band, HamdBand, HamdBanding, Instrument, Phq9Band};

/// The severity band of a total on any instrument, naming the instrument (and,
/// for the HAM-D-17, the banding convention) so that a report can print it as
/// is.
///
/// JSON: `{"instrument": "phq9", "band": "moderately_severe"}`,
/// `{"instrument": "hamd17", "banding": "zimmerman2013", "band": "mild"}`.
///
/// ```
/// use interpersonal::{measure::HamdBanding, measure::Instrument, measure::Phq9Band, measure::SeverityBand};
///
/// let band = Instrument::Phq9.severity(17, HamdBanding::default()).unwrap();
/// assert_eq!(band, SeverityBand::Phq9 { band: Phq9Band::ModeratelySevere });
/// assert_eq!(band.to_string(), "moderately_severe (PHQ-9)");
/// assert_eq!(band.range(), (15, 19));
/// assert_eq!(
///     serde_json::to_string(&band).unwrap(),
///     r#"{"instrument":"phq9","band":"moderately_severe"}"#,
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(tag = "instrument", rename_all = "snake_case", deny_unknown_fields)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum SeverityBand {
    /// A PHQ-9 band (CLINICAL-BASIS.md §8.1 \[S\]).
    Phq9 {
        /// The band.
        band: Phq9Band,
    },
    /// A GAD-7 band (CLINICAL-BASIS.md §8.2 \[S\]).
    Gad7 {
        /// The band.
        band: Gad7Band,
    },
    /// A HAM-D-17 band under a named convention (CLINICAL-BASIS.md §8.3 \[K\]).
    Hamd17 {
        /// The convention the band is under.
        banding: HamdBanding,
        /// The band.
        band: HamdBand,
    },
    /// Where an ASRM total falls against its cut-off (Altman et al. 1997 \[S\]).
    Asrm {
        /// The band.
        band: AsrmBand,
    },
}

impl SeverityBand {
    /// The instrument the band belongs to.
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Band, measure::Instrument, measure::SeverityBand};
    /// let band = SeverityBand::Gad7 { band: Gad7Band::Mild };
    /// assert_eq!(band.instrument(), Instrument::Gad7);
    /// ```
    pub const fn instrument(self) -> Instrument {
        match self {
            SeverityBand::Phq9 { .. } => Instrument::Phq9,
            SeverityBand::Gad7 { .. } => Instrument::Gad7,
            SeverityBand::Hamd17 { .. } => Instrument::Hamd17,
            SeverityBand::Asrm { .. } => Instrument::Asrm,
        }
    }

    /// The band's name in `snake_case`, as in JSON.
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding, measure::SeverityBand};
    /// let band = SeverityBand::Hamd17 { banding: HamdBanding::Classic, band: HamdBand::VerySevere };
    /// assert_eq!(band.band_name(), "very_severe");
    /// ```
    pub fn band_name(self) -> &'static str {
        match self {
            SeverityBand::Phq9 { band } => band.into(),
            SeverityBand::Gad7 { band } => band.into(),
            SeverityBand::Hamd17 { band, .. } => band.into(),
            SeverityBand::Asrm { band } => band.into(),
        }
    }

    /// Whether this is the lowest band of the PHQ-9 or GAD-7 (0–4): minimal
    /// **or no** symptoms, not a mild depression or anxiety
    /// ("0–4 minimal/none" [K: `kroenke-2001-phq9`]).
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Band, measure::SeverityBand};
    /// assert!(SeverityBand::Phq9 { band: Phq9Band::Minimal }.is_minimal());
    /// ```
    pub fn is_minimal(self) -> bool {
        matches!(
            self,
            SeverityBand::Phq9 {
                band: super::Phq9Band::Minimal
            } | SeverityBand::Gad7 {
                band: super::Gad7Band::Minimal
            }
        )
    }

    /// The band in words for a reader: "minimal or no symptoms" for the
    /// lowest PHQ-9 and GAD-7 band, else its name with spaces ("moderately
    /// severe", "no depression").
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Band, measure::Phq9Band, measure::SeverityBand};
    /// assert_eq!(SeverityBand::Gad7 { band: Gad7Band::Minimal }.words(), "minimal or no symptoms");
    /// assert_eq!(SeverityBand::Phq9 { band: Phq9Band::ModeratelySevere }.words(), "moderately severe");
    /// ```
    pub fn words(self) -> String {
        if self.is_minimal() {
            String::from("minimal or no symptoms")
        } else {
            self.band_name().replace('_', " ")
        }
    }

    /// The lowest and highest total of the band.
    ///
    /// ```
    /// use interpersonal::{measure::HamdBand, measure::HamdBanding, measure::SeverityBand};
    /// let band = SeverityBand::Hamd17 { banding: HamdBanding::Zimmerman2013, band: HamdBand::Moderate };
    /// assert_eq!(band.range(), (17, 23));
    /// ```
    pub fn range(self) -> (u8, u8) {
        match self {
            SeverityBand::Phq9 { band } => band.range(),
            SeverityBand::Gad7 { band } => band.range(),
            // A band its convention lacks (VerySevere under Zimmerman 2013)
            // covers no total.
            SeverityBand::Hamd17 { banding, band } => band.range(banding).unwrap_or((0, 0)),
            SeverityBand::Asrm { band } => band.range(),
        }
    }
}

impl fmt::Display for SeverityBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeverityBand::Hamd17 { banding, band } => {
                write!(f, "{band} ({}, {banding})", self.instrument().label())
            }
            _ => write!(f, "{} ({})", self.band_name(), self.instrument().label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamd_display_names_the_convention() {
        let band = SeverityBand::Hamd17 {
            banding: HamdBanding::Zimmerman2013,
            band: HamdBand::Mild,
        };
        assert_eq!(band.to_string(), "mild (HAM-D-17, zimmerman2013)");
        let json = serde_json::to_string(&band).unwrap();
        assert_eq!(
            json,
            r#"{"instrument":"hamd17","banding":"zimmerman2013","band":"mild"}"#
        );
        assert_eq!(serde_json::from_str::<SeverityBand>(&json).unwrap(), band);
        assert!(
            serde_json::from_str::<SeverityBand>(r#"{"instrument":"phq9","band":"mild","x":1}"#)
                .is_err()
        );
    }
}
