//! Every platform with accounts, one row each: what its channel kind is called in the
//! registry, the hosts and URL shapes of its links, the words people write its name with, the
//! rule for its account names and how case is folded, and what it is called in each language.
//!
//! Parsing ([`crate::input::handle`]), the registry's lint and editing, `scan`'s labels and
//! claim words, the CLI's `--platform`, and the registry schema all read this table. Adding a
//! platform is one row of `platforms!` plus a module of its link reader and name rule below,
//! and one row of [`crate::kind::ChannelKind`].
//!
//! ```
//! use contactguard::input::platform::Platform;
//! use contactguard::registry::ChannelKind;
//!
//! let whatsapp = Platform::Whatsapp.descriptor();
//! assert_eq!(whatsapp.kind, ChannelKind::Whatsapp);
//! assert!(whatsapp.hosts.contains(&"wa.me"));
//! assert_eq!(Platform::of_host("chat.whatsapp.com"), Some(Platform::Whatsapp));
//! assert_eq!(Platform::from_word("脸书"), Some(Platform::Facebook));
//! ```

use std::fmt;

use url::Url;

use super::handle::Form;
use crate::kind::ChannelKind;

/// What a platform's accounts are called, in one language: one account, and the heading
/// over a brand's accounts there.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Noun {
    /// One account (`X account`, `微信账号`).
    pub one: &'static str,
    /// The heading over a brand's accounts (`X (Twitter)`, `微信`).
    pub heading: &'static str,
}

/// What a platform's accounts are called in each language the library speaks. Traditional
/// Chinese is the Simplified text converted ([`crate::normalize::hant`]). A new language is a
/// new field here, which the compiler then asks of every row.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Nouns {
    /// English.
    pub en: Noun,
    /// Chinese (Simplified).
    pub zh: Noun,
}

/// One platform, as everything that reads handles needs it.
#[derive(Clone, Copy)]
pub struct Descriptor {
    /// The registry's channel kind of its accounts.
    pub kind: ChannelKind,
    /// Its name, as the platform writes it.
    pub name: &'static str,
    /// How people write its name, lowercase, in English and Chinese (`tg`, `电报`, `飞机`):
    /// `电报: name` and `--platform tg` read them, and `scan` takes them as labels before an ID
    /// and as the platform named before an `@handle`.
    pub words: &'static [&'static str],
    /// Words that, near a brand's name, claim the brand has an account here (`电报群`):
    /// `scan` reports the claim when the registry says the brand has none.
    pub claims: &'static [&'static str],
    /// Hosts whose links are this platform's (without `www.`).
    pub hosts: &'static [&'static str],
    /// Hosts one label below which names an account (`name.t.me`).
    pub account_hosts: &'static [&'static str],
    /// URL schemes of its app links (`tg`, `whatsapp`).
    pub schemes: &'static [&'static str],
    /// What its accounts are called, per language.
    pub nouns: Nouns,
    /// How a registry value is written for people to recognise (`@{}`, `t.me/{}`).
    pub shown_as: &'static str,
    /// Whether people reach a brand's support here (reports list these channels as the ways
    /// to get help; a code host or a blog is not one).
    pub support: bool,
    /// The registry schema's pattern for a value, and what the value is.
    pub schema: (&'static str, &'static str),
    read_link: fn(&LinkParts<'_>) -> (String, Form),
    tidy: fn(&str) -> String,
    form_of: fn(&str) -> Form,
    rule: fn(&str, Form) -> Result<(), &'static str>,
    fold: fn(&str, Form) -> String,
    label: Option<fn(&str) -> bool>,
    page_host: Option<fn(&str) -> String>,
}

impl fmt::Debug for Descriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Descriptor")
            .field("kind", &self.kind)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// A link as the platform's reader sees it.
pub(crate) struct LinkParts<'a> {
    /// The parsed link.
    pub url: &'a Url,
    /// The scheme (`https`, `tg` …).
    pub scheme: &'a str,
    /// The host without `www.`, lowercase.
    pub host: &'a str,
    /// The path's segments, percent-decoded, empty ones dropped.
    pub segs: Vec<String>,
}

impl LinkParts<'_> {
    fn seg(&self, i: usize) -> &str {
        self.segs.get(i).map_or("", String::as_str)
    }

    fn query(&self, key: &str) -> Option<String> {
        self.url
            .query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    }
}

macro_rules! platforms {
    ($($variant:ident $doc:literal => $row:expr;)*) => {
        /// A platform with accounts: one row of the table in [`crate::input::platform`].
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
            $(#[doc = $doc] $variant,)*
        }

        impl Platform {
            /// Every platform, in table order.
            pub const ALL: &'static [Platform] = &[$(Platform::$variant,)*];

            /// The platform's row.
            pub fn descriptor(self) -> &'static Descriptor {
                match self {
                    $(Platform::$variant => {
                        const ROW: Descriptor = $row;
                        &ROW
                    })*
                }
            }
        }
    };
}

