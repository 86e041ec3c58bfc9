//! Why a list of measurements is not a symptom trend.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Instrument;
use crate::error::{JsonPath, Problems};

/// One reason a list of measurements cannot make a
/// [`SymptomTrend`](crate::measure::SymptomTrend). Indices are positions in the list as
/// given, and paths are relative to it (`$[2].date`).
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::measure::TrendProblem;
///
/// let p = TrendProblem::DuplicateDate {
///     index: 2,
///     first_index: 0,
///     date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
/// };
/// assert_eq!(p.path().as_str(), "$[2].date");
/// assert_eq!(
///     p.to_string(),
///     "$[2].date: expected one measurement per date; found 2026-03-02 again (first at $[0])",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TrendProblem {
    /// The list is empty: a trend needs a baseline.
    NoMeasurements,
    /// A measurement of another instrument than the first one: a trend follows
    /// one instrument.
    MixedInstrument {
        /// Where the measurement is in the list.
        index: usize,
        /// The instrument of the first measurement.
        expected: Instrument,
        /// The instrument found.
        found: Instrument,
    },
    /// A second measurement on the same date.
    DuplicateDate {
        /// Where the second measurement is in the list.
        index: usize,
        /// Where the first measurement of that date is.
        first_index: usize,
        /// The date.
        #[serde(with = "crate::date::day_json")]
        date: NaiveDate,
    },
}

impl fmt::Display for TrendProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: expected {}", self.path(), self.expected())
    }
}

impl std::error::Error for TrendProblem {}

impl TrendProblem {
    /// What was expected at [`TrendProblem::path`], and what was found.
    fn expected(&self) -> String {
        match self {
            TrendProblem::NoMeasurements => String::from("at least one measurement; found none"),
            TrendProblem::MixedInstrument {
                expected, found, ..
            } => format!("{expected} like $[0]; found {found}"),
            TrendProblem::DuplicateDate {
                first_index, date, ..
            } => {
                format!("one measurement per date; found {date} again (first at $[{first_index}])")
            }
        }
    }

    /// The JSON path of the offending value, relative to the list.
    ///
    /// ```
    /// use interpersonal::measure::TrendProblem;
    /// assert_eq!(TrendProblem::NoMeasurements.path().as_str(), "$");
    /// ```
    pub fn path(&self) -> JsonPath {
        match self {
            TrendProblem::NoMeasurements => JsonPath::root(),
            TrendProblem::MixedInstrument { index, .. } => {
                JsonPath::root().index(*index).field("instrument")
            }
            TrendProblem::DuplicateDate { index, .. } => {
                JsonPath::root().index(*index).field("date")
            }
        }
    }
}

/// Every reason a list of measurements cannot make a
/// [`SymptomTrend`](crate::measure::SymptomTrend), in list order. Never empty.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{measure::Instrument, measure::Measurement, measure::SymptomTrend, measure::TrendProblem};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let err = SymptomTrend::new(vec![
///     Measurement::new(Instrument::Phq9, day(2), 18)?,
///     Measurement::new(Instrument::Gad7, day(9), 12)?,
///     Measurement::new(Instrument::Phq9, day(2), 15)?,
/// ])
/// .unwrap_err();
/// assert_eq!(err.problems().len(), 2);
/// assert!(matches!(err.problems()[0], TrendProblem::MixedInstrument { index: 1, .. }));
/// assert!(matches!(err.problems()[1], TrendProblem::DuplicateDate { index: 2, first_index: 0, .. }));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrendError {
    /// The problems, in list order.
    pub problems: Vec<TrendProblem>,
}

impl TrendError {
    /// The problems, in list order.
    ///
    /// ```
    /// use interpersonal::{measure::SymptomTrend, measure::TrendProblem};
    /// let err = SymptomTrend::new(Vec::new()).unwrap_err();
    /// assert_eq!(err.problems(), &[TrendProblem::NoMeasurements]);
    /// ```
    pub fn problems(&self) -> &[TrendProblem] {
        &self.problems
    }

    /// The problems as the crate's general [`Problems`], each at its path.
    ///
    /// ```
    /// use interpersonal::measure::SymptomTrend;
    /// let problems = SymptomTrend::new(Vec::new()).unwrap_err().to_problems();
    /// assert_eq!(problems.as_slice()[0].path.as_str(), "$");
    /// ```
    pub fn to_problems(&self) -> Problems {
        let mut problems = Problems::default();
        for p in &self.problems {
            problems.at(p.path(), p.expected());
        }
        problems
    }
}

impl fmt::Display for TrendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "not a symptom trend, {n} problem{}: ",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TrendError {}
