//! The symptom chart: one instrument's totals over a course, by date.

use chrono::NaiveDate;

use crate::collections::{HashMap, HashMapExt};
use crate::{
    Course,
    catalogue::{ClassicPhase, Phase},
    course::CourseSafetyFlag,
    measure::{HamdBanding, Instrument, MeasureOutcome, Measurement, SymptomTrend},
};

use super::ink;
use super::svg::{a, num, points};

const WIDTH: f64 = 780.0;
const HEIGHT: f64 = 480.0;
/// The plot area.
const LEFT: f64 = 60.0;
const RIGHT: f64 = 600.0;
const TOP: f64 = 110.0;
const BOTTOM: f64 = 400.0;
/// The margin inside the plot on either side.
const PAD: f64 = 12.0;

/// The symptom chart of a [`Course`], as SVG: one instrument's totals
/// (PHQ-9, GAD-7 or HAM-D-17; the ASRM too) by date, from the sessions and
/// from outside them.
///
/// What the picture shows, each in shape, line style or pattern **and** in
/// words, so that it reads without colour:
///
/// * the instrument's **severity bands** as the background, each named with
///   its range ([`Instrument::severity`]; the HAM-D-17 under the banding
///   chosen with [`SymptomChart::with_banding`]);
/// * the course's **phases** (initial, middle, termination, maintenance, as
///   the course advanced through them, [`Course::phase_changes`]) shaded in
///   turn with a hatch and named above the plot;
/// * the **response** and **remission** thresholds as lines, found by the
///   crate's own rules from the first total, the baseline
///   ([`SymptomTrend::response`], [`SymptomTrend::remission`]); when a rule
///   does not apply (a baseline below caseness, no remission defined for the
///   GAD-7), the chart says so instead of drawing a line;
/// * every **safety flag** of the course ([`Course::safety_flags`]), whatever
///   the instrument that raised it, as a red line and a triangle on its date
///   with its session number, and a banner above the chart
///   (DESIGN.md decision 8).
///
/// The chart holds no patient text: dates, totals, session numbers and the
/// crate's words. The same course gives the same bytes.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, Phase, ProblemArea, TreatmentContract};
/// use interpersonal::{course::SessionRecord, measure::{Instrument, Measurement}, picture::SymptomChart};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
/// let mut course = Course::new(contract, Vec::new())?;
/// for (n, (d, total)) in [(2, 18), (9, 15), (16, 12), (23, 8)].into_iter().enumerate() {
///     let m = Measurement::new(Instrument::Phq9, day(d), total)?;
///     course.record_session(SessionRecord::new(n as u8 + 1, day(d), Phase::Assessment).with_measure(m))?;
/// }
/// let svg = SymptomChart::new(&course, Instrument::Phq9).to_svg();
/// assert!(svg.contains("moderately severe"));
/// assert!(svg.contains("response: 9 or less"));
/// assert!(svg.contains("remission: 4 or less"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct SymptomChart<'a> {
    course: &'a Course,
    instrument: Instrument,
    banding: HamdBanding,
}

/// A threshold line, or why there is none.
enum Threshold {
    /// Totals at or below `at` meet the rule.
    Line { at: u8, words: String },
    /// The rule does not apply.
    None(String),
}

