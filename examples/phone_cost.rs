//! The one-time cost of the phone metadata and the cost of each phone parse, in a fresh
//! process: `cargo run --release --example phone_cost`.

use std::time::Instant;

use contactguard::input::phone::Phone;
use contactguard::Checker;

fn main() {
    let start = Instant::now();
    let checker = match Checker::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let built = start.elapsed();
    let start = Instant::now();
    let _ = checker.check("example.org");
    let first_link = start.elapsed();
    let start = Instant::now();
    let first = Phone::parse("+1 888 908 7930", "CN");
    let first_phone = start.elapsed();
    const N: u32 = 20_000;
    let start = Instant::now();
    for i in 0..N {
        let _ = Phone::parse(&format!("400-123-{:04}", i % 10_000), "CN");
    }
    let per_parse = start.elapsed() / N;
    println!("checker built (registry parse + index): {built:?}");
    println!("first link check (no phone metadata):   {first_link:?}");
    println!(
        "first phone parse (loads metadata):     {first_phone:?} ({})",
        if first.is_ok() { "ok" } else { "failed" }
    );
    println!("each later phone parse:                 {per_parse:?}");
}
