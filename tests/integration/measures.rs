//! Symptom measures: bands at their boundaries, the suicide-risk flag, missing
//! and out-of-range items, the HAM-D-17's item ranges and banding conventions,
//! and the outcome definitions of a trend (ipt-domain.md §8, §9).

use chrono::NaiveDate;
use interpersonal::{
    Gad7Score, Hamd17Score, Phq9Score, Problems, SafetyFlag, from_json,
    measure::{
        Gad7Answers, Gad7Band, Gad7Item, Hamd17Item, Hamd17Ratings, HamdBand, HamdBanding,
        Instrument, InstrumentItem, InstrumentScore, ItemAnswers, MeasureOutcome, Measurement,
        MissingItems, PHQ9_PANEL_LOINC, PHQ9_TOTAL_LOINC, Phq9Answers, Phq9Band, Phq9Item,
        SafetyFlagKind, SafetySource, ScoreAdvisory, ScoringOptions, SymptomTrend, TrendProblem,
        measurement_due,
    },
};

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

/// Item scores in order whose total is `total`, filling items from the first,
/// leaving the suicide-risk item at `safety` (its own score counts in the total).
fn scores_for<I: InstrumentItem>(total: u32, safety: u8) -> Vec<u8> {
    let mut rest = total - u32::from(safety);
    I::ALL
        .iter()
        .map(|item| {
            if I::SAFETY_ITEM == Some(*item) {
                return safety;
            }
            let s = rest.min(u32::from(item.max_score()));
            rest -= s;
            s as u8
        })
        .collect()
}

fn phq9(total: u32) -> Phq9Score {
    let safety = total.saturating_sub(24) as u8;
    Phq9Score::from_scores(scores_for::<Phq9Item>(total, safety)).unwrap()
}

fn gad7(total: u32) -> Gad7Score {
    Gad7Score::from_scores(scores_for::<Gad7Item>(total, 0)).unwrap()
}

fn hamd(total: u32) -> Hamd17Score {
    let safety = total.saturating_sub(48) as u8;
    Hamd17Score::from_scores(scores_for::<Hamd17Item>(total, safety)).unwrap()
}

fn paths(problems: &Problems) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

fn pro_rate(max_missing: u8) -> ScoringOptions {
    ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing })
}

// --- PHQ-9 -----------------------------------------------------------------

#[test]
fn phq9_bands_at_every_boundary() {
    let cases = [
        (0, Phq9Band::Minimal),
        (4, Phq9Band::Minimal),
        (5, Phq9Band::Mild),
        (9, Phq9Band::Mild),
        (10, Phq9Band::Moderate),
        (14, Phq9Band::Moderate),
        (15, Phq9Band::ModeratelySevere),
        (19, Phq9Band::ModeratelySevere),
        (20, Phq9Band::Severe),
        (27, Phq9Band::Severe),
    ];
    for (total, band) in cases {
        let score = phq9(total);
        assert_eq!(u32::from(score.total()), total);
        assert_eq!(score.band(), band, "total {total}");
        assert_eq!(Phq9Band::from_total(total as u8), Some(band));
    }
    assert_eq!(Phq9Band::from_total(28), None);
}

#[test]
fn phq9_caseness_is_ten_or_more() {
    assert!(!phq9(9).is_case());
    assert!(phq9(10).is_case());
}

#[test]
fn phq9_loinc_codes_follow_the_item_order() {
    assert_eq!(PHQ9_PANEL_LOINC, "44249-1");
    assert_eq!(PHQ9_TOTAL_LOINC, "44261-6");
    let codes: Vec<&str> = Phq9Item::ALL.iter().map(|i| i.loinc()).collect();
    assert_eq!(
        codes,
        [
            "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
            "44260-8"
        ]
    );
    assert_eq!(Instrument::Gad7.panel_loinc(), Some("69737-5"));
    assert_eq!(Instrument::Gad7.total_loinc(), Some("70274-6"));
}

