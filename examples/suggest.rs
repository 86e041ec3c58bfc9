//! Suggests a focus for an interpersonal inventory read from a JSON file (or
//! standard input, when the path is `-` or absent, as Unix tools do), and
//! prints a readable report, or the assessment as JSON.
//!
//! ```text
//! cargo run --example suggest -- examples/data/quickstart.json
//! cargo run --example suggest -- --json examples/data/quickstart.json
//! cat inventory.json | cargo run --example suggest
//! cat inventory.json | cargo run --example suggest -- --json -
//! ```
//!
//! Bad input (unreadable JSON, or an inventory that fails validation) prints
//! every problem, each with its JSON path, to standard error and exits with
//! status 2.

use interpersonal::{Engine, Inventory, Report, from_json};
use std::io::Read;
use std::process::exit;

fn main() {
    let mut json_output = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json_output = true,
            "-h" | "--help" => {
                println!(
                    "usage: suggest [--json] [INVENTORY.json | -]   (reads standard input for `-` or without a path)"
                );
                return;
            }
            _ if path.is_none() => path = Some(arg),
            _ => fail("expected at most one file path"),
        }
    }

    let text = match path.as_deref().filter(|p| *p != "-") {
        Some(p) => {
            std::fs::read_to_string(p).unwrap_or_else(|e| fail(&format!("cannot read {p}: {e}")))
        }
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .unwrap_or_else(|e| fail(&format!("cannot read standard input: {e}")));
            s
        }
    };

    let inventory: Inventory = from_json(&text).unwrap_or_else(|e| fail(&e.to_string()));
    if let Err(problems) = inventory.validate() {
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        fail(&format!("the inventory has {} problem(s)", problems.len()));
    }

    let engine = Engine::standard().unwrap_or_else(|problems| fail(&problems.to_string()));
    let assessment = engine.evaluate(&inventory);
    if json_output {
        match serde_json::to_string_pretty(&assessment) {
            Ok(json) => println!("{json}"),
            Err(e) => fail(&e.to_string()),
        }
    } else {
        print!("{}", Report::new(&assessment, &inventory));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(2)
}
