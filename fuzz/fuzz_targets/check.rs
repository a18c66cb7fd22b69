//! Fuzz target `check`: the property in `tests/props/mod.rs` (`check_bytes`), which
//! `tests/fuzz_replay.rs` also runs on the corpus in CI.
#![no_main]

#[path = "../../tests/props/mod.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::check_bytes(data));
