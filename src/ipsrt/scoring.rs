//! Scoring a week of the Social Rhythm Metric: habitual times, hits, the SRM
//! score and the Activity Level Index.

use chrono::NaiveDate;
use serde::Serialize;

use super::clock::DAY_MINUTES;
use super::{ClockTime, SrmActivity, SrmForm, SrmWeek};

/// An activity counts towards the SRM score only when it was done at least
/// this many times in the week (Monk et al. 1990 [K: the rule is standard in
/// descriptions of the SRM; its first statement was not re-read]).
///
/// ```
/// assert_eq!(interpersonal::ipsrt::MIN_TIMES_TO_QUALIFY, 3);
/// ```
pub const MIN_TIMES_TO_QUALIFY: usize = 3;

/// A time more than this many standard deviations from the mean of an
/// activity's times is left out of its habitual time (Monk et al. 1990 \[K\]).
///
/// ```
/// assert_eq!(interpersonal::ipsrt::OUTLIER_SD, 1.5);
/// ```
pub const OUTLIER_SD: f64 = 1.5;

/// A time within this many minutes of the activity's habitual time, either
/// side, is a hit (Monk et al. 1990 \[K\]). The boundary counts: 45 minutes
/// away is a hit \[I\].
///
/// ```
/// assert_eq!(interpersonal::ipsrt::HIT_WINDOW_MINUTES, 45);
/// ```
pub const HIT_WINDOW_MINUTES: u16 = 45;

/// Whether a week has an SRM score.
///
/// A week in which no activity was done [`MIN_TIMES_TO_QUALIFY`] times or
/// more has **no** score: it is [`Scorability::NotScorable`], never 0, which
/// would claim the least regular week possible.
///
/// JSON: `{"status": "scorable", "score": 5.5, "hits": 22, "qualifying_activities": 4}`
/// or `{"status": "not_scorable"}`.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{Scorability, SrmForm, SrmWeek};
///
/// let empty = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
/// assert_eq!(empty.score().scorability, Scorability::NotScorable);
/// assert_eq!(empty.score().value(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scorability {
    /// At least one activity qualified.
    Scorable {
        /// The SRM score: `hits ÷ qualifying_activities`, 0 (least regular) to
        /// 7 (most regular).
        score: f64,
        /// Hits summed over the qualifying activities.
        hits: u32,
        /// How many activities qualified.
        qualifying_activities: u32,
    },
    /// No activity was done [`MIN_TIMES_TO_QUALIFY`] times or more.
    NotScorable,
}

/// How one activity went in the week: how often it was done, its habitual
/// time, its hits, and which times were left out of the habitual time.
///
/// Days are numbered 0 (the first day of the week) to 6.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
///
/// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
/// for (day, (h, m)) in [(7, 0), (7, 10), (7, 20)].into_iter().enumerate() {
///     week.record(day, SrmEntry::done(SrmActivity::OUT_OF_BED, ClockTime::from_hm(h, m).unwrap()))?;
/// }
/// let score = week.score();
/// let rhythm = score.activity(SrmActivity::OUT_OF_BED).unwrap();
/// assert!(rhythm.qualifies);
/// assert_eq!(rhythm.habitual_time.unwrap().to_string(), "07:10");
/// assert_eq!(rhythm.hits, 3);
/// # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ActivityRhythm {
    /// The activity.
    pub activity: SrmActivity,
    /// On how many days it was done.
    pub times_done: u8,
    /// Whether it was done [`MIN_TIMES_TO_QUALIFY`] times or more and so
    /// counts towards the score.
    pub qualifies: bool,
    /// The habitual time, to the nearest minute; `None` unless it qualifies.
    pub habitual_time: Option<ClockTime>,
    /// The habitual time exactly, in minutes past midnight (0 to under
    /// 1440); `None` unless it qualifies.
    pub habitual_minutes: Option<f64>,
    /// How many of its times are within [`HIT_WINDOW_MINUTES`] of the
    /// habitual time; 0 unless it qualifies.
    pub hits: u8,
    /// The days whose time was a hit.
    pub hit_days: Vec<u8>,
    /// The days whose time was more than [`OUTLIER_SD`] standard deviations
    /// from the mean and left out of the habitual time.
    pub discarded_days: Vec<u8>,
}

