//! Course tracking: the quickstart case (a patient whose depression began
//! after a divorce, with a stalled dispute with her ex-husband) through a
//! 12-session course of IPT.
//!
//! The engine suggests the focus; the contract takes it; the schedule runs
//! weekly from 2026-03-02; the PHQ-9 is given at sessions 1, 4, 8 and 12
//! (totals 18, 14, 9 and 4). The example prints the formulation at session 3,
//! a progress review at sessions 4, 8 and 12, and the termination checklist.
//! Every date is fixed: nothing reads a clock.
//!
//! Run with `cargo run --example course_tracking`. With the `svg` feature,
//! `cargo run --example course_tracking --features svg -- --svg DIR` also
//! writes the PHQ-9 symptom chart of the course to `DIR/symptom_chart.svg`.

use std::error::Error;

use chrono::{Days, NaiveDate};
use interpersonal::{
    Course, Engine, Formulation, Inventory, Phase, Phq9Score, TreatmentContract,
    catalogue::{PhaseTask, Technique},
    course::SessionRecord,
    from_json,
    goal::{GoalStatus, GoalTarget, GoalTemplate, InstrumentId, ProgressEntry},
    id::GoalId,
    measure::{Phq9Answers, Phq9Item, ScoringOptions},
};

#[path = "support/svg_args.rs"]
mod svg_args;

/// The bundled case (examples/data/quickstart.json).
const CASE: &str = include_str!("data/quickstart.json");

/// The PHQ-9 totals at the sessions where it is given.
const PHQ9_AT: [(u8, u8); 4] = [(1, 18), (4, 14), (8, 9), (12, 4)];

/// Item answers that sum to `total` (at most 24), item 9 (self-harm
/// thoughts) answered 0: "not at all".
fn phq9_answers(total: u8) -> Phq9Answers {
    let mut rest = total;
    let mut answers = Phq9Answers::new();
    for item in [
        Phq9Item::LittleInterest,
        Phq9Item::FeelingDown,
        Phq9Item::Sleep,
        Phq9Item::Tired,
        Phq9Item::Appetite,
        Phq9Item::FeelingBadAboutSelf,
        Phq9Item::Concentration,
        Phq9Item::MovingSlowlyOrRestless,
    ] {
        let score = rest.min(3);
        rest -= score;
        answers = answers.with(item, score);
    }
    answers.with(Phq9Item::SelfHarmThoughts, 0)
}

/// Writes the PHQ-9 symptom chart of the course into `dir`.
#[cfg(feature = "svg")]
fn write_chart(dir: &std::path::Path, course: &Course) -> Result<(), Box<dyn Error>> {
    let svg =
        interpersonal::picture::SymptomChart::new(course, interpersonal::measure::Instrument::Phq9)
            .to_svg();
    std::fs::create_dir_all(dir)?;
    let path = dir.join("symptom_chart.svg");
    std::fs::write(&path, svg)?;
    println!("\nWrote the symptom chart to {}.", path.display());
    Ok(())
}

/// Without the `svg` feature there are no pictures.
#[cfg(not(feature = "svg"))]
fn write_chart(_: &std::path::Path, _: &Course) -> Result<(), Box<dyn Error>> {
    Err(svg_args::needs_svg_feature("course_tracking"))
}

