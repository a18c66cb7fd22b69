//! What every test that runs the `contactguard` binary shares: the command, with a fixed clock
//! and a known locale, so that a test means the same on any machine and on any date.

#![allow(dead_code)] // each test binary uses a part

use std::process::Command;

/// The time the binary runs at in tests (`CONTACTGUARD_NOW`): after the shipped registry was
/// issued and before it expires. Tests that sign make their own keys and dates relative to it.
pub const NOW: &str = "2026-12-01T00:00:00Z";

/// The `contactguard` binary, at [`NOW`], in English with a UTF-8 locale and no colour, with
/// its trust store in a folder of this test process (never the user's).
pub fn contactguard() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_contactguard"));
    let data = std::env::temp_dir().join(format!("contactguard-test-data-{}", std::process::id()));
    command
        .env("CONTACTGUARD_NOW", NOW)
        .env("XDG_DATA_HOME", data)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("NO_COLOR")
        .env("LANG", "C.UTF-8");
    command
}
