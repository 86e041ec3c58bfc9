//! Helpers shared by the integration tests. Each test file uses some of them.
#![allow(dead_code)]
// Test helpers may panic on impossible values.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod inventory_strategy;
