//! What the library reports, in words for people, in English and Chinese: technique names,
//! details, channel kinds, number types. The structured [`Detail`] is rendered here, so every
//! language says the same; the CLI and apps read it alike. For Traditional characters, pass the
//! Chinese through [`crate::normalize::hant::to_traditional`].
//!
//! ```
//! use contactguard::i18n::{detail, technique};
//! use contactguard::registry::Lang;
//! use contactguard::Checker;
//!
//! let v = Checker::builtin()?.check("tokenp0cket.pro");
//! let f = &v.findings[0];
//! assert_eq!(technique(f.technique, Lang::Zh), "形近字符");
//! assert!(detail(&f.detail, Lang::Zh).contains("冒充 'o'"));
//! assert_eq!(detail(&f.detail, Lang::En), f.detail.to_string());
//! # Ok::<(), contactguard::Error>(())
//! ```

use crate::input::phone::NumberType;
use crate::registry::{ChannelKind, Lang};
use crate::{Change, CharInfo, Detail, Technique};

/// The short name of a technique, as a reader would say it.
pub fn technique(t: Technique, lang: Lang) -> &'static str {
    let (en, zh) = match t {
        Technique::Exact => ("exact match", "完全一致"),
        Technique::OfficialSubdomain => ("official subdomain", "官方域名下的子域名"),
        Technique::Homoglyph => ("lookalike characters", "形近字符"),
        Technique::MixedScript => ("mixed scripts", "混用多种文字"),
        Technique::WholeScript => (
            "foreign letters that look Latin",
            "整体换用形似拉丁字母的外文字母",
        ),
        Technique::Typo => ("misspelling", "拼写篡改"),
        Technique::Transposition => ("swapped letters", "字母调换"),
        Technique::Combosquat => ("brand name plus words", "品牌名加词"),
        Technique::TldSwap => ("other domain ending", "更换域名后缀"),
        Technique::SubdomainEmbedding => ("brand hidden in a subdomain", "品牌名藏在子域名里"),
        Technique::PathEmbedding => ("brand hidden in the path", "品牌域名藏在链接路径里"),
        Technique::Userinfo => ("fake host before '@'", "'@' 前的伪装主机名"),
        Technique::IpHost => ("bare IP address", "直接使用 IP 地址"),
        Technique::InvisibleChars => ("invisible characters", "隐藏字符"),
        Technique::BidiControl => ("text-direction characters", "文字方向控制符"),
        Technique::Shortener => ("link shortener", "短链接"),
        Technique::FreeHosting => ("free hosting", "免费托管网站"),
        Technique::HandleAffix => ("handle with added words", "账号名加缀"),
        Technique::DigitLookalike => ("letters for digits", "用字母冒充数字"),
        Technique::PrefixSwap => ("other number prefix", "更换号码前缀"),
        Technique::NoSuchChannel => ("channel the brand does not have", "品牌根本没有这种渠道"),
        Technique::BrandMention => ("brand name used", "冒用品牌名"),
        Technique::LookalikeDelimiter => ("look-alike punctuation", "伪装成标点的字符"),
        Technique::ExtraRecipient => ("hidden extra recipient", "暗中加了收件人"),
        Technique::DeceptiveLinkText => ("link text that lies", "链接文字与实际去向不符"),
    };
    pick(lang, en, zh)
}

/// What a channel of this kind is called.
pub fn kind_noun(kind: ChannelKind, lang: Lang) -> &'static str {
    let (en, zh) = match kind {
        ChannelKind::Domain => ("website", "网站"),
        ChannelKind::Phone => ("phone number", "电话号码"),
        ChannelKind::Email => ("e-mail address", "电子邮箱"),
        ChannelKind::X => ("X account", "X（推特）账号"),
        ChannelKind::Telegram => ("Telegram", "Telegram（电报）"),
        ChannelKind::Discord => ("Discord", "Discord"),
        ChannelKind::Wechat => ("WeChat account", "微信账号"),
        ChannelKind::Weibo => ("Weibo account", "微博账号"),
        ChannelKind::Github => ("GitHub account", "GitHub 账号"),
        ChannelKind::Youtube => ("YouTube channel", "YouTube 频道"),
        ChannelKind::Medium => ("Medium blog", "Medium 博客"),
        ChannelKind::AndroidApp => ("Android app", "安卓应用"),
        ChannelKind::IosApp => ("iOS app", "iOS 应用"),
    };
    pick(lang, en, zh)
}

