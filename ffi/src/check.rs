//! The work: check one input (`cg_check`, `cg_check_json`) or scan a text
//! (`cg_scan_json`). The JSON is the library's serde output, the same the CLI prints with
//! `--format json`.

use std::ffi::c_char;

use contactguard::Checker;
use serde::Serialize;

use crate::checker::cg_checker;
use crate::error::{cg_code, cg_error, guard, Failure};
use crate::strings::{into_c, str_arg, Out};
use crate::verdict::{cg_lang, cg_verdict};

/// Checks one input, detecting its kind (link, domain, phone number, handle or e-mail address),
/// and stores the answer in `*out`. `input` is `input_len` bytes of UTF-8, not NUL-terminated.
/// An input that is no contact at all is not an error: its verdict is `CG_STATUS_INVALID`.
///
/// ```c
/// const char *input = "tokenp0cket.pro";
/// cg_verdict *v = NULL;
/// cg_error *error = NULL;
/// if (cg_check(checker, input, strlen(input), &v, &error) != CG_CODE_OK) {
///     fprintf(stderr, "%s\n", cg_error_message(error));
///     cg_error_free(error);
///     return 1;
/// }
/// if (v->status == CG_STATUS_IMPERSONATION) {
///     // imitates TokenPocket (homoglyph): looks the same but is not: '0' (DIGIT ZERO) ...
///     printf("imitates %s (%s): %s\n", v->brand_name, v->technique, v->message);
///     printf("use instead: %s\n", v->official_channel);
/// }
/// cg_verdict_free(v);
/// ```
///
/// # Errors
/// `CG_CODE_NULL_ARGUMENT` for a NULL `checker`, `input` or `out`; `CG_CODE_INVALID_UTF8`.
///
/// # Safety
/// `checker` is NULL or live; `input` is NULL or valid for reading `input_len` bytes; `out` is
/// NULL or valid for writing one pointer; `error` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn cg_check(
    checker: *const cg_checker,
    input: *const c_char,
    input_len: usize,
    out: *mut *mut cg_verdict,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented, and English is a `cg_lang` value.
    unsafe { cg_check_in(checker, input, input_len, cg_lang::En as u32, out, error) }
}

/// Checks one input like `cg_check`, with `message` in `lang`, one of the `cg_lang` values:
/// `CG_LANG_EN`, `CG_LANG_ZH_HANS` or `CG_LANG_ZH_HANT` (the reason an input is invalid stays
/// English).
///
/// ```c
/// cg_verdict *v = NULL;
/// if (cg_check_in(checker, input, strlen(input), CG_LANG_ZH_HANS, &v, NULL) == CG_CODE_OK) {
///     puts(v->message);   // 看起来一样，实际不同：用 '0'（DIGIT ZERO）冒充 'o'
/// }
/// cg_verdict_free(v);
/// ```
///
/// # Errors
/// As `cg_check`; `CG_CODE_INVALID_ARGUMENT` for a `lang` that is no `cg_lang` value.
///
/// # Safety
/// As `cg_check`.
#[no_mangle]
pub unsafe extern "C" fn cg_check_in(
    checker: *const cg_checker,
    input: *const c_char,
    input_len: usize,
    lang: u32,
    out: *mut *mut cg_verdict,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        guard(error, || {
            let out = Out::new(out, "out")?;
            let checker = cg_checker::from_ptr(checker)?;
            let input = str_arg(input, input_len, "input")?;
            let lang = cg_lang::from_arg(lang)?;
            let verdict = cg_verdict::new_in(&checker.check(input), lang);
            out.set(Box::into_raw(Box::new(verdict)));
            Ok(())
        })
    }
}

/// Checks one input like `cg_check` and stores the whole verdict as one line of JSON in
/// `*json` (the CLI's `contactguard check --format json`): `status`, `kind`, `brand`, every
/// finding with its `technique` and `message`, `official_channels` … Free it with
/// `cg_string_free`.
///
/// ```c
/// char *json = NULL;
/// if (cg_check_json(checker, input, input_len, &json, NULL) == CG_CODE_OK) {
///     puts(json);   // {"input":"tokenp0cket.pro","kind":"domain","status":"impersonation",...}
/// }
/// cg_string_free(json);
/// ```
///
/// # Errors
/// As `cg_check`; `CG_CODE_INTERNAL` if the verdict cannot be serialized.
///
/// # Safety
/// As `cg_check`, with `json` in place of `out`.
#[no_mangle]
pub unsafe extern "C" fn cg_check_json(
    checker: *const cg_checker,
    input: *const c_char,
    input_len: usize,
    json: *mut *mut c_char,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe { cg_check_json_in(checker, input, input_len, cg_lang::En as u32, json, error) }
}

