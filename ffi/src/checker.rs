//! The opaque `cg_checker`: a verified registry plus its index, made from the registry
//! compiled into the library or from a signed distribution file the app downloaded.

use std::ffi::{c_char, CStr};

use contactguard::registry::{TrustedRegistry, BUILTIN_ANCHOR};
use contactguard::trust::time::Timestamp;
use contactguard::Checker;

use crate::error::{cg_code, cg_error, guard, quietly, Failure};
use crate::strings::{bytes_arg, Out};

/// Checks contacts against a registry whose signatures verified. Immutable once made: one
/// `cg_checker *` may be used by any number of threads at once. Free it with
/// `cg_checker_free`.
#[derive(Debug)]
pub struct cg_checker {
    pub(crate) checker: Checker,
}

// The promise above: the library's checker may be shared between threads.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<Checker>();
};

impl cg_checker {
    /// The checker behind `checker`.
    ///
    /// # Safety
    /// `checker` is NULL or a live pointer from a `cg_checker_new_*` call.
    pub(crate) unsafe fn from_ptr<'a>(checker: *const cg_checker) -> Result<&'a Checker, Failure> {
        // SAFETY: NULL or live (the caller's contract).
        match unsafe { checker.as_ref() } {
            Some(c) => Ok(&c.checker),
            None => Err(Failure::null("checker")),
        }
    }
}

/// Makes a checker over the registry compiled into the library (verified against the
/// compiled-in root; built once per process, later calls are cheap). Stores it in `*out`.
///
/// ```c
/// cg_checker *checker = NULL;
/// cg_error *error = NULL;
/// if (cg_checker_new_builtin(&checker, &error) != CG_CODE_OK) {
///     fprintf(stderr, "contactguard: %s\n", cg_error_message(error));
///     cg_error_free(error);
///     return 1;
/// }
/// // ... cg_check(checker, ...) from any thread ...
/// cg_checker_free(checker);
/// ```
///
/// # Errors
/// `CG_CODE_NULL_ARGUMENT` when `out` is NULL; `CG_CODE_REGISTRY` if the embedded registry does
/// not verify (a broken build).
///
/// # Safety
/// `out` is valid for writing one pointer; `error` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn cg_checker_new_builtin(
    out: *mut *mut cg_checker,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: `error` and `out` are as documented.
    unsafe {
        guard(error, || {
            let out = Out::new(out, "out")?;
            let checker = Checker::builtin().map_err(|e| {
                Failure::new(
                    cg_code::Registry,
                    format!(
                        "the built-in registry did not load: {e}; this build of contactguard is \
                         broken: rebuild it from a clean checkout"
                    ),
                )
            })?;
            out.set(Box::into_raw(Box::new(cg_checker { checker })));
            Ok(())
        })
    }
}

/// Makes a checker over a signed distribution file (`registry.signed.json`, as published by
/// `contactguard registry publish`), verified before use: its root chain from `anchor`, the
/// signature thresholds, and its expiry at `now_unix`. The library has no clock: pass the
/// current time, in seconds since 1970-01-01 UTC (`time(NULL)`).
///
/// `anchor` is the root envelope to trust (a deployment's own `root-1.json`); pass NULL and 0 for
/// the root compiled into the library, which also refuses files from before its latest root.
/// Both buffers are only read during the call.
///
/// ```c
/// // `file`, `file_len`: a registry update the app downloaded.
/// cg_checker *updated = NULL;
/// cg_error *error = NULL;
/// cg_code code = cg_checker_new_signed(file, file_len, NULL, 0, (int64_t)time(NULL),
///                                      &updated, &error);
/// if (code == CG_CODE_OK) {
///     cg_checker_free(checker);   // swap in the new registry
///     checker = updated;
/// } else {                        // CG_CODE_VERIFY_FAILED, CG_CODE_EXPIRED ...
///     log_warning(cg_error_message(error));   // keep the checker you have
///     cg_error_free(error);
/// }
/// ```
///
/// # Errors
/// `CG_CODE_NULL_ARGUMENT` for a NULL `bundle` or `out` (or a NULL `anchor` with a nonzero
/// length); `CG_CODE_VERIFY_FAILED` when the file is malformed, badly signed, tampered with or
/// not from the anchor's root; `CG_CODE_EXPIRED` when it (or its root) expired, or is issued
/// after `now_unix`.
///
/// # Safety
/// `bundle` is valid for reading `bundle_len` bytes; `anchor` is NULL or valid for reading
/// `anchor_len` bytes; `out` is valid for writing one pointer; `error` is NULL or valid for
/// writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn cg_checker_new_signed(
    bundle: *const u8,
    bundle_len: usize,
    anchor: *const u8,
    anchor_len: usize,
    now_unix: i64,
    out: *mut *mut cg_checker,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        guard(error, || {
            let out = Out::new(out, "out")?;
            let bundle = bytes_arg(bundle, bundle_len, "bundle")?;
            let anchor = match (anchor.is_null(), anchor_len) {
                (true, 0) => BUILTIN_ANCHOR,
                _ => bytes_arg(anchor, anchor_len, "anchor")?,
            };
            let trusted =
                TrustedRegistry::from_bundle(anchor, bundle, Timestamp::from_unix(now_unix))
                    .map_err(Failure::registry)?;
            let checker = Checker::new(trusted);
            out.set(Box::into_raw(Box::new(cg_checker { checker })));
            Ok(())
        })
    }
}

/// Frees a checker. Freeing NULL does nothing. No other thread may be using it.
///
/// # Safety
/// `checker` is NULL or a pointer from a `cg_checker_new_*` call, freed once.
#[no_mangle]
pub unsafe extern "C" fn cg_checker_free(checker: *mut cg_checker) {
    quietly((), || {
        if !checker.is_null() {
            // SAFETY: it came from `Box::into_raw` in a constructor and is freed once.
            drop(unsafe { Box::from_raw(checker) });
        }
    });
}

/// The content version of the checker's registry (its signed `version`); 0 for NULL. An app can
/// compare it with a downloaded file's before swapping checkers.
///
/// # Safety
/// `checker` is NULL or a live pointer from a `cg_checker_new_*` call.
#[no_mangle]
pub unsafe extern "C" fn cg_checker_registry_version(checker: *const cg_checker) -> u64 {
    quietly(0, || {
        // SAFETY: NULL or live (the caller's contract).
        unsafe { cg_checker::from_ptr(checker) }.map_or(0, |c| c.registry().version())
    })
}

/// The version of this library (`"0.1.0"`), a static NUL-terminated string: never free it.
#[no_mangle]
pub extern "C" fn cg_version() -> *const c_char {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => panic!("the package version holds a NUL"),
        };
    VERSION.as_ptr()
}
