//! `cg_verdict`: the answer for one input as a small C struct, with `cg_status` and
//! `cg_kind`. Everything else a verdict holds (every finding, the official channels, phone
//! details) is in the JSON of `cg_check_json`.

use std::ffi::c_char;

use contactguard::{Kind, Status, Verdict};

use crate::error::quietly;
use crate::strings::{free_c, into_c};

/// The overall answer. Never "safe": a contact that matches nothing is `CG_STATUS_UNKNOWN`. The
/// values never change; they are the CLI's exit codes for the same status, except
/// `CG_STATUS_INVALID` (2), which the CLI reports as 4 (its 2 is a usage or I/O error).
#[repr(C)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum cg_status {
    /// Exactly an official channel of a brand (or a host inside an official domain's scope), in
    /// a registry whose signatures verified.
    Official = 0,
    /// Related to no brand in the registry: nobody can vouch for it. A status newer than this
    /// header also reads as unknown.
    Unknown = 1,
    /// Not a parseable contact (`message` says why).
    Invalid = 2,
    /// It imitates a brand: a lookalike of an official channel, the brand's name on a foreign
    /// host, or a kind of channel the brand does not have (a "hotline" of a wallet with none).
    Impersonation = 3,
}

impl From<Status> for cg_status {
    fn from(status: Status) -> cg_status {
        match status {
            Status::Official => cg_status::Official,
            Status::Impersonation => cg_status::Impersonation,
            Status::Invalid => cg_status::Invalid,
            _ => cg_status::Unknown,
        }
    }
}

/// What kind of contact the input was read as.
#[repr(C)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum cg_kind {
    /// A link with a scheme, path, port or user information.
    Url = 0,
    /// A bare domain name.
    Domain = 1,
    /// A telephone number.
    Phone = 2,
    /// A social-media handle.
    Handle = 3,
    /// An e-mail address.
    Email = 4,
    /// A kind newer than this header: read `kind` in the JSON.
    Other = 255,
}

impl From<Kind> for cg_kind {
    fn from(kind: Kind) -> cg_kind {
        match kind {
            Kind::Url => cg_kind::Url,
            Kind::Domain => cg_kind::Domain,
            Kind::Phone => cg_kind::Phone,
            Kind::Handle => cg_kind::Handle,
            Kind::Email => cg_kind::Email,
            _ => cg_kind::Other,
        }
    }
}

/// The answer for one input, from `cg_check`. Owned by the caller and read-only: free
/// it with `cg_verdict_free`. Its strings are NUL-terminated UTF-8 that live as long as the
/// verdict; each may be NULL where the comment says so.
#[repr(C)]
#[derive(Debug)]
pub struct cg_verdict {
    /// The overall answer.
    pub status: cg_status,
    /// What the input was read as.
    pub kind: cg_kind,
    /// The form that was compared (the ASCII/punycode host for links, E.164 for phone numbers);
    /// NULL when the input did not parse.
    pub normalized: *const c_char,
    /// The brand involved, by registry id (`"tokenpocket"`): the owner of the official channel,
    /// or the brand imitated. NULL when no brand is involved.
    pub brand_id: *const c_char,
    /// The same brand's display name (`"TokenPocket"`); NULL with `brand_id`.
    pub brand_name: *const c_char,
    /// How the input relates to the brand, from the most telling finding, as its JSON name
    /// (`"exact"`, `"homoglyph"`, `"typo"`, `"no_such_channel"` …; the list grows). NULL when
    /// nothing was found.
    pub technique: *const c_char,
    /// One English sentence: the most telling finding ("looks the same but is not: '0' (DIGIT
    /// ZERO) in place of 'o'"), or why an invalid input is invalid. NULL when there is nothing
    /// to say.
    pub message: *const c_char,
    /// The brand's first official channel of the same kind, to use instead (`"tokenpocket.pro"`);
    /// NULL when no brand is involved. The JSON lists them all.
    pub official_channel: *const c_char,
}

/// The language of `cg_verdict.message` from `cg_check_in`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum cg_lang {
    /// English (what `cg_check` gives).
    En = 0,
    /// Chinese in Simplified characters.
    ZhHans = 1,
    /// Chinese in Traditional characters (Taiwan, Hong Kong).
    ZhHant = 2,
}

impl cg_lang {
    /// The library's language.
    pub(crate) fn language(self) -> contactguard::i18n::Language {
        use contactguard::i18n::Language;
        match self {
            cg_lang::En => Language::En,
            cg_lang::ZhHans => Language::Zh,
            cg_lang::ZhHant => Language::ZhHant,
        }
    }

    /// The language a caller passed as a number, with the error for one that is not.
    pub(crate) fn from_arg(value: u32) -> Result<cg_lang, crate::error::Failure> {
        cg_lang::from_u32(value).ok_or_else(|| {
            crate::error::Failure::new(
                crate::error::cg_code::InvalidArgument,
                format!("`lang` is {value}; pass CG_LANG_EN (0), CG_LANG_ZH_HANS (1) or CG_LANG_ZH_HANT (2)"),
            )
        })
    }

    /// The language a caller passed as a number, if it is one.
    pub(crate) fn from_u32(value: u32) -> Option<cg_lang> {
        [cg_lang::En, cg_lang::ZhHans, cg_lang::ZhHant]
            .into_iter()
            .find(|l| *l as u32 == value)
    }
}

impl cg_verdict {
    /// The struct for `verdict`, with owned copies of its strings and `message` in `lang`.
    pub(crate) fn new_in(verdict: &Verdict, lang: cg_lang) -> cg_verdict {
        let finding = verdict.findings.first();
        let message = match verdict.status {
            Status::Invalid => verdict.message_in(lang.language()),
            _ => finding.and_then(|_| verdict.message_in(lang.language())),
        };
        let message = message.as_deref();
        cg_verdict {
            status: verdict.status.into(),
            kind: verdict.kind.into(),
            normalized: into_c(verdict.normalized.as_deref()),
            brand_id: into_c(verdict.brand.as_ref().map(|b| b.id.as_str())),
            brand_name: into_c(verdict.brand.as_ref().map(|b| b.name.as_str())),
            technique: into_c(finding.map(|f| f.technique.as_str())),
            message: into_c(message),
            official_channel: into_c(verdict.official_channels.first().map(|c| c.value.as_str())),
        }
    }
}

/// Frees a verdict and its strings. Freeing NULL does nothing.
///
/// # Safety
/// `verdict` is NULL or a pointer from `cg_check`, unchanged by the caller, freed once.
#[no_mangle]
pub unsafe extern "C" fn cg_verdict_free(verdict: *mut cg_verdict) {
    quietly((), || {
        if verdict.is_null() {
            return;
        }
        // SAFETY: it came from `Box::into_raw` in `cg_check` and is freed once; its string
        // fields came from `into_c` and are freed once with it.
        unsafe {
            let v = Box::from_raw(verdict);
            for s in [
                v.normalized,
                v.brand_id,
                v.brand_name,
                v.technique,
                v.message,
                v.official_channel,
            ] {
                free_c(s.cast_mut());
            }
        }
    });
}
