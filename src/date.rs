//! Dates a clinician may know only to the month: [`PartialDate`] and the
//! [`EpisodeOnset`] of the current depressive episode.

use std::fmt;
use std::str::FromStr;

use chrono::Datelike;

/// A calendar day, re-exported from `chrono` so a program can name the dates the
/// crate takes and gives without depending on `chrono` itself.
///
/// ```
/// use interpersonal::date::NaiveDate;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// assert_eq!(day.to_string(), "2026-03-02");
/// ```
pub use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// A date known to the day (`2026-03-14`) or only to the month (`2026-03`).
///
/// Patients often remember "it started in March" but not the day. A month-precision
/// date stands for every day of that month: [`PartialDate::earliest`] and
/// [`PartialDate::latest`] give the range, and comparisons that cannot be decided
/// inside the range say so instead of guessing.
///
/// JSON: the ISO-8601 text, `"2026-03-14"` or `"2026-03"`.
///
/// ```
/// use interpersonal::date::PartialDate;
/// use chrono::NaiveDate;
///
/// let march: PartialDate = "2026-03".parse()?;
/// assert_eq!(march.earliest(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
/// assert_eq!(march.latest(), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
/// assert_eq!(march.to_string(), "2026-03");
///
/// let day: PartialDate = "2026-03-14".parse()?;
/// assert_eq!(day.earliest(), day.latest());
/// # Ok::<(), interpersonal::date::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub enum PartialDate {
    /// Known to the day.
    Day(NaiveDate),
    /// Known to the month: the first day of that month is stored.
    Month(NaiveDate),
}

/// Text that is not a date in the form `YYYY-MM-DD` or `YYYY-MM`, or that names a
/// day or month that does not exist.
///
/// ```
/// use interpersonal::date::PartialDate;
/// let err = "2026-02-30".parse::<PartialDate>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid date: expected YYYY-MM-DD or YYYY-MM");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date: expected YYYY-MM-DD or YYYY-MM")]
#[non_exhaustive]
pub struct DateError;

impl PartialDate {
    /// A date known to the day.
    ///
    /// ```
    /// use interpersonal::date::PartialDate;
    /// use chrono::NaiveDate;
    /// let d = PartialDate::day(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    /// assert_eq!(d.to_string(), "2026-01-05");
    /// ```
    pub fn day(date: NaiveDate) -> Self {
        PartialDate::Day(date)
    }

    /// A date known to the month.
    ///
    /// ```
    /// use interpersonal::date::PartialDate;
    /// assert_eq!(PartialDate::month(2026, 2)?.to_string(), "2026-02");
    /// assert!(PartialDate::month(2026, 13).is_err());
    /// # Ok::<(), interpersonal::date::DateError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`DateError`] when the month is not 1 to 12 or the year is out of
    /// chrono's range.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(PartialDate::Month)
            .ok_or(DateError)
    }

    /// The first day the date can stand for.
    ///
    /// ```
    /// use interpersonal::date::PartialDate;
    /// let d: PartialDate = "2024-02".parse()?;
    /// assert_eq!(d.earliest().to_string(), "2024-02-01");
    /// # Ok::<(), interpersonal::date::DateError>(())
    /// ```
    pub fn earliest(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) | PartialDate::Month(d) => d,
        }
    }

    /// The last day the date can stand for.
    ///
    /// ```
    /// use interpersonal::date::PartialDate;
    /// let d: PartialDate = "2024-02".parse()?;
    /// assert_eq!(d.latest().to_string(), "2024-02-29");
    /// # Ok::<(), interpersonal::date::DateError>(())
    /// ```
    pub fn latest(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month(first) => last_of_month(first),
        }
    }

    /// Whether the date is known only to the month.
    ///
    /// ```
    /// use interpersonal::date::PartialDate;
    /// assert!("2026-03".parse::<PartialDate>()?.is_month_only());
    /// # Ok::<(), interpersonal::date::DateError>(())
    /// ```
    pub fn is_month_only(self) -> bool {
        matches!(self, PartialDate::Month(_))
    }
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    // The day before the first of the next month; both exist for every month
    // chrono can represent except the very last, where `first` is returned.
    let (y, m) = if first.month() == 12 {
        (first.year().saturating_add(1), 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|next| next.pred_opt())
        .unwrap_or(first)
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let bytes = s.as_bytes();
        match s.len() {
            10 => parse_day(s).map(PartialDate::Day).ok_or(DateError),
            7 if digits(bytes, 0..4) && digits(bytes, 5..7) && bytes.get(4) == Some(&b'-') => {
                let year: i32 = s.get(0..4).and_then(|y| y.parse().ok()).ok_or(DateError)?;
                let month: u32 = s.get(5..7).and_then(|m| m.parse().ok()).ok_or(DateError)?;
                PartialDate::month(year, month)
            }
            _ => Err(DateError),
        }
    }
}

