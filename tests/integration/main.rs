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
mod batch;
mod bibliography;
mod cases_parse;
#[cfg(feature = "cds-hooks")]
mod cds_hooks;
mod clinical_cases;
mod contract;
mod course;
mod dates;
mod doc_refs;
#[cfg(any(feature = "proptest", feature = "arbitrary"))]
mod downstream;
mod engine;
mod engine_props;
mod error_paths;
#[cfg(feature = "fhir")]
mod fhir;
mod finite_scores;
mod formulation;
mod foundation;
mod foundation_props;
mod fuzz_properties;
#[cfg(feature = "schema")]
mod generated_schemas;
mod inventory;
mod ipsrt;
mod ipsrt_areas;
mod ipsrt_props;
mod json_errors;
mod judgement;
mod limits;
mod links;
mod measures;
mod measures_props;
mod mit;
mod modalities;
#[cfg(feature = "svg")]
mod picture;
mod privacy;
mod report_structure;
mod schedule;
mod schema;
mod small_defects;