/// The plural heading for a brand's channels of a kind ("websites").
pub fn kind_plural(kind: ChannelKind, lang: Lang) -> &'static str {
    let (en, zh) = match kind {
        ChannelKind::Domain => ("websites", "网站"),
        ChannelKind::Phone => ("phone numbers", "电话"),
        ChannelKind::Email => ("e-mail addresses", "电子邮箱"),
        ChannelKind::X => ("X (Twitter)", "X（推特）"),
        ChannelKind::Telegram => ("Telegram", "Telegram（电报）"),
        ChannelKind::Discord => ("Discord", "Discord"),
        ChannelKind::Wechat => ("WeChat", "微信"),
        ChannelKind::Weibo => ("Weibo", "微博"),
        ChannelKind::Github => ("GitHub", "GitHub"),
        ChannelKind::Youtube => ("YouTube", "YouTube"),
        ChannelKind::Medium => ("Medium", "Medium"),
        ChannelKind::AndroidApp => ("Android app (Google Play)", "安卓应用（Google Play）"),
        ChannelKind::IosApp => ("iOS app (App Store id)", "iOS 应用（App Store 编号）"),
    };
    pick(lang, en, zh)
}

/// The type of a phone number.
pub fn number_type(t: NumberType, lang: Lang) -> &'static str {
    use NumberType as T;
    let (en, zh) = match t {
        T::FixedLine => ("landline", "固定电话"),
        T::Mobile => ("mobile", "手机"),
        T::FixedLineOrMobile => ("landline or mobile", "固定电话或手机"),
        T::TollFree => ("toll-free", "免费电话"),
        T::PremiumRate => ("premium rate", "付费电话"),
        T::SharedCost => ("shared cost (400-type)", "400 类共同付费号码"),
        T::Voip => ("internet (VoIP)", "网络电话"),
        T::PersonalNumber => ("personal number", "个人号码"),
        T::Pager => ("pager", "寻呼"),
        T::Uan => ("universal access number", "统一接入号码"),
        T::Voicemail => ("voicemail", "语音信箱"),
        T::ShortCode => ("short service code", "短号码"),
        T::Unknown => ("not a valid number in its region", "在其地区不是有效号码"),
    };
    pick(lang, en, zh)
}

