//! Social-media handles: `@name`, `platform: name`, and every link form of the platforms in
//! [`crate::input::platform`], with each platform's rule for names and its case rules.

use url::Url;

use super::platform::LinkParts;
pub use super::platform::Platform;
use crate::normalize::{self, HiddenChar};

/// The longest input accepted as one handle, in bytes.
pub const MAX_HANDLE_LEN: usize = 2048;

/// What the name of a handle is.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum Form {
    /// A username or handle.
    Name,
    /// An invite code or hash (Telegram `+HASH`, Discord codes): exact, opaque offline.
    Invite,
    /// A stable numeric or opaque account id (YouTube `UC…`, Weibo UID).
    ChannelId,
    /// A link to content that does not name its account (a WeChat article, a private post).
    Opaque,
    /// A link to a post whose path names an account the platform does not check
    /// (`x.com/NAME/status/ID` shows post ID whoever wrote it): never that account's.
    Post,
}

/// Why an input is not a handle.
///
/// ```
/// use contactguard::input::handle::{Handle, HandleError, Platform};
///
/// let err = Handle::parse("ab", Some(Platform::Telegram)).unwrap_err();
/// assert!(matches!(err, HandleError::Invalid { platform: Platform::Telegram, .. }));
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum HandleError {
    /// Over [`MAX_HANDLE_LEN`] bytes.
    #[error("the input is {0} bytes long; a handle is at most {MAX_HANDLE_LEN} bytes")]
    TooLong(usize),
    /// Nothing that names an account.
    #[error("no account name in '{0}'; write it as @name, 'platform: name' or a profile link")]
    Empty(String),
    /// A name the platform does not allow.
    #[error("'{name}' cannot be a {platform} name: {rule}")]
    Invalid {
        /// The platform.
        platform: Platform,
        /// The name.
        name: String,
        /// The platform's rule.
        rule: &'static str,
    },
}

/// A parsed handle.
///
/// ```
/// use contactguard::input::handle::{Handle, Platform};
///
/// let h = Handle::parse("https://t.me/s/TokenPocket_EN", None)?;
/// assert_eq!(h.platform(), Some(Platform::Telegram));
/// assert_eq!(h.name(), "TokenPocket_EN");
/// assert_eq!(h.key(Platform::Telegram), "telegram:tokenpocket_en");
/// let h = Handle::parse("@TokenPocket_TP", None)?;
/// assert_eq!(h.platform(), None); // judged against every platform
/// # Ok::<(), contactguard::input::handle::HandleError>(())
/// ```
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Handle {
    raw: String,
    platform: Option<Platform>,
    name: String,
    form: Form,
    hidden: Vec<HiddenChar>,
    lookalike: Vec<char>,
}

impl Handle {
    /// Parses `@name`, `platform: name`, a bare name, or a profile/invite URL. `platform`
    /// forces the platform of a bare or `@` name.
    ///
    /// # Errors
    /// A [`HandleError`] that says what is wrong.
    pub fn parse(input: &str, platform: Option<Platform>) -> Result<Handle, HandleError> {
        if input.len() > MAX_HANDLE_LEN {
            return Err(HandleError::TooLong(input.len()));
        }
        let cleaned = normalize::clean(input.trim());
        let text = cleaned.text.trim();
        let folded_url = from_url(text);
        // A link is read as the platform reads it, without folding: when the folded reading
        // names another account (`x.com/Name＃@evil.example`), the link's punctuation lies.
        let lookalike = match &folded_url {
            Some(folded) if from_url(input.trim()).as_ref() != Some(folded) => {
                crate::input::url::lookalike_delimiters(input)
            }
            _ => Vec::new(),
        };
        let (found_platform, name, form) = match folded_url {
            Some(parsed) => parsed,
            None => from_text(text),
        };
        let platform = found_platform.or(platform);
        let name = name.trim().trim_start_matches('@');
        if name.is_empty() {
            return Err(HandleError::Empty(input.trim().to_owned()));
        }
        let (name, form) = match (platform, form) {
            (Some(p), Some(form)) => (p.descriptor().tidy(name), form),
            (Some(p), None) => {
                let name = p.descriptor().tidy(name);
                let form = p.descriptor().form_of(&name);
                (name, form)
            }
            (None, _) => (name.to_owned(), Form::Name),
        };
        if let Some(p) = platform {
            p.descriptor()
                .check(&name, form)
                .map_err(|rule| HandleError::Invalid {
                    platform: p,
                    name: name.clone(),
                    rule,
                })?;
        } else if !name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            return Err(HandleError::Empty(input.trim().to_owned()));
        }
        Ok(Handle {
            raw: input.to_owned(),
            platform,
            name,
            form,
            hidden: cleaned.hidden,
            lookalike,
        })
    }

    /// The input as given.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The platform, or `None` when the input did not say (then every platform applies).
    pub fn platform(&self) -> Option<Platform> {
        self.platform
    }

    /// The name as written (without `@`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What kind of name it is.
    pub fn form(&self) -> Form {
        self.form
    }

    /// Hidden characters that were removed.
    pub fn hidden(&self) -> &[HiddenChar] {
        &self.hidden
    }

    /// For a profile link whose look-alike punctuation (`＃` `／` `＠`) makes it read as
    /// another account than the one the platform opens: those characters. The handle's name
    /// is the one a reader sees; the link is never that account.
    pub fn lookalike_delimiters(&self) -> &[char] {
        &self.lookalike
    }

    /// The identity on `platform`: `x:tokenpocket_tp` (case folded where the platform ignores
    /// case; Medium's `-` and `.` are one).
    pub fn key(&self, platform: Platform) -> String {
        key(platform, &self.name, self.form)
    }
}