platforms! {
    X "X (Twitter)." => Descriptor {
        kind: ChannelKind::X,
        name: "X",
        words: &["x", "twitter", "推特", "x.com", "twitter.com"],
        claims: &["推特", "twitter"],
        hosts: &["x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "X account", heading: "X (Twitter)" },
            zh: Noun { one: "X（推特）账号", heading: "X（推特）" },
        },
        shown_as: "@{}",
        support: true,
        schema: ("^[A-Za-z0-9_]{1,15}$", "X handle without '@', in the brand's own capitalisation"),
        read_link: x::link,
        tidy: same,
        form_of: names,
        rule: x::rule,
        fold: fold_names,
        label: Some(x::label),
        page_host: None,
    };
    Telegram "Telegram." => Descriptor {
        kind: ChannelKind::Telegram,
        name: "Telegram",
        words: &[
            "telegram", "tg", "电报", "電報", "纸飞机", "紙飛機", "飞机", "飛機", "telegram.me",
            "t.me",
        ],
        claims: &["电报群", "电报", "電報", "飞机群", "tg群", "telegram"],
        hosts: &["t.me", "telegram.me", "telegram.dog"],
        account_hosts: &["t.me"],
        schemes: &["tg"],
        nouns: Nouns {
            en: Noun { one: "Telegram", heading: "Telegram" },
            zh: Noun { one: "Telegram（电报）", heading: "Telegram（电报）" },
        },
        shown_as: "t.me/{}",
        support: true,
        schema: (
            "^(?:[A-Za-z][A-Za-z0-9_]{3,31}|\\+[A-Za-z0-9_-]{8,64})$",
            "username without t.me/, or '+HASH' for an invite link",
        ),
        read_link: telegram::link,
        tidy: same,
        form_of: telegram::form,
        rule: telegram::rule,
        fold: fold_names,
        label: Some(telegram::label),
        page_host: None,
    };
    Discord "Discord." => Descriptor {
        kind: ChannelKind::Discord,
        name: "Discord",
        words: &["discord"],
        claims: &["discord"],
        hosts: &["discord.gg", "discord.com", "discordapp.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "Discord", heading: "Discord" },
            zh: Noun { one: "Discord", heading: "Discord" },
        },
        shown_as: "discord.gg/{}",
        support: true,
        schema: ("^[A-Za-z0-9-]{2,32}$", "invite code only"),
        read_link: discord::link,
        tidy: same,
        form_of: |_| Form::Invite,
        rule: discord::rule,
        fold: exact,
        label: Some(discord::label),
        page_host: None,
    };
    Wechat "WeChat." => Descriptor {
        kind: ChannelKind::Wechat,
        name: "WeChat",
        words: &[
            "wechat", "weixin", "微信号", "微信號", "微信", "薇信", "威信", "vx", "wx", "加v",
            "加 v", "v信", "v 信",
        ],
        claims: &["微信", "wechat"],
        hosts: &["mp.weixin.qq.com", "weixin.qq.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "WeChat account", heading: "WeChat" },
            zh: Noun { one: "微信账号", heading: "微信" },
        },
        shown_as: "{}",
        support: true,
        schema: ("^\\S(?:.{0,62}\\S)?$", "WeChat ID or official-account name"),
        read_link: |_| opaque(),
        tidy: same,
        form_of: names,
        rule: wechat::rule,
        fold: fold_names,
        label: Some(wechat::label),
        page_host: None,
    };
    Weibo "Weibo." => Descriptor {
        kind: ChannelKind::Weibo,
        name: "Weibo",
        words: &["weibo", "微博"],
        claims: &[],
        hosts: &["weibo.com", "weibo.cn", "m.weibo.cn"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "Weibo account", heading: "Weibo" },
            zh: Noun { one: "微博账号", heading: "微博" },
        },
        shown_as: "{}",
        support: false,
        schema: ("^\\S(?:.{0,62}\\S)?$", "numeric UID or screen name"),
        read_link: weibo::link,
        tidy: same,
        form_of: names,
        rule: weibo::rule,
        fold: fold_names,
        label: None,
        page_host: None,
    };
    Github "GitHub." => Descriptor {
        kind: ChannelKind::Github,
        name: "GitHub",
        words: &["github"],
        claims: &[],
        hosts: &["github.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "GitHub account", heading: "GitHub" },
            zh: Noun { one: "GitHub 账号", heading: "GitHub" },
        },
        shown_as: "github.com/{}",
        support: false,
        schema: (
            "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$",
            "GitHub organisation or user name",
        ),
        read_link: github::link,
        tidy: same,
        form_of: names,
        rule: github::rule,
        fold: fold_names,
        label: None,
        page_host: Some(|name| format!("{name}.github.io")),
    };
    Youtube "YouTube." => Descriptor {
        kind: ChannelKind::Youtube,
        name: "YouTube",
        words: &["youtube", "油管"],
        claims: &[],
        hosts: &["youtube.com", "m.youtube.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "YouTube channel", heading: "YouTube" },
            zh: Noun { one: "YouTube 频道", heading: "YouTube" },
        },
        shown_as: "YouTube {}",
        support: false,
        schema: ("^(?:UC[A-Za-z0-9_-]{22}|@[A-Za-z0-9._-]{3,30})$", "'UC...' channel id or '@handle'"),
        read_link: youtube::link,
        tidy: same,
        form_of: youtube::form,
        rule: youtube::rule,
        fold: fold_names,
        label: None,
        page_host: None,
    };
    Medium "Medium." => Descriptor {
        kind: ChannelKind::Medium,
        name: "Medium",
        words: &["medium"],
        claims: &[],
        hosts: &["medium.com"],
        account_hosts: &["medium.com"],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "Medium blog", heading: "Medium" },
            zh: Noun { one: "Medium 博客", heading: "Medium" },
        },
        shown_as: "medium.com/@{}",
        support: false,
        schema: ("^[A-Za-z0-9._-]{1,64}$", "Medium username without '@'"),
        read_link: medium::link,
        tidy: same,
        form_of: names,
        rule: medium::rule,
        // Medium's `name.medium.com` writes the `.` of a username as `-`.
        fold: |name, form| fold_names(name, form).replace('-', "."),
        label: None,
        page_host: Some(|name| format!("{}.medium.com", name.replace('.', "-"))),
    };
    AppStore "Apple's App Store (an app's numeric id)." => Descriptor {
        kind: ChannelKind::IosApp,
        name: "App Store",
        words: &[],
        claims: &[],
        hosts: &["apps.apple.com", "itunes.apple.com"],
        account_hosts: &[],
        schemes: &["itms-apps"],
        nouns: Nouns {
            en: Noun { one: "iOS app", heading: "iOS app (App Store id)" },
            zh: Noun { one: "iOS 应用", heading: "iOS 应用（App Store 编号）" },
        },
        shown_as: "apps.apple.com/app/id{}",
        support: false,
        schema: ("^[1-9][0-9]{5,11}$", "numeric App Store id"),
        read_link: app_store::link,
        tidy: |value| {
            let id = value.strip_prefix("id").unwrap_or(value);
            id.to_owned()
        },
        form_of: |_| Form::ChannelId,
        rule: app_store::rule,
        fold: exact,
        label: None,
        page_host: None,
    };
    GooglePlay "Google Play (an app's package name)." => Descriptor {
        kind: ChannelKind::AndroidApp,
        name: "Google Play",
        words: &[],
        claims: &[],
        hosts: &["play.google.com"],
        account_hosts: &[],
        schemes: &["market"],
        nouns: Nouns {
            en: Noun { one: "Android app", heading: "Android app (Google Play)" },
            zh: Noun { one: "安卓应用", heading: "安卓应用（Google Play）" },
        },
        shown_as: "play.google.com/store/apps/details?id={}",
        support: false,
        schema: (
            "^[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)+$",
            "Google Play package name",
        ),
        read_link: google_play::link,
        tidy: same,
        form_of: names,
        rule: google_play::rule,
        fold: exact,
        label: None,
        page_host: None,
    };
    Whatsapp "WhatsApp: an account is a phone number." => Descriptor {
        kind: ChannelKind::Whatsapp,
        name: "WhatsApp",
        words: &["whatsapp", "whats app"],
        claims: &["whatsapp"],
        hosts: &["wa.me", "api.whatsapp.com", "chat.whatsapp.com", "whatsapp.com", "web.whatsapp.com"],
        account_hosts: &[],
        schemes: &["whatsapp"],
        nouns: Nouns {
            en: Noun { one: "WhatsApp account", heading: "WhatsApp" },
            zh: Noun { one: "WhatsApp 账号", heading: "WhatsApp" },
        },
        shown_as: "wa.me/{}",
        support: true,
        schema: (
            "^(?:\\+[1-9][0-9]{6,14}|chat/[A-Za-z0-9]{8,40}|channel/[A-Za-z0-9]{8,40})$",
            "E.164 number of the account, 'chat/CODE' for a group invite, or 'channel/ID'",
        ),
        read_link: whatsapp::link,
        tidy: whatsapp::tidy,
        form_of: whatsapp::form,
        rule: whatsapp::rule,
        fold: exact,
        label: None,
        page_host: None,
    };
    Qq "QQ: a number, a group number, or an invite." => Descriptor {
        kind: ChannelKind::Qq,
        name: "QQ",
        words: &["qq", "qq号", "qq號", "qq群", "扣扣"],
        claims: &["qq群", "qq号", "qq號"],
        hosts: &["qm.qq.com", "wpa.qq.com", "jq.qq.com", "qun.qq.com"],
        account_hosts: &[],
        schemes: &["tencent"],
        nouns: Nouns {
            en: Noun { one: "QQ account", heading: "QQ" },
            zh: Noun { one: "QQ 号", heading: "QQ" },
        },
        shown_as: "QQ {}",
        support: true,
        schema: (
            "^(?:[1-9][0-9]{4,11}|q/[A-Za-z0-9]{4,32})$",
            "QQ number or group number, or 'q/CODE' for a qm.qq.com invite",
        ),
        read_link: qq::link,
        tidy: same,
        form_of: qq::form,
        rule: qq::rule,
        fold: exact,
        label: Some(qq::label),
        page_host: None,
    };
    Line "LINE." => Descriptor {
        kind: ChannelKind::Line,
        name: "LINE",
        words: &["line", "line id", "连我", "連我"],
        claims: &["line官方", "line 官方", "官方line"],
        hosts: &["line.me", "lin.ee", "page.line.me"],
        account_hosts: &[],
        schemes: &["line"],
        nouns: Nouns {
            en: Noun { one: "LINE account", heading: "LINE" },
            zh: Noun { one: "LINE 账号", heading: "LINE" },
        },
        shown_as: "LINE @{}",
        support: true,
        schema: ("^(?:[a-z0-9._-]{4,20}|lin\\.ee/[A-Za-z0-9]{4,16})$", "LINE ID without '@' (lowercase), or 'lin.ee/CODE'"),
        read_link: line::link,
        tidy: same,
        form_of: line::form,
        rule: line::rule,
        fold: fold_names,
        label: Some(line::label),
        page_host: None,
    };
    Facebook "Facebook (and Messenger's m.me links)." => Descriptor {
        kind: ChannelKind::Facebook,
        name: "Facebook",
        words: &["facebook", "fb", "脸书", "臉書", "messenger"],
        claims: &["facebook", "脸书", "臉書"],
        hosts: &["facebook.com", "m.facebook.com", "web.facebook.com", "fb.com", "fb.me", "m.me"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "Facebook page", heading: "Facebook" },
            zh: Noun { one: "Facebook（脸书）主页", heading: "Facebook（脸书）" },
        },
        shown_as: "facebook.com/{}",
        support: false,
        schema: ("^(?:[A-Za-z0-9.]{5,50}|[0-9]{5,20})$", "page or user name, or the numeric id of profile.php?id="),
        read_link: facebook::link,
        tidy: same,
        form_of: facebook::form,
        rule: facebook::rule,
        // Facebook ignores case and dots in a username.
        fold: |name, form| match form {
            Form::Name | Form::Post => name.to_lowercase().replace('.', ""),
            _ => name.to_owned(),
        },
        label: None,
        page_host: None,
    };
    Instagram "Instagram." => Descriptor {
        kind: ChannelKind::Instagram,
        name: "Instagram",
        words: &["instagram", "ins", "ig"],
        claims: &["instagram"],
        hosts: &["instagram.com", "instagr.am"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "Instagram account", heading: "Instagram" },
            zh: Noun { one: "Instagram 账号", heading: "Instagram" },
        },
        shown_as: "instagram.com/{}",
        support: false,
        schema: ("^[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?$", "Instagram username"),
        read_link: instagram::link,
        tidy: same,
        form_of: names,
        rule: instagram::rule,
        fold: fold_names,
        label: None,
        page_host: None,
    };
    Tiktok "TikTok." => Descriptor {
        kind: ChannelKind::Tiktok,
        name: "TikTok",
        words: &["tiktok"],
        claims: &["tiktok"],
        hosts: &["tiktok.com", "m.tiktok.com", "vm.tiktok.com", "vt.tiktok.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "TikTok account", heading: "TikTok" },
            zh: Noun { one: "TikTok 账号", heading: "TikTok" },
        },
        shown_as: "tiktok.com/@{}",
        support: false,
        schema: ("^[A-Za-z0-9_.]{2,24}$", "TikTok username without '@'"),
        read_link: tiktok::link,
        tidy: same,
        form_of: names,
        rule: tiktok::rule,
        fold: fold_names,
        label: None,
        page_host: None,
    };
    Reddit "Reddit: a user, or a community as `r/name`." => Descriptor {
        kind: ChannelKind::Reddit,
        name: "Reddit",
        words: &["reddit"],
        claims: &[],
        hosts: &["reddit.com", "old.reddit.com", "new.reddit.com", "m.reddit.com", "redd.it"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "Reddit account", heading: "Reddit" },
            zh: Noun { one: "Reddit 账号", heading: "Reddit" },
        },
        shown_as: "reddit.com/{}",
        support: false,
        schema: ("^(?:r/[A-Za-z0-9_]{3,21}|[A-Za-z0-9_-]{3,20})$", "user name, or 'r/name' for a community"),
        read_link: reddit::link,
        tidy: reddit::tidy,
        form_of: names,
        rule: reddit::rule,
        fold: fold_names,
        label: None,
        page_host: None,
    };
    Kakao "KakaoTalk: a channel (`_id`) or an open chat (`o/code`)." => Descriptor {
        kind: ChannelKind::Kakao,
        name: "KakaoTalk",
        words: &["kakao", "kakaotalk", "kakao talk", "카카오톡", "카톡", "카카오"],
        claims: &["kakaotalk", "카카오톡"],
        hosts: &["pf.kakao.com", "open.kakao.com"],
        account_hosts: &[],
        schemes: &[],
        nouns: Nouns {
            en: Noun { one: "KakaoTalk channel", heading: "KakaoTalk" },
            zh: Noun { one: "KakaoTalk 频道", heading: "KakaoTalk" },
        },
        shown_as: "KakaoTalk {}",
        support: true,
        schema: (
            "^(?:_[A-Za-z0-9]{3,16}|o/[A-Za-z0-9]{4,16}|[a-z0-9._-]{4,20})$",
            "'_id' of a channel (pf.kakao.com), 'o/code' of an open chat, or a KakaoTalk ID",
        ),
        read_link: kakao::link,
        tidy: same,
        form_of: kakao::form,
        rule: kakao::rule,
        fold: fold_names,
        label: Some(kakao::label),
        page_host: None,
    };
    Signal "Signal: a username (`name.01`) or a phone number." => Descriptor {
        kind: ChannelKind::Signal,
        name: "Signal",
        words: &["signal"],
        claims: &[],
        hosts: &["signal.me", "signal.group"],
        account_hosts: &[],
        schemes: &["sgnl"],
        nouns: Nouns {
            en: Noun { one: "Signal account", heading: "Signal" },
            zh: Noun { one: "Signal 账号", heading: "Signal" },
        },
        shown_as: "Signal {}",
        support: false,
        schema: (
            "^(?:\\+[1-9][0-9]{6,14}|[A-Za-z_][A-Za-z0-9_]{2,31}\\.[0-9]{2,9})$",
            "username with its number ('name.01'), or the E.164 number of the account",
        ),
        read_link: signal::link,
        tidy: same,
        form_of: names,
        rule: signal::rule,
        fold: fold_names,
        label: None,
        page_host: None,
    };
}

