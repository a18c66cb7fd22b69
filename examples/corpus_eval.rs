//! Measures detection on evaluation corpora, as reported in the README:
//!
//! ```text
//! cargo run --release --example corpus_eval -- dnstwist ../shared/corpora/dnstwist-tokenpocket.pro.txt
//! cargo run --release --example corpus_eval -- negatives ../shared/corpora/wallet-allowlist.txt
//! ```
//!
//! `dnstwist FILE`: a `dnstwist --format list`-style TSV (fuzzer, punycode domain, Unicode form);
//! prints the share of permutations that come out `impersonation`, overall and per fuzzer,
//! leaving out the original and hosts that are official. `negatives FILE`: one legitimate domain
//! per line; prints every one that comes out `impersonation`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use contactguard::{Checker, Status};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: corpus_eval dnstwist|negatives FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let checker = match Checker::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match mode.as_str() {
        "dnstwist" => dnstwist(&checker, &text),
        "negatives" => negatives(&checker, &text),
        _ => {
            eprintln!("unknown mode {mode}; use dnstwist or negatives");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn dnstwist(checker: &Checker, text: &str) {
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for line in text.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(fuzzer), Some(domain)) = (cols.next(), cols.next()) else {
            continue;
        };
        if fuzzer.starts_with('*') || domain.is_empty() {
            continue;
        }
        let v = checker.check(domain);
        if v.status == Status::Official {
            continue;
        }
        let e = per.entry(fuzzer).or_default();
        e.0 += 1;
        if v.status == Status::Impersonation {
            e.1 += 1;
        } else {
            misses.push(format!(
                "{fuzzer}\t{domain}\t{}\t{}",
                cols.next().unwrap_or(""),
                v.status
            ));
        }
    }
    let (total, hit) = per.values().fold((0, 0), |(t, h), (a, b)| (t + a, h + b));
    println!("fuzzer\tpermutations\tflagged\tshare");
    for (fuzzer, (n, h)) in &per {
        println!("{fuzzer}\t{n}\t{h}\t{:.2}%", 100.0 * *h as f64 / *n as f64);
    }
    println!(
        "ALL\t{total}\t{hit}\t{:.2}%",
        100.0 * hit as f64 / total.max(1) as f64
    );
    if !misses.is_empty() {
        println!("\nnot flagged ({}):", misses.len());
        for m in &misses {
            println!("  {m}");
        }
    }
}

fn negatives(checker: &Checker, text: &str) {
    let mut total = 0;
    let mut flagged = Vec::new();
    for domain in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        total += 1;
        let v = checker.check(domain);
        if v.status == Status::Impersonation {
            let why = v
                .findings
                .first()
                .map(|f| format!("{} {}", f.technique, f.message))
                .unwrap_or_default();
            flagged.push(format!(
                "{domain}\t{}\t{why}",
                v.brand.map(|b| b.id).unwrap_or_default()
            ));
        }
    }
    println!(
        "domains\t{total}\nimpersonation\t{}\t{:.3}%",
        flagged.len(),
        100.0 * flagged.len() as f64 / total.max(1) as f64
    );
    for f in &flagged {
        println!("  {f}");
    }
}
