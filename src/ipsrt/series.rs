//! Social rhythms over weeks: the scores, their trend, the activities that
//! drifted, and the daily mood ratings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::week::{WeekRecord, check_week};
use super::{ClockTime, DAYS_PER_WEEK, MoodRating, SrmActivity, SrmScore, SrmWeek};
use crate::error::{JsonPath, Problems};
use crate::macros::vocabulary_enum;

/// The version of the rhythm series JSON this crate reads and writes.
///
/// ```
/// assert_eq!(interpersonal::ipsrt::RHYTHM_SERIES_SCHEMA_VERSION, 1);
/// ```
pub const RHYTHM_SERIES_SCHEMA_VERSION: u32 = 1;

/// An activity has **drifted** when its habitual time moved by more than this
/// many minutes from one scored week of a series to the next (\[I\]: this
/// crate's rule, not a published one; it is the SRM's hit window, so a drift
/// means last week's habitual time would no longer be a hit).
///
/// ```
/// assert_eq!(interpersonal::ipsrt::DRIFT_THRESHOLD_MINUTES, 45);
/// ```
pub const DRIFT_THRESHOLD_MINUTES: u16 = 45;

/// A change of SRM score smaller than this, either way, between the first and
/// the last scorable week is [`TrendDirection::Steady`] (\[I\]: this crate's
/// rule; half a hit per activity per week).
///
/// ```
/// assert_eq!(interpersonal::ipsrt::STEADY_BAND, 0.5);
/// ```
pub const STEADY_BAND: f64 = 0.5;

vocabulary_enum! {
    /// Which way regularity went over a series (\[I\]: see
    /// [`RhythmSeries::trend`]).
    ///
    /// ```
    /// use interpersonal::ipsrt::TrendDirection;
    /// assert_eq!(TrendDirection::MoreRegular.to_string(), "more_regular");
    /// ```
    #[non_exhaustive]
    pub enum TrendDirection {
        /// The last scorable week scored at least [`STEADY_BAND`] above the
        /// first.
        MoreRegular,
        /// Within [`STEADY_BAND`] of the first.
        Steady,
        /// At least [`STEADY_BAND`] below the first.
        LessRegular,
        /// Fewer than two scorable weeks.
        NotEnoughWeeks,
    }
}

/// The regularity trend of a series: the first and last scorable weeks'
/// scores, the change between them, the least-squares slope of the score per
/// week over every scorable week, and the direction (all \[I\]: the crate's
/// own summary, not a published rule).
///
/// ```
/// use interpersonal::ipsrt::{RhythmSeries, TrendDirection};
/// let trend = RhythmSeries::new(Vec::new())?.trend();
/// assert_eq!(trend.direction, TrendDirection::NotEnoughWeeks);
/// assert_eq!(trend.change, None);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RegularityTrend {
    /// How many weeks had a score.
    pub scorable_weeks: usize,
    /// The first scorable week and its score.
    pub first: Option<(NaiveDate, f64)>,
    /// The last scorable week and its score.
    pub last: Option<(NaiveDate, f64)>,
    /// The last score less the first; `None` with fewer than two scorable
    /// weeks.
    pub change: Option<f64>,
    /// The least-squares slope of the score against time, in score points per
    /// week (weeks counted from the week starts' dates); `None` with fewer
    /// than two scorable weeks.
    pub slope_per_week: Option<f64>,
    /// Which way, from `change` and [`STEADY_BAND`].
    pub direction: TrendDirection,
}

/// An activity whose habitual time moved by more than
/// [`DRIFT_THRESHOLD_MINUTES`] between two consecutive scored weeks of a
/// series in which it qualified both times.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{ClockTime, RhythmSeries, SrmActivity, SrmEntry, SrmForm, SrmWeek};
///
/// // Bed at 23:00 every night, then at 00:00 every night the week after.
/// let week = |day, h| {
///     let mut w = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, day).unwrap(), SrmForm::Srm5);
///     for d in 0..7 {
///         w.record(d, SrmEntry::done(SrmActivity::GO_TO_BED, ClockTime::from_hm(h, 0).unwrap())).unwrap();
///     }
///     w
/// };
/// let drift = RhythmSeries::new(vec![week(2, 23), week(9, 0)])?.drift();
/// assert_eq!(drift[0].activity, SrmActivity::GO_TO_BED);
/// assert_eq!((drift[0].from.to_string(), drift[0].to.to_string()), ("23:00".into(), "00:00".into()));
/// assert_eq!(drift[0].shift_minutes, 60); // later, across midnight
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RhythmDrift {
    /// The activity.
    pub activity: SrmActivity,
    /// The earlier week's start.
    pub from_week: NaiveDate,
    /// The later week's start.
    pub to_week: NaiveDate,
    /// The earlier habitual time, to the minute.
    pub from: ClockTime,
    /// The later habitual time, to the minute.
    pub to: ClockTime,
    /// How far it moved, the short way round the clock, to the nearest minute:
    /// positive when later in the day.
    pub shift_minutes: i16,
}

