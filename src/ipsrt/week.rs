//! One week of the Social Rhythm Metric diary, as the patient fills it in.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ClockTime, Involvement, MoodRating, SrmActivity, SrmForm};
use crate::error::{JsonPath, Problems};

/// Days in a diary week.
///
/// ```
/// assert_eq!(interpersonal::ipsrt::DAYS_PER_WEEK, 7);
/// ```
pub const DAYS_PER_WEEK: usize = 7;

/// One activity on one day of the diary: when it was done, or that it was
/// not, and who was involved.
///
/// ```
/// use interpersonal::ipsrt::{ClockTime, Involvement, SrmActivity, SrmEntry};
///
/// let entry = SrmEntry::done(SrmActivity::DINNER, ClockTime::from_hm(19, 0).unwrap())
///     .with_people(Involvement::ACTIVELY_INVOLVED);
/// assert!(entry.is_done());
/// assert!(!SrmEntry::not_done(SrmActivity::LUNCH).is_done());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SrmEntry {
    /// The activity.
    pub activity: SrmActivity,
    /// When it was done; `None` when it was not done that day.
    pub time: Option<ClockTime>,
    /// Who was involved, when the patient wrote it down.
    pub people: Option<Involvement>,
}

impl SrmEntry {
    /// The activity done at `time`.
    ///
    /// ```
    /// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry};
    /// let e = SrmEntry::done(SrmActivity::OUT_OF_BED, ClockTime::from_hm(7, 0).unwrap());
    /// assert_eq!(e.time.unwrap().to_string(), "07:00");
    /// ```
    pub const fn done(activity: SrmActivity, time: ClockTime) -> Self {
        SrmEntry {
            activity,
            time: Some(time),
            people: None,
        }
    }

    /// The activity, not done that day.
    ///
    /// ```
    /// use interpersonal::ipsrt::{SrmActivity, SrmEntry};
    /// assert_eq!(SrmEntry::not_done(SrmActivity::LUNCH).time, None);
    /// ```
    pub const fn not_done(activity: SrmActivity) -> Self {
        SrmEntry {
            activity,
            time: None,
            people: None,
        }
    }

    /// This entry with who was involved.
    ///
    /// ```
    /// use interpersonal::ipsrt::{Involvement, SrmActivity, SrmEntry};
    /// let e = SrmEntry::not_done(SrmActivity::LUNCH).with_people(Involvement::ALONE);
    /// assert_eq!(e.people, Some(Involvement::ALONE));
    /// ```
    #[must_use]
    pub const fn with_people(mut self, people: Involvement) -> Self {
        self.people = Some(people);
        self
    }

    /// Whether the activity was done.
    ///
    /// ```
    /// use interpersonal::ipsrt::{SrmActivity, SrmEntry};
    /// assert!(!SrmEntry::not_done(SrmActivity::DINNER).is_done());
    /// ```
    pub const fn is_done(&self) -> bool {
        self.time.is_some()
    }
}

/// One day of the diary: its entries in the form's order (at most one per
/// activity; an activity with no entry was not recorded, which scores as not
/// done) and the day's mood rating, when given.
///
/// ```
/// use interpersonal::ipsrt::{MoodRating, SrmDay};
/// let day = SrmDay::default();
/// assert!(day.entries().is_empty());
/// assert_eq!(day.mood(), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SrmDay {
    entries: Vec<SrmEntry>,
    mood: Option<MoodRating>,
}

impl SrmDay {
    /// The entries, in the form's order.
    ///
    /// ```
    /// assert!(interpersonal::ipsrt::SrmDay::default().entries().is_empty());
    /// ```
    pub fn entries(&self) -> &[SrmEntry] {
        &self.entries
    }

    /// The entry of `activity`, if there is one.
    ///
    /// ```
    /// use interpersonal::ipsrt::{SrmActivity, SrmDay};
    /// assert!(SrmDay::default().entry(SrmActivity::DINNER).is_none());
    /// ```
    pub fn entry(&self, activity: SrmActivity) -> Option<&SrmEntry> {
        self.entries.iter().find(|e| e.activity == activity)
    }

