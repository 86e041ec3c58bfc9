//! A dated total of one instrument, the unit of a symptom trend.

use crate::collections::HashSet;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{HamdBanding, Instrument, SafetyFlag, SafetySource, ScoreAdvisory, SeverityBand};
use crate::error::{JsonPath, Problems};

/// One instrument's total on one date, with the safety flags and advisories of
/// the form it came from: the small record a course keeps and a
/// [`SymptomTrend`](crate::measure::SymptomTrend) reads.
///
/// Build it from a scored form ([`InstrumentScore::measurement`], which keeps
/// the flags) or from a total alone ([`Measurement::new`], when only the total
/// was recorded: then nothing is known about the items, and for the PHQ-9 and
/// the HAM-D-17 the record says so, with
/// [`ScoreAdvisory::SuicideItemNotSeen`]: no flag is not "no risk").
///
/// JSON: `{"instrument": "phq9", "date": "2026-03-02", "total": 12}`, plus
/// `"advisories"` and `"safety_flags"` when there are any. Reading one checks
/// that the total is within the instrument's range and that every flag and
/// advisory fits the instrument; for the ASRM, that the possible-mania flag is
/// there exactly when the total is at or above the cut-off (a flag that
/// follows from the total can be neither dropped nor added).
///
/// [`InstrumentScore::measurement`]: crate::measure::InstrumentScore::measurement
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{from_json, measure::Instrument, measure::Measurement};
///
/// let m: Measurement = from_json(r#"{"instrument": "gad7", "date": "2026-03-02", "total": 9}"#)?;
/// assert_eq!(m.instrument(), Instrument::Gad7);
/// assert_eq!(m.date(), NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// assert!(m.safety_flags().is_empty());
///
/// assert!(from_json::<Measurement>(r#"{"instrument": "gad7", "date": "2026-03-02", "total": 22}"#).is_err());
/// # Ok::<(), interpersonal::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "MeasurementRecord")
)]
pub struct Measurement {
    instrument: Instrument,
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    date: NaiveDate,
    total: u8,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    advisories: Vec<ScoreAdvisory>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    safety_flags: Vec<SafetyFlag>,
}

impl<'de> Deserialize<'de> for Measurement {
    /// Reads the measurement's record and checks it, each problem at its path.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::error::read_checked::<D, MeasurementRecord, Measurement>(deserializer)
    }
}

impl Measurement {
    /// A measurement from a total alone. For an instrument with a suicide-risk
    /// item (PHQ-9, HAM-D-17) it carries
    /// [`ScoreAdvisory::SuicideItemNotSeen`]: the item was not seen.
    ///
    /// Nothing is known about the items, so no suicide-risk flag can be
    /// raised; a flag that depends on the total alone is: an ASRM total at or
    /// above the cut-off carries its possible-mania flag.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SafetyFlagKind};
    /// let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let m = Measurement::new(Instrument::Asrm, date, 8)?;
    /// assert_eq!(m.safety_flags()[0].kind, SafetyFlagKind::PossibleMania);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::ScoreAdvisory};
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let phq9 = Measurement::new(Instrument::Phq9, date, 27)?;
    /// assert_eq!(phq9.total(), 27);
    /// assert_eq!(phq9.advisories(), [ScoreAdvisory::SuicideItemNotSeen]);
    /// assert!(Measurement::new(Instrument::Gad7, date, 9)?.advisories().is_empty());
    /// let err = Measurement::new(Instrument::Phq9, date, 28).unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.total");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns a problem at `$.total` when the total is above the instrument's
    /// maximum.
    pub fn new(instrument: Instrument, date: NaiveDate, total: u8) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        check_total(instrument, total, &mut problems);
        let advisories = if SafetySource::of(instrument).is_some() {
            vec![ScoreAdvisory::SuicideItemNotSeen]
        } else {
            Vec::new()
        };
        problems.into_result(Measurement {
            instrument,
            date,
            total,
            advisories,
            safety_flags: SafetyFlag::of_total(instrument, total)
                .into_iter()
                .collect(),
        })
    }

    /// A measurement from a scored form; the caller guarantees consistency.
    pub(crate) fn scored(
        instrument: Instrument,
        date: NaiveDate,
        total: u8,
        advisories: Vec<ScoreAdvisory>,
        safety_flags: Vec<SafetyFlag>,
    ) -> Self {
        Measurement {
            instrument,
            date,
            total,
            advisories,
            safety_flags,
        }
    }

    /// The instrument.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement};
    /// let m = Measurement::new(Instrument::Hamd17, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 18)?;
    /// assert_eq!(m.instrument(), Instrument::Hamd17);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn instrument(&self) -> Instrument {
        self.instrument
    }

    /// The date the form was completed or rated.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement};
    /// let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(Measurement::new(Instrument::Phq9, date, 3)?.date(), date);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The total, within the instrument's range.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement};
    /// let m = Measurement::new(Instrument::Gad7, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 21)?;
    /// assert_eq!(m.total(), 21);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn total(&self) -> u8 {
        self.total
    }

    /// The advisories of the scored form (pro-rated; suicide item unanswered).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement};
    /// let m = Measurement::new(Instrument::Gad7, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 2)?;
    /// assert!(m.advisories().is_empty());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn advisories(&self) -> &[ScoreAdvisory] {
        &self.advisories
    }

    /// The safety flags of the scored form; see [`SafetyFlag`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::Phq9Score;
    /// let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let m = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, 1])?.measurement(date);
    /// assert_eq!(m.safety_flags().len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn safety_flags(&self) -> &[SafetyFlag] {
        &self.safety_flags
    }

    /// The severity band of the total; `banding` is used for the HAM-D-17
    /// only.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Gad7Band, measure::HamdBanding, measure::Instrument, measure::Measurement, measure::SeverityBand};
    /// let m = Measurement::new(Instrument::Gad7, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 10)?;
    /// assert_eq!(m.severity(HamdBanding::default()), SeverityBand::Gad7 { band: Gad7Band::Moderate });
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn severity(&self, banding: HamdBanding) -> SeverityBand {
        // The total was checked against the instrument's maximum.
        self.instrument
            .severity(self.total, banding)
            .unwrap_or(SeverityBand::Hamd17 {
                banding,
                band: super::HamdBand::Severe,
            })
    }
}

