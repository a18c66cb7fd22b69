//! Helpers that call the ABI like a C program and copy what it returns into Rust values.

use std::ffi::{c_char, CStr};
use std::ptr;

use contactguard_ffi::*;

/// A checker over the embedded registry; free it with `cg_checker_free`.
pub fn builtin() -> *mut cg_checker {
    let mut checker = ptr::null_mut();
    // SAFETY: both out-parameters are valid.
    let code = unsafe { cg_checker_new_builtin(&mut checker, ptr::null_mut()) };
    assert_eq!(code, cg_code::Ok);
    assert!(!checker.is_null());
    checker
}

/// A NUL-terminated string from the library, copied; `None` for NULL.
pub fn text(p: *const c_char) -> Option<String> {
    // SAFETY: the library returns NULL or a NUL-terminated string that is still alive.
    (!p.is_null()).then(|| {
        unsafe { CStr::from_ptr(p) }
            .to_str()
            .expect("the library returns UTF-8")
            .to_owned()
    })
}

/// An error's code and message; frees it. Panics on NULL.
pub fn take_error(error: *mut cg_error) -> (cg_code, String) {
    assert!(
        !error.is_null(),
        "a failed call with an error pointer sets it"
    );
    // SAFETY: a live error from a failed call, freed once here.
    unsafe {
        let code = cg_error_code(error);
        let message = text(cg_error_message(error)).expect("a message");
        cg_error_free(error);
        (code, message)
    }
}

/// What a `cg_verdict` holds, copied.
#[derive(Debug)]
pub struct Seen {
    pub status: cg_status,
    pub kind: cg_kind,
    pub normalized: Option<String>,
    pub brand_id: Option<String>,
    pub brand_name: Option<String>,
    pub technique: Option<String>,
    pub message: Option<String>,
    pub official_channel: Option<String>,
}

/// `cg_check` on `input`: the verdict copied and freed, or the error.
pub fn check(checker: *const cg_checker, input: &[u8]) -> Result<Seen, (cg_code, String)> {
    let mut verdict = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: `input` is readable for its length; the out-parameters are valid.
    let code = unsafe {
        cg_check(
            checker,
            input.as_ptr().cast(),
            input.len(),
            &mut verdict,
            &mut error,
        )
    };
    if code != cg_code::Ok {
        assert!(verdict.is_null(), "no verdict on failure");
        let (error_code, message) = take_error(error);
        assert_eq!(error_code, code);
        return Err((code, message));
    }
    assert!(error.is_null(), "no error on success");
    // SAFETY: a live verdict from `cg_check`, freed once below.
    let v = unsafe { &*verdict };
    let seen = Seen {
        status: v.status,
        kind: v.kind,
        normalized: text(v.normalized),
        brand_id: text(v.brand_id),
        brand_name: text(v.brand_name),
        technique: text(v.technique),
        message: text(v.message),
        official_channel: text(v.official_channel),
    };
    // SAFETY: as above.
    unsafe { cg_verdict_free(verdict) };
    Ok(seen)
}

/// A call that returns JSON through `char **` (`cg_check_json`, `cg_scan_json`) on `input`:
/// the JSON copied and freed, or the error.
pub fn json(
    call: unsafe extern "C" fn(
        *const cg_checker,
        *const c_char,
        usize,
        *mut *mut c_char,
        *mut *mut cg_error,
    ) -> cg_code,
    checker: *const cg_checker,
    input: &[u8],
) -> Result<String, (cg_code, String)> {
    let mut out = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: `input` is readable for its length; the out-parameters are valid.
    let code = unsafe {
        call(
            checker,
            input.as_ptr().cast(),
            input.len(),
            &mut out,
            &mut error,
        )
    };
    if code != cg_code::Ok {
        assert!(out.is_null(), "no JSON on failure");
        return Err(take_error(error));
    }
    assert!(error.is_null(), "no error on success");
    let json = text(out).expect("JSON on success");
    // SAFETY: a live string from the library, freed once.
    unsafe { cg_string_free(out) };
    Ok(json)
}
