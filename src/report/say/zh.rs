//! The CLI's sentences in Chinese (Simplified; Traditional is this text converted).

use crate::Status;

use super::Msg;

/// The sentence `msg` in Chinese.
pub fn say(msg: &Msg<'_>) -> String {
    match msg {
        Msg::Status(status) => match status {
            Status::Official => "官方",
            Status::Impersonation => "仿冒",
            Status::Unknown => "未知",
            _ => "无效",
        }
        .to_owned(),
        Msg::RealForm => "真实形式：".to_owned(),
        Msg::ShownAs => "显示为：  ".to_owned(),
        Msg::Number => "号码：".to_owned(),
        Msg::NoPlatform => "  （未指明平台：已与所有平台的官方账号比对）\n".to_owned(),
        Msg::OfficialMailDomain { brand, domain } => format!(
            "  这是 {brand} 自有域名 {domain} 下的邮箱，只有 {brand} 能收到发往这里的邮件。\n"
        ),
        Msg::OfficialInside { brand, site } => format!("  这是 {brand} 官方网站 {site} 下的子域名。\n"),
        // Registry notes are written in English: not shown in a Chinese report.
        Msg::OfficialIs { brand, noun, value, note: _ } => format!("  这是 {brand} 的{noun} {value}。\n"),
        Msg::Imitates { brand, noun, value } => format!("  它在冒充 {brand} 的{noun} {value}。\n"),
        Msg::ClaimedNone { brand, noun } => {
            format!("  它自称是 {brand} 的{noun}，但 {brand} 根本没有{noun}。\n")
        }
        Msg::ClaimedOnlyAt { brand, noun, place } => format!(
            "  它自称是 {brand} 的{noun}。{brand}只在 {place} 显示它的{noun}：其他任何{noun}都不是 {brand} 的。\n"
        ),
        Msg::VerifyAt { brand, url } => {
            format!("  任何自称 {brand} 的联系方式，都可以在 {brand} 自己的核验页面查证：{url}\n")
        }
        Msg::ClaimedUnlisted { brand, noun } => {
            format!("  它自称是 {brand} 的{noun}，但它不在 {brand} 公布的渠道中。\n")
        }
        Msg::NotInRegistry => "  它不在我们收录的官方渠道名单中：我们无法为它担保，这并不表示它是安全的。\n".to_owned(),
        Msg::CannotCheck { error } => format!("  无法检查这个输入（{error}）。\n"),
        Msg::Finding { technique, code: _, detail } => format!("  • {technique}：{detail}\n"),
        Msg::Note => "说明：".to_owned(),
        Msg::UseInsteadKind { brand, heading } => format!("  请不要使用它。{brand} 真正的{heading}：\n"),
        Msg::UseInstead { brand } => format!("  请不要使用它。请只通过以下官方渠道联系 {brand}：\n"),
        Msg::ChannelNote { note: _ } => String::new(),
        Msg::AndMore { more, id: "" } => format!("    ……还有 {more} 个。\n"),
        Msg::AndMore { more, id } => format!("    ……还有 {more} 个：contactguard brands {id}\n"),
        Msg::BrandSays { brand, text } => format!("  {brand} 提醒：{text}\n"),
        Msg::CannotScan { error } => format!("无法扫描：{error}\n"),
        Msg::ContactsFound => "发现的联系方式：".to_owned(),
        Msg::Handle => "账号".to_owned(),
        Msg::Location { line, kind } => format!("第 {line} 行 · {kind}"),
        Msg::OfficialItem { brand, kind } => format!("{brand} 的官方{}", kind.trim_start_matches("官方")),
        Msg::UnknownItem => "不在我们收录的官方渠道名单中：无法为它担保".to_owned(),
        Msg::ClaimedFar { brand, text, line } => format!("（第 {line} 行“{text}”称其为 {brand} 的）"),
        Msg::ClaimedHere { brand } => format!("（文中称其为 {brand} 的）"),
        Msg::ItemFinding { technique, claimed, detail } => format!("{technique}{claimed}：{detail}"),
        Msg::FalseClaims => "虚假声称：".to_owned(),
        Msg::ClaimLine { mark, line, text, detail } => format!("  {mark} 第 {line} 行「{text}」：{detail}\n"),
        Msg::WhatToDo => "怎么办：".to_owned(),
        Msg::DoNotPay => "  不要拨打、联系或转账给上面被标为仿冒的任何“客服”。任何时候都不要把助记词或私钥告诉任何人。\n".to_owned(),
        Msg::SummaryNone { mark } => format!("{mark} 没有发现联系方式，也没有自称某个品牌客服的说法。\n"),
        Msg::ImpersonatingCounts { bad, total, unknown, good } => {
            format!("{total} 个联系方式中 {bad} 个仿冒，{unknown} 个未知，{good} 个官方")
        }
        Msg::FalseClaimCount { claims } => format!("虚假声称 {claims} 处"),
        Msg::SummaryImpersonation { mark, word, brands, parts } => format!(
            "{mark} {word}：这段文字在冒充 {}（{}）\n",
            brands.join("、"),
            parts.join("；")
        ),
        Msg::SummaryOfficial { mark, word, total } => {
            format!("{mark} {word}：全部 {total} 个联系方式都是登记在册的官方渠道\n")
        }
        Msg::SummaryUnknown { mark, word, total, unknown, good } => {
            format!("{mark} {word}：{total} 个联系方式中 {unknown} 个无法核实，{good} 个官方\n")
        }
        Msg::OfficialChannelsOf { brand } => format!("  {brand} 的官方渠道（只认这些）：\n"),
        Msg::ChannelRow { heading, values } => format!("    {heading}：{values}\n"),
        Msg::EveryChannel { id } => format!("    全部渠道：contactguard brands {id}\n"),
        Msg::ChannelCount { count } => format!("{count} 个渠道"),
        Msg::NoKind { noun } => format!("没有{noun}"),
        Msg::BrandsFooter { count, version } => {
            format!("\n共 {count} 个品牌，名单第 {version} 版。查看某个品牌：contactguard brands ID\n")
        }
        Msg::Source => "来源".to_owned(),
        Msg::Checked { day } => format!("核对于 {day}"),
        Msg::OldSourceShort { date } => format!(" · 来源日期 {date}，已超过两年"),
        Msg::Provenance { source, checked } => {
            format!("  品牌公布的出处：{source}（核对于 {checked}）。\n")
        }
        Msg::OldSource { date } => format!(
            "  它最新的出处是 {date} 的，比这份名单早两年以上：品牌可能已不再使用。\n"
        ),
        Msg::RegistryStamp { version, issued, signers } => {
            format!("  官方渠道名单第 {version} 版（{issued}），签名密钥：{signers}。\n")
        }
        Msg::PublishesNo { mark, brand, noun } => {
            format!("\n  {mark} {brand}没有公布任何{noun}。自称 {brand} {noun}的都是骗子。\n")
        }
        Msg::OnlyAtRow { mark, brand, noun, place } => format!(
            "\n  {mark} {brand}只在 {place} 显示它的{noun}。其他任何自称 {brand} {noun}的都不是 {brand} 的。\n"
        ),
        Msg::TwoBrands { text, first, second } => format!(
            "  “{text}”同时写了两个品牌（{first} 和 {second}）：旁边的联系方式不算作其中任何一个的。\n"
        ),
        Msg::AlreadyHeading => "已经打过电话、转过钱，或说出了助记词？".to_owned(),
        Msg::StepNewWallet => "拿到助记词的人随时可以转走你的全部资产：请立即在骗子没碰过的手机或电脑上创建新钱包，把剩下的资产转进去。".to_owned(),
        Msg::StepApprovals => "如果你把钱包连接过他们发来的网站，请在钱包里取消给它的授权（代币授权）。".to_owned(),
        Msg::StepRecoveryScam => "没有人能收费帮你追回损失：自称能“追回”的都是第二次诈骗。".to_owned(),
        Msg::ReportIt => "举报：".to_owned(),
        Msg::BrandReport { brand, text } => format!("{brand}：{text}"),
        Msg::WhatTheBrandSays => "品牌的安全提醒".to_owned(),
        Msg::FormerHeading => "已不再是该品牌的（绝不是官方渠道：如今由谁掌握无从得知）".to_owned(),
        Msg::FormerRow { noun, value, until } => match *until {
            "unknown" => format!("    {noun} {value}，曾经使用\n"),
            date => format!("    {noun} {value}，使用到 {date}\n"),
        },
    }
}
