//! The library for JavaScript apps (the npm package `@contactguard/core`): a `Checker` whose
//! answers are the library's JSON contract, the same objects `contactguard check --format json`
//! and `scan --format json` print. The package's `index.js` parses them; this side speaks JSON
//! strings so that nothing is lost or renamed on the way.

use base64ct::{Base64, Encoding};
use contactguard::input::handle::Platform;
use contactguard::registry::{BUILTIN_ANCHOR, BUILTIN_BUNDLE};
use contactguard::trust::store::{
    load_trusted, load_update, Anchor, MemoryStore, StoredTrust, UpdateOutcome,
};
use contactguard::trust::time::Timestamp;
use contactguard::trust::TrustedRegistry;
use contactguard::{CheckOptions, Checker, Kind};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A checker over a verified registry: the compiled-in one, or a signed update the app
/// downloaded, accepted through the state the app keeps between runs.
///
/// ```
/// use contactguard_wasm::JsChecker;
///
/// let checker = JsChecker::builtin().map_err(|e| e.message)?;
/// let verdict: serde_json::Value = serde_json::from_str(&checker.check("tokenp0cket.pro"))?;
/// assert_eq!(verdict["status"], "impersonation");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[wasm_bindgen(js_name = Checker)]
pub struct JsChecker {
    checker: Checker,
    stored: Option<StoredTrust>,
    outcome: Option<&'static str>,
}

/// A call that cannot be answered, with what to do instead.
///
/// ```
/// use contactguard_wasm::JsChecker;
///
/// let checker = JsChecker::builtin().map_err(|e| e.message)?;
/// let e = checker.check_with("x", "{\"kind\":\"fax\"}").err().ok_or("accepted")?;
/// assert!(e.message.contains("kind"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct CallError {
    /// What went wrong and what to do.
    pub message: String,
}

impl From<CallError> for JsValue {
    fn from(e: CallError) -> JsValue {
        js_sys_error(&e.message)
    }
}

fn js_sys_error(message: &str) -> JsValue {
    JsError::new(message).into()
}

fn fail(message: impl Into<String>) -> CallError {
    CallError {
        message: message.into(),
    }
}

/// The options of `checkWith`, as JSON: `{"kind", "brand", "region", "platform"}`, each optional.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    kind: Option<Kind>,
    brand: Option<String>,
    region: Option<String>,
    platform: Option<String>,
}

/// The state an app keeps between runs, as JSON (the bundle in base64).
#[derive(Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Stored {
    bundle: String,
    floor: u64,
    root_version: u64,
    latest_known_time: i64,
}

/// Which registry answers, as JSON.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RegistryInfo<'a> {
    version: u64,
    issued_at: &'a str,
    expires: String,
    brands: usize,
}

fn now(now_ms: f64) -> Result<Timestamp, CallError> {
    if !now_ms.is_finite() || now_ms < 0.0 {
        return Err(fail(
            "now must be the time in milliseconds since 1970, as Date.now() gives",
        ));
    }
    Ok(Timestamp::from_unix((now_ms / 1000.0) as i64))
}

fn to_stored(json: &str) -> Result<StoredTrust, CallError> {
    let s: Stored = serde_json::from_str(json).map_err(|e| {
        fail(format!("the stored state is not what an earlier loadUpdate returned ({e}); pass null to start again from the built-in registry"))
    })?;
    let mut state = StoredTrust::default();
    state.bundle = Base64::decode_vec(&s.bundle)
        .map_err(|_| fail("the stored state's bundle is not base64; pass null to start again from the built-in registry"))?;
    state.floor = s.floor;
    state.root_version = s.root_version;
    state.latest_known_time = s.latest_known_time;
    Ok(state)
}

fn from_stored(state: &StoredTrust) -> String {
    let s = Stored {
        bundle: Base64::encode_string(&state.bundle),
        floor: state.floor,
        root_version: state.root_version,
        latest_known_time: state.latest_known_time,
    };
    serde_json::to_string(&s).unwrap_or_default()
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        format!("{{\"error\":\"the answer could not be written as JSON ({e}); please report this bug\"}}")
    })
}

#[wasm_bindgen(js_class = Checker)]
impl JsChecker {
    /// The registry compiled into the module, its signatures verified now.
    ///
    /// # Errors
    /// Only if the compiled-in registry does not verify, which the crate's tests rule out.
    pub fn builtin() -> Result<JsChecker, CallError> {
        let checker = Checker::builtin().map_err(|e| fail(e.to_string()))?;
        Ok(JsChecker {
            checker,
            stored: None,
            outcome: None,
        })
    }

