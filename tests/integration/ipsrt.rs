//! The Social Rhythm Metric worked by hand from the published algorithm
//! (Monk et al. 1990; Monk et al. 2002): activities done at least 3 times a
//! week qualify; the habitual time is the mean after leaving out times more
//! than 1.5 (population) standard deviations from the mean; a hit is within 45
//! minutes of it; the score is hits per qualifying activity. Times past
//! midnight are read around the clock. Also the diary's JSON and its errors,
//! the rhythm series, and the ASRM beside the PHQ-9 in a course.

use chrono::NaiveDate;
use interpersonal::course::SessionRecord;
use interpersonal::ipsrt::{
    ClockTime, Involvement, MoodRating, RhythmSeries, Scorability, SrmActivity, SrmEntry, SrmForm,
    SrmWeek, TrendDirection,
};
use interpersonal::measure::{
    ASRM_CUTOFF, AsrmAnswers, AsrmBand, AsrmItem, AsrmScore, Instrument, Measurement,
    SafetyFlagKind, SafetySource, ScoringOptions,
};
use interpersonal::{Course, Phase, Phq9Score, ProblemArea, TreatmentContract, from_json};

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn t(h: u8, m: u8) -> Option<ClockTime> {
    Some(ClockTime::from_hm(h, m).unwrap())
}

fn week(
    form: SrmForm,
    start: NaiveDate,
    rows: &[(SrmActivity, [Option<ClockTime>; 7])],
) -> SrmWeek {
    let mut w = SrmWeek::new(start, form);
    for (activity, days) in rows {
        for (d, time) in days.iter().enumerate() {
            if let Some(time) = time {
                w.record(d, SrmEntry::done(*activity, *time)).unwrap();
            }
        }
    }
    w
}

/// The worked SRM-5 week of the golden tests.
fn golden_week() -> SrmWeek {
    week(
        SrmForm::Srm5,
        date(3, 2),
        &[
            (
                SrmActivity::OUT_OF_BED,
                [
                    t(7, 0),
                    t(7, 10),
                    t(7, 20),
                    t(7, 30),
                    t(7, 40),
                    t(9, 30),
                    None,
                ],
            ),
            (
                SrmActivity::FIRST_CONTACT,
                [t(8, 0), t(8, 0), None, None, None, None, None],
            ),
            (
                SrmActivity::START_WORK,
                [t(9, 0), t(9, 0), t(10, 0), t(11, 0), None, None, None],
            ),
            (SrmActivity::DINNER, [t(19, 0); 7]),
            (
                SrmActivity::GO_TO_BED,
                [
                    t(23, 0),
                    t(23, 30),
                    t(0, 15),
                    t(23, 45),
                    t(1, 30),
                    t(23, 15),
                    t(0, 0),
                ],
            ),
        ],
    )
}

