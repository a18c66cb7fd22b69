//! The Chinese (Simplified) catalogue: every sentence and name the library reports, one
//! exhaustive `match` per kind of message, so a message without Chinese words does not compile.
//! Traditional Chinese is this text converted ([`crate::normalize::hant`]).

use crate::input::email::EmailError;
use crate::input::handle::HandleError;
use crate::input::phone::NumberType;
use crate::input::phone::PhoneError;
use crate::input::url::LinkError;
use crate::registry::ChannelKind;
use crate::{Change, CharInfo, Detail, Problem, Technique};

/// The short name of a technique, as a reader would say it.
pub(super) fn technique(t: Technique) -> &'static str {
    match t {
        Technique::Exact => "完全一致",
        Technique::OfficialSubdomain => "官方域名下的子域名",
        Technique::Homoglyph => "形近字符",
        Technique::MixedScript => "混用多种文字",
        Technique::WholeScript => "整体换用形似拉丁字母的外文字母",
        Technique::Typo => "拼写篡改",
        Technique::Transposition => "字母调换",
        Technique::Combosquat => "品牌名加词",
        Technique::TldSwap => "更换域名后缀",
        Technique::SubdomainEmbedding => "品牌名藏在子域名里",
        Technique::PathEmbedding => "品牌域名藏在链接路径里",
        Technique::Userinfo => "'@' 前的伪装主机名",
        Technique::IpHost => "直接使用 IP 地址",
        Technique::InvisibleChars => "隐藏字符",
        Technique::BidiControl => "文字方向控制符",
        Technique::Shortener => "短链接",
        Technique::FreeHosting => "免费托管网站",
        Technique::HandleAffix => "账号名加缀",
        Technique::DigitLookalike => "用字母冒充数字",
        Technique::PrefixSwap => "更换号码前缀",
        Technique::NoSuchChannel => "品牌根本没有这种渠道",
        Technique::BrandMention => "冒用品牌名",
        Technique::LookalikeDelimiter => "伪装成标点的字符",
        Technique::ExtraRecipient => "暗中加了收件人",
        Technique::DeceptiveLinkText => "链接文字与实际去向不符",
    }
}

/// What a channel of this kind is called.
pub(super) fn kind_noun(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Domain => "网站",
        ChannelKind::Phone => "电话号码",
        ChannelKind::Email => "电子邮箱",
        account => super::nouns(account).map_or(account.as_str(), |n| n.zh.one),
    }
}

/// The heading over a brand's channels of a kind.
pub(super) fn kind_plural(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Domain => "网站",
        ChannelKind::Phone => "电话",
        ChannelKind::Email => "电子邮箱",
        account => super::nouns(account).map_or(account.as_str(), |n| n.zh.heading),
    }
}

/// The type of a phone number.
pub(super) fn number_type(t: NumberType) -> &'static str {
    use NumberType as T;
    match t {
        T::FixedLine => "固定电话",
        T::Mobile => "手机",
        T::FixedLineOrMobile => "固定电话或手机",
        T::TollFree => "免费电话",
        T::PremiumRate => "付费电话",
        T::SharedCost => "400 类共同付费号码",
        T::Voip => "网络电话",
        T::PersonalNumber => "个人号码",
        T::Pager => "寻呼",
        T::Uan => "统一接入号码",
        T::Voicemail => "语音信箱",
        T::ShortCode => "短号码",
        T::Unknown => "在其地区不是有效号码",
    }
}