/// One day's mood rating, dated.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{MoodRating, RhythmSeries, SrmForm, SrmWeek};
///
/// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
/// week.set_mood(0, MoodRating::new(4)?)?;
/// let mood = RhythmSeries::new(vec![week])?.moods()[0];
/// assert_eq!((mood.date, mood.mood.value()), (NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DailyMood {
    /// The date.
    pub date: NaiveDate,
    /// The rating, -5 to +5.
    pub mood: MoodRating,
}

/// Diary weeks of one patient in date order, each starting at least seven
/// days after the one before (gaps allowed).
///
/// JSON: `{"schema_version": 1, "weeks": [week, ...]}`, each week as
/// [`SrmWeek`] writes it; reading one reports every problem at once, at paths
/// such as `$.weeks[2].days[0].entries[1].time`.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{ClockTime, RhythmSeries, SrmActivity, SrmEntry, SrmForm, SrmWeek, TrendDirection};
///
/// let week = |start: NaiveDate, (h, m): (u8, u8)| -> SrmWeek {
///     let mut w = SrmWeek::new(start, SrmForm::Srm5);
///     for day in 0..7 {
///         // Getting up at 07:00 on even days and at h:m on odd ones.
///         let time = if day % 2 == 0 { ClockTime::from_hm(7, 0) } else { ClockTime::from_hm(h, m) };
///         w.record(day, SrmEntry::done(SrmActivity::OUT_OF_BED, time.unwrap())).unwrap();
///     }
///     w
/// };
/// let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
/// let series = RhythmSeries::new(vec![week(d(2), (9, 0)), week(d(9), (8, 30)), week(d(16), (7, 10))])?;
/// // Habitual 07:51 (no hit), 07:39 (the four 07:00s), 07:04 (all seven).
/// let scores: Vec<f64> = series.scores().iter().filter_map(|s| s.value()).collect();
/// assert_eq!(scores, [0.0, 4.0, 7.0]);
/// let trend = series.trend();
/// assert_eq!(trend.change, Some(7.0));
/// assert_eq!(trend.slope_per_week, Some(3.5));
/// assert_eq!(trend.direction, TrendDirection::MoreRegular);
/// // 07:51 to 07:39 is 13 minutes, 07:39 to 07:04 is 34: neither drifted.
/// assert!(series.drift().is_empty());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "SeriesRecord", into = "SeriesRecord")]
pub struct RhythmSeries {
    weeks: Vec<SrmWeek>,
}

