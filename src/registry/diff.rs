//! The semantic difference between two registry payloads: brands and channels added, removed
//! or changed, and the version and expiry change. What a reviewer reads before signing.

use std::fmt;

use serde::Serialize;

use crate::registry::{Brand, RegistryData};

/// What happened to an item.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Op {
    /// Only in the new payload.
    Added,
    /// Only in the old payload.
    Removed,
    /// In both, different.
    Changed,
}

/// One difference.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// What happened.
    pub op: Op,
    /// The brand id.
    pub brand: String,
    /// What changed: `brand`, `channel`, `no_channel`, `names`, `common_words`, `lookalikes`, `statements`,
    /// `region`.
    pub item: &'static str,
    /// For channels: the kind and value (`domain tokenpocket.pro`); else a summary.
    pub subject: String,
    /// For changed channels: which fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// The difference between two payloads.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Diff {
    /// Old and new version.
    pub version: (u64, u64),
    /// Old and new expiry.
    pub expires: (String, String),
    /// The changes, brand by brand.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether the brands and channels are the same (only version or dates may differ).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The difference from `old` to `new`.
///
/// ```
/// use contactguard::registry::diff::{diff, Op};
/// use contactguard::registry::{Registry, BUILTIN_JSON};
///
/// let old = Registry::from_json(BUILTIN_JSON)?.data().clone();
/// let mut new = old.clone();
/// new.brands.retain(|b| b.id != "phantom");
/// let d = diff(&old, &new);
/// assert_eq!(d.changes.len(), 1);
/// assert_eq!((d.changes[0].op, d.changes[0].brand.as_str()), (Op::Removed, "phantom"));
/// # Ok::<(), contactguard::Error>(())
/// ```
pub fn diff(old: &RegistryData, new: &RegistryData) -> Diff {
    let mut changes = Vec::new();
    for b in &new.brands {
        match old.brands.iter().find(|o| o.id == b.id) {
            None => changes.push(Change {
                op: Op::Added,
                brand: b.id.clone(),
                item: "brand",
                subject: format!("{} ({} channels)", b.display_name(), b.channels.len()),
                fields: Vec::new(),
            }),
            Some(o) => brand_changes(o, b, &mut changes),
        }
    }
    for o in old
        .brands
        .iter()
        .filter(|o| !new.brands.iter().any(|b| b.id == o.id))
    {
        changes.push(Change {
            op: Op::Removed,
            brand: o.id.clone(),
            item: "brand",
            subject: format!("{} ({} channels)", o.display_name(), o.channels.len()),
            fields: Vec::new(),
        });
    }
    Diff {
        version: (old.version, new.version),
        expires: (old.expires.clone(), new.expires.clone()),
        changes,
    }
}

fn brand_changes(o: &Brand, b: &Brand, out: &mut Vec<Change>) {
    let change = |op, item, subject: String, fields: Vec<String>| Change {
        op,
        brand: b.id.clone(),
        item,
        subject,
        fields,
    };
    if o.names != b.names {
        out.push(change(
            Op::Changed,
            "names",
            b.names.join(" / "),
            Vec::new(),
        ));
    }
    if o.common_words != b.common_words {
        out.push(change(
            Op::Changed,
            "common_words",
            b.common_words.join(", "),
            Vec::new(),
        ));
    }
    if o.lookalikes != b.lookalikes {
        out.push(change(
            Op::Changed,
            "lookalikes",
            b.lookalikes
                .iter()
                .map(|l| l.domain.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Vec::new(),
        ));
    }
    if o.region != b.region {
        out.push(change(
            Op::Changed,
            "region",
            b.region.clone().unwrap_or_default(),
            Vec::new(),
        ));
    }
    if o.statements != b.statements {
        out.push(change(
            Op::Changed,
            "statements",
            format!("{} → {}", o.statements.len(), b.statements.len()),
            Vec::new(),
        ));
    }
    let key = |c: &crate::registry::Channel| (c.kind, c.value.to_lowercase());
    for c in &b.channels {
        let subject = format!("{} {}", c.kind, c.value);
        match o.channels.iter().find(|x| key(x) == key(c)) {
            None => out.push(change(Op::Added, "channel", subject, Vec::new())),
            Some(x) if x != c => {
                let mut fields = Vec::new();
                if x.value != c.value {
                    fields.push("value".to_owned());
                }
                if x.scope != c.scope {
                    fields.push("scope".to_owned());
                }
                if x.source != c.source {
                    fields.push("source".to_owned());
                }
                if x.confidence != c.confidence {
                    fields.push("confidence".to_owned());
                }
                if x.note != c.note {
                    fields.push("note".to_owned());
                }
                out.push(change(Op::Changed, "channel", subject, fields));
            }
            Some(_) => {}
        }
    }
    for x in o
        .channels
        .iter()
        .filter(|x| !b.channels.iter().any(|c| key(c) == key(x)))
    {
        out.push(change(
            Op::Removed,
            "channel",
            format!("{} {}", x.kind, x.value),
            Vec::new(),
        ));
    }
    for n in &b.no_channels {
        if !o.no_channels.iter().any(|x| x.kind == n.kind) {
            out.push(change(
                Op::Added,
                "no_channel",
                n.kind.to_string(),
                Vec::new(),
            ));
        }
    }
    for x in &o.no_channels {
        if !b.no_channels.iter().any(|n| n.kind == x.kind) {
            out.push(change(
                Op::Removed,
                "no_channel",
                x.kind.to_string(),
                Vec::new(),
            ));
        }
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "version {} → {}, expires {} → {}",
            self.version.0, self.version.1, self.expires.0, self.expires.1
        )?;
        if self.changes.is_empty() {
            return writeln!(f, "no change to brands or channels");
        }
        for c in &self.changes {
            let mark = match c.op {
                Op::Added => '+',
                Op::Removed => '-',
                Op::Changed => '~',
            };
            let fields = if c.fields.is_empty() {
                String::new()
            } else {
                format!(" ({})", c.fields.join(", "))
            };
            writeln!(
                f,
                "{mark} {:<14} {:<12} {}{fields}",
                c.brand, c.item, c.subject
            )?;
        }
        Ok(())
    }
}
