//! [`Checker`]: a trusted registry plus its index; the entry point of the library.

use std::sync::{Arc, OnceLock};

use crate::input::email::Email;
use crate::input::email::EmailError;
use crate::input::handle::{Handle, Platform};
use crate::input::phone::{NumberType, Phone};
use crate::input::url::{Link, LinkError, LinkHost};
use crate::input::{self, phone_span};
use crate::matching::index::{self, Index};
use crate::matching::names::NameFinder;
use crate::matching::toolkit::channel_ref;
use crate::matching::{self, domain, email, handle, phone, Outcome};
use crate::normalize;
use crate::registry::{ChannelKind, Registry};
use crate::trust::TrustedRegistry;
use crate::verdict::{
    BrandRef, ChannelRef, CharInfo, Detail, Finding, Kind, Note, PhoneInfo, Problem, Status,
    Technique, Verdict,
};
use crate::Error;

/// The region used for phone numbers written without `+` when neither the caller nor the
/// claimed brand gives one.
pub const DEFAULT_REGION: &str = "CN";

/// How to read an input. The default detects everything.
///
/// ```
/// use contactguard::{CheckOptions, Checker, Kind, Status, Technique};
///
/// let checker = Checker::builtin()?;
/// let options = CheckOptions::default().brand("tokenpocket");
/// let v = checker.check_with("400-123-4567", &options);
/// assert_eq!(v.kind, Kind::Phone);
/// assert_eq!(v.status, Status::Impersonation);
/// assert_eq!(v.findings[0].technique, Technique::NoSuchChannel);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[derive(Clone, Debug, Default, Eq, PartialEq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Read the input as this kind instead of detecting it.
    pub kind: Option<Kind>,
    /// The brand the contact is presented as belonging to (a registry id). Phone numbers
    /// are judged as that claim; other kinds ignore it ([`Checker::scan`] judges contacts of
    /// every kind by the brand the text presents them as).
    pub brand: Option<String>,
    /// The region for phone numbers without `+` (two letters, `CN`, `US`).
    pub region: Option<String>,
    /// The platform of a handle given without one.
    pub platform: Option<Platform>,
    /// The reader's region, from their locale (`US` for `en_US`): phone numbers without `+`
    /// whose shape does not tell their country, and with no [`CheckOptions::region`], are read
    /// there.
    pub locale_region: Option<String>,
}

impl CheckOptions {
    /// Reads the input as `kind`.
    ///
    /// ```
    /// use contactguard::{CheckOptions, Checker, Kind};
    ///
    /// let v = Checker::builtin()?.check_with("tokenpocket", &CheckOptions::default().kind(Kind::Domain));
    /// assert_eq!(v.kind, Kind::Domain); // detected, it would be a handle
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    #[must_use]
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// The contact is presented as `brand`'s (a registry id); used for phone numbers.
    #[must_use]
    pub fn brand(mut self, brand: &str) -> Self {
        self.brand = Some(brand.to_owned());
        self
    }

    /// Phone numbers without `+` are read in `region` (two letters; default: the claimed
    /// brand's home region, else `CN`).
    ///
    /// ```
    /// use contactguard::{CheckOptions, Checker, Status};
    ///
    /// let checker = Checker::builtin()?;
    /// let v = checker.check_with("1-888-908-7930", &CheckOptions::default().region("US"));
    /// assert_eq!(v.status, Status::Official); // Coinbase's published number
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    #[must_use]
    pub fn region(mut self, region: &str) -> Self {
        self.region = Some(region.to_owned());
        self
    }

    /// The reader's region from their locale (two letters): after the number's own shape and
    /// [`CheckOptions::region`], before the script of the text around the number.
    ///
    /// ```
    /// use contactguard::{CheckOptions, Checker, Status};
    ///
    /// let checker = Checker::builtin()?;
    /// // Eleven digits starting with 1: a Chinese mobile number, or a US number with its 1.
    /// let us = checker.check_with("18889087930", &CheckOptions::default().locale_region("US"));
    /// assert_eq!(us.normalized.as_deref(), Some("+18889087930"));
    /// let cn = checker.check_with("客服 18889087930", &CheckOptions::default());
    /// assert_eq!(cn.normalized.as_deref(), Some("+8618889087930")); // read where the text is
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    #[must_use]
    pub fn locale_region(mut self, region: &str) -> Self {
        self.locale_region = Some(region.to_owned());
        self
    }

