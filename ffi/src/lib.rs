//! The C ABI of contactguard: check a phone number, link, handle or e-mail address against the
//! signed registry of brands' official channels, or scan a whole text, from C, C++, Swift,
//! Kotlin/JNI, Go (cgo), Python (ctypes/cffi) or any language with a C FFI.
//!
//! The header is `ffi/include/contactguard.h`, generated from this crate by cbindgen
//! (`ffi/cbindgen.toml`) and committed; `tests/header.rs` fails when it drifts. The crate builds
//! `libcontactguard_ffi.so` (cdylib) and `libcontactguard_ffi.a` (staticlib).
//!
//! # Contents
//!
//! - [`checker`]: the opaque `cg_checker`, from the embedded registry, or from a signed file
//!   accepted through a trust store in a folder the app keeps;
//! - [`check`]: `cg_check`, `cg_check_json` and `cg_scan_json` (and their `_in` forms in a
//!   `cg_lang`), the work;
//! - [`report`]: `cg_report_json`, the report a person reads, in their language, with what
//!   to do next and where to report a scam in their region;
//! - [`verdict`]: `cg_verdict`, the small struct `cg_check` returns, and its enums;
//! - [`error`]: `cg_code` and the `cg_error` object every fallible call can hand back;
//! - [`strings`]: how text crosses the boundary, and `cg_string_free`.
//!
//! # Rules of the ABI
//!
//! - Inputs are pointer + length, never NUL-terminated; text must be UTF-8. A NULL pointer or
//!   invalid UTF-8 is an error code, never undefined behaviour.
//! - Every allocation the library returns has one free function; freeing NULL does nothing.
//! - Fallible calls return a [`cg_code`] and, when the caller passes a `cg_error **`, an owned
//!   error whose message says what to do next.
//! - No panic crosses the boundary: every entry point catches it and returns
//!   [`cg_code::Panic`].
//! - A `cg_checker` is immutable: one pointer may be shared by any number of threads.
//!
//! # Example
//!
//! ```c
//! cg_checker *checker = NULL;
//! cg_error *error = NULL;
//! if (cg_checker_new_builtin(&checker, &error) != CG_CODE_OK) {
//!     fprintf(stderr, "%s\n", cg_error_message(error));
//!     cg_error_free(error);
//!     return 1;
//! }
//! const char *input = "tokenp0cket.pro";
//! cg_verdict *verdict = NULL;
//! if (cg_check(checker, input, strlen(input), &verdict, &error) == CG_CODE_OK) {
//!     // verdict->status == CG_STATUS_IMPERSONATION, verdict->brand_id == "tokenpocket"
//!     printf("%s imitates %s\n", input, verdict->brand_name);
//! }
//! cg_verdict_free(verdict);
//! cg_error_free(error);
//! cg_checker_free(checker);
//! ```

#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]
// The C names (`cg_checker`, `cg_verdict` …) are the Rust names, so the header and the code
// read the same.
#![allow(non_camel_case_types)]

// In the order the header lists them: make a checker, use it, read the answer, handle errors.
pub mod check;
pub mod checker;
pub mod error;
pub mod report;
pub mod strings;
pub mod verdict;

pub use check::{
    cg_check, cg_check_in, cg_check_json, cg_check_json_in, cg_scan_json, cg_scan_json_in,
    CG_MAX_SCAN_JSON,
};
pub use checker::{
    cg_checker, cg_checker_free, cg_checker_new_builtin, cg_checker_new_signed,
    cg_checker_new_stored, cg_checker_registry_version, cg_version,
};
pub use error::{cg_code, cg_error, cg_error_code, cg_error_free, cg_error_message};
pub use report::cg_report_json;
pub use strings::cg_string_free;
pub use verdict::{cg_kind, cg_lang, cg_status, cg_verdict, cg_verdict_free};
