//! Benchmarks of Social Rhythm Metric scoring.
//!
//! ```text
//! cargo bench --bench ipsrt
//! ```
//!
//! Groups: `score_week` (one SRM-5 and one SRM-17 week), `score_year` (52
//! weekly SRM-17 diaries scored, and the series' trend and drift),
//! `parse_year` (the year's series read from JSON).

// Bench data is built from values known to be valid; a failure here is a bug
// in the bench itself.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
// criterion_group! generates an undocumented function.
#![allow(missing_docs)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use interpersonal::from_json;
use interpersonal::ipsrt::{ClockTime, Involvement, RhythmSeries, SrmEntry, SrmForm, SrmWeek};

#[path = "support/lcg.rs"]
mod lcg;
use lcg::Lcg;

/// A week of the form with most activities done most days, times scattered
/// around a usual time for each activity (bedtimes around midnight).
fn week(seed: u64, start: NaiveDate, form: SrmForm) -> SrmWeek {
    let mut rng = Lcg(seed);
    let mut w = SrmWeek::new(start, form);
    for (i, activity) in form.activities().iter().enumerate() {
        let usual = (420 + i as u64 * 62) % 1440;
        for day in 0..7 {
            if rng.next() % 6 == 0 {
                continue;
            }
            let minutes = (usual + 1440 + rng.next() % 150 - 75) % 1440;
            let entry = SrmEntry::done(*activity, ClockTime::from_minutes(minutes as u16).unwrap())
                .with_people(Involvement::new((rng.next() % 4) as u8).unwrap());
            w.record(day, entry).unwrap();
        }
    }
    w
}

fn year(form: SrmForm) -> RhythmSeries {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let weeks = (0..52u64)
        .map(|i| week(i, start.checked_add_days(Days::new(7 * i)).unwrap(), form))
        .collect();
    RhythmSeries::new(weeks).unwrap()
}

fn benches(c: &mut Criterion) {
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut group = c.benchmark_group("score_week");
    for form in [SrmForm::Srm5, SrmForm::Srm17] {
        let w = week(7, start, form);
        group.bench_function(form.label(), |b| b.iter(|| black_box(&w).score()));
    }
    group.finish();

    let series = year(SrmForm::Srm17);
    let mut group = c.benchmark_group("score_year");
    group.bench_function("52_srm17_weeks", |b| b.iter(|| black_box(&series).scores()));
    group.bench_function("trend_and_drift", |b| {
        b.iter(|| {
            let s = black_box(&series);
            (s.trend(), s.drift())
        })
    });
    group.finish();

    let json = serde_json::to_string(&series).unwrap();
    c.bench_function("parse_year", |b| {
        b.iter(|| from_json::<RhythmSeries>(black_box(&json)).unwrap())
    });
}

criterion_group!(ipsrt, benches);
criterion_main!(ipsrt);