#[test]
fn golden_srm5_week_worked_by_hand() {
    let score = golden_week().score();

    // OUT OF BED: 07:00 07:10 07:20 07:30 07:40 09:30 = 420 430 440 450 460 570 (n = 6).
    // Σx = 2770; Σx² = 176400 + 184900 + 193600 + 202500 + 211600 + 324900 = 1293900.
    // n·Σx² − (Σx)² = 7763400 − 7672900 = 90500, so sd = √90500 / 6 = 50.1 min.
    // 09:30: |6·570 − 2770| = 650 → 650/6 = 108.3 min = 2.16 sd > 1.5: left out.
    // 07:00: |6·420 − 2770| = 250 → 41.7 min = 0.83 sd: kept.
    // Habitual = (420 + 430 + 440 + 450 + 460) / 5 = 440 = 07:20.
    // Hits (|x − 440| ≤ 45): 07:00 … 07:40 (20, 10, 0, 10, 20 min) = 5; 09:30 (130 min) misses.
    let r = score.activity(SrmActivity::OUT_OF_BED).unwrap();
    assert_eq!((r.times_done, r.qualifies), (6, true));
    assert_eq!(r.habitual_time, t(7, 20));
    assert_eq!(r.habitual_minutes, Some(440.0));
    assert_eq!(r.discarded_days, vec![5]);
    assert_eq!(r.hit_days, vec![0, 1, 2, 3, 4]);
    assert_eq!(r.hits, 5);

    // FIRST CONTACT: twice, fewer than 3: does not qualify, no habitual time, no hits.
    let r = score.activity(SrmActivity::FIRST_CONTACT).unwrap();
    assert_eq!(
        (r.times_done, r.qualifies, r.habitual_time, r.hits),
        (2, false, None, 0)
    );

    // START WORK: 09:00 09:00 10:00 11:00 = 540 540 600 660 (n = 4).
    // Σx = 2340 (mean 585); Σx² = 291600 + 291600 + 360000 + 435600 = 1378800.
    // n·Σx² − (Σx)² = 5515200 − 5475600 = 39600, so sd = √39600 / 4 = 49.75 min.
    // 11:00: 75 min from the mean = 1.508 sd > 1.5: left out (exactly: 4·300² = 360000 > 9·39600 = 356400).
    // 09:00: 45 min = 0.90 sd; 10:00: 15 min: kept.
    // Habitual = (540 + 540 + 600) / 3 = 560 = 09:20. Hits: 09:00 (20) ×2, 10:00 (40) = 3; 11:00 (100) misses.
    let r = score.activity(SrmActivity::START_WORK).unwrap();
    assert_eq!(r.habitual_time, t(9, 20));
    assert_eq!(r.discarded_days, vec![3]);
    assert_eq!(r.hit_days, vec![0, 1, 2]);

    // DINNER: 19:00 every day: sd 0, nothing left out, habitual 19:00, 7 hits.
    let r = score.activity(SrmActivity::DINNER).unwrap();
    assert_eq!((r.habitual_time, r.hits), (t(19, 0), 7));
    assert!(r.discarded_days.is_empty());

    // GO TO BED, across midnight: 23:00 23:30 00:15 23:45 01:30 23:15 00:00.
    // Around the clock the tightest reading puts the after-midnight times a day later:
    // 1380 1410 1455 1425 1530 1395 1440 (minutes from the first midnight).
    // Σx = 10035 (mean 1433.6 = 23:53.6); Σx² = 14400675;
    // n·Σx² − (Σx)² = 100804725 − 100701225 = 103500, sd = √103500 / 7 = 45.96 min.
    // 01:30 (1530): 96.4 min = 2.10 sd: left out. 23:00 (1380): 53.6 min = 1.17 sd: kept.
    // Habitual = (10035 − 1530) / 6 = 1417.5 = 23:37:30, shown rounded as 23:38.
    // Hits (≤ 45 min from 1417.5): 23:00 (37.5), 23:15 (22.5), 23:30 (7.5), 23:45 (7.5),
    // 00:00 (22.5), 00:15 (37.5) = 6; 01:30 (112.5) misses.
    let r = score.activity(SrmActivity::GO_TO_BED).unwrap();
    assert_eq!(r.habitual_time, t(23, 38));
    assert_eq!(r.habitual_minutes, Some(1417.5));
    assert_eq!(r.discarded_days, vec![4]);
    assert_eq!(r.hit_days, vec![0, 1, 2, 3, 5, 6]);
    // Read as plain minutes, without the wrap, the mean would be (1380 + 1410 + 15 + 1425
    // + 90 + 1395 + 0) / 7 = 816 = 13:36, an afternoon bedtime no night is near.

    // SRM score = (5 + 3 + 7 + 6) / 4 qualifying activities = 21 / 4 = 5.25.
    assert_eq!(
        score.scorability,
        Scorability::Scorable {
            score: 5.25,
            hits: 21,
            qualifying_activities: 4
        }
    );
    // ALI = activities done, once per day: 6 + 2 + 4 + 7 + 7 = 26 (of 35 on the SRM-5).
    assert_eq!(score.activity_level_index, 26);
    // Detail for every SRM-5 activity, in the form's order.
    let order: Vec<SrmActivity> = score.activities.iter().map(|a| a.activity).collect();
    assert_eq!(order, SrmActivity::SRM5.to_vec());
}