/// `cg_check_json` with every finding's and note's `message`, and `error`, in `lang` (a
/// `cg_lang` value); the structured fields are the same in every language.
///
/// ```c
/// char *json = NULL;
/// if (cg_check_json_in(checker, input, input_len, CG_LANG_ZH_HANT, &json, NULL) == CG_CODE_OK) {
///     puts(json);   // ..."message":"看起來一樣，實際不同：用 '0'（DIGIT ZERO）冒充 'o'"...
/// }
/// cg_string_free(json);
/// ```
///
/// # Errors
/// As `cg_check_json`; `CG_CODE_INVALID_ARGUMENT` for a `lang` that is no `cg_lang` value.
///
/// # Safety
/// As `cg_check_json`.
#[no_mangle]
pub unsafe extern "C" fn cg_check_json_in(
    checker: *const cg_checker,
    input: *const c_char,
    input_len: usize,
    lang: u32,
    json: *mut *mut c_char,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        json_call(
            checker,
            (input, input_len, "input"),
            json,
            error,
            |c, input| {
                let lang = cg_lang::from_arg(lang)?.language();
                let mut verdict = c.check(input);
                verdict.localize(lang);
                to_json(&verdict)
            },
        )
    }
}

/// Finds and judges every contact in a text (a chat message, a search-result page, saved HTML)
/// and stores the report as one line of JSON in `*json` (the CLI's `contactguard scan --format
/// json`): `status` (the worst; null when the text holds no contact), `items` (each with its
/// byte `span` in `text` and its `verdict`), `claims` (a "hotline" of a brand that has none),
/// `mentions` and `advice` (each brand's real channels). Text over 4 MiB gives a report whose
/// `error` says to split it. At most 10,000 items and mentions are listed (`omitted` counts
/// the rest, which still count in `status`), and the JSON is at most `CG_MAX_SCAN_JSON` bytes
/// (32 MiB). Free the JSON with `cg_string_free`.
///
/// ```c
/// const char *text = "TP钱包官方客服热线：400-123-4567";
/// char *json = NULL;
/// if (cg_scan_json(checker, text, strlen(text), &json, &error) == CG_CODE_OK) {
///     puts(json);   // {"status":"impersonation","items":[{"span":{"start":29,"end":41},...
/// }
/// cg_string_free(json);
/// ```
///
/// # Errors
/// As `cg_check_json`; `CG_CODE_TOO_LARGE` when the report would be over `CG_MAX_SCAN_JSON`
/// bytes (scan the text in smaller parts).
///
/// # Safety
/// As `cg_check_json`, with `text` in place of `input`.
#[no_mangle]
pub unsafe extern "C" fn cg_scan_json(
    checker: *const cg_checker,
    text: *const c_char,
    text_len: usize,
    json: *mut *mut c_char,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe { cg_scan_json_in(checker, text, text_len, cg_lang::En as u32, json, error) }
}

/// `cg_scan_json` with every finding's and note's `message` in `lang` (a `cg_lang` value).
///
/// ```c
/// char *json = NULL;
/// if (cg_scan_json_in(checker, text, strlen(text), CG_LANG_ZH_HANS, &json, &error) == CG_CODE_OK) {
///     puts(json);
/// }
/// cg_string_free(json);
/// ```
///
/// # Errors
/// As `cg_scan_json`; `CG_CODE_INVALID_ARGUMENT` for a `lang` that is no `cg_lang` value.
///
/// # Safety
/// As `cg_scan_json`.
#[no_mangle]
pub unsafe extern "C" fn cg_scan_json_in(
    checker: *const cg_checker,
    text: *const c_char,
    text_len: usize,
    lang: u32,
    json: *mut *mut c_char,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        json_call(checker, (text, text_len, "text"), json, error, |c, text| {
            let lang = cg_lang::from_arg(lang)?.language();
            let mut report = c.scan(text);
            report.localize(lang);
            let report = to_json(&report)?;
            if report.len() > CG_MAX_SCAN_JSON {
                return Err(Failure::new(
                    cg_code::TooLarge,
                    format!(
                        "the report would be {} bytes, over the {CG_MAX_SCAN_JSON}-byte limit; scan the text in smaller parts",
                        report.len()
                    ),
                ));
            }
            Ok(report)
        })
    }
}

/// The largest JSON `cg_scan_json` hands back, in bytes (32 MiB).
pub const CG_MAX_SCAN_JSON: usize = 32 * 1024 * 1024;

/// The body of the JSON calls: reads the checker and the text (pointer, length, parameter
/// name), runs `judge`, and hands the JSON to the caller in `*json`.
///
/// # Safety
/// As `cg_check_json`.
pub(crate) unsafe fn json_call(
    checker: *const cg_checker,
    (text, len, name): (*const c_char, usize, &str),
    json: *mut *mut c_char,
    error: *mut *mut cg_error,
    judge: impl FnOnce(&Checker, &str) -> Result<String, Failure>,
) -> cg_code {
    // SAFETY: forwarded from the caller.
    unsafe {
        guard(error, || {
            let out = Out::new(json, "json")?;
            let checker = cg_checker::from_ptr(checker)?;
            let text = str_arg(text, len, name)?;
            out.set(into_c(Some(&judge(checker, text)?)));
            Ok(())
        })
    }
}

/// `value` as one line of JSON.
pub(crate) fn to_json(value: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| {
        Failure::new(
            cg_code::Internal,
            format!("the result could not be written as JSON ({e}); please report this bug"),
        )
    })
}