#[test]
fn out_of_range_items_are_all_rejected_with_their_paths() {
    let err = Phq9Score::from_scores([4, 0, 0, 0, 9, 0, 0, 0, 0]).unwrap_err();
    assert_eq!(paths(&err), ["$.items[0]", "$.items[4]"]);
    let first = &err.as_slice()[0];
    assert_eq!(
        first.expected,
        "a score from 0 to 3 for PHQ-9 item 1 (little_interest); found 4"
    );
    let err = Gad7Score::from_scores([0, 0, 0, 0, 0, 0, 4]).unwrap_err();
    assert_eq!(paths(&err), ["$.items[6]"]);
    // Pro-rating never excuses an out-of-range answer.
    let answers = Phq9Answers::from_optional_scores([
        Some(5),
        None,
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
    ]);
    let err = Phq9Score::from_answers(&answers, &pro_rate(9)).unwrap_err();
    assert_eq!(paths(&err), ["$.items[0]"]);
}

#[test]
fn too_many_entries_are_rejected() {
    let err = Phq9Score::from_scores([0; 11]).unwrap_err();
    assert_eq!(paths(&err), ["$.items[9]"]);
    assert!(err.to_string().contains("found 11"), "{err}");
}

#[test]
fn map_answers_are_reported_by_item_name() {
    let answers: Phq9Answers = from_json(
        r#"{"items": {"little_interest": 1, "feeling_down": 5, "sleep": 1, "tired": 1,
                      "appetite": 0, "feeling_bad_about_self": 0, "concentration": 0,
                      "moving_slowly_or_restless": 0}}"#,
    )
    .unwrap();
    let err = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    assert_eq!(
        paths(&err),
        ["$.items.feeling_down", "$.items.self_harm_thoughts"]
    );
    assert!(
        err.as_slice()[1].expected.contains("the suicide-risk item"),
        "{err}"
    );
}

// --- the suicide-risk item -------------------------------------------------

#[test]
fn item9_zero_raises_no_flag() {
    let score = Phq9Score::from_scores([3, 3, 3, 3, 3, 3, 3, 3, 0]).unwrap();
    assert_eq!(score.band(), Phq9Band::Severe);
    assert!(score.safety_flags().is_empty());
    assert!(score.advisories().is_empty());
}

#[test]
fn item9_positive_raises_a_flag_whatever_the_total() {
    for item9 in 1..=3u8 {
        let score = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, item9]).unwrap();
        assert_eq!(score.band(), Phq9Band::Minimal);
        assert_eq!(
            score.safety_flags(),
            vec![SafetyFlag::suicidal_ideation(SafetySource::Phq9Item9, item9).unwrap()]
        );
        let flag = score.safety_flags()[0];
        assert_eq!(flag.kind, SafetyFlagKind::SuicidalIdeation);
        assert_eq!(flag.score, item9);
        assert!(flag.kind.required_action().contains("same day"));
    }
}

#[test]
fn no_option_suppresses_the_flag() {
    let answers = Phq9Answers::from_optional_scores([
        None,
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(1),
    ]);
    for options in [pro_rate(1), pro_rate(8), pro_rate(u8::MAX)] {
        let score = Phq9Score::from_answers(&answers, &options).unwrap();
        assert_eq!(score.safety_flags().len(), 1, "{options:?}");
        let m = score.measurement(day(3, 2));
        assert_eq!(m.safety_flags().len(), 1);
    }
}

#[test]
fn the_flag_survives_json() {
    let score = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, 2]).unwrap();
    let json = serde_json::to_string(&score.measurement(day(3, 2))).unwrap();
    let back: Measurement = from_json(&json).unwrap();
    assert_eq!(back.safety_flags(), score.safety_flags().as_slice());
    let trend = SymptomTrend::new(vec![back]).unwrap();
    assert_eq!(trend.summary().safety_flag_dates, vec![day(3, 2)]);
}

#[test]
fn an_unanswered_suicide_item_is_reported_not_read_as_no_risk() {
    let answers = Phq9Answers::from_optional_scores([
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        None,
    ]);
    // By default it is an error naming the item.
    let err = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    assert_eq!(paths(&err), ["$.items[8]"]);
    // Pro-rated, it is an advisory.
    let score = Phq9Score::from_answers(&answers, &pro_rate(1)).unwrap();
    assert!(score.safety_flags().is_empty());
    assert_eq!(
        score.advisories(),
        [
            ScoreAdvisory::SuicideItemUnanswered,
            ScoreAdvisory::ProRated
        ]
    );
    assert_eq!(
        score.measurement(day(3, 2)).advisories(),
        [
            ScoreAdvisory::SuicideItemUnanswered,
            ScoreAdvisory::ProRated
        ]
    );
}

