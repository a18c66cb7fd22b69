//! Errors across the boundary: a `cg_code` from every fallible call, an owned `cg_error`
//! with a message for callers that ask for one, and the panic guard every entry point runs in.

use std::any::Any;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use contactguard::trust::verify::VerifyError;

use crate::strings::c_string;

/// What a fallible call did. `CG_CODE_OK` is zero; every other value is a failure, and the
/// `cg_error` (when one was asked for) says what to do about it.
#[repr(C)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum cg_code {
    /// Success.
    Ok = 0,
    /// A required pointer was NULL (or a pointer was NULL with a nonzero length).
    NullArgument = 1,
    /// Text was not valid UTF-8.
    InvalidUtf8 = 2,
    /// The signed registry file did not verify (signatures, anchor, format, rollback): keep
    /// using the checker you have.
    VerifyFailed = 3,
    /// The signed registry file has expired, or is issued in the future: download a newer one,
    /// or check the device clock.
    Expired = 4,
    /// A registry is broken in a way verification does not cover (the embedded one failed to
    /// load: the build is broken).
    Registry = 5,
    /// The library failed in a way that is not the caller's fault (a result could not be
    /// serialized).
    Internal = 6,
    /// A bug in contactguard: a panic was caught at the boundary. The checker stays usable;
    /// please report the input.
    Panic = 7,
    /// The trust store folder cannot be read or written: pass a folder the app may write.
    Store = 8,
    /// The result would be larger than the documented limit (`CG_MAX_SCAN_JSON`): pass a
    /// smaller input.
    TooLarge = 9,
    /// An argument is outside its documented values (a language that is no `CG_LANG_*`).
    InvalidArgument = 10,
}

/// An error: its code and an English message that says what went wrong and what to do next.
/// Owned by the caller; free it with `cg_error_free`.
#[derive(Debug)]
pub struct cg_error {
    code: cg_code,
    message: CString,
}

/// The code of `error` (`CG_CODE_NULL_ARGUMENT` for NULL).
///
/// # Safety
/// `error` is NULL or a pointer a contactguard call stored in a `cg_error **` and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cg_error_code(error: *const cg_error) -> cg_code {
    quietly(cg_code::Panic, || {
        // SAFETY: the caller passes NULL or a live error, as documented.
        match unsafe { error.as_ref() } {
            Some(e) => e.code,
            None => cg_code::NullArgument,
        }
    })
}

/// The message of `error`, NUL-terminated UTF-8, valid until the error is freed. Never NULL: for a
/// NULL `error` it is a static text saying so.
///
/// ```c
/// cg_error *error = NULL;
/// if (cg_checker_new_signed(file, file_len, NULL, 0, store, strlen(store), time(NULL),
///                           &checker, &error) != CG_CODE_OK) {
///     fprintf(stderr, "registry update refused (%d): %s\n",
///             cg_error_code(error), cg_error_message(error));
///     cg_error_free(error);
/// }
/// ```
///
/// # Safety
/// `error` is NULL or a pointer a contactguard call stored in a `cg_error **` and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cg_error_message(error: *const cg_error) -> *const c_char {
    const NO_ERROR: &std::ffi::CStr = c"no error: the cg_error pointer is NULL";
    quietly(NO_ERROR.as_ptr(), || {
        // SAFETY: the caller passes NULL or a live error, as documented.
        match unsafe { error.as_ref() } {
            Some(e) => e.message.as_ptr(),
            None => NO_ERROR.as_ptr(),
        }
    })
}

/// Frees an error. Freeing NULL does nothing.
///
/// # Safety
/// `error` is NULL or a pointer a contactguard call stored in a `cg_error **`, freed once.
#[no_mangle]
pub unsafe extern "C" fn cg_error_free(error: *mut cg_error) {
    quietly((), || {
        if !error.is_null() {
            // SAFETY: a non-NULL error came from `Box::into_raw` in `guard` and is freed once.
            drop(unsafe { Box::from_raw(error) });
        }
    });
}

/// A failed call, before it becomes a `cg_error`.
#[derive(Debug)]
pub(crate) struct Failure {
    code: cg_code,
    message: String,
}

