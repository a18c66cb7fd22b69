//! E-mail addresses: the canonical mailbox (case, Gmail dots, `+tags` where the provider drops
//! them) and the domain, which is judged as a domain.

use crate::input::url::{Link, LinkHost};
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

/// Why an input is not an e-mail address.
///
/// ```
/// use contactguard::input::email::{Email, EmailError};
///
/// assert!(matches!(Email::parse("@example.com"), Err(EmailError::Shape(_))));
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
}

/// A parsed e-mail address.
///
/// ```
/// use contactguard::input::email::Email;
///
/// let e = Email::parse("To.Ken.Pocket+vip@GoogleMail.com")?;
/// assert_eq!(e.canonical(), "tokenpocket@gmail.com");
/// assert_eq!(e.domain(), "googlemail.com");
/// # Ok::<(), contactguard::input::email::EmailError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Email {
    raw: String,
    local: String,
    domain: Link,
    canonical: String,
    hidden: Vec<HiddenChar>,
}

impl Email {
    /// Parses `name@domain` or `mailto:name@domain`.
    ///
    /// # Errors
    /// An [`EmailError`] that says what is wrong.
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        if input.len() > MAX_EMAIL_LEN {
            return Err(EmailError::TooLong(input.len()));
        }
        let cleaned = normalize::clean(input.trim());
        let mut text = cleaned.text.trim();
        for scheme in ["mailto:", "MAILTO:", "Mailto:"] {
            text = text.strip_prefix(scheme).unwrap_or(text);
        }
        let text = text.split(['?', '#']).next().unwrap_or_default();
        let shape = || EmailError::Shape(input.trim().to_owned());
        let (local, domain) = text.rsplit_once('@').ok_or_else(shape)?;
        if local.is_empty()
            || domain.is_empty()
            || local
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c.is_control())
        {
            return Err(shape());
        }
        let link = Link::parse(domain).map_err(|e| EmailError::Domain {
            address: input.trim().to_owned(),
            reason: e.to_string(),
        })?;
        let LinkHost::Domain(host) = link.host() else {
            return Err(EmailError::Domain {
                address: input.trim().to_owned(),
                reason: "an IP address".into(),
            });
        };
        if link.url().path() != "/" || domain.contains(['/', ':']) {
            return Err(shape());
        }
        let host = host.ascii().to_owned();
        let canonical = canonical(local, &host);
        Ok(Email {
            raw: input.to_owned(),
            local: local.to_owned(),
            domain: link,
            canonical,
            hidden: cleaned.hidden,
        })
    }

    /// The input as given.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The part before `@`, as written.
    pub fn local(&self) -> &str {
        &self.local
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

/// The canonical mailbox of `local@domain` (domain lowercase ASCII).
pub(crate) fn canonical(local: &str, domain: &str) -> String {
    let mut local = local.to_lowercase();
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