#[test]
fn gad7_has_no_suicide_item() {
    let answers = Gad7Answers::from_optional_scores([Some(3); 6]);
    let score = Gad7Score::from_answers(&answers, &pro_rate(1)).unwrap();
    assert!(score.safety_flags().is_empty());
    assert_eq!(score.advisories(), [ScoreAdvisory::ProRated]);
}

// --- missing items and pro-rating ------------------------------------------

#[test]
fn every_missing_item_is_listed_by_default() {
    let answers = Phq9Answers::from_optional_scores([Some(1), None, Some(1), None, Some(1)]);
    let err = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    assert_eq!(
        paths(&err),
        [
            "$.items[1]",
            "$.items[3]",
            "$.items[5]",
            "$.items[6]",
            "$.items[7]",
            "$.items[8]"
        ]
    );
    assert!(err.iter().all(|p| p.expected.ends_with("found no answer")));
}

#[test]
fn missing_items_are_never_a_silent_zero() {
    let answers = Gad7Answers::new().with(Gad7Item::FeelingNervous, 3);
    assert!(Gad7Score::from_answers(&answers, &ScoringOptions::default()).is_err());
}

#[test]
fn pro_rating_respects_its_limit() {
    let answers = Phq9Answers::from_optional_scores([
        Some(2),
        None,
        Some(2),
        None,
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(0),
    ]);
    let err = Phq9Score::from_answers(&answers, &pro_rate(1)).unwrap_err();
    assert_eq!(paths(&err), ["$.items[1]", "$.items[3]"]);
    assert!(
        err.to_string()
            .contains("pro-rating allows at most 1 unanswered on the PHQ-9; 2 are"),
        "{err}"
    );
    let score = Phq9Score::from_answers(&answers, &pro_rate(2)).unwrap();
    // round(12 × 9 ÷ 7) = round(15.43) = 15
    assert_eq!(score.total(), 15);
    assert!(score.is_prorated());
    assert_eq!(
        score.unanswered_items(),
        [Phq9Item::FeelingDown, Phq9Item::Tired]
    );
    assert_eq!(score.item(Phq9Item::FeelingDown), None);
}

#[test]
fn pro_rating_needs_an_answer() {
    let err = Phq9Score::from_answers(&Phq9Answers::new(), &pro_rate(u8::MAX)).unwrap_err();
    assert_eq!(err.len(), 9);
    assert!(err.to_string().contains("at least one answered item"));
}

#[test]
fn pro_rated_totals_stay_in_range() {
    let answers = Phq9Answers::from_optional_scores(
        Phq9Item::ALL
            .iter()
            .map(|i| (*i != Phq9Item::Tired).then_some(i.max_score())),
    );
    let score = Phq9Score::from_answers(&answers, &pro_rate(1)).unwrap();
    assert_eq!(score.total(), 27); // round(24 × 9 ÷ 8)
}

/// Pro-rating is capped by the instrument, whatever the options ask: two
/// unanswered PHQ-9 items (Arrieta et al. 2017), one GAD-7 item, and no
/// HAM-D-17 item, which the clinician rates in full.
#[test]
fn pro_rating_is_capped_by_the_instrument() {
    let phq = |missing: usize| {
        Phq9Answers::from_optional_scores((0..9).map(|i| (i >= missing).then_some(1)))
    };
    assert!(Phq9Score::from_answers(&phq(2), &pro_rate(9)).is_ok());
    let err = Phq9Score::from_answers(&phq(3), &pro_rate(9)).unwrap_err();
    assert!(
        err.to_string()
            .contains("at most 2 unanswered on the PHQ-9"),
        "{err}"
    );
    let gad = |missing: usize| {
        Gad7Answers::from_optional_scores((0..7).map(|i| (i >= missing).then_some(1)))
    };
    assert!(Gad7Score::from_answers(&gad(1), &pro_rate(7)).is_ok());
    assert!(Gad7Score::from_answers(&gad(2), &pro_rate(7)).is_err());
    let hamd = Hamd17Ratings::from_optional_scores(
        Hamd17Item::ALL
            .iter()
            .map(|i| (*i != Hamd17Item::Insight).then_some(1)),
    );
    let err = Hamd17Score::from_answers(&hamd, &pro_rate(17)).unwrap_err();
    assert!(err.to_string().contains("never pro-rated"), "{err}");
}

