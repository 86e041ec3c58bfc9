//! Properties of the symptom measures: totals stay in range, bands rise with the
//! total, the suicide-risk flag follows its item and nothing else, no input
//! panics, and every public type survives a JSON round trip.

use interpersonal::vocabulary::Vocabulary;
use std::fmt::Debug;

use chrono::NaiveDate;
use interpersonal::{
    Phq9Score, SafetyFlag, from_json,
    measure::{
        AsrmBand, AsrmItem, FrequencyResponse, Gad7Band, Gad7Item, Hamd17Item, HamdBand,
        HamdBanding, Instrument, InstrumentItem, InstrumentScore, ItemAnswers, MeasureOutcome,
        Measurement, MissingItems, Phq9Band, Phq9Item, SafetyFlagKind, SafetySource, ScoreAdvisory,
        ScoringOptions, SeverityBand, SymptomTrend, TrendError, TrendProblem, TrendSummary,
    },
};
use proptest::prelude::*;
use proptest::sample::select;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = from_json(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(&back, value, "{json}");
}

fn valid_scores<I: InstrumentItem>() -> impl Strategy<Value = Vec<u8>> {
    I::ALL.iter().map(|i| 0..=i.max_score()).collect::<Vec<_>>()
}

fn valid_optional_scores<I: InstrumentItem>() -> impl Strategy<Value = Vec<Option<u8>>> {
    I::ALL
        .iter()
        .map(|i| proptest::option::of(0..=i.max_score()))
        .collect::<Vec<_>>()
}

fn any_entries() -> impl Strategy<Value = Vec<Option<u8>>> {
    proptest::collection::vec(proptest::option::of(any::<u8>()), 0..30)
}

