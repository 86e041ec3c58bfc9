//! The integration tests, as one test binary (as jiff does), so that
//! `cargo test` links the crate's tests once instead of once per file.
//!
//! Each file of this folder is one module; a new test file is a `mod` line
//! here. Helpers shared by several modules live in [`support`]; the clinical
//! cases are data in `tests/cases/`. Proptest keeps its regression seeds in
//! `tests/proptest-regressions/` (beside this folder, because this folder has
//! a `main.rs`).

mod support;

mod api;
mod bibliography;
mod cases_parse;
mod clinical_cases;
mod contract;
mod course;
mod engine;
mod engine_props;
mod formulation;
mod foundation;
mod foundation_props;
mod inventory;
mod ipsrt;
mod ipsrt_props;
mod json_errors;
mod links;
mod measures;
mod measures_props;
mod privacy;
mod schedule;
mod schema;
