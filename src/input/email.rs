//! E-mail addresses: the canonical mailbox (case, Gmail dots, `+tags` where the provider drops
//! them) and the domain, which is judged as a domain.

use crate::input::url::{percent_decode, Link, LinkHost};
use crate::normalize::{self, HiddenChar};

/// The longest input accepted as one address, in bytes.
pub const MAX_EMAIL_LEN: usize = 512;

/// Providers where anyone can open a mailbox with any name.
pub const FREE_PROVIDERS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "aliyun.com",
    "139.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "mail.com",
    "yandex.com",
    "yandex.ru",
    "mail.ru",
    "aol.com",
    "zoho.com",
    "tutanota.com",
    "fastmail.com",
];

/// Providers that deliver `name+tag@` to `name@`.
const PLUS_TAG: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "icloud.com",
    "me.com",
    "proton.me",
    "protonmail.com",
    "fastmail.com",
];

/// The most recipients read from one input (a `mailto:` link with `cc` and `bcc`, a list).
pub const MAX_RECIPIENTS: usize = 16;

/// Why an input is not an e-mail address.
///
/// ```
/// use contactguard::input::email::{Email, EmailError};
///
/// assert!(matches!(Email::parse("@example.com"), Err(EmailError::Shape(_))));
/// assert!(matches!(Email::parse("service＠tokenpocket.pro"), Err(EmailError::Refused { .. })));
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// Over [`MAX_EMAIL_LEN`] bytes.
    #[error("the input is {0} bytes long; an address is at most {MAX_EMAIL_LEN} bytes")]
    TooLong(usize),
    /// No `@`, or nothing before it.
    #[error("'{0}' is not an e-mail address; write it as name@example.com")]
    Shape(String),
    /// The part after `@` is not a domain.
    #[error("the domain of '{address}' is not valid: {reason}")]
    Domain {
        /// The address.
        address: String,
        /// Why the domain is not valid.
        reason: String,
    },
    /// No mail client sends to it as written: its `@` is a look-alike (`＠`).
    #[error("no mail client sends to '{address}' as written: '{at}' ({}) only looks like '@'", crate::normalize::char_name(*at))]
    Refused {
        /// The address.
        address: String,
        /// The look-alike of `@`.
        at: char,
    },
    /// More recipients than [`MAX_RECIPIENTS`], or several where one was asked for.
    #[error("'{0}' holds several addresses; check each address on its own")]
    Several(String),
}

/// A parsed e-mail address: the mailbox a mail client delivers to.
///
/// ```
/// use contactguard::input::email::Email;
///
/// let e = Email::parse("To.Ken.Pocket+vip@GoogleMail.com")?;
/// assert_eq!(e.canonical(), "tokenpocket@gmail.com");
/// assert_eq!(e.domain(), "googlemail.com");
///
/// // A quoted local part may hold '@' and '#': the mail goes after the last unquoted '@'.
/// let quoted = Email::parse("\"service@tokenpocket.pro#\"@evil.com")?;
/// assert_eq!(quoted.domain(), "evil.com");
/// # Ok::<(), contactguard::input::email::EmailError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Email {
    raw: String,
    local: String,
    display: Option<String>,
    domain: Link,
    canonical: String,
    hidden: Vec<HiddenChar>,
}

