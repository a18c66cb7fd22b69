//! libphonenumber's metadata, loaded one region at a time.
//!
//! `phonenumber`'s own database (`phonenumber::metadata::DATABASE`) reads every region's
//! metadata on first use and checks the syntax of all its regular expressions (formatting
//! rules included): about 70 ms before the first number is read. The fields the crate's
//! parser and validator read, written out per region in `data/libphonenumber/metadata.jsonl`,
//! let a [`Database`] hold only what one number needs:
//!
//! - reading a number ([`phonenumber::parse_with`]) looks at the default region's prefixes
//!   and general pattern, and at which country calling codes exist: [`for_parsing`] holds
//!   those and, for every other calling code, a stand-in that is never consulted further;
//! - its validity, type and region ([`phonenumber::PhoneNumber::is_valid_with`],
//!   `number_type`, `metadata`) look at the leading digits and number-type patterns of the
//!   regions of its calling code, in the crate's order: [`for_code`] holds exactly those.
//!
//! Each database is built once, on first use, and kept. The answers are the crate's: the
//! tests check that the file is the crate's metadata, field for field, and that numbers are
//! placed as with the crate's own database.

use std::sync::OnceLock;

use phonenumber::metadata::{loader, Database};
use serde::{Deserialize, Serialize};

/// One line per region: the region's id, a tab, its calling code, a tab, then its metadata
/// as JSON ([`Territory`]); each calling code's regions in the order of
/// `phonenumber::metadata::DATABASE.by_code`, the codes ascending.
const DATA: &str = include_str!("../../../data/libphonenumber/metadata.jsonl");

/// The fields of a region's metadata (`phonenumber::metadata::loader::Metadata`) that the
/// crate's parser and validator read, empty ones left out. Formatting rules, example numbers
/// and the descriptors of non-types (emergency, short code, carrier...) are not here.
#[derive(Debug, Default, Deserialize, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
struct Territory {
    general: Desc,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed_line: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mobile: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    toll_free: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    premium_rate: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shared_cost: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    personal_number: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    voip: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pager: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    uan: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    voicemail: Option<Desc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    international_prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    national_prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    national_prefix_for_parsing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    national_prefix_transform_rule: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    main_country_for_code: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    leading_digits: Option<String>,
}

/// A number type's pattern and lengths (`loader::Descriptor`).
#[derive(Debug, Default, Deserialize, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
struct Desc {
    national_number: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    possible_length: Vec<u16>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    possible_local_length: Vec<u16>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Desc {
    fn into_loader(self) -> loader::Descriptor {
        loader::Descriptor {
            national_number: Some(self.national_number),
            possible_length: self.possible_length,
            possible_local_length: self.possible_local_length,
            example: None,
        }
    }
}

/// What a database built from a [`Territory`] is for: which of its fields it needs.
#[derive(Clone, Copy)]
enum Use {
    /// Reading a number written in this region: its prefixes and general pattern
    /// (`phonenumber::parser::parse_with`, `helper::country_code`, `helper::national_number`,
    /// `validator::length`).
    Parsing,
    /// Telling a number's region and type: the leading digits and the number types'
    /// patterns (`validator::source_for`, `validator::number_type`).
    Validation,
}

impl Territory {
    fn into_loader(self, id: &str, code: u16, to: Use) -> loader::Metadata {
        let general = Some(self.general.into_loader());
        let common = loader::Metadata {
            general,
            id: Some(id.to_owned()),
            country_code: Some(code),
            main_country_for_code: self.main_country_for_code,
            ..loader::Metadata::default()
        };
        match to {
            Use::Parsing => loader::Metadata {
                international_prefix: self.international_prefix,
                national_prefix: self.national_prefix,
                national_prefix_for_parsing: self.national_prefix_for_parsing,
                national_prefix_transform_rule: self.national_prefix_transform_rule,
                ..common
            },
            Use::Validation => {
                let desc = |d: Option<Desc>| d.map(Desc::into_loader);
                loader::Metadata {
                    fixed_line: desc(self.fixed_line),
                    mobile: desc(self.mobile),
                    toll_free: desc(self.toll_free),
                    premium_rate: desc(self.premium_rate),
                    shared_cost: desc(self.shared_cost),
                    personal_number: desc(self.personal_number),
                    voip: desc(self.voip),
                    pager: desc(self.pager),
                    uan: desc(self.uan),
                    voicemail: desc(self.voicemail),
                    leading_digits: self.leading_digits,
                    ..common
                }
            }
        }
    }
}

/// One line of [`DATA`], not yet read.
struct Entry {
    id: &'static str,
    code: u16,
    json: &'static str,
}

impl Entry {
    /// The fields of the region's metadata needed `to` do something.
    fn load(&self, to: Use) -> Option<loader::Metadata> {
        let territory: Territory = serde_json::from_str(self.json).ok()?;
        Some(territory.into_loader(self.id, self.code, to))
    }

