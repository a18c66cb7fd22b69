//! `tests/data/adversarial.tsv`: variants of official channels written to make a checker call
//! an attacker's destination `official`. Every row's status must be what the table says, and
//! for every link row the host contactguard judges must be the host a WHATWG parser finds.

use std::path::Path;
use std::process::Command;

use contactguard::input::url::{Link, LinkHost};
use contactguard::{Checker, Status};

mod escapes;

struct Row {
    line: usize,
    input: String,
    raw: String,
    status: String,
    technique: String,
    host: String,
}

fn table() -> (String, Vec<Row>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/adversarial.tsv");
    let text = std::fs::read_to_string(&path).expect("tests/data/adversarial.tsv");
    let mut rows = Vec::new();
    let mut header = true;
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if std::mem::take(&mut header) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [raw, _kind, status, technique, host, _category, _note] = cols[..] else {
            panic!("adversarial.tsv line {}: seven columns: {line}", n + 1);
        };
        rows.push(Row {
            line: n + 1,
            input: String::from_utf8(escapes::unescape(raw)).expect("UTF-8 input"),
            raw: raw.to_owned(),
            status: status.to_owned(),
            technique: technique.to_owned(),
            host: host.to_owned(),
        });
    }
    (text, rows)
}

#[test]
fn every_row_gets_its_status_and_no_attack_is_official() {
    let checker = Checker::builtin().expect("the embedded registry verifies");
    let (_, rows) = table();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    let mut wrong = Vec::new();
    for row in &rows {
        let v = checker.check(&row.input);
        let techniques: Vec<&str> = v.findings.iter().map(|f| f.technique.as_str()).collect();
        let technique_ok = row.technique == "-" || techniques.contains(&row.technique.as_str());
        if v.status.as_str() != row.status || !technique_ok {
            wrong.push(format!(
                "line {} {:?}: {} {:?} (expected {} {})",
                row.line, row.raw, v.status, techniques, row.status, row.technique
            ));
        }
        if v.status == Status::Official && row.status != "official" {
            wrong.push(format!(
                "line {} {:?}: OFFICIAL for an attack",
                row.line, row.raw
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} rows:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

/// The host contactguard judges a link by: what `Link::parse` finds in the input as written.
fn our_host(input: &str) -> String {
    match Link::parse(input) {
        Ok(link) if link.hidden().is_empty() => match link.host() {
            LinkHost::Domain(d) => d.ascii().to_owned(),
            LinkHost::Ip(ip) => match ip {
                std::net::IpAddr::V6(v6) => format!("[{v6}]"),
                v4 => v4.to_string(),
            },
        },
        // A link with hidden characters is judged as it looks, and never official: the browser
        // may open it or refuse it; either way its host is not what the verdict rests on.
        Ok(_) => "HIDDEN".to_owned(),
        Err(_) => "REFUSED".to_owned(),
    }
}

/// Whether two hosts are the same host: a trailing dot names the same DNS name; IPv6 addresses
/// are compared as addresses; a name with an empty label, which WHATWG keeps, is no DNS name,
/// so contactguard refuses it.
fn same_host(ours: &str, reference: &str) -> bool {
    let ip = |h: &str| {
        h.trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .ok()
    };
    if let (Some(a), Some(b)) = (ip(ours), ip(reference)) {
        return a == b;
    }
    let reference = reference.strip_suffix('.').unwrap_or(reference);
    if reference.split('.').any(str::is_empty) && reference != "REFUSED" {
        return ours == "REFUSED";
    }
    ours == reference
}

#[test]
fn link_hosts_are_the_hosts_a_browser_opens() {
    let (_, rows) = table();
    let mut wrong = Vec::new();
    let mut compared = 0;
    for row in rows.iter().filter(|r| r.host != "-") {
        let ours = our_host(&row.input);
        if ours == "HIDDEN" {
            continue;
        }
        compared += 1;
        if !same_host(&ours, &row.host) {
            wrong.push(format!(
                "line {} {:?}: contactguard reads host {ours}, WHATWG {}",
                row.line, row.raw, row.host
            ));
        }
    }
    assert!(compared >= 100, "{compared} link rows compared");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The table's host column is what a WHATWG parser says: Node's `URL`, run on the table now.
#[test]
fn the_host_column_is_the_whatwg_reference() {
    let (text, rows) = table();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/whatwg/hosts.js");
    let mut child = match Command::new("node")
        .arg(&script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!(
            "this test needs Node.js (node) as its WHATWG reference: {e}; install it (CI does)"
        ),
    };
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(text.as_bytes()).expect("write the table");
    }
    let out = child.wait_with_output().expect("node runs");
    assert!(out.status.success(), "node failed");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let reference: std::collections::HashMap<usize, &str> = stdout
        .lines()
        .filter_map(|l| {
            let (n, host) = l.split_once('\t')?;
            Some((n.parse().ok()?, host))
        })
        .collect();
    let with_host: Vec<&Row> = rows.iter().filter(|r| r.host != "-").collect();
    assert_eq!(
        reference.len(),
        with_host.len(),
        "a reference for every link row"
    );
    for row in with_host {
        assert_eq!(
            reference.get(&row.line).copied(),
            Some(row.host.as_str()),
            "line {} {:?}",
            row.line,
            row.raw
        );
    }
}