    /// A handle without a platform is read on `platform`.
    ///
    /// ```
    /// use contactguard::input::handle::Platform;
    /// use contactguard::registry::ChannelKind;
    /// use contactguard::{CheckOptions, Checker, Status};
    ///
    /// let checker = Checker::builtin()?;
    /// let v = checker.check_with("tokenpocket_en", &CheckOptions::default().platform(Platform::Telegram));
    /// assert_eq!(v.status, Status::Official);
    /// assert_eq!(v.platform, Some(ChannelKind::Telegram));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    #[must_use]
    pub fn platform(mut self, platform: Platform) -> Self {
        self.platform = Some(platform);
        self
    }
}

/// Checks contacts against a trusted registry.
///
/// A `Checker` is an [`Arc`] inside: cloning it copies a pointer, and it is `Send + Sync`, so
/// one checker serves every thread of an app. It does no I/O.
///
/// ```
/// use contactguard::{Checker, Kind, Status};
///
/// let checker = Checker::builtin()?;
/// assert_eq!(checker.check("https://tokenpocket.pro").status, Status::Official);
/// assert_eq!(checker.check("tokenpocket-support.com").status, Status::Impersonation);
/// assert_eq!(checker.check("@TokenPocket_TP_").status, Status::Impersonation);
/// assert_eq!(checker.check("service@tokenpocket.pro").status, Status::Official);
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
    /// Brand names for [`Checker::scan`], built on its first use.
    names: OnceLock<NameFinder>,
}