impl Email {
    /// Parses one address: `name@domain`, `"quoted"@domain`, `Display Name <name@domain>` or
    /// `mailto:name@domain` (a `mailto:` link with more recipients is [`EmailError::Several`]:
    /// use [`recipients`]).
    ///
    /// # Errors
    /// An [`EmailError`] that says what is wrong.
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let mut all = recipients(input)?;
        if all.len() > 1 {
            return Err(EmailError::Several(input.trim().to_owned()));
        }
        all.pop()
            .ok_or_else(|| EmailError::Shape(input.trim().to_owned()))
    }

    /// The input as given.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The part before the last unquoted `@`, as written.
    pub fn local(&self) -> &str {
        &self.local
    }

    /// The display name written before `<address>`, if any (`TokenPocket Support` in
    /// `TokenPocket Support <service@tokenpocket.pro>`): what a reader sees, not where the mail
    /// goes.
    pub fn display_name(&self) -> Option<&str> {
        self.display.as_deref()
    }

    /// The domain, lowercase ASCII.
    pub fn domain(&self) -> &str {
        match self.domain.host() {
            LinkHost::Domain(d) => d.ascii(),
            LinkHost::Ip(_) => "",
        }
    }

    /// The domain as a parsed link, for judging it as a domain.
    pub fn domain_link(&self) -> &Link {
        &self.domain
    }

    /// The mailbox mail to this address reaches: `tokenpocket@gmail.com` for
    /// `To.Ken.Pocket+vip@googlemail.com`.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// Whether the domain is a free mail provider (anyone can choose the name).
    pub fn is_free_provider(&self) -> bool {
        FREE_PROVIDERS.contains(&self.domain())
    }

    /// Hidden characters that were removed.
    pub fn hidden(&self) -> &[HiddenChar] {
        &self.hidden
    }
}

/// The members of an RFC 5322 group (`support: a@example.com, b@example.com;`): mail to the
/// group goes to each of them.
fn group_members(text: &str) -> Option<&str> {
    let (phrase, rest) = text.trim().strip_suffix(';')?.split_once(':')?;
    (!phrase.contains(['@', '<', '"'])).then_some(rest)
}

/// Every mailbox a mail client would send to: one address, a list separated by `,` or `;`
/// (or an RFC 5322 group), or a `mailto:` link with its addresses and its `to`, `cc` and `bcc` fields (RFC 6068),
/// in order.
///
/// ```
/// use contactguard::input::email::recipients;
///
/// let all = recipients("mailto:service@tokenpocket.pro?subject=Hi&bcc=thief@evil.com")?;
/// let mailboxes: Vec<&str> = all.iter().map(|e| e.canonical()).collect();
/// assert_eq!(mailboxes, ["service@tokenpocket.pro", "thief@evil.com"]);
/// # Ok::<(), contactguard::input::email::EmailError>(())
/// ```
///
/// # Errors
/// The first address that is not one, as an [`EmailError`].
pub fn recipients(input: &str) -> Result<Vec<Email>, EmailError> {
    if input.len() > MAX_EMAIL_LEN {
        return Err(EmailError::TooLong(input.len()));
    }
    let raw = input.trim();
    let cleaned = normalize::clean(raw);
    // Hidden characters are taken out (and reported); nothing else is folded before the
    // address is taken apart, so a full-width '＃' stays an ordinary character.
    let text: String = raw.chars().filter(|c| !normalize::is_hidden(*c)).collect();
    let shape = || EmailError::Shape(raw.to_owned());
    let mut addresses: Vec<String> = Vec::new();
    match text.get(..7).filter(|p| p.eq_ignore_ascii_case("mailto:")) {
        Some(_) => {
            // RFC 6068 has no fragment: a '#' stays in the address it is written in, where the
            // mail client sees it.
            let rest = &text[7..];
            let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
            addresses.extend(split_list(&percent_decode(path)));
            for field in query.split('&') {
                let (key, value) = field.split_once('=').unwrap_or((field, ""));
                let key = percent_decode(key);
                if ["to", "cc", "bcc"]
                    .iter()
                    .any(|k| key.eq_ignore_ascii_case(k))
                {
                    addresses.extend(split_list(&percent_decode(value)));
                }
            }
        }
        None => addresses.extend(split_list(group_members(&text).unwrap_or(&text))),
    }
    addresses.retain(|a| !a.trim().is_empty());
    if addresses.is_empty() {
        return Err(shape());
    }
    if addresses.len() > MAX_RECIPIENTS {
        return Err(EmailError::Several(raw.chars().take(80).collect()));
    }
    addresses
        .iter()
        .map(|a| address(a, raw, &cleaned.hidden))
        .collect()
}

/// Splits a list of addresses at `,` and `;` outside quotes and angle brackets.
fn split_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let (mut quoted, mut escaped, mut angle) = (false, false, 0usize);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '<' if !quoted => angle += 1,
            '>' if !quoted => angle = angle.saturating_sub(1),
            ',' | ';' if !quoted && angle == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current);
    out
}

