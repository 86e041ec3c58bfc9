//! The rhythm chart: a week of the Social Rhythm Metric, each activity's
//! times against its habitual time.

use crate::ipsrt::{
    ActivityRhythm, HIT_WINDOW_MINUTES, MIN_TIMES_TO_QUALIFY, Scorability, SrmScore, SrmWeek,
};

use super::ink;
use super::svg::{Svg, a, num, shorten};

const WIDTH: f64 = 780.0;
/// The plot: minutes from the habitual time, −SPAN to +SPAN.
const PLOT_LEFT: f64 = 250.0;
const PLOT_RIGHT: f64 = 730.0;
const SPAN: f64 = 180.0;
/// The first row's top and each row's height.
const ROWS_TOP: f64 = 100.0;
const ROW: f64 = 40.0;
/// Minutes in a day.
const DAY: f64 = 1440.0;

/// The rhythm chart of an IPSRT [`SrmWeek`], as SVG: for each activity of the
/// form, the day's times placed by how far they fell from the activity's
/// habitual time, as the crate scores the week ([`SrmWeek::score`]).
///
/// What the picture shows, in shape **and** words, so that it reads without
/// colour:
///
/// * a column for the habitual time and a shaded, hatched window of
///   [`HIT_WINDOW_MINUTES`] either side of it;
/// * each time as a mark numbered with its day (1 is the week's first day):
///   a **hit** (within the window, as the crate counts it) as a filled
///   circle, a **miss** as an open square, and a time left out of the
///   habitual time (an outlier) with a dashed ring; a time more than three
///   hours away sits at the edge with its clock time written beside it;
/// * beside each activity, its habitual time and hits in words; an activity
///   done fewer than [`MIN_TIMES_TO_QUALIFY`] times has no habitual time, and
///   the chart says so and lists its times;
/// * the SRM score, or that the week is not scorable, and the Activity Level
///   Index.
///
/// The chart holds no patient text. The same week gives the same bytes.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
/// use interpersonal::picture::RhythmChart;
///
/// let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
/// for (day, time) in ["07:00", "07:10", "09:30", "07:05"].into_iter().enumerate() {
///     week.record(day, SrmEntry::done(SrmActivity::OUT_OF_BED, time.parse::<ClockTime>()?))?;
/// }
/// let svg = RhythmChart::new(&week).to_svg();
/// assert!(svg.contains("habitual 07:05, 3 hits of 4"));
/// assert!(svg.contains("day 3, 09:30: miss"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct RhythmChart<'a> {
    week: &'a SrmWeek,
}

impl<'a> RhythmChart<'a> {
    /// The chart of `week`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{ipsrt::{SrmForm, SrmWeek}, picture::RhythmChart};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
    /// assert!(RhythmChart::new(&week).to_svg().contains("not scorable"));
    /// ```
    pub fn new(week: &'a SrmWeek) -> Self {
        RhythmChart { week }
    }