impl<'a> SymptomChart<'a> {
    /// The chart of `instrument` on `course`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, ProblemArea, TreatmentContract, measure::Instrument, picture::SymptomChart};
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let course = Course::new(TreatmentContract::builder(start, [ProblemArea::Grief]).build()?, Vec::new())?;
    /// assert!(SymptomChart::new(&course, Instrument::Gad7).to_svg().contains("no GAD-7 total recorded"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn new(course: &'a Course, instrument: Instrument) -> Self {
        SymptomChart {
            course,
            instrument,
            banding: HamdBanding::default(),
        }
    }

    /// The HAM-D-17 severity banding to draw (the default is
    /// [`HamdBanding::default`]); other instruments ignore it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, ProblemArea, TreatmentContract};
    /// use interpersonal::{measure::{HamdBanding, Instrument}, picture::SymptomChart};
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let course = Course::new(TreatmentContract::builder(start, [ProblemArea::Grief]).build()?, Vec::new())?;
    /// let svg = SymptomChart::new(&course, Instrument::Hamd17).with_banding(HamdBanding::Classic).to_svg();
    /// assert!(svg.contains("very severe"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn with_banding(mut self, banding: HamdBanding) -> Self {
        self.banding = banding;
        self
    }

    /// The response threshold by the crate's rule, from the baseline.
    fn response(&self, baseline: &Measurement) -> Threshold {
        let met = |t: u8| outcome(baseline, t, SymptomTrend::response);
        match (0..=baseline.total())
            .rev()
            .find(|t| met(*t) == MeasureOutcome::Met)
        {
            Some(at) if met(0) != MeasureOutcome::NotApplicable => Threshold::Line {
                at,
                words: format!(
                    "response: {at} or less (50% below the baseline {})",
                    baseline.total()
                ),
            },
            _ => Threshold::None(format!(
                "response not judged: the baseline {} is below caseness",
                baseline.total()
            )),
        }
    }

    /// The remission threshold by the crate's rule, from the baseline.
    fn remission(&self, baseline: &Measurement) -> Threshold {
        let label = self.instrument.label();
        if self.instrument.remission(0) == MeasureOutcome::NotApplicable {
            return Threshold::None(format!("no remission is defined for the {label}"));
        }
        let met = |t: u8| outcome(baseline, t, SymptomTrend::remission);
        match (0..=self.instrument.max_total())
            .rev()
            .find(|t| met(*t) == MeasureOutcome::Met)
        {
            Some(at) => Threshold::Line {
                at,
                words: format!("remission: {at} or less"),
            },
            None => Threshold::None(format!(
                "remission not judged: the baseline {} is below caseness",
                baseline.total()
            )),
        }
    }

    /// The phases the course went through, merged by the manuals' phase, as
    /// (phase, from, to).
    fn phases(&self, end: NaiveDate) -> Vec<(ClassicPhase, NaiveDate, NaiveDate)> {
        let mut spans: Vec<(ClassicPhase, NaiveDate, NaiveDate)> = Vec::new();
        let mut phase = Phase::Assessment;
        let mut from = self.course.schedule().start_date();
        for change in self.course.phase_changes() {
            push_span(&mut spans, phase.classic(), from, change.on);
            phase = change.to;
            from = change.on;
        }
        push_span(&mut spans, phase.classic(), from, end);
        spans
    }

    /// The SVG text of the chart.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, ProblemArea, TreatmentContract, measure::Instrument, picture::SymptomChart};
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let course = Course::new(TreatmentContract::builder(start, [ProblemArea::Grief]).build()?, Vec::new())?;
    /// let chart = SymptomChart::new(&course, Instrument::Phq9);
    /// assert_eq!(chart.to_svg(), chart.to_svg());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn to_svg(&self) -> String {
        let course = self.course;
        let instrument = self.instrument;
        let label = instrument.label();
        let measures = course.measurements_of(instrument);
        let flags = course.safety_flags();

        // The dates shown: the course's start to the last thing recorded.
        let start = course.schedule().start_date();
        let mut first = start;
        let mut last = start;
        let dates = measures
            .iter()
            .map(|m| m.date())
            .chain(course.sessions().iter().map(|s| s.date))
            .chain(flags.iter().map(|f| f.date))
            .chain(course.phase_changes().iter().map(|c| c.on));
        for date in dates {
            first = first.min(date);
            last = last.max(date);
        }
        let days = (last - first).num_days().max(7) as f64;
        // A margin inside the plot, so that the first and last points are
        // not on its frame.
        let x_of = |d: NaiveDate| {
            LEFT + PAD + (RIGHT - LEFT - 2.0 * PAD) * ((d - first).num_days() as f64) / days
        };
        let max = f64::from(instrument.max_total());
        let y_of = |t: f64| BOTTOM - (BOTTOM - TOP) * (t.clamp(0.0, max) / max);

        let baseline = measures.first().copied();
        let thresholds: Vec<(Threshold, &str)> = baseline
            .map(|b| vec![(self.response(b), "8 4"), (self.remission(b), "2 3")])
            .unwrap_or_default();

        // Each session's measurements of the instrument, found once: a scan
        // of the sessions per point would be quadratic in a long course.
        let sessions = SessionsOf::new(course, instrument);
        let title = format!("{label} totals over the course from {start}");
        let desc = self.desc(&measures, &sessions, &flags, &thresholds, last);
        let hatch = ("symptoms-phase", "#cccccc");
        let mut svg = ink::page("symptoms", (WIDTH, HEIGHT), &title, &desc, Some(hatch));
        if let Some(text) = safety_banner(&flags) {
            ink::safety_banner(&mut svg, 20.0, 36.0, WIDTH - 40.0, &text);
        }

        // Severity bands, named on the right.
        svg.open("g", &[a("aria-hidden", "true")]);
        for (i, (band, lo, hi)) in bands(instrument, self.banding).into_iter().enumerate() {
            let y_top = y_of(f64::from(hi) + 0.5);
            let y_bottom = y_of(f64::from(lo) - 0.5);
            let fill = ink::BANDS.get(i).copied().unwrap_or(ink::PAPER);
            svg.empty(
                "rect",
                &[
                    a("x", LEFT),
                    a("y", y_top),
                    a("width", RIGHT - LEFT),
                    a("height", y_bottom - y_top),
                    a("fill", fill),
                    a("stroke", ink::GRID),
                    a("stroke-width", 0.5),
                ],
            );
            svg.text(
                RIGHT + 6.0,
                (y_top + y_bottom) / 2.0 + 4.0,
                &[a("font-size", 10.0), a("fill", ink::MUTED)],
                &format!("{band} {lo}–{hi}"),
            );
        }
        svg.close();

        // Phases: shaded in turn, named above the plot.
        svg.open("g", &[a("aria-hidden", "true")]);
        for (i, (phase, from, to)) in self.phases(last).into_iter().enumerate() {
            let x1 = if from <= first { LEFT } else { x_of(from) };
            let x2 = if to >= last { RIGHT } else { x_of(to) };
            if i % 2 == 0 {
                svg.empty(
                    "rect",
                    &[
                        a("x", x1),
                        a("y", TOP),
                        a("width", (x2 - x1).max(0.0)),
                        a("height", BOTTOM - TOP),
                        a("fill", "url(#symptoms-phase)"),
                        a("fill-opacity", 0.6),
                    ],
                );
            }
            svg.empty(
                "line",
                &[
                    a("x1", x1),
                    a("y1", TOP - 22.0),
                    a("x2", x1),
                    a("y2", BOTTOM),
                    a("stroke", ink::MUTED),
                    a("stroke-width", 1.0),
                ],
            );
            svg.text(
                x1 + 4.0,
                TOP - 8.0,
                &[a("font-size", 11.0)],
                &phase.to_string(),
            );
        }
        svg.close();

        // Axes.
        svg.open("g", &[a("aria-hidden", "true")]);
        svg.empty(
            "rect",
            &[
                a("x", LEFT),
                a("y", TOP),
                a("width", RIGHT - LEFT),
                a("height", BOTTOM - TOP),
                a("fill", "none"),
                a("stroke", ink::INK),
            ],
        );
        let step = if instrument.max_total() > 30 { 10 } else { 5 };
        for t in (0..=instrument.max_total()).step_by(step) {
            let y = y_of(f64::from(t));
            svg.empty(
                "line",
                &[
                    a("x1", LEFT - 4.0),
                    a("y1", y),
                    a("x2", LEFT),
                    a("y2", y),
                    a("stroke", ink::INK),
                ],
            );
            svg.text(
                LEFT - 7.0,
                y + 4.0,
                &[a("text-anchor", "end"), a("font-size", 10.0)],
                &t.to_string(),
            );
        }
        svg.text(
            18.0,
            (TOP + BOTTOM) / 2.0,
            &[
                a("text-anchor", "middle"),
                a(
                    "transform",
                    format!("rotate(-90 18 {})", num((TOP + BOTTOM) / 2.0)),
                ),
                a("font-size", 11.0),
            ],
            &format!("{label} total"),
        );
        let every = measures.len().div_ceil(12).max(1);
        for m in measures.iter().step_by(every) {
            let x = x_of(m.date());
            svg.empty(
                "line",
                &[
                    a("x1", x),
                    a("y1", BOTTOM),
                    a("x2", x),
                    a("y2", BOTTOM + 4.0),
                    a("stroke", ink::INK),
                ],
            );
            svg.text(
                x,
                BOTTOM + 16.0,
                &[a("text-anchor", "middle"), a("font-size", 10.0)],
                &m.date().format("%m-%d").to_string(),
            );
        }
        svg.text(
            (LEFT + RIGHT) / 2.0,
            BOTTOM + 34.0,
            &[a("text-anchor", "middle"), a("font-size", 11.0)],
            &format!("date (month-day), {first} to {last}"),
        );
        svg.close();

        // Thresholds.
        svg.open("g", &[]);
        let mut note_y = BOTTOM + 56.0;
        for (threshold, dash) in &thresholds {
            match threshold {
                Threshold::Line { at, words } => {
                    let y = y_of(f64::from(*at) + 0.5);
                    svg.empty(
                        "line",
                        &[
                            a("x1", LEFT),
                            a("y1", y),
                            a("x2", RIGHT),
                            a("y2", y),
                            a("stroke", ink::INK),
                            a("stroke-width", 1.6),
                            a("stroke-dasharray", *dash),
                        ],
                    );
                    svg.text(
                        LEFT + 6.0,
                        y - 4.0,
                        &[
                            a("font-size", 10.0),
                            a("stroke", ink::PAPER),
                            a("stroke-width", 3.0),
                            a("paint-order", "stroke"),
                        ],
                        words,
                    );
                }
                Threshold::None(words) => {
                    svg.text(
                        LEFT,
                        note_y,
                        &[a("font-size", 10.0), a("fill", ink::MUTED)],
                        words,
                    );
                    note_y += 14.0;
                }
            }
        }
        svg.close();

        // Safety flags: on their dates, whatever the instrument.
        svg.open("g", &[a("role", "list")]);
        for (i, flag) in flags.iter().rev().enumerate() {
            let x = x_of(flag.date);
            // Labels of flags close together go on rows of their own.
            let row = TOP + 13.0 + 14.0 * (i % 3) as f64;
            svg.open("g", &[a("role", "listitem")]);
            svg.title(&flag.to_string());
            svg.empty(
                "line",
                &[
                    a("x1", x),
                    a("y1", TOP),
                    a("x2", x),
                    a("y2", BOTTOM),
                    a("stroke", ink::SAFETY),
                    a("stroke-width", 2.0),
                    a("stroke-dasharray", "4 2"),
                ],
            );
            svg.empty(
                "polygon",
                &[
                    a(
                        "points",
                        points(&[(x, TOP + 2.0), (x - 7.0, TOP + 14.0), (x + 7.0, TOP + 14.0)]),
                    ),
                    a("fill", ink::SAFETY),
                ],
            );
            let text = flag.session.map_or_else(
                || String::from("safety"),
                |s| format!("safety, session {s}"),
            );
            svg.text(
                x + 9.0,
                row,
                &[
                    a("font-size", 10.0),
                    a("font-weight", "bold"),
                    a("fill", ink::SAFETY),
                    a("stroke", ink::PAPER),
                    a("stroke-width", 3.0),
                    a("paint-order", "stroke"),
                ],
                &text,
            );
            svg.close();
        }
        svg.close();

        // The totals.
        if measures.is_empty() {
            svg.text(
                (LEFT + RIGHT) / 2.0,
                (TOP + BOTTOM) / 2.0,
                &[a("text-anchor", "middle"), a("font-size", 13.0)],
                &format!("no {label} total recorded"),
            );
        } else {
            let line: Vec<(f64, f64)> = measures
                .iter()
                .map(|m| (x_of(m.date()), y_of(f64::from(m.total()))))
                .collect();
            svg.empty(
                "polyline",
                &[
                    a("points", points(&line)),
                    a("fill", "none"),
                    a("stroke", ink::INK),
                    a("stroke-width", 2.0),
                    a("aria-hidden", "true"),
                ],
            );
            svg.open("g", &[a("role", "list")]);
            for m in &measures {
                let (x, y) = (x_of(m.date()), y_of(f64::from(m.total())));
                svg.open("g", &[a("role", "listitem")]);
                svg.title(&self.point_words(m, &sessions));
                svg.empty(
                    "circle",
                    &[
                        a("cx", x),
                        a("cy", y),
                        a("r", 4.5),
                        a("fill", ink::HIT),
                        a("stroke", ink::INK),
                        a("stroke-width", 1.2),
                    ],
                );
                svg.text(
                    x,
                    y - 9.0,
                    &[
                        a("text-anchor", "middle"),
                        a("font-size", 11.0),
                        a("font-weight", "bold"),
                        a("stroke", ink::PAPER),
                        a("stroke-width", 3.0),
                        a("paint-order", "stroke"),
                    ],
                    &m.total().to_string(),
                );
                svg.close();
            }
            svg.close();
        }
        svg.finish()
    }

    /// One total in words, with its band and session.
    fn point_words(&self, m: &Measurement, sessions: &SessionsOf<'_>) -> String {
        let mut text = format!(
            "{}: {} {}, {}",
            m.date(),
            self.instrument.label(),
            m.total(),
            m.severity(self.banding).words()
        );
        if let Some(number) = sessions.number(m) {
            text.push_str(&format!(" (session {number})"));
        }
        if !m.safety_flags().is_empty() {
            text.push_str("; safety flag");
        }
        text
    }

    fn desc(
        &self,
        measures: &[&Measurement],
        sessions: &SessionsOf<'_>,
        flags: &[CourseSafetyFlag],
        thresholds: &[(Threshold, &str)],
        last: NaiveDate,
    ) -> String {
        let mut parts: Vec<String> = flags.iter().map(|f| format!("Safety flag: {f}.")).collect();
        if measures.is_empty() {
            parts.push(format!("No {} total recorded.", self.instrument.label()));
        } else {
            let words: Vec<String> = measures
                .iter()
                .map(|m| self.point_words(m, sessions))
                .collect();
            parts.push(format!(
                "{} totals: {}.",
                self.instrument.label(),
                words.join("; ")
            ));
        }
        for (threshold, _) in thresholds {
            match threshold {
                Threshold::Line { words, .. } | Threshold::None(words) => {
                    parts.push(format!("{words}."))
                }
            }
        }
        let phases: Vec<String> = self
            .phases(last)
            .into_iter()
            .map(|(p, from, to)| format!("{p} {from} to {to}"))
            .collect();
        parts.push(format!("Phases: {}.", phases.join(", ")));
        parts.join(" ")
    }
}