/// Whether the bytes at `range` are all ASCII digits.
fn digits(bytes: &[u8], range: std::ops::Range<usize>) -> bool {
    bytes
        .get(range)
        .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
}

/// A day written `YYYY-MM-DD` exactly: a four-digit year, a zero-padded month
/// and day, no sign, no spaces, a day that exists. Every date field of every
/// document is read by this one function, as the schemas' `date` pattern says.
pub(crate) fn parse_day(s: &str) -> Option<NaiveDate> {
    let bytes = s.as_bytes();
    if bytes.len() != 10
        || !digits(bytes, 0..4)
        || !digits(bytes, 5..7)
        || !digits(bytes, 8..10)
        || bytes.get(4) != Some(&b'-')
        || bytes.get(7) != Some(&b'-')
    {
        return None;
    }
    let year: i32 = s.get(0..4)?.parse().ok()?;
    let month: u32 = s.get(5..7)?.parse().ok()?;
    let day: u32 = s.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The message of a day that could not be read, in the words of
/// [`DateError`]; the text read is not quoted.
pub(crate) const DAY_EXPECTED: &str = "invalid date: expected YYYY-MM-DD";

/// The JSON form of every day-precision date field (`assessed_on`,
/// `starts_on`, `agreement.on`, session dates, …), used with
/// `#[serde(with = "crate::date::day_json")]`: read by [`parse_day`], so each
/// such field has the rules and the message of [`PartialDate`]'s days, and
/// written `YYYY-MM-DD`. A date whose year has not four digits (before 0000
/// or after 9999) cannot be written, as it could not be read back.
pub(crate) mod day_json {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserializer, Serializer, ser};

    use super::{DAY_EXPECTED, parse_day};

    /// Writes the day as `YYYY-MM-DD`.
    pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if !(0..=9999).contains(&date.year()) {
            return Err(ser::Error::custom(
                "a date with a four-digit year, 0000 to 9999",
            ));
        }
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    /// Reads a day written `YYYY-MM-DD`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        crate::text::read_str(d, |text| parse_day(text).ok_or(DAY_EXPECTED))
    }

    /// The same for an optional day.
    pub(crate) mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        /// Writes the day, or `null`.
        pub(crate) fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, s),
                None => s.serialize_none(),
            }
        }

        /// Reads a day, or `null`.
        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            #[derive(Deserialize)]
            #[serde(transparent)]
            struct Day(#[serde(with = "super")] NaiveDate);
            Ok(Option::<Day>::deserialize(d)?.map(|Day(date)| date))
        }
    }

    /// The same for a list of days.
    pub(crate) mod vec {
        use chrono::NaiveDate;
        use serde::ser::SerializeSeq;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        struct Day<'a>(&'a NaiveDate);

        impl Serialize for Day<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::serialize(self.0, s)
            }
        }

        /// Writes the days as a list.
        pub(crate) fn serialize<S: Serializer>(
            dates: &[NaiveDate],
            s: S,
        ) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(dates.len()))?;
            for date in dates {
                seq.serialize_element(&Day(date))?;
            }
            seq.end()
        }

        /// Reads a list of days.
        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Vec<NaiveDate>, D::Error> {
            #[derive(Deserialize)]
            #[serde(transparent)]
            struct Owned(#[serde(with = "super")] NaiveDate);
            Ok(Vec::<Owned>::deserialize(d)?
                .into_iter()
                .map(|Owned(date)| date)
                .collect())
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PartialDate::Month(d) => write!(f, "{}", d.format("%Y-%m")),
        }
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(value: String) -> Result<Self, DateError> {
        value.parse()
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    /// Reads `"YYYY-MM-DD"` or `"YYYY-MM"` from the borrowed text, with no
    /// allocation.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::read_str(deserializer, str::parse)
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> String {
        d.to_string()
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::Day(d)
    }
}

/// When the current depressive episode began, as far as it is known.
///
/// IPT links the onset of the current episode to an interpersonal problem area
/// (CLINICAL-BASIS.md §2.5 rule 1 [S: `markowitz-2016-ptsd` appendix;
/// `markowitz-weissman-2004-world-psychiatry`]), so the onset
/// anchors every time window the rule engine uses. When it is unknown, rules that
/// need it do not fire, and the assessment says so (DESIGN.md decision 5).
///
/// JSON: `"2026-03-14"`, `"2026-03"` or `"unknown"`.
///
/// ```
/// use interpersonal::{date::EpisodeOnset, date::PartialDate};
///
/// let onset: EpisodeOnset = serde_json::from_str(r#""2026-03""#).unwrap();
/// assert_eq!(onset.date(), Some("2026-03".parse::<PartialDate>().unwrap()));
///
/// let unknown: EpisodeOnset = serde_json::from_str(r#""unknown""#).unwrap();
/// assert_eq!(unknown, EpisodeOnset::Unknown);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub enum EpisodeOnset {
    /// Known to the day or the month.
    Known(PartialDate),
    /// Not known.
    #[default]
    Unknown,
}

