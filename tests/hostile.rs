//! Hostile inputs through the binary: each case in `tests/data/hostile.tsv` must end in a
//! verdict or a clear error, never a panic, with the peak memory of the process under a cap.
//! Peak memory is `ru_maxrss` from `wait4`. The child is forked while this process is small
//! (inputs are generated after the fork, on the thread that feeds them), because Linux counts
//! the memory of the process that called `exec` into the child's peak.
//!
//! `hostile.tsv` columns, tab-separated:
//!
//! - `name`;
//! - `args`: the command line, split on spaces; `{file}` is replaced by the path of a file
//!   holding the input (otherwise the input is standard input);
//! - `input`: pieces joined by ` + `, each `"text"` (escapes `\n \t \0 \\ \" \xHH \u{HEX}`;
//!   `\xHH` is a raw byte) optionally followed by `*count`, `@name` for a file in
//!   `tests/data/hostile/`, or `( pieces )*count` for a group repeated;
//! - `exit`: the expected exit code;
//! - `expect`: checks joined by ` && `: `"text"` must appear in the output (stdout, then
//!   stderr), `!"text"` must not, `lines=N` counts the lines of stdout;
//! - `max_rss_mib`: the most memory the process may use at its peak.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

mod escapes;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Parses one quoted piece of the input language, returning its bytes and the rest.
fn quoted(spec: &str) -> (Vec<u8>, &str) {
    let body = spec.strip_prefix('"').expect("a piece starts with a quote");
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return (escapes::unescape(&body[..i]), &body[i + 1..]),
            _ => {}
        }
    }
    panic!("unterminated piece: {spec}")
}

/// A `*count` after a piece, if any: the count and the rest.
fn count(after: &str) -> (usize, &str) {
    match after.strip_prefix('*') {
        Some(n) => {
            let end = n.find(' ').unwrap_or(n.len());
            (n[..end].parse::<usize>().expect("a count"), &n[end..])
        }
        None => (1, after),
    }
}

fn input(spec: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = spec.trim();
    while !rest.is_empty() {
        if let Some(group) = rest.strip_prefix('(') {
            // `( piece + piece )*count`: the group repeated.
            let end = group.rfind(')').expect("a group ends with ')'");
            let (times, after) = count(&group[end + 1..]);
            out.extend(input(&group[..end]).repeat(times));
            rest = after;
        } else if let Some(name) = rest.strip_prefix('@') {
            let end = name.find(" + ").unwrap_or(name.len());
            out.extend(std::fs::read(data("hostile").join(&name[..end])).expect("input file"));
            rest = &name[end..];
        } else {
            let (bytes, after) = quoted(rest);
            let (times, after) = count(after);
            out.extend(bytes.repeat(times));
            rest = after;
        }
        rest = rest
            .trim_start()
            .strip_prefix('+')
            .unwrap_or(rest)
            .trim_start();
    }
    out
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    max_rss_kib: i64,
}

/// Runs the binary, feeding `stdin` and draining its output on threads, and reaps it with
/// `wait4` to learn its peak memory.
// The child is reaped by `wait4`, not by `Child::wait`, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn run(args: &[String], stdin: Option<String>) -> Run {
    let mut command = common::contactguard();
    // SAFETY: the hook does nothing; its presence makes std fork (not vfork or posix_spawn),
    // so the child's peak starts from this process's current size, not from its own peak.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut command, || Ok(()));
    }
    let mut child = command
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let feeder = child.stdin.take().zip(stdin).map(|(mut pipe, spec)| {
        // The binary may refuse the input before reading it all: a broken pipe is fine.
        std::thread::spawn(move || drop(pipe.write_all(&input(&spec))))
    });
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            pipe.read_to_end(&mut buf).expect("read output");
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 writes into both out-parameters.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet reaped; the pointers are valid for the call.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4");
    if let Some(f) = feeder {
        f.join().expect("stdin writer");
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    Run {
        code,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
        max_rss_kib: usage.ru_maxrss,
    }
}

fn check(name: &str, expect: &str, run: &Run) -> Vec<String> {
    let stdout = String::from_utf8_lossy(&run.stdout);
    let all = format!("{stdout}{}", String::from_utf8_lossy(&run.stderr));
    let mut problems = Vec::new();
    for item in expect
        .split(" && ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if let Some(n) = item.strip_prefix("lines=") {
            let want: usize = n.parse().expect("lines=N");
            let got = stdout.lines().count();
            if got != want {
                problems.push(format!("{name}: {got} lines on stdout, expected {want}"));
            }
        } else if let Some(text) = item.strip_prefix('!') {
            let text = String::from_utf8_lossy(&quoted(text).0).into_owned();
            if all.contains(&text) {
                problems.push(format!("{name}: the output holds {text:?}"));
            }
        } else {
            let text = String::from_utf8_lossy(&quoted(item).0).into_owned();
            if !all.contains(&text) {
                problems.push(format!("{name}: no {text:?} in the output"));
            }
        }
    }
    problems
}

#[test]
fn hostile_inputs_end_in_a_verdict_or_a_clear_error() {
    let table = std::fs::read_to_string(data("hostile.tsv")).expect("hostile.tsv");
    let dir = std::env::temp_dir().join(format!("contactguard-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut problems = Vec::new();
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, args, spec, exit, expect, max_rss] = cols[..] else {
            panic!("six tab-separated columns: {line}");
        };
        cases += 1;
        let file = dir.join(format!("{name}.input"));
        let (args, stdin): (Vec<String>, _) = if args.contains("{file}") {
            std::fs::write(&file, input(spec)).expect("input file");
            let path = file.to_string_lossy();
            (
                args.split(' ')
                    .map(|a| a.replace("{file}", &path))
                    .collect(),
                None,
            )
        } else {
            (
                args.split(' ').map(str::to_owned).collect(),
                Some(spec.to_owned()),
            )
        };
        let run = run(&args, stdin);
        let stderr = String::from_utf8_lossy(&run.stderr);
        if stderr.contains("panicked") || run.code == 101 {
            problems.push(format!("{name}: panicked: {stderr}"));
        }
        let exit: i32 = exit.parse().expect("exit code");
        if run.code != exit {
            let head: String = stderr.chars().take(300).collect();
            problems.push(format!(
                "{name}: exit {} (expected {exit}): {head}",
                run.code
            ));
        }
        problems.extend(check(name, expect, &run));
        let cap: i64 = max_rss.parse().expect("max_rss_mib");
        if run.max_rss_kib > cap * 1024 {
            problems.push(format!(
                "{name}: peak memory {} MiB over the cap of {cap} MiB",
                run.max_rss_kib / 1024
            ));
        }
        eprintln!(
            "{name}: exit {}, {} lines out, peak {} MiB",
            run.code,
            run.stdout.split(|&b| b == b'\n').count() - 1,
            run.max_rss_kib / 1024
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(cases >= 10, "the table was read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
