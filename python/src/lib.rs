//! contactguard for Python (PyO3): `contactguard.Checker`, whose answers are the library's JSON
//! contract as Python dicts (the objects `contactguard check --format json` prints).
//!
//! ```text
//! >>> import contactguard
//! >>> c = contactguard.Checker()
//! >>> c.check("tokenp0cket.pro")["status"]
//! 'impersonation'
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::num::NonZeroUsize;

use contactguard::input::handle::Platform;
use contactguard::{CheckOptions, Kind};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use serde::Serialize;

/// How many inputs `check_many` judges between two returns to Python (bounded memory for the
/// JSON in flight; the answers themselves are the list returned).
const CHUNK: usize = 8192;

/// A checker over the signed registry compiled into the module, its signatures verified when
/// it is made. Thread-safe; make one and reuse it.
#[pyclass(frozen, module = "contactguard")]
struct Checker {
    inner: contactguard::Checker,
}

/// The options as the library takes them, with errors that say what is allowed.
fn options(
    kind: Option<&str>,
    brand: Option<&str>,
    region: Option<&str>,
    platform: Option<&str>,
) -> PyResult<CheckOptions> {
    let mut o = CheckOptions::default();
    if let Some(k) = kind {
        let kind = match k {
            "url" => Kind::Url,
            "domain" => Kind::Domain,
            "phone" => Kind::Phone,
            "handle" => Kind::Handle,
            "email" => Kind::Email,
            "text" => Kind::Text,
            other => {
                return Err(PyValueError::new_err(format!(
                    "kind is one of url, domain, phone, handle, email, text, not '{other}'"
                )))
            }
        };
        o = o.kind(kind);
    }
    if let Some(b) = brand {
        o = o.brand(b);
    }
    if let Some(r) = region {
        o = o.region(r);
    }
    if let Some(name) = platform {
        let p = Platform::of_kind_name(name).ok_or_else(|| {
            let names: Vec<&str> = Platform::kind_names().collect();
            PyValueError::new_err(format!(
                "no platform '{name}'; the platforms are: {}",
                names.join(", ")
            ))
        })?;
        o = o.platform(p);
    }
    Ok(o)
}

fn to_json(value: &impl Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| {
        PyRuntimeError::new_err(format!(
            "the answer could not be written as JSON ({e}); please report this bug"
        ))
    })
}

/// JSON text as Python objects (dicts, lists, strings, numbers).
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

#[pymethods]
impl Checker {
    /// Verifies the compiled-in registry and builds its index (about a millisecond).
    #[new]
    fn new() -> PyResult<Self> {
        contactguard::Checker::builtin()
            .map(|inner| Checker { inner })
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// The verdict on one contact (link, domain, phone number, account, e-mail address) as a
    /// dict; `kind`, `brand`, `region` and `platform` as in `contactguard check`.
    #[pyo3(signature = (input, *, kind=None, brand=None, region=None, platform=None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        input: &str,
        kind: Option<&str>,
        brand: Option<&str>,
        region: Option<&str>,
        platform: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = options(kind, brand, region, platform)?;
        let json = py.detach(|| to_json(&self.inner.check_with(input, &o)))?;
        loads(py, &json)
    }

    /// The verdicts on every string of an iterable, in order, as a list of dicts: judged
    /// without the GIL on every core (`threads` to choose how many). Like `contactguard batch`,
    /// the verdicts are lean (no registry stamp, no sources of the channels cited) unless
    /// `provenance=True`.
    #[pyo3(signature = (inputs, *, kind=None, brand=None, region=None, platform=None, threads=None, provenance=false))]
    #[allow(clippy::too_many_arguments)]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        inputs: &Bound<'py, PyAny>,
        kind: Option<&str>,
        brand: Option<&str>,
        region: Option<&str>,
        platform: Option<&str>,
        threads: Option<usize>,
        provenance: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let o = options(kind, brand, region, platform)?;
        let threads = threads
            .or_else(|| {
                std::thread::available_parallelism()
                    .ok()
                    .map(NonZeroUsize::get)
            })
            .unwrap_or(1)
            .max(1);
        let out = PyList::empty(py);
        let mut chunk: Vec<String> = Vec::with_capacity(CHUNK);
        let mut items = inputs.try_iter().map_err(|_| {
            PyTypeError::new_err(
                "check_many takes an iterable of strings (a list, a Series, a file)",
            )
        })?;
        loop {
            chunk.clear();
            for item in items.by_ref().take(CHUNK) {
                let item = item?;
                let text = item.cast::<PyString>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "check_many takes strings; item {} is {}",
                        out.len() + chunk.len(),
                        item.get_type()
                            .name()
                            .map_or_else(|_| "something else".to_owned(), |n| n.to_string())
                    ))
                })?;
                chunk.push(text.to_cow()?.into_owned());
            }
            if chunk.is_empty() {
                return Ok(out);
            }
            let answers = py.detach(|| judge_all(&self.inner, &chunk, &o, threads, provenance));
            for json in answers {
                out.append(loads(py, &json?)?)?;
            }
        }
    }

    /// Every contact in a message or page, as the dict `contactguard scan --format json` prints
    /// (spans in bytes of the text's UTF-8).
    fn scan<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let json = py.detach(|| to_json(&self.inner.scan(text)))?;
        loads(py, &json)
    }

    /// Which registry answers: `{"version", "issued_at", "expires", "brands"}`.
    #[getter]
    fn registry<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let trusted = self.inner.trusted();
        let info = serde_json::json!({
            "version": trusted.stamp().version,
            "issued_at": trusted.stamp().issued_at,
            "expires": trusted.expires().to_string(),
            "brands": self.inner.registry().brands().len(),
        });
        loads(py, &info.to_string())
    }
}

/// Every input judged, in order, on `threads` threads.
fn judge_all(
    checker: &contactguard::Checker,
    inputs: &[String],
    o: &CheckOptions,
    threads: usize,
    provenance: bool,
) -> Vec<PyResult<String>> {
    let per = inputs.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = inputs
            .chunks(per)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|i| {
                            let mut v = checker.check_with(i, o);
                            if !provenance {
                                v.lean();
                            }
                            to_json(&v)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(PyRuntimeError::new_err(
                        "a check failed unexpectedly; please report this bug with the input",
                    ))]
                })
            })
            .collect()
    })
}

/// The module `contactguard._contactguard`, re-exported by the `contactguard` package.
#[pymodule]
fn _contactguard(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Checker>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
