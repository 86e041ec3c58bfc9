//! The course of one instrument's dated totals over a treatment: change from
//! baseline, response, remission, reliable improvement and recovery
//! (CLINICAL-BASIS.md §8.4).

use crate::macros::vocabulary_enum;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{HamdBanding, Instrument, Measurement, SeverityBand, TrendError, TrendProblem};

/// Response: a reduction of at least 50% from baseline on the primary scale
/// (CLINICAL-BASIS.md §8.4 [K: the standard trial and measurement-based-care
/// definition; `frank-1991-consensus-definitions` for the family of definitions]).
///
/// ```
/// assert_eq!(interpersonal::measure::RESPONSE_REDUCTION_PERCENT, 50);
/// ```
pub const RESPONSE_REDUCTION_PERCENT: u8 = 50;

vocabulary_enum! {
    /// Whether an outcome definition is met, and whether it applies at all.
    ///
    /// ```
    /// use interpersonal::measure::MeasureOutcome;
    /// assert_eq!(MeasureOutcome::from(true), MeasureOutcome::Met);
    /// assert!(MeasureOutcome::Met.is_met());
    /// assert!(!MeasureOutcome::NotApplicable.is_met());
    /// assert_eq!(MeasureOutcome::NotApplicable.to_string(), "not_applicable");
    /// ```
    pub enum MeasureOutcome {
        /// The definition is met.
        Met,
        /// The definition applies and is not met.
        NotMet,
        /// The definition does not apply: the instrument has none, the baseline
        /// does not allow it (a baseline of 0, a baseline below caseness), or
        /// there is no measurement after the baseline.
        NotApplicable,
    }
}

impl MeasureOutcome {
    /// Whether the outcome is [`MeasureOutcome::Met`].
    ///
    /// ```
    /// assert!(!interpersonal::measure::MeasureOutcome::NotMet.is_met());
    /// ```
    pub const fn is_met(self) -> bool {
        matches!(self, MeasureOutcome::Met)
    }
}

impl From<bool> for MeasureOutcome {
    fn from(met: bool) -> Self {
        if met {
            MeasureOutcome::Met
        } else {
            MeasureOutcome::NotMet
        }
    }
}