#[test]
fn a_week_with_no_qualifying_activity_is_not_scorable_not_zero() {
    // Every activity done twice: ALI 10, no score.
    let two = [t(7, 0), t(9, 0), None, None, None, None, None];
    let rows: Vec<(SrmActivity, [Option<ClockTime>; 7])> =
        SrmActivity::SRM5.iter().map(|a| (*a, two)).collect();
    let score = week(SrmForm::Srm5, date(3, 2), &rows).score();
    assert_eq!(score.scorability, Scorability::NotScorable);
    assert_eq!(score.value(), None);
    assert_eq!(score.activity_level_index, 10);
    // One activity done three times, all misses but one, is scorable, even at a low score.
    // 06:00 12:00 18:00 = 360 720 1080: the tightest reading is the plain one (spread
    // 3·(360² + 720² + 1080²) − 2160² = 3·1814400 − 4665600 = 777600, against
    // 3·(720² + 1080² + 1800²) − 3600² = 3·4924800 − 12960000 = 1814400 for a cut before
    // 12:00, and the same for one before 18:00); mean 12:00, sd 293.9 min, none left out;
    // 12:00 is the only hit: score 1.
    let three = [t(6, 0), t(12, 0), t(18, 0), None, None, None, None];
    let score = week(SrmForm::Srm5, date(3, 2), &[(SrmActivity::DINNER, three)]).score();
    assert_eq!(score.value(), Some(1.0));
    assert_eq!(
        score.activity(SrmActivity::DINNER).unwrap().habitual_time,
        t(12, 0)
    );
}

#[test]
fn bedtimes_half_an_hour_either_side_of_midnight() {
    // 23:30 and 00:30 on alternate nights, 7 nights: 4 × 1410 and 3 × 1470 (00:30 + 24 h).
    // Mean = (5640 + 4410) / 7 = 1435.7 (23:55.7); every time within 34.3 min: 7 hits.
    // None is left out (sd 29.7 min; the farthest, 34.3 min, is 1.15 sd).
    // Read without the wrap, the four 23:30s and three 00:30s would average
    // (5640 + 90) / 7 = 818.6 = about 13:39: no hit at all.
    let nights = [
        t(23, 30),
        t(0, 30),
        t(23, 30),
        t(0, 30),
        t(23, 30),
        t(0, 30),
        t(23, 30),
    ];
    let score = week(
        SrmForm::Srm5,
        date(3, 2),
        &[(SrmActivity::GO_TO_BED, nights)],
    )
    .score();
    let r = score.activity(SrmActivity::GO_TO_BED).unwrap();
    assert_eq!(r.hits, 7);
    assert_eq!(r.habitual_time, t(23, 56));
    assert_eq!(score.value(), Some(7.0));
    assert_eq!(
        ClockTime::from_hm(23, 30)
            .unwrap()
            .distance(ClockTime::from_hm(0, 30).unwrap()),
        60
    );
}

#[test]
fn the_45_minute_boundary_is_a_hit() {
    // 06:15, 07:00 ×5, 07:45: mean 07:00, sd = √((45² + 45²) / 7) = 24.05 min, so 45 min
    // is 1.87 sd: both ends are left out; habitual 07:00; 06:15 and 07:45 are exactly
    // 45 min away, and "within 45 minutes" counts them: 7 hits.
    let days = [
        t(6, 15),
        t(7, 0),
        t(7, 0),
        t(7, 0),
        t(7, 0),
        t(7, 0),
        t(7, 45),
    ];
    let score = week(
        SrmForm::Srm5,
        date(3, 2),
        &[(SrmActivity::OUT_OF_BED, days)],
    )
    .score();
    let r = score.activity(SrmActivity::OUT_OF_BED).unwrap();
    assert_eq!(r.discarded_days, vec![0, 6]);
    assert_eq!(r.hits, 7);
}