    /// The SVG text of the chart.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{ipsrt::{SrmForm, SrmWeek}, picture::RhythmChart};
    /// let week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm17);
    /// let chart = RhythmChart::new(&week);
    /// assert_eq!(chart.to_svg(), chart.to_svg());
    /// ```
    pub fn to_svg(&self) -> String {
        let week = self.week;
        let score = week.score();
        let rows = score.activities.len() as f64;
        let height = (ROWS_TOP + ROW * rows + 110.0).round();
        let x_of = |offset: f64| {
            let mid = (PLOT_LEFT + PLOT_RIGHT) / 2.0;
            mid + (PLOT_RIGHT - PLOT_LEFT) / 2.0 * (offset.clamp(-SPAN, SPAN) / SPAN)
        };

        let title = format!(
            "Social rhythm, week of {} ({})",
            score.week_start,
            score.form.label()
        );
        let desc = self.desc(&score);
        let hatch = ("rhythm-window", "#a6dcc9");
        let mut svg = ink::page("rhythm", (WIDTH, height), &title, &desc, Some(hatch));
        svg.text(20.0, 46.0, &[a("font-size", 12.0)], &summary(&score));

        // The window and the habitual-time column.
        let bottom = ROWS_TOP + ROW * rows;
        let window = f64::from(HIT_WINDOW_MINUTES);
        svg.open("g", &[a("aria-hidden", "true")]);
        // A tint, then the hatch over it.
        for fill in ["#e5f5ef", "url(#rhythm-window)"] {
            svg.empty(
                "rect",
                &[
                    a("x", x_of(-window)),
                    a("y", ROWS_TOP),
                    a("width", x_of(window) - x_of(-window)),
                    a("height", bottom - ROWS_TOP),
                    a("fill", fill),
                ],
            );
        }
        for hour in -3i32..=3 {
            let x = x_of(f64::from(hour) * 60.0);
            let (colour, width) = if hour == 0 {
                (ink::INK, 1.5)
            } else {
                (ink::GRID, 0.8)
            };
            svg.empty(
                "line",
                &[
                    a("x1", x),
                    a("y1", ROWS_TOP),
                    a("x2", x),
                    a("y2", bottom),
                    a("stroke", colour),
                    a("stroke-width", width),
                ],
            );
            let text = match hour {
                0 => String::from("habitual time"),
                h if h > 0 => format!("+{h} h"),
                h => format!("−{} h", -h),
            };
            svg.text(
                x,
                bottom + 16.0,
                &[a("text-anchor", "middle"), a("font-size", 10.0)],
                &text,
            );
        }
        svg.text(
            x_of(0.0),
            ROWS_TOP - 8.0,
            &[
                a("text-anchor", "middle"),
                a("font-size", 10.0),
                a("fill", ink::MUTED),
            ],
            &format!("hit window: {HIT_WINDOW_MINUTES} min either side"),
        );
        svg.text(
            (PLOT_LEFT + PLOT_RIGHT) / 2.0,
            bottom + 34.0,
            &[a("text-anchor", "middle"), a("font-size", 11.0)],
            "earlier ← time from the habitual time → later",
        );
        svg.close();

        svg.open("g", &[a("role", "list")]);
        for (i, rhythm) in score.activities.iter().enumerate() {
            let top = ROWS_TOP + ROW * i as f64;
            svg.open("g", &[a("role", "listitem")]);
            svg.title(&self.row_words(rhythm));
            if i % 2 == 1 {
                svg.empty(
                    "rect",
                    &[
                        a("x", 10.0),
                        a("y", top),
                        a("width", PLOT_LEFT - 10.0),
                        a("height", ROW),
                        a("fill", "#f2f2f2"),
                    ],
                );
            }
            svg.empty(
                "line",
                &[
                    a("x1", 10.0),
                    a("y1", top + ROW),
                    a("x2", PLOT_RIGHT),
                    a("y2", top + ROW),
                    a("stroke", ink::GRID),
                    a("stroke-width", 0.5),
                ],
            );
            svg.text(
                16.0,
                top + 16.0,
                &[a("font-size", 11.0), a("font-weight", "bold")],
                &shorten(rhythm.activity.label(), 34),
            );
            svg.text(
                16.0,
                top + 31.0,
                &[a("font-size", 10.0), a("fill", ink::MUTED)],
                &row_summary(rhythm),
            );
            match rhythm.habitual_minutes {
                Some(habitual) => {
                    for (day, time) in week.activity_times(rhythm.activity) {
                        let minutes = f64::from(time.minutes());
                        let offset = (minutes - habitual + DAY / 2.0).rem_euclid(DAY) - DAY / 2.0;
                        let x = x_of(offset);
                        let y = top + 10.0 + 3.3 * day as f64;
                        let d = u8::try_from(day).unwrap_or(u8::MAX);
                        let hit = rhythm.hit_days.contains(&d);
                        if rhythm.discarded_days.contains(&d) {
                            svg.empty(
                                "circle",
                                &[
                                    a("cx", x),
                                    a("cy", y),
                                    a("r", 9.5),
                                    a("fill", "none"),
                                    a("stroke", ink::INK),
                                    a("stroke-width", 1.2),
                                    a("stroke-dasharray", "2 2"),
                                ],
                            );
                        }
                        if hit {
                            svg.empty(
                                "circle",
                                &[
                                    a("cx", x),
                                    a("cy", y),
                                    a("r", 6.5),
                                    a("fill", ink::HIT),
                                    a("stroke", ink::INK),
                                    a("stroke-width", 1.0),
                                ],
                            );
                        } else {
                            svg.empty(
                                "rect",
                                &[
                                    a("x", x - 6.0),
                                    a("y", y - 6.0),
                                    a("width", 12.0),
                                    a("height", 12.0),
                                    a("fill", ink::PAPER),
                                    a("stroke", ink::CONFLICT),
                                    a("stroke-width", 1.8),
                                ],
                            );
                        }
                        let colour = if hit { ink::PAPER } else { ink::INK };
                        svg.text(
                            x,
                            y + 3.5,
                            &[
                                a("text-anchor", "middle"),
                                a("font-size", 9.0),
                                a("font-weight", "bold"),
                                a("fill", colour),
                            ],
                            &(day + 1).to_string(),
                        );
                        if offset.abs() > SPAN {
                            let (tx, anchor) = if offset > 0.0 {
                                (x - 10.0, "end")
                            } else {
                                (x + 10.0, "start")
                            };
                            svg.text(
                                tx,
                                y + 3.5,
                                &[a("text-anchor", anchor), a("font-size", 9.0)],
                                &format!("{time}"),
                            );
                        }
                    }
                }
                None => {
                    svg.text(
                        PLOT_LEFT + 8.0,
                        top + 24.0,
                        &[a("font-size", 10.0), a("fill", ink::MUTED)],
                        &self.unscored_times(rhythm),
                    );
                }
            }
            svg.close();
        }
        svg.close();

        legend(&mut svg, bottom + 56.0, week);
        svg.finish()
    }