/// A form refused for missing items still raises the flag of its answered
/// suicide-risk item (ipt-domain.md §8.1, §9): PHQ-9 item 9, HAM-D-17 item 3.
#[test]
fn a_refused_form_still_raises_its_safety_flag() {
    let answers = Phq9Answers::from_optional_scores([
        None,
        None,
        None,
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
    ]);
    let refused = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    assert_eq!(refused.safety_flags.len(), 1);
    assert_eq!(refused.safety_flags[0].score, 1);
    assert!(
        refused
            .to_string()
            .starts_with("SAFETY: phq9_item9 scored 1")
    );
    let problems: interpersonal::Problems = refused.into();
    assert_eq!(problems.as_slice()[0].path.as_str(), "$.items[8]");
    // Item 9 at 0 or unanswered: no flag.
    let quiet = Phq9Answers::from_optional_scores([
        None,
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(0),
    ]);
    assert!(
        Phq9Score::from_answers(&quiet, &ScoringOptions::default())
            .unwrap_err()
            .safety_flags
            .is_empty()
    );
    // The HAM-D-17 suicide item, on a form with an out-of-range rating.
    let hamd = Hamd17Ratings::from_optional_scores(Hamd17Item::ALL.iter().map(|i| match i {
        Hamd17Item::Suicide => Some(3),
        Hamd17Item::Insight => Some(9),
        _ => Some(0),
    }));
    let refused = Hamd17Score::from_answers(&hamd, &ScoringOptions::default()).unwrap_err();
    assert_eq!(refused.safety_flags.len(), 1);
    assert_eq!(refused.safety_flags[0].score, 3);
}

// --- GAD-7 -----------------------------------------------------------------

#[test]
fn gad7_bands_at_every_boundary() {
    let cases = [
        (0, Gad7Band::Minimal),
        (4, Gad7Band::Minimal),
        (5, Gad7Band::Mild),
        (9, Gad7Band::Mild),
        (10, Gad7Band::Moderate),
        (14, Gad7Band::Moderate),
        (15, Gad7Band::Severe),
        (21, Gad7Band::Severe),
    ];
    for (total, band) in cases {
        let score = gad7(total);
        assert_eq!(u32::from(score.total()), total);
        assert_eq!(score.band(), band, "total {total}");
    }
    assert_eq!(Gad7Band::from_total(22), None);
}

#[test]
fn gad7_cut_offs() {
    assert!(!gad7(7).is_case());
    assert!(gad7(8).is_case());
    assert!(!gad7(9).is_probable_gad());
    assert!(gad7(10).is_probable_gad());
}

// --- HAM-D-17 ----------------------------------------------------------------

#[test]
fn hamd_item_ranges() {
    let fours = [1u8, 2, 3, 7, 8, 9, 10, 11, 15];
    for item in Hamd17Item::ALL {
        let expected = if fours.contains(&item.number()) { 4 } else { 2 };
        assert_eq!(item.max_score(), expected, "{item}");
        let at_max = Hamd17Ratings::from_scores(
            Hamd17Item::ALL
                .iter()
                .map(|i| if *i == item { expected } else { 0 }),
        );
        let score = Hamd17Score::from_answers(&at_max, &ScoringOptions::default()).unwrap();
        assert_eq!(score.total(), expected);
        let over = Hamd17Ratings::from_scores(
            Hamd17Item::ALL
                .iter()
                .map(|i| if *i == item { expected + 1 } else { 0 }),
        );
        let err = Hamd17Score::from_answers(&over, &ScoringOptions::default()).unwrap_err();
        assert_eq!(paths(&err), [format!("$.items[{}]", item.position())]);
    }
    let all_max = Hamd17Score::from_scores(Hamd17Item::ALL.iter().map(|i| i.max_score())).unwrap();
    assert_eq!(all_max.total(), 52);
}