/// One address of a list: `Name <addr-spec>` or an addr-spec. `raw` is the whole input.
fn address(text: &str, raw: &str, hidden: &[HiddenChar]) -> Result<Email, EmailError> {
    let shape = || EmailError::Shape(raw.to_owned());
    let mut spec = text.trim();
    let mut display = None;
    if let (Some(open), true) = (spec.rfind('<'), spec.ends_with('>')) {
        let name = spec[..open].trim().trim_matches('"').trim();
        display = (!name.is_empty()).then(|| name.to_owned());
        spec = spec[open + 1..spec.len() - 1].trim();
    }
    // The domain is after the last '@' outside a quoted string (RFC 5322 §3.4.1).
    let mut at = None;
    let (mut quoted, mut escaped) = (false, false);
    for (i, c) in spec.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '@' if !quoted => at = Some(i),
            _ => {}
        }
    }
    let Some(at) = at else {
        return Err(match spec.chars().find(|c| matches!(c, '＠' | '﹫')) {
            Some(c) => EmailError::Refused {
                address: raw.to_owned(),
                at: c,
            },
            None => shape(),
        });
    };
    let (local, domain) = (&spec[..at], &spec[at + 1..]);
    if local.trim_matches('@').is_empty()
        || domain.is_empty()
        || local.chars().any(char::is_control)
        || (!local.starts_with('"') && local.chars().any(|c| c.is_whitespace() || c == '\\'))
    {
        return Err(shape());
    }
    let bad_domain = |reason: String| EmailError::Domain {
        address: raw.to_owned(),
        reason,
    };
    if domain.contains(['/', '\\', ':', '?', '#', '@', '['])
        || domain.chars().any(char::is_whitespace)
    {
        return Err(shape());
    }
    let link = Link::parse(domain).map_err(|e| bad_domain(e.to_string()))?;
    let LinkHost::Domain(host) = link.host() else {
        return Err(bad_domain("an IP address".into()));
    };
    if link.kind() != crate::kind::Kind::Domain {
        return Err(shape());
    }
    let canonical = canonical(local, host.ascii());
    Ok(Email {
        raw: raw.to_owned(),
        local: local.to_owned(),
        display,
        canonical,
        domain: link,
        hidden: hidden.to_vec(),
    })
}

/// The canonical mailbox of `local@domain` (domain lowercase ASCII).
pub(crate) fn canonical(local: &str, domain: &str) -> String {
    let mut local = unquoted(local).to_lowercase();
    let mut domain = domain.to_owned();
    if domain == "googlemail.com" {
        domain = "gmail.com".into();
    }
    if PLUS_TAG.contains(&domain.as_str()) {
        if let Some((name, _)) = local.split_once('+') {
            local = name.to_owned();
        }
    }
    if domain == "gmail.com" {
        local.retain(|c| c != '.');
    }
    format!("{local}@{domain}")
}

/// A quoted local part whose content is an ordinary one (`"service"`) is that one; any other
/// stays quoted, so it never equals a listed mailbox.
fn unquoted(local: &str) -> &str {
    match local.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
        Some(inner)
            if !inner.is_empty()
                && inner
                    .chars()
                    .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c)) =>
        {
            inner
        }
        _ => local,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_mailboxes() {
        assert_eq!(
            Email::parse("Service@TokenPocket.PRO").unwrap().canonical(),
            "service@tokenpocket.pro"
        );
        assert_eq!(
            Email::parse("mailto:a.b+x@gmail.com").unwrap().canonical(),
            "ab@gmail.com"
        );
        assert_eq!(
            Email::parse("a.b+x@outlook.com").unwrap().canonical(),
            "a.b@outlook.com"
        );
        assert_eq!(
            Email::parse("a.b+x@qq.com").unwrap().canonical(),
            "a.b+x@qq.com"
        );
        assert_eq!(
            Email::parse("客服@例子.中国").unwrap().domain(),
            "xn--fsqu00a.xn--fiqs8s"
        );
    }

    #[test]
    fn malformed() {
        for bad in ["@x.com", "a@", "a@b", "a b@c.com", "plain", "a@b.com/x"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }
}
