//! Social-media handles: `@name`, `platform: name`, and every URL form of the platforms the
//! registry knows (X, Telegram, Discord, WeChat, Weibo, GitHub, YouTube, Medium), with each
//! platform's validity and case rules.

use std::fmt;

use url::Url;

use crate::kind::ChannelKind;
use crate::normalize::{self, HiddenChar};

/// The longest input accepted as one handle, in bytes.
pub const MAX_HANDLE_LEN: usize = 2048;

/// A platform with handles.
///
/// ```
/// use contactguard::input::handle::Platform;
/// use contactguard::registry::ChannelKind;
///
/// assert_eq!(Platform::from_word("电报"), Some(Platform::Telegram));
/// assert_eq!(Platform::of_host("mobile.twitter.com"), Some(Platform::X));
/// assert_eq!(Platform::Wechat.kind(), ChannelKind::Wechat);
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[non_exhaustive]
pub enum Platform {
    /// X (Twitter).
    X,
    /// Telegram.
    Telegram,
    /// Discord.
    Discord,
    /// WeChat.
    Wechat,
    /// Weibo.
    Weibo,
    /// GitHub.
    Github,
    /// YouTube.
    Youtube,
    /// Medium.
    Medium,
    /// Apple's App Store (an app's numeric id).
    AppStore,
    /// Google Play (an app's package name).
    GooglePlay,
}

impl Platform {
    /// Every platform.
    pub const ALL: &'static [Platform] = &[
        Platform::X,
        Platform::Telegram,
        Platform::Discord,
        Platform::Wechat,
        Platform::Weibo,
        Platform::Github,
        Platform::Youtube,
        Platform::Medium,
        Platform::AppStore,
        Platform::GooglePlay,
    ];

    /// The registry channel kind of this platform.
    pub fn kind(self) -> ChannelKind {
        match self {
            Platform::X => ChannelKind::X,
            Platform::Telegram => ChannelKind::Telegram,
            Platform::Discord => ChannelKind::Discord,
            Platform::Wechat => ChannelKind::Wechat,
            Platform::Weibo => ChannelKind::Weibo,
            Platform::Github => ChannelKind::Github,
            Platform::Youtube => ChannelKind::Youtube,
            Platform::Medium => ChannelKind::Medium,
            Platform::AppStore => ChannelKind::IosApp,
            Platform::GooglePlay => ChannelKind::AndroidApp,
        }
    }

    /// The platform of a registry channel kind.
    pub fn of_kind(kind: ChannelKind) -> Option<Platform> {
        Platform::ALL.iter().copied().find(|p| p.kind() == kind)
    }

    /// Reads a platform name as people write it (`twitter`, `tg`, `电报`, `微信`, `vx` …): a word
    /// of [`PLATFORM_WORDS`], in any case.
    pub fn from_word(word: &str) -> Option<Platform> {
        let w = word.trim().to_lowercase();
        PLATFORM_WORDS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|(_, p)| *p)
    }

    /// The platform of a URL host, if it is one.
    pub fn of_host(host: &str) -> Option<Platform> {
        let host = host.trim_end_matches('.');
        let bare = host.strip_prefix("www.").unwrap_or(host);
        Some(match bare {
            "x.com" | "twitter.com" | "mobile.twitter.com" | "mobile.x.com" => Platform::X,
            "t.me" | "telegram.me" | "telegram.dog" => Platform::Telegram,
            "discord.gg" | "discord.com" | "discordapp.com" => Platform::Discord,
            "mp.weixin.qq.com" | "weixin.qq.com" => Platform::Wechat,
            "weibo.com" | "weibo.cn" | "m.weibo.cn" => Platform::Weibo,
            "github.com" => Platform::Github,
            "youtube.com" | "m.youtube.com" => Platform::Youtube,
            "medium.com" => Platform::Medium,
            "apps.apple.com" | "itunes.apple.com" => Platform::AppStore,
            "play.google.com" => Platform::GooglePlay,
            _ if single_label_below(bare, ".t.me") => Platform::Telegram,
            _ if single_label_below(bare, ".medium.com") => Platform::Medium,
            _ => return None,
        })
    }

    /// The display name.
    pub fn name(self) -> &'static str {
        match self {
            Platform::X => "X",
            Platform::Telegram => "Telegram",
            Platform::Discord => "Discord",
            Platform::Wechat => "WeChat",
            Platform::Weibo => "Weibo",
            Platform::Github => "GitHub",
            Platform::Youtube => "YouTube",
            Platform::Medium => "Medium",
            Platform::AppStore => "App Store",
            Platform::GooglePlay => "Google Play",
        }
    }

    /// Whether names on this platform ignore case.
    fn case_insensitive(self, form: Form) -> bool {
        match form {
            Form::Invite | Form::ChannelId => false,
            _ => !matches!(self, Platform::Discord | Platform::GooglePlay),
        }
    }
}