#[test]
fn moving_one_miss_onto_the_habitual_time_can_lower_the_score() {
    // The published habitual time is a mean, so it moves with the times: moving a miss
    // onto last reading's habitual time is not "adding a hit". Dinner at 17:00, 19:00, 22:00
    // (1020, 1140, 1320): mean 1160 = 19:20 (with 3 times none can be left out);
    // hits: 19:00 (20 min) only: score 1.
    let before = [t(17, 0), t(19, 0), t(22, 0), None, None, None, None];
    let score = week(SrmForm::Srm5, date(3, 2), &[(SrmActivity::DINNER, before)]).score();
    assert_eq!(
        score.activity(SrmActivity::DINNER).unwrap().habitual_time,
        t(19, 20)
    );
    assert_eq!(score.value(), Some(1.0));
    // Move the 17:00 miss to 19:20: 1160, 1140, 1320, mean 1206.7 = 20:06:40; now 19:20
    // is 46.7 min away, 19:00 66.7 and 22:00 113.3: no hit, score 0 (still scorable).
    let after = [t(19, 20), t(19, 0), t(22, 0), None, None, None, None];
    let score = week(SrmForm::Srm5, date(3, 2), &[(SrmActivity::DINNER, after)]).score();
    assert_eq!(
        score.activity(SrmActivity::DINNER).unwrap().habitual_time,
        t(20, 7)
    );
    assert_eq!(score.value(), Some(0.0));
    // What does hold (tests/integration/ipsrt_props.rs): moving every time of an activity onto its
    // habitual time never lowers the score.
}

#[test]
fn a_tie_between_equal_gaps_does_not_move_under_a_shift() {
    // Dinner at 00:00 (Monday), 08:00 (Tuesday), 16:00 (Wednesday): three equal gaps of
    // 8 hours, so every cut of the circle is equally tight and gives one hit. The tie is
    // broken by the day the line starts with (Monday): 0, 480, 960, mean 480 = 08:00,
    // and the hit is Tuesday's.
    let even = [t(0, 0), t(8, 0), t(16, 0), None, None, None, None];
    let score = week(SrmForm::Srm5, date(3, 2), &[(SrmActivity::DINNER, even)]).score();
    let dinner = score.activity(SrmActivity::DINNER).unwrap();
    assert_eq!(dinner.habitual_time, t(8, 0));
    assert_eq!(dinner.hit_days, vec![1]);
    // Every time 14 h 42 min later (882 min, the shift proptest once found moving a tied
    // layout): 14:42, 22:42, 06:42. The same gap is cut (the line still starts on Monday):
    // 882, 1362, 1842, mean 1362 = 22:42, which is 08:00 shifted, and the hit is Tuesday's.
    let shifted = [t(14, 42), t(22, 42), t(6, 42), None, None, None, None];
    let score = week(SrmForm::Srm5, date(3, 2), &[(SrmActivity::DINNER, shifted)]).score();
    let dinner = score.activity(SrmActivity::DINNER).unwrap();
    assert_eq!(dinner.habitual_time, t(22, 42));
    assert_eq!(dinner.hit_days, vec![1]);
}

#[test]
fn srm17_activities_and_form_checks() {
    assert_eq!(SrmForm::Srm17.activities().len(), 17);
    assert_eq!(SrmForm::Srm17.max_activity_level(), 119);
    assert_eq!(SrmForm::Srm5.max_activity_level(), 35);
    let mut w = SrmWeek::new(date(3, 2), SrmForm::Srm17);
    for d in 0..7 {
        w.record(
            d,
            SrmEntry::done(SrmActivity::LUNCH, ClockTime::from_hm(12, 30).unwrap()),
        )
        .unwrap();
        w.record(d, SrmEntry::not_done(SrmActivity::AFTERNOON_NAP))
            .unwrap();
    }
    let s = w.score();
    assert_eq!(s.value(), Some(7.0));
    assert_eq!(s.activity_level_index, 7);
    assert_eq!(s.activities.len(), 17);
}

