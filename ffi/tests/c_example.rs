//! `examples/c/check_contact.c`, compiled with the system C compiler (`$CC`, else `cc`) against
//! the static library this test run built, and run: its output is asserted line by line, and an
//! AddressSanitizer build shows that it frees everything the library hands it.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use contactguard::{Checker, ScanReport, Status, Verdict};

/// The libraries a Rust static library needs on Linux.
const SYSTEM_LIBS: &[&str] = &["-lpthread", "-ldl", "-lm"];
/// Warnings are errors: the header and the example must compile cleanly as C99.
const STRICT: &[&str] = &["-std=c99", "-Wall", "-Wextra", "-pedantic", "-Werror"];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("ffi/ is inside the repository")
}

/// `libcontactguard_ffi.a` as this `cargo test` built it: next to the test executable in
/// `target/<profile>/deps/` (a `cargo build` also copies it one level up).
fn staticlib() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    let deps = exe.parent().expect("the executable is in a directory");
    let found = [Some(deps), deps.parent()]
        .into_iter()
        .flatten()
        .map(|dir| dir.join("libcontactguard_ffi.a"))
        .find(|lib| lib.is_file());
    found.unwrap_or_else(|| {
        panic!(
            "libcontactguard_ffi.a is not in {} or its parent; run `cargo build -p \
                 contactguard-ffi` and try again",
            deps.display()
        )
    })
}

/// Compiles the example with `flags` into `name` in the test's scratch directory.
fn build(name: &str, flags: &[&str]) -> PathBuf {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let mut words = cc.split_whitespace();
    let program = words.next().unwrap_or("cc");
    let binary = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let output = Command::new(program)
        .args(words)
        .args(STRICT)
        .args(flags)
        .arg(repo().join("examples/c/check_contact.c"))
        .arg("-I")
        .arg(repo().join("ffi/include"))
        .arg(staticlib())
        .args(SYSTEM_LIBS)
        .arg("-o")
        .arg(&binary)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run the C compiler `{cc}` ({e}); install one or set CC")
        });
    assert!(
        output.status.success(),
        "`{cc}` failed to compile examples/c/check_contact.c:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    binary
}

/// The example built once for the tests that run it as it is.
fn plain() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build("check_contact", &[]))
}

fn run(binary: &Path, args: &[&OsStr]) -> Output {
    Command::new(binary)
        .args(args)
        .env("ASAN_OPTIONS", "detect_leaks=1:halt_on_error=1")
        // AddressSanitizer's runtime must be the first library loaded; a preloaded one (such as
        // libfaketime, when the suite runs at another date) would stop it.
        .env_remove("LD_PRELOAD")
        .env("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
        .output()
        .expect("the example runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("the example prints UTF-8")
}

/// The verdicts on the `  json: ` lines, in order.
fn json_verdicts(out: &str) -> Vec<Verdict> {
    out.lines()
        .filter_map(|l| l.strip_prefix("  json: "))
        .map(|j| serde_json::from_str(j).expect("a json: line is a Verdict"))
        .collect()
}

#[test]
fn example_checks_scans_and_reports_a_refused_update() {
    let output = run(plain(), &[]);
    let out = stdout(&output);
    assert!(
        output.status.success(),
        "exit {:?}\n{out}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let checker = Checker::builtin().expect("builtin");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "contactguard {}, registry version {}",
            env!("CARGO_PKG_VERSION"),
            checker.registry().version()
        )
    );
    for expected in [
        "check tokenpocket.pro: official, brand tokenpocket (TokenPocket), technique exact",
        "check tokenp0cket.pro: impersonation, brand tokenpocket (TokenPocket), technique homoglyph",
        "  use instead: tokenpocket.pro",
        "check TP钱包客服 400-123-4567: impersonation, brand tokenpocket (TokenPocket), technique no_such_channel",
        "  use instead: service@tokenpocket.pro",
        "check example.org: unknown",
    ] {
        assert!(lines.contains(&expected), "no line `{expected}` in:\n{out}");
    }

    // The JSON is the library's own verdict, field for field.
    let inputs = [
        "tokenpocket.pro",
        "tokenp0cket.pro",
        "TP钱包客服 400-123-4567",
        "example.org",
    ];
    let verdicts = json_verdicts(&out);
    assert_eq!(verdicts.len(), inputs.len());
    for (verdict, input) in verdicts.iter().zip(inputs) {
        assert_eq!(verdict, &checker.check(input));
    }

    let scan = lines
        .iter()
        .find_map(|l| l.strip_prefix("scan: "))
        .expect("a scan: line");
    let report: ScanReport = serde_json::from_str(scan).expect("a ScanReport");
    let message = "TP钱包官方客服热线：400-123-4567，官网 https://tokenpocket.pro";
    assert_eq!(report, checker.scan(message));
    assert_eq!(report.status, Some(Status::Impersonation));
    assert_eq!(report.items[0].text, "400-123-4567");

    let refused = lines
        .iter()
        .find_map(|l| l.strip_prefix("update refused (code 3): "))
        .unwrap_or_else(|| panic!("no `update refused (code 3)` line in:\n{out}"));
    assert!(refused.contains("did not verify"), "{refused}");
}

#[test]
fn example_checks_its_arguments() {
    let args = [
        OsStr::new("@TokenPocket_TP_"),
        OsStr::new("https://t.me/tokenpocket_en"),
    ];
    let output = run(plain(), &args);
    let out = stdout(&output);
    assert!(output.status.success(), "{out}");
    assert!(out.contains(
        "check @TokenPocket_TP_: impersonation, brand tokenpocket (TokenPocket), technique handle_affix"
    ), "{out}");
    assert!(out.contains(
        "check https://t.me/tokenpocket_en: official, brand tokenpocket (TokenPocket), technique exact"
    ), "{out}");
    assert_eq!(json_verdicts(&out).len(), 2);
}

#[cfg(unix)]
#[test]
fn example_exits_nonzero_with_the_message_when_a_call_fails() {
    use std::os::unix::ffi::OsStrExt;

    let output = run(plain(), &[OsStr::from_bytes(b"tokenp\xffcket.pro")]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("check_contact: cg_check failed (code 2): `input` is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn example_frees_everything_under_address_sanitizer() {
    let binary = build(
        "check_contact_asan",
        &[
            "-g",
            "-fno-omit-frame-pointer",
            "-fsanitize=address,undefined",
        ],
    );
    let output = run(&binary, &[]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}:\n{err}", output.status);
    assert!(!err.contains("LeakSanitizer"), "{err}");
    assert!(!err.contains("runtime error"), "{err}");
}

#[test]
fn header_compiles_as_cpp() {
    let cxx = std::env::var("CXX").unwrap_or_else(|_| "c++".to_owned());
    let mut words = cxx.split_whitespace();
    let program = words.next().unwrap_or("c++");
    let source = Path::new(env!("CARGO_TARGET_TMPDIR")).join("header_check.cpp");
    std::fs::write(
        &source,
        "#include \"contactguard.h\"\nint main() { return cg_version() == nullptr; }\n",
    )
    .expect("the scratch directory is writable");
    let output = Command::new(program)
        .args(words)
        .args([
            "-std=c++11",
            "-Wall",
            "-Wextra",
            "-pedantic",
            "-Werror",
            "-fsyntax-only",
        ])
        .arg("-I")
        .arg(repo().join("ffi/include"))
        .arg(&source)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run the C++ compiler `{cxx}` ({e}); install one or set CXX")
        });
    assert!(
        output.status.success(),
        "contactguard.h does not compile as C++:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