/// The scored week: the SRM score (or that there is none), the Activity Level
/// Index, and each activity of the form in the form's order.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
///
/// let at = |h, m| ClockTime::from_hm(h, m).unwrap();
/// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
/// for day in 0..7 {
///     week.record(day, SrmEntry::done(SrmActivity::OUT_OF_BED, at(7, 0)))?;
/// }
/// week.record(0, SrmEntry::done(SrmActivity::DINNER, at(19, 0)))?;
/// let score = week.score();
/// assert_eq!(score.value(), Some(7.0)); // dinner (once) does not qualify
/// assert_eq!(score.activity_level_index, 8);
/// # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SrmScore {
    /// The first date of the week.
    pub week_start: NaiveDate,
    /// The form.
    pub form: SrmForm,
    /// The SRM score, or that there is none.
    pub scorability: Scorability,
    /// The Activity Level Index: how many activities were done in the week,
    /// each activity counted once per day it was done, so at most 35 on the
    /// SRM-5 and 119 on the SRM-17 (Monk et al. 1990 [K: not re-read]).
    pub activity_level_index: u8,
    /// Every activity of the form, in the form's order.
    pub activities: Vec<ActivityRhythm>,
}

impl SrmScore {
    /// The SRM score, `None` when the week is not scorable.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm17);
    /// assert_eq!(week.score().value(), None);
    /// ```
    pub fn value(&self) -> Option<f64> {
        match self.scorability {
            Scorability::Scorable { score, .. } => Some(score),
            Scorability::NotScorable => None,
        }
    }

    /// The detail of one activity, `None` when the form does not ask for it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmActivity, SrmForm, SrmWeek};
    /// let score = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5).score();
    /// assert!(score.activity(SrmActivity::DINNER).is_some());
    /// assert!(score.activity(SrmActivity::LUNCH).is_none());
    /// ```
    pub fn activity(&self, activity: SrmActivity) -> Option<&ActivityRhythm> {
        self.activities.iter().find(|a| a.activity == activity)
    }

    /// The qualifying activities, in the form's order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let score = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5).score();
    /// assert_eq!(score.qualifying().count(), 0);
    /// ```
    pub fn qualifying(&self) -> impl Iterator<Item = &ActivityRhythm> {
        self.activities.iter().filter(|a| a.qualifies)
    }
}

