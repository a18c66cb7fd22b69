//! The web page's entry point: [`Page`] verifies the compiled-in registry and answers the
//! report on what the reader pasted, in the reader's language.

use contactguard::report::{self, Reader, Role};
use contactguard::trust::store::Freshness;
use contactguard::trust::time::Timestamp;
use contactguard::{Checker, Status};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::utf16;

/// The longest text the page reports on, in bytes: the library's own limit for one scan.
pub const MAX_TEXT: usize = contactguard::scan::MAX_SCAN_LEN;

/// The checker behind the page: the signed registry compiled into the module, verified when
/// the page is built.
#[wasm_bindgen]
pub struct Page {
    checker: Checker,
}

/// Why the page could not start, in words for the reader.
///
/// ```
/// use contactguard_wasm::StartError;
///
/// let e = StartError { message: "x".into() };
/// assert_eq!(e.message, "x");
/// ```
#[derive(Debug)]
pub struct StartError {
    /// What went wrong and what to do.
    pub message: String,
}

/// What [`Page::report`] answers, as JSON.
#[derive(Serialize)]
struct PageReport {
    /// The verdict on the whole text: `impersonation`, `unknown`, `official`, or none.
    status: Option<Status>,
    /// The language the report is written in (`en`, `zh-Hans`, `zh-Hant`).
    language: &'static str,
    /// The report's parts, with spans in UTF-16 code units of the text (as JavaScript counts).
    parts: Vec<PagePart>,
    /// The whole report as plain text: what "copy report" copies.
    text: String,
    /// The signed list that answered.
    list: ListInfo,
}

#[derive(Serialize)]
struct PagePart {
    role: Role,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct ListInfo {
    version: u64,
    issued: String,
    brands: usize,
    /// Past its expiry by the reader's clock: the page says the list is old.
    old: bool,
}

#[wasm_bindgen]
impl Page {
    /// Verifies the signed registry compiled into the module and builds its index.
    ///
    /// # Errors
    /// Only if the compiled-in registry does not verify, which the crate's tests rule out.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Page, StartError> {
        Checker::builtin()
            .map(|checker| Page { checker })
            .map_err(|e| StartError {
                message: format!("The list of official channels could not be verified ({e}). Reload the page; if it happens again, download the page anew."),
            })
    }

    /// The version of the signed list of official channels.
    pub fn list_version(&self) -> u32 {
        u32::try_from(self.checker.trusted().stamp().version).unwrap_or(u32::MAX)
    }

    /// The report on `text` as JSON, in the language of `locale` (a BCP 47 tag such as
    /// `zh-CN`, `zh-Hant-TW` or `en-GB`; other languages get English), with the places to
    /// report a scam of the locale's region. `now_ms` is the reader's clock (milliseconds since
    /// 1970, as `Date.now()`), used only to say when the list is old; `0` leaves it unsaid.
    pub fn report(&self, text: &str, locale: &str, now_ms: f64) -> String {
        let reader = Reader::of_locale(locale);
        let scan = self.checker.scan(text);
        let out = report::full(self.checker.registry(), text, &scan, &reader);
        let offsets = utf16::Offsets::new(text);
        let parts = out
            .parts()
            .iter()
            .map(|p| PagePart {
                role: p.role,
                text: p.text.trim().to_owned(),
                status: p.status,
                span: p
                    .span
                    .as_ref()
                    .map(|s| [offsets.of(s.start), offsets.of(s.end)]),
            })
            .collect();
        let trusted = self.checker.trusted();
        let stamp = trusted.stamp();
        let page = PageReport {
            status: scan.status,
            language: reader.language.tag(),
            parts,
            text: out.to_string().trim_start_matches('\n').to_owned(),
            list: ListInfo {
                version: stamp.version,
                issued: stamp
                    .issued_at
                    .get(..10)
                    .unwrap_or(&stamp.issued_at)
                    .to_owned(),
                brands: self.checker.registry().brands().len(),
                old: now_ms > 0.0
                    && matches!(
                        trusted.freshness(Timestamp::from_unix((now_ms / 1000.0) as i64)),
                        Freshness::Expired { .. }
                    ),
            },
        };
        serde_json::to_string(&page).unwrap_or_else(|e| {
            format!(
                "{{\"error\":\"the report could not be written ({e}); please report this bug\"}}"
            )
        })
    }
}

impl From<StartError> for JsValue {
    fn from(e: StartError) -> JsValue {
        JsValue::from_str(&e.message)
    }
}