fn main() -> Result<(), Box<dyn Error>> {
    let svg_dir = svg_args::svg_dir_only()?;
    let inventory: Inventory = from_json(CASE)?;
    let engine = Engine::standard()?;
    let assessment = engine.evaluate(&inventory);
    let Some(first_area) = assessment.focus.first().copied() else {
        return Err("the assessment suggests no focus".into());
    };
    println!("== Suggested focus");
    for area in &assessment.focus {
        println!("  {} (\"{}\")", area.name(), area.who_name());
    }

    // The contract takes the suggested focus; one goal per area, from the
    // manuals' goal templates. The patient agrees at session 3.
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
    let session_date = |n: u8| start + Days::new(7 * (u64::from(n) - 1));
    let mut builder = TreatmentContract::builder(start, assessment.focus.iter().copied())
        .sessions(12)
        .practicalities("Cancel 24 hours ahead; missed sessions are not made up.");
    let mut goals = Vec::new();
    for (i, area) in assessment.focus.iter().enumerate() {
        let id = GoalId::new(format!("g{}", i + 1))?;
        let target = if i == 0 {
            // Remission: a PHQ-9 total below 5.
            GoalTarget::MeasureAtMost {
                instrument: InstrumentId::PHQ9,
                value: 4,
            }
        } else {
            GoalTarget::Described("Agreed with the patient at session 3.".into())
        };
        let template = GoalTemplate::for_area(*area)
            .first()
            .ok_or("no goal template")?;
        goals.push(template.goal(id.clone(), target));
        builder = builder.goal(id);
    }
    let goal_ids: Vec<GoalId> = goals.iter().map(|g| g.id.clone()).collect();
    let mut course = Course::new(builder.build()?, goals)?;

    let options = ScoringOptions::default();
    for n in 1..=12u8 {
        let date = session_date(n);
        let phase = course.phase();
        let mut record = SessionRecord::new(n, date, phase);
        if phase >= Phase::ActiveTreatment {
            record = record
                .with_area(first_area)
                .with_technique(Technique::CommunicationAnalysis)
                .with_technique(Technique::RolePlay);
        }
        let phq9_total = PHQ9_AT.iter().find(|(s, _)| *s == n).map(|(_, t)| *t);
        if let Some(total) = phq9_total {
            let score = Phq9Score::from_answers(&phq9_answers(total), &options)?;
            record = record.with_measure(score.measurement(date));
        }
        course.record_session(record)?;
        if let (Some(total), Some(goal)) = (phq9_total, goal_ids.first()) {
            if course.phase() >= Phase::ActiveTreatment {
                course.record_goal_progress(
                    goal,
                    ProgressEntry::new(date).with_value(total.into()),
                )?;
            }
        }

        match n {
            2 => {
                for task in Phase::Assessment.tasks() {
                    course.complete_task(*task, date)?;
                }
                course.advance_phase(date)?;
            }
            3 => {
                course.complete_task(PhaseTask::SelectProblemArea, date)?;
                course.complete_task(PhaseTask::PresentFormulation, date)?;
                println!("\n== Session 3: the interpersonal formulation");
                print!("{}", Formulation::new(&course, &assessment, &inventory));
                if assessment.focus.len() > 1 {
                    println!(
                        "\n(Decided together at session 3: \"{}\" first.)",
                        first_area.who_name()
                    );
                }
                course.complete_task(PhaseTask::ObtainAgreement, date)?;
                course.complete_task(PhaseTask::SetTreatmentContract, date)?;
                course.advance_phase(date)?;
                for goal in &goal_ids {
                    course.set_goal_status(goal, GoalStatus::Active, date)?;
                }
            }
            4 | 8 => {
                println!("\n== Session {n}: progress review");
                print!("{}", course.review(date));
            }
            9 => {
                course.advance_phase(date)?;
            }
            10 => {
                course.complete_task(PhaseTask::DiscussEnding, date)?;
                course.complete_task(PhaseTask::ReviewProgress, date)?;
            }
            11 => {
                course.complete_task(PhaseTask::AttributeGainsToPatient, date)?;
                course.complete_task(PhaseTask::AnticipateStressors, date)?;
                course.complete_task(PhaseTask::PlanForWarningSigns, date)?;
            }
            12 => {
                course.complete_task(PhaseTask::DecideOnMaintenance, date)?;
                if let Some(goal) = goal_ids.first() {
                    course.set_goal_status(goal, GoalStatus::Achieved, date)?;
                }
                println!("\n== Session 12: progress review");
                print!("{}", course.review(date));
                println!("\n== Termination checklist");
                print!("{}", course.termination_checklist());
            }
            _ => {}
        }
    }
    if let Some(dir) = svg_dir {
        write_chart(&dir, &course)?;
    }
    Ok(())
}