    /// When `activity` was done that day, if it was.
    ///
    /// ```
    /// use interpersonal::ipsrt::{SrmActivity, SrmDay};
    /// assert_eq!(SrmDay::default().time_of(SrmActivity::DINNER), None);
    /// ```
    pub fn time_of(&self, activity: SrmActivity) -> Option<ClockTime> {
        self.entry(activity).and_then(|e| e.time)
    }

    /// The day's mood rating, when given.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::SrmDay::default().mood(), None);
    /// ```
    pub fn mood(&self) -> Option<MoodRating> {
        self.mood
    }

    fn put(&mut self, entry: SrmEntry) {
        match self
            .entries
            .iter_mut()
            .find(|e| e.activity == entry.activity)
        {
            Some(slot) => *slot = entry,
            None => {
                self.entries.push(entry);
                self.entries.sort_by_key(|e| e.activity);
            }
        }
    }
}

/// Why an entry or a mood could not be added to a week built in code.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{SrmActivity, SrmEntry, SrmForm, SrmWeek, SrmWeekError};
///
/// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
/// let err = week.record(0, SrmEntry::not_done(SrmActivity::LUNCH)).unwrap_err();
/// assert_eq!(err, SrmWeekError::NotOnForm { activity: SrmActivity::LUNCH, form: SrmForm::Srm5 });
/// assert!(week.record(7, SrmEntry::not_done(SrmActivity::DINNER)).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SrmWeekError {
    /// The day is not 0 to 6.
    #[error("expected a day of the week from 0 (the first) to 6; found {day}")]
    DayOutOfRange {
        /// The day given.
        day: usize,
    },
    /// The form does not ask for the activity.
    #[error("expected an activity of the {} form; found {activity}", form.label())]
    NotOnForm {
        /// The activity.
        activity: SrmActivity,
        /// The week's form.
        form: SrmForm,
    },
}

/// One week of the Social Rhythm Metric diary (Monk et al. 1990; Monk et al.
/// 2002): the first date, the form (SRM-5 or SRM-17), and seven days of
/// entries and mood ratings. Score it with [`SrmWeek::score`].
///
/// JSON (read with [`from_json`](crate::from_json); every problem is reported
/// at once, each at its JSON path):
///
/// ```json
/// {"week_start": "2026-03-02", "form": "srm5",
///  "days": [{"entries": [{"activity": "out_of_bed", "time": "07:00", "people": 1},
///                        {"activity": "dinner", "time": null}],
///            "mood": -1},
///           ... seven days in all ...]}
/// ```
///
/// `time` is `"HH:MM"` or `null` (not done); `people` the 0 to 3
/// [`Involvement`] code, optional; `mood` the -5 to 5 [`MoodRating`],
/// optional. A week holds no patient text.
///
/// ```
/// use interpersonal::from_json;
/// use interpersonal::ipsrt::{SrmActivity, SrmWeek};
///
/// let day = r#"{"entries": [{"activity": "out_of_bed", "time": "07:00"}]}"#;
/// let json = format!(r#"{{"week_start": "2026-03-02", "form": "srm5", "days": [{}]}}"#, [day; 7].join(","));
/// let week: SrmWeek = from_json(&json)?;
/// assert_eq!(week.days().len(), 7);
///
/// // Every problem at once: a bad time, an involvement code of 4, six days.
/// let bad = r#"{"week_start": "2026-03-02", "form": "srm5", "days": [
///     {"entries": [{"activity": "out_of_bed", "time": "7h", "people": 4}]}, {}, {}, {}, {}, {}]}"#;
/// let err = from_json::<SrmWeek>(bad).unwrap_err();
/// assert!(err.message.starts_with("3 problems: $.days: expected 7 days"), "{err}");
/// assert!(err.message.contains("$.days[0].entries[0].time: expected a time of day written HH:MM"));
/// assert!(err.message.contains("$.days[0].entries[0].people: expected an involvement code from 0 to 3; found 4"));
/// # Ok::<(), interpersonal::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "WeekRecord", into = "WeekRecord")]
pub struct SrmWeek {
    week_start: NaiveDate,
    form: SrmForm,
    days: Vec<SrmDay>,
}