#[test]
fn hamd_zimmerman_bands_at_their_boundaries() {
    let z = HamdBanding::Zimmerman2013;
    let cases = [
        (0, HamdBand::NoDepression),
        (7, HamdBand::NoDepression),
        (8, HamdBand::Mild),
        (16, HamdBand::Mild),
        (17, HamdBand::Moderate),
        (23, HamdBand::Moderate),
        (24, HamdBand::Severe),
        (52, HamdBand::Severe),
    ];
    for (total, band) in cases {
        assert_eq!(hamd(total).band(z), band, "total {total}");
    }
    assert_eq!(HamdBanding::default(), z);
}

#[test]
fn hamd_classic_bands_at_their_boundaries() {
    let c = HamdBanding::Classic;
    let cases = [
        (0, HamdBand::NoDepression),
        (7, HamdBand::NoDepression),
        (8, HamdBand::Mild),
        (13, HamdBand::Mild),
        (14, HamdBand::Moderate),
        (18, HamdBand::Moderate),
        (19, HamdBand::Severe),
        (22, HamdBand::Severe),
        (23, HamdBand::VerySevere),
        (52, HamdBand::VerySevere),
    ];
    for (total, band) in cases {
        assert_eq!(hamd(total).band(c), band, "total {total}");
    }
}

#[test]
fn hamd_suicide_item_raises_a_flag() {
    let mut ratings = [0u8; 17];
    assert!(
        Hamd17Score::from_scores(ratings)
            .unwrap()
            .safety_flags()
            .is_empty()
    );
    for score in 1..=4 {
        ratings[2] = score;
        let flags = Hamd17Score::from_scores(ratings).unwrap().safety_flags();
        assert_eq!(
            flags,
            [SafetyFlag::suicidal_ideation(SafetySource::Hamd17Item3, score).unwrap()]
        );
    }
}

// --- trends ------------------------------------------------------------------

fn trend(instrument: Instrument, totals: &[u8]) -> SymptomTrend {
    SymptomTrend::new(
        totals
            .iter()
            .enumerate()
            .map(|(i, t)| Measurement::new(instrument, day(1 + i as u32, 5), *t).unwrap())
            .collect(),
    )
    .unwrap()
}

#[test]
fn phq9_20_to_9_is_response_and_reliable_improvement_not_remission() {
    let t = trend(Instrument::Phq9, &[20, 9]);
    assert_eq!(t.change_from_baseline(), -11);
    assert_eq!(t.percent_change(), Some(-55.0));
    assert_eq!(t.response(), MeasureOutcome::Met);
    assert_eq!(t.reliable_improvement(), MeasureOutcome::Met);
    assert_eq!(t.remission(), MeasureOutcome::NotMet);
}

#[test]
fn phq9_20_to_4_is_remission_and_recovery() {
    let t = trend(Instrument::Phq9, &[20, 4]);
    assert_eq!(t.remission(), MeasureOutcome::Met);
    assert_eq!(t.recovery(), MeasureOutcome::Met);
    assert_eq!(
        trend(Instrument::Phq9, &[20, 5]).remission(),
        MeasureOutcome::NotMet
    );
}

#[test]
fn phq9_12_to_7_is_recovery_but_not_reliable_improvement() {
    let t = trend(Instrument::Phq9, &[12, 7]);
    assert_eq!(t.recovery(), MeasureOutcome::Met);
    assert_eq!(t.reliable_improvement(), MeasureOutcome::NotMet);
    assert_eq!(
        trend(Instrument::Phq9, &[12, 6]).reliable_improvement(),
        MeasureOutcome::Met
    );
}

#[test]
fn response_is_half_the_baseline_or_better() {
    assert_eq!(
        trend(Instrument::Phq9, &[15, 7]).response(),
        MeasureOutcome::Met
    );
    assert_eq!(
        trend(Instrument::Phq9, &[15, 8]).response(),
        MeasureOutcome::NotMet
    );
    assert_eq!(
        trend(Instrument::Phq9, &[15, 20]).response(),
        MeasureOutcome::NotMet
    );
}