    /// A stand-in that says the region and its calling code exist, and that no number is
    /// of that region: its general pattern matches no number (of no length, and not a
    /// digit), and it has no leading digits.
    fn stand_in(&self) -> loader::Metadata {
        loader::Metadata {
            general: Some(loader::Descriptor {
                national_number: Some("x".to_owned()),
                possible_length: vec![0],
                ..loader::Descriptor::default()
            }),
            id: Some(self.id.to_owned()),
            country_code: Some(self.code),
            ..loader::Metadata::default()
        }
    }
}

/// The lines of [`DATA`] and the databases built so far.
struct Store {
    entries: Vec<Entry>,
    /// By the index in `entries` of the default region; the last for a region without
    /// metadata.
    parsing: Vec<OnceLock<Option<Database>>>,
    /// By the index in `entries` of a calling code's first region: that region alone (the
    /// code's others stand-ins).
    first: Vec<OnceLock<Option<Database>>>,
    /// Likewise: all the code's regions.
    all: Vec<OnceLock<Option<Database>>>,
}

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let entries: Vec<Entry> = DATA
            .lines()
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let id = fields.next()?;
                let code = fields.next()?.parse().ok()?;
                let json = fields.next()?;
                Some(Entry { id, code, json })
            })
            .collect();
        Store {
            parsing: (0..=entries.len()).map(|_| OnceLock::new()).collect(),
            first: entries.iter().map(|_| OnceLock::new()).collect(),
            all: entries.iter().map(|_| OnceLock::new()).collect(),
            entries,
        }
    })
}

/// A database for [`phonenumber::parse_with`] with the default region `region`: that
/// region's metadata (when it has any) and a stand-in for every other calling code. `None`
/// when the region's metadata could not be read.
pub(super) fn for_parsing(region: &str) -> Option<&'static Database> {
    let store = store();
    let own = store.entries.iter().position(|e| e.id == region);
    // The last slot: a region without metadata, where every calling code is a stand-in.
    store
        .parsing
        .get(own.unwrap_or(store.entries.len()))?
        .get_or_init(|| {
            let own = own.map(|index| &store.entries[index]);
            let mut metadata = Vec::new();
            if let Some(own) = own {
                metadata.push(own.load(Use::Parsing)?);
            }
            let mut last = None;
            for entry in &store.entries {
                if own.map(|o| o.code) != Some(entry.code) && last != Some(entry.code) {
                    metadata.push(entry.stand_in());
                }
                last = Some(entry.code);
            }
            Database::from(metadata).ok()
        })
        .as_ref()
}

