//! How checking scales with the registry: run `cargo bench --bench scale` (smoke run: `cargo bench --bench scale -- --test`).
//!
//! - `scale/{10,100,1000,10000}/…`: check latency of fixed inputs, and the index build, with
//!   the embedded registry plus N synthetic brands (signed with throwaway keys, see
//!   `synthetic/mod.rs`). Every input gets the same verdict at every size as with the embedded
//!   registry, which is asserted before measuring.
//! - `scan/page_10k`: scanning a ~10 KB page made of files of the scan corpus.
//! - `batch/feed_5k`: checking a realistic feed, `data/feed.txt` (5,000 domains: 97 %
//!   legitimate or unrelated, 3 % lookalikes; `scripts/compare-peers/build_corpus.py --size 5000
//!   --impersonations 0.03`), embedded registry, as `contactguard batch` checks each line.
//! - `batch/generated_10k`: 10,000 domains drawn from the registry (half of them lookalikes).

use std::hint::black_box;
use std::time::{Duration, Instant};

use contactguard::{Checker, Verdict};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

#[path = "synthetic/mod.rs"]
mod synthetic;

/// Measurement time of each benchmark (a few take longer: one index build at 10,000 brands
/// takes over a second).
const MEASUREMENT: Duration = Duration::from_secs(2);

/// Synthetic brands added to the embedded registry.
const SIZES: &[usize] = &[10, 100, 1_000, 10_000];

const INPUTS: &[(&str, &str)] = &[
    ("domain_official", "tokenpocket.pro"),
    ("domain_lookalike", "tokenp0cket.pro"),
    ("domain_combosquat", "tokenpocket-support.com"),
    ("domain_unknown", "example-shop.org"),
    ("domain_unknown_random", "qwxv-market.net"),
    ("url_official", "https://tokenpocket.pro/en/download"),
    ("handle_lookalike", "@TokenPocket_TP_"),
    ("email_lookalike", "service@tokenpocket-support.com"),
];

/// What must not change with the registry's size: status, brand, main technique.
fn summary(v: &Verdict) -> String {
    format!(
        "{:?} {:?} {:?}",
        v.status,
        v.brand.as_ref().map(|b| b.id.as_str()),
        v.primary().map(|f| f.technique)
    )
}

fn scale(c: &mut Criterion) {
    let builtin = Checker::builtin().expect("embedded registry");
    let base = builtin.registry().brands().len();
    let expected: Vec<String> = INPUTS
        .iter()
        .map(|(_, input)| summary(&builtin.check(input)))
        .collect();
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(MEASUREMENT);
    for &n in SIZES {
        let trusted = synthetic::trusted(n);
        let started = Instant::now();
        let checker = Checker::new(trusted.clone());
        let one_build = started.elapsed();
        assert_eq!(checker.registry().brands().len(), base + n);
        for ((name, input), want) in INPUTS.iter().zip(&expected) {
            assert_eq!(
                &summary(&checker.check(input)),
                want,
                "{input} with {n} synthetic brands"
            );
            group.bench_with_input(BenchmarkId::new(n.to_string(), name), input, |b, input| {
                b.iter(|| checker.check(black_box(input)))
            });
        }
        // The index build (seconds at 10,000 brands: one build per sample); the index built is
        // dropped outside the measurement.
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(MEASUREMENT.max(one_build * 12));
        group.bench_function(BenchmarkId::new(n.to_string(), "index_build"), |b| {
            b.iter_with_large_drop(|| Checker::new(black_box(trusted.clone())))
        });
        group
            .sample_size(20)
            .sampling_mode(SamplingMode::Auto)
            .measurement_time(MEASUREMENT);
    }
    group.finish();
}

/// About 10 KB (10,113 bytes) of scam pages and chat messages from the scan corpus.
fn page() -> String {
    const PARTS: &[&str] = &[
        include_str!("../tests/data/scan/01-tp-seo-hotline.txt"),
        include_str!("../tests/data/scan/21-tp-seo-page.html"),
        include_str!("../tests/data/scan/12-chat-metamask-call-en.txt"),
    ];
    let mut text = String::new();
    while text.len() < 10_000 {
        for part in PARTS {
            text.push_str(part);
            text.push('\n');
        }
    }
    text
}

fn scan(c: &mut Criterion) {
    let checker = Checker::builtin().expect("embedded registry");
    let text = page();
    // The brand-name finder is built on the first scan: outside the measurement.
    let report = checker.scan(&text);
    assert!(!report.items.is_empty(), "the page holds contacts");
    let mut group = c.benchmark_group("scan");
    group
        .sample_size(20)
        .measurement_time(MEASUREMENT)
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("page_10k", |b| b.iter(|| checker.scan(black_box(&text))));
    group.finish();
}

/// The realistic feed: mostly unrelated domains, a few per cent lookalikes.
const FEED: &str = include_str!("data/feed.txt");

fn batch(c: &mut Criterion) {
    let checker = Checker::builtin().expect("embedded registry");
    let feed: Vec<&str> = FEED.lines().filter(|l| !l.is_empty()).collect();
    let generated = synthetic::domains(checker.registry(), 10_000, 0xd0_4a1e);
    let mut group = c.benchmark_group("batch");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(feed.len() as u64));
    group.bench_function("feed_5k", |b| {
        b.iter(|| {
            for d in &feed {
                black_box(checker.check(black_box(d)));
            }
        })
    });
    group.throughput(Throughput::Elements(generated.len() as u64));
    group.bench_function("generated_10k", |b| {
        b.iter(|| {
            for d in &generated {
                black_box(checker.check(black_box(d)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, scale, scan, batch);
criterion_main!(benches);