impl SrmWeek {
    /// Scores the week as the Social Rhythm Metric is scored (Monk et al.
    /// 1990; the same algorithm for the SRM-5, Monk et al. 2002):
    ///
    /// 1. an activity **qualifies** when it was done at least
    ///    [`MIN_TIMES_TO_QUALIFY`] (3) times in the week \[K\];
    /// 2. its **habitual time** is the mean of its times after leaving out
    ///    those more than [`OUTLIER_SD`] (1.5) standard deviations from their
    ///    mean \[K\];
    /// 3. each of its times within [`HIT_WINDOW_MINUTES`] (45) minutes of the
    ///    habitual time is a **hit** \[K\] (every time of the week is tested,
    ///    the left-out ones too \[I\]);
    /// 4. the **SRM score** is the hits of the qualifying activities divided
    ///    by their number, from 0 to 7 \[K\]; with no qualifying activity the
    ///    week is [`Scorability::NotScorable`];
    /// 5. the **Activity Level Index** counts the activities done, once per
    ///    day \[K\].
    ///
    /// Choices the sources leave open, made here \[I\]: the standard deviation
    /// is the population one (divide by n); "more than" and "within" are
    /// strict and inclusive as written. With 3 times no time can lie more
    /// than 1.5 population standard deviations from the mean (at most √2 of
    /// them), so nothing is left out before the fourth time.
    ///
    /// **The clock wraps** \[I\]. The SRM records clock times without dates;
    /// a bedtime of 00:30 beside bedtimes of 23:30 is an hour late, not 23
    /// hours early. Each activity's times are read as points on a 24-hour
    /// circle and laid out on a line by cutting the circle at one of the gaps
    /// between them: the cut chosen is the one that leaves the times most
    /// tightly together (the least sum of squared deviations from their mean;
    /// on a tie, the one giving more hits; on a tie still, the one whose line
    /// starts with the earliest day of the week, so that the choice depends
    /// on the gaps and the days, never on where midnight falls). Times that all fall within twelve
    /// hours of each other are so read as they would be on paper, with
    /// midnight no longer a boundary. A hit is tested the short way round the
    /// clock ([`ClockTime::distance`]). The arithmetic is exact (whole
    /// minutes, integer sums), so shifting every time by the same amount
    /// shifts every habitual time by it and changes no score.
    ///
    /// The habitual time is a mean, so it moves with the times: moving one
    /// missed time onto the habitual time can *lower* the score (dinner at
    /// 17:00, 19:00 and 22:00 has habitual time 19:20 and one hit; with the
    /// 17:00 moved to 19:20 the habitual time becomes 20:07 and no time is a
    /// hit). Moving every time of an activity onto its habitual time never
    /// lowers it.
    ///
    /// Time and memory are linear in the diary's size.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
    ///
    /// // Bedtimes around midnight: 23:30, 23:45, 00:00, 00:15, 00:30.
    /// let bed = [(23, 30), (23, 45), (0, 0), (0, 15), (0, 30)];
    /// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// for (day, (h, m)) in bed.into_iter().enumerate() {
    ///     week.record(day, SrmEntry::done(SrmActivity::GO_TO_BED, ClockTime::from_hm(h, m).unwrap()))?;
    /// }
    /// let score = week.score();
    /// let bedtime = score.activity(SrmActivity::GO_TO_BED).unwrap();
    /// assert_eq!(bedtime.habitual_time.unwrap().to_string(), "00:00");
    /// assert_eq!(bedtime.hits, 5);
    /// assert_eq!(score.value(), Some(5.0));
    /// # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
    /// ```
    pub fn score(&self) -> SrmScore {
        let mut activities = Vec::with_capacity(self.form().activities().len());
        let mut activity_level: usize = 0;
        let mut hits: u32 = 0;
        let mut qualifying: u32 = 0;
        for &activity in self.form().activities() {
            let times = self.activity_times(activity);
            activity_level += times.len();
            let rhythm = score_activity(activity, &times);
            if rhythm.qualifies {
                qualifying += 1;
                hits += u32::from(rhythm.hits);
            }
            activities.push(rhythm);
        }
        let scorability = if qualifying == 0 {
            Scorability::NotScorable
        } else {
            Scorability::Scorable {
                score: f64::from(hits) / f64::from(qualifying),
                hits,
                qualifying_activities: qualifying,
            }
        };
        SrmScore {
            week_start: self.week_start(),
            form: self.form(),
            scorability,
            activity_level_index: u8::try_from(activity_level).unwrap_or(u8::MAX),
            activities,
        }
    }
}

/// One way of laying an activity's times on a line, and what it gives.
struct Layout {
    /// Σ of the kept times and how many were kept: the habitual time is
    /// `kept_sum / kept`.
    kept_sum: i64,
    kept: i64,
    hit_days: Vec<u8>,
    discarded_days: Vec<u8>,
}

fn day_number(day: usize) -> u8 {
    u8::try_from(day).unwrap_or(u8::MAX)
}

