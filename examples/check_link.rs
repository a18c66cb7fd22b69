//! The minimal call: is this link really the brand's?
//!
//! `cargo run --example check_link -- https://tokenp0cket.pro/login`

use contactguard::{Checker, Status};

/// The verdict on `link`, in a few lines.
pub fn describe(link: &str) -> Result<String, contactguard::Error> {
    let verdict = Checker::builtin()?.check(link);
    let mut text = format!("{}: {}\n", verdict.input, verdict.status);
    if let Some(finding) = verdict.findings.first() {
        text += &format!("  {}: {}\n", finding.technique, finding.message);
    }
    if verdict.status == Status::Impersonation {
        for channel in verdict.official_channels.iter().take(3) {
            text += &format!("  use instead: {}\n", channel.value);
        }
    }
    Ok(text)
}

fn main() -> Result<(), contactguard::Error> {
    let link = std::env::args().nth(1);
    print!(
        "{}",
        describe(link.as_deref().unwrap_or("https://tokenp0cket.pro/login"))?
    );
    Ok(())
}