impl Checker {
    /// A checker over the registry compiled into the library. Built once per process
    /// (signatures verified, index built: about a millisecond) and shared afterwards: later
    /// calls return a clone of the same checker.
    ///
    /// ```
    /// use contactguard::trust::Origin;
    /// use contactguard::Checker;
    ///
    /// let checker = Checker::builtin()?;
    /// assert_eq!(checker.trusted().origin(), Origin::Builtin);
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only if the embedded registry is broken, which the crate's tests rule out.
    pub fn builtin() -> Result<Checker, Error> {
        static BUILTIN: OnceLock<Result<Checker, Error>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                TrustedRegistry::builtin()
                    .map(Checker::new)
                    .map_err(Error::from)
            })
            .clone()
    }

    /// A checker over a trusted registry; builds its index. A [`TrustedRegistry`] comes only
    /// out of signature verification through the trust store: [`TrustedRegistry::builtin`],
    /// [`crate::trust::store::load_trusted`] or [`crate::trust::store::load_update`].
    ///
    /// ```
    /// use contactguard::{Checker, Status, TrustedRegistry};
    ///
    /// let checker = Checker::new(TrustedRegistry::builtin()?);
    /// let shared = checker.clone(); // the same index, not a copy
    /// let handle = std::thread::spawn(move || shared.check("tokenpocket.pro").status);
    /// assert_eq!(handle.join().ok(), Some(Status::Official));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn new(trusted: TrustedRegistry) -> Checker {
        let index = Index::build(trusted.registry());
        Checker {
            inner: Arc::new(Inner {
                trusted,
                index,
                names: OnceLock::new(),
            }),
        }
    }

    /// The registry this checker uses.
    ///
    /// ```
    /// use contactguard::Checker;
    ///
    /// let checker = Checker::builtin()?;
    /// let brand = checker.registry().brand("metamask");
    /// assert_eq!(brand.map(|b| b.display_name()), Some("MetaMask"));
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn registry(&self) -> &Registry {
        self.inner.trusted.registry()
    }

    /// The trusted registry this checker uses: where it came from, when it expires.
    ///
    /// ```
    /// use contactguard::trust::store::Freshness;
    /// use contactguard::trust::time::Timestamp;
    /// use contactguard::Checker;
    ///
    /// let checker = Checker::builtin()?;
    /// let now = Timestamp::parse("2026-12-07T00:00:00Z")?;
    /// if checker.trusted().freshness(now) != Freshness::Fresh {
    ///     println!("ask for a registry update");
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn trusted(&self) -> &TrustedRegistry {
        &self.inner.trusted
    }

    /// Checks one input, detecting its kind (link, domain, phone, handle or e-mail). Never
    /// panics and never fails: input that is not a contact gets a [`Status::Invalid`] verdict
    /// with the reason.
    ///
    /// ```
    /// use contactguard::{Checker, Kind, Status, Technique};
    ///
    /// let checker = Checker::builtin()?;
    /// let v = checker.check("+1 888 908 7903");
    /// assert_eq!((v.kind, v.status), (Kind::Phone, Status::Impersonation));
    /// assert_eq!(v.findings[0].technique, Technique::Transposition);
    /// assert_eq!(v.official_channels[0].value, "+18889087930");
    /// assert_eq!(checker.check("").status, Status::Invalid);
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn check(&self, input: &str) -> Verdict {
        self.check_with(input, &CheckOptions::default())
    }

    /// Checks one input with options (a forced kind, a claimed brand, a phone region, a
    /// handle's platform). A brand id not in the registry gives an `invalid` verdict.
    ///
    /// ```
    /// use contactguard::{CheckOptions, Checker, Status, Technique};
    ///
    /// let checker = Checker::builtin()?;
    /// // A number offered as Coinbase's that is not Coinbase's number:
    /// let v = checker.check_with("+1 415 555 0134", &CheckOptions::default().brand("coinbase"));
    /// assert_eq!(v.status, Status::Impersonation);
    /// assert_eq!(v.findings[0].technique, Technique::BrandMention);
    /// let unknown = checker.check_with("400-123-4567", &CheckOptions::default().brand("nosuch"));
    /// assert_eq!(unknown.status, Status::Invalid);
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn check_with(&self, input: &str, options: &CheckOptions) -> Verdict {
        let mut verdict = self.judge_with(input, options);
        if verdict.status != Status::Invalid {
            verdict.registry = Some(self.trusted().stamp().clone());
        }
        verdict
    }

    /// [`Checker::check_with`] without naming the registry: for the contacts of a scan, whose
    /// report names it once.
    pub(crate) fn judge_with(&self, input: &str, options: &CheckOptions) -> Verdict {
        let claimed = match &options.brand {
            Some(id) => match self
                .registry()
                .brands()
                .iter()
                .position(|b| b.id == id.to_lowercase())
            {
                Some(b) => Some(b),
                None => {
                    return Verdict::invalid(
                        input,
                        options.kind.unwrap_or(Kind::Domain),
                        Problem::NoBrand(id.clone()),
                    )
                }
            },
            None => None,
        };
        // A defanged indicator (`hxxps://example[.]com`) is checked as what it stands for.
        let refanged = crate::input::url::refang(input);
        let text = refanged.as_deref().unwrap_or(input);
        let (kind, link) = match options.kind {
            Some(kind) => (kind, None),
            None => input::detect_reading(text),
        };
        // Control characters (NUL, ESC, BEL, DEL …) are not part of any contact. Parsers drop
        // some of them silently, so an input carrying one is refused rather than matched.
        if let Some((at, c)) = input
            .char_indices()
            .find(|&(_, c)| c.is_control() && !c.is_whitespace())
        {
            return Verdict::invalid(
                input,
                kind,
                Problem::Control {
                    code: u32::from(c),
                    at,
                },
            );
        }
        let mut verdict = match kind {
            Kind::Phone => self.check_phone(
                text,
                claimed,
                options.region.as_deref(),
                options.locale_region.as_deref(),
            ),
            Kind::Handle => self.check_handle(text, options.platform),
            Kind::Email => self.check_email(text),
            Kind::Text => self.check_text(text),
            _ => self.link_verdict(text, link),
        };
        if let Some(read_as) = refanged {
            verdict.input = input.to_owned();
            verdict
                .notes
                .push(Note::new(Detail::Refanged { link: read_as }));
        }
        verdict
    }

    /// The brand-name finder, built on first use.
    pub(crate) fn names(&self) -> &NameFinder {
        self.inner
            .names
            .get_or_init(|| NameFinder::new(self.registry()))
    }

    /// Marks an unknown contact as claimed for `brand` (a registry index): it is not one of
    /// the brand's channels, or of a kind the brand does not offer at all.
    pub(crate) fn claim(&self, v: &mut Verdict, brand: usize) {
        let b = &self.registry().brands()[brand];
        let kind = v.channel_kind();
        let only_at = kind.and_then(|k| matching::only_at(b, k));
        let finding = match (kind.filter(|k| b.lacks(*k)), only_at) {
            (Some(k), _) => matching::no_such_channel(b, k),
            (None, Some(finding)) => finding,
            (None, None) => Finding::new(
                Technique::BrandMention,
                None,
                Detail::Claimed {
                    brand: b.display_name().to_owned(),
                },
            ),
        };
        v.findings.insert(0, finding);
        v.status = Status::Impersonation;
        v.brand = Some(BrandRef::of(b));
        v.official_channels = self.alternatives(&b.id, kind.unwrap_or(ChannelKind::Domain));
    }

    /// Checks one input as a link or domain. Links to profiles on social platforms
    /// (`t.me/…`, `x.com/…`) are judged as handles.
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
        self.check_with(input, &CheckOptions::default().kind(Kind::Url))
    }

    /// The verdict on `input` as a link or domain (a profile link is judged as a handle).
    fn link_verdict(&self, input: &str, parsed: Option<Link>) -> Verdict {
        let link = match parsed.map_or_else(|| Link::parse(input), Ok) {
            Ok(link) => link,
            Err(e) => {
                // As a reader sees it (full-width `：／／` are a scheme and slashes to the eye).
                let seen = normalize::clean(input).text;
                let kind = if seen.contains("://") || seen.trim().contains(['/', '@', '?', '#']) {
                    Kind::Url
                } else {
                    Kind::Domain
                };
                let mut v = Verdict::invalid(input, kind, &e);
                if let LinkError::Refused { chars, folded } = e {
                    v.notes.push(Note::new(Detail::Unopenable {
                        chars: chars.iter().map(|c| CharInfo::of(&c.to_string())).collect(),
                        reads_as: folded,
                    }));
                }
                return v;
            }
        };
        if let LinkHost::Domain(d) = link.host() {
            if Platform::of_host(d.ascii()).is_some() && link.userinfo().is_none() {
                return self.check_handle(input, None);
            }
        }
        let outcome = domain::judge(&self.inner.index, self.registry(), &link);
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
        let mut v = self.verdict(
            input,
            link.kind(),
            outcome,
            normalized,
            display,
            ChannelKind::Domain,
        );
        if let LinkHost::Domain(d) = link.host() {
            self.former(&mut v, &index::former_key(ChannelKind::Domain, d.ascii()));
        }
        v
    }

    /// A verdict on a channel a brand no longer uses: never official, never called an
    /// imitation of the brand whose it was; `unknown`, with whose it was and until when.
    fn former(&self, v: &mut Verdict, key: &str) {
        let Some(loc) = self.inner.index.former.get(key) else {
            return;
        };
        if v.status == Status::Official {
            return; // also listed as a current channel
        }
        let brand = &self.registry().brands()[loc.brand];
        let channel = &brand.channels[loc.channel];
        let until = channel
            .former
            .as_ref()
            .map_or_else(|| "unknown".to_owned(), |f| f.until.clone());
        v.status = Status::Unknown;
        v.findings.clear();
        v.brand = Some(BrandRef::of(brand));
        v.official_channels = self.alternatives(&brand.id, channel.kind);
        v.notes.push(Note::new(Detail::Former {
            brand: brand.display_name().to_owned(),
            kind: channel.kind,
            until,
        }));
    }

    /// Checks one input as a phone number, optionally claimed for a brand (by index).
    fn check_phone(
        &self,
        input: &str,
        claimed: Option<usize>,
        region: Option<&str>,
        locale_region: Option<&str>,
    ) -> Verdict {
        let registry = self.registry();
        let cleaned = normalize::clean(input);
        let (number, words) = match phone_span(&cleaned.text) {
            Some(span) => (
                cleaned.text[span.clone()].to_owned(),
                format!(
                    "{} {}",
                    &cleaned.text[..span.start],
                    &cleaned.text[span.end..]
                ),
            ),
            None => (cleaned.text.clone(), String::new()),
        };
        let claimed = claimed.or_else(|| self.inner.index.claimed_brand(&words));
        // Where a number without `+` is read: its own shape first (`1-888-908-7930` is North
        // American), then the caller's region, the reader's locale, the text's script (a number
        // in a Chinese sentence is dialled from China), the claimed brand's home, else CN.
        let region = crate::input::phone::region_of_shape(&number)
            .map(str::to_owned)
            .or_else(|| region.map(str::to_owned))
            .or_else(|| locale_region.map(str::to_owned))
            .or_else(|| crate::input::phone::region_of_script(input).map(str::to_owned))
            .or_else(|| claimed.and_then(|b| registry.brands()[b].region.clone()))
            .unwrap_or_else(|| DEFAULT_REGION.to_owned());
        let parsed = match Phone::parse(&number, &region) {
            Ok(p) => p,
            Err(e) => return Verdict::invalid(input, Kind::Phone, e),
        };
        let mut outcome = phone::judge(&self.inner.index, registry, &parsed, claimed);
        if number
            .chars()
            .any(|c| crate::input::phone::chinese_digit(c).is_some())
        {
            outcome.notes.push(Note::new(Detail::Numerals {
                written: number.trim().to_owned(),
                dialled: parsed.key().to_owned(),
            }));
        }
        if !parsed.keypad_letters().is_empty() {
            outcome.notes.push(Note::new(Detail::Keypad {
                written: number.trim().to_owned(),
                dialled: parsed.key().to_owned(),
            }));
        }
        matching::hidden_findings(registry, &cleaned.hidden, &mut outcome, None);
        let mut v = self.verdict(
            input,
            Kind::Phone,
            outcome,
            parsed.key().to_owned(),
            String::new(),
            ChannelKind::Phone,
        );
        // A number presented as a brand's that is none of its numbers imitates it, as in a
        // scanned text (`币安客服电话 400-820-9178`); a short service code (95588) belongs to
        // a bank or carrier whatever the words around it say.
        if let Some(b) = claimed {
            if v.status == Status::Unknown && parsed.number_type() != NumberType::ShortCode {
                self.claim(&mut v, b);
            }
        }
        // A bare 400/800 number matches nothing: say what is known of every brand at once.
        if v.status == Status::Unknown {
            let key = parsed.key();
            let service = ["400", "800"]
                .into_iter()
                .find(|s| key.strip_prefix("+86").is_some_and(|n| n.starts_with(s)));
            if let Some(service) = service {
                let prefix = format!("+86{service}");
                let used = registry.brands().iter().any(|b| {
                    b.channels_of(ChannelKind::Phone)
                        .any(|c| c.value.starts_with(&prefix))
                });
                if !used {
                    v.notes.push(Note::new(Detail::NoneUseService {
                        service: service.to_owned(),
                        brands: registry.brands().len(),
                    }));
                }
            }
        }
        v.phone = Some(PhoneInfo {
            region: parsed.region().to_owned(),
            number_type: parsed.number_type(),
            valid: parsed.is_valid() || parsed.number_type() == NumberType::ShortCode,
            extension: parsed.extension().map(str::to_owned),
        });
        v
    }

    /// Checks one input as a handle; `platform` applies when the input names none.
    fn check_handle(&self, input: &str, platform: Option<Platform>) -> Verdict {
        let registry = self.registry();
        let h = match Handle::parse(input, platform) {
            Ok(h) => h,
            Err(e) => return Verdict::invalid(input, Kind::Handle, e),
        };
        let mut outcome = handle::judge(&self.inner.index, registry, &h);
        matching::hidden_findings(registry, h.hidden(), &mut outcome, None);
        let matched_platform = outcome
            .official
            .map(|(loc, _)| registry.brands()[loc.brand].channels[loc.channel].kind)
            .and_then(Platform::of_kind);
        let normalized = match h.platform().or(matched_platform) {
            Some(p) => h.key(p),
            None => format!("@{}", h.name()),
        };
        let alternatives = h.platform().map_or(ChannelKind::X, Platform::kind);
        let mut v = self.verdict(
            input,
            Kind::Handle,
            outcome,
            normalized,
            String::new(),
            alternatives,
        );
        v.platform = h.platform().map(Platform::kind);
        if let Some(p) = h.platform() {
            self.former(&mut v, &h.key(p));
        }
        v
    }

    /// Checks one input as an e-mail address, or every recipient of a `mailto:` link or list:
    /// official only when every mailbox a mail client would send to is official.
    fn check_email(&self, input: &str) -> Verdict {
        let registry = self.registry();
        let all = match crate::input::email::recipients(input) {
            Ok(all) => all,
            Err(err) => {
                let mut v = Verdict::invalid(input, Kind::Email, &err);
                if let EmailError::Refused { at, .. } = err {
                    let text = input.trim();
                    v.notes.push(Note::new(Detail::Unopenable {
                        chars: vec![CharInfo::of(&at.to_string())],
                        reads_as: normalize::clean(text).text,
                    }));
                }
                return v;
            }
        };
        let Some(first) = all.first() else {
            return Verdict::invalid(input, Kind::Email, "no address");
        };
        let mut judged: Vec<_> = all
            .iter()
            .map(|e| email::judge(&self.inner.index, registry, e))
            .collect();
        let is_official = |o: &matching::Outcome| o.official.is_some() && !o.imitates();
        let shown = judged.iter().position(is_official);
        let others: Vec<usize> = (0..judged.len())
            .filter(|&i| !is_official(&judged[i]))
            .collect();
        let mut outcome = match (shown, others.first()) {
            // Every recipient is official.
            (_, None) => judged.swap_remove(0),
            // An official address, and mail to someone else besides.
            (Some(s), Some(_)) => {
                let target = judged[s]
                    .official
                    .map(|(loc, _)| channel_ref(registry, loc));
                let mut out = matching::Outcome::default();
                out.findings.push(Finding::new(
                    Technique::ExtraRecipient,
                    target,
                    Detail::Recipients {
                        shown: all[s].canonical().to_owned(),
                        others: others
                            .iter()
                            .map(|&i| all[i].canonical().to_owned())
                            .collect(),
                    },
                ));
                for &i in &others {
                    out.findings.append(&mut judged[i].findings);
                }
                out
            }
            // No official recipient: the first that imitates a brand, else the first.
            (None, Some(_)) => {
                let at = judged
                    .iter()
                    .position(matching::Outcome::imitates)
                    .unwrap_or(0);
                judged.swap_remove(at)
            }
        };
        matching::hidden_findings(registry, first.hidden(), &mut outcome, None);
        let normalized = all
            .iter()
            .map(Email::canonical)
            .collect::<Vec<_>>()
            .join(", ");
        self.verdict(
            input,
            Kind::Email,
            outcome,
            normalized,
            String::new(),
            ChannelKind::Email,
        )
    }

    /// Builds the verdict from a ladder's outcome. `alternatives` is the kind of channel to
    /// offer instead.
    fn verdict(
        &self,
        input: &str,
        kind: Kind,
        outcome: Outcome,
        normalized: String,
        display: String,
        alternatives: ChannelKind,
    ) -> Verdict {
        let registry = self.registry();
        let imitates = outcome.imitates();
        let notes = outcome.notes;
        let mut findings = outcome.findings;
        let status = if imitates {
            Status::Impersonation
        } else if outcome.official.is_some() {
            Status::Official
        } else {
            Status::Unknown
        };
        let brand_index = match status {
            Status::Official => outcome.official.map(|(loc, _)| loc.brand),
            _ => findings
                .iter()
                .find_map(|f| f.target.as_ref())
                .and_then(|t| registry.brands().iter().position(|b| b.id == t.brand))
                .or(outcome.claimed),
        };
        if status == Status::Official {
            if let Some((loc, exact)) = outcome.official {
                let target = channel_ref(registry, loc);
                let (technique, detail) = if exact {
                    (Technique::Exact, Detail::Exact)
                } else {
                    let domain = target.value.clone();
                    (Technique::OfficialSubdomain, Detail::InsideScope { domain })
                };
                findings.insert(0, Finding::new(technique, Some(target), detail));
            }
        }
        let brand = brand_index.map(|b| &registry.brands()[b]);
        let official_channels = brand
            .map(|b| self.alternatives(&b.id, alternatives))
            .unwrap_or_default();
        Verdict {
            schema_version: crate::verdict::SCHEMA_VERSION,
            input: input.to_owned(),
            kind,
            status,
            display: (!display.is_empty() && display != normalized).then_some(display),
            normalized: Some(normalized),
            brand: brand.map(BrandRef::of),
            findings,
            official_channels,
            platform: None,
            phone: None,
            error: None,
            problem: None,
            notes,
            registry: None,
        }
    }

    /// The brand's channels of `kind`; when it has none, where its real support is (e-mail,
    /// then websites).
    pub(crate) fn alternatives(&self, brand: &str, kind: ChannelKind) -> Vec<ChannelRef> {
        let same = self.channels_for_people(brand, kind);
        if !same.is_empty() {
            return same;
        }
        let mut support = self.channels_for_people(brand, ChannelKind::Email);
        support.extend(self.channels_for_people(brand, ChannelKind::Domain));
        support
    }

    /// The brand's channels of `kind` that people in need may use: not the business, security,
    /// developer or infrastructure ones ([`crate::registry::Role::serves_users`]).
    pub(crate) fn channels_for_people(&self, brand: &str, kind: ChannelKind) -> Vec<ChannelRef> {
        self.channel_refs(brand, kind, |c| {
            c.role.is_none_or(crate::registry::Role::serves_users)
        })
    }

    /// References to the brand's channels of `kind` that `keep` keeps.
    fn channel_refs(
        &self,
        brand: &str,
        kind: ChannelKind,
        keep: impl Fn(&crate::registry::Channel) -> bool,
    ) -> Vec<ChannelRef> {
        let registry = self.registry();
        let issued_at = &registry.data().issued_at;
        registry
            .brand(brand)
            .map(|b| {
                b.channels_of(kind)
                    .filter(|c| keep(c))
                    .map(|c| ChannelRef::of(b, c, issued_at))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A brand's official channels of one kind (empty for an unknown brand).
    ///
    /// ```
    /// use contactguard::registry::ChannelKind;
    /// use contactguard::Checker;
    ///
    /// let checker = Checker::builtin()?;
    /// let phones = checker.channels_of("coinbase", ChannelKind::Phone);
    /// assert_eq!(phones[0].value, "+18889087930");
    /// assert!(checker.channels_of("tokenpocket", ChannelKind::Phone).is_empty());
    /// # Ok::<(), contactguard::Error>(())
    /// ```
    pub fn channels_of(&self, brand: &str, kind: ChannelKind) -> Vec<ChannelRef> {
        self.channel_refs(brand, kind, |_| true)
    }
}