impl EpisodeOnset {
    /// The onset date, when known.
    ///
    /// ```
    /// use interpersonal::date::EpisodeOnset;
    /// assert_eq!(EpisodeOnset::Unknown.date(), None);
    /// ```
    pub fn date(self) -> Option<PartialDate> {
        match self {
            EpisodeOnset::Known(d) => Some(d),
            EpisodeOnset::Unknown => None,
        }
    }
}

impl From<PartialDate> for EpisodeOnset {
    fn from(d: PartialDate) -> Self {
        EpisodeOnset::Known(d)
    }
}

impl TryFrom<String> for EpisodeOnset {
    type Error = DateError;
    fn try_from(value: String) -> Result<Self, DateError> {
        value.parse()
    }
}

impl FromStr for EpisodeOnset {
    type Err = DateError;

    /// `"unknown"`, or a date as [`PartialDate`] reads it.
    ///
    /// ```
    /// use interpersonal::date::EpisodeOnset;
    /// assert_eq!("unknown".parse(), Ok(EpisodeOnset::Unknown));
    /// assert!("2026-03".parse::<EpisodeOnset>()?.date().is_some());
    /// # Ok::<(), interpersonal::date::DateError>(())
    /// ```
    fn from_str(value: &str) -> Result<Self, DateError> {
        if value == "unknown" {
            Ok(EpisodeOnset::Unknown)
        } else {
            value.parse().map(EpisodeOnset::Known)
        }
    }
}

impl<'de> Deserialize<'de> for EpisodeOnset {
    /// Reads `"unknown"` or a date from the borrowed text, with no
    /// allocation.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::read_str(deserializer, str::parse)
    }
}

impl From<EpisodeOnset> for String {
    fn from(o: EpisodeOnset) -> String {
        match o {
            EpisodeOnset::Known(d) => d.to_string(),
            EpisodeOnset::Unknown => String::from("unknown"),
        }
    }
}

impl fmt::Display for EpisodeOnset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EpisodeOnset::Known(d) => d.fmt(f),
            EpisodeOnset::Unknown => f.write_str("unknown"),
        }
    }
}

/// What the builders accept where a full calendar day goes: a [`NaiveDate`], or
/// text in the form `YYYY-MM-DD`, read by the same rules as every date in the
/// crate's JSON. A builder that is given text it cannot read reports it when it
/// builds, at the field's JSON path, with every other problem.
///
/// ```
/// use interpersonal::date::{DayInput, NaiveDate};
///
/// assert_eq!("2026-03-02".into_day()?, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// assert!("2026-03".into_day().is_err()); // a month is not a day
/// assert!("2026-3-02".into_day().is_err());
/// # Ok::<(), interpersonal::Error>(())
/// ```
pub trait DayInput: day_sealed::Sealed {
    /// The day.
    ///
    /// # Errors
    ///
    /// Returns [`DateError`] when the text is not a day in the form
    /// `YYYY-MM-DD`.
    ///
    /// ```
    /// use interpersonal::date::{DayInput, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(day.into_day()?, day);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    fn into_day(self) -> Result<NaiveDate, DateError>;
}

mod day_sealed {
    pub trait Sealed {}
    impl Sealed for super::NaiveDate {}
    impl Sealed for &str {}
    impl Sealed for String {}
    impl Sealed for &String {}
}

impl DayInput for NaiveDate {
    fn into_day(self) -> Result<NaiveDate, DateError> {
        Ok(self)
    }
}

impl DayInput for &str {
    fn into_day(self) -> Result<NaiveDate, DateError> {
        match self.parse::<PartialDate>()? {
            PartialDate::Day(day) => Ok(day),
            _ => Err(DateError),
        }
    }
}

impl DayInput for String {
    fn into_day(self) -> Result<NaiveDate, DateError> {
        self.as_str().into_day()
    }
}

impl DayInput for &String {
    fn into_day(self) -> Result<NaiveDate, DateError> {
        self.as_str().into_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for s in ["2026-03-14", "2026-03", "0001-01", "2024-02-29"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        for s in [
            "2026-3",
            "2026-13",
            "2025-02-29",
            "26-03-01",
            "",
            "2026-03-1x",
            "+2026-03",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn month_range() {
        let d: PartialDate = "2026-12".parse().unwrap();
        assert_eq!(d.latest().to_string(), "2026-12-31");
    }
}
