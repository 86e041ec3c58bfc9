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
//!
//! Output goes through one checked writer: when the reader of standard output
//! goes away (`suggest … | head -1`), the program stops quietly with status 0,
//! as Unix filters do, instead of panicking on the broken pipe; any other write
//! error is reported with status 2.

use interpersonal::{Engine, Inventory, Report, from_json};
use std::fmt::Display;
use std::io::{ErrorKind, Read, Write};
use std::process::exit;

fn main() {
    let mut json_output = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json_output = true,
            "-h" | "--help" => {
                emit(
                    "usage: suggest [--json] [INVENTORY.json | -]   (reads standard input for `-` or without a path)\n",
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
            warn(&problem);
        }
        fail(&format!("the inventory has {} problem(s)", problems.len()));
    }

    let engine = Engine::standard().unwrap_or_else(|problems| fail(&problems.to_string()));
    let assessment = engine.evaluate(&inventory);
    if json_output {
        match serde_json::to_string_pretty(&assessment) {
            Ok(json) => emit(format_args!("{json}\n")),
            Err(e) => fail(&e.to_string()),
        }
    } else {
        emit(Report::new(&assessment, &inventory));
    }
}

/// Writes to standard output and flushes. `print!` would panic when the pipe
/// is closed; here a closed pipe ends the program quietly (status 0), and any
/// other write error is reported (status 2).
fn emit(text: impl Display) {
    let mut out = std::io::stdout().lock();
    let written = write!(out, "{text}").and_then(|()| out.flush());
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::BrokenPipe => exit(0),
        Err(e) => fail(&format!("cannot write to standard output: {e}")),
    }
}

/// One `error:` line on standard error; a closed standard error is ignored
/// (`eprintln!` would panic), since there is nowhere left to report it.
fn warn(message: &dyn Display) {
    let _ = writeln!(std::io::stderr().lock(), "error: {message}");
}

fn fail(message: &str) -> ! {
    warn(&message);
    exit(2)
}