/// Scores one activity from its (day, time) pairs.
fn score_activity(activity: SrmActivity, times: &[(usize, ClockTime)]) -> ActivityRhythm {
    let times_done = u8::try_from(times.len()).unwrap_or(u8::MAX);
    let not_qualifying = ActivityRhythm {
        activity,
        times_done,
        qualifies: false,
        habitual_time: None,
        habitual_minutes: None,
        hits: 0,
        hit_days: Vec::new(),
        discarded_days: Vec::new(),
    };
    if times.len() < MIN_TIMES_TO_QUALIFY {
        return not_qualifying;
    }
    let mut sorted: Vec<(i64, usize)> = times
        .iter()
        .map(|(d, t)| (i64::from(t.minutes()), *d))
        .collect();
    sorted.sort_unstable();
    // The tightest layout; on a tie, the one with more hits; then the one
    // whose line starts at the earliest day of the week. Every key is a
    // property of the gap cut, not of where the times sit on the clock, so a
    // uniform shift of the times picks the same gap (the days of one activity
    // are distinct, so the last key never ties).
    let mut best: Option<(i64, usize, usize, usize)> = None; // (spread, hits, first day, cut)
    for cut in 0..sorted.len() {
        let spread = spread_of(&sorted, cut);
        let first_day = sorted.get(cut).map_or(usize::MAX, |&(_, d)| d);
        match best {
            Some((s, _, _, _)) if spread > s => {}
            Some((s, h, f, _)) if spread == s => {
                let hits = lay_out(&sorted, cut).hit_days.len();
                if hits > h || (hits == h && first_day < f) {
                    best = Some((spread, hits, first_day, cut));
                }
            }
            _ => {
                let hits = lay_out(&sorted, cut).hit_days.len();
                best = Some((spread, hits, first_day, cut));
            }
        }
    }
    let best = best.map(|(_, _, _, cut)| lay_out(&sorted, cut));
    let Some(best) = best else {
        return not_qualifying;
    };
    let day = i64::from(DAY_MINUTES);
    let k = best.kept.max(1);
    // Nearest whole minute, halves up, around the clock.
    let rounded = (2 * best.kept_sum + k).div_euclid(2 * k);
    let exact = (best.kept_sum as f64 / k as f64).rem_euclid(day as f64);
    ActivityRhythm {
        activity,
        times_done,
        qualifies: true,
        habitual_time: Some(ClockTime::wrapping(rounded)),
        habitual_minutes: Some(exact),
        hits: u8::try_from(best.hit_days.len()).unwrap_or(u8::MAX),
        hit_days: best.hit_days,
        discarded_days: best.discarded_days,
    }
}

/// The sorted times laid on a line cut just before position `cut`: the times
/// from `cut` on keep their value, those before it move a day later.
fn laid(sorted: &[(i64, usize)], cut: usize) -> impl Iterator<Item = (i64, usize)> + '_ {
    let day = i64::from(DAY_MINUTES);
    sorted
        .iter()
        .enumerate()
        .map(move |(i, &(m, d))| (if i < cut { m + day } else { m }, d))
}

/// n·Σx² − (Σx)² of a layout.
fn spread_of(sorted: &[(i64, usize)], cut: usize) -> i64 {
    let n = sorted.len() as i64;
    let (sum, sum_sq) = laid(sorted, cut).fold((0, 0), |(s, q), (x, _)| (s + x, q + x * x));
    n * sum_sq - sum * sum
}

