//! What a victim does next, after a report that found an impersonation: the steps for someone
//! who already called, paid or shared a recovery phrase, and where to report it (the places of
//! the reader's region, and each brand's own address for reports), all from the registry.

use crate::registry::{Brand, Lang, Registry};

use super::say::{say, Msg};
use super::{Report, Role, Style};

/// The section for `brands` (the brands imitated), with the places of `regions` (see
/// [`crate::i18n::report_regions`]).
///
/// ```
/// use contactguard::report::{aftercare, Role, Style};
/// use contactguard::registry::Lang;
/// use contactguard::Checker;
///
/// let checker = Checker::builtin()?;
/// let registry = checker.registry();
/// let brands: Vec<_> = registry.brand("tokenpocket").into_iter().collect();
/// let out = aftercare(registry, &brands, &["CN".to_owned()], Lang::Zh, Style::plain());
/// assert!(out.parts().iter().any(|p| p.role == Role::Place && p.text.contains("96110")));
/// # Ok::<(), contactguard::Error>(())
/// ```
pub fn aftercare(
    registry: &Registry,
    brands: &[&Brand],
    regions: &[String],
    lang: Lang,
    style: Style,
) -> Report {
    let mut out = Report::default();
    out.push(
        Role::Heading,
        format!("\n{}\n", style.bold(&say(lang, &Msg::AlreadyHeading))),
    );
    for step in [
        Msg::StepNewWallet,
        Msg::StepApprovals,
        Msg::StepRecoveryScam,
    ] {
        out.push(Role::Step, format!("  • {}\n", say(lang, &step)));
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
    out.push(
        Role::Heading,
        format!("\n{}\n", style.bold(&say(lang, &Msg::ReportIt))),
    );
    for place in places {
        out.push(Role::Place, format!("  • {}\n", place.text(lang)));
    }
    for (brand, text) in own {
        let text = say(
            lang,
            &Msg::BrandReport {
                brand: brand.display_name(),
                text,
            },
        );
        out.push(Role::Place, format!("  • {text}\n"));
    }
    out
}