impl RhythmSeries {
    /// A series of `weeks`, which must be in date order, each starting at
    /// least seven days after the one before.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{RhythmSeries, SrmForm, SrmWeek};
    /// let w = |day| SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, day).unwrap(), SrmForm::Srm5);
    /// assert!(RhythmSeries::new(vec![w(2), w(9)]).is_ok());
    /// let err = RhythmSeries::new(vec![w(9), w(2)]).unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.weeks[1].week_start");
    /// ```
    ///
    /// # Errors
    ///
    /// [`Problems`] naming every week that starts too soon, at
    /// `$.weeks[i].week_start`.
    pub fn new(weeks: Vec<SrmWeek>) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        check_order(weeks.iter().map(SrmWeek::week_start), &mut problems);
        problems.into_result(RhythmSeries { weeks })
    }

    /// Adds `week` after the last one, in constant time; when it starts less
    /// than seven days after the last, it is not added and the error is the
    /// earliest start it could have.
    pub(crate) fn push(&mut self, week: SrmWeek) -> Result<(), NaiveDate> {
        if let Some(last) = self.weeks.last() {
            let earliest = last
                .week_start()
                .checked_add_days(chrono::Days::new(7))
                .unwrap_or(NaiveDate::MAX);
            if week.week_start() < earliest {
                return Err(earliest);
            }
        }
        self.weeks.push(week);
        Ok(())
    }

    /// The weeks, in date order.
    ///
    /// ```
    /// assert!(interpersonal::ipsrt::RhythmSeries::new(Vec::new()).unwrap().weeks().is_empty());
    /// ```
    pub fn weeks(&self) -> &[SrmWeek] {
        &self.weeks
    }

    /// Every week scored, in date order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{RhythmSeries, SrmForm, SrmWeek};
    /// let w = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// let series = RhythmSeries::new(vec![w])?;
    /// assert_eq!(series.scores()[0].value(), None);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn scores(&self) -> Vec<SrmScore> {
        self.weeks.iter().map(SrmWeek::score).collect()
    }

    /// The regularity trend over the scorable weeks (\[I\], this crate's
    /// rule): the change from the first scorable week's score to the last's
    /// gives the direction ([`STEADY_BAND`] either way is steady), and the
    /// least-squares slope over every scorable week is given beside it. A
    /// week that is not scorable is skipped, not counted as 0.
    ///
    /// ```
    /// use interpersonal::ipsrt::RhythmSeries;
    /// assert_eq!(RhythmSeries::new(Vec::new())?.trend().scorable_weeks, 0);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn trend(&self) -> RegularityTrend {
        trend_of(&self.scores())
    }

    /// The activities whose habitual time moved by more than
    /// [`DRIFT_THRESHOLD_MINUTES`] from one week of the series to the next,
    /// where the activity qualified in both, in date order and then the
    /// form's order.
    ///
    /// ```
    /// use interpersonal::ipsrt::RhythmSeries;
    /// assert!(RhythmSeries::new(Vec::new())?.drift().is_empty());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn drift(&self) -> Vec<RhythmDrift> {
        drift_of(&self.scores())
    }

    /// Every mood rating of the series, dated, in date order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{MoodRating, RhythmSeries, SrmForm, SrmWeek};
    /// let mut w = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// w.set_mood(1, MoodRating::new(-2)?)?;
    /// let moods = RhythmSeries::new(vec![w])?.moods();
    /// assert_eq!(moods[0].date, NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
    /// assert_eq!(moods[0].mood.value(), -2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn moods(&self) -> Vec<DailyMood> {
        let mut out = Vec::new();
        for week in &self.weeks {
            for (d, day) in week.days().iter().enumerate().take(DAYS_PER_WEEK) {
                if let (Some(mood), Some(date)) = (day.mood(), week.date_of(d)) {
                    out.push(DailyMood { date, mood });
                }
            }
        }
        out
    }
}

fn check_order(starts: impl Iterator<Item = NaiveDate>, problems: &mut Problems) {
    let mut previous: Option<NaiveDate> = None;
    for (i, start) in starts.enumerate() {
        if let Some(p) = previous {
            if (start - p).num_days() < 7 {
                problems.at(
                    JsonPath::root().field("weeks").index(i).field("week_start"),
                    format!(
                        "a week_start at least 7 days after the previous week's ({p}); found {start}"
                    ),
                );
            }
        }
        previous = Some(start);
    }
}

fn trend_of(scores: &[SrmScore]) -> RegularityTrend {
    let points: Vec<(NaiveDate, f64)> = scores
        .iter()
        .filter_map(|s| s.value().map(|v| (s.week_start, v)))
        .collect();
    let first = points.first().copied();
    let last = points.last().copied();
    let (change, slope) = match (first, last) {
        (Some(f), Some(l)) if points.len() >= 2 => (Some(l.1 - f.1), slope_of(&points, f.0)),
        _ => (None, None),
    };
    let direction = match change {
        None => TrendDirection::NotEnoughWeeks,
        Some(c) if c >= STEADY_BAND => TrendDirection::MoreRegular,
        Some(c) if c <= -STEADY_BAND => TrendDirection::LessRegular,
        Some(_) => TrendDirection::Steady,
    };
    RegularityTrend {
        scorable_weeks: points.len(),
        first,
        last,
        change,
        slope_per_week: slope,
        direction,
    }
}

/// Least-squares slope of score against weeks since `origin`.
fn slope_of(points: &[(NaiveDate, f64)], origin: NaiveDate) -> Option<f64> {
    let n = points.len() as f64;
    let xs: Vec<f64> = points
        .iter()
        .map(|(d, _)| (*d - origin).num_days() as f64 / 7.0)
        .collect();
    let mean_x = xs.iter().sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, y)| y).sum::<f64>() / n;
    let mut sxy = 0.0;
    let mut sxx = 0.0;
    for (x, (_, y)) in xs.iter().zip(points) {
        sxy += (x - mean_x) * (y - mean_y);
        sxx += (x - mean_x) * (x - mean_x);
    }
    (sxx > 0.0).then(|| sxy / sxx)
}

