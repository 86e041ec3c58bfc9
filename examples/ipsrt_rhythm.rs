//! Social rhythms in IPSRT: four weeks of a patient's Social Rhythm Metric
//! diary (SRM-5), from an irregular first week to steady routines, bedtime
//! moving from past midnight to about 23:00.
//!
//! For each week the example prints the SRM score (hits per qualifying
//! activity, 0 to 7) and the Activity Level Index, then each activity's
//! habitual time, hits and left-out times; then the regularity trend, the
//! activities whose habitual time drifted, and the daily mood ratings.
//!
//! Run with `cargo run --example ipsrt_rhythm`, or pass a diary series of
//! your own: `cargo run --example ipsrt_rhythm -- my_series.json` (see
//! `schema/rhythm_series.schema.json`). With the `svg` feature,
//! `cargo run --example ipsrt_rhythm --features svg -- --svg DIR` also writes
//! the rhythm chart of the first and the last week to `DIR/rhythm_chart_first_week.svg`
//! and `DIR/rhythm_chart_last_week.svg`.

use std::error::Error;

use interpersonal::from_json;
use interpersonal::ipsrt::{RhythmSeries, Scorability};

#[path = "support/svg_args.rs"]
mod svg_args;

/// The bundled series (examples/ipsrt_data/rhythm_series.json).
const SERIES: &str = include_str!("ipsrt_data/rhythm_series.json");

/// Writes the rhythm charts of the first and the last week into `dir`.
#[cfg(feature = "svg")]
fn write_charts(dir: &std::path::Path, series: &RhythmSeries) -> Result<(), Box<dyn Error>> {
    use interpersonal::picture::RhythmChart;
    std::fs::create_dir_all(dir)?;
    let weeks = [
        ("first", series.weeks().first()),
        ("last", series.weeks().last()),
    ];
    for (name, week) in weeks {
        if let Some(week) = week {
            let path = dir.join(format!("rhythm_chart_{name}_week.svg"));
            std::fs::write(&path, RhythmChart::new(week).to_svg())?;
            println!(
                "Wrote the rhythm chart of the {name} week to {}.",
                path.display()
            );
        }
    }
    Ok(())
}

/// Without the `svg` feature there are no pictures.
#[cfg(not(feature = "svg"))]
fn write_charts(_: &std::path::Path, _: &RhythmSeries) -> Result<(), Box<dyn Error>> {
    Err(svg_args::needs_svg_feature("ipsrt_rhythm"))
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let svg_dir = svg_args::take_svg_dir(&mut args)?;
    let text = match args.first() {
        Some(path) => std::fs::read_to_string(path)?,
        None => SERIES.to_owned(),
    };
    let series: RhythmSeries = from_json(&text)?;

    for (week, score) in series.weeks().iter().zip(series.scores()) {
        let form = week.form();
        println!("Week of {} ({})", score.week_start, form.label());
        match score.scorability {
            Scorability::Scorable {
                score: value,
                hits,
                qualifying_activities,
            } => println!(
                "  SRM score {value:.2} ({hits} hits / {qualifying_activities} qualifying activities)"
            ),
            _ => println!("  SRM score: not scorable (no activity done 3 times or more)"),
        }
        println!(
            "  Activity Level Index {} of {}",
            score.activity_level_index,
            form.max_activity_level()
        );
        for a in &score.activities {
            match a.habitual_time {
                Some(habitual) => {
                    let left_out: Vec<String> = a
                        .discarded_days
                        .iter()
                        .filter_map(|d| week.date_of(usize::from(*d)))
                        .map(|date| date.format("%a %d").to_string())
                        .collect();
                    let left_out = if left_out.is_empty() {
                        String::new()
                    } else {
                        format!(", left out: {}", left_out.join(", "))
                    };
                    println!(
                        "    {:<14} habitual {habitual}  hits {}/{}{left_out}",
                        a.activity.name(),
                        a.hits,
                        a.times_done
                    );
                }
                None => println!(
                    "    {:<14} done {} times: does not qualify",
                    a.activity.name(),
                    a.times_done
                ),
            }
        }
    }

    let trend = series.trend();
    println!();
    println!(
        "Regularity trend over {} scorable weeks: {}",
        trend.scorable_weeks, trend.direction
    );
    if let (Some((first_week, first)), Some((last_week, last)), Some(change), Some(slope)) =
        (trend.first, trend.last, trend.change, trend.slope_per_week)
    {
        println!(
            "  {first:.2} (week of {first_week}) to {last:.2} (week of {last_week}): \
             change {change:+.2}, slope {slope:+.2} per week"
        );
    }

    println!();
    let drift = series.drift();
    if drift.is_empty() {
        println!("No habitual time drifted by more than 45 minutes.");
    } else {
        println!("Habitual times that drifted by more than 45 minutes:");
        for d in &drift {
            println!(
                "  {:<14} {} -> {} ({:+} min), week of {} to week of {}",
                d.activity.name(),
                d.from,
                d.to,
                d.shift_minutes,
                d.from_week,
                d.to_week
            );
        }
    }

    println!();
    let moods: Vec<String> = series.moods().iter().map(|m| m.mood.to_string()).collect();
    println!("Daily mood (-5 to +5): {}", moods.join(" "));
    if let Some(dir) = svg_dir {
        println!();
        write_charts(&dir, &series)?;
    }
    Ok(())
}