impl Platform {
    /// The registry channel kind of this platform.
    pub fn kind(self) -> ChannelKind {
        self.descriptor().kind
    }

    /// The platform of a registry channel kind.
    pub fn of_kind(kind: ChannelKind) -> Option<Platform> {
        Platform::ALL.iter().copied().find(|p| p.kind() == kind)
    }

    /// The display name.
    pub fn name(self) -> &'static str {
        self.descriptor().name
    }

    /// The platform whose channel kind's JSON name is `name` (`telegram`, `x`, `wechat` …),
    /// exactly as `--platform` and the bindings' options take it.
    ///
    /// ```
    /// use contactguard::input::platform::Platform;
    ///
    /// assert_eq!(Platform::of_kind_name("telegram").map(|p| p.name()), Some("Telegram"));
    /// assert!(Platform::of_kind_name("tg").is_none());
    /// assert!(Platform::kind_names().any(|n| n == "wechat"));
    /// ```
    pub fn of_kind_name(name: &str) -> Option<Platform> {
        Platform::ALL
            .iter()
            .copied()
            .find(|p| p.kind().as_str() == name)
    }

    /// The JSON names of every platform's kind, in order: what an error lists.
    pub fn kind_names() -> impl Iterator<Item = &'static str> {
        Platform::ALL.iter().map(|p| p.kind().as_str())
    }

    /// Reads a platform name as people write it (`twitter`, `tg`, `电报`, `微信`, `vx` …): one of
    /// its [`Descriptor::words`], in any case.
    pub fn from_word(word: &str) -> Option<Platform> {
        let w = word.trim().to_lowercase();
        words().find(|(name, _)| *name == w).map(|(_, p)| p)
    }

    /// The platform of a URL host, if it is one.
    pub fn of_host(host: &str) -> Option<Platform> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let bare = host.strip_prefix("www.").unwrap_or(&host);
        Platform::ALL
            .iter()
            .copied()
            .find(|p| p.descriptor().hosts.contains(&bare))
            .or_else(|| {
                Platform::ALL.iter().copied().find(|p| {
                    p.descriptor()
                        .account_hosts
                        .iter()
                        .any(|parent| account_below(bare, parent).is_some())
                })
            })
    }

    /// The platform whose app links use `scheme`.
    pub fn of_scheme(scheme: &str) -> Option<Platform> {
        Platform::ALL.iter().copied().find(|p| {
            p.descriptor()
                .schemes
                .iter()
                .any(|s| s.eq_ignore_ascii_case(scheme))
        })
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Every word of every platform, with its platform.
pub fn words() -> impl Iterator<Item = (&'static str, Platform)> {
    Platform::ALL
        .iter()
        .flat_map(|p| p.descriptor().words.iter().map(move |w| (*w, *p)))
}

impl Descriptor {
    /// The name a link of this platform names, and what kind of name it is.
    pub(crate) fn read(&self, parts: &LinkParts<'_>) -> (String, Form) {
        (self.read_link)(parts)
    }

    /// A name as the platform reads it: `+1 555 0100` → `+15550100` on WhatsApp, `id123` →
    /// `123` on the App Store.
    pub fn tidy(&self, name: &str) -> String {
        (self.tidy)(name)
    }

    /// The form of a registry value.
    pub fn form_of(&self, value: &str) -> Form {
        (self.form_of)(value)
    }

    /// Whether `name` can be a name of this platform in `form`; the rule when not.
    ///
    /// ```
    /// use contactguard::input::handle::{Form, Platform};
    ///
    /// let x = Platform::X.descriptor();
    /// assert!(x.check("TokenPocket_TP", Form::Name).is_ok());
    /// assert_eq!(x.check("way_too_long_for_x", Form::Name), Err("1 to 15 letters, digits or _"));
    /// ```
    pub fn check(&self, name: &str, form: Form) -> Result<(), &'static str> {
        match form {
            Form::Opaque => Ok(()),
            _ => (self.rule)(name, form),
        }
    }

    /// The value as the registry holds it, checked: tidied, with the platform's rule. Editing
    /// the registry writes this; the lint refuses a value that is not already it.
    ///
    /// ```
    /// use contactguard::input::handle::Platform;
    ///
    /// let wa = Platform::Whatsapp.descriptor();
    /// assert_eq!(wa.registry_value("+1 (555) 010-0199"), Ok("+15550100199".to_owned()));
    /// assert!(Platform::Telegram.descriptor().registry_value("ab").is_err());
    /// ```
    ///
    /// # Errors
    /// The platform's rule, when the value breaks it.
    pub fn registry_value(&self, value: &str) -> Result<String, &'static str> {
        let value = self.tidy(value.trim().trim_start_matches('@'));
        let value = match self.kind {
            // A YouTube handle is kept with its `@`, which tells it from a legacy name.
            ChannelKind::Youtube if !value.starts_with("UC") || value.len() != 24 => {
                format!("@{value}")
            }
            _ => value,
        };
        self.check(&value, self.form_of(&value))?;
        Ok(value)
    }

    /// The identity of `name` in `form` on this platform, without the kind (`tokenpocket_tp`).
    pub(crate) fn fold(&self, name: &str, form: Form) -> String {
        (self.fold)(name, form)
    }

    /// Whether `id`, written after one of the platform's words in a text, is taken as its ID.
    pub(crate) fn labels(&self, id: &str) -> bool {
        self.label.is_some_and(|shape| shape(id))
    }

    /// Whether `scan` takes IDs written after the platform's words.
    pub(crate) fn has_labels(&self) -> bool {
        self.label.is_some()
    }

    /// The host of the pages an account publishes (`name.github.io`), when the platform gives
    /// each account one.
    pub(crate) fn page_host(&self, name: &str) -> Option<String> {
        self.page_host.map(|host| host(name))
    }

    /// A registry value, written as people recognise it (`@TokenPocket_TP`, `t.me/name`).
    pub fn shown(&self, value: &str) -> String {
        self.shown_as.replace("{}", value)
    }
}

