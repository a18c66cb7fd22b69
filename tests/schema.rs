//! The JSON Schemas of the answers, generated from the Rust types (feature `schema`,
//! `schemars`): `docs/schema/verdict.schema.json` (`check --format json`, `cg_check_json`, the
//! npm package's `check`) and `docs/schema/scan-report.schema.json` (`scan --format json`). The
//! committed files must be what the types give (`UPDATE_SCHEMA=1` rewrites them); the npm
//! package's tests validate real answers against them and its TypeScript types are generated
//! from them.

use std::path::Path;

use contactguard::{ScanReport, Verdict};

fn check(name: &str, schema: schemars::Schema) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/schema")
        .join(name);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &text).expect("docs/schema is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is not what the Rust types give: run UPDATE_SCHEMA=1 cargo test --features schema --test schema, and review the diff",
        path.display()
    );
}

#[test]
fn schemas_follow_the_rust_types() {
    check("verdict.schema.json", schemars::schema_for!(Verdict));
    check("scan-report.schema.json", schemars::schema_for!(ScanReport));
}
