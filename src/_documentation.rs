//! Long-form documents of the crate, rendered here from the Markdown files
//! shipped at the root of its package (as jiff does).
//!
//! * [`design`]: how the crate is built and why: the public modules, the
//!   one-way flow catalogue → inventory → engine → course with `measure`
//!   standing alone, the numbered decisions, and where to add a rule fact, an
//!   instrument, a modality or an export format (`DESIGN.md`).
//! * [`clinical_basis`]: what each problem area, indicator, selection rule,
//!   phase, instrument threshold and course rule rests on, citing the
//!   [`bibliography`](crate::bibliography) with its basis, and where the
//!   literature is unsure (`CLINICAL-BASIS.md`).
//!
//! The API docs point into these as `DESIGN.md decision N` and
//! `CLINICAL-BASIS.md §N.M`.
//!
//! ```
//! // The documents are part of the crate's API docs; this module has no items.
//! let key = "weissman-2018-guide";
//! assert!(interpersonal::bibliography::get(key).is_some());
//! ```

#[doc = include_str!("../DESIGN.md")]
pub mod design {}

#[doc = include_str!("../CLINICAL-BASIS.md")]
pub mod clinical_basis {}