/// The label of `host` one below `parent` (`name` of `name.t.me`, not of `a.name.t.me`).
pub(crate) fn account_below<'a>(host: &'a str, parent: &str) -> Option<&'a str> {
    host.strip_suffix(parent)?
        .strip_suffix('.')
        .filter(|label| !label.is_empty() && !label.contains('.'))
}

// Shared pieces of rows.

fn same(name: &str) -> String {
    name.to_owned()
}

fn names(_: &str) -> Form {
    Form::Name
}

fn exact(name: &str, _: Form) -> String {
    name.to_owned()
}

/// Names ignore case; invites and ids do not.
fn fold_names(name: &str, form: Form) -> String {
    match form {
        Form::Invite | Form::ChannelId => name.to_owned(),
        _ => name.to_lowercase(),
    }
}

fn opaque() -> (String, Form) {
    (String::new(), Form::Opaque)
}

fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn len_in(name: &str, range: std::ops::RangeInclusive<usize>) -> bool {
    range.contains(&name.chars().count())
}

fn starts_letter(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn digits(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

/// `+` and 7 to 15 digits, the first not 0.
fn e164(name: &str) -> bool {
    name.strip_prefix('+')
        .is_some_and(|d| len_in(d, 7..=15) && digits(d) && !d.starts_with('0'))
}

/// The form a value's prefix marks (`chat/…` an invite, `channel/…` a channel), else a name.
fn form_by_prefix(value: &str, prefixes: &[(&str, Form)]) -> Form {
    prefixes
        .iter()
        .find(|(prefix, _)| value.starts_with(prefix))
        .map_or(Form::Name, |(_, form)| *form)
}

/// Whether `name` is `prefix` and a code of letters and digits whose length is in `range`
/// (`chat/AbC…`, `q/AbCd`, `_xAbCd`).
fn code_after(name: &str, prefix: &str, range: std::ops::RangeInclusive<usize>) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|c| len_in(c, range) && c.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn rule(ok: bool, rule: &'static str) -> Result<(), &'static str> {
    if ok {
        Ok(())
    } else {
        Err(rule)
    }
}

// One module per platform: its link reader, its name rule, and the shape of an ID written after
// its words in a text.

mod x {
    use super::*;

    /// First path segments that are pages of X, not accounts.
    const RESERVED: &[&str] = &[
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

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let first = p.seg(0);
        if p.seg(1) == "status" {
            (first.to_owned(), Form::Post)
        } else if first == "intent" {
            (p.query("screen_name").unwrap_or_default(), Form::Name)
        } else if RESERVED.contains(&first.to_lowercase().as_str()) {
            opaque()
        } else {
            (first.to_owned(), Form::Name)
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 1..=15) && name.chars().all(word),
            "1 to 15 letters, digits or _",
        )
    }

    pub fn label(id: &str) -> bool {
        len_in(id, 2..=15) && !id.contains('-')
    }
}

mod telegram {
    use super::*;

    /// Names below t.me that are Telegram's own pages.
    const RESERVED_SUBDOMAINS: &[&str] = &[
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

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        if p.scheme == "tg" {
            return match p.host {
                "resolve" => (p.query("domain").unwrap_or_default(), Form::Name),
                "join" => (
                    format!("+{}", p.query("invite").unwrap_or_default()),
                    Form::Invite,
                ),
                _ => opaque(),
            };
        }
        let (first, second) = (p.seg(0), p.seg(1));
        if let Some(sub) = account_below(p.host, "t.me") {
            if RESERVED_SUBDOMAINS.contains(&sub) {
                opaque()
            } else {
                (sub.to_owned(), Form::Name)
            }
        } else if first.starts_with('+') {
            (first.to_owned(), Form::Invite)
        } else if first == "joinchat" {
            (format!("joinchat/{second}"), Form::Invite)
        } else if first == "s" {
            (second.to_owned(), Form::Name)
        } else if first == "c" {
            opaque()
        } else {
            (first.to_owned(), Form::Name)
        }
    }

    pub fn form(value: &str) -> Form {
        form_by_prefix(value, &[("+", Form::Invite), ("joinchat/", Form::Invite)])
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        if form == Form::Invite {
            let hash = name.trim_start_matches('+').trim_start_matches("joinchat/");
            return super::rule(
                !hash.is_empty() && hash.chars().all(|c| word(c) || c == '-'),
                "an invite is + followed by letters, digits, _ or -",
            );
        }
        super::rule(
            len_in(name, 4..=32)
                && name.chars().all(word)
                && starts_letter(name)
                && !name.ends_with('_')
                && !name.contains("__"),
            "4 to 32 letters, digits or _, starting with a letter, no trailing _ and no __",
        )
    }

    pub fn label(id: &str) -> bool {
        starts_letter(id) && len_in(id, 4..=32) && !id.contains('-')
    }
}

mod discord {
    use super::*;

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        if first == "invite" {
            (second.to_owned(), Form::Invite)
        } else if p.host == "discord.gg" {
            (first.to_owned(), Form::Invite)
        } else {
            opaque()
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 2..=32) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "an invite code is 2 to 32 letters, digits or -",
        )
    }

    pub fn label(id: &str) -> bool {
        starts_letter(id) && len_in(id, 2..=32)
    }
}