/// The identity of `name` on `platform`.
pub(crate) fn key(platform: Platform, name: &str, form: Form) -> String {
    let name = name.trim_start_matches('@');
    format!(
        "{}:{}",
        platform.kind(),
        platform.descriptor().fold(name, form)
    )
}

/// The form a registry value of `platform` has.
pub(crate) fn registry_form(platform: Platform, value: &str) -> Form {
    platform.descriptor().form_of(value.trim_start_matches('@'))
}

/// `platform: name`, `platform：name`, `platform name`, `@name`, or a bare name; the form is
/// the platform's reading of the name.
fn from_text(text: &str) -> (Option<Platform>, String, Option<Form>) {
    for sep in [':', '：'] {
        if let Some((word, rest)) = text.split_once(sep) {
            if let Some(p) = Platform::from_word(word) {
                return (Some(p), rest.trim().to_owned(), None);
            }
        }
    }
    if let Some((word, rest)) = text.split_once(char::is_whitespace) {
        if let Some(p) = Platform::from_word(word) {
            return (Some(p), rest.trim().to_owned(), None);
        }
    }
    (None, text.to_owned(), None)
}

/// Whether `lower` (an input in lowercase) is written as a link: a scheme, a host and a path,
/// or a host one label below a platform that gives accounts names there (`name.t.me`).
fn written_as_link(lower: &str) -> bool {
    lower.contains("://")
        || (lower.contains('.') && lower.contains('/'))
        || Platform::ALL.iter().any(|p| {
            p.descriptor()
                .account_hosts
                .iter()
                .any(|parent| super::platform::account_below(lower, parent).is_some())
        })
}

