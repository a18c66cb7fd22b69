//! The opaque `cg_checker`: a verified registry plus its index, made from the registry
//! compiled into the library or from a signed distribution file the app downloaded.

use std::ffi::{c_char, CStr};

use std::path::Path;

use contactguard::trust::file_store::FileStore;
use contactguard::trust::store::{load_trusted, load_update, Anchor};
use contactguard::trust::time::Timestamp;
use contactguard::Checker;

use crate::error::{cg_code, cg_error, guard, quietly, Failure};
use crate::strings::{bytes_arg, str_arg, Out};

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
    /// A new `cg_checker *` the caller owns (freed with `cg_checker_free`).
    fn boxed(checker: Checker) -> *mut cg_checker {
        Box::into_raw(Box::new(cg_checker { checker }))
    }

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
            out.set(cg_checker::boxed(checker));
            Ok(())
        })
    }
}

/// Accepts a signed distribution file (`registry.signed.json`, as published by
/// `contactguard registry publish`) through the trust store in the folder `store_dir`, and makes
/// a checker over the registry the app then trusts. The file must verify (its root chain from
/// `anchor`, the signature thresholds, its expiry at `now_unix`) and must be no older than what
/// the store already trusts, nor signed by keys rotated out since: the store remembers the
/// newest registry version and root across restarts, so a replayed old or revoked file is
/// refused. The library has no clock: pass the current time, in seconds since 1970-01-01 UTC
/// (`time(NULL)`).
///
/// `anchor` is the root envelope to trust (a deployment's own `root-1.json`); pass NULL and 0 for
/// the root compiled into the library. `store_dir` is a folder path in UTF-8 (not
/// NUL-terminated; created, readable by its owner only, when missing), such as the app's data
/// folder; it is required: without a store, an old or revoked file could be replayed. Every
/// buffer is only read during the call.
///
/// ```c
/// // `file`, `file_len`: a registry update the app downloaded.
/// const char *store = "/data/data/com.example.wallet/files/contactguard";
/// cg_checker *updated = NULL;
/// cg_error *error = NULL;
/// cg_code code = cg_checker_new_signed(file, file_len, NULL, 0, store, strlen(store),
///                                      (int64_t)time(NULL), &updated, &error);
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
/// `CG_CODE_NULL_ARGUMENT` for a NULL `bundle`, `store_dir` or `out` (or a NULL `anchor` with a
/// nonzero length); `CG_CODE_INVALID_UTF8` when `store_dir` is not UTF-8;
/// `CG_CODE_VERIFY_FAILED` when the file is malformed, badly signed, tampered with, not from the
/// anchor's root, older than the registry the store trusts or signed by revoked keys;
/// `CG_CODE_EXPIRED` when it (or its root) expired, or is issued after `now_unix`;
/// `CG_CODE_STORE` when the store folder cannot be read or written.
///
/// # Safety
/// `bundle` is valid for reading `bundle_len` bytes; `anchor` is NULL or valid for reading
/// `anchor_len` bytes; `store_dir` is valid for reading `store_dir_len` bytes; `out` is valid for
/// writing one pointer; `error` is NULL or valid for writing one pointer.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn cg_checker_new_signed(
    bundle: *const u8,
    bundle_len: usize,
    anchor: *const u8,
    anchor_len: usize,
    store_dir: *const c_char,
    store_dir_len: usize,
    now_unix: i64,
    out: *mut *mut cg_checker,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        guard(error, || {
            let out = Out::new(out, "out")?;
            let bundle = bytes_arg(bundle, bundle_len, "bundle")?;
            let anchor = anchor_arg(anchor, anchor_len)?;
            let mut store = store_arg(store_dir, store_dir_len, &anchor)?;
            let (trusted, _) =
                load_update(&anchor, bundle, &mut store, Timestamp::from_unix(now_unix))
                    .map_err(Failure::verify)?;
            out.set(cg_checker::boxed(Checker::new(trusted)));
            Ok(())
        })
    }
}

/// Makes a checker over the newest registry the trust store in `store_dir` holds (accepted by
/// an earlier `cg_checker_new_signed`), verified again, or over the registry compiled into the
/// library when the store is empty or older: what an app calls at start, offline. Old data is
/// never refused here (it is the best there is); ask for an update when it is expired.
///
/// ```c
/// const char *store = "/data/data/com.example.wallet/files/contactguard";
/// cg_checker *checker = NULL;
/// cg_error *error = NULL;
/// if (cg_checker_new_stored(NULL, 0, store, strlen(store), (int64_t)time(NULL),
///                           &checker, &error) != CG_CODE_OK) {
///     fprintf(stderr, "contactguard: %s\n", cg_error_message(error));
///     cg_error_free(error);
/// }
/// ```
///
/// # Errors
/// As `cg_checker_new_signed`: `CG_CODE_VERIFY_FAILED` when the stored file no longer verifies
/// (the store was damaged or tampered with: delete the folder to start again from the built-in
/// registry); `CG_CODE_STORE` when the folder cannot be read.
///
/// # Safety
/// As `cg_checker_new_signed`, without a bundle.
#[no_mangle]
pub unsafe extern "C" fn cg_checker_new_stored(
    anchor: *const u8,
    anchor_len: usize,
    store_dir: *const c_char,
    store_dir_len: usize,
    now_unix: i64,
    out: *mut *mut cg_checker,
    error: *mut *mut cg_error,
) -> cg_code {
    // SAFETY: every pointer is as documented.
    unsafe {
        guard(error, || {
            let out = Out::new(out, "out")?;
            let anchor = anchor_arg(anchor, anchor_len)?;
            let store = store_arg(store_dir, store_dir_len, &anchor)?;
            let (trusted, _) = load_trusted(&anchor, &store, Timestamp::from_unix(now_unix))
                .map_err(Failure::verify)?;
            out.set(cg_checker::boxed(Checker::new(trusted)));
            Ok(())
        })
    }
}

/// The root to trust: the one compiled in (with the registry compiled in, which sets the first
/// rollback floor) for NULL and 0, else the given root envelope.
///
/// # Safety
/// As for `bytes_arg`.
unsafe fn anchor_arg<'a>(anchor: *const u8, anchor_len: usize) -> Result<Anchor<'a>, Failure> {
    match (anchor.is_null(), anchor_len) {
        (true, 0) => Ok(Anchor::builtin()),
        // SAFETY: forwarded from the caller.
        _ => Ok(Anchor::root(unsafe {
            bytes_arg(anchor, anchor_len, "anchor")
        }?)),
    }
}

/// The trust store in the folder `store_dir`.
///
/// # Safety
/// As for `str_arg`.
unsafe fn store_arg(
    store_dir: *const c_char,
    store_dir_len: usize,
    anchor: &Anchor<'_>,
) -> Result<FileStore, Failure> {
    if store_dir.is_null() {
        return Err(Failure::new(
            cg_code::NullArgument,
            "`store_dir` is NULL: a registry update is only accepted through a trust store, \
             which remembers the newest version and root so that an old or revoked file cannot \
             be replayed; pass a folder the app keeps (its data folder)",
        ));
    }
    // SAFETY: forwarded from the caller.
    let dir = unsafe { str_arg(store_dir, store_dir_len, "store_dir") }?;
    FileStore::open(Path::new(dir), anchor).map_err(|e| {
        Failure::new(
            cg_code::Store,
            format!(
                "cannot use the trust store folder {dir}: {e}; pass a folder the app may write"
            ),
        )
    })
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