/// The dated measurements of one instrument over a course of treatment, in date
/// order, one per date. The first is the baseline, the last the latest.
///
/// The outcome definitions (CLINICAL-BASIS.md §8.4) compare the latest measurement
/// with the baseline. Each is [`MeasureOutcome::NotApplicable`] while there is
/// only the baseline.
///
/// JSON: the list of [`Measurement`]s, in any order; it is sorted by date when
/// read, and checked as by [`SymptomTrend::new`].
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let trend = SymptomTrend::new(vec![
///     Measurement::new(Instrument::Phq9, day(1, 5), 20)?,
///     Measurement::new(Instrument::Phq9, day(2, 2), 14)?,
///     Measurement::new(Instrument::Phq9, day(3, 2), 9)?,
/// ])?;
/// assert_eq!(trend.change_from_baseline(), -11);
/// assert_eq!(trend.percent_change(), Some(-55.0));
/// assert_eq!(trend.response(), MeasureOutcome::Met);
/// assert_eq!(trend.reliable_improvement(), MeasureOutcome::Met);
/// assert_eq!(trend.remission(), MeasureOutcome::NotMet);
/// assert_eq!(trend.recovery(), MeasureOutcome::Met);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<Measurement>", into = "Vec<Measurement>")]
pub struct SymptomTrend {
    baseline: Measurement,
    /// The measurements after the baseline, in date order.
    later: Vec<Measurement>,
}

impl SymptomTrend {
    /// A trend from measurements in any order; they are sorted by date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Gad7, day(30), 6)?,
    ///     Measurement::new(Instrument::Gad7, day(2), 12)?,
    /// ])?;
    /// assert_eq!(trend.baseline().total(), 12);
    /// assert_eq!(trend.latest().total(), 6);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns every problem at once: no measurement at all
    /// ([`TrendProblem::NoMeasurements`]); a measurement of another instrument
    /// than the first ([`TrendProblem::MixedInstrument`]); two measurements on
    /// one date ([`TrendProblem::DuplicateDate`]).
    pub fn new(measurements: Vec<Measurement>) -> Result<Self, TrendError> {
        let mut problems = Vec::new();
        let Some(instrument) = measurements.first().map(Measurement::instrument) else {
            return Err(TrendError {
                problems: vec![TrendProblem::NoMeasurements],
            });
        };
        let mut first_on: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for (index, m) in measurements.iter().enumerate() {
            if m.instrument() != instrument {
                problems.push(TrendProblem::MixedInstrument {
                    index,
                    expected: instrument,
                    found: m.instrument(),
                });
            }
            if let Some(first_index) = first_on.get(&m.date()) {
                problems.push(TrendProblem::DuplicateDate {
                    index,
                    first_index: *first_index,
                    date: m.date(),
                });
            } else {
                first_on.insert(m.date(), index);
            }
        }
        if !problems.is_empty() {
            return Err(TrendError { problems });
        }
        let mut sorted = measurements;
        sorted.sort_by_key(Measurement::date);
        let mut iter = sorted.into_iter();
        match iter.next() {
            Some(baseline) => Ok(SymptomTrend {
                baseline,
                later: iter.collect(),
            }),
            None => Err(TrendError {
                problems: vec![TrendProblem::NoMeasurements],
            }),
        }
    }

    /// Adds a measurement, keeping date order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let mut trend = SymptomTrend::new(vec![Measurement::new(Instrument::Phq9, day(2), 16)?])?;
    /// trend.push(Measurement::new(Instrument::Phq9, day(30), 8)?)?;
    /// assert_eq!(trend.len(), 2);
    /// assert!(trend.push(Measurement::new(Instrument::Phq9, day(30), 7)?).is_err());
    /// assert!(trend.push(Measurement::new(Instrument::Gad7, day(31), 7)?).is_err());
    /// assert_eq!(trend.len(), 2);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`SymptomTrend::new`], with the new measurement at the index after
    /// the last one; the trend is then unchanged.
    pub fn push(&mut self, measurement: Measurement) -> Result<(), TrendError> {
        // The same problems `new` finds for the measurements so far plus this
        // one, found without copying and sorting them again: pushing n
        // measurements one at a time stays near linear.
        let index = self.len();
        let expected = self.baseline.instrument();
        let date = measurement.date();
        let at = self.later.partition_point(|m| m.date() < date);
        let mut problems = Vec::new();
        if measurement.instrument() != expected {
            problems.push(TrendProblem::MixedInstrument {
                index,
                expected,
                found: measurement.instrument(),
            });
        }
        let first_index = if self.baseline.date() == date {
            Some(0)
        } else if self.later.get(at).is_some_and(|m| m.date() == date) {
            Some(at + 1)
        } else {
            None
        };
        if let Some(first_index) = first_index {
            problems.push(TrendProblem::DuplicateDate {
                index,
                first_index,
                date,
            });
        }
        if !problems.is_empty() {
            return Err(TrendError { problems });
        }
        if date < self.baseline.date() {
            let old = std::mem::replace(&mut self.baseline, measurement);
            self.later.insert(0, old);
        } else {
            self.later.insert(at, measurement);
        }
        Ok(())
    }

    /// The instrument.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let m = Measurement::new(Instrument::Hamd17, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 20)?;
    /// assert_eq!(SymptomTrend::new(vec![m])?.instrument(), Instrument::Hamd17);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn instrument(&self) -> Instrument {
        self.baseline.instrument()
    }

    /// The measurements in date order, the baseline first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let m = Measurement::new(Instrument::Phq9, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 20)?;
    /// assert_eq!(SymptomTrend::new(vec![m])?.measurements().count(), 1);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn measurements(&self) -> impl DoubleEndedIterator<Item = &Measurement> + '_ {
        std::iter::once(&self.baseline).chain(self.later.iter())
    }

    /// How many measurements there are (at least one).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let m = Measurement::new(Instrument::Phq9, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 20)?;
    /// assert_eq!(SymptomTrend::new(vec![m])?.len(), 1);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)] // never empty
    pub fn len(&self) -> usize {
        1 + self.later.len()
    }

    /// The baseline: the first measurement by date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let m = Measurement::new(Instrument::Phq9, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 20)?;
    /// assert_eq!(SymptomTrend::new(vec![m])?.baseline().total(), 20);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn baseline(&self) -> &Measurement {
        &self.baseline
    }

    /// The latest measurement by date (the baseline while it is the only one).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let m = Measurement::new(Instrument::Phq9, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 20)?;
    /// let trend = SymptomTrend::new(vec![m])?;
    /// assert_eq!(trend.latest(), trend.baseline());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn latest(&self) -> &Measurement {
        self.later.last().unwrap_or(&self.baseline)
    }

    fn baseline_total(&self) -> i16 {
        i16::from(self.baseline.total())
    }

    fn latest_total(&self) -> i16 {
        i16::from(self.latest().total())
    }

    /// The latest total less the baseline total: negative when symptoms have
    /// fallen.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Gad7, day(2), 8)?,
    ///     Measurement::new(Instrument::Gad7, day(30), 11)?,
    /// ])?;
    /// assert_eq!(trend.change_from_baseline(), 3);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn change_from_baseline(&self) -> i16 {
        self.latest_total() - self.baseline_total()
    }

    /// The change from baseline as a percentage of the baseline (negative when
    /// symptoms have fallen), or `None` when the baseline is 0: no percentage
    /// of nothing, and no division by zero.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Phq9, day(2), 0)?,
    ///     Measurement::new(Instrument::Phq9, day(30), 3)?,
    /// ])?;
    /// assert_eq!(trend.percent_change(), None);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn percent_change(&self) -> Option<f64> {
        let baseline = self.baseline_total();
        (baseline != 0)
            .then(|| f64::from(self.change_from_baseline()) * 100.0 / f64::from(baseline))
    }

    /// Response: the latest total at least 50% below the baseline
    /// ([`RESPONSE_REDUCTION_PERCENT`]; CLINICAL-BASIS.md §8.4 \[K\], which states it
    /// for the primary depression scale, PHQ-9 or HAM-D; applying the same rule
    /// to the GAD-7 is \[I\]).
    ///
    /// [`MeasureOutcome::NotApplicable`] when the baseline is not at caseness
    /// (see [`SymptomTrend::baseline_at_caseness`]): response and remission
    /// describe the course of a depression that was there to begin with, so a
    /// baseline below caseness cannot show them; and while there is no
    /// measurement after the baseline.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = |after| SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Hamd17, day(2), 20).unwrap(),
    ///     Measurement::new(Instrument::Hamd17, day(30), after).unwrap(),
    /// ]).unwrap();
    /// assert_eq!(trend(10).response(), MeasureOutcome::Met); // exactly 50%
    /// assert_eq!(trend(11).response(), MeasureOutcome::NotMet);
    /// ```
    pub fn response(&self) -> MeasureOutcome {
        let baseline = self.baseline_total();
        if self.later.is_empty() || baseline == 0 || !self.baseline_at_caseness() {
            return MeasureOutcome::NotApplicable;
        }
        let drop = i32::from(baseline - self.latest_total());
        MeasureOutcome::from(
            drop * 100 >= i32::from(RESPONSE_REDUCTION_PERCENT) * i32::from(baseline),
        )
    }

    /// Remission at the latest measurement: PHQ-9 below 5 \[K\], HAM-D-17 7 or
    /// less \[K\]; not defined for the GAD-7 (see [`Instrument::remission`]).
    /// [`MeasureOutcome::NotApplicable`] while there is only the baseline, and
    /// when the baseline is not at caseness
    /// ([`SymptomTrend::baseline_at_caseness`]): a person who was never a case
    /// does not remit.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Phq9, day(2), 20)?,
    ///     Measurement::new(Instrument::Phq9, day(30), 4)?,
    /// ])?;
    /// assert_eq!(trend.remission(), MeasureOutcome::Met);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn remission(&self) -> MeasureOutcome {
        if self.later.is_empty() || !self.baseline_at_caseness() {
            return MeasureOutcome::NotApplicable;
        }
        self.instrument().remission(self.latest().total())
    }

    /// Whether the baseline is at caseness, so that response and remission
    /// can be judged from it: PHQ-9 10 or more and GAD-7 8 or more (the NHS
    /// Talking Therapies cut-offs, [`Instrument::caseness`]
    /// [K: `gyani-2013-iapt-recovery`]); on the HAM-D-17, which has no such
    /// cut-off, a baseline above the remission cut (8 or more), since a
    /// baseline already in remission cannot respond or remit \[I\].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let mild = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Phq9, day(2), 8)?,
    ///     Measurement::new(Instrument::Phq9, day(30), 2)?,
    /// ])?;
    /// assert!(!mild.baseline_at_caseness());
    /// assert_eq!(mild.response(), MeasureOutcome::NotApplicable);
    /// assert_eq!(mild.remission(), MeasureOutcome::NotApplicable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn baseline_at_caseness(&self) -> bool {
        let instrument = self.instrument();
        let baseline = self.baseline.total();
        match instrument.caseness() {
            Some(cut_off) => baseline >= cut_off,
            None => instrument.remission(baseline) == MeasureOutcome::NotMet,
        }
    }

    /// Reliable improvement: a drop from baseline of at least 6 on the PHQ-9 or
    /// 4 on the GAD-7 (CLINICAL-BASIS.md §8.4 [K: `gyani-2013-iapt-recovery`]; see
    /// [`Instrument::reliable_change`]). Not defined for the HAM-D-17.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Phq9, day(2), 12)?,
    ///     Measurement::new(Instrument::Phq9, day(30), 7)?,
    /// ])?;
    /// assert_eq!(trend.reliable_improvement(), MeasureOutcome::NotMet); // a drop of 5
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn reliable_improvement(&self) -> MeasureOutcome {
        match self.instrument().reliable_change() {
            Some(threshold) if !self.later.is_empty() => {
                MeasureOutcome::from(-self.change_from_baseline() >= i16::from(threshold))
            }
            _ => MeasureOutcome::NotApplicable,
        }
    }

    /// Recovery on this instrument, as NHS Talking Therapies (IAPT) defines it:
    /// a baseline at caseness (PHQ-9 10 or more, GAD-7 8 or more) and a latest
    /// total below it (CLINICAL-BASIS.md §8.4
    /// [K: `gyani-2013-iapt-recovery`]).
    ///
    /// [`MeasureOutcome::NotApplicable`] when the baseline is below caseness
    /// (there is nothing to recover from), for the HAM-D-17 (no IAPT
    /// caseness), or while there is only the baseline. IAPT's own recovery
    /// asks this of the PHQ-9 and the GAD-7 together ("below both
    /// cut-offs"): combine the two trends' results for that.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Phq9, day(2), 12)?,
    ///     Measurement::new(Instrument::Phq9, day(30), 7)?,
    /// ])?;
    /// assert_eq!(trend.recovery(), MeasureOutcome::Met);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn recovery(&self) -> MeasureOutcome {
        match self.instrument().caseness() {
            Some(cut_off) if !self.later.is_empty() && self.baseline.total() >= cut_off => {
                MeasureOutcome::from(self.latest().total() < cut_off)
            }
            _ => MeasureOutcome::NotApplicable,
        }
    }

    /// The dates of the measurements that carry a safety flag, in date order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phq9Score, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 2, 2, 1])?.measurement(day(2)),
    ///     Phq9Score::from_scores([1, 1, 1, 1, 1, 1, 1, 1, 0])?.measurement(day(30)),
    /// ])?;
    /// assert_eq!(trend.safety_flag_dates(), vec![day(2)]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn safety_flag_dates(&self) -> Vec<NaiveDate> {
        self.measurements()
            .filter(|m| !m.safety_flags().is_empty())
            .map(Measurement::date)
            .collect()
    }

    /// A summary a report can print, with the default HAM-D-17 banding
    /// ([`HamdBanding::Zimmerman2013`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::Instrument, measure::MeasureOutcome, measure::Measurement, measure::SymptomTrend};
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let trend = SymptomTrend::new(vec![
    ///     Measurement::new(Instrument::Phq9, day(2), 20)?,
    ///     Measurement::new(Instrument::Phq9, day(30), 4)?,
    /// ])?;
    /// let summary = trend.summary();
    /// assert_eq!(summary.percent_change, Some(-80.0));
    /// assert_eq!(summary.remission, MeasureOutcome::Met);
    /// assert_eq!(summary.latest_severity.band_name(), "minimal");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn summary(&self) -> TrendSummary {
        self.summary_with(HamdBanding::default())
    }

    /// A summary a report can print, banding a HAM-D-17 total by `banding`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{measure::HamdBanding, measure::Instrument, measure::Measurement, measure::SymptomTrend};
    /// let m = Measurement::new(Instrument::Hamd17, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 23)?;
    /// let summary = SymptomTrend::new(vec![m])?.summary_with(HamdBanding::Classic);
    /// assert_eq!(summary.latest_severity.band_name(), "very_severe");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn summary_with(&self, banding: HamdBanding) -> TrendSummary {
        TrendSummary {
            instrument: self.instrument(),
            measurement_count: self.len(),
            baseline: self.baseline.clone(),
            latest: self.latest().clone(),
            latest_severity: self.latest().severity(banding),
            change_from_baseline: self.change_from_baseline(),
            percent_change: self.percent_change().map(|p| (p * 10.0).round() / 10.0),
            response: self.response(),
            remission: self.remission(),
            reliable_improvement: self.reliable_improvement(),
            recovery: self.recovery(),
            safety_flag_dates: self.safety_flag_dates(),
        }
    }
}