mod wechat {
    use super::*;

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 6..=20)
                && starts_letter(name)
                && name.chars().all(|c| word(c) || c == '-'),
            "a WeChat ID is 6 to 20 letters, digits, _ or -, starting with a letter",
        )
    }

    /// A WeChat ID, or the phone number an account was opened with.
    pub fn label(id: &str) -> bool {
        (starts_letter(id) && len_in(id, 6..=20)) || (digits(id) && len_in(id, 5..=15))
    }
}

mod weibo {
    use super::*;

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        match first {
            "u" | "profile" => (second.to_owned(), Form::ChannelId),
            "n" => (second.to_owned(), Form::Name),
            _ => (first.to_owned(), Form::Name),
        }
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        if form == Form::ChannelId {
            return super::rule(
                len_in(name, 5..=12) && digits(name),
                "a Weibo UID is 5 to 12 digits",
            );
        }
        super::rule(
            len_in(name, 1..=30)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-'),
            "up to 30 letters, CJK characters, digits, _ or -",
        )
    }
}

mod github {
    use super::*;

    /// First path segments that are pages of GitHub, not accounts.
    const RESERVED: &[&str] = &[
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

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        if first == "orgs" && !second.is_empty() {
            (second.to_owned(), Form::Name)
        } else if RESERVED.contains(&first.to_lowercase().as_str()) {
            opaque()
        } else {
            (first.to_owned(), Form::Name)
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 1..=39)
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !name.starts_with('-')
                && !name.contains("--"),
            "1 to 39 letters, digits or -, not starting with - and no --",
        )
    }
}