fn drift_of(scores: &[SrmScore]) -> Vec<RhythmDrift> {
    let day = 1440.0;
    let mut out = Vec::new();
    for pair in scores.windows(2) {
        let [before, after] = pair else { continue };
        for a in &after.activities {
            let Some(b) = before.activity(a.activity) else {
                continue;
            };
            let (Some(from), Some(to), Some(from_t), Some(to_t)) = (
                b.habitual_minutes,
                a.habitual_minutes,
                b.habitual_time,
                a.habitual_time,
            ) else {
                continue;
            };
            let mut diff = (to - from).rem_euclid(day);
            if diff > day / 2.0 {
                diff -= day;
            }
            if diff.abs() > f64::from(DRIFT_THRESHOLD_MINUTES) {
                out.push(RhythmDrift {
                    activity: a.activity,
                    from_week: before.week_start,
                    to_week: after.week_start,
                    from: from_t,
                    to: to_t,
                    shift_minutes: diff.round() as i16,
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// JSON

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct SeriesRecord {
    schema_version: u32,
    weeks: Vec<WeekRecord>,
}

impl From<RhythmSeries> for SeriesRecord {
    fn from(s: RhythmSeries) -> Self {
        SeriesRecord {
            schema_version: RHYTHM_SERIES_SCHEMA_VERSION,
            weeks: s.weeks.into_iter().map(WeekRecord::from).collect(),
        }
    }
}

impl TryFrom<SeriesRecord> for RhythmSeries {
    type Error = Problems;

    fn try_from(r: SeriesRecord) -> Result<Self, Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();
        if r.schema_version != RHYTHM_SERIES_SCHEMA_VERSION {
            problems.at(
                root.field("schema_version"),
                format!("{RHYTHM_SERIES_SCHEMA_VERSION}; found {}", r.schema_version),
            );
        }
        let weeks: Vec<SrmWeek> = r
            .weeks
            .iter()
            .enumerate()
            .map(|(i, w)| check_week(w, &root.field("weeks").index(i), &mut problems))
            .collect();
        check_order(weeks.iter().map(SrmWeek::week_start), &mut problems);
        problems.into_result(RhythmSeries { weeks })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_json;
    use crate::ipsrt::{SrmEntry, SrmForm};

    fn week(start: NaiveDate, bed: [(u8, u8); 7]) -> SrmWeek {
        let mut w = SrmWeek::new(start, SrmForm::Srm5);
        for (d, (h, m)) in bed.into_iter().enumerate() {
            w.record(
                d,
                SrmEntry::done(SrmActivity::GO_TO_BED, ClockTime::from_hm(h, m).unwrap()),
            )
            .unwrap();
        }
        w
    }

    #[test]
    fn bedtime_drifting_past_midnight() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        // Week 1: 23:00 every night. Week 2: 00:00 every night: +60 minutes, across midnight.
        let series =
            RhythmSeries::new(vec![week(d(2), [(23, 0); 7]), week(d(9), [(0, 0); 7])]).unwrap();
        let drift = series.drift();
        assert_eq!(drift.len(), 1);
        assert_eq!(drift[0].shift_minutes, 60);
        assert_eq!(drift[0].to.to_string(), "00:00");
        // Both weeks score 7: steady.
        let trend = series.trend();
        assert_eq!(trend.change, Some(0.0));
        assert_eq!(trend.slope_per_week, Some(0.0));
        assert_eq!(trend.direction, TrendDirection::Steady);
    }

    #[test]
    fn series_json_reports_every_problem() {
        let day = r#"{"entries": [{"activity": "go_to_bed", "time": "23:00"}]}"#;
        let days = [day; 7].join(",");
        let good = format!(r#"{{"week_start": "2026-03-09", "form": "srm5", "days": [{days}]}}"#);
        let bad = r#"{"week_start": "2026-03-05", "form": "srm5", "days": [{"mood": 9}]}"#;
        let json = format!(r#"{{"schema_version": 2, "weeks": [{good}, {bad}]}}"#);
        let err = from_json::<RhythmSeries>(&json).unwrap_err();
        let m = err.message;
        assert!(
            m.starts_with("4 problems: $.schema_version: expected 1; found 2"),
            "{m}"
        );
        assert!(m.contains("$.weeks[1].days: expected 7 days"), "{m}");
        assert!(
            m.contains("$.weeks[1].days[0].mood: expected a mood rating"),
            "{m}"
        );
        assert!(
            m.contains("$.weeks[1].week_start: expected a week_start at least 7 days after"),
            "{m}"
        );
        let ok = format!(r#"{{"schema_version": 1, "weeks": [{good}]}}"#);
        let series: RhythmSeries = from_json(&ok).unwrap();
        let again: RhythmSeries = from_json(&serde_json::to_string(&series).unwrap()).unwrap();
        assert_eq!(again, series);
    }
}