    /// Accepts a signed registry file the app downloaded (`bundle`, the bytes of
    /// `registry.signed.json`) through the state it kept from the last call (`stored`, the JSON
    /// `stored` gave; `null` the first time): refused when it is older than what the state
    /// trusts, badly signed, expired or issued after `now_ms` (`Date.now()`). Keep the new
    /// `stored` for the next run.
    ///
    /// # Errors
    /// Why the file was refused; keep the checker you have.
    #[wasm_bindgen(js_name = loadUpdate)]
    pub fn load_update(
        bundle: &[u8],
        stored: Option<String>,
        now_ms: f64,
    ) -> Result<JsChecker, CallError> {
        let now = now(now_ms)?;
        let mut store = MemoryStore(stored.as_deref().map(to_stored).transpose()?);
        let (trusted, outcome) =
            load_update(&Anchor::root(BUILTIN_ANCHOR), bundle, &mut store, now)
                .map_err(|e| fail(format!("the update was refused: {e}")))?;
        Ok(JsChecker::with(trusted, store, Some(outcome)))
    }

    /// The newest registry the kept state holds (verified again), or the compiled-in one when
    /// it is newer or there is no state: what an app calls at start, offline.
    ///
    /// # Errors
    /// When the state no longer verifies (damaged or tampered with: start again with `null`).
    #[wasm_bindgen(js_name = fromStored)]
    pub fn from_stored(stored: Option<String>, now_ms: f64) -> Result<JsChecker, CallError> {
        let now = now(now_ms)?;
        let store = MemoryStore(stored.as_deref().map(to_stored).transpose()?);
        let (trusted, _) = load_trusted(&Anchor::root(BUILTIN_ANCHOR), &store, now)
            .map_err(|e| fail(format!("the stored registry does not verify: {e}")))?;
        Ok(JsChecker::with(trusted, store, None))
    }

    fn with(
        trusted: TrustedRegistry,
        store: MemoryStore,
        outcome: Option<UpdateOutcome>,
    ) -> JsChecker {
        JsChecker {
            checker: Checker::new(trusted),
            stored: store.0,
            outcome: outcome.map(|o| match o {
                UpdateOutcome::Updated { .. } => "updated",
                _ => "unchanged",
            }),
        }
    }

    /// The verdict on one contact, as the JSON of `contactguard check --format json`.
    pub fn check(&self, input: &str) -> String {
        json(&self.checker.check(input))
    }

    /// The verdict on one contact with options (JSON: `kind`, `brand`, `region`, `platform`).
    ///
    /// # Errors
    /// Options that are not JSON, or name no kind or platform.
    #[wasm_bindgen(js_name = checkWith)]
    pub fn check_with(&self, input: &str, options: &str) -> Result<String, CallError> {
        let o: Options = serde_json::from_str(options).map_err(|e| {
            fail(format!(
                "options are {{kind, brand, region, platform}}: {e}"
            ))
        })?;
        let mut opts = CheckOptions::default();
        if let Some(kind) = o.kind {
            opts = opts.kind(kind);
        }
        if let Some(brand) = &o.brand {
            opts = opts.brand(brand);
        }
        if let Some(region) = &o.region {
            opts = opts.region(region);
        }
        if let Some(name) = &o.platform {
            let platform = Platform::of_kind_name(name).ok_or_else(|| {
                let names: Vec<&str> = Platform::kind_names().collect();
                fail(format!(
                    "no platform '{name}'; the platforms are: {}",
                    names.join(", ")
                ))
            })?;
            opts = opts.platform(platform);
        }
        Ok(json(&self.checker.check_with(input, &opts)))
    }

    /// Every contact in a text, as the JSON of `contactguard scan --format json` (spans in
    /// bytes of the text's UTF-8).
    pub fn scan(&self, text: &str) -> String {
        json(&self.checker.scan(text))
    }

    /// Which registry answers: `{version, issuedAt, expires, brands}`.
    pub fn registry(&self) -> String {
        let trusted = self.checker.trusted();
        json(&RegistryInfo {
            version: trusted.stamp().version,
            issued_at: &trusted.stamp().issued_at,
            expires: trusted.expires().to_string(),
            brands: self.checker.registry().brands().len(),
        })
    }

    /// The state to keep for the next run (JSON), after `loadUpdate` or `fromStored`; `null`
    /// for the built-in registry with no state.
    pub fn stored(&self) -> Option<String> {
        self.stored.as_ref().map(from_stored)
    }

    /// What `loadUpdate` did: `updated` or `unchanged`; `null` otherwise.
    pub fn outcome(&self) -> Option<String> {
        self.outcome.map(str::to_owned)
    }
}

/// The compiled-in signed file, for tests and for apps that want to re-offer it.
#[wasm_bindgen(js_name = builtinBundle)]
pub fn builtin_bundle() -> Vec<u8> {
    BUILTIN_BUNDLE.to_vec()
}