impl Failure {
    pub(crate) fn new(code: cg_code, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// A NULL where `name` was required.
    pub(crate) fn null(name: &str) -> Failure {
        Failure::new(
            cg_code::NullArgument,
            format!("`{name}` is NULL; pass a valid pointer (see contactguard.h)"),
        )
    }

    /// A signed file that did not verify, or a store that failed.
    pub(crate) fn verify(error: VerifyError) -> Failure {
        match error {
            e @ (VerifyError::Expired { .. }
            | VerifyError::RootExpired { .. }
            | VerifyError::NotYetValid { .. }) => Failure::new(
                cg_code::Expired,
                format!(
                    "the signed registry did not verify: {e}; download a newer registry file \
                     (or check the device clock, and pass the current time), and keep using the \
                     checker you have"
                ),
            ),
            e @ VerifyError::Store(_) => Failure::new(
                cg_code::Store,
                format!("{e}; keep using the checker you have"),
            ),
            e => Failure::new(
                cg_code::VerifyFailed,
                format!(
                    "the signed registry did not verify: {e}; use a file published by \
                     `contactguard registry publish`, verified against the anchor of its root \
                     and newer than the registry already trusted, and keep using the checker \
                     you have"
                ),
            ),
        }
    }

    /// A panic caught at the boundary.
    fn panic(payload: &(dyn Any + Send)) -> Failure {
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Failure::new(
            cg_code::Panic,
            format!(
                "contactguard panicked ({what}); this is a bug: please report it with the input \
                 that caused it. The checker is still usable."
            ),
        )
    }
}

/// Runs `body` with panics caught, and turns its outcome into a code and (when `error` is not
/// NULL) an owned `cg_error`. `*error` is set to NULL first, so it is NULL on success.
///
/// # Safety
/// `error` is NULL or valid for writing one pointer.
pub(crate) unsafe fn guard(
    error: *mut *mut cg_error,
    body: impl FnOnce() -> Result<(), Failure>,
) -> cg_code {
    if !error.is_null() {
        // SAFETY: non-NULL `error` is valid for writes (the caller's contract).
        unsafe { error.write(ptr::null_mut()) };
    }
    let outcome = catch_unwind(AssertUnwindSafe(body))
        .unwrap_or_else(|payload| Err(Failure::panic(&*payload)));
    match outcome {
        Ok(()) => cg_code::Ok,
        Err(failure) => {
            let code = failure.code;
            if !error.is_null() {
                let object = Box::new(cg_error {
                    code,
                    message: c_string(&failure.message),
                });
                // SAFETY: as above.
                unsafe { error.write(Box::into_raw(object)) };
            }
            code
        }
    }
}

/// Runs an infallible `body` with panics caught; a panic gives `fallback`.
pub(crate) fn quietly<R>(fallback: R, body: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_code_and_a_message() {
        let mut error = ptr::null_mut();
        // SAFETY: `error` is valid for writes.
        let code = unsafe { guard(&mut error, || panic!("boom at the boundary")) };
        assert_eq!(code, cg_code::Panic);
        // SAFETY: the error `guard` stored, read and freed once.
        unsafe {
            assert_eq!(cg_error_code(error), cg_code::Panic);
            let message = std::ffi::CStr::from_ptr(cg_error_message(error))
                .to_str()
                .expect("UTF-8");
            assert!(message.contains("contactguard panicked (boom at the boundary)"));
            assert!(message.contains("this is a bug"));
            cg_error_free(error);
        }
        assert_eq!(
            quietly(7, || panic!("{}", String::from("owned message"))),
            7
        );
    }

    #[test]
    fn each_verify_failure_gets_the_code_that_says_what_to_do() {
        let expired = Failure::verify(VerifyError::Expired {
            expires: "2027-05-22T00:00:00Z".into(),
            now: "2030-01-01T00:00:00Z".into(),
        });
        assert_eq!(expired.code, cg_code::Expired);
        assert!(expired.message.contains("download a newer registry file"));
        let forged = Failure::verify(VerifyError::Malformed("not JSON".into()));
        assert_eq!(forged.code, cg_code::VerifyFailed);
        let rollback = Failure::verify(VerifyError::Rollback {
            trusted: 9,
            found: 7,
        });
        assert_eq!(rollback.code, cg_code::VerifyFailed);
        assert!(rollback
            .message
            .contains("newer than the registry already trusted"));
        let store = Failure::verify(VerifyError::Store("disk full".into()));
        assert_eq!(store.code, cg_code::Store);
    }
}
