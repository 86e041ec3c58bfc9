//! Helpers shared by the integration test modules.

pub mod cases;
pub mod files;