/// Reads a profile, invite or app link of a known platform: its platform's row reads the name.
fn from_url(text: &str) -> Option<(Option<Platform>, String, Option<Form>)> {
    let lower = text.to_ascii_lowercase();
    let scheme = lower.split_once("://").map(|(s, _)| s);
    let app = scheme.and_then(Platform::of_scheme);
    if app.is_none() && !written_as_link(&lower) {
        return None;
    }
    let url = if scheme.is_some() {
        Url::parse(text)
    } else {
        Url::parse(&format!("https://{text}"))
    }
    .ok()?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let bare = host.strip_prefix("www.").unwrap_or(host);
    let platform = match app {
        Some(p) => p,
        None => Platform::of_host(bare)?,
    };
    let segs: Vec<String> = url
        .path_segments()
        .map(|s| {
            s.filter(|x| !x.is_empty())
                .map(crate::input::url::percent_decode)
                .collect()
        })
        .unwrap_or_default();
    let parts = LinkParts {
        url: &url,
        scheme: url.scheme(),
        host: bare,
        segs,
    };
    let (name, form) = platform.descriptor().read(&parts);
    if form == Form::Opaque {
        // Content that does not name its account: keep the link itself as the "name".
        return Some((Some(platform), url.as_str().to_owned(), Some(Form::Opaque)));
    }
    Some((Some(platform), name, Some(form)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> (Option<Platform>, String, Form) {
        let h = Handle::parse(s, None).unwrap_or_else(|e| panic!("{s}: {e}"));
        (h.platform(), h.name().to_owned(), h.form())
    }

    #[test]
    fn url_forms() {
        let tg = |n: &str| (Some(Platform::Telegram), n.to_owned(), Form::Name);
        assert_eq!(parse("https://t.me/tokenpocket_en"), tg("tokenpocket_en"));
        assert_eq!(parse("t.me/s/tokenpocket_en"), tg("tokenpocket_en"));
        assert_eq!(
            parse("https://t.me/tokenpocket_en/123"),
            tg("tokenpocket_en")
        );
        assert_eq!(parse("tokenpocket_en.t.me"), tg("tokenpocket_en"));
        assert_eq!(
            parse("tg://resolve?domain=tokenpocket_en"),
            tg("tokenpocket_en")
        );
        assert_eq!(parse("telegram.me/tokenpocket_en"), tg("tokenpocket_en"));
        assert_eq!(
            parse("https://t.me/+AbCdEf123"),
            (Some(Platform::Telegram), "+AbCdEf123".into(), Form::Invite)
        );
        assert_eq!(
            parse("tg://join?invite=AbC"),
            (Some(Platform::Telegram), "+AbC".into(), Form::Invite)
        );
        assert_eq!(
            parse("https://x.com/TokenPocket_TP/status/1"),
            (Some(Platform::X), "TokenPocket_TP".into(), Form::Post)
        );
        assert_eq!(
            parse("https://github.com/orgs/MetaMask"),
            (Some(Platform::Github), "MetaMask".into(), Form::Name)
        );
        assert_eq!(
            parse("https://apps.apple.com/cn/app/tokenpocket/id1436028697?l=zh"),
            (
                Some(Platform::AppStore),
                "1436028697".into(),
                Form::ChannelId
            )
        );
        assert_eq!(
            parse("https://play.google.com/store/apps/details?id=vip.mytokenpocket&hl=en"),
            (
                Some(Platform::GooglePlay),
                "vip.mytokenpocket".into(),
                Form::Name
            )
        );
        assert_eq!(
            parse("market://details?id=vip.mytokenpocket"),
            (
                Some(Platform::GooglePlay),
                "vip.mytokenpocket".into(),
                Form::Name
            )
        );
        assert_eq!(
            parse("https://twitter.com/intent/user?screen_name=abc"),
            (Some(Platform::X), "abc".into(), Form::Name)
        );
        assert_eq!(
            parse("discord.gg/NKPM8TXFQk"),
            (Some(Platform::Discord), "NKPM8TXFQk".into(), Form::Invite)
        );
        assert_eq!(
            parse("https://discord.com/invite/NKPM8TXFQk"),
            (Some(Platform::Discord), "NKPM8TXFQk".into(), Form::Invite)
        );
        assert_eq!(
            parse("github.com/TP-Lab/tokens"),
            (Some(Platform::Github), "TP-Lab".into(), Form::Name)
        );
        assert_eq!(
            parse("https://www.youtube.com/channel/UCudaS5hcbqUaMtOGHmQ2e0A"),
            (
                Some(Platform::Youtube),
                "UCudaS5hcbqUaMtOGHmQ2e0A".into(),
                Form::ChannelId
            )
        );
        assert_eq!(
            parse("youtube.com/@TokenPocket"),
            (Some(Platform::Youtube), "TokenPocket".into(), Form::Name)
        );
        assert_eq!(
            parse("https://weibo.com/u/1234567890"),
            (Some(Platform::Weibo), "1234567890".into(), Form::ChannelId)
        );
        assert_eq!(
            parse("medium.com/@tokenpocket.gm"),
            (Some(Platform::Medium), "tokenpocket.gm".into(), Form::Name)
        );
        assert_eq!(
            parse("tokenpocket-gm.medium.com"),
            (Some(Platform::Medium), "tokenpocket-gm".into(), Form::Name)
        );
        assert_eq!(parse("https://mp.weixin.qq.com/s/AbC").2, Form::Opaque);
    }

    #[test]
    fn text_forms() {
        assert_eq!(
            parse("@TokenPocket_TP"),
            (None, "TokenPocket_TP".into(), Form::Name)
        );
        assert_eq!(
            parse("telegram: tokenpocket_en"),
            (
                Some(Platform::Telegram),
                "tokenpocket_en".into(),
                Form::Name
            )
        );
        assert_eq!(
            parse("微信：tpwallet_kefu"),
            (Some(Platform::Wechat), "tpwallet_kefu".into(), Form::Name)
        );
        assert_eq!(
            parse("TG @tokenpocket_en"),
            (
                Some(Platform::Telegram),
                "tokenpocket_en".into(),
                Form::Name
            )
        );
    }

    #[test]
    fn keys_fold_case_where_the_platform_does() {
        let k = |s: &str, p| Handle::parse(s, Some(p)).unwrap().key(p);
        assert_eq!(k("@TokenPocket_TP", Platform::X), "x:tokenpocket_tp");
        assert_eq!(
            k("discord.gg/NKPM8TXFQk", Platform::Discord),
            "discord:NKPM8TXFQk"
        );
        assert_eq!(
            k("tokenpocket-gm.medium.com", Platform::Medium),
            "medium:tokenpocket.gm"
        );
    }

    #[test]
    fn platform_rules() {
        assert!(Handle::parse("@this_name_is_far_too_long", Some(Platform::X)).is_err());
        assert!(Handle::parse("telegram: ab", None).is_err());
        assert!(Handle::parse("telegram: tokenpocket_", None).is_err());
        assert!(Handle::parse("github: -bad", None).is_err());
        assert!(Handle::parse("wechat: 12345678", None).is_err());
    }
}
