//! Misuse is an error code and a message, never undefined behaviour or a panic.

use std::ffi::c_char;
use std::ptr;

use contactguard::registry::BUILTIN_BUNDLE;
use contactguard_ffi::*;

use crate::util::{builtin, check, json, take_error, text};

#[test]
fn null_checker_input_or_out_is_a_null_argument_error_naming_it() {
    let checker = builtin();
    let input = b"tokenpocket.pro";
    let calls: [(&str, *const cg_checker, *const c_char, bool); 3] = [
        ("checker", ptr::null(), input.as_ptr().cast(), true),
        ("input", checker, ptr::null(), true),
        ("out", checker, input.as_ptr().cast(), false),
    ];
    for (name, c, text_ptr, with_out) in calls {
        let mut verdict: *mut cg_verdict = ptr::dangling_mut();
        let mut error = ptr::null_mut();
        let out = if with_out {
            &mut verdict as *mut _
        } else {
            ptr::null_mut()
        };
        // SAFETY: every pointer is NULL or valid.
        let code = unsafe { cg_check(c, text_ptr, input.len(), out, &mut error) };
        assert_eq!(code, cg_code::NullArgument, "{name}");
        if with_out {
            assert!(
                verdict.is_null(),
                "the out-parameter is NULL after a failure"
            );
        }
        let (error_code, message) = take_error(error);
        assert_eq!(error_code, cg_code::NullArgument);
        assert!(message.contains(&format!("`{name}` is NULL")), "{message}");
    }
    // The JSON calls and the scan, too.
    for call in [cg_check_json, cg_scan_json] {
        let mut error = ptr::null_mut();
        // SAFETY: NULL `json`; the rest valid.
        let code = unsafe {
            call(
                checker,
                input.as_ptr().cast(),
                input.len(),
                ptr::null_mut(),
                &mut error,
            )
        };
        assert_eq!(code, cg_code::NullArgument);
        assert!(take_error(error).1.contains("`json` is NULL"));
        assert_eq!(
            json(call, ptr::null(), input).map_err(|e| e.0),
            Err(cg_code::NullArgument)
        );
    }
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn null_arguments_to_the_constructors_are_errors() {
    let mut error = ptr::null_mut();
    // SAFETY: NULL `out`, valid `error`.
    let code = unsafe { cg_checker_new_builtin(ptr::null_mut(), &mut error) };
    assert_eq!(code, cg_code::NullArgument);
    assert!(take_error(error).1.contains("`out` is NULL"));

    let mut checker = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: NULL `bundle`, the rest valid.
    let code = unsafe {
        cg_checker_new_signed(
            ptr::null(),
            10,
            ptr::null(),
            0,
            c"/tmp".as_ptr(),
            4,
            0,
            &mut checker,
            &mut error,
        )
    };
    assert_eq!(code, cg_code::NullArgument);
    assert!(checker.is_null());
    assert!(take_error(error).1.contains("`bundle` is NULL"));

    let mut error = ptr::null_mut();
    // SAFETY: NULL `anchor` with a length; the rest valid.
    let code = unsafe {
        cg_checker_new_signed(
            BUILTIN_BUNDLE.as_ptr(),
            BUILTIN_BUNDLE.len(),
            ptr::null(),
            5,
            c"/tmp".as_ptr(),
            4,
            0,
            &mut checker,
            &mut error,
        )
    };
    assert_eq!(code, cg_code::NullArgument);
    assert!(take_error(error).1.contains("`anchor` is NULL"));
}

#[test]
fn errors_without_an_error_pointer_still_return_the_code() {
    // SAFETY: NULL `out` and NULL `error` are both allowed to be passed.
    let code = unsafe { cg_checker_new_builtin(ptr::null_mut(), ptr::null_mut()) };
    assert_eq!(code, cg_code::NullArgument);
}

#[test]
fn invalid_utf8_is_an_error_that_says_where() {
    let checker = builtin();
    let input = b"tokenp\xffcket.pro";
    let (code, message) = check(checker, input).expect_err("refused");
    assert_eq!(code, cg_code::InvalidUtf8);
    assert!(
        message.contains("`input` is not valid UTF-8 (byte 6 of 15)"),
        "{message}"
    );
    assert!(message.contains("convert the text to UTF-8"), "{message}");

    let (code, message) = json(cg_scan_json, checker, b"call \xe4\xb8 now").expect_err("refused");
    assert_eq!(code, cg_code::InvalidUtf8);
    assert!(message.contains("`text` is not valid UTF-8"), "{message}");
    assert_eq!(
        json(cg_check_json, checker, input).map_err(|e| e.0),
        Err(cg_code::InvalidUtf8)
    );
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn an_impossible_length_is_refused_before_it_is_read() {
    let checker = builtin();
    let mut verdict = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: the library must refuse the length before reading anything.
    let code = unsafe {
        cg_check(
            checker,
            b"x".as_ptr().cast(),
            usize::MAX,
            &mut verdict,
            &mut error,
        )
    };
    assert_eq!(code, cg_code::NullArgument);
    assert!(take_error(error).1.contains("`input_len`"));
    // SAFETY: from `builtin`, freed once.
    unsafe { cg_checker_free(checker) };
}

#[test]
fn the_error_pointer_is_set_to_null_on_success() {
    let checker = builtin();
    let mut verdict = ptr::null_mut();
    // Whatever the caller left there is overwritten, never read or freed.
    let mut error: *mut cg_error = ptr::dangling_mut();
    // SAFETY: valid pointers throughout.
    let code = unsafe {
        cg_check(
            checker,
            b"x.example".as_ptr().cast(),
            9,
            &mut verdict,
            &mut error,
        )
    };
    assert_eq!(code, cg_code::Ok);
    assert!(error.is_null());
    // SAFETY: each from the library, freed once.
    unsafe {
        cg_verdict_free(verdict);
        cg_checker_free(checker);
    }
}

#[test]
fn freeing_null_does_nothing_and_null_errors_read_safely() {
    // SAFETY: NULL is accepted by every free function and accessor.
    unsafe {
        cg_checker_free(ptr::null_mut());
        cg_verdict_free(ptr::null_mut());
        cg_string_free(ptr::null_mut());
        cg_error_free(ptr::null_mut());
        assert_eq!(cg_checker_registry_version(ptr::null()), 0);
        assert_eq!(cg_error_code(ptr::null()), cg_code::NullArgument);
        assert_eq!(
            text(cg_error_message(ptr::null())).as_deref(),
            Some("no error: the cg_error pointer is NULL")
        );
    }
}

#[test]
fn version_is_the_package_version() {
    assert_eq!(
        text(cg_version()).as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
}
