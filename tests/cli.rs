//! The `contactguard` binary end to end: output, languages, formats and exit codes.

mod common;

use common::{code, run, run_with_bytes, run_with_stdin, stdout};

#[test]
fn official_link_exits_0() {
    let o = run(&["check", "https://tokenpocket.pro"]);
    assert_eq!(code(&o), 0);
    let s = stdout(&o);
    assert!(s.starts_with("✓ OFFICIAL  https://tokenpocket.pro"), "{s}");
    assert!(
        s.contains("This is TokenPocket's website tokenpocket.pro"),
        "{s}"
    );
}

#[test]
fn homoglyph_exits_3_and_lists_real_sites() {
    let o = run(&["check", "tokenp0cket.pro"]);
    assert_eq!(code(&o), 3);
    let s = stdout(&o);
    assert!(s.contains("IMPERSONATION"), "{s}");
    assert!(
        s.contains("It imitates TokenPocket's website tokenpocket.pro."),
        "{s}"
    );
    // The technique's code is technical detail, shown with --verbose only.
    assert!(!s.contains("(homoglyph)"), "{s}");
    let verbose = stdout(&run(&["check", "--verbose", "tokenp0cket.pro"]));
    assert!(
        verbose.contains("(homoglyph)") && verbose.contains("List of official channels: version"),
        "{verbose}"
    );
    assert!(s.contains("'0' (DIGIT ZERO) in place of 'o'"), "{s}");
    assert!(
        s.contains("TokenPocket's real websites:") && s.contains("    tpwallet.io"),
        "{s}"
    );
}

#[test]
fn userinfo_trick_names_the_real_host() {
    let o = run(&[
        "check",
        "--verbose",
        "https://tokenpocket.pro@evil.example/login",
    ]);
    assert_eq!(code(&o), 3);
    let s = stdout(&o);
    assert!(
        s.contains("(userinfo)") && s.contains("the real host is evil.example"),
        "{s}"
    );
}

#[test]
fn unknown_exits_1_and_never_says_safe() {
    let o = run(&["check", "example.org"]);
    assert_eq!(code(&o), 1);
    let s = stdout(&o);
    assert!(
        s.contains("UNKNOWN") && s.contains("does not make it safe"),
        "{s}"
    );
}

#[test]
fn invalid_input_exits_4_with_advice() {
    let o = run(&["check", "http://"]);
    assert_eq!(code(&o), 4);
    assert!(stdout(&o).contains("INVALID"));
}

#[test]
fn worst_input_decides_the_exit_code() {
    assert_eq!(code(&run(&["check", "tokenpocket.pro", "metamask.io"])), 0);
    assert_eq!(code(&run(&["check", "tokenpocket.pro", "example.org"])), 1);
    // Invalid input says nothing about the others: an unknown one still decides.
    assert_eq!(code(&run(&["check", "example.org", "http://"])), 1);
    assert_eq!(code(&run(&["check", "tokenpocket.pro", "http://"])), 4);
    // Usage errors are 2, apart from every verdict.
    assert_eq!(
        code(&run(&["check", "--kind", "fax", "tokenpocket.pro"])),
        2
    );
    assert_eq!(
        code(&run(&[
            "check",
            "http://",
            "tokenpocket-support.com",
            "example.org"
        ])),
        3
    );
}

#[test]
fn json_lines_one_object_per_input() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "tokenpocket.pro",
        "tokenpocket.com",
    ]);
    assert_eq!(code(&o), 3);
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["status"], "official");
    assert_eq!(lines[0]["findings"][0]["technique"], "exact");
    assert_eq!(lines[1]["status"], "impersonation");
    assert_eq!(lines[1]["findings"][0]["technique"], "tld_swap");
    assert_eq!(
        lines[1]["findings"][0]["target"]["value"],
        "tokenpocket.pro"
    );
    assert_eq!(lines[1]["brand"]["id"], "tokenpocket");
    assert!(lines[1]["official_channels"]
        .as_array()
        .is_some_and(|a| a.iter().any(|c| c["value"] == "tpwallet.io")));
}