/// Applies the SRM rules to one layout, in exact integer arithmetic.
fn lay_out(sorted: &[(i64, usize)], cut: usize) -> Layout {
    let day = i64::from(DAY_MINUTES);
    let xs: Vec<(i64, usize)> = laid(sorted, cut).collect();
    let n = xs.len() as i64;
    let sum: i64 = xs.iter().map(|(x, _)| x).sum();
    let sum_sq: i64 = xs.iter().map(|(x, _)| x * x).sum();
    let spread = n * sum_sq - sum * sum;
    // |x − mean| > 1.5·sd  ⇔  |n·x − Σx| > 1.5·√spread  ⇔  4(n·x − Σx)² > 9·spread.
    let mut kept_sum = 0;
    let mut kept = 0;
    let mut discarded_days = Vec::new();
    for &(x, d) in &xs {
        let dev = n * x - sum;
        if 4 * dev * dev > 9 * spread {
            discarded_days.push(day_number(d));
        } else {
            kept_sum += x;
            kept += 1;
        }
    }
    // A hit: the short way round the clock, |x − kept_sum/kept| ≤ 45, in
    // units of 1/kept of a minute.
    let mut hit_days = Vec::new();
    if kept > 0 {
        let circle = day * kept;
        for &(x, d) in &xs {
            let mut diff = (x * kept - kept_sum).rem_euclid(circle);
            if diff > circle / 2 {
                diff = circle - diff;
            }
            if diff <= i64::from(HIT_WINDOW_MINUTES) * kept {
                hit_days.push(day_number(d));
            }
        }
    }
    hit_days.sort_unstable();
    discarded_days.sort_unstable();
    Layout {
        kept_sum,
        kept,
        hit_days,
        discarded_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipsrt::SrmEntry;

    type Row = (SrmActivity, [Option<(u8, u8)>; 7]);

    fn week(form: SrmForm, rows: &[Row]) -> SrmWeek {
        let mut w = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), form);
        for (activity, days) in rows {
            for (d, t) in days.iter().enumerate() {
                if let Some((h, m)) = t {
                    w.record(
                        d,
                        SrmEntry::done(*activity, ClockTime::from_hm(*h, *m).unwrap()),
                    )
                    .unwrap();
                }
            }
        }
        w
    }

    #[test]
    fn an_outlier_is_left_out_but_still_tested() {
        // Out of bed 07:00 on six days, 11:00 on one.
        // x = 420 ×6, 660. n = 7, Σx = 3180, mean = 454.29.
        // Σx² = 6·176400 + 435600 = 1494000; spread = 7·1494000 − 3180² = 345600
        // (sd = √345600 / 7 = 83.98 min; 1.5 sd = 125.97).
        // 660: |7·660 − 3180| = 1440; 4·1440² = 8294400 > 9·345600 = 3110400: left out.
        // 420: |7·420 − 3180| = 240; 4·240² = 230400 ≤ 3110400: kept.
        // Habitual = 2520 / 6 = 420 = 07:00; hits: the six 07:00s; 11:00 is 240 min away.
        let o = Some((7, 0));
        let w = week(
            SrmForm::Srm5,
            &[(SrmActivity::OUT_OF_BED, [o, o, o, Some((11, 0)), o, o, o])],
        );
        let s = w.score();
        let r = s.activity(SrmActivity::OUT_OF_BED).unwrap();
        assert_eq!(r.discarded_days, vec![3]);
        assert_eq!(r.habitual_time, ClockTime::from_hm(7, 0));
        assert_eq!(r.hits, 6);
        assert_eq!(r.hit_days, vec![0, 1, 2, 4, 5, 6]);
        assert_eq!(s.value(), Some(6.0));
    }

    #[test]
    fn midnight_wrap_picks_the_tight_layout() {
        // Bed at 23:30, 00:30, 23:40, 23:50 (4 nights): as minutes 1410, 30, 1420, 1430.
        // Cut before 1410: 1410, 1420, 1430, 1470 (00:30 + 1440): mean 1432.5 = 23:52:30.
        // spread = 4·Σx² − (Σx)²: Σx = 5730, Σx² = 1988100 + 2016400 + 2044900 + 2160900 = 8210300;
        // 4·8210300 − 5730² = 32841200 − 32832900 = 8300 (sd = √8300 / 4 = 22.8 min).
        // 00:30 (x = 1470): |4·1470 − 5730| = 150, 4·150² = 90000 > 9·8300 = 74700: left out
        // (37.5 min from the mean, 1.65 sd). 23:30: |5640 − 5730| = 90, 32400 ≤ 74700: kept.
        // Kept 1410, 1420, 1430: habitual 1420 = 23:40. Hits: 23:30 (10 min), 23:40 (0),
        // 23:50 (10); 00:30 is 50 min away: a miss. Score 3 / 1 = 3.
        // Read without the wrap, 00:30 would be 30 and the mean 1072.5 (17:52): no hits at all.
        let w = week(
            SrmForm::Srm5,
            &[(
                SrmActivity::GO_TO_BED,
                [
                    Some((23, 30)),
                    Some((0, 30)),
                    Some((23, 40)),
                    Some((23, 50)),
                    None,
                    None,
                    None,
                ],
            )],
        );
        let s = w.score();
        let r = s.activity(SrmActivity::GO_TO_BED).unwrap();
        assert_eq!(r.discarded_days, vec![1]);
        assert_eq!(r.habitual_time, ClockTime::from_hm(23, 40));
        assert_eq!(r.hit_days, vec![0, 2, 3]);
        assert_eq!(s.value(), Some(3.0));
    }
}
