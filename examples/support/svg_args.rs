//! The `--svg DIR` argument of the examples that draw pictures (`quickstart`,
//! `course_tracking`, `ipsrt_rhythm`), written once and included by each of
//! them with `#[path = "support/svg_args.rs"] mod svg_args;`.
//!
//! (This folder has no `main.rs`, so Cargo does not take it for an example.)

// Each example uses only part of this file.
#![allow(dead_code)]

use std::error::Error;
use std::path::PathBuf;

/// Takes `--svg DIR` out of `args`, wherever it stands, and returns `DIR`;
/// the other arguments stay in their order. `--svg` without a folder after it
/// is an error.
pub fn take_svg_dir(args: &mut Vec<String>) -> Result<Option<PathBuf>, Box<dyn Error>> {
    let Some(at) = args.iter().position(|a| a == "--svg") else {
        return Ok(None);
    };
    if at + 1 >= args.len() {
        return Err("--svg needs a folder: --svg DIR".into());
    }
    let dir = args.remove(at + 1);
    args.remove(at);
    Ok(Some(dir.into()))
}

/// The folder of `--svg DIR`, for an example whose only argument that is:
/// any other argument is an error.
pub fn svg_dir_only() -> Result<Option<PathBuf>, Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dir = take_svg_dir(&mut args)?;
    match args.first() {
        None => Ok(dir),
        Some(other) => Err(format!("unknown argument {other:?}; the only one is --svg DIR").into()),
    }
}

/// The error of `--svg DIR` given to `example` built without the `svg`
/// feature, which draws the pictures.
pub fn needs_svg_feature(example: &str) -> Box<dyn Error> {
    format!(
        "--svg needs the svg feature: cargo run --example {example} --features svg -- --svg DIR"
    )
    .into()
}