#[test]
fn diary_json_reports_every_problem_at_its_path() {
    let json = r#"{"week_start": "2026-03-02", "form": "srm17", "days": [
        {"entries": [{"activity": "out_of_bed", "time": "25:10", "people": 1},
                     {"activity": "lunch", "time": "12:00", "people": 4}]},
        {"entries": [{"activity": "dinner", "time": "19:00"}], "mood": -6},
        {}, {}, {}, {}, {}, {}]}"#;
    let err = from_json::<SrmWeek>(json).unwrap_err();
    assert_eq!(err.path.as_str(), "$");
    let m = &err.message;
    assert!(m.starts_with("4 problems: "), "{m}");
    for expected in [
        "$.days: expected 7 days, the first on week_start 2026-03-02; found 8",
        "$.days[0].entries[0].time: expected a time of day with an hour from 00 to 23, or null when not done",
        "$.days[0].entries[1].people: expected an involvement code from 0 to 3; found 4",
        "$.days[1].mood: expected a mood rating from -5 to 5; found -6",
    ] {
        assert!(m.contains(expected), "{m}\n  lacks: {expected}");
    }
    // A field the schema does not know is refused with its path.
    let err = from_json::<SrmWeek>(
        r#"{"week_start": "2026-03-02", "form": "srm5", "days": [{"entries": [{"activity": "dinner", "when": "19:00"}]}]}"#,
    )
    .unwrap_err();
    // The unknown key itself is not shown: the path ends at its object.
    assert_eq!(err.path.as_str(), "$.days[0].entries[0]");
    // A wrong form name is a JSON error at its path.
    let err = from_json::<SrmWeek>(r#"{"week_start": "2026-03-02", "form": "srm6", "days": []}"#)
        .unwrap_err();
    assert_eq!(err.path.as_str(), "$.form");
}

#[test]
fn diary_errors_convert_into_the_crate_error() {
    use interpersonal::Error;
    use interpersonal::error::ErrorKind;
    fn build() -> Result<SrmWeek, Error> {
        let mut week = SrmWeek::new(date(3, 2), SrmForm::Srm5);
        week.record(0, SrmEntry::done(SrmActivity::DINNER, "19:00".parse()?))?;
        week.set_mood(0, MoodRating::new(2)?)?;
        week.record(0, SrmEntry::done(SrmActivity::LUNCH, "12:00".parse()?))?;
        Ok(week)
    }
    let err = build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Diary);
    assert!(err.is_refused());
    let err: Error = "7h".parse::<ClockTime>().unwrap_err().into();
    assert_eq!(err.kind(), ErrorKind::Rhythm);
    let err: Error = Involvement::new(4).unwrap_err().into();
    assert!(err.is_malformed());
    let err: Error = "brunch".parse::<SrmActivity>().unwrap_err().into();
    assert!(err.is_malformed());
}

#[test]
fn typed_codes_refuse_out_of_range_values() {
    assert!(Involvement::new(3).is_ok());
    assert_eq!(Involvement::new(4).unwrap_err().found, 4);
    assert!(MoodRating::new(-5).is_ok() && MoodRating::new(5).is_ok());
    assert!(MoodRating::new(-6).is_err() && MoodRating::new(6).is_err());
    assert!("24:00".parse::<ClockTime>().is_err());
    assert!("23:59".parse::<ClockTime>().is_ok());
}

#[test]
fn the_bundled_series_reads_and_trends() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/ipsrt_data/rhythm_series.json"
    ))
    .unwrap();
    let series: RhythmSeries = from_json(&text).unwrap();
    assert!(series.weeks().len() >= 4);
    let scores = series.scores();
    for s in &scores {
        let v = s.value().unwrap();
        assert!((0.0..=7.0).contains(&v));
    }
    let trend = series.trend();
    assert_eq!(trend.direction, TrendDirection::MoreRegular);
    assert!(trend.slope_per_week.unwrap() > 0.0);
    assert!(!series.drift().is_empty());
    assert_eq!(series.moods().len(), 7 * series.weeks().len());
    // Written back, it reads the same.
    let again: RhythmSeries = from_json(&serde_json::to_string(&series).unwrap()).unwrap();
    assert_eq!(again, series);
}

// ---------------------------------------------------------------------------
// The ASRM, beside the PHQ-9.

