//! contactguard in JavaScript: the library compiled to WebAssembly, for the web page
//! (`wasm/page/`, [`Page`]) and for apps (the npm package in `npm/`, [`JsChecker`], exported to
//! JavaScript as `Checker`).
//!
//! The page builds one [`Page`] (which verifies the signed registry compiled into it) and asks
//! [`Page::report`] for the report on whatever the reader pasted, in the reader's language.
//! Nothing leaves the device: the module has no network access and the page makes no request
//! after it has loaded.
//!
//! The same functions run natively, so the tests check them without a browser:
//!
//! ```
//! use contactguard_wasm::Page;
//!
//! let page = Page::new().map_err(|e| e.message)?;
//! let json = page.report("TokenPocket客服电话 400-123-4567", "zh-CN", 0.0);
//! let report: serde_json::Value = serde_json::from_str(&json)?;
//! assert_eq!(report["status"], "impersonation");
//! assert!(report["text"].as_str().unwrap_or("").contains("96110"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Each build holds only what it exports: the page (`page`) or the npm package (`app`).
#[cfg(feature = "app")]
mod checker;
#[cfg(feature = "page")]
mod page;
#[cfg(feature = "page")]
mod utf16;

#[cfg(feature = "app")]
pub use checker::{builtin_bundle, CallError, JsChecker};
#[cfg(feature = "page")]
pub use page::{Page, StartError, MAX_TEXT};
