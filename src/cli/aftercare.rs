//! What a victim does next, after a report that found an impersonation: the steps for someone
//! who already called, paid or shared a recovery phrase, and where to report it (the places of
//! the reader's region, and each brand's own address for reports), all from the registry.

use contactguard::registry::{Brand, Lang, Registry};

use super::say::{say, Msg};
use super::style::Style;

/// The section for `brands` (the brands imitated), with the places of `regions`.
pub fn render(
    registry: &Registry,
    brands: &[&Brand],
    regions: &[String],
    lang: Lang,
    style: Style,
) -> String {
    let mut out = format!("\n{}\n", style.bold(&say(lang, &Msg::AlreadyHeading)));
    for step in [
        Msg::StepNewWallet,
        Msg::StepApprovals,
        Msg::StepRecoveryScam,
    ] {
        out.push_str(&format!("  • {}\n", say(lang, &step)));
    }
    let regions: Vec<&str> = regions.iter().map(String::as_str).collect();
    let places = registry.report_places(&regions);
    let own: Vec<(&Brand, &str)> = brands
        .iter()
        .flat_map(|b| b.report_scams.iter().map(move |s| (*b, s.text(lang))))
        .collect();
    if places.is_empty() && own.is_empty() {
        return out;
    }
    out.push_str(&format!("\n{}\n", style.bold(&say(lang, &Msg::ReportIt))));
    for place in places {
        out.push_str(&format!("  • {}\n", place.text(lang)));
    }
    for (brand, text) in own {
        out.push_str(&format!(
            "  • {}\n",
            say(
                lang,
                &Msg::BrandReport {
                    brand: brand.display_name(),
                    text,
                },
            )
        ));
    }
    out
}