impl SrmWeek {
    /// An empty week of the form, starting on `week_start`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm17);
    /// assert_eq!(week.days().len(), 7);
    /// ```
    pub fn new(week_start: NaiveDate, form: SrmForm) -> Self {
        SrmWeek {
            week_start,
            form,
            days: vec![SrmDay::default(); DAYS_PER_WEEK],
        }
    }

    /// Records an entry on day `day` (0 is the first day), replacing any
    /// entry of the same activity that day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
    ///
    /// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// week.record(2, SrmEntry::done(SrmActivity::DINNER, ClockTime::from_hm(19, 0).unwrap()))?;
    /// assert_eq!(week.days()[2].time_of(SrmActivity::DINNER).unwrap().to_string(), "19:00");
    /// # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`SrmWeekError`] when `day` is above 6 or the form does not ask for
    /// the activity.
    pub fn record(&mut self, day: usize, entry: SrmEntry) -> Result<(), SrmWeekError> {
        if !entry.activity.is_on(self.form) {
            return Err(SrmWeekError::NotOnForm {
                activity: entry.activity,
                form: self.form,
            });
        }
        let slot = self
            .days
            .get_mut(day)
            .ok_or(SrmWeekError::DayOutOfRange { day })?;
        slot.put(entry);
        Ok(())
    }

    /// [`record`](Self::record) for building a week in one expression.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
    ///
    /// let at = |h, m| ClockTime::from_hm(h, m).unwrap();
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5)
    ///     .with(0, SrmEntry::done(SrmActivity::OUT_OF_BED, at(7, 0)))?
    ///     .with(1, SrmEntry::done(SrmActivity::OUT_OF_BED, at(7, 10)))?;
    /// assert_eq!(week.activity_times(SrmActivity::OUT_OF_BED).len(), 2);
    /// # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`record`](Self::record).
    pub fn with(mut self, day: usize, entry: SrmEntry) -> Result<Self, SrmWeekError> {
        self.record(day, entry)?;
        Ok(self)
    }

    /// Sets the mood rating of day `day` (0 is the first day).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{MoodRating, SrmForm, SrmWeek};
    /// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// week.set_mood(6, MoodRating::new(3)?)?;
    /// assert_eq!(week.days()[6].mood().unwrap().value(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`SrmWeekError::DayOutOfRange`] when `day` is above 6.
    pub fn set_mood(&mut self, day: usize, mood: MoodRating) -> Result<(), SrmWeekError> {
        let slot = self
            .days
            .get_mut(day)
            .ok_or(SrmWeekError::DayOutOfRange { day })?;
        slot.mood = Some(mood);
        Ok(())
    }

    /// The first date of the week.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// assert_eq!(SrmWeek::new(start, SrmForm::Srm5).week_start(), start);
    /// ```
    pub fn week_start(&self) -> NaiveDate {
        self.week_start
    }

    /// The form.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm17);
    /// assert_eq!(week.form(), SrmForm::Srm17);
    /// ```
    pub fn form(&self) -> SrmForm {
        self.form
    }

    /// The seven days, first day first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// assert_eq!(week.days().len(), 7);
    /// ```
    pub fn days(&self) -> &[SrmDay] {
        &self.days
    }

    /// The date of day `day` (0 is the first), or `None` above 6.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{SrmForm, SrmWeek};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// assert_eq!(week.date_of(6), NaiveDate::from_ymd_opt(2026, 3, 8));
    /// assert_eq!(week.date_of(7), None);
    /// ```
    pub fn date_of(&self, day: usize) -> Option<NaiveDate> {
        if day >= DAYS_PER_WEEK {
            return None;
        }
        self.week_start.checked_add_days(Days::new(day as u64))
    }

    /// The days on which `activity` was done and when, first day first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5)
    ///     .with(3, SrmEntry::done(SrmActivity::DINNER, ClockTime::from_hm(19, 0).unwrap()))?;
    /// assert_eq!(week.activity_times(SrmActivity::DINNER), vec![(3, ClockTime::from_hm(19, 0).unwrap())]);
    /// # Ok::<(), interpersonal::ipsrt::SrmWeekError>(())
    /// ```
    pub fn activity_times(&self, activity: SrmActivity) -> Vec<(usize, ClockTime)> {
        self.days
            .iter()
            .enumerate()
            .filter_map(|(d, day)| day.time_of(activity).map(|t| (d, t)))
            .collect()
    }
}