/// A database of the regions of calling code `code`, in the crate's order, for a parsed
/// number's validity, type and region (`validator::source_for` tries them in turn and takes
/// the first the number fits). With `all` false, only the first region is read and the
/// others are stand-ins that no number fits: the answer is the same whenever the number fits
/// that first region (as `+1` numbers of the United States do), which is where
/// [`PhoneNumber::metadata`](phonenumber::PhoneNumber::metadata) finds a region. `None` when
/// no region has that code, or their metadata could not be read.
pub(super) fn for_code(code: u16, all: bool) -> Option<&'static Database> {
    let store = store();
    let start = store.entries.iter().position(|e| e.code == code)?;
    let regions = store.entries[start..].iter().take_while(|e| e.code == code);
    let one = regions.clone().nth(1).is_none();
    let slots = if all || one { &store.all } else { &store.first };
    slots
        .get(start)?
        .get_or_init(|| {
            let metadata = regions
                .enumerate()
                .map(|(i, e)| match i {
                    0 => e.load(Use::Validation),
                    _ if all || one => e.load(Use::Validation),
                    _ => Some(e.stand_in()),
                })
                .collect::<Option<Vec<_>>>()?;
            Database::from(metadata).ok()
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::metadata::{Descriptor, Metadata, DATABASE};

    /// The highest country calling code.
    const MAX_CODE: u16 = 999;

    fn desc(d: &Descriptor) -> Desc {
        Desc {
            national_number: d.national_number().as_str().to_owned(),
            possible_length: d.possible_length().to_vec(),
            possible_local_length: d.possible_local_length().to_vec(),
        }
    }

    /// The fields of `m` in [`DATA`].
    fn territory(m: &Metadata) -> Territory {
        let d = m.descriptors();
        let s = |value: Option<&str>| value.map(str::to_owned);
        Territory {
            general: desc(d.general()),
            fixed_line: d.fixed_line().map(desc),
            mobile: d.mobile().map(desc),
            toll_free: d.toll_free().map(desc),
            premium_rate: d.premium_rate().map(desc),
            shared_cost: d.shared_cost().map(desc),
            personal_number: d.personal_number().map(desc),
            voip: d.voip().map(desc),
            pager: d.pager().map(desc),
            uan: d.uan().map(desc),
            voicemail: d.voicemail().map(desc),
            international_prefix: s(m.international_prefix().map(|r| r.as_str())),
            national_prefix: s(m.national_prefix()),
            national_prefix_for_parsing: s(m.national_prefix_for_parsing().map(|r| r.as_str())),
            national_prefix_transform_rule: s(m.national_prefix_transform_rule()),
            main_country_for_code: m.is_main_country_for_code(),
            leading_digits: s(m.leading_digits().map(|r| r.as_str())),
        }
    }

    /// The fields of `m` a database built `to` do something holds.
    fn used(m: &Metadata, to: Use) -> Territory {
        let all = territory(m);
        let common = Territory {
            general: all.general,
            main_country_for_code: all.main_country_for_code,
            ..Territory::default()
        };
        match to {
            Use::Parsing => Territory {
                international_prefix: all.international_prefix,
                national_prefix: all.national_prefix,
                national_prefix_for_parsing: all.national_prefix_for_parsing,
                national_prefix_transform_rule: all.national_prefix_transform_rule,
                ..common
            },
            Use::Validation => Territory {
                fixed_line: all.fixed_line,
                mobile: all.mobile,
                toll_free: all.toll_free,
                premium_rate: all.premium_rate,
                shared_cost: all.shared_cost,
                personal_number: all.personal_number,
                voip: all.voip,
                pager: all.pager,
                uan: all.uan,
                voicemail: all.voicemail,
                leading_digits: all.leading_digits,
                ..common
            },
        }
    }

    /// The lines of [`DATA`] for `database`: each calling code's regions in its order.
    fn render(database: &Database) -> String {
        let mut out = String::new();
        for code in 0..=MAX_CODE {
            let Some(regions) = database.by_code(&code) else {
                continue;
            };
            let ids = database.region(&code).unwrap_or_default();
            assert_eq!(ids.len(), regions.len(), "calling code {code}");
            for (meta, id) in regions.iter().zip(ids) {
                assert_eq!(meta.id(), id, "calling code {code}");
                assert_eq!(meta.country_code(), code);
                let json = serde_json::to_string(&territory(meta)).unwrap();
                out.push_str(&format!("{}\t{code}\t{json}\n", meta.id()));
            }
        }
        out
    }

    /// `data/libphonenumber/metadata.jsonl` is the `phonenumber` crate's metadata. After
    /// updating the crate, rewrite it with
    /// `CONTACTGUARD_WRITE_PHONE_METADATA=1 cargo test --lib regions`.
    #[test]
    fn the_file_is_the_crates_metadata() {
        let expected = render(&DATABASE);
        if std::env::var_os("CONTACTGUARD_WRITE_PHONE_METADATA").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/libphonenumber/metadata.jsonl"
            );
            std::fs::write(path, &expected).unwrap();
            return;
        }
        assert!(
            DATA == expected,
            "data/libphonenumber/metadata.jsonl is not the phonenumber crate's metadata; \
             rewrite it with CONTACTGUARD_WRITE_PHONE_METADATA=1 cargo test --lib regions"
        );
        assert_eq!(store().entries.len(), DATA.lines().count());
        for entry in &store().entries {
            let territory: Territory = serde_json::from_str(entry.json).unwrap();
            assert_eq!(serde_json::to_string(&territory).unwrap(), entry.json);
        }
    }

    #[test]
    fn each_code_holds_its_regions_in_the_crates_order() {
        for code in 0..=MAX_CODE {
            let ours = for_code(code, true);
            assert_eq!(ours.is_some(), DATABASE.by_code(&code).is_some(), "{code}");
            assert_eq!(for_code(code, false).is_some(), ours.is_some(), "{code}");
            let Some(db) = ours else { continue };
            assert_eq!(db.region(&code), DATABASE.region(&code), "{code}");
            // The first region alone, then stand-ins, in the same order.
            let first = for_code(code, false).unwrap();
            assert_eq!(first.region(&code), DATABASE.region(&code), "{code}");
            let (a, b) = (
                first.by_code(&code).unwrap(),
                DATABASE.by_code(&code).unwrap(),
            );
            assert_eq!(territory(a[0]), used(b[0], Use::Validation), "{code}");
            for stand_in in &a[1..] {
                assert!(stand_in.leading_digits().is_none());
                for national in ["0", "1", "12345678", "1234567890123456"] {
                    assert!(!stand_in.descriptors().general().is_match(national));
                }
            }
            let (ours, theirs) = (db.by_code(&code).unwrap(), DATABASE.by_code(&code).unwrap());
            assert_eq!(ours.len(), theirs.len(), "{code}");
            for (a, b) in ours.into_iter().zip(theirs) {
                assert_eq!(territory(a), used(b, Use::Validation), "{code}");
            }
            // "001" (the non-geographic codes) is looked up by code, never by id.
            for id in db
                .region(&code)
                .unwrap()
                .into_iter()
                .filter(|id| *id != "001")
            {
                let (a, b) = (db.by_id(id).unwrap(), DATABASE.by_id(id).unwrap());
                assert_eq!(territory(a), used(b, Use::Validation), "{id}");
            }
        }
    }

    #[test]
    fn parsing_knows_every_calling_code_and_its_region() {
        for entry in store().entries.iter().filter(|e| e.id != "001") {
            let db = for_parsing(entry.id).unwrap();
            for code in 0..=MAX_CODE {
                assert_eq!(
                    db.by_code(&code).is_some(),
                    DATABASE.by_code(&code).is_some()
                );
            }
            let ours = territory(db.by_id(entry.id).unwrap());
            assert_eq!(ours, used(DATABASE.by_id(entry.id).unwrap(), Use::Parsing));
        }
        let none = for_parsing("ZZ").unwrap();
        assert!(none.by_id("ZZ").is_none());
        for code in 0..=MAX_CODE {
            assert_eq!(
                none.by_code(&code).is_some(),
                DATABASE.by_code(&code).is_some()
            );
        }
    }
}