impl TryFrom<Vec<Measurement>> for SymptomTrend {
    type Error = TrendError;

    fn try_from(measurements: Vec<Measurement>) -> Result<Self, TrendError> {
        SymptomTrend::new(measurements)
    }
}

impl From<SymptomTrend> for Vec<Measurement> {
    fn from(trend: SymptomTrend) -> Self {
        let mut all = Vec::with_capacity(trend.len());
        all.push(trend.baseline);
        all.extend(trend.later);
        all
    }
}

/// What a report prints about a [`SymptomTrend`]: baseline and latest, the
/// change, the outcome definitions of CLINICAL-BASIS.md §8.4, and the dates that
/// carry a safety flag (never left out: DESIGN.md decision 8).
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{measure::MeasureOutcome, Phq9Score, measure::SymptomTrend};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let trend = SymptomTrend::new(vec![
///     Phq9Score::from_scores([3, 3, 2, 2, 2, 2, 2, 2, 2])?.measurement(day(2)),
///     Phq9Score::from_scores([1, 1, 1, 1, 1, 1, 1, 1, 1])?.measurement(day(30)),
/// ])?;
/// let s = trend.summary();
/// assert_eq!((s.baseline.total(), s.latest.total()), (20, 9));
/// assert_eq!(s.change_from_baseline, -11);
/// assert_eq!(s.response, MeasureOutcome::Met);
/// assert_eq!(s.safety_flag_dates, vec![day(2), day(30)]);
/// assert_eq!(s.latest.safety_flags().len(), 1);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrendSummary {
    /// The instrument.
    pub instrument: Instrument,
    /// How many measurements the trend holds.
    pub measurement_count: usize,
    /// The baseline measurement.
    pub baseline: Measurement,
    /// The latest measurement, with its safety flags and advisories.
    pub latest: Measurement,
    /// The severity band of the latest total.
    pub latest_severity: SeverityBand,
    /// The latest total less the baseline total.
    pub change_from_baseline: i16,
    /// The change as a percentage of the baseline, to one decimal; `None` for
    /// a baseline of 0.
    pub percent_change: Option<f64>,
    /// See [`SymptomTrend::response`].
    pub response: MeasureOutcome,
    /// See [`SymptomTrend::remission`].
    pub remission: MeasureOutcome,
    /// See [`SymptomTrend::reliable_improvement`].
    pub reliable_improvement: MeasureOutcome,
    /// See [`SymptomTrend::recovery`].
    pub recovery: MeasureOutcome,
    /// The dates of every measurement carrying a safety flag.
    #[serde(default, with = "crate::date::day_json::vec")]
    pub safety_flag_dates: Vec<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Instrument;
    use proptest::prelude::*;

    fn measurement(phq9: bool, day: u64, total: u8) -> Measurement {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(day)))
            .unwrap_or(NaiveDate::MIN);
        let (instrument, total) = if phq9 {
            (Instrument::Phq9, total % 28)
        } else {
            (Instrument::Gad7, total % 22)
        };
        Measurement::new(instrument, date, total).unwrap()
    }

    proptest! {
        /// Pushing a measurement gives what `new` gives for the measurements
        /// so far and that one: the same trend, or the same problems.
        #[test]
        fn push_agrees_with_new(
            first in (0u64..40, any::<u8>()),
            rest in proptest::collection::vec((any::<bool>(), 0u64..40, any::<u8>()), 0..24),
        ) {
            let mut trend = SymptomTrend::new(vec![measurement(true, first.0, first.1)]).unwrap();
            for (phq9, day, total) in rest {
                let m = measurement(phq9 || day % 7 != 0, day, total);
                let mut all: Vec<Measurement> = trend.measurements().cloned().collect();
                all.push(m.clone());
                let rebuilt = SymptomTrend::new(all);
                let pushed = trend.clone().push(m.clone());
                match (&rebuilt, pushed) {
                    (Ok(r), Ok(())) => {
                        trend.push(m).unwrap();
                        prop_assert_eq!(&trend, r);
                    }
                    (Err(r), Err(p)) => prop_assert_eq!(r, &p),
                    (r, p) => prop_assert!(false, "new gave {:?}, push gave {:?}", r, p),
                }
            }
        }
    }
}