/// The finding's detail in one sentence.
pub(super) fn detail(d: &Detail) -> String {
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
            kind_noun(*kind)
        ),
        Detail::Prefix { found, expected } => {
            format!("官方号码的数字换上了前缀 {found}（官方是 {expected}）")
        }
        Detail::Claimed { brand } => format!("自称是 {brand} 的，但不在 {brand} 公布的渠道中"),
        Detail::OnlyAt { brand, kind, place } => {
            let noun = crate::i18n::kind_noun(*kind, crate::registry::Lang::Zh);
            format!("{brand}只在 {place} 显示它的{noun}；其他任何{noun}都不是{brand}的")
        }
        Detail::OtherPlatform {
            brand,
            name,
            official_on,
            used_on,
            listed,
        } => match listed {
            Some(l) => format!("{brand} 在 {official_on} 上的账号是 {name}；它在 {used_on} 上的账号是 {l}，而这个账号不在我们收录的官方渠道名单中：同一个名字在另一个平台上不说明是谁在用"),
            None => format!("{brand} 在 {official_on} 上的账号是 {name}；我们收录的官方渠道名单中没有它在 {used_on} 上的账号：同一个名字在另一个平台上不说明是谁在用"),
        },
        Detail::UnlistedName {
            brand,
            platform,
            listed,
        } => match listed {
            Some(l) => format!("这是 {brand} 的名字，但我们收录的官方渠道名单中 {brand} 在 {platform} 上的账号是 {l}：这个账号可能属于任何人"),
            None => format!("这是 {brand} 的名字，但我们收录的官方渠道名单中没有 {brand} 在 {platform} 上的账号：这个账号可能属于任何人"),
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
        Detail::NoneUseService { service, brands } => {
            format!("本名单中的 {brands} 个钱包和交易所，没有一家用中国 {service} 号码提供客服")
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
        Detail::Former { brand, kind, until } => {
            let noun = kind_noun(*kind);
            match until.as_str() {
                "unknown" => format!("这曾经是 {brand} 的{noun}，现在已不再使用；如今由谁掌握无从得知：请使用 {brand} 现在的官方渠道"),
                date => format!("这在 {date} 之前是 {brand} 的{noun}，现在已不再使用；如今由谁掌握无从得知：请使用 {brand} 现在的官方渠道"),
            }
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
    let kind = kind_of_char_zh(&c.names);
    if visible && !c.text.is_empty() {
        format!("'{}'（{kind}）", c.text)
    } else {
        format!("{}（{kind}）", c.codepoints)
    }
}

/// What kind of character a Unicode name describes, in words a Chinese reader knows (the
/// English character names stay in the JSON and the English text).
fn kind_of_char_zh(names: &str) -> &'static str {
    let first = names.split(',').next().unwrap_or(names).trim();
    let kinds: [(&str, &str); 12] = [
        ("DIGIT", "数字"),
        ("CYRILLIC", "西里尔字母，不是英文字母"),
        ("GREEK", "希腊字母，不是英文字母"),
        ("ARMENIAN", "亚美尼亚字母，不是英文字母"),
        ("FULLWIDTH", "全角字符"),
        ("MATHEMATICAL", "数学符号字母，不是普通英文字母"),
        ("LATIN", "带变音或特殊形状的拉丁字母"),
        ("ZERO WIDTH", "看不见的字符"),
        ("RIGHT-TO-LEFT", "改变文字方向的隐藏字符"),
        ("LEFT-TO-RIGHT", "改变文字方向的隐藏字符"),
        ("HYPHEN", "连字符"),
        ("SPACE", "空格类字符"),
    ];
    kinds
        .iter()
        .find(|(prefix, _)| first.contains(prefix))
        .map_or("看起来相似的其他字符", |(_, zh)| zh)
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

/// Why an input is invalid. A platform's rule for names and the reason a domain is not valid
/// are quoted in English.
pub(super) fn problem(p: &Problem) -> String {
    match p {
        Problem::Link(e) => match e {
            LinkError::Empty => "输入是空的；请粘贴链接（如 https://example.com）或域名（如 example.com）".to_owned(),
            LinkError::TooLong(n) => format!("输入长 {n} 字节，超过了链接的长度上限"),
            LinkError::Parse(e) => format!("这不是有效的链接（{e}）"),
            LinkError::Scheme(s) => format!("'{s}:' 不是网页链接；请粘贴 http(s) 链接或域名"),
            LinkError::NoHost => "这个链接没有写主机名".to_owned(),
            LinkError::NoDot(w) => format!("'{w}' 没有顶级域名；请写成域名（example.com）或链接"),
            LinkError::HostChar(h, c) => format!("'{h}' 不是主机名：主机名里不能有 '{c}'"),
            LinkError::EmptyLabel(h) => format!("'{h}' 的两个点之间是空的；请检查是否少写或多写了 '.'"),
            LinkError::TooLongName(h) => format!("'{h}' 比域名允许的最大长度还长"),
            LinkError::UnknownTld(t) => format!("'.{t}' 不是已知的顶级域名；如果这是链接，请加上 https://"),
            LinkError::Refused { chars, folded } => format!(
                "浏览器无法按原样打开这个链接{}：换成普通字符后它是 {folded}",
                if chars.is_empty() {
                    String::new()
                } else {
                    format!(
                        "（{} 只是看起来像标点）",
                        chars.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join("、")
                    )
                }
            ),
        },
        Problem::Phone(e) => match e {
            PhoneError::TooLong(n) => format!("输入长 {n} 字节，超过了电话号码的长度上限"),
            PhoneError::TooFewDigits(t) => format!("'{t}' 的数字太少，不是电话号码"),
            PhoneError::TooManyDigits(t) => format!("'{t}' 的数字比任何电话号码都多"),
            PhoneError::Character(c) => {
                format!("电话号码里不该有 '{c}'；请只用数字、空格、'+'、'-' 和括号书写号码")
            }
            PhoneError::Region(r) => format!("'{r}' 不是地区代码；请用两个字母，如 CN、US、HK"),
            PhoneError::Parse(why) => format!("这不是电话号码（{why}）"),
        },
        Problem::Handle(e) => match e {
            HandleError::TooLong(n) => format!("输入长 {n} 字节，超过了账号名的长度上限"),
            HandleError::Empty(t) => {
                format!("'{t}' 里没有账号名；请写成 @名字、“平台: 名字”或主页链接")
            }
            HandleError::Invalid {
                platform,
                name,
                rule,
            } => format!("'{name}' 不符合 {platform} 的账号名规则（{rule}）"),
        },
        Problem::Email(e) => match e {
            EmailError::TooLong(n) => format!("输入长 {n} 字节，超过了邮箱地址的长度上限"),
            EmailError::Shape(t) => format!("'{t}' 不是邮箱地址；请写成 name@example.com"),
            EmailError::Domain { address, reason } => {
                format!("'{address}' 的域名无效（{reason}）")
            }
            EmailError::Refused { address, at } => {
                format!("邮件程序无法按原样发送到 '{address}'：'{at}' 只是看起来像 '@'")
            }
            EmailError::Several(t) => format!("'{t}' 里有多个地址；请逐个检查"),
        },
        Problem::NoBrand(id) => {
            format!("名单中没有品牌 '{id}'；用 contactguard brands 查看全部品牌")
        }
        Problem::Control { code, at } => format!(
            "输入在第 {at} 字节处含有控制字符 U+{code:04X}；请以纯文本粘贴联系方式"
        ),
        Problem::Words => "这是一段文字，不是一个联系方式：其中没有电话号码、链接、账号或邮箱；要检查整段消息，请用 scan".to_owned(),
        Problem::Other(text) => text.clone(),
    }
}
