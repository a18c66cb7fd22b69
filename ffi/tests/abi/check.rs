//! Checking inputs and scanning text through the ABI.

use contactguard::{Checker, ScanReport, Status, Verdict};
use contactguard_ffi::*;

use crate::util::{builtin, check, json};

#[test]
fn official_domain_is_official_with_its_brand() {
    let checker = builtin();
    let v = check(checker, b"tokenpocket.pro").expect("checks");
    assert_eq!(v.status, cg_status::Official);
    assert_eq!(v.kind, cg_kind::Domain);
    assert_eq!(v.normalized.as_deref(), Some("tokenpocket.pro"));
    assert_eq!(v.brand_id.as_deref(), Some("tokenpocket"));
    assert_eq!(v.brand_name.as_deref(), Some("TokenPocket"));
    assert_eq!(v.technique.as_deref(), Some("exact"));
    assert_eq!(v.official_channel.as_deref(), Some("tokenpocket.pro"));
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn lookalike_domain_is_impersonation_with_the_real_one() {
    let checker = builtin();
    let v = check(checker, b"tokenp0cket.pro").expect("checks");
    assert_eq!(v.status, cg_status::Impersonation);
    assert_eq!(v.kind, cg_kind::Domain);
    assert_eq!(v.brand_id.as_deref(), Some("tokenpocket"));
    assert_eq!(v.technique.as_deref(), Some("homoglyph"));
    let message = v.message.expect("a message");
    assert!(
        message.contains("'0' (DIGIT ZERO) in place of 'o'"),
        "{message}"
    );
    assert_eq!(v.official_channel.as_deref(), Some("tokenpocket.pro"));
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn each_kind_of_contact_is_read_as_its_kind() {
    let checker = builtin();
    let cases = [
        (
            "https://tokenpocket.pro/en",
            cg_kind::Url,
            cg_status::Official,
        ),
        (
            "service@tokenpocket.pro",
            cg_kind::Email,
            cg_status::Official,
        ),
        (
            "@TokenPocket_TP_",
            cg_kind::Handle,
            cg_status::Impersonation,
        ),
        (
            "TP钱包客服热线 400-123-4567",
            cg_kind::Phone,
            cg_status::Impersonation,
        ),
        ("example.org", cg_kind::Domain, cg_status::Unknown),
    ];
    for (input, kind, status) in cases {
        let v = check(checker, input.as_bytes()).expect("checks");
        assert_eq!((v.kind, v.status), (kind, status), "{input}");
    }
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn unknown_contact_names_no_brand_and_invalid_input_says_why() {
    let checker = builtin();
    let unknown = check(checker, b"example.org").expect("checks");
    assert_eq!(unknown.status, cg_status::Unknown);
    assert_eq!(unknown.brand_id, None);
    assert_eq!(unknown.brand_name, None);
    assert_eq!(unknown.official_channel, None);

    let invalid = check(checker, b"").expect("an empty input is a verdict, not an error");
    assert_eq!(invalid.status, cg_status::Invalid);
    assert_eq!(invalid.normalized, None);
    let library = Checker::builtin().expect("builtin").check("");
    assert_eq!(invalid.message, library.error);
    assert!(invalid.message.is_some());
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn status_values_are_stable_and_match_the_cli_but_invalid() {
    // The C values never change. The CLI's exit codes agree, except that the CLI reports an
    // invalid input with 4, keeping 2 for its own usage and I/O errors.
    let pairs = [
        (Status::Official, cg_status::Official, 0),
        (Status::Unknown, cg_status::Unknown, 1),
        (Status::Invalid, cg_status::Invalid, 2),
        (Status::Impersonation, cg_status::Impersonation, 3),
    ];
    for (status, c, value) in pairs {
        assert_eq!(cg_status::from(status), c);
        assert_eq!(c as i32, value);
        let cli = i32::from(status.exit_code());
        assert_eq!(cli, if status == Status::Invalid { 4 } else { value });
    }
}

#[test]
fn check_json_is_the_cli_json_of_the_library_verdict() {
    let checker = builtin();
    let library = Checker::builtin().expect("builtin");
    for input in [
        "tokenpocket.pro",
        "tokenp0cket.pro",
        "https://tokenpocket.pro@evil.example/login",
        "+86 400-123-4567",
        "@TokenPocket_TP_",
        "service@tokenpocket.pro",
        "not a contact at all",
    ] {
        let text = json(cg_check_json, checker, input.as_bytes()).expect("checks");
        let expected = library.check(input);
        assert_eq!(
            text,
            serde_json::to_string(&expected).expect("serializes"),
            "{input}"
        );
        let parsed: Verdict = serde_json::from_str(&text).expect("the JSON is a Verdict");
        // The JSON says why an input is invalid in `error`; the structured `problem` behind it
        // is the library's, for saying it in other languages, and is not serialized.
        let mut expected = expected;
        expected.problem = None;
        assert_eq!(parsed, expected, "{input}");
    }
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn input_is_length_delimited_so_a_nul_byte_does_not_cut_it() {
    let checker = builtin();
    let input = "tokenpocket.pro\0.evil.example";
    let text = json(cg_check_json, checker, input.as_bytes()).expect("checks");
    let parsed: Verdict = serde_json::from_str(&text).expect("a Verdict");
    assert_eq!(parsed.input, input);
    assert_ne!(parsed.status, Status::Official);
    // The struct's strings hold no NUL: one shows as U+FFFD.
    let v = check(checker, input.as_bytes()).expect("checks");
    assert_ne!(v.status, cg_status::Official);
    if let Some(normalized) = v.normalized {
        assert!(!normalized.contains('\0'));
    }
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn scan_json_is_the_cli_json_of_the_library_report() {
    let checker = builtin();
    let text = "TP钱包官方客服热线：400-123-4567，官网 https://tokenpocket.pro";
    let json_text = json(cg_scan_json, checker, text.as_bytes()).expect("scans");
    let expected = Checker::builtin().expect("builtin").scan(text);
    assert_eq!(
        json_text,
        serde_json::to_string(&expected).expect("serializes")
    );
    let report: ScanReport = serde_json::from_str(&json_text).expect("a ScanReport");
    assert_eq!(report, expected);
    assert_eq!(report.status, Some(Status::Impersonation));
    assert_eq!(&text[report.items[0].span.clone()], "400-123-4567");
    assert_eq!(report.items[0].verdict.status, Status::Impersonation);
    assert_eq!(report.items[1].verdict.status, Status::Official);
    assert_eq!(report.advice[0].brand.id, "tokenpocket");

    let empty = json(cg_scan_json, checker, b"").expect("scans");
    let empty: ScanReport = serde_json::from_str(&empty).expect("a ScanReport");
    assert_eq!(empty.status, None);
    assert!(empty.items.is_empty());
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn one_checker_is_shared_by_many_threads() {
    let checker = builtin();
    // Raw pointers are not `Send`; the ABI promises the checker may be shared.
    let address = checker as usize;
    let threads: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let checker = address as *const cg_checker;
                for _ in 0..50 {
                    let (input, status): (&[u8], _) = if i % 2 == 0 {
                        (b"tokenpocket.pro", cg_status::Official)
                    } else {
                        (b"tokenp0cket.pro", cg_status::Impersonation)
                    };
                    assert_eq!(check(checker, input).expect("checks").status, status);
                    let report =
                        json(cg_scan_json, checker, "TP钱包客服热线".as_bytes()).expect("scans");
                    assert!(report.contains("\"no_such_channel\""));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no thread panicked");
    }
    // SAFETY: from `builtin`, freed once, after every thread is done with it.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn builtin_checkers_are_independent_objects() {
    let (a, b) = (builtin(), builtin());
    assert_ne!(a, b);
    // SAFETY: each from `builtin`, freed once; `b` stays usable after `a` is freed.
    unsafe { cg_checker_free(a) };
    assert_eq!(
        check(b, b"tokenpocket.pro").expect("checks").status,
        cg_status::Official
    );
    // SAFETY: as above.
    unsafe { cg_checker_free(b) };
}

#[test]
fn messages_in_chinese_for_apps() {
    let checker = builtin();
    let input = b"tokenp0cket.pro";
    let message = |lang: u32| {
        let mut out: *mut cg_verdict = std::ptr::null_mut();
        // SAFETY: live checker, a byte slice, valid out-pointers.
        let code = unsafe {
            cg_check_in(
                checker,
                input.as_ptr().cast(),
                input.len(),
                lang,
                &mut out,
                std::ptr::null_mut(),
            )
        };
        if code != cg_code::Ok {
            assert!(out.is_null());
            return Err(code);
        }
        // SAFETY: `out` is a verdict from cg_check_in, read then freed once.
        let text = unsafe {
            let text = std::ffi::CStr::from_ptr((*out).message)
                .to_string_lossy()
                .into_owned();
            cg_verdict_free(out);
            text
        };
        Ok(text)
    };
    let en = message(cg_lang::En as u32).expect("English");
    assert!(en.contains("looks the same but is not"), "{en}");
    let hans = message(cg_lang::ZhHans as u32).expect("Simplified");
    assert!(hans.contains("看起来一样，实际不同"), "{hans}");
    let hant = message(cg_lang::ZhHant as u32).expect("Traditional");
    assert!(hant.contains("看起來一樣，實際不同"), "{hant}");
    assert_eq!(message(7), Err(cg_code::InvalidArgument));
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn json_in_chinese_for_apps() {
    use std::ffi::c_char;
    let checker = builtin();
    let json_in = |call: unsafe extern "C" fn(
        *const cg_checker,
        *const c_char,
        usize,
        u32,
        *mut *mut c_char,
        *mut *mut cg_error,
    ) -> cg_code,
                   input: &[u8],
                   lang: u32| {
        let mut out = std::ptr::null_mut();
        let mut error = std::ptr::null_mut();
        // SAFETY: live checker, a byte slice, valid out-pointers.
        let code = unsafe {
            call(
                checker,
                input.as_ptr().cast(),
                input.len(),
                lang,
                &mut out,
                &mut error,
            )
        };
        if code != cg_code::Ok {
            assert!(out.is_null());
            return Err(crate::util::take_error(error).0);
        }
        let text = crate::util::text(out).expect("JSON");
        // SAFETY: a live string from the library, freed once.
        unsafe { cg_string_free(out) };
        Ok(text)
    };
    let hant =
        json_in(cg_check_json_in, b"tokenp0cket.pro", cg_lang::ZhHant as u32).expect("checks");
    let v: Verdict = serde_json::from_str(&hant).expect("a verdict");
    assert!(v.findings[0].message.contains("看起來一樣"), "{hant}");
    let invalid =
        json_in(cg_check_json_in, b"telegram: ab", cg_lang::ZhHans as u32).expect("checks");
    let v: Verdict = serde_json::from_str(&invalid).expect("a verdict");
    assert_eq!(v.status, Status::Invalid);
    assert!(
        v.error.is_some_and(|e| e.contains("账号名规则")),
        "{invalid}"
    );
    let scan = json_in(
        cg_scan_json_in,
        "TP钱包官方客服热线：400-123-4567".as_bytes(),
        cg_lang::ZhHans as u32,
    )
    .expect("scans");
    let report: ScanReport = serde_json::from_str(&scan).expect("a report");
    assert!(
        !report.items[0].verdict.findings[0].message.is_ascii(),
        "{scan}"
    );
    // The English calls are the `_in` calls in English.
    let en = json(cg_check_json, checker, b"tokenp0cket.pro").expect("checks");
    let en_in = json_in(cg_check_json_in, b"tokenp0cket.pro", cg_lang::En as u32).expect("checks");
    assert_eq!(en, en_in);
    assert_eq!(
        json_in(cg_scan_json_in, b"x", 9),
        Err(cg_code::InvalidArgument)
    );
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

/// The report a person reads: the library's `report::full` for the locale, with spans in
/// bytes, the aftercare of the locale's region, and clear errors for bad arguments.
#[test]
fn report_json_is_the_report_a_person_reads() {
    use contactguard::report::{self, Reader};

    let checker = builtin();
    let call = |text: &[u8], locale: Option<&[u8]>| -> Result<serde_json::Value, cg_code> {
        let mut out = std::ptr::null_mut();
        let mut error = std::ptr::null_mut();
        let (locale_ptr, locale_len) =
            locale.map_or((std::ptr::null(), 0), |l| (l.as_ptr(), l.len()));
        // SAFETY: live checker, byte slices (or NULL), valid out-pointers.
        let code = unsafe {
            cg_report_json(
                checker,
                text.as_ptr().cast(),
                text.len(),
                locale_ptr.cast(),
                locale_len,
                &mut out,
                &mut error,
            )
        };
        if code != cg_code::Ok {
            assert!(out.is_null());
            let (code, message) = crate::util::take_error(error);
            assert!(!message.is_empty());
            return Err(code);
        }
        let json = crate::util::text(out).expect("JSON");
        // SAFETY: a live string from the library, freed once.
        unsafe { cg_string_free(out) };
        Ok(serde_json::from_str(&json).expect("JSON"))
    };
    let library = Checker::builtin().expect("verifies");
    for (text, locale, tag, place) in [
        ("TP钱包人工客服 400-800-1234", "zh-CN", "zh-Hans", "96110"),
        (
            "imToken客服熱線 400-800-1234",
            "zh_TW.UTF-8",
            "zh-Hant",
            "165",
        ),
        (
            "Call MetaMask support: +1 888 555 0100",
            "en-GB",
            "en",
            "Action Fraud",
        ),
    ] {
        let got = call(text.as_bytes(), Some(locale.as_bytes())).expect("reports");
        let want = report::full(
            library.registry(),
            text,
            &library.scan(text),
            &Reader::of_locale(locale),
        );
        assert_eq!(got["status"], "impersonation", "{got}");
        assert_eq!(got["language"], tag);
        assert_eq!(
            got["text"].as_str(),
            Some(want.to_string().trim_start_matches('\n'))
        );
        assert!(want.to_string().contains(place), "{want}");
        assert_eq!(
            got["parts"],
            serde_json::to_value(want.parts()).expect("JSON")
        );
        let contact = got["parts"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["role"] == "contact"))
            .expect("a contact");
        let (start, end) = (
            contact["span"]["start"].as_u64().expect("start") as usize,
            contact["span"]["end"].as_u64().expect("end") as usize,
        );
        assert!(text[start..end].contains("800") || text[start..end].contains("555"));
    }
    // A language the library does not speak reads in English; nothing found has no status.
    let fr = call(b"Bonjour", Some(b"fr-FR")).expect("reports");
    assert_eq!(fr["language"], "en");
    assert_eq!(fr["status"], serde_json::Value::Null);
    assert_eq!(call(b"x", None), Err(cg_code::NullArgument));
    assert_eq!(call(b"x", Some(b"\xff")), Err(cg_code::InvalidUtf8));
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}