/// The finding's detail in one sentence.
pub fn detail(d: &Detail, lang: Lang) -> String {
    if lang == Lang::En {
        return d.to_string();
    }
    match d {
        Detail::Exact => "与官方渠道完全一致".to_owned(),
        Detail::InsideScope { domain } => format!("是官方域名 {domain} 下的主机"),
        Detail::Lookalike { changes } => format!("看起来一样，实际不同：{}", changes_zh(changes)),
        Detail::Edits { changes } => format!("只差一点：{}", changes_zh(changes)),
        Detail::Suffix { found, expected } => {
            format!("名字相同，但后缀是 .{found} 而不是 .{expected}")
        }
        Detail::Words { brand_part, extra } => format!(
            "品牌名 '{brand_part}' 加上了 {}",
            extra
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join("、")
        ),
        Detail::Embedded { part, real } => format!("品牌出现在 '{part}' 里，但链接实际通往 {real}"),
        Detail::RealHost { userinfo, host } => {
            format!("'{userinfo}@' 只是装饰，真正的主机是 {host}")
        }
        Detail::IpAddress { host } => format!("链接直接指向 IP 地址 {host}"),
        Detail::Hidden { chars, count, .. } => format!(
            "藏有{}看不见的字符：{}",
            if *count > chars.len() {
                format!(" {count} 个")
            } else {
                String::new()
            },
            chars.iter().map(char_zh).collect::<Vec<_>>().join("、")
        ),
        Detail::Scripts { scripts } => format!("混用了 {} 文字", scripts.join(" + ")),
        Detail::Shortened { host } => {
            format!("{host} 是短链接服务，离线无法知道它指向哪里；请不要打开")
        }
        Detail::FreeHost { suffix } => {
            format!("建在 {suffix} 上，这是任何人都能免费建站的托管服务")
        }
        Detail::Name { name } => format!("使用了品牌名 '{name}'，但品牌并未公布它"),
        Detail::NoChannel { brand, kind } => format!(
            "{brand} 根本没有公布任何{}：接电话的人不是 {brand}",
            kind_noun(*kind, lang)
        ),
        Detail::Prefix { found, expected } => {
            format!("官方号码的数字换上了前缀 {found}（官方是 {expected}）")
        }
        Detail::Claimed { brand } => format!("自称是 {brand} 的，但不在 {brand} 公布的渠道中"),
        Detail::OtherPlatform {
            brand,
            name,
            official_on,
            used_on,
            listed,
        } => match listed {
            Some(l) => format!("{brand} 在 {official_on} 上的账号是 {name}；它在 {used_on} 上的账号是 {l}，而这个账号不在登记册中：同一个名字在另一个平台上不说明是谁在用"),
            None => format!("{brand} 在 {official_on} 上的账号是 {name}；登记册中没有它在 {used_on} 上的账号：同一个名字在另一个平台上不说明是谁在用"),
        },
        Detail::UnlistedName {
            brand,
            platform,
            listed,
        } => match listed {
            Some(l) => format!("这是 {brand} 的名字，但登记册中 {brand} 在 {platform} 上的账号是 {l}：这个账号可能属于任何人"),
            None => format!("这是 {brand} 的名字，但登记册中没有 {brand} 在 {platform} 上的账号：这个账号可能属于任何人"),
        },
        Detail::OtherBrand { owner, claimed } => {
            format!("这是 {owner} 的，不是 {claimed} 的：这段文字把它说成是 {claimed} 的")
        }
        Detail::Delimiter { chars, shown, real } => format!(
            "{} 只是看起来像链接里的标点：它读起来是 {shown}，但浏览器实际打开的是 {real}",
            chars.iter().map(char_zh).collect::<Vec<_>>().join("、")
        ),
        Detail::Unopenable { chars, reads_as } => {
            if chars.is_empty() {
                format!("浏览器和邮件程序都无法按原样打开它；它看起来像 {reads_as}")
            } else {
                format!(
                    "浏览器和邮件程序都无法按原样打开它：{} 只是看起来像标点；它看起来像 {reads_as}",
                    chars.iter().map(char_zh).collect::<Vec<_>>().join("、")
                )
            }
        }
        Detail::DisplayName { name, mailbox } => {
            format!("显示的名字是 '{name}'，但邮件实际发往 {mailbox}")
        }
        Detail::Recipients { shown, others } => {
            format!("除了 {shown}，邮件还会发给 {}", others.join("、"))
        }
        Detail::Keypad { written, dialled } => {
            format!("{written} 中的字母按电话键盘拨号，实际拨打的是 {dialled}")
        }
        Detail::OfficialOn { brand, platforms } => format!(
            "这个名字只在 {} 上是 {brand} 的官方账号；在其他平台上任何人都可能注册它：请说明它在哪个平台",
            platforms.join("、")
        ),
        Detail::KnownLookalike {
            domain,
            holder,
            brand,
        } => format!("{domain} 看起来像 {brand} 的网址，但属于别人：{holder}。它不是 {brand} 的渠道"),
        Detail::LinkText { shown, opens } => {
            format!("链接文字显示的是 {shown}，但点开去的是 {opens}")
        }
        Detail::Numerals { written, dialled } => {
            format!("{written} 是用中文数字写的号码，按数字拨打的是 {dialled}")
        }
        Detail::InText { contact, others } => match others {
            0 => format!("按一段文字读取：其中的联系方式是 {contact}"),
            n => format!("按一段文字读取：其中的联系方式是 {contact}；文字里还有 {n} 个联系方式，请用 scan 检查全文"),
        },
        Detail::PostLink { account, platform } => format!(
            "{platform} 会显示这个链接里的帖子，不管是谁发的：链接里写着 {account} 并不代表帖子是 {account} 发的；请在页面上核对作者"
        ),
        Detail::Refanged { link } => {
            format!("按威胁情报的“去武装”写法书写，已还原为 {link} 再检查")
        }
        Detail::Mailbox {
            local,
            domain,
            free_provider,
        } => {
            if *free_provider {
                format!("把品牌名当作邮箱名 '{local}'，而 {domain} 是任何人都能注册的免费邮箱")
            } else {
                format!("把品牌名当作邮箱名 '{local}'，而 {domain} 不是品牌公布的域名")
            }
        }
    }
}

fn char_zh(c: &CharInfo) -> String {
    let visible = !c
        .text
        .chars()
        .any(|ch| ch.is_control() || crate::normalize::is_hidden(ch));
    if visible && !c.text.is_empty() {
        format!("'{}'（{}）", c.text, c.names)
    } else {
        format!("{}（{}）", c.codepoints, c.names)
    }
}

fn changes_zh(changes: &[Change]) -> String {
    changes
        .iter()
        .map(|c| match c {
            Change::Replaced { found, expected } => {
                format!("用 {}冒充 '{expected}'", char_zh(found))
            }
            Change::Inserted { found } => format!("多了 {}", char_zh(found)),
            Change::Missing { expected } => format!("少了 '{expected}'"),
            Change::Swapped { first, second } => format!("'{first}' 和 '{second}' 调换了位置"),
        })
        .collect::<Vec<_>>()
        .join("，")
}

/// `en` or `zh`, for `lang`.
fn pick<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        _ => en,
    }
}