/// How people write each platform's name, in English and Chinese, lowercase: the one table that
/// [`Platform::from_word`] reads (`电报: name`, `--platform tg`), that `scan` takes labels before
/// an ID from (`微信：…`, `飞机 @…`), and whose Chinese words it finds at the end of a phrase
/// (`官方电报`). A new way of writing a platform's name is one row here.
pub const PLATFORM_WORDS: &[(&str, Platform)] = &[
    ("x", Platform::X),
    ("twitter", Platform::X),
    ("推特", Platform::X),
    ("x.com", Platform::X),
    ("twitter.com", Platform::X),
    ("telegram", Platform::Telegram),
    ("tg", Platform::Telegram),
    ("电报", Platform::Telegram),
    ("電報", Platform::Telegram),
    ("纸飞机", Platform::Telegram),
    ("紙飛機", Platform::Telegram),
    ("飞机", Platform::Telegram),
    ("飛機", Platform::Telegram),
    ("telegram.me", Platform::Telegram),
    ("t.me", Platform::Telegram),
    ("discord", Platform::Discord),
    ("wechat", Platform::Wechat),
    ("weixin", Platform::Wechat),
    ("微信号", Platform::Wechat),
    ("微信號", Platform::Wechat),
    ("微信", Platform::Wechat),
    ("薇信", Platform::Wechat),
    ("威信", Platform::Wechat),
    ("vx", Platform::Wechat),
    ("wx", Platform::Wechat),
    ("加v", Platform::Wechat),
    ("加 v", Platform::Wechat),
    ("v信", Platform::Wechat),
    ("v 信", Platform::Wechat),
    ("weibo", Platform::Weibo),
    ("微博", Platform::Weibo),
    ("github", Platform::Github),
    ("youtube", Platform::Youtube),
    ("油管", Platform::Youtube),
    ("medium", Platform::Medium),
];