/// What a rule says of a total `t` after `baseline`: a trend of the two.
fn outcome(
    baseline: &Measurement,
    t: u8,
    rule: fn(&SymptomTrend) -> MeasureOutcome,
) -> MeasureOutcome {
    let Some(later) = baseline.date().succ_opt() else {
        return MeasureOutcome::NotApplicable;
    };
    Measurement::new(baseline.instrument(), later, t)
        .ok()
        .and_then(|m| SymptomTrend::new(vec![baseline.clone(), m]).ok())
        .map_or(MeasureOutcome::NotApplicable, |trend| rule(&trend))
}

/// Adds a phase span, merged into the last when it is the same phase.
fn push_span(
    spans: &mut Vec<(ClassicPhase, NaiveDate, NaiveDate)>,
    phase: ClassicPhase,
    from: NaiveDate,
    to: NaiveDate,
) {
    match spans.last_mut() {
        Some(last) if last.0 == phase => last.2 = to,
        _ => spans.push((phase, from, to)),
    }
}

/// The instrument's bands, lowest first, as (words, lowest, highest total).
fn bands(instrument: Instrument, banding: HamdBanding) -> Vec<(String, u8, u8)> {
    let mut out: Vec<(String, u8, u8)> = Vec::new();
    for t in 0..=instrument.max_total() {
        let Some(band) = instrument.severity(t, banding) else {
            continue;
        };
        let words = band.words();
        match out.last_mut() {
            Some(last) if last.0 == words => last.2 = t,
            _ => out.push((words, t, t)),
        }
    }
    out
}

