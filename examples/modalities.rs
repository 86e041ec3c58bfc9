//! The session plan of every built-in modality, side by side: for each
//! session, its date and phase (with `*` for a meeting the contract does not
//! count, and `g` or `j` for a group or joint session).
//!
//! Each contract starts on Monday 2026-01-05, at its modality's usual cadence
//! (`Modality::usual_cadence`: weekly, monthly for maintenance), with the usual number of
//! sessions of its modality (12 for standard IPT, shown with a twice-weekly
//! start of 4 sessions; 6 monthly maintenance sessions; 16 sessions of IPSRT
//! and MIT, whose phases follow progress and are judged, not numbered). The
//! column heads are the modalities' JSON names. Nothing reads a clock.
//!
//! Run with `cargo run --example modalities`.

use std::error::Error;

use interpersonal::{
    ProblemArea, Schedule, TreatmentContract,
    course::{AdolescentDetails, Modality, ScheduleOptions, ScheduledSession, SessionFormat},
};

/// The contract each column is made from.
fn contract(modality: Modality) -> Result<TreatmentContract, Box<dyn Error>> {
    let spec = modality.spec();
    let sessions = spec
        .sessions
        .max
        .unwrap_or(if modality == Modality::MAINTENANCE_IPT {
            6
        } else {
            16
        });
    let focus: Vec<ProblemArea> = spec.areas.first().map(|a| a.area).into_iter().collect();
    let mut builder = TreatmentContract::builder("2026-01-05", focus)
        .modality(modality)
        .sessions(sessions)
        .cadence(modality.usual_cadence())
        .session_minutes(spec.session_minutes.max.min(50));
    if modality == Modality::STANDARD_IPT {
        builder = builder.sessions(12).twice_weekly_start(4);
    }
    if spec.age.is_some() {
        builder = builder.adolescent(AdolescentDetails::new(15));
    }
    Ok(builder.build()?)
}

/// One cell: the date, the phase, and marks for the meeting and format.
fn cell(s: &ScheduledSession) -> String {
    let mark = match (s.extra.is_some(), s.format) {
        (true, _) => "*",
        (false, SessionFormat::Group) => "g",
        (false, SessionFormat::Joint) => "j",
        _ => " ",
    };
    format!(
        "{} {:<12}{mark}",
        s.date.format("%m-%d"),
        s.phase.to_string()
    )
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut columns = Vec::new();
    for m in Modality::ALL {
        let schedule = Schedule::generate(&contract(m)?, &ScheduleOptions::default())?;
        columns.push((m, schedule));
    }
    const WIDTH: usize = 20;
    // Two tables of four columns, so a line fits a terminal.
    for half in columns.chunks(4) {
        let head: Vec<String> = half
            .iter()
            .map(|(m, _)| format!("{:<WIDTH$}", m.as_str()))
            .collect();
        println!("  # {}", head.join(" ").trim_end());
        let rows = half
            .iter()
            .map(|(_, s)| s.sessions().len())
            .max()
            .unwrap_or(0);
        for row in 0..rows {
            let cells: Vec<String> = half
                .iter()
                .map(|(_, s)| s.sessions().get(row).map_or(String::new(), cell))
                .map(|c| format!("{c:<WIDTH$}"))
                .collect();
            println!("{:>3} {}", row + 1, cells.join(" ").trim_end());
        }
        println!();
    }
    println!("* a meeting the contract does not count; g group session; j joint session");
    println!("stage_judged: the phase or stage follows progress (IPSRT, MIT), so a plan");
    println!("cannot name it in advance. MIT is a separate model, not an IPT adaptation.");
    println!();
    for (m, _) in &columns {
        let spec = m.spec();
        let mut phases: Vec<String> = spec.layout.iter().map(|b| b.phase.to_string()).collect();
        phases.dedup();
        // A work cited twice (for two claims) is named once.
        let mut cites: Vec<&str> = Vec::new();
        for key in spec.cites.iter().map(|c| c.key()) {
            if !cites.contains(&key) {
                cites.push(key);
            }
        }
        println!("{:<16} {}", m.as_str(), spec.title);
        println!("{:<16} phases: {}", "", phases.join(", "));
        println!("{:<16} sources: {}", "", cites.join(", "));
    }
    Ok(())
}