#[test]
fn reads_inputs_from_stdin() {
    let o = run_with_stdin(
        &["check", "--format", "json", "-"],
        Some("tokenpocket.pro\n\n  metamask.io  \n"),
    );
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn chinese_output_is_whole_sentences() {
    let o = run(&["check", "--lang", "zh", "tokenp0cket.pro"]);
    assert_eq!(code(&o), 3);
    let s = stdout(&o);
    assert!(s.contains("✗ 仿冒  tokenp0cket.pro"), "{s}");
    assert!(
        s.contains("它在冒充 TokenPocket 的网站 tokenpocket.pro。"),
        "{s}"
    );
    // No English character names in a Chinese sentence: the kind of character instead.
    assert!(s.contains("用 '0'（数字）冒充 'o'"), "{s}");
    assert!(s.contains("请不要使用它。"), "{s}");
}

#[test]
fn language_defaults_from_the_locale() {
    let o = common::contactguard()
        .args(["check", "example.org"])
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&o.stdout).contains("未知"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = stdout(&run(&["check", "tokenp0cket.pro"]));
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    let coloured = stdout(&run(&["check", "--color", "always", "tokenp0cket.pro"]));
    assert!(coloured.contains("\x1b[1;31m"));
}

#[test]
fn brands_lists_and_shows() {
    let o = run(&["brands"]);
    assert_eq!(code(&o), 0);
    let s = stdout(&o);
    assert!(
        s.contains("tokenpocket") && s.contains("no phone number"),
        "{s}"
    );

    let o = run(&["brands", "tokenpocket"]);
    assert_eq!(code(&o), 0);
    let s = stdout(&o);
    assert!(
        s.contains("tokenpocket.pro") && s.contains("TokenPocket_TP"),
        "{s}"
    );
    assert!(s.contains("TokenPocket publishes no phone number."), "{s}");
    assert!(s.contains("never ask"), "{s}");
    // Channels it no longer uses are listed apart, never among the official ones.
    let (current, former) = s
        .split_once("No longer the brand's")
        .expect("a former section");
    assert!(
        former.contains("tpglobalwallet.net, until 2023-01-16"),
        "{s}"
    );
    assert!(
        !current.contains("tpglobalwallet.net") && !current.contains("NKPM8TXFQk"),
        "{s}"
    );
    // Which registry it is, and which channels rest on old sources.
    assert!(s.contains("signed by registry-1, registry-2"), "{s}");
    let old = s
        .lines()
        .filter(|l| l.contains("over two years old"))
        .count();
    assert!(old > 0 && old < s.lines().count() / 2, "{s}");
    let sources = stdout(&run(&["brands", "tokenpocket", "--sources"]));
    assert!(sources.contains("(checked 20"), "{sources}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&[
        "brands",
        "tokenpocket",
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert!(json["registry"]["version"].as_u64() >= Some(10), "{json}");
    assert!(json["channels"][0]["checked"].is_string(), "{json}");
    let listed = stdout(&run(&["brands"]));
    assert!(listed.contains("35 brands"), "{listed}");

    let s = stdout(&run(&["brands", "tokenpocket", "--lang", "zh"]));
    assert!(s.contains("TokenPocket没有公布任何电话号码"), "{s}");
}

#[test]
fn unknown_brand_is_a_usage_error_with_the_list() {
    let o = run(&["brands", "nosuchbrand"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no brand 'nosuchbrand'") && err.contains("tokenpocket"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&run(&["check"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
}

#[test]
fn phone_claimed_for_a_brand_without_phone_lines() {
    let o = run(&["check", "TP钱包客服 400-123-4567"]);
    assert_eq!(code(&o), 3);
    let s = stdout(&o);
    assert!(
        s.contains("number: +864001234567 · shared cost (400-type) · CN"),
        "{s}"
    );
    assert!(
        s.contains("It is presented as TokenPocket's phone number, but TokenPocket has none."),
        "{s}"
    );
    assert!(!s.contains("(no_such_channel)"), "{s}");
    assert!(
        s.contains("Reach TokenPocket only through:") && s.contains("service@tokenpocket.pro"),
        "{s}"
    );
    let zh = stdout(&run(&["check", "--lang", "zh", "TP钱包客服 400-123-4567"]));
    assert!(zh.contains("TokenPocket 根本没有公布任何电话号码"), "{zh}");
}

#[test]
fn brand_flag_claims_the_contact() {
    let o = run(&[
        "check",
        "--verbose",
        "--brand",
        "metamask",
        "+1 812 223 9376",
    ]);
    assert_eq!(code(&o), 3);
    assert!(stdout(&o).contains("(no_such_channel)"));
    let o = run(&["check", "--brand", "coinbase", "888-908-7930"]);
    assert_eq!(code(&o), 0, "Coinbase's home region reads the number as US");
    let o = run(&["check", "--brand", "nosuch", "1"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no brand 'nosuch'"));
    let o = run(&["check", "--region", "ZZ", "400-123-4567"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn phone_json_reports_the_number_type() {
    let o = run(&["check", "--format", "json", "+1 (888) 908-7930 ext. 12"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["kind"], "phone");
    assert_eq!(v["normalized"], "+18889087930");
    assert_eq!(v["phone"]["number_type"], "toll_free");
    assert_eq!(v["phone"]["region"], "US");
    assert_eq!(v["phone"]["extension"], "12");
}

#[test]
fn handles_by_platform_and_bare() {
    let o = run(&["check", "https://t.me/tokenpocket_en"]);
    assert_eq!(code(&o), 0);
    // A bare name is official only where the platform is known: TokenPocket_TP is
    // TokenPocket's on X, anyone's elsewhere.
    let o = run(&["check", "TokenPocket_TP"]);
    assert_eq!(code(&o), 1);
    let s = stdout(&o);
    assert!(s.contains("checked against every platform"), "{s}");
    assert!(
        s.contains("TokenPocket's official account on X only"),
        "{s}"
    );
    assert_eq!(
        code(&run(&["check", "--platform", "x", "TokenPocket_TP"])),
        0
    );
    // The X name on Telegram is evidence of nothing: unknown, with where it is official and
    // what the brand's Telegram accounts are.
    let o = run(&["check", "t.me/TokenPocket_TP"]);
    assert_eq!(code(&o), 1);
    let s = stdout(&o);
    assert!(
        s.contains("TokenPocket's X account is TokenPocket_TP")
            && s.contains("its Telegram account is tokenpocket_en"),
        "{s}"
    );
    let o = run(&[
        "check",
        "--kind",
        "handle",
        "--platform",
        "telegram",
        "TokenPocket_TP",
    ]);
    assert_eq!(code(&o), 1);
    // Where the brand says it has no account at all, the name there is a fake.
    assert_eq!(code(&run(&["check", "t.me/MetaMask"])), 3);
    let o = run(&["check", "--format", "json", "@TokenPocketSupportBot"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["findings"][0]["technique"], "handle_affix");
    assert!(v.get("platform").is_none(), "no platform was given");
}

#[test]
fn emails() {
    assert_eq!(code(&run(&["check", "service@tokenpocket.pro"])), 0);
    let o = run(&["check", "someone@tokenpocket.pro"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("only TokenPocket receives mail there"));
    let o = run(&["check", "tokenpocket.service@gmail.com"]);
    assert_eq!(code(&o), 3);
    assert!(stdout(&o).contains("where anyone can open a mailbox"));
    assert_eq!(code(&run(&["check", "alice@example.org"])), 1);
}

#[test]
fn batch_keeps_order_and_counts_on_stderr() {
    // More lines than one block, so that the threads' parts are stitched back in order.
    let mut input = String::new();
    for i in 0..10_000 {
        match i % 4 {
            0 => input.push_str("tokenpocket.pro\n"),
            1 => input.push_str(&format!("shop{i}.org\n")),
            2 => input.push_str("tokenp0cket.pro\n"),
            _ => input.push_str("@TokenPocket_TP\n"),
        }
    }
    let o = run_with_stdin(
        &["batch", "--format", "tsv", "--jobs", "2", "-"],
        Some(&input),
    );
    assert_eq!(code(&o), 3);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10_001);
    assert_eq!(lines[0], "input\tkind\tstatus\ttechnique\tbrand\treason");
    for (i, line) in lines[1..].iter().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "{line}");
        let want = match i % 4 {
            0 => ("tokenpocket.pro", "official", "exact"),
            1 => ("", "unknown", "-"),
            2 => ("tokenp0cket.pro", "impersonation", "homoglyph"),
            _ => ("@TokenPocket_TP", "unknown", "-"),
        };
        if !want.0.is_empty() {
            assert_eq!(cols[0], want.0, "line {i}");
        } else {
            assert_eq!(cols[0], format!("shop{i}.org"));
        }
        assert_eq!((cols[2], cols[3]), (want.1, want.2), "line {i}");
    }
    // Tabs, line breaks and backslashes in a value are escaped, never changed; each line has
    // its reason.
    let escaped = run_with_stdin(
        &["batch", "--format", "tsv", "-"],
        Some("a\tb\\c\ntokenp0cket.pro\n"),
    );
    let out = stdout(&escaped);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows[0][0], "a\\tb\\\\c", "{out}");
    assert!(rows.iter().all(|r| r.len() == 6), "{out}");
    assert!(rows[1][5].contains("in place of 'o'"), "{out}");
    // --compact leaves out the channel lists, and only in JSON.
    let full = stdout(&run_with_stdin(&["batch", "-"], Some("tokenp0cket.pro\n")));
    let compact = stdout(&run_with_stdin(
        &["batch", "--compact", "-"],
        Some("tokenp0cket.pro\n"),
    ));
    let c: serde_json::Value = serde_json::from_str(compact.trim()).expect("a JSON line");
    assert_eq!(c["status"], "impersonation");
    assert_eq!(c["official_channels"], serde_json::json!([]));
    assert!(
        compact.len() * 2 < full.len(),
        "{} vs {}",
        compact.len(),
        full.len()
    );
    assert_eq!(
        code(&run_with_stdin(
            &["batch", "--compact", "--format", "tsv", "-"],
            Some("x\n")
        )),
        2
    );
    // JSON lines are lean: no registry stamp or channel provenance on every line.
    let lean = run_with_stdin(&["batch", "-"], Some("tokenp0cket.pro\n"));
    let line: serde_json::Value = serde_json::from_str(stdout(&lean).trim()).expect("a JSON line");
    assert_eq!(line["status"], "impersonation");
    assert!(line.get("registry").is_none(), "{line}");
    assert!(
        line["findings"][0]["target"].get("source").is_none(),
        "{line}"
    );
    let one: serde_json::Value = serde_json::from_str(&stdout(&run(&[
        "check",
        "--format",
        "json",
        "tokenp0cket.pro",
    ])))
    .expect("a JSON object");
    assert!(one["findings"][0]["target"]["source"].is_string(), "{one}");
    assert!(String::from_utf8_lossy(&lean.stderr).contains("registry version"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("10000 lines")
            && err.contains("2500 impersonation")
            && err.contains("2500 official")
            && err.contains("5000 unknown"),
        "{err}"
    );
}

#[test]
fn batch_json_lines_and_bad_lines_stay_in_place() {
    let mut bytes = b"tokenpocket.pro\n\n".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n']);
    bytes.extend_from_slice(&vec![b'a'; 70 * 1024]);
    bytes.extend_from_slice(b"\nexample.org");
    let o = run_with_bytes(&["batch", "-"], Some(&bytes));
    let out = stdout(&o);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let statuses: Vec<&str> = rows
        .iter()
        .map(|r| r["status"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        statuses,
        ["official", "invalid", "invalid", "invalid", "unknown"]
    );
    assert!(rows[2]["error"]
        .as_str()
        .unwrap_or("")
        .contains("not UTF-8"));
    assert!(rows[3]["error"].as_str().unwrap_or("").contains("64 KiB"));
    assert_eq!(
        code(&o),
        1,
        "the unknown line decides, not the invalid ones"
    );
}

#[test]
fn a_huge_input_is_refused_without_echoing_it_whole() {
    let line = "a".repeat(10_000_000);
    let o = run_with_stdin(&["check", "-"], Some(&line));
    assert_eq!(code(&o), 4);
    let out = stdout(&o);
    assert!(out.len() < 2_000, "{} bytes of output", out.len());
    assert!(out.contains('…') && out.contains("at most"));
}

#[test]
fn scan_reads_stdin_and_refuses_non_utf8() {
    let o = run_with_stdin(
        &["scan", "--format", "json"],
        Some("请拨打TP钱包人工客服热线咨询"),
    );
    assert_eq!(code(&o), 3);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(json["status"], "impersonation");
    assert_eq!(json["claims"][0]["finding"]["technique"], "no_such_channel");

    // GBK bytes for "联系电话" are not UTF-8.
    let o = run_with_bytes(
        &["scan", "-"],
        Some(&[0xC1, 0xAA, 0xCF, 0xB5, 0xB5, 0xE7, 0xBB, 0xB0]),
    );
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("iconv"));
}

#[test]
fn the_ascii_form_of_a_link_is_detail_for_verbose() {
    let plain = stdout(&run(&["check", "xn--tokenpcket-jvi.pro"]));
    assert!(
        plain.contains("IMPERSONATION") && plain.contains("CYRILLIC SMALL LETTER O"),
        "{plain}"
    );
    assert!(!plain.contains("real form"), "{plain}");
    let verbose = stdout(&run(&["check", "--verbose", "xn--tokenpcket-jvi.pro"]));
    assert!(
        verbose.contains("real form:  xn--tokenpcket-jvi.pro")
            && verbose.contains("shown as:   tokenpоcket.pro"),
        "{verbose}"
    );
}

#[test]
fn scan_exit_codes_tell_nothing_found_from_all_official() {
    // Nothing found is its own code, not "all official".
    let o = run_with_stdin(&["scan", "-"], Some("The weather is fine today.\n"));
    assert_eq!(code(&o), 5);
    assert!(stdout(&o).contains("No contact found"));
    let o = run_with_stdin(&["scan", "-"], Some("Our site: https://tokenpocket.pro\n"));
    assert_eq!(code(&o), 0);
    // Hours after a number are not part of it, and the claim carries to the number.
    let o = run_with_stdin(
        &["scan", "--format", "json", "-"],
        Some("Call MetaMask support 1-844-205-7921 24/7\n"),
    );
    assert_eq!(code(&o), 3);
    let report: serde_json::Value =
        serde_json::from_str(stdout(&o).lines().next().unwrap_or("")).expect("JSON");
    assert_eq!(report["items"][0]["text"], "1-844-205-7921");
    assert_eq!(report["items"][0]["verdict"]["normalized"], "+18442057921");
}

#[test]
fn a_lying_link_is_one_impersonation_and_its_text_no_item() {
    let o = run_with_stdin(
        &["scan", "--format", "json", "-"],
        Some("官网：[tokenpocket.pro](https://tp-wallet-cn.com)\n"),
    );
    assert_eq!(code(&o), 3);
    let report: serde_json::Value =
        serde_json::from_str(stdout(&o).lines().next().unwrap_or("")).expect("JSON");
    let items = report["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 1, "{report}");
    assert_eq!(items[0]["text"], "https://tp-wallet-cn.com");
    assert_eq!(
        items[0]["verdict"]["findings"][0]["technique"],
        "deceptive_link_text"
    );
}

#[test]
fn traditional_chinese_from_the_flag_or_a_taiwan_locale() {
    let o = run(&["check", "--lang", "zh-hant", "TP钱包客服 400-123-4567"]);
    assert_eq!(code(&o), 3);
    let s = stdout(&o);
    assert!(s.contains("根本沒有公佈任何電話號碼"), "{s}");
    assert!(s.contains("請不要使用它"), "{s}");
    // A locale of Taiwan or Hong Kong picks it; other Chinese locales stay Simplified.
    for (locale, traditional) in [
        ("zh_TW.UTF-8", true),
        ("zh_HK.UTF-8", true),
        ("zh_CN.UTF-8", false),
    ] {
        let o = common::contactguard()
            .env("LANG", locale)
            .args(["check", "tokenp0cket.pro"])
            .output()
            .expect("runs");
        let s = String::from_utf8_lossy(&o.stdout).into_owned();
        assert_eq!(s.contains("請不要使用它"), traditional, "{locale}: {s}");
        assert_eq!(s.contains("请不要使用它"), !traditional, "{locale}: {s}");
    }
    // A contact in Chinese is shown as written, never converted into another name.
    let o = run(&["check", "--lang", "zh-tw", "https://tp钱包.com/"]);
    let s = stdout(&o);
    assert!(s.contains("tp钱包.com"), "{s}");
    assert!(!s.contains("tp錢包.com"), "{s}");
}

/// After an impersonation the report says what to do if the reader already called, paid or
/// shared a recovery phrase, and where to report it: the places of the reader's region and the
/// brand's own address. Nothing of it after an official answer.
#[test]
fn impersonation_reports_say_what_to_do_next_and_where_to_report() {
    let with_locale = |locale: &str, args: &[&str]| {
        let o = common::contactguard()
            .env("LANG", locale)
            .args(args)
            .output()
            .expect("the binary runs");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let zh = with_locale("zh_CN.UTF-8", &["check", "TP钱包客服电话 400-888-1234"]);
    for expected in [
        "已经打过电话",
        "96110",
        "110 报警",
        "service@tokenpocket.pro 举报",
    ] {
        assert!(zh.contains(expected), "{expected}\n{zh}");
    }
    let hant = with_locale("zh_HK.UTF-8", &["check", "TP錢包客服電話 400-888-1234"]);
    assert!(hant.contains("18222") && !hant.contains("96110"), "{hant}");
    let o = common::contactguard()
        .env("LANG", "en_US.UTF-8")
        .args(["scan", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(b"Kraken support hotline: +1 (888) 555-0199\n")?;
            }
            child.wait_with_output()
        })
        .expect("the binary runs");
    let en = String::from_utf8_lossy(&o.stdout);
    for expected in [
        "Already called, paid, or shared your recovery phrase?",
        "reportfraud.ftc.gov",
        "ic3.gov",
        "Kraken: Report it to Kraken in a support ticket",
    ] {
        assert!(en.contains(expected), "{expected}\n{en}");
    }
    let official = stdout(&run(&["check", "tokenpocket.pro"]));
    assert!(!official.contains("Report it"), "{official}");
}

/// `brands --format json` is JSON Lines, like every other command: one brand per line.
#[test]
fn brands_json_is_one_brand_per_line() {
    let out = stdout(&run(&["brands", "--format", "json"]));
    let brands: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    let registry = contactguard::Checker::builtin().expect("verifies");
    assert_eq!(brands.len(), registry.registry().brands().len());
    assert!(brands
        .iter()
        .all(|b| b["id"].is_string() && b["channels"].is_array()));
}

/// The conventions of a mature CLI: `--version` names the registry, `--help` ends with
/// examples, completions for every shell, a manual page, and the language gettext would pick.
#[test]
fn version_help_completions_manual_and_language() {
    let checker = contactguard::Checker::builtin().expect("verifies");
    let version = stdout(&run(&["--version"]));
    assert!(
        version.contains(&format!(
            "built-in registry version {} of ",
            checker.trusted().stamp().version
        )) && version.contains("expires"),
        "{version}"
    );
    let help = stdout(&run(&["--help"]));
    assert!(
        help.contains("Examples:") && help.contains("contactguard scan page.html"),
        "{help}"
    );
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&run(&["completions", shell]));
        assert!(
            script.contains("contactguard") && script.contains("update") && script.contains("scan"),
            "{shell}: {script}"
        );
    }
    assert_eq!(code(&run(&["completions", "tcsh"])), 2);
    let man = stdout(&run(&["man"]));
    assert!(
        man.contains(".TH contactguard 1") && man.contains("update"),
        "{}",
        &man[..man.len().min(400)]
    );
    // LANGUAGE comes before LANG, as gettext reads it: its first language the CLI speaks.
    let o = common::contactguard()
        .env("LANGUAGE", "fr:zh_TW:en")
        .env("LANG", "en_US.UTF-8")
        .args(["check", "tokenp0cket.pro"])
        .output()
        .expect("runs");
    assert!(
        stdout(&o).contains("仿冒") && stdout(&o).contains("網站"),
        "{}",
        stdout(&o)
    );
}

/// A scan that finds nothing has `"status": null` in its JSON (nothing found is not a verdict)
/// and exits 5, as the README documents.
#[test]
fn a_scan_with_nothing_found_has_no_status() {
    let o = run_with_stdin(
        &["scan", "--format", "json", "-"],
        Some("The weather is fine today.\n"),
    );
    assert_eq!(code(&o), 5);
    let report: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert!(report["status"].is_null(), "{report}");
    assert_eq!(report["items"], serde_json::json!([]));
    assert_eq!(report["schema_version"], 1);
}