#[test]
fn asrm_cut_off_and_flag() {
    assert_eq!(ASRM_CUTOFF, 6);
    assert_eq!(Instrument::Asrm.item_count(), 5);
    assert_eq!(Instrument::Asrm.max_total(), 20);
    assert_eq!(Instrument::Asrm.panel_loinc(), None);
    // 5 is below the cut-off (Altman et al. 1997: "greater than 5").
    let five = AsrmScore::from_scores([1, 1, 1, 1, 1]).unwrap();
    assert_eq!((five.total(), five.band()), (5, AsrmBand::NegativeScreen));
    assert!(five.safety_flags().is_empty());
    let six = AsrmScore::from_scores([2, 1, 1, 1, 1]).unwrap();
    assert_eq!(six.band(), AsrmBand::PositiveScreen);
    let flags = six.safety_flags();
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].kind, SafetyFlagKind::PossibleMania);
    assert_eq!(flags[0].source, SafetySource::AsrmTotal);
    assert_eq!(flags[0].to_string(), "ASRM total 6 (cut-off 6)");
    // Out of range and missing items are reported at once, each at its path.
    let answers: AsrmAnswers = from_json(r#"{"items": {"sleep": 5, "speech": 1}}"#).unwrap();
    let problems = AsrmScore::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        // The out-of-range score first, then the unanswered items.
        [
            "$.items.sleep",
            "$.items.positive_mood",
            "$.items.self_confidence",
            "$.items.activity"
        ]
    );
    assert_eq!(AsrmItem::Sleep.to_string(), "sleep");
    // A stored score cannot drop its flag.
    let json = serde_json::to_string(&six).unwrap();
    let dropped = json.replace(
        r#"[{"kind":"possible_mania","source":"asrm_total","score":6}]"#,
        "[]",
    );
    assert_ne!(json, dropped);
    assert!(serde_json::from_str::<AsrmScore>(&dropped).is_err());
    // A measurement from a total alone carries the flag, and reading one checks it.
    let m = Measurement::new(Instrument::Asrm, date(3, 2), 9).unwrap();
    assert_eq!(m.safety_flags().len(), 1);
    let bare = r#"{"instrument": "asrm", "date": "2026-03-02", "total": 9}"#;
    let err = from_json::<Measurement>(bare).unwrap_err();
    assert_eq!(err.path.as_str(), "$.safety_flags", "{err}");
    assert!(
        err.message
            .contains("expected the flag the total gives, ASRM total 9"),
        "{err}"
    );
    let wrong_kind = r#"{"instrument": "asrm", "date": "2026-03-02", "total": 9,
        "safety_flags": [{"kind": "suicidal_ideation", "source": "asrm_total", "score": 9}]}"#;
    assert!(from_json::<Measurement>(wrong_kind).is_err());
    assert_eq!(
        from_json::<Measurement>(&serde_json::to_string(&m).unwrap()).unwrap(),
        m
    );
}

#[test]
fn a_course_tracks_both_poles_and_surfaces_the_mania_flag_first() {
    let start = date(3, 2);
    let contract = TreatmentContract::builder(start, [ProblemArea::RoleTransition])
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    let phq9 = Phq9Score::from_scores([1, 1, 1, 1, 0, 0, 0, 0, 0]).unwrap();
    let asrm = AsrmScore::from_scores([2, 2, 1, 1, 1]).unwrap();
    course
        .record_session(
            SessionRecord::new(1, start, Phase::Assessment)
                .with_measure(phq9.measurement(start))
                .with_measure(asrm.measurement(start)),
        )
        .unwrap();
    let flags = course.safety_flags();
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].kind, SafetyFlagKind::PossibleMania);
    assert_eq!(
        flags[0].to_string(),
        "possible mania: ASRM total 7 (cut-off 6) on 2026-03-02 (session 1); \
         a clinician reviews the patient for a manic or hypomanic episode; \
         a positive screen is not a diagnosis"
    );
    // Both poles have a trend.
    assert!(course.trend(Instrument::Phq9, start).is_some());
    assert_eq!(course.trend(Instrument::Asrm, start).unwrap().len(), 1);
    let review = course.review(start);
    assert_eq!(review.safety_flags.len(), 1);
}

