//! Fuzz target `modality`: see `fuzz/properties.rs` for what it checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| properties::modality(data));
