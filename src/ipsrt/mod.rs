//! Interpersonal and Social Rhythm Therapy (IPSRT): the Social Rhythm Metric
//! diary and its scoring, the rhythm over weeks, and the daily mood rating.
//!
//! IPSRT (Frank 2005, *Treating Bipolar Disorder: A Clinician's Guide to
//! Interpersonal and Social Rhythm Therapy*) adapts IPT for bipolar disorder:
//! beside the interpersonal work it steadies the daily routines (getting up,
//! meals, work, bedtime) that act as time cues for the body clock [K:
//! `frank-2005-ipsrt`]. Its tool for this is the **Social Rhythm Metric** (SRM; Monk et al.
//! 1990), a weekly diary of the clock time of routine activities, in a
//! seventeen-item form (SRM-17) and a five-item one (SRM-5; Monk, Frank,
//! Potts & Kupfer 2002).
//!
//! The flow: a [`SrmWeek`] (read from JSON with [`from_json`](crate::from_json)
//! or built in code) is scored into an [`SrmScore`]: for each activity of the
//! form its habitual time and hits, then the SRM score, 0 (least regular) to 7
//! (most regular), or [`Scorability::NotScorable`] when no activity was done
//! often enough, and the Activity Level Index. A [`RhythmSeries`] holds weeks
//! in date order and tells the [`RegularityTrend`], the activities whose
//! habitual time drifted ([`RhythmDrift`]) and the daily [`MoodRating`]s.
//!
//! This module measures routine; it does not diagnose. The mania screen that
//! goes with it is the [Altman Self-Rating Mania Scale](crate::measure::AsrmScore).
//!
//! ```
//! use chrono::NaiveDate;
//! use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
//!
//! let at = |h, m| ClockTime::from_hm(h, m).unwrap();
//! let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
//! for day in 0..7 {
//!     week.record(day, SrmEntry::done(SrmActivity::OUT_OF_BED, at(7, day as u8 * 5)))?;
//! }
//! let score = week.score();
//! // 07:00 … 07:30: habitual 07:15, every day within 45 minutes.
//! assert_eq!(score.value(), Some(7.0));
//! # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
//! ```

mod activity;
mod clock;
mod involvement;
mod mood;
mod scoring;
mod series;
mod week;

pub use activity::{SrmActivity, SrmForm, UnknownActivity};
pub use clock::{ClockTime, ClockTimeError};
pub use involvement::{Involvement, InvolvementError};
pub use mood::{MoodRating, MoodRatingError};
pub use scoring::{
    ActivityRhythm, HIT_WINDOW_MINUTES, MIN_TIMES_TO_QUALIFY, OUTLIER_SD, Scorability, SrmScore,
};
pub use series::{
    DRIFT_THRESHOLD_MINUTES, DailyMood, RHYTHM_SERIES_SCHEMA_VERSION, RegularityTrend, RhythmDrift,
    RhythmSeries, STEADY_BAND, TrendDirection,
};
pub use week::{DAYS_PER_WEEK, SrmDay, SrmEntry, SrmWeek, SrmWeekError};
