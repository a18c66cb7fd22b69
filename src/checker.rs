//! [`Checker`]: a trusted registry plus its index; the entry point of the library.

use std::sync::{Arc, OnceLock};

use crate::input::url::{Link, LinkHost};
use crate::matching::domain::{self, channel_ref};
use crate::matching::index::Index;
use crate::registry::{ChannelKind, Registry, TrustedRegistry};
use crate::verdict::{BrandRef, ChannelRef, Detail, Finding, Kind, Status, Technique, Verdict};
use crate::Error;

/// Checks contacts against a trusted registry. Cheap to clone and share between threads.
///
/// ```
/// use contactguard::{Checker, Status};
///
/// let checker = Checker::builtin()?;
/// assert_eq!(checker.check("https://tokenpocket.pro").status, Status::Official);
/// assert_eq!(checker.check("tokenpocket-support.com").status, Status::Impersonation);
/// assert_eq!(checker.check("example.org").status, Status::Unknown);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Checker {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    trusted: TrustedRegistry,
    index: Index,
}

impl Checker {
    /// A checker over the registry compiled into the library. Built once per process and
    /// shared afterwards.
    ///
    /// # Errors
    /// Only if the embedded registry is broken, which the crate's tests rule out.
    pub fn builtin() -> Result<Checker, Error> {
        static BUILTIN: OnceLock<Result<Checker, Error>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| TrustedRegistry::builtin().map(Checker::new))
            .clone()
    }

    /// A checker over a trusted registry; builds its index.
    pub fn new(trusted: TrustedRegistry) -> Checker {
        let index = Index::build(trusted.registry());
        Checker {
            inner: Arc::new(Inner { trusted, index }),
        }
    }

    /// The registry this checker uses.
    pub fn registry(&self) -> &Registry {
        self.inner.trusted.registry()
    }

    /// Checks one input, detecting its kind.
    pub fn check(&self, input: &str) -> Verdict {
        self.check_link(input)
    }

    /// Checks one input as a link or domain.
    ///
    /// ```
    /// use contactguard::{Checker, Status, Technique};
    ///
    /// let v = Checker::builtin()?.check_link("https://tokenpocket.pro@evil.example/login");
    /// assert_eq!(v.status, Status::Impersonation);
    /// assert_eq!(v.findings[0].technique, Technique::Userinfo);
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn check_link(&self, input: &str) -> Verdict {
        let link = match Link::parse(input) {
            Ok(link) => link,
            Err(e) => {
                let kind = if input.contains("://") {
                    Kind::Url
                } else {
                    Kind::Domain
                };
                return Verdict::invalid(input, kind, e);
            }
        };
        let registry = self.registry();
        let judged = domain::judge(&self.inner.index, registry, &link);
        let (normalized, display) = match (link.kind(), link.host()) {
            (Kind::Domain, LinkHost::Domain(d)) => (d.ascii().to_owned(), d.unicode().to_owned()),
            (_, LinkHost::Domain(d)) => {
                let url = link.url().as_str().to_owned();
                let shown = url.replacen(d.ascii(), d.unicode(), 1);
                (url, shown)
            }
            (_, LinkHost::Ip(_)) => (
                link.url().as_str().to_owned(),
                link.url().as_str().to_owned(),
            ),
        };
        let mut findings = judged.findings;
        let status = if findings.iter().any(|f| f.target.is_some()) {
            Status::Impersonation
        } else if judged.official.is_some() {
            Status::Official
        } else {
            Status::Unknown
        };
        let brand_id = match status {
            Status::Official => judged
                .official
                .map(|(loc, _)| registry.brands()[loc.brand].id.clone()),
            _ => findings
                .iter()
                .find_map(|f| f.target.as_ref().map(|t| t.brand.clone())),
        };
        if status == Status::Official {
            if let Some((loc, exact)) = judged.official {
                let target = channel_ref(registry, loc);
                let (technique, detail) = if exact {
                    (Technique::Exact, Detail::Exact)
                } else {
                    (
                        Technique::OfficialSubdomain,
                        Detail::InsideScope {
                            domain: target.value.clone(),
                        },
                    )
                };
                findings.insert(0, Finding::new(technique, Some(target), detail));
            }
        }
        let brand = brand_id.as_deref().and_then(|id| registry.brand(id));
        Verdict {
            input: input.to_owned(),
            kind: link.kind(),
            status,
            display: (display != normalized).then_some(display),
            normalized: Some(normalized),
            brand: brand.map(|b| BrandRef {
                id: b.id.clone(),
                name: b.display_name().to_owned(),
            }),
            findings,
            official_channels: brand
                .map(|b| self.channels_of(&b.id, ChannelKind::Domain))
                .unwrap_or_default(),
            error: None,
        }
    }

    /// A brand's official channels of one kind.
    pub fn channels_of(&self, brand: &str, kind: ChannelKind) -> Vec<ChannelRef> {
        self.registry()
            .brand(brand)
            .map(|b| {
                b.channels_of(kind)
                    .map(|c| ChannelRef {
                        brand: b.id.clone(),
                        kind: c.kind,
                        value: c.value.clone(),
                        note: c.note.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}
