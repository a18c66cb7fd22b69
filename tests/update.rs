//! `contactguard update` against an HTTP server this test starts on 127.0.0.1: a deployment
//! made here (its own root and keys, versions 1 and 2) is fetched, kept and used; then no
//! change (a conditional request answered 304), a tampered file, a rollback attempt, a server
//! that is down, one that is too slow, one that sends too much, a missing file, and plain HTTP
//! to another host. Every request loop is bounded and the server stops with the test.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{code, contactguard, fresh_dir, stdout, PAYLOAD};

fn run(dir: &Path, args: &[&str]) -> Output {
    contactguard()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A deployment of its own: one root key, one registry key, versions 1 and 2 published.
fn deployment(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    std::fs::create_dir_all(dir.join("keys")).expect("keys");
    for name in ["root-a", "reg-a"] {
        ok(
            dir,
            &["registry", "keygen", "--name", name, "--dir", "keys"],
        );
    }
    std::fs::write(dir.join("registry.json"), PAYLOAD).expect("payload");
    ok(
        dir,
        &[
            "registry",
            "root",
            "init",
            "--root-key",
            "keys/root-a.pub.pem",
            "--root-threshold",
            "1",
            "--registry-key",
            "keys/reg-a.pub.pem",
            "--registry-threshold",
            "1",
        ],
    );
    ok(
        dir,
        &["registry", "root", "sign", "--key", "keys/root-a.key.pem"],
    );
    ok(
        dir,
        &["registry", "sign", "--yes", "--key", "keys/reg-a.key.pem"],
    );
    ok(dir, &["registry", "publish"]);
    let v1 = std::fs::read(dir.join("dist/registry.signed.json")).expect("v1");
    ok(dir, &["registry", "bump", "--expires", "90d"]);
    ok(
        dir,
        &["registry", "sign", "--yes", "--key", "keys/reg-a.key.pem"],
    );
    ok(dir, &["registry", "publish"]);
    let v2 = std::fs::read(dir.join("dist/registry.signed.json")).expect("v2");
    (v1, v2)
}

/// What the server answers for a path.
#[derive(Clone)]
enum Reply {
    /// 200 with the bytes and an ETag; 304 when the request names that ETag.
    File(Vec<u8>, &'static str),
    /// Waits before answering.
    Slow(Duration),
    /// Claims and sends this many bytes.
    Huge(usize),
}

/// A server on 127.0.0.1 answering from `routes` (path → reply, 404 otherwise) and recording
/// each request's head.
struct Server {
    url: String,
    heads: Arc<Mutex<Vec<String>>>,
}

fn serve(routes: Arc<Mutex<Vec<(String, Reply)>>>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&heads);
    std::thread::spawn(move || {
        // Bounded: at most 100 requests; the thread ends with the test process.
        for stream in listener.incoming().take(100).flatten() {
            let routes = routes.lock().map(|r| r.clone()).unwrap_or_default();
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || answer(stream, &routes, &seen));
        }
    });
    Server { url, heads }
}

fn answer(mut stream: TcpStream, routes: &[(String, Reply)], seen: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = String::new();
    let mut reader = BufReader::new(&mut stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    if let Ok(mut s) = seen.lock() {
        s.push(head.clone());
    }
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let reply = routes
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, r)| r.clone());
    let _ = match reply {
        Some(Reply::File(bytes, etag)) => {
            if head.contains(&format!("If-None-Match: {etag}"))
                || head
                    .to_ascii_lowercase()
                    .contains(&format!("if-none-match: {}", etag.to_ascii_lowercase()))
            {
                stream.write_all(b"HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n")
            } else {
                let mut out = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nETag: {etag}\r\nLast-Modified: Mon, 07 Dec 2026 00:00:00 GMT\r\nConnection: close\r\n\r\n",
                    bytes.len()
                )
                .into_bytes();
                out.extend_from_slice(&bytes);
                stream.write_all(&out)
            }
        }
        Some(Reply::Slow(wait)) => {
            std::thread::sleep(wait);
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        }
        Some(Reply::Huge(n)) => {
            let head =
                format!("HTTP/1.1 200 OK\r\nContent-Length: {n}\r\nConnection: close\r\n\r\n");
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            let mut r = stream.write_all(head.as_bytes());
            while r.is_ok() && sent < n {
                let k = chunk.len().min(n - sent);
                r = stream.write_all(&chunk[..k]);
                sent += k;
            }
            r
        }
        None => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    };
    let mut rest = Vec::new();
    let _ = stream.take(0).read_to_end(&mut rest);
}