/// The banner's text when the course has a safety flag: how many, and the
/// newest.
fn safety_banner(flags: &[CourseSafetyFlag]) -> Option<String> {
    let newest = flags.first()?;
    let when = newest.session.map_or_else(
        || newest.date.to_string(),
        |s| format!("{} (session {s})", newest.date),
    );
    Some(if flags.len() == 1 {
        format!("SAFETY: 1 safety flag, {} on {when}", newest.kind.words())
    } else {
        format!(
            "SAFETY: {} safety flags; newest: {} on {when}",
            flags.len(),
            newest.kind.words()
        )
    })
}

/// The session in which each measurement of one instrument was taken, by its
/// date: the first session holding an equal measurement, as a scan of the
/// sessions would find it, looked up in a map built once.
struct SessionsOf<'a> {
    by_date: HashMap<NaiveDate, (u8, &'a Measurement)>,
}

impl<'a> SessionsOf<'a> {
    fn new(course: &'a Course, instrument: Instrument) -> Self {
        let mut by_date = HashMap::new();
        for s in course.sessions() {
            for m in s.measures.iter().filter(|m| m.instrument() == instrument) {
                by_date.entry(m.date()).or_insert((s.number, m));
            }
        }
        SessionsOf { by_date }
    }

    /// The number of the session holding `m`, if one does.
    fn number(&self, m: &Measurement) -> Option<u8> {
        self.by_date
            .get(&m.date())
            .filter(|(_, o)| *o == m)
            .map(|&(number, _)| number)
    }
}
