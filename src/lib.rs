//! `interpersonal`: a typed, tested, explainable model of Interpersonal
//! Psychotherapy (IPT).
//!
//! (The guided tour is written once the engine lands.)

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod area;
mod date;
mod error;
mod id;
mod inventory;
mod sensitive;
mod source;

mod course;
mod engine;
mod goal;
mod measure;
mod phase;
mod technique;

pub use area::*;
pub use date::*;
pub use error::*;
pub use id::*;
pub use inventory::*;
pub use sensitive::*;
pub use source::*;

pub use course::*;
#[allow(unused_imports)]
pub use engine::*;
pub use goal::*;
pub use measure::*;
pub use phase::*;
pub use technique::*;
