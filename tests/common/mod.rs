//! What every test that runs the `contactguard` binary shares: the command, with a fixed clock
//! and a known locale, so that a test means the same on any machine and on any date.

#![allow(dead_code)] // each test binary uses a part

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The time the binary runs at in tests (`CONTACTGUARD_NOW`): after the shipped registry was
/// issued and before it expires. Tests that sign make their own keys and dates relative to it.
pub const NOW: &str = "2026-12-07T00:00:00Z";

/// A small registry of one brand for the tests that make a deployment of their own (keys, a
/// root, signed versions): Acme Wallet at acme-wallet.com.
pub const PAYLOAD: &str = r#"{
  "spec_version": 1,
  "version": 1,
  "issued_at": "2026-11-01T00:00:00Z",
  "expires": "2099-01-01T00:00:00Z",
  "brands": [
    {
      "id": "acme",
      "names": [
        "Acme Wallet"
      ],
      "common_words": [],
      "channels": [
        {
          "kind": "domain",
          "value": "acme-wallet.com",
          "scope": "subdomains",
          "source": "pages: https://acme.example/",
          "checked": "2026-10-30",
          "confidence": "high"
        }
      ],
      "no_channels": [],
      "statements": []
    }
  ]
}
"#;

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

/// Runs the binary with `args`.
pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

/// Runs the binary with `stdin` as standard input.
pub fn run_with_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    run_with_bytes(args, stdin.map(str::as_bytes))
}

/// Runs the binary with `stdin` (any bytes, not only UTF-8) as standard input.
pub fn run_with_bytes(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = contactguard()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("the binary finishes")
}

/// Standard output, which must be UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

/// A new, empty folder for one test (`name`), under the system's temporary folder.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("contactguard-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}