mod youtube {
    use super::*;

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        match first {
            "channel" => (second.to_owned(), Form::ChannelId),
            "c" | "user" => (second.to_owned(), Form::Name),
            f if f.starts_with('@') => (f.to_owned(), Form::Name),
            _ => opaque(),
        }
    }

    pub fn is_channel_id(s: &str) -> bool {
        s.len() == 24 && s.starts_with("UC") && s.chars().all(|c| word(c) || c == '-')
    }

    pub fn form(value: &str) -> Form {
        if is_channel_id(value) {
            Form::ChannelId
        } else {
            Form::Name
        }
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        if form == Form::ChannelId {
            return super::rule(
                is_channel_id(name),
                "a channel id is UC followed by 22 letters, digits, _ or -",
            );
        }
        let h = name.trim_start_matches('@');
        super::rule(
            len_in(h, 3..=30)
                && h.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '·')),
            "a handle is 3 to 30 letters, digits, _, - or .",
        )
    }
}

mod medium {
    use super::*;

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        if let Some(sub) = account_below(p.host, "medium.com") {
            (sub.to_owned(), Form::Name)
        } else if let Some(user) = p.seg(0).strip_prefix('@') {
            (user.to_owned(), Form::Name)
        } else {
            opaque()
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 1..=64) && name.chars().all(|c| word(c) || matches!(c, '.' | '-')),
            "letters, digits, _, . or -",
        )
    }
}

mod app_store {
    use super::*;

    /// `/cn/app/tokenpocket/id1436028697`: the id is the last `idNNN` segment.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        match p
            .segs
            .iter()
            .rev()
            .find_map(|seg| seg.strip_prefix("id").filter(|d| digits(d)))
        {
            Some(id) => (id.to_owned(), Form::ChannelId),
            None => opaque(),
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 6..=12) && digits(name),
            "an App Store id is 6 to 12 digits",
        )
    }
}

mod google_play {
    use super::*;

    /// `play.google.com/store/apps/details?id=…`, and Android's own `market://details?id=…`.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let details = if p.scheme == "market" {
            p.host == "details"
        } else {
            p.segs
                .iter()
                .map(String::as_str)
                .eq(["store", "apps", "details"])
        };
        match details {
            true => (p.query("id").unwrap_or_default(), Form::Name),
            false => opaque(),
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        let part = |p: &str| starts_letter(p) && p.chars().all(word);
        super::rule(
            len_in(name, 3..=150) && name.contains('.') && name.split('.').all(part),
            "a package name is words of letters, digits and _ joined by dots",
        )
    }
}

mod whatsapp {
    use super::*;