fn check_total(instrument: Instrument, total: u8, problems: &mut Problems) {
    if total > instrument.max_total() {
        problems.at(
            JsonPath::root().field("total"),
            format!(
                "a {} total from 0 to {}; found {total}",
                instrument.label(),
                instrument.max_total()
            ),
        );
    }
}

/// A measurement as read from JSON, before it is checked.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct MeasurementRecord {
    instrument: Instrument,
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    date: NaiveDate,
    total: u8,
    #[serde(default)]
    advisories: Vec<ScoreAdvisory>,
    #[serde(default)]
    safety_flags: Vec<SafetyFlag>,
}

impl TryFrom<MeasurementRecord> for Measurement {
    type Error = Problems;

    fn try_from(r: MeasurementRecord) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        check_total(r.instrument, r.total, &mut problems);
        let safety_source = SafetySource::of(r.instrument);
        let total_source = SafetySource::total_of(r.instrument);
        for (i, flag) in r.safety_flags.iter().enumerate() {
            if Some(flag.source) != safety_source && Some(flag.source) != total_source {
                problems.at(
                    JsonPath::root().field("safety_flags").index(i),
                    format!(
                        "a flag from a {} item; found {}",
                        r.instrument.label(),
                        flag.source
                    ),
                );
            }
        }
        // The advisories seen so far, in a set: a scan of the earlier ones
        // for each would be quadratic in a long list.
        let mut earlier: HashSet<ScoreAdvisory> = HashSet::default();
        for (i, advisory) in r.advisories.iter().enumerate() {
            let path = JsonPath::root().field("advisories").index(i);
            if matches!(
                advisory,
                ScoreAdvisory::SuicideItemUnanswered | ScoreAdvisory::SuicideItemNotSeen
            ) {
                if safety_source.is_none() {
                    problems.at(
                        path,
                        format!(
                            "an advisory that fits {}, which has no suicide item",
                            r.instrument.label()
                        ),
                    );
                } else if !r.safety_flags.is_empty() {
                    problems.at(
                        path,
                        format!("no `{advisory}` beside a safety flag from that item"),
                    );
                }
            }
            if !earlier.insert(*advisory) {
                problems.at(
                    JsonPath::root().field("advisories").index(i),
                    format!("each advisory once; found `{advisory}` again"),
                );
            }
        }
        if r.safety_flags.len() > 1 {
            problems.at(
                JsonPath::root().field("safety_flags").index(1),
                "at most one flag per suicide-risk item",
            );
        }
        if total_source.is_some() {
            // The flag of a total follows from the total: it can be neither
            // dropped nor added.
            let expected = SafetyFlag::of_total(r.instrument, r.total);
            let found = r.safety_flags.iter().find(|f| f.source.is_total()).copied();
            if r.total <= r.instrument.max_total() && expected != found {
                problems.at(
                    JsonPath::root().field("safety_flags"),
                    match expected {
                        Some(flag) => format!("the flag the total gives, {flag}"),
                        None => format!(
                            "no flag: a {} total of {} is below the cut-off",
                            r.instrument.label(),
                            r.total
                        ),
                    },
                );
            }
        }
        problems.into_result(Measurement {
            instrument: r.instrument,
            date: r.date,
            total: r.total,
            advisories: r.advisories,
            safety_flags: r.safety_flags,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::from_json;

    #[test]
    fn flags_must_fit_the_instrument() {
        let err = from_json::<Measurement>(
            r#"{"instrument":"gad7","date":"2026-01-05","total":3,
                "safety_flags":[{"kind":"suicidal_ideation","source":"phq9_item9","score":1}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.path.as_str(), "$.safety_flags[0]", "{err}");
        let err = from_json::<Measurement>(
            r#"{"instrument":"gad7","date":"2026-01-05","total":3,
                "advisories":["suicide_item_unanswered"]}"#,
        )
        .unwrap_err();
        assert!(err.message.contains("no suicide item"), "{err}");
    }

    #[test]
    fn empty_lists_are_left_out_of_json() {
        let m = Measurement::new(
            Instrument::Gad7,
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            12,
        )
        .unwrap();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"instrument":"gad7","date":"2026-01-05","total":12}"#
        );
        assert_eq!(from_json::<Measurement>(&json).unwrap(), m);
        // A total-only PHQ-9 says its item 9 was not seen.
        let phq9 = Measurement::new(
            Instrument::Phq9,
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            12,
        )
        .unwrap();
        let json = serde_json::to_string(&phq9).unwrap();
        assert_eq!(
            json,
            r#"{"instrument":"phq9","date":"2026-01-05","total":12,"advisories":["suicide_item_not_seen"]}"#
        );
        assert_eq!(from_json::<Measurement>(&json).unwrap(), phq9);
    }
}