// ---------------------------------------------------------------------------
// JSON

/// A week as written to and read from JSON, before it is checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct WeekRecord {
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    week_start: NaiveDate,
    form: SrmForm,
    #[cfg_attr(feature = "schema", schemars(length(min = 7, max = 7)))]
    days: Vec<DayRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DayRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entries: Vec<EntryRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<super::MoodRating>"))]
    mood: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct EntryRecord {
    #[cfg_attr(feature = "schema", schemars(with = "super::SrmActivity"))]
    activity: String,
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<super::ClockTime>"))]
    time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<super::Involvement>"))]
    people: Option<i64>,
}

impl From<SrmWeek> for WeekRecord {
    fn from(w: SrmWeek) -> Self {
        WeekRecord {
            week_start: w.week_start,
            form: w.form,
            days: w
                .days
                .iter()
                .map(|d| DayRecord {
                    entries: d
                        .entries
                        .iter()
                        .map(|e| EntryRecord {
                            activity: e.activity.name().to_owned(),
                            time: e.time.map(|t| t.to_string()),
                            people: e.people.map(|p| i64::from(p.value())),
                        })
                        .collect(),
                    mood: d.mood.map(|m| i64::from(m.value())),
                })
                .collect(),
        }
    }
}

impl TryFrom<WeekRecord> for SrmWeek {
    type Error = Problems;

    /// Checks a week and reports every problem at once, each at its JSON
    /// path.
    fn try_from(r: WeekRecord) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        let week = check_week(&r, &JsonPath::root(), &mut problems);
        problems.into_result(week)
    }
}

/// Checks a week read at `at`, adding every problem to `problems`, and
/// returns the week built from what could be read.
pub(crate) fn check_week(r: &WeekRecord, at: &JsonPath, problems: &mut Problems) -> SrmWeek {
    let mut week = SrmWeek::new(r.week_start, r.form);
    if r.days.len() != DAYS_PER_WEEK {
        problems.at(
            at.field("days"),
            format!(
                "7 days, the first on week_start {}; found {}",
                r.week_start,
                r.days.len()
            ),
        );
    }
    for (d, day) in r.days.iter().enumerate() {
        let day_at = at.field("days").index(d);
        let mut seen: Vec<SrmActivity> = Vec::new();
        for (e, entry) in day.entries.iter().enumerate() {
            let entry_at = day_at.field("entries").index(e);
            let activity = match entry.activity.parse::<SrmActivity>() {
                Err(_) => {
                    problems.at(
                        entry_at.field("activity"),
                        format!(
                            "an activity of the {} form ({}); found an unknown name",
                            r.form.label(),
                            names(r.form)
                        ),
                    );
                    None
                }
                Ok(a) if !a.is_on(r.form) => {
                    problems.at(
                        entry_at.field("activity"),
                        format!(
                            "an activity of the {} form ({}); found `{a}`, which the {} does not ask for",
                            r.form.label(),
                            names(r.form),
                            r.form.label()
                        ),
                    );
                    None
                }
                Ok(a) if seen.contains(&a) => {
                    problems.at(
                        entry_at.field("activity"),
                        format!("each activity at most once a day; found `{a}` again"),
                    );
                    None
                }
                Ok(a) => {
                    seen.push(a);
                    Some(a)
                }
            };
            let time = match entry.time.as_deref().map(str::parse::<ClockTime>) {
                None => None,
                Some(Ok(t)) => Some(t),
                Some(Err(err)) => {
                    let text = err.to_string();
                    let expected = text.strip_prefix("expected ").unwrap_or(&text);
                    problems.at(
                        entry_at.field("time"),
                        format!("{expected}, or null when not done"),
                    );
                    None
                }
            };
            let people = match entry.people {
                None => None,
                Some(p) => match u8::try_from(p).ok().map(Involvement::new) {
                    Some(Ok(code)) => Some(code),
                    _ => {
                        problems.at(
                            entry_at.field("people"),
                            format!("an involvement code from 0 to 3; found {p}"),
                        );
                        None
                    }
                },
            };
            if let (Some(activity), Some(slot)) = (activity, week.days.get_mut(d)) {
                slot.put(SrmEntry {
                    activity,
                    time,
                    people,
                });
            }
        }
        if let Some(m) = day.mood {
            match i8::try_from(m).ok().map(MoodRating::new) {
                Some(Ok(mood)) => {
                    if let Some(slot) = week.days.get_mut(d) {
                        slot.mood = Some(mood);
                    }
                }
                _ => problems.at(
                    day_at.field("mood"),
                    format!("a mood rating from -5 to 5; found {m}"),
                ),
            }
        }
    }
    week
}