    /// `wa.me/15550100199` and `api.whatsapp.com/send?phone=…` open a chat with the account of
    /// that number; `chat.whatsapp.com/CODE` is a group invite; `whatsapp.com/channel/ID` a
    /// channel; `wa.me/message/CODE` a business's short link, which names no number offline.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        let number = |n: &str| (tidy(&format!("+{}", n.trim_start_matches('+'))), Form::Name);
        match p.host {
            "wa.me" if digits(first) => number(first),
            "chat.whatsapp.com" if !first.is_empty() => (format!("chat/{first}"), Form::Invite),
            "whatsapp.com" if first == "channel" && !second.is_empty() => {
                (format!("channel/{second}"), Form::ChannelId)
            }
            _ if p.scheme == "whatsapp" || first == "send" => match p.query("phone") {
                Some(n) if !n.is_empty() => number(&n),
                _ => opaque(),
            },
            _ => opaque(),
        }
    }

    /// A number as WhatsApp reads it: digits after `+`, with spaces, dashes, dots and
    /// brackets dropped and `00` read as `+`.
    pub fn tidy(name: &str) -> String {
        if name.starts_with("chat/") || name.starts_with("channel/") {
            return name.to_owned();
        }
        let kept: String = name
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
            .collect();
        match kept.strip_prefix("00") {
            Some(rest) if !kept.starts_with('+') => format!("+{rest}"),
            _ if digits(&kept) => format!("+{kept}"),
            _ => kept,
        }
    }

    pub fn form(value: &str) -> Form {
        form_by_prefix(
            value,
            &[("chat/", Form::Invite), ("channel/", Form::ChannelId)],
        )
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        match form {
            Form::Invite => super::rule(
                code_after(name, "chat/", 8..=40),
                "a group invite is chat/ followed by its code",
            ),
            Form::ChannelId => super::rule(
                code_after(name, "channel/", 8..=40),
                "a channel is channel/ followed by its id",
            ),
            _ => super::rule(
                e164(name),
                "a WhatsApp account is a phone number: + and the country code, 7 to 15 digits",
            ),
        }
    }
}

mod qq {
    use super::*;

    /// `wpa.qq.com/msgrd?uin=NUMBER` and `tencent://message/?uin=NUMBER` open a chat with a QQ
    /// number; `qm.qq.com/q/CODE` is an invite to a person or group; `qm.qq.com/cgi-bin/qm/qr?
    /// k=KEY` and group pages name no number offline.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        if let Some(uin) = p.query("uin").filter(|u| digits(u)) {
            return (uin, Form::Name);
        }
        if p.host == "qm.qq.com" && p.seg(0) == "q" && !p.seg(1).is_empty() {
            return (format!("q/{}", p.seg(1)), Form::Invite);
        }
        opaque()
    }

    pub fn form(value: &str) -> Form {
        form_by_prefix(value, &[("q/", Form::Invite)])
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        if form == Form::Invite {
            return super::rule(
                code_after(name, "q/", 4..=32),
                "a QQ invite is q/ followed by its code",
            );
        }
        super::rule(
            len_in(name, 5..=12) && digits(name) && !name.starts_with('0'),
            "a QQ number is 5 to 12 digits, not starting with 0",
        )
    }

    pub fn label(id: &str) -> bool {
        digits(id) && len_in(id, 5..=12)
    }
}

mod line {
    use super::*;

    /// `line.me/R/ti/p/@id` (an official account), `line.me/ti/p/~id` (a person's ID),
    /// `page.line.me/id`, and `lin.ee/CODE` (a short invite, named as it is written).
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        if p.host == "lin.ee" && !p.seg(0).is_empty() {
            return (format!("lin.ee/{}", p.seg(0)), Form::Invite);
        }
        if p.host == "page.line.me" && !p.seg(0).is_empty() {
            return (p.seg(0).trim_start_matches('@').to_owned(), Form::Name);
        }
        let segs: Vec<&str> = p.segs.iter().map(String::as_str).collect();
        let segs = match segs.first() {
            Some(r) if r.eq_ignore_ascii_case("r") => &segs[1..],
            _ => &segs[..],
        };
        // `line://ti/p/@id`: the host is the first segment.
        let segs: Vec<&str> = if p.scheme == "line" {
            std::iter::once(p.host)
                .chain(segs.iter().copied())
                .collect()
        } else {
            segs.to_vec()
        };
        match segs.as_slice() {
            ["ti", "p", id, ..] => (id.trim_start_matches(['@', '~']).to_owned(), Form::Name),
            _ => opaque(),
        }
    }

    pub fn form(value: &str) -> Form {
        form_by_prefix(value, &[("lin.ee/", Form::Invite)])
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        if form == Form::Invite {
            return super::rule(
                code_after(name, "lin.ee/", 4..=16),
                "a short invite is lin.ee/ followed by its code",
            );
        }
        super::rule(
            len_in(name, 4..=20) && name.chars().all(|c| word(c) || matches!(c, '.' | '-')),
            "a LINE ID is 4 to 20 letters, digits, ., _ or -",
        )
    }

    /// A LINE ID written after `LINE:`, starting with a letter: after the English word "line",
    /// `2024` or `1-888-COINBASE` is a line of text or a phone number, not an ID.
    pub fn label(id: &str) -> bool {
        starts_letter(id) && rule(id, Form::Name).is_ok()
    }
}

mod facebook {
    use super::*;

    /// First path segments that are pages of Facebook, not accounts.
    const RESERVED: &[&str] = &[
        "home.php",
        "login",
        "login.php",
        "watch",
        "marketplace",
        "gaming",
        "events",
        "help",
        "policies",
        "privacy",
        "settings",
        "share",
        "sharer",
        "sharer.php",
        "dialog",
        "photo",
        "photo.php",
        "story.php",
        "permalink.php",
        "reel",
        "reels",
        "hashtag",
        "search",
        "stories",
        "notes",
        "media",
        "l.php",
        "plugins",
        "business",
        "ads",
        "messages",
        "friends",
        "bookmarks",
        "pages",
        "public",
    ];

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        match first {
            "profile.php" => match p.query("id").filter(|id| digits(id)) {
                Some(id) => (id, Form::ChannelId),
                None => opaque(),
            },
            // `facebook.com/people/Name/100064…`: the number is the account.
            "people" => match p.seg(2) {
                id if digits(id) => (id.to_owned(), Form::ChannelId),
                _ => opaque(),
            },
            "groups" if !second.is_empty() => match digits(second) {
                true => (second.to_owned(), Form::ChannelId),
                false => (second.to_owned(), Form::Name),
            },
            f if RESERVED.contains(&f.to_lowercase().as_str()) || f.is_empty() => opaque(),
            f if matches!(second, "posts" | "videos" | "photos") => (f.to_owned(), Form::Post),
            f => (f.to_owned(), Form::Name),
        }
    }

    pub fn form(value: &str) -> Form {
        if digits(value) {
            Form::ChannelId
        } else {
            Form::Name
        }
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        if form == Form::ChannelId {
            return super::rule(
                len_in(name, 5..=20) && digits(name),
                "a Facebook id is 5 to 20 digits",
            );
        }
        super::rule(
            len_in(name, 5..=50)
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')),
            "a Facebook name is 5 to 50 letters, digits or .",
        )
    }
}