fn any_options() -> impl Strategy<Value = ScoringOptions> {
    prop_oneof![
        Just(MissingItems::Reject),
        any::<u8>().prop_map(|max_missing| MissingItems::ProRate { max_missing }),
    ]
    .prop_map(|missing| ScoringOptions::default().with_missing(missing))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (2020i32..2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn any_instrument() -> impl Strategy<Value = Instrument> {
    select(Instrument::iter().collect::<Vec<_>>())
}

fn any_measurement() -> impl Strategy<Value = Measurement> {
    prop_oneof![
        (any_instrument(), any_date(), any::<u8>())
            .prop_map(|(i, d, t)| { Measurement::new(i, d, t % (i.max_total() + 1)).unwrap() }),
        (valid_optional_scores::<Phq9Item>(), any_date()).prop_filter_map(
            "needs an answer",
            |(s, d)| {
                let options = ScoringOptions::default()
                    .with_missing(MissingItems::ProRate { max_missing: 9 });
                Phq9Score::from_answers(&ItemAnswers::from_optional_scores(s), &options)
                    .ok()
                    .map(|score| score.measurement(d))
            }
        ),
        (valid_scores::<Hamd17Item>(), any_date()).prop_map(|(s, d)| {
            InstrumentScore::<Hamd17Item>::from_scores(s)
                .unwrap()
                .measurement(d)
        }),
        (valid_scores::<AsrmItem>(), any_date()).prop_map(|(s, d)| {
            InstrumentScore::<AsrmItem>::from_scores(s)
                .unwrap()
                .measurement(d)
        }),
    ]
}

/// Measurements of one instrument on distinct days, in any order.
fn any_trend() -> impl Strategy<Value = SymptomTrend> {
    (
        any_instrument(),
        proptest::collection::btree_map(0u64..400, any::<u8>(), 1..8),
    )
        .prop_map(|(instrument, by_day)| {
            let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let mut list: Vec<Measurement> = by_day
                .into_iter()
                .map(|(d, t)| {
                    let date = start + chrono::Days::new(d);
                    Measurement::new(instrument, date, t % (instrument.max_total() + 1)).unwrap()
                })
                .collect();
            list.reverse();
            SymptomTrend::new(list).unwrap()
        })
}

/// A JSON value built from the names these documents use, to throw at the
/// readers.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = select(vec![
        "items",
        "instrument",
        "date",
        "total",
        "severity",
        "safety_flags",
        "advisories",
        "kind",
        "source",
        "score",
        "band",
        "little_interest",
        "self_harm_thoughts",
        "missing",
        "pro_rate",
        "max_missing",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..300).prop_map(Value::from),
        select(vec![
            "phq9",
            "gad7",
            "hamd17",
            "2026-03-02",
            "2026-02-30",
            "suicidal_ideation",
            "phq9_item9",
            "mild",
            "reject",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 10, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..12).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..8).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn check_totals<I: InstrumentItem>(scores: Vec<u8>) -> Result<(), TestCaseError> {
    let sum: u32 = scores.iter().map(|s| u32::from(*s)).sum();
    let score = InstrumentScore::<I>::from_scores(scores).unwrap();
    prop_assert_eq!(u32::from(score.total()), sum);
    prop_assert!(score.total() <= I::INSTRUMENT.max_total());
    prop_assert!(!score.is_prorated());
    Ok(())
}

fn check_prorated<I: InstrumentItem>(entries: Vec<Option<u8>>) -> Result<(), TestCaseError> {
    let options = ScoringOptions::default().with_missing(MissingItems::ProRate {
        max_missing: u8::MAX,
    });
    let answered: Vec<u8> = entries.iter().flatten().copied().collect();
    let result =
        InstrumentScore::<I>::from_answers(&ItemAnswers::from_optional_scores(entries), &options);
    let missing = I::ALL.len() - answered.len();
    if answered.is_empty() || missing > usize::from(I::INSTRUMENT.max_prorated_items()) {
        // Past the instrument's cap, pro-rating is refused whatever was asked.
        prop_assert!(result.is_err());
        return Ok(());
    }
    let score = result.unwrap();
    let sum: u32 = answered.iter().map(|s| u32::from(*s)).sum();
    prop_assert!(score.total() <= I::INSTRUMENT.max_total());
    prop_assert!(
        u32::from(score.total()) >= sum,
        "pro-rating never lowers the sum"
    );
    prop_assert_eq!(score.is_prorated(), answered.len() < I::ALL.len());
    Ok(())
}

fn check_any_entries<I: InstrumentItem>(
    entries: Vec<Option<u8>>,
    options: ScoringOptions,
) -> Result<(), TestCaseError> {
    let n = I::ALL.len();
    let answers = ItemAnswers::<I>::from_optional_scores(entries.clone());
    match InstrumentScore::<I>::from_answers(&answers, &options) {
        Ok(score) => {
            prop_assert!(entries.len() <= n);
            prop_assert!(score.total() <= I::INSTRUMENT.max_total());
            for (item, entry) in I::ALL
                .iter()
                .zip(entries.iter().chain(std::iter::repeat(&None)))
            {
                prop_assert_eq!(score.item(*item), *entry);
            }
            if options.missing == MissingItems::Reject {
                prop_assert!(!score.is_prorated());
            }
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            // Every out-of-range entry is named, at its own path.
            for (position, item) in I::ALL.iter().enumerate() {
                if let Some(Some(s)) = entries.get(position) {
                    let path = format!("$.items[{position}]");
                    let named = problems.iter().any(|p| p.path.as_str() == path);
                    prop_assert_eq!(*s > item.max_score(), named, "{}", path);
                }
            }
            for p in &problems {
                prop_assert!(p.path.as_str().starts_with("$.items["));
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn totals_are_the_sum_and_within_range(
        phq in valid_scores::<Phq9Item>(),
        gad in valid_scores::<Gad7Item>(),
        hamd in valid_scores::<Hamd17Item>(),
    ) {
        check_totals::<Phq9Item>(phq)?;
        check_totals::<Gad7Item>(gad)?;
        check_totals::<Hamd17Item>(hamd)?;
    }

    #[test]
    fn prorated_totals_stay_within_range(
        phq in valid_optional_scores::<Phq9Item>(),
        gad in valid_optional_scores::<Gad7Item>(),
        hamd in valid_optional_scores::<Hamd17Item>(),
    ) {
        check_prorated::<Phq9Item>(phq)?;
        check_prorated::<Gad7Item>(gad)?;
        check_prorated::<Hamd17Item>(hamd)?;
    }

    #[test]
    fn no_item_vector_panics(entries in any_entries(), options in any_options()) {
        check_any_entries::<Phq9Item>(entries.clone(), options)?;
        check_any_entries::<Gad7Item>(entries.clone(), options)?;
        check_any_entries::<Hamd17Item>(entries, options)?;
    }

    #[test]
    fn bands_rise_with_the_total(a in 0u8..=52, b in 0u8..=52) {
        let (lo, hi) = (a.min(b), a.max(b));
        if hi <= 27 {
            prop_assert!(Phq9Band::from_total(lo).unwrap() <= Phq9Band::from_total(hi).unwrap());
        }
        if hi <= 21 {
            prop_assert!(Gad7Band::from_total(lo).unwrap() <= Gad7Band::from_total(hi).unwrap());
        }
        for banding in HamdBanding::iter() {
            prop_assert!(
                HamdBand::from_total(lo, banding).unwrap() <= HamdBand::from_total(hi, banding).unwrap()
            );
        }
    }

    #[test]
    fn the_flag_follows_item9_and_nothing_else(
        entries in valid_optional_scores::<Phq9Item>(),
        options in any_options(),
    ) {
        let item9 = entries.get(8).copied().flatten();
        let answers = ItemAnswers::<Phq9Item>::from_optional_scores(entries);
        if let Ok(score) = Phq9Score::from_answers(&answers, &options) {
            let flagged = item9.is_some_and(|s| s >= 1);
            prop_assert_eq!(score.safety_flags().len(), usize::from(flagged));
            prop_assert_eq!(
                score.advisories().contains(&ScoreAdvisory::SuicideItemUnanswered),
                item9.is_none()
            );
            let m = score.measurement(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
            prop_assert_eq!(m.safety_flags().to_vec(), score.safety_flags());
        }
    }

    #[test]
    fn trend_outcomes_agree_with_the_numbers(trend in any_trend()) {
        let dates: Vec<NaiveDate> = trend.measurements().map(Measurement::date).collect();
        prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
        let base = i32::from(trend.baseline().total());
        let last = i32::from(trend.latest().total());
        prop_assert_eq!(i32::from(trend.change_from_baseline()), last - base);
        if trend.len() > 1 && base > 0 && trend.baseline_at_caseness() {
            let percent = trend.percent_change().unwrap();
            prop_assert_eq!(trend.response().is_met(), percent <= -50.0);
        } else {
            // Response and remission are judged only from a baseline at caseness.
            prop_assert_eq!(trend.response(), MeasureOutcome::NotApplicable);
            prop_assert_eq!(trend.remission(), MeasureOutcome::NotApplicable);
        }
        let summary = trend.summary();
        prop_assert_eq!(summary.measurement_count, trend.len());
        prop_assert_eq!(&summary.latest, trend.latest());
    }

    #[test]
    fn trends_refuse_what_they_must(
        list in proptest::collection::vec(
            (select(vec![Instrument::Phq9, Instrument::Gad7]), 0u64..10, 0u8..=21),
            0..8,
        ),
    ) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let measurements: Vec<Measurement> = list
            .iter()
            .map(|(i, d, t)| Measurement::new(*i, start + chrono::Days::new(*d), *t).unwrap())
            .collect();
        let mixed = list.iter().any(|(i, _, _)| Some(i) != list.first().map(|f| &f.0));
        let mut days: Vec<u64> = list.iter().map(|(_, d, _)| *d).collect();
        days.sort_unstable();
        let duplicate = days.windows(2).any(|w| w[0] == w[1]);
        let result = SymptomTrend::new(measurements);
        prop_assert_eq!(result.is_ok(), !list.is_empty() && !mixed && !duplicate);
        if let Err(err) = result {
            prop_assert!(!err.problems().is_empty());
            prop_assert_eq!(err.to_problems().len(), err.problems().len());
            round_trip(&err);
            for p in err.problems() {
                round_trip(p);
            }
        }
    }

    #[test]
    fn readers_never_panic(value in any_json()) {
        let json = value.to_string();
        let _ = from_json::<ItemAnswers<Phq9Item>>(&json);
        let _ = from_json::<ItemAnswers<Hamd17Item>>(&json);
        let _ = from_json::<Phq9Score>(&json);
        let _ = from_json::<InstrumentScore<Gad7Item>>(&json);
        let _ = from_json::<Measurement>(&json);
        let _ = from_json::<SymptomTrend>(&json);
        let _ = from_json::<SafetyFlag>(&json);
        let _ = from_json::<ScoringOptions>(&json);
        let _ = from_json::<SeverityBand>(&json);
        let _ = from_json::<TrendSummary>(&json);
        let _ = from_json::<TrendError>(&json);
    }

    #[test]
    fn answers_round_trip(
        entries in any_entries(),
        named in valid_optional_scores::<Gad7Item>(),
    ) {
        round_trip(&ItemAnswers::<Phq9Item>::from_optional_scores(entries.clone()));
        round_trip(&ItemAnswers::<Hamd17Item>::from_optional_scores(entries));
        let mut by_name = ItemAnswers::<Gad7Item>::new();
        for (item, score) in Gad7Item::ALL.iter().zip(named) {
            by_name.set(*item, score);
        }
        round_trip(&by_name);
    }

    #[test]
    fn scores_round_trip(
        phq in valid_optional_scores::<Phq9Item>(),
        gad in valid_optional_scores::<Gad7Item>(),
        hamd in valid_optional_scores::<Hamd17Item>(),
    ) {
        let options = ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing: 17 });
        if let Ok(s) = InstrumentScore::<Phq9Item>::from_answers(&ItemAnswers::from_optional_scores(phq), &options) {
            round_trip(&s);
            round_trip(&s.severity());
            for f in s.safety_flags() {
                round_trip(&f);
            }
        }
        if let Ok(s) = InstrumentScore::<Gad7Item>::from_answers(&ItemAnswers::from_optional_scores(gad), &options) {
            round_trip(&s);
            round_trip(&s.severity());
        }
        if let Ok(s) = InstrumentScore::<Hamd17Item>::from_answers(&ItemAnswers::from_optional_scores(hamd), &options) {
            round_trip(&s);
            for banding in HamdBanding::iter() {
                round_trip(&s.band(banding));
                round_trip(&SeverityBand::Hamd17 { banding, band: s.band(banding) });
            }
        }
    }

    #[test]
    fn measurements_trends_and_summaries_round_trip(
        m in any_measurement(),
        trend in any_trend(),
        options in any_options(),
    ) {
        round_trip(&m);
        round_trip(&trend);
        round_trip(&trend.summary());
        for banding in HamdBanding::iter() {
            round_trip(&trend.summary_with(banding));
        }
        round_trip(&options);
        round_trip(&options.missing);
    }
}

#[test]
fn every_variant_of_every_unit_enum_round_trips() {
    fn all<T>()
    where
        T: Vocabulary + Serialize + DeserializeOwned + PartialEq + Debug + std::fmt::Display,
    {
        for v in T::iter() {
            round_trip(&v);
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{v}\""), "serde and Display agree");
        }
    }
    all::<Instrument>();
    all::<Phq9Item>();
    all::<Gad7Item>();
    all::<Hamd17Item>();
    all::<AsrmItem>();
    all::<AsrmBand>();
    all::<Phq9Band>();
    all::<Gad7Band>();
    all::<HamdBand>();
    all::<HamdBanding>();
    all::<FrequencyResponse>();
    all::<SafetyFlagKind>();
    all::<SafetySource>();
    all::<ScoreAdvisory>();
    all::<MeasureOutcome>();
    round_trip(&MissingItems::Reject);
    round_trip(&ScoringOptions::default());
    round_trip(&TrendProblem::NoMeasurements);
    for source in SafetySource::iter() {
        for score in source.min_flagged()..=source.max_score() {
            let flag = if source.is_total() {
                SafetyFlag::possible_mania(score)
            } else {
                SafetyFlag::suicidal_ideation(source, score)
            };
            round_trip(&flag.unwrap());
        }
    }
}
