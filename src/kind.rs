//! What kind of contact something is: the kind an input is read as ([`Kind`]) and the kind of
//! channel a registry lists ([`ChannelKind`]). The bottom of the crate: input parsers, the
//! registry model and verdicts all name kinds, and this module names nothing of theirs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of contact an input is.
///
/// ```
/// use contactguard::{Checker, Kind};
///
/// let checker = Checker::builtin()?;
/// assert_eq!(checker.check("https://tokenpocket.pro/en").kind, Kind::Url);
/// assert_eq!(checker.check("tokenpocket.pro").kind, Kind::Domain);
/// assert_eq!(checker.check("+1 888 908 7930").kind, Kind::Phone);
/// assert_eq!(checker.check("@TokenPocket_TP").kind, Kind::Handle);
/// assert_eq!(checker.check("service@tokenpocket.pro").kind, Kind::Email);
/// # Ok::<(), contactguard::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A link with a scheme, path, port or user information.
    Url,
    /// A bare domain name.
    Domain,
    /// A telephone number.
    Phone,
    /// A social-media handle.
    Handle,
    /// An e-mail address.
    Email,
    /// Words rather than one contact: a sentence, a message or a search phrase
    /// (`请联系TP钱包客服微信 tpkefu888`, `TP钱包客服电话`). `check` reads it as `scan` would: the
    /// verdict is on its worst contact, or on the channel it claims, or `invalid`.
    Text,
}

impl Kind {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Url => "url",
            Kind::Domain => "domain",
            Kind::Phone => "phone",
            Kind::Handle => "handle",
            Kind::Email => "email",
            Kind::Text => "text",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! channel_kinds {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// The kinds of contact a channel can be. The JSON names are fixed; kinds are added,
        /// never renamed, and a registry's channels of a kind this library does not know are
        /// skipped when it is read.
        ///
        /// ```
        /// use contactguard::registry::ChannelKind;
        ///
        /// assert_eq!(ChannelKind::AndroidApp.as_str(), "android_app");
        /// assert_eq!(ChannelKind::ALL[0], ChannelKind::Domain);
        /// ```
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[derive(Clone, Copy, Debug, Deserialize, Eq, Hash, Ord, PartialEq, PartialOrd, Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum ChannelKind {
            $(#[doc = $doc] $variant,)*
        }

        impl ChannelKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [ChannelKind] = &[$(ChannelKind::$variant,)*];

            /// The JSON name of the kind (`domain`, `x`, `android_app` …).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ChannelKind::$variant => $name,)*
                }
            }
        }
    };
}

channel_kinds! {
    Domain => "domain", "A web domain or host.";
    Phone => "phone", "A telephone number, E.164.";
    Email => "email", "An e-mail address, or `*@domain` for any address at a domain.";
    X => "x", "An X (Twitter) handle, without `@`.";
    Telegram => "telegram", "A Telegram username or invite.";
    Discord => "discord", "A Discord invite code.";
    Wechat => "wechat", "A WeChat ID or official account.";
    Weibo => "weibo", "A Weibo UID or name.";
    Github => "github", "A GitHub user or organisation.";
    Youtube => "youtube", "A YouTube channel id (`UC…`) or `@handle`.";
    Medium => "medium", "A Medium username.";
    AndroidApp => "android_app", "A Google Play package name.";
    IosApp => "ios_app", "A numeric App Store id.";
    Whatsapp => "whatsapp", "A WhatsApp account (its E.164 number), group invite or channel.";
    Qq => "qq", "A QQ number or group number, or a `qm.qq.com` invite.";
    Line => "line", "A LINE ID, or a `lin.ee` invite.";
    Facebook => "facebook", "A Facebook page or user name, or a numeric id.";
    Instagram => "instagram", "An Instagram username.";
    Tiktok => "tiktok", "A TikTok username, without `@`.";
    Reddit => "reddit", "A Reddit user, or a community as `r/name`.";
    Kakao => "kakao", "A KakaoTalk channel (`_id`), open chat (`o/code`) or ID.";
    Signal => "signal", "A Signal username (`name.01`) or the E.164 number of an account.";
}
