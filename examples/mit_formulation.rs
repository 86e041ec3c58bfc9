//! Metacognitive Interpersonal Therapy (MIT): a maladaptive interpersonal
//! schema reconstructed from two autobiographical episodes, the
//! metacognitive profile rated twice, and the formulation written from them.
//!
//! MIT is a cognitive-interpersonal therapy of its own (Dimaggio et al.
//! 2015), not a form of IPT; the crate keeps it in `interpersonal::mit`.
//!
//! Run with `cargo run --example mit_formulation`, or pass a case of your
//! own: `cargo run --example mit_formulation -- my_case.json` (see
//! `schema/mit_case.schema.json` and `examples/mit_data/mit_case.json`).

use std::error::Error;

use interpersonal::from_json;
use interpersonal::mit::MetacognitiveFunction::{
    Decentration, Differentiation, Integration, Mastery, Monitoring,
};
use interpersonal::mit::{
    AutobiographicalEpisode, InterpersonalSchema, MetacognitiveProfile, MitCase, MitFormulation,
    MitStage, MotivationalSystem, RatingScale, SelfResponse, Wish,
};

fn main() -> Result<(), Box<dyn Error>> {
    let case = match std::env::args().nth(1) {
        Some(path) => from_json::<MitCase>(&std::fs::read_to_string(path)?)?,
        None => built_case()?,
    };
    // Every problem at once, each at its JSON path; never the patient's words.
    case.validate()?;

    print!("{}", MitFormulation::new(&case));

    if let Some(profile) = &case.profile {
        println!();
        println!(
            "Metacognitive trend (descriptive; no published threshold for a meaningful change):"
        );
        for t in &profile.trend().functions {
            let change = t.change.map_or(String::from("-"), |c| format!("{c:+}"));
            println!(
                "  {:<16} {:<20} change {change}",
                t.function.to_string(),
                t.direction.to_string()
            );
        }
    }
    Ok(())
}

/// Two episodes, one schema reconstructed from both, two ratings of the
/// profile, in the second stage.
fn built_case() -> Result<MitCase, interpersonal::Error> {
    let dinner = AutobiographicalEpisode::new(
        "dinner",
        "2025-12-24",
        "At the family dinner I told them about my new job and my father changed the subject",
    )?;
    let meeting = AutobiographicalEpisode::new(
        "meeting",
        "2026-02",
        "My manager praised a colleague's report in the meeting and said nothing about mine",
    )?;
    let schema = InterpersonalSchema::builder(
        "unseen",
        Wish::new(
            MotivationalSystem::SOCIAL_RANK,
            "to be appreciated for what I do",
        ),
    )
    .self_image("invisible, not good enough")
    .other_response("indifferent, looks past me")
    .self_response(
        SelfResponse::new("a knot in my stomach, I go quiet")
            .with_secondary("I call myself pathetic for caring"),
    )
    .coping("I work late so nobody can fault me")
    .episode("dinner")
    .episode("meeting")
    .build()?;

    let mut profile = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
    profile.record(
        "2026-01-12",
        [
            (Monitoring, 2),
            (Integration, 2),
            (Differentiation, 1),
            (Decentration, 2),
            (Mastery, 1),
        ],
    )?;
    profile.record(
        "2026-04-13",
        [
            (Monitoring, 3),
            (Integration, 2),
            (Differentiation, 2),
            (Decentration, 2),
        ],
    )?;

    Ok(MitCase::new("2026-04-13")?
        .with_episode(dinner)
        .with_episode(meeting)
        .with_schema(schema)
        .with_profile(profile)
        .with_stage(MitStage::PromotingDifferentiation))
}
