//! Tunes the default rule set and shows what changes.
//!
//! Loads `rules/default.json` from disk (falling back to the embedded copy),
//! gives role transitions more weight and widens the onset window, compiles the
//! result, and evaluates a bundled case under both rule sets.
//!
//! ```text
//! cargo run --example custom_rules
//! ```
use interpersonal::{Engine, Inventory, ProblemArea, RuleSet, engine::Window, from_json};

const CASE: &str = include_str!("data/quickstart.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/default.json");
    let standard = match std::fs::read_to_string(path) {
        Ok(json) => RuleSet::from_json(&json)?,
        Err(_) => RuleSet::standard(),
    };

    let mut tuned = standard.clone();
    tuned.id = "clinic.tuned".parse()?;
    tuned.version = String::from("1.1.0");
    // A clinic that wants life changes to weigh as much as a full dispute.
    for rule in &mut tuned.rules {
        if rule.id.as_str() == "transition.life_change_near_onset" {
            rule.weight = 4.0;
            rule.version += 1;
        }
    }
    // And a wider onset window: a year before to three months after.
    tuned
        .parameters
        .windows
        .insert(String::from("onset"), Window::new(12, 3));

    let before = Engine::compile(standard)?;
    let after = Engine::compile(tuned)?;

    let inventory: Inventory = from_json(CASE)?;
    let a = before.evaluate(&inventory);
    let b = after.evaluate(&inventory);

    println!(
        "{:<24} {:>28} {:>28}",
        "",
        before.rule_set().id.as_str(),
        after.rule_set().id.as_str()
    );
    for area in [
        ProblemArea::Grief,
        ProblemArea::RoleDispute,
        ProblemArea::RoleTransition,
        ProblemArea::InterpersonalDeficits,
    ] {
        let (sa, sb) = (a.score(area), b.score(area));
        let mark = if sa == sb { "" } else { "  <- changed" };
        println!("{:<24} {sa:>28.1} {sb:>28.1}{mark}", area.to_string());
    }
    println!(
        "{:<24} {:>28} {:>28}",
        "focus",
        names(&a.focus),
        names(&b.focus)
    );
    println!(
        "{:<24} {:>28} {:>28}",
        "fingerprint",
        &a.rule_set.fingerprint()[..8],
        &b.rule_set.fingerprint()[..8]
    );

    // Evidence that only the tuned rules found.
    for finding in &b.areas {
        for e in &finding.evidence {
            let old = a
                .finding(finding.area)
                .and_then(|f| f.evidence.iter().find(|x| x.rule == e.rule));
            match old {
                None => println!("new evidence: {} ({})", e.rule, e.summary()),
                Some(o) if o.subjects != e.subjects || o.weight != e.weight => println!(
                    "changed evidence: {} weight {} -> {}, subjects {} -> {}",
                    e.rule,
                    o.weight,
                    e.weight,
                    o.subjects.len(),
                    e.subjects.len()
                ),
                Some(_) => {}
            }
        }
    }
    Ok(())
}

fn names(areas: &[ProblemArea]) -> String {
    areas
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>()
        .join("+")
}