fn names(form: SrmForm) -> String {
    match form {
        SrmForm::Srm5 => form
            .activities()
            .iter()
            .map(|a| a.name())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::from("out_of_bed ... go_to_bed, the 17 SRM-17 activities"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_json;

    fn day(entries: &str) -> String {
        format!(r#"{{"entries": [{entries}]}}"#)
    }

    #[test]
    fn round_trip() {
        let days: Vec<String> = (0..7)
            .map(|d| day(&format!(r#"{{"activity": "go_to_bed", "time": "23:{:02}", "people": 0}}, {{"activity": "dinner", "time": null}}"#, d * 5)))
            .collect();
        let json = format!(
            r#"{{"week_start": "2026-03-02", "form": "srm5", "days": [{}]}}"#,
            days.join(",")
        );
        let week: SrmWeek = from_json(&json).unwrap();
        // Entries are kept in the form's order.
        assert_eq!(week.days()[0].entries()[0].activity, SrmActivity::DINNER);
        let out = serde_json::to_string(&week).unwrap();
        let again: SrmWeek = from_json(&out).unwrap();
        assert_eq!(again, week);
    }

    #[test]
    fn every_problem_at_its_path() {
        let json = r#"{"week_start": "2026-03-02", "form": "srm5", "days": [
            {"entries": [{"activity": "lunch", "time": "12:00"},
                         {"activity": "Maria's party", "time": "12:00"},
                         {"activity": "dinner", "time": "19:00"},
                         {"activity": "dinner", "time": "Maria"}]},
            {"mood": 6}, {}, {}, {}, {}, {}, {}]}"#;
        let err = from_json::<SrmWeek>(json).unwrap_err();
        let m = err.message;
        assert!(!m.contains("Maria"), "{m}");
        assert!(m.starts_with("6 problems: $.days: expected 7 days"), "{m}");
        assert!(
            m.contains("$.days[0].entries[0].activity: expected an activity of the SRM-5 form"),
            "{m}"
        );
        assert!(
            m.contains("$.days[0].entries[1].activity: expected an activity"),
            "{m}"
        );
        assert!(
            m.contains("$.days[0].entries[3].activity: expected each activity at most once"),
            "{m}"
        );
        assert!(
            m.contains("$.days[0].entries[3].time: expected a time of day"),
            "{m}"
        );
        assert!(
            m.contains("$.days[1].mood: expected a mood rating from -5 to 5; found 6"),
            "{m}"
        );
        let unknown = r#"{"week_start": "2026-03-02", "form": "srm5", "days": [], "extra": 1}"#;
        assert!(from_json::<SrmWeek>(unknown).is_err());
    }
}
