//! Proptest strategies that generate valid documents, for downstream property
//! tests (feature `proptest`): inventories that pass
//! [`Inventory::validate`](crate::Inventory::validate), rule sets that
//! [`Engine::compile`](crate::Engine::compile) accepts, contracts that pass
//! [`TreatmentContract::validate`](crate::TreatmentContract::validate),
//! courses made by [`Course::new`](crate::Course::new), and answers that score
//! without error.
//!
//! A downstream property test, in a crate that depends on `interpersonal`
//! with `features = ["proptest"]` and on `proptest`:
//!
//! ```
//! use interpersonal::{strategy, Engine, Report};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(16))]
//!     // In your tests, put `#[test]` here.
//!     fn my_summary_keeps_every_focus(inventory in strategy::inventory()) {
//!         let engine = Engine::standard().unwrap();
//!         let assessment = engine.evaluate(&inventory);
//!         prop_assert!(inventory.validate().is_ok());
//!         // Your code under test goes here; for example, a one-line summary:
//!         let report = Report::new(&assessment, &inventory).to_string();
//!         for area in &assessment.focus {
//!             prop_assert!(report.contains(area.name()));
//!         }
//!     }
//! }
//! # fn main() { my_summary_keeps_every_focus(); }
//! ```
//!
//! Every strategy is deterministic given proptest's seed, and none needs the
//! clock: dates are drawn from 2024 to 2026.

mod course;
mod inventory;
mod measure;
mod rules;

pub use course::{contract, course};
pub use inventory::{
    as_of, conflict, date_until, event, event_ids, event_kind, expectations, inventory, label,
    onset, person, person_ids, social_context, status, text,
};
pub use measure::{answers, difficulty};
pub use rules::rule_set;
