//! How data crosses the boundary. Inputs are borrowed as pointer + length (never
//! NUL-terminated, so text may hold any character); outputs are owned, NUL-terminated UTF-8
//! strings the caller frees with `cg_string_free`, and out-parameters are set to NULL before
//! anything else happens, so that they are NULL on every failure.

use std::ffi::{c_char, CString};
use std::ptr;

use crate::error::{cg_code, quietly, Failure};

/// Frees a string the library returned (`cg_check_json`, `cg_scan_json`). Freeing NULL does
/// nothing.
///
/// # Safety
/// `string` is NULL or a string a contactguard call returned, freed once.
#[no_mangle]
pub unsafe extern "C" fn cg_string_free(string: *mut c_char) {
    quietly((), || {
        // SAFETY: NULL or a string from `into_c`, freed once (the caller's contract).
        unsafe { free_c(string) }
    });
}

/// `text` as a C string. Output strings never hold NUL: one in `text` (possible only in a string
/// that echoes the input) becomes U+FFFD. The JSON calls escape it instead.
pub(crate) fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

/// `text` as an owned C string for the caller; NULL for `None`.
pub(crate) fn into_c(text: Option<&str>) -> *mut c_char {
    text.map_or(ptr::null_mut(), |t| c_string(t).into_raw())
}

/// Frees a string from [`into_c`].
///
/// # Safety
/// `string` is NULL or came from [`into_c`], and is freed once.
pub(crate) unsafe fn free_c(string: *mut c_char) {
    if !string.is_null() {
        // SAFETY: it came from `CString::into_raw` (the caller's contract).
        drop(unsafe { CString::from_raw(string) });
    }
}

/// The `len` bytes at `data`, borrowed; `name` is the parameter's name, for the error.
///
/// # Safety
/// `data` is NULL or valid for reading `len` bytes that stay unchanged while the result lives.
pub(crate) unsafe fn bytes_arg<'a>(
    data: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a [u8], Failure> {
    if data.is_null() {
        return Err(Failure::null(name));
    }
    if isize::try_from(len).is_err() {
        return Err(Failure::new(
            cg_code::NullArgument,
            format!("`{name}_len` is {len}, more than any buffer can hold; pass the real length"),
        ));
    }
    // SAFETY: non-NULL, `len` readable bytes that stay put (the caller's contract), and `len`
    // fits in `isize`.
    Ok(unsafe { std::slice::from_raw_parts(data, len) })
}

/// The `len` bytes of UTF-8 text at `text`, borrowed; `name` is the parameter's name.
///
/// # Safety
/// As for [`bytes_arg`].
pub(crate) unsafe fn str_arg<'a>(
    text: *const c_char,
    len: usize,
    name: &str,
) -> Result<&'a str, Failure> {
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { bytes_arg(text.cast::<u8>(), len, name) }?;
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            cg_code::InvalidUtf8,
            format!(
                "`{name}` is not valid UTF-8 (byte {} of {len}); convert the text to UTF-8 \
                 before checking it",
                e.valid_up_to()
            ),
        )
    })
}

/// An out-parameter: `T **` from the caller, set to NULL on creation and to the result once
/// everything succeeded.
pub(crate) struct Out<T>(*mut *mut T);

impl<T> Out<T> {
    /// Takes `out` (named `name` in errors) and sets `*out` to NULL.
    ///
    /// # Safety
    /// `out` is NULL or valid for writing one pointer until [`Out::set`].
    pub(crate) unsafe fn new(out: *mut *mut T, name: &str) -> Result<Out<T>, Failure> {
        if out.is_null() {
            return Err(Failure::null(name));
        }
        // SAFETY: non-NULL and writable (the caller's contract).
        unsafe { out.write(ptr::null_mut()) };
        Ok(Out(out))
    }

    /// Hands `value` to the caller. Call it last: nothing may fail after it.
    pub(crate) fn set(self, value: *mut T) {
        // SAFETY: checked non-NULL and writable in `Out::new`.
        unsafe { self.0.write(value) };
    }
}