/// Whether `host` is one label below `parent` (`name.t.me`, not `a.name.t.me`): only such a
/// host names an account.
fn single_label_below(host: &str, parent: &str) -> bool {
    host.strip_suffix(parent)
        .is_some_and(|label| !label.is_empty() && !label.contains('.'))
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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
        let name = name.trim().trim_start_matches('@').to_owned();
        if name.is_empty() {
            return Err(HandleError::Empty(input.trim().to_owned()));
        }
        if let Some(p) = platform {
            validate(p, &name, form)?;
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
    let name = if platform.case_insensitive(form) {
        name.to_lowercase()
    } else {
        name.to_owned()
    };
    let name = if platform == Platform::Medium {
        name.replace('-', ".")
    } else {
        name
    };
    format!("{}:{name}", platform.kind())
}

/// The form a registry value of `platform` has.
pub(crate) fn registry_form(platform: Platform, value: &str) -> Form {
    match platform {
        Platform::Discord => Form::Invite,
        Platform::Telegram if value.starts_with('+') || value.starts_with("joinchat/") => {
            Form::Invite
        }
        Platform::Youtube if is_youtube_channel_id(value) => Form::ChannelId,
        Platform::AppStore => Form::ChannelId,
        _ => Form::Name,
    }
}

fn is_youtube_channel_id(s: &str) -> bool {
    s.len() == 24
        && s.starts_with("UC")
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// `platform: name`, `platform：name`, `platform name`, `@name`, or a bare name.
fn from_text(text: &str) -> (Option<Platform>, String, Form) {
    for sep in [':', '：'] {
        if let Some((word, rest)) = text.split_once(sep) {
            if let Some(p) = Platform::from_word(word) {
                return (Some(p), rest.trim().to_owned(), name_form(p, rest.trim()));
            }
        }
    }
    if let Some((word, rest)) = text.split_once(char::is_whitespace) {
        if let Some(p) = Platform::from_word(word) {
            return (Some(p), rest.trim().to_owned(), name_form(p, rest.trim()));
        }
    }
    (None, text.to_owned(), Form::Name)
}

fn name_form(p: Platform, name: &str) -> Form {
    registry_form(p, name.trim_start_matches('@'))
}

/// Reserved first path segments that are not account names.
const X_RESERVED: &[&str] = &[
    "home",
    "i",
    "search",
    "explore",
    "intent",
    "share",
    "settings",
    "messages",
    "notifications",
    "hashtag",
    "login",
    "signup",
    "tos",
    "privacy",
    "compose",
];
const GITHUB_RESERVED: &[&str] = &[
    "orgs",
    "features",
    "marketplace",
    "settings",
    "login",
    "about",
    "pricing",
    "sponsors",
    "topics",
    "collections",
    "explore",
    "notifications",
    "apps",
    "search",
    "trending",
    "enterprise",
    "pulls",
    "issues",
    "new",
];
const TELEGRAM_RESERVED_SUBDOMAINS: &[&str] = &[
    "www",
    "addemoji",
    "addlist",
    "addstickers",
    "addstyle",
    "addtheme",
    "auction",
    "auth",
    "boost",
    "call",
    "confirmphone",
    "contact",
    "giftcode",
    "invoice",
    "joinchat",
    "login",
    "m",
    "nft",
    "proxy",
    "setlanguage",
    "share",
    "socks",
    "web",
    "a",
    "k",
    "z",
];

/// Reads a profile or invite URL of a known platform.
fn from_url(text: &str) -> Option<(Option<Platform>, String, Form)> {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("tg://") {
        let url = Url::parse(text).ok()?;
        let pair = |k: &str| {
            url.query_pairs()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.into_owned())
        };
        return match url.host_str() {
            Some("resolve") => Some((
                Some(Platform::Telegram),
                pair("domain").unwrap_or_default(),
                Form::Name,
            )),
            Some("join") => Some((
                Some(Platform::Telegram),
                format!("+{}", pair("invite").unwrap_or_default()),
                Form::Invite,
            )),
            _ => Some((Some(Platform::Telegram), String::new(), Form::Opaque)),
        };
    }
    if let Some(rest) = lower.strip_prefix("market://details?") {
        // Android's own link into Google Play: `market://details?id=PACKAGE`.
        let url = Url::parse(&format!(
            "https://play.google.com/store/apps/details?{}",
            &text[text.len() - rest.len()..]
        ))
        .ok()?;
        let id = first_query(&url, "id").unwrap_or_default();
        return Some((Some(Platform::GooglePlay), id, Form::Name));
    }
    let looks_like_url = lower.contains("://")
        || (lower.contains('.') && lower.contains('/'))
        || lower.ends_with(".t.me")
        || lower.ends_with(".medium.com");
    if !looks_like_url {
        return None;
    }
    let url = if let Some(rest) = lower.strip_prefix("itms-apps://") {
        // iOS's own link into the App Store.
        Url::parse(&format!("https://{}", &text[text.len() - rest.len()..]))
    } else if lower.contains("://") {
        Url::parse(text)
    } else {
        Url::parse(&format!("https://{text}"))
    }
    .ok()?;
    let host = url.host_str()?.to_owned();
    let platform = Platform::of_host(&host)?;
    let segs: Vec<String> = url
        .path_segments()
        .map(|s| {
            s.filter(|x| !x.is_empty())
                .map(crate::input::url::percent_decode)
                .collect()
        })
        .unwrap_or_default();
    let first = segs.first().cloned().unwrap_or_default();
    let second = segs.get(1).cloned().unwrap_or_default();
    let bare = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let (name, form) = match platform {
        Platform::X => {
            if second == "status" {
                (first, Form::Post)
            } else if first == "intent" {
                let screen = url
                    .query_pairs()
                    .find(|(k, _)| k == "screen_name")
                    .map(|(_, v)| v.into_owned());
                (screen.unwrap_or_default(), Form::Name)
            } else if X_RESERVED.contains(&first.to_lowercase().as_str()) {
                (String::new(), Form::Opaque)
            } else {
                (first, Form::Name)
            }
        }
        Platform::Telegram => {
            if let Some(sub) = bare.strip_suffix(".t.me") {
                if TELEGRAM_RESERVED_SUBDOMAINS.contains(&sub) {
                    (String::new(), Form::Opaque)
                } else {
                    (sub.to_owned(), Form::Name)
                }
            } else if first.starts_with('+') {
                (first, Form::Invite)
            } else if first == "joinchat" {
                (format!("joinchat/{second}"), Form::Invite)
            } else if first == "s" {
                (second, Form::Name)
            } else if first == "c" {
                (String::new(), Form::Opaque)
            } else {
                (first, Form::Name)
            }
        }
        Platform::Discord => {
            if bare == "discord.gg" {
                if first == "invite" {
                    (second, Form::Invite)
                } else {
                    (first, Form::Invite)
                }
            } else if first == "invite" {
                (second, Form::Invite)
            } else {
                (String::new(), Form::Opaque)
            }
        }
        Platform::Wechat => (String::new(), Form::Opaque),
        Platform::Weibo => match first.as_str() {
            "u" | "profile" => (second, Form::ChannelId),
            "n" => (second, Form::Name),
            _ => (first, Form::Name),
        },
        Platform::Github => {
            if first == "orgs" && !second.is_empty() {
                (second, Form::Name)
            } else if GITHUB_RESERVED.contains(&first.to_lowercase().as_str()) {
                (String::new(), Form::Opaque)
            } else {
                (first, Form::Name)
            }
        }
        Platform::Youtube => match first.as_str() {
            "channel" => (second, Form::ChannelId),
            "c" | "user" => (second, Form::Name),
            f if f.starts_with('@') => (f.to_owned(), Form::Name),
            _ => (String::new(), Form::Opaque),
        },
        Platform::AppStore => {
            // `/cn/app/tokenpocket/id1436028697`: the id is the last `idNNN` segment.
            match segs.iter().rev().find_map(|seg| {
                seg.strip_prefix("id")
                    .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            }) {
                Some(id) => (id.to_owned(), Form::ChannelId),
                None => (String::new(), Form::Opaque),
            }
        }
        Platform::GooglePlay => {
            if segs
                .iter()
                .map(String::as_str)
                .eq(["store", "apps", "details"])
            {
                (first_query(&url, "id").unwrap_or_default(), Form::Name)
            } else {
                (String::new(), Form::Opaque)
            }
        }
        Platform::Medium => {
            if let Some(sub) = bare.strip_suffix(".medium.com") {
                (sub.to_owned(), Form::Name)
            } else if let Some(user) = first.strip_prefix('@') {
                (user.to_owned(), Form::Name)
            } else {
                (String::new(), Form::Opaque)
            }
        }
    };
    if form == Form::Opaque {
        // Content that does not name its account: keep the link itself as the "name".
        return Some((Some(platform), url.as_str().to_owned(), Form::Opaque));
    }
    Some((Some(platform), name, form))
}

/// The first value of query parameter `key` (percent-decoded), as the platforms read it.
fn first_query(url: &Url, key: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// Each platform's rule for names.
fn validate(platform: Platform, name: &str, form: Form) -> Result<(), HandleError> {
    let invalid = |rule| {
        Err(HandleError::Invalid {
            platform,
            name: name.to_owned(),
            rule,
        })
    };
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let len = name.chars().count();
    match (platform, form) {
        (_, Form::Opaque) => Ok(()),
        (Platform::AppStore, _) => {
            if (6..=12).contains(&len) && name.bytes().all(|b| b.is_ascii_digit()) {
                Ok(())
            } else {
                invalid("an App Store id is 6 to 12 digits")
            }
        }
        (Platform::GooglePlay, _) => {
            let part = |p: &str| {
                p.starts_with(|c: char| c.is_ascii_alphabetic())
                    && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            };
            if (3..=150).contains(&len) && name.contains('.') && name.split('.').all(part) {
                Ok(())
            } else {
                invalid("a package name is words of letters, digits and _ joined by dots")
            }
        }
        (Platform::X, _) => {
            if (1..=15).contains(&len) && name.chars().all(word) {
                Ok(())
            } else {
                invalid("1 to 15 letters, digits or _")
            }
        }
        (Platform::Telegram, Form::Invite) => {
            let hash = name.trim_start_matches('+').trim_start_matches("joinchat/");
            if !hash.is_empty()
                && hash
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                Ok(())
            } else {
                invalid("an invite is + followed by letters, digits, _ or -")
            }
        }
        (Platform::Telegram, _) => {
            let first_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if (4..=32).contains(&len)
                && name.chars().all(word)
                && first_letter
                && !name.ends_with('_')
                && !name.contains("__")
            {
                Ok(())
            } else {
                invalid(
                    "4 to 32 letters, digits or _, starting with a letter, no trailing _ and no __",
                )
            }
        }
        (Platform::Discord, _) => {
            if (2..=32).contains(&len)
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                Ok(())
            } else {
                invalid("an invite code is 2 to 32 letters, digits or -")
            }
        }
        (Platform::Wechat, _) => {
            let first_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if (6..=20).contains(&len)
                && first_letter
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                Ok(())
            } else {
                invalid("a WeChat ID is 6 to 20 letters, digits, _ or -, starting with a letter")
            }
        }
        (Platform::Weibo, Form::ChannelId) => {
            if (5..=12).contains(&len) && name.chars().all(|c| c.is_ascii_digit()) {
                Ok(())
            } else {
                invalid("a Weibo UID is 5 to 12 digits")
            }
        }
        (Platform::Weibo, _) => {
            if (1..=30).contains(&len)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                Ok(())
            } else {
                invalid("up to 30 letters, CJK characters, digits, _ or -")
            }
        }
        (Platform::Github, _) => {
            if (1..=39).contains(&len)
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !name.starts_with('-')
                && !name.contains("--")
            {
                Ok(())
            } else {
                invalid("1 to 39 letters, digits or -, not starting with - and no --")
            }
        }
        (Platform::Youtube, Form::ChannelId) => {
            if is_youtube_channel_id(name) {
                Ok(())
            } else {
                invalid("a channel id is UC followed by 22 letters, digits, _ or -")
            }
        }
        (Platform::Youtube, _) => {
            let h = name.trim_start_matches('@');
            if (3..=30).contains(&h.chars().count())
                && h.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '·'))
            {
                Ok(())
            } else {
                invalid("a handle is 3 to 30 letters, digits, _, - or .")
            }
        }
        (Platform::Medium, _) => {
            if (1..=64).contains(&len)
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
            {
                Ok(())
            } else {
                invalid("letters, digits, _, . or -")
            }
        }
    }
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
