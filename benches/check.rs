//! Per-kind check latency with the embedded registry: official, lookalike and unknown inputs
//! of every kind. `cargo bench --bench check`.

use std::hint::black_box;

use contactguard::Checker;
use criterion::{criterion_group, criterion_main, Criterion};

const CASES: &[(&str, &str)] = &[
    ("url/official", "https://tokenpocket.pro/en/download"),
    ("url/lookalike", "https://tokenp0cket.pro/login"),
    ("url/unknown", "https://example.org/page"),
    ("domain/official", "tokenpocket.pro"),
    ("domain/combosquat", "tokenpocket-support.com"),
    ("domain/unknown", "example.org"),
    ("phone/official", "+1 888 908 7930"),
    ("phone/lookalike", "+1 800 908 7930"),
    ("phone/claimed", "TP钱包客服 400-123-4567"),
    ("phone/unknown", "010-12345678"),
    ("handle/official", "@TokenPocket_TP"),
    ("handle/lookalike", "@TokenPocket_TP_"),
    ("handle/url", "https://t.me/tokenpocket_en"),
    ("handle/unknown", "@randomperson42"),
    ("email/official", "service@tokenpocket.pro"),
    ("email/lookalike", "service@tokenpocket-support.com"),
    ("email/unknown", "alice@example.org"),
];

fn checks(c: &mut Criterion) {
    let checker = Checker::builtin().expect("embedded registry");
    // Load the phone metadata outside the measurement (its one-time cost is measured by the
    // `phone_cost` example).
    black_box(checker.check("+1 888 908 7930"));
    let mut group = c.benchmark_group("check");
    for (name, input) in CASES {
        group.bench_function(*name, |b| b.iter(|| checker.check(black_box(input))));
    }
    group.finish();
}

/// The embedded registry: parse and verify the distribution file (signatures, root chain,
/// payload), and build the index.
fn registry(c: &mut Criterion) {
    let mut group = c.benchmark_group("registry");
    group.bench_function("load_verify", |b| {
        b.iter(|| contactguard::TrustedRegistry::builtin().expect("verifies"))
    });
    let trusted = contactguard::TrustedRegistry::builtin().expect("verifies");
    group.bench_function("index_build", |b| {
        b.iter(|| Checker::new(black_box(trusted.clone())))
    });
    group.finish();
}

criterion_group!(benches, checks, registry);
criterion_main!(benches);