mod instagram {
    use super::*;

    /// First path segments that are pages of Instagram, not accounts.
    const RESERVED: &[&str] = &[
        "p",
        "reel",
        "reels",
        "tv",
        "explore",
        "accounts",
        "direct",
        "about",
        "developer",
        "legal",
        "web",
        "challenge",
        "emails",
        "stories",
    ];

    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        if first == "stories" && !second.is_empty() {
            (second.to_owned(), Form::Name)
        } else if RESERVED.contains(&first.to_lowercase().as_str()) || first.is_empty() {
            opaque()
        } else {
            (first.to_owned(), Form::Name)
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 1..=30)
                && name.chars().all(|c| word(c) || c == '.')
                && !name.starts_with('.')
                && !name.ends_with('.')
                && !name.contains(".."),
            "1 to 30 letters, digits, _ or ., not starting or ending with . and no ..",
        )
    }
}

mod tiktok {
    use super::*;

    /// `tiktok.com/@name`, `…/@name/video/ID` (shown whoever posted it); `vm.tiktok.com/CODE`
    /// short links name no account offline.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        match p.seg(0).strip_prefix('@') {
            Some(name) if p.seg(1) == "video" => (name.to_owned(), Form::Post),
            Some(name) => (name.to_owned(), Form::Name),
            None => opaque(),
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        super::rule(
            len_in(name, 2..=24) && name.chars().all(|c| word(c) || c == '.'),
            "2 to 24 letters, digits, _ or .",
        )
    }
}

mod reddit {
    use super::*;

    /// `reddit.com/user/NAME` or `/u/NAME`; `reddit.com/r/NAME` is a community, named `r/NAME`.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        match first {
            "u" | "user" if !second.is_empty() => (second.to_owned(), Form::Name),
            "r" if !second.is_empty() => match p.seg(2) {
                "comments" => (format!("r/{second}"), Form::Post),
                _ => (format!("r/{second}"), Form::Name),
            },
            _ => opaque(),
        }
    }

    /// `u/name` is `name`.
    pub fn tidy(name: &str) -> String {
        name.strip_prefix("u/")
            .or_else(|| name.strip_prefix("/u/"))
            .unwrap_or(name)
            .trim_start_matches('/')
            .to_owned()
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        if let Some(community) = name.strip_prefix("r/") {
            return super::rule(
                len_in(community, 3..=21) && community.chars().all(word),
                "a community is r/ and 3 to 21 letters, digits or _",
            );
        }
        super::rule(
            len_in(name, 3..=20) && name.chars().all(|c| word(c) || c == '-'),
            "a Reddit user name is 3 to 20 letters, digits, _ or -",
        )
    }
}

mod kakao {
    use super::*;

    /// `pf.kakao.com/_id` is a channel; `open.kakao.com/o/CODE` an open chat.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let (first, second) = (p.seg(0), p.seg(1));
        match p.host {
            "pf.kakao.com" if first.starts_with('_') => (first.to_owned(), Form::ChannelId),
            "open.kakao.com" if first == "o" && !second.is_empty() => {
                (format!("o/{second}"), Form::Invite)
            }
            _ => opaque(),
        }
    }

    pub fn form(value: &str) -> Form {
        form_by_prefix(value, &[("_", Form::ChannelId), ("o/", Form::Invite)])
    }

    pub fn rule(name: &str, form: Form) -> Result<(), &'static str> {
        match form {
            Form::ChannelId => super::rule(
                code_after(name, "_", 3..=16),
                "a channel is _ followed by its letters and digits",
            ),
            Form::Invite => super::rule(
                code_after(name, "o/", 4..=16),
                "an open chat is o/ followed by its code",
            ),
            _ => super::rule(
                len_in(name, 4..=20) && name.chars().all(|c| word(c) || matches!(c, '.' | '-')),
                "a KakaoTalk ID is 4 to 20 letters, digits, ., _ or -",
            ),
        }
    }

    pub fn label(id: &str) -> bool {
        id.chars().any(|c| c.is_ascii_alphabetic()) && rule(id, Form::Name).is_ok()
    }
}

mod signal {
    use super::*;

    /// `signal.me/#p/+NUMBER` names a phone number; `signal.me/#eu/…` carries the username
    /// encrypted and `signal.group/#…` a group key: neither names an account offline.
    pub fn link(p: &LinkParts<'_>) -> (String, Form) {
        let fragment = p.url.fragment().unwrap_or_default();
        match fragment.strip_prefix("p/") {
            Some(number) if e164(number) => (number.to_owned(), Form::Name),
            _ => opaque(),
        }
    }

    pub fn rule(name: &str, _: Form) -> Result<(), &'static str> {
        let username = name.rsplit_once('.').is_some_and(|(nick, number)| {
            len_in(nick, 3..=32)
                && !nick.starts_with(|c: char| c.is_ascii_digit())
                && nick.chars().all(word)
                && len_in(number, 2..=9)
                && digits(number)
        });
        super::rule(
            username || e164(name),
            "a Signal username is a name, a dot and at least two digits (name.01), or a phone number",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_account_has_one_row() {
        for p in Platform::ALL {
            assert_eq!(Platform::of_kind(p.kind()), Some(*p), "{p}");
            for host in p.descriptor().hosts {
                assert_eq!(Platform::of_host(host), Some(*p), "{host}");
            }
        }
        let mut words: Vec<&str> = words().map(|(w, _)| w).collect();
        let all = words.len();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), all, "a word names two platforms");
        for (w, _) in super::words() {
            assert_eq!(w, w.to_lowercase(), "words are lowercase");
        }
    }

    #[test]
    fn registry_values_are_tidied_and_checked() {
        let value = |p: Platform, v: &str| p.descriptor().registry_value(v);
        assert_eq!(
            value(Platform::AppStore, "id1436028697"),
            Ok("1436028697".into())
        );
        assert_eq!(
            value(Platform::Whatsapp, "0044 20 7946 0000"),
            Ok("+442079460000".into())
        );
        assert_eq!(
            value(Platform::Youtube, "TokenPocket"),
            Ok("@TokenPocket".into())
        );
        assert_eq!(value(Platform::Reddit, "u/spez"), Ok("spez".into()));
        assert!(value(Platform::Signal, "alice").is_err());
        assert!(value(Platform::Qq, "0123456").is_err());
    }
}
