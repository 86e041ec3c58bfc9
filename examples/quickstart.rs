//! Quickstart: the main job of `interpersonal` on a bundled case.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! It reads a realistic, fictional interpersonal inventory
//! (`examples/data/quickstart.json`), checks it, runs the standard IPT rule
//! engine on it and prints the report: the suggested focus with its evidence
//! and sources, advisories, the facts worth asking next, and what the manuals
//! offer for the focus. It shows that the clinician's judgement governs: the
//! cut in working hours, dated inside the onset window but marked
//! `"linked_to_onset": false`, is not listed as evidence linked to the episode.
//! Then it shows the assessment as the JSON an app would store: ids and rule
//! text, no patient text.
//!
//! The crate is decision support, not diagnosis: the clinician decides, and
//! the focus is agreed with the patient.
//!
//! With the `svg` feature it can also draw the inventory as a closeness
//! circle, people named by id, the evidence highlighted:
//!
//! ```text
//! cargo run --example quickstart --features svg -- --svg DIR
//! ```
//!
//! writes `DIR/closeness_circle.svg` (the README shows it from
//! `docs/pictures/`).
use interpersonal::{
    Engine, Inventory, ProblemArea, Report, engine::Subject, from_json, id::EventId,
    inventory::OnsetLink,
};

#[path = "support/svg_args.rs"]
mod svg_args;

const CASE: &str = include_str!("data/quickstart.json");

/// Writes the closeness circle of the case into `dir`.
#[cfg(feature = "svg")]
fn write_circle(
    dir: &std::path::Path,
    inventory: &Inventory,
    assessment: &interpersonal::Assessment,
) -> Result<(), Box<dyn std::error::Error>> {
    let svg = interpersonal::picture::ClosenessCircle::new(inventory)
        .with_assessment(assessment)
        .to_svg();
    std::fs::create_dir_all(dir)?;
    let path = dir.join("closeness_circle.svg");
    std::fs::write(&path, svg)?;
    println!("\nWrote the closeness circle to {}.", path.display());
    Ok(())
}

/// Without the `svg` feature there are no pictures.
#[cfg(not(feature = "svg"))]
fn write_circle(
    _: &std::path::Path,
    _: &Inventory,
    _: &interpersonal::Assessment,
) -> Result<(), Box<dyn std::error::Error>> {
    Err(svg_args::needs_svg_feature("quickstart"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let svg_dir = svg_args::svg_dir_only()?;
    // 1. Read and check the inventory. Every problem is reported with its JSON
    //    path; none of them quotes patient text.
    let inventory: Inventory = from_json(CASE)?;
    inventory.validate()?;
    println!(
        "Inventory as of {}: {} people, {} life events, onset {}.\n",
        inventory.assessed_on,
        inventory.people.len(),
        inventory.events.len(),
        inventory.onset,
    );

    // 2. Compile the standard IPT rules once; evaluate as many inventories as
    //    you like with it.
    let engine = Engine::standard()?;
    let assessment = engine.evaluate(&inventory);

    // 3. The report joins the patient's labels back in, for the clinician.
    print!("{}", Report::new(&assessment, &inventory));

    // 4. The problem areas, in the plain words of WHO group IPT.
    println!("\nThe four problem areas (WHO group IPT names):");
    for area in ProblemArea::iter() {
        let mark = if assessment.focus.contains(&area) {
            "*"
        } else {
            " "
        };
        println!("  {mark} {:<24} \"{}\"", area.to_string(), area.who_name());
    }

    // 5. The clinician's judgement governs. The cut in working hours falls in
    //    the onset window, but the clinician marked it not linked: it is not
    //    evidence for any area, and the formulation will not name it.
    let hours_cut = EventId::new("hours_cut")?;
    let marked = inventory
        .event(&hours_cut)
        .map(|e| e.linked_to_onset == OnsetLink::NotLinked);
    let listed = assessment
        .areas
        .iter()
        .flat_map(|f| &f.evidence)
        .any(|e| e.subjects.contains(&Subject::Event(hours_cut.clone())));
    println!(
        "\nThe cut in working hours is marked not linked: {}; listed as evidence: {listed}.",
        marked.unwrap_or(false)
    );
    assert!(
        !listed,
        "an event marked not linked is never linked evidence"
    );

    // 6. The assessment as an app would store it: no patient text inside.
    let json = interpersonal::to_json(&assessment)?;
    println!(
        "\nThe assessment as JSON is {} bytes, names people and events by id, and holds no label: {}.",
        json.len(),
        inventory
            .people
            .iter()
            .all(|p| !json.contains(p.label.expose().as_str()))
    );

    // 7. With `--svg DIR`: the closeness circle, people named by id.
    if let Some(dir) = svg_dir {
        write_circle(&dir, &inventory, &assessment)?;
    }
    Ok(())
}