/// Issue 12 point 6: an IPSRT course's review asks for the PHQ-9 and the ASRM
/// (not the GAD-7) at the measurement sessions and for the rhythm diary at
/// every session; a positive mania screen comes first, as a safety flag.
#[test]
fn an_ipsrt_review_schedules_both_poles_and_the_rhythm_diary() {
    use interpersonal::course::{Modality, ReviewAdvisoryCode};
    let start = date(3, 2);
    let contract = TreatmentContract::builder(start, [ProblemArea::GriefForLostHealthySelf])
        .modality(Modality::IPSRT)
        .sessions(20)
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    let review = course.review(start);
    assert_eq!(review.measurement_due, Some(1));
    assert_eq!(review.measures_due, [Instrument::Phq9, Instrument::Asrm]);
    assert_eq!(review.rhythm_diary_due, Some(1));
    let due: Vec<_> = review
        .advisories
        .iter()
        .filter(|a| a.code == ReviewAdvisoryCode::MeasurementDue)
        .collect();
    assert_eq!(due.len(), 2);
    assert!(
        due[0].summary.contains("PHQ-9 and ASRM"),
        "{}",
        due[0].summary
    );
    assert!(due[0].source.cites_work("altman-1997-asrm"));
    assert!(due[1].summary.contains("Social Rhythm Metric diary"));
    assert!(due[1].source.cites_work("frank-2005-ipsrt"));
    let back: interpersonal::course::ProgressReview =
        serde_json::from_str(&serde_json::to_string(&review).unwrap()).unwrap();
    assert_eq!(back, review);

    // Session 2: the diary is due again, the mood measures are not.
    let asrm = AsrmScore::from_scores([2, 2, 1, 1, 1]).unwrap();
    course
        .record_session(
            SessionRecord::new(1, start, Phase::Assessment).with_measure(asrm.measurement(start)),
        )
        .unwrap();
    let review = course.review(start);
    assert_eq!(review.measurement_due, None);
    assert!(review.measures_due.is_empty());
    assert_eq!(review.rhythm_diary_due, Some(2));
    // The positive screen is first, in the fields, the advisories and the text.
    assert_eq!(review.safety_flags[0].kind, SafetyFlagKind::PossibleMania);
    assert_eq!(review.advisories[0].code, ReviewAdvisoryCode::SafetyFlag);
    assert!(
        review
            .to_string()
            .starts_with("SAFETY (critical): possible mania"),
        "{review}"
    );

    // A standard course keeps the standard schedule and no diary.
    let standard = TreatmentContract::builder(start, [ProblemArea::RoleTransition])
        .build()
        .unwrap();
    let review = Course::new(standard, Vec::new()).unwrap().review(start);
    assert_eq!(review.measures_due, [Instrument::Phq9, Instrument::Gad7]);
    assert_eq!(review.rhythm_diary_due, None);
    assert!(
        review
            .advisories
            .iter()
            .any(|a| a.summary.contains("PHQ-9 and GAD-7 are due at session 1"))
    );
}

/// Issue 12 point 5: the fifth area is IPSRT's only. A standard contract
/// that names it is refused at its JSON path (by `validate`, and when a
/// course holding it is read); an IPSRT contract accepts it.
#[test]
fn only_an_ipsrt_contract_takes_the_fifth_area() {
    let contract = |modality: &str| {
        format!(
            r#"{{"modality": "{modality}", "sessions": 16, "cadence": "weekly",
                "starts_on": "2026-03-02", "session_minutes": 50,
                "focus": ["role_transition", "grief_for_lost_healthy_self"]}}"#
        )
    };
    let standard = from_json::<TreatmentContract>(&contract("standard_ipt")).unwrap();
    let problems = standard.validate().unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems.as_slice()[0].path.as_str(), "$.focus[1]");
    assert!(
        problems.as_slice()[0]
            .expected
            .contains("grief_for_lost_healthy_self")
    );
    // Inside a course document the path is the contract's.
    let mut ok = standard.clone();
    ok.focus.truncate(1);
    let mut doc: serde_json::Value = serde_json::from_str(
        &interpersonal::to_json(&Course::new(ok, Vec::new()).unwrap()).unwrap(),
    )
    .unwrap();
    doc["contract"]["focus"] =
        serde_json::json!(["role_transition", "grief_for_lost_healthy_self"]);
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.contract.focus[1]"), "{err}");

    let ipsrt = from_json::<TreatmentContract>(&contract("ipsrt")).unwrap();
    assert_eq!(ipsrt.validate(), Ok(()));
    assert_eq!(
        ipsrt.focus,
        [
            ProblemArea::RoleTransition,
            ProblemArea::GriefForLostHealthySelf
        ]
    );
}
