"""Flags the lookalikes in a certificate-transparency style feed: JSON lines on standard input,
each with the names a certificate covers (`{"all_domains": [...]}` as certstream prints, or
`{"domain": "..."}`), written out as JSON lines for the names that impersonate a brand.

    python examples/feed.py < feed.jsonl > flagged.jsonl

Lines that are not JSON, or hold no names, are counted and skipped; the count goes to standard
error at the end.
"""

import json
import sys

import contactguard

BATCH = 4096


def names(record):
    if isinstance(record, dict):
        if isinstance(record.get("all_domains"), list):
            return [n for n in record["all_domains"] if isinstance(n, str)]
        data = record.get("data", {}).get("leaf_cert", {}) if isinstance(record.get("data"), dict) else {}
        if isinstance(data.get("all_domains"), list):
            return [n for n in data["all_domains"] if isinstance(n, str)]
        if isinstance(record.get("domain"), str):
            return [record["domain"]]
    return []


def flush(checker, batch, out):
    for name, verdict in zip(batch, checker.check_many(batch)):
        if verdict["status"] == "impersonation":
            brand = verdict.get("brand") or {}
            finding = (verdict.get("findings") or [{}])[0]
            out.write(json.dumps({"domain": name, "brand": brand.get("id"),
                                  "technique": finding.get("technique")}, ensure_ascii=False) + "\n")


def main(lines=sys.stdin, out=sys.stdout):
    checker = contactguard.Checker()
    batch, skipped = [], 0
    for line in lines:
        try:
            found = names(json.loads(line))
        except ValueError:
            found = []
        if not found:
            skipped += 1
            continue
        # Wildcard certificates name *.example.com: the registrable part is what matters.
        batch.extend(n[2:] if n.startswith("*.") else n for n in found)
        if len(batch) >= BATCH:
            flush(checker, batch, out)
            batch = []
    if batch:
        flush(checker, batch, out)
    print(f"skipped {skipped} lines without names", file=sys.stderr)


if __name__ == "__main__":
    main()
