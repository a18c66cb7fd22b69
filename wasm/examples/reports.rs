//! The page's reports, computed natively: what the browser test compares the page against.
//!
//!     cargo run -p contactguard-wasm --no-default-features --example reports -- LOCALE FILE...
//!
//! Prints one JSON line per file: `{"file": FILE, "report": REPORT}`, where REPORT is exactly
//! what the page's `Page.report(text, LOCALE, 0)` answers for the file's text.

use std::process::ExitCode;

use contactguard_wasm::Page;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(locale) = args.next() else {
        eprintln!("usage: reports LOCALE FILE...");
        return ExitCode::from(2);
    };
    let page = match Page::new() {
        Ok(page) => page,
        Err(e) => {
            eprintln!("{}", e.message);
            return ExitCode::FAILURE;
        }
    };
    for file in args {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {file}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let report = page.report(&text, &locale, 0.0);
        println!(
            "{{\"file\":{},\"report\":{report}}}",
            serde_json::Value::String(file)
        );
    }
    ExitCode::SUCCESS
}