#[test]
fn a_baseline_of_zero_allows_no_response() {
    let t = trend(Instrument::Phq9, &[0, 0]);
    assert_eq!(t.response(), MeasureOutcome::NotApplicable);
    assert_eq!(t.percent_change(), None);
    assert_eq!(t.summary().percent_change, None);
    assert_eq!(t.recovery(), MeasureOutcome::NotApplicable);
}

#[test]
fn recovery_needs_caseness_at_baseline() {
    assert_eq!(
        trend(Instrument::Phq9, &[9, 2]).recovery(),
        MeasureOutcome::NotApplicable
    );
    assert_eq!(
        trend(Instrument::Phq9, &[10, 10]).recovery(),
        MeasureOutcome::NotMet
    );
    assert_eq!(
        trend(Instrument::Phq9, &[10, 9]).recovery(),
        MeasureOutcome::Met
    );
    assert_eq!(
        trend(Instrument::Gad7, &[8, 7]).recovery(),
        MeasureOutcome::Met
    );
    assert_eq!(
        trend(Instrument::Gad7, &[7, 0]).recovery(),
        MeasureOutcome::NotApplicable
    );
}

#[test]
fn gad7_outcomes() {
    assert_eq!(
        trend(Instrument::Gad7, &[12, 8]).reliable_improvement(),
        MeasureOutcome::Met
    );
    assert_eq!(
        trend(Instrument::Gad7, &[12, 9]).reliable_improvement(),
        MeasureOutcome::NotMet
    );
    // The reference defines no GAD-7 remission.
    assert_eq!(
        trend(Instrument::Gad7, &[12, 0]).remission(),
        MeasureOutcome::NotApplicable
    );
}

#[test]
fn hamd_outcomes() {
    assert_eq!(
        trend(Instrument::Hamd17, &[22, 7]).remission(),
        MeasureOutcome::Met
    );
    assert_eq!(
        trend(Instrument::Hamd17, &[22, 8]).remission(),
        MeasureOutcome::NotMet
    );
    assert_eq!(
        trend(Instrument::Hamd17, &[22, 11]).response(),
        MeasureOutcome::Met
    );
    let t = trend(Instrument::Hamd17, &[22, 2]);
    assert_eq!(t.reliable_improvement(), MeasureOutcome::NotApplicable);
    assert_eq!(t.recovery(), MeasureOutcome::NotApplicable);
}

#[test]
fn a_lone_baseline_has_no_outcomes() {
    let t = trend(Instrument::Phq9, &[3]);
    assert_eq!(t.latest(), t.baseline());
    for outcome in [
        t.response(),
        t.remission(),
        t.reliable_improvement(),
        t.recovery(),
    ] {
        assert_eq!(outcome, MeasureOutcome::NotApplicable);
    }
}