fn update(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["update", "--store", "store", "--anchor", "root/1.root.json"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

fn version_used(dir: &Path) -> String {
    let o = run(
        dir,
        &[
            "check",
            "--format",
            "json",
            "--store",
            "store",
            "--anchor",
            "root/1.root.json",
            "acme-wallet.com",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("a JSON verdict");
    v["registry"]["version"].to_string()
}

#[test]
fn update_fetches_keeps_and_refuses_what_it_must() {
    let dir: PathBuf = fresh_dir("update");
    let (v1, v2) = deployment(&dir);
    let mut tampered = v2.clone();
    let mid = tampered.len() / 2;
    tampered[mid] ^= 0x01;
    let routes = Arc::new(Mutex::new(vec![
        (
            "/registry.signed.json".to_owned(),
            Reply::File(v1.clone(), "\"v1\""),
        ),
        ("/tampered.json".to_owned(), Reply::File(tampered, "\"t\"")),
        ("/old.json".to_owned(), Reply::File(v1.clone(), "\"old\"")),
        ("/slow.json".to_owned(), Reply::Slow(Duration::from_secs(4))),
        (
            "/huge.json".to_owned(),
            Reply::Huge(contactguard::trust::verify::MAX_BUNDLE_BYTES + 1024 * 1024),
        ),
    ]));
    let server = serve(Arc::clone(&routes));
    let published = format!("{}/registry.signed.json", server.url);

    // No source yet: the error says what to pass.
    let o = update(&dir, &[]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("pass --from"), "{}", stderr(&o));

    // Version 1 from the server: kept, remembered, used.
    let out = stdout(&update(&dir, &["--from", &published]));
    assert!(out.contains("Updated: registry version 0 → 1"), "{out}");
    assert_eq!(version_used(&dir), "1");

    // Again, with nothing new: a conditional request, answered 304.
    let out = stdout(&update(&dir, &[]));
    assert!(
        out.contains("No change") && out.contains("has not changed"),
        "{out}"
    );
    let heads = server.heads.lock().map(|h| h.clone()).unwrap_or_default();
    assert!(
        heads
            .last()
            .is_some_and(|h| h.to_ascii_lowercase().contains("if-none-match: \"v1\"")),
        "{heads:?}"
    );

    // Version 2 published at the same address: the remembered source brings it.
    if let Ok(mut r) = routes.lock() {
        r[0].1 = Reply::File(v2.clone(), "\"v2\"");
    }
    let out = stdout(&update(&dir, &[]));
    assert!(out.contains("Updated: registry version 1 → 2"), "{out}");
    assert_eq!(version_used(&dir), "2");

    // A tampered file: refused, nothing changed, and the error names what is still used.
    let o = update(&dir, &["--from", &format!("{}/tampered.json", server.url)]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("was not accepted")
            && stderr(&o).contains("Still using the registry version 2"),
        "{}",
        stderr(&o)
    );
    assert_eq!(version_used(&dir), "2");

    // A rollback to version 1: refused.
    let o = update(&dir, &["--from", &format!("{}/old.json", server.url)]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("was not accepted"), "{}", stderr(&o));
    assert_eq!(version_used(&dir), "2");

    // Too slow, too big, missing: clear errors, nothing changed.
    let o = update(
        &dir,
        &[
            "--from",
            &format!("{}/slow.json", server.url),
            "--timeout",
            "1",
        ],
    );
    assert!(stderr(&o).contains("within 1 seconds"), "{}", stderr(&o));
    let o = update(&dir, &["--from", &format!("{}/huge.json", server.url)]);
    assert!(stderr(&o).contains("more than"), "{}", stderr(&o));
    let o = update(&dir, &["--from", &format!("{}/nothing.json", server.url)]);
    assert!(stderr(&o).contains("404"), "{}", stderr(&o));
    assert_eq!(version_used(&dir), "2");

    // A server that is down.
    let closed = TcpListener::bind("127.0.0.1:0").expect("a port");
    let down = format!(
        "http://{}/registry.signed.json",
        closed.local_addr().expect("address")
    );
    drop(closed);
    let o = update(&dir, &["--from", &down]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot reach")
            && stderr(&o).contains("Still using the registry version 2"),
        "{}",
        stderr(&o)
    );

    // Plain HTTP to another host is refused before any request.
    let o = update(
        &dir,
        &["--from", "http://registry.example/registry.signed.json"],
    );
    assert!(
        stderr(&o).contains("use its https:// address"),
        "{}",
        stderr(&o)
    );

    // The failed sources were not remembered: the next update asks the last good one.
    let source = std::fs::read_to_string(dir.join("store/update-source")).expect("remembered");
    assert_eq!(source.trim(), published);
}

#[test]
fn update_from_a_file_and_the_warning_on_old_registries() {
    let dir = fresh_dir("update-file");
    let out = ok(
        &dir,
        &[
            "update",
            "--store",
            "store",
            "--from",
            &format!("{}/data/registry.signed.json", env!("CARGO_MANIFEST_DIR")),
        ],
    );
    assert!(
        out.contains("No change") || out.contains("Updated"),
        "{out}"
    );
    // Every command says when the registry in use is old or expired, and what to run.
    let o = contactguard()
        .env("CONTACTGUARD_NOW", "2099-01-01T00:00:00Z")
        .args(["check", "tokenpocket.pro"])
        .output()
        .expect("runs");
    assert!(
        stderr(&o).contains("expired") && stderr(&o).contains("contactguard update"),
        "{}",
        stderr(&o)
    );
    let o = contactguard()
        .args(["check", "tokenpocket.pro"])
        .output()
        .expect("runs");
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}
