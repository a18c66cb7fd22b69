//! Memory and speed with 10,000 synthetic brands: builds the checker over the embedded
//! registry plus 10,000 made-up brands (the `scale` bench's generator, signed with throwaway
//! keys), checks 100,000 generated domains (a mix drawn from the whole registry, then one
//! drawn from the embedded brands only, the same at every size), and prints the index-build
//! time and the process's RSS. `cargo run --release --example rss_10k [BRANDS]`.
//!
//! The registry is generated and signed in this process, written to a temporary folder, and
//! loaded by a fresh process (this example again, with `--load DIR`), as a program would load
//! a downloaded registry: the memory figures are that process's, without the generator's.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

use contactguard::trust::store::{load_update, Anchor, MemoryStore};
use contactguard::{Checker, TrustedRegistry};

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

/// A line of `/proc/self/status` (`VmHWM`, `VmRSS`) in kB; `None` off Linux.
fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("n/a".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir, n] = &args[..] {
        if flag == "--load" {
            let n = n.parse().expect("BRANDS is a number");
            return load(std::path::Path::new(dir), n);
        }
    }
    let n: usize = args
        .first()
        .map(|a| a.parse().expect("BRANDS is a number"))
        .unwrap_or(10_000);
    let t = Instant::now();
    let payload = synthetic::payload(n);
    let payload_len = payload.len();
    let (anchor, file) = synthetic::signed(payload);
    println!("generate + sign:       {:.2?}", t.elapsed());
    println!("payload:               {payload_len} bytes");
    let dir = std::env::temp_dir().join(format!("contactguard-rss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    std::fs::write(dir.join("root.json"), &anchor).expect("writes the root");
    std::fs::write(dir.join("registry.signed.json"), &file).expect("writes the registry");
    let status = std::process::Command::new(std::env::current_exe().expect("its own path"))
        .arg("--load")
        .arg(&dir)
        .arg(n.to_string())
        .status();
    let _ = std::fs::remove_dir_all(&dir);
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("the loading process failed");
        std::process::exit(1);
    }
}

/// The measured part, in a fresh process: load the signed registry from `dir`, verify, parse,
/// index, check.
fn load(dir: &std::path::Path, n: usize) {
    println!(
        "start:                 VmRSS {}",
        mb(proc_status_kb("VmRSS"))
    );
    let anchor = std::fs::read(dir.join("root.json")).expect("reads the root");
    let file = std::fs::read(dir.join("registry.signed.json")).expect("reads the registry");
    let t = Instant::now();
    let mut store = MemoryStore::default();
    let (trusted, _): (TrustedRegistry, _) =
        load_update(&Anchor::root(&anchor), &file, &mut store, synthetic::now()).expect("verifies");
    let verified = t.elapsed();
    let file_len = file.len();
    drop(file);
    drop(store);

    println!(
        "before index:          VmRSS {}",
        mb(proc_status_kb("VmRSS"))
    );

    let t = Instant::now();
    let checker = Checker::new(trusted);
    let index_build = t.elapsed();

    let brands = checker.registry().brands();
    let channels: usize = brands.iter().map(|b| b.channels.len()).sum();
    println!(
        "brands:                {} ({} embedded + {n} synthetic)",
        brands.len(),
        brands.len() - n
    );
    println!("channels:              {channels}");
    println!("distribution file:     {file_len} bytes");
    println!("verify + parse:        {verified:.2?}");
    println!("index build:           {index_build:.2?}");
    println!(
        "after build:           VmRSS {} (peak so far: VmHWM {})",
        mb(proc_status_kb("VmRSS")),
        mb(proc_status_kb("VmHWM"))
    );

    let domains = synthetic::domains(checker.registry(), 100_000, 0x0dd5_10ad);
    let t = Instant::now();
    let mut statuses: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in &domains {
        let v = black_box(checker.check(d));
        *statuses.entry(v.status.as_str()).or_default() += 1;
    }
    let elapsed = t.elapsed();
    println!(
        "checked:               {} domains in {elapsed:.2?} ({:.1} µs each, {:.0}/s)",
        domains.len(),
        elapsed.as_secs_f64() * 1e6 / domains.len() as f64,
        domains.len() as f64 / elapsed.as_secs_f64()
    );
    println!("verdicts:              {statuses:?}");

    // The same 100,000 domains whatever the size (official ones and lookalikes of the embedded
    // registry only, and random ones): a like-for-like comparison between sizes.
    let builtin = Checker::builtin().expect("embedded registry");
    let same = synthetic::domains(builtin.registry(), 100_000, 0x0dd5_10ad);
    let t = Instant::now();
    for d in &same {
        black_box(checker.check(d));
    }
    let elapsed = t.elapsed();
    println!(
        "embedded-only mix:     {} domains in {elapsed:.2?} ({:.1} µs each)",
        same.len(),
        elapsed.as_secs_f64() * 1e6 / same.len() as f64
    );
    println!(
        "after checks:          VmRSS {}",
        mb(proc_status_kb("VmRSS"))
    );
    println!(
        "peak RSS:              VmHWM {}",
        mb(proc_status_kb("VmHWM"))
    );
}