#[test]
fn the_latest_is_the_last_by_date_whatever_the_input_order() {
    let t = SymptomTrend::new(vec![
        Measurement::new(Instrument::Phq9, day(3, 1), 9).unwrap(),
        Measurement::new(Instrument::Phq9, day(1, 1), 20).unwrap(),
        Measurement::new(Instrument::Phq9, day(2, 1), 14).unwrap(),
    ])
    .unwrap();
    let totals: Vec<u8> = t.measurements().map(Measurement::total).collect();
    assert_eq!(totals, [20, 14, 9]);
    assert_eq!(t.baseline().date(), day(1, 1));
    assert_eq!(t.latest().date(), day(3, 1));
    // The JSON is the sorted list, and reading checks it again.
    let json = serde_json::to_string(&t).unwrap();
    assert!(json.starts_with(r#"[{"instrument":"phq9","date":"2026-01-01""#));
    assert_eq!(from_json::<SymptomTrend>(&json).unwrap(), t);
}

#[test]
fn mixed_instruments_and_duplicate_dates_are_refused_together() {
    let err = SymptomTrend::new(vec![
        Measurement::new(Instrument::Phq9, day(1, 1), 20).unwrap(),
        Measurement::new(Instrument::Gad7, day(2, 1), 12).unwrap(),
        Measurement::new(Instrument::Phq9, day(2, 1), 14).unwrap(),
        Measurement::new(Instrument::Phq9, day(1, 1), 14).unwrap(),
    ])
    .unwrap_err();
    assert_eq!(
        err.problems(),
        [
            TrendProblem::MixedInstrument {
                index: 1,
                expected: Instrument::Phq9,
                found: Instrument::Gad7
            },
            TrendProblem::DuplicateDate {
                index: 2,
                first_index: 1,
                date: day(2, 1)
            },
            TrendProblem::DuplicateDate {
                index: 3,
                first_index: 0,
                date: day(1, 1)
            },
        ]
    );
    let problems = err.to_problems();
    assert_eq!(
        paths(&problems),
        ["$[1].instrument", "$[2].date", "$[3].date"]
    );
    let json = r#"[{"instrument":"phq9","date":"2026-01-01","total":20},
                   {"instrument":"gad7","date":"2026-02-01","total":12}]"#;
    assert!(from_json::<SymptomTrend>(json).is_err());
    assert!(from_json::<SymptomTrend>("[]").is_err());
}

#[test]
fn summary_is_printable() {
    let t = trend(Instrument::Phq9, &[18, 14, 11]);
    let s = t.summary();
    assert_eq!(s.instrument, Instrument::Phq9);
    assert_eq!(s.measurement_count, 3);
    assert_eq!(s.percent_change, Some(-38.9)); // -7/18, to one decimal
    assert_eq!(s.latest_severity.to_string(), "moderate (PHQ-9)");
    assert_eq!(s.response, MeasureOutcome::NotMet);
    assert_eq!(s.reliable_improvement, MeasureOutcome::Met);
    assert_eq!(s.recovery, MeasureOutcome::NotMet);
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains(r#""percent_change":-38.9"#), "{json}");
}

// --- schedule ------------------------------------------------------------------

#[test]
fn measures_are_due_at_baseline_and_every_fourth_session() {
    let due: Vec<u32> = (0..=20).filter(|s| measurement_due(*s)).collect();
    assert_eq!(due, [1, 4, 8, 12, 16, 20]);
    assert!(!measurement_due(u32::MAX));
}

// --- JSON input ------------------------------------------------------------------

#[test]
fn answers_read_from_json_in_either_shape_score_the_same() {
    let by_order: Phq9Answers = from_json(r#"{"items": [1, 2, 0, 1, 3, 0, 1, 0, 0]}"#).unwrap();
    let by_name: Phq9Answers = from_json(
        r#"{"items": {"self_harm_thoughts": 0, "little_interest": 1, "feeling_down": 2,
            "sleep": 0, "tired": 1, "appetite": 3, "feeling_bad_about_self": 0,
            "concentration": 1, "moving_slowly_or_restless": 0}}"#,
    )
    .unwrap();
    let a = Phq9Score::from_answers(&by_order, &ScoringOptions::default()).unwrap();
    let b = Phq9Score::from_answers(&by_name, &ScoringOptions::default()).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.total(), 8);
    let options: ScoringOptions =
        from_json(r#"{"missing": {"pro_rate": {"max_missing": 2}}}"#).unwrap();
    assert_eq!(options, pro_rate(2));
    assert_eq!(
        from_json::<ScoringOptions>("{}").unwrap(),
        ScoringOptions::default()
    );
}

#[test]
fn scored_results_are_written_with_everything_a_reader_needs() {
    let score = Phq9Score::from_scores([1, 1, 0, 1, 0, 0, 0, 0, 1]).unwrap();
    let value = serde_json::to_value(&score).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "instrument": "phq9",
            "items": [1, 1, 0, 1, 0, 0, 0, 0, 1],
            "total": 4,
            "severity": {"instrument": "phq9", "band": "minimal"},
            "safety_flags": [{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 1}],
            "advisories": []
        })
    );
}

// --- the API contract ------------------------------------------------------------

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<ItemAnswers<Phq9Item>>();
    check::<InstrumentScore<Hamd17Item>>();
    check::<Measurement>();
    check::<SymptomTrend>();
    check::<interpersonal::measure::TrendSummary>();
    check::<interpersonal::measure::TrendError>();
    check::<SafetyFlag>();
    check::<interpersonal::measure::SeverityBand>();
}
