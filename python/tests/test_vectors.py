"""The Rust tests' vector tables (tests/data/{domains,phones,handles,emails}.tsv), read as they
are, not copied: every case gets the same verdict through the Python module, by the rules of
tests/vectors.rs."""

import pathlib
import re

import pytest

import contactguard

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data"
CHECKER = contactguard.Checker()
SIMPLE = {"\\": b"\\", '"': b'"', "n": b"\n", "r": b"\r", "t": b"\t", "0": b"\0"}


def unescape(text):
    """The string a table's escaped text stands for (tests/escapes/mod.rs)."""
    out, i = bytearray(), 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        e = text[i + 1]
        i += 2
        if e in SIMPLE:
            out += SIMPLE[e]
        elif e == "x":
            out.append(int(text[i:i + 2], 16))
            i += 2
        elif e == "u":
            end = text.index("}", i)
            out += chr(int(text[i + 1:end], 16)).encode("utf-8")
            i = end + 1
        else:
            raise ValueError(f"unknown escape \\{e} in {text!r}")
    return out.decode("utf-8")


def options(column):
    return dict(pair.split("=", 1) for pair in column.split() if pair != "-")


def mismatch(status, technique, target, v):
    if v["status"] != status:
        return f"status {v['status']} (expected {status})"
    findings = v.get("findings") or []
    if technique != "-":
        if not any(f["technique"] == technique and (target == "-" or (f.get("target") or {}).get("value") == target)
                   for f in findings):
            return f"no {technique} finding targeting {target}"
    elif status == "unknown":
        aimed = next((f for f in findings if f.get("target")), None)
        if aimed:
            return f"{aimed['technique']} finding aimed at a brand"
    if status == "official" and target != "-" and ((findings[0].get("target") or {}).get("value")) != target:
        return f"official for {findings[0].get('target')}"
    return None


@pytest.mark.parametrize("table", ["domains.tsv", "phones.tsv", "handles.tsv", "emails.tsv"])
def test_the_same_verdicts_as_the_rust_library(table):
    failures, count = [], 0
    for n, line in enumerate((DATA / table).read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        v = CHECKER.check(unescape(cols[0]), **options(cols[4] if len(cols) > 4 else "-"))
        count += 1
        why = mismatch(cols[1], cols[2], cols[3], v)
        if why:
            failures.append(f"{table}:{n} {cols[0]!r}: {why}")
    assert count > 50
    assert failures == [], f"{len(failures)} of {count} cases failed"


def test_the_unescaping_follows_the_tables_rules():
    assert unescape(r"a\u{200B}b\\c") == "a\u200bb\\c"
    assert re.sub("x", "y", unescape(r"\x41")) == "A"
