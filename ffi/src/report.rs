//! The report a person reads (`cg_report_json`): the same words, in the same order, as
//! `contactguard scan` prints and the web page shows, with what to do after calling or paying
//! and where to report it for the reader's region.

use std::ffi::c_char;

use contactguard::report::{self, Part, Reader};
use contactguard::Status;
use serde::Serialize;

use crate::check::{json_call, to_json};
use crate::checker::cg_checker;
use crate::error::{cg_code, cg_error};
use crate::strings::str_arg;

/// The JSON `cg_report_json` hands back.
#[derive(Serialize)]
struct ReportJson<'a> {
    status: Option<Status>,
    language: &'static str,
    parts: &'a [Part],
    text: String,
}

/// Scans `text` and stores, as one line of JSON in `*json`, the report to show a person in the
/// language and region of `locale` (a BCP 47 tag or POSIX locale such as `zh-CN`, `zh-Hant-TW`,
/// `en_GB.UTF-8`; `locale_len` bytes; a language the library does not speak gives English, no
/// region gives the language's regions): `status` (the worst verdict; null when the text holds
/// no contact), `language` (`en`, `zh-Hans` or `zh-Hant`), `parts` (each with its `role` —
/// `summary`, `heading`, `contact`, `explanation`, `claim`, `warning`, `advice`, `brand`,
/// `channels`, `statement`, `step`, `place` — its `text`, and for contacts and claims their
/// `status` and byte `span` in `text`), and `text`, the whole report as plain text to show or
/// copy. After an impersonation the report says what to do if the reader already called, paid
/// or shared a recovery phrase, and where to report it in the reader's region and to the
/// imitated brand. Free the JSON with `cg_string_free`.
///
/// ```c
/// const char *text = "TP钱包人工客服 400-800-1234";
/// char *json = NULL;
/// if (cg_report_json(checker, text, strlen(text), "zh-CN", 5, &json, &error) == CG_CODE_OK) {
///     puts(json);   // {"status":"impersonation","language":"zh-Hans","parts":[...],"text":"✗ 仿冒：..."}
/// }
/// cg_string_free(json);
/// ```
///
/// # Errors
/// As `cg_scan_json`; `CG_CODE_NULL_ARGUMENT` for a NULL `locale`, `CG_CODE_INVALID_UTF8` for a
/// `locale` that is not UTF-8.
///
/// # Safety
/// As `cg_scan_json`; `locale` is NULL or valid for reading `locale_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn cg_report_json(
    checker: *const cg_checker,
    text: *const c_char,
    text_len: usize,
    locale: *const c_char,
    locale_len: usize,
    json: *mut *mut c_char,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        json_call(checker, (text, text_len, "text"), json, error, |c, text| {
            // SAFETY: `locale` is as documented.
            let locale = str_arg(locale, locale_len, "locale")?;
            let reader = Reader::of_locale(locale);
            let scan = c.scan(text);
            let out = report::full(c.registry(), text, &scan, &reader);
            to_json(&ReportJson {
                status: scan.status,
                language: reader.language.tag(),
                parts: out.parts(),
                text: out.to_string().trim_start_matches('\n').to_owned(),
            })
        })
    }
}