    /// The times of an activity without a habitual time, in words.
    fn unscored_times(&self, rhythm: &ActivityRhythm) -> String {
        let times: Vec<String> = self
            .week
            .activity_times(rhythm.activity)
            .into_iter()
            .map(|(day, time)| format!("day {} {time}", day + 1))
            .collect();
        if times.is_empty() {
            String::from("not done this week")
        } else {
            format!("no habitual time: {}", times.join(", "))
        }
    }

    /// One activity in words: habitual time, each time as hit or miss.
    fn row_words(&self, rhythm: &ActivityRhythm) -> String {
        let label = rhythm.activity.label();
        if rhythm.habitual_time.is_none() {
            return format!(
                "{label}: {}; {}",
                row_summary(rhythm),
                self.unscored_times(rhythm)
            );
        }
        let times: Vec<String> = self
            .week
            .activity_times(rhythm.activity)
            .into_iter()
            .map(|(day, time)| {
                let d = u8::try_from(day).unwrap_or(u8::MAX);
                let mut text = format!(
                    "day {}, {time}: {}",
                    day + 1,
                    if rhythm.hit_days.contains(&d) {
                        "hit"
                    } else {
                        "miss"
                    }
                );
                if rhythm.discarded_days.contains(&d) {
                    text.push_str(" (left out of the habitual time)");
                }
                text
            })
            .collect();
        format!("{label}: {}; {}", row_summary(rhythm), times.join("; "))
    }

    fn desc(&self, score: &SrmScore) -> String {
        let mut parts = vec![format!("{}.", summary(score))];
        for rhythm in &score.activities {
            parts.push(format!("{}.", self.row_words(rhythm)));
        }
        parts.join(" ")
    }
}

/// The week's score in words.
fn summary(score: &SrmScore) -> String {
    let value = match score.scorability {
        Scorability::Scorable {
            score: value,
            hits,
            qualifying_activities,
        } => format!(
            "SRM score {} ({hits} hits over {qualifying_activities} qualifying activities)",
            num(value)
        ),
        _ => String::from("not scorable: no activity done 3 times or more"),
    };
    format!(
        "{value}; Activity Level Index {} of {}",
        score.activity_level_index,
        score.form.max_activity_level()
    )
}

/// An activity's habitual time and hits, or why it has none.
fn row_summary(rhythm: &ActivityRhythm) -> String {
    match rhythm.habitual_time {
        Some(habitual) => format!(
            "habitual {habitual}, {} {} of {}",
            rhythm.hits,
            if rhythm.hits == 1 { "hit" } else { "hits" },
            rhythm.times_done
        ),
        None if rhythm.times_done == 0 => String::from("not done"),
        None => format!(
            "done {} of {MIN_TIMES_TO_QUALIFY} times needed: not scored",
            rhythm.times_done
        ),
    }
}

fn legend(svg: &mut Svg, y: f64, week: &SrmWeek) {
    svg.open("g", &[a("aria-hidden", "true")]);
    let words = [a("font-size", 10.0)];
    svg.empty(
        "circle",
        &[
            a("cx", 26.0),
            a("cy", y - 4.0),
            a("r", 6.5),
            a("fill", ink::HIT),
            a("stroke", ink::INK),
        ],
    );
    svg.text(38.0, y, &words, "filled circle: hit");
    svg.empty(
        "rect",
        &[
            a("x", 140.0),
            a("y", y - 10.0),
            a("width", 12.0),
            a("height", 12.0),
            a("fill", ink::PAPER),
            a("stroke", ink::CONFLICT),
            a("stroke-width", 1.8),
        ],
    );
    svg.text(158.0, y, &words, "open square: miss");
    svg.empty(
        "circle",
        &[
            a("cx", 276.0),
            a("cy", y - 4.0),
            a("r", 8.0),
            a("fill", "none"),
            a("stroke", ink::INK),
            a("stroke-dasharray", "2 2"),
        ],
    );
    svg.text(
        290.0,
        y,
        &words,
        "dashed ring: left out of the habitual time",
    );
    let first = week
        .date_of(0)
        .map_or_else(String::new, |d| format!("{} {d}", d.format("%a")));
    svg.text(
        20.0,
        y + 18.0,
        &words,
        &format!("Numbers are days of the week: 1 is {first}."),
    );
    svg.close();
}
