#!/usr/bin/env python3
"""Join the tools' outputs with the corpus labels, print the comparison table and write JSON.

Called by ./run; standard library only. Inputs:
  --sources FILE   domain<TAB>label<TAB>source (from build_corpus.py --sources), corpus order
  --timings FILE   tool<TAB>phase<TAB>run<TAB>seconds, phase in {full, startup}
  --tool NAME=KIND:OUTPUT:STDERR[:VERSION]   ({run} in STDERR = number of the fastest run)
                   KIND is `contactguard` (input, kind, status, technique, brand columns)
                   or `peer` (domain, result columns from detect.js)
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import sys
from collections import Counter, defaultdict


def die(msg):
    print(f"summarize: {msg}", file=sys.stderr)
    sys.exit(1)


def read_corpus(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d, label, src = line.rstrip("\n").split("\t")
            rows.append((d, label, src))
    return rows


def flagged_contactguard(cols):
    # input, kind, status, technique, brand, reason (older builds: no reason column)
    if len(cols) not in (5, 6):
        return None, None
    status = cols[2]
    if status not in ("official", "impersonation", "unknown", "invalid"):
        return None, None
    return status == "impersonation", status


def flagged_peer(cols):
    if len(cols) < 2:
        return None, None
    result = cols[1]
    return result.startswith("blocked:"), result


def read_output(path, kind, corpus):
    parse = flagged_contactguard if kind == "contactguard" else flagged_peer
    per_label = defaultdict(Counter)      # label -> result -> n
    flagged = Counter()                   # label -> n flagged
    by_source = defaultdict(Counter)      # source -> {n, flagged}
    n = 0
    with open(path, encoding="utf-8") as f:
        lines = list(f)
        if kind == "contactguard" and lines and lines[0].startswith("input\tkind\tstatus"):
            lines = lines[1:]  # the header line of `batch --format tsv`
        for i, line in enumerate(lines):
            if i >= len(corpus):
                die(f"{path}: more lines than the corpus ({len(corpus)})")
            cols = line.rstrip("\n").split("\t")
            d, label, src = corpus[i]
            if cols[0].strip() != d:
                die(f"{path}:{i + 1}: first column {cols[0]!r} is not corpus domain {d!r}")
            is_flagged, result = parse(cols)
            if is_flagged is None:
                die(f"{path}:{i + 1}: cannot parse {line.rstrip()!r}")
            per_label[label][result] += 1
            by_source[src]["n"] += 1
            if is_flagged:
                flagged[label] += 1
                by_source[src]["flagged"] += 1
            n += 1
    if n != len(corpus):
        die(f"{path}: {n} lines, corpus has {len(corpus)}")
    return per_label, flagged, by_source


def parse_peer_stderr(path):
    """The `detect.js: key=value ...` line."""
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("detect.js: "):
                    for kv in line[len("detect.js: "):].split():
                        k, _, v = kv.partition("=")
                        try:
                            out[k] = float(v) if re.fullmatch(r"-?\d+(\.\d+)?", v) else v
                        except ValueError:
                            out[k] = v
    except OSError:
        pass
    return out


def tail(path, n=5):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return [l.rstrip("\n") for l in f.readlines()[-n:]]
    except OSError:
        return []


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="the corpus TSV (for its path and hash)")
    ap.add_argument("--sources", required=True)
    ap.add_argument("--timings", required=True)
    ap.add_argument("--tool", action="append", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    corpus = read_corpus(a.sources)
    labels = Counter(l for _, l, _ in corpus)
    sources = Counter(s for _, _, s in corpus)

    timings = defaultdict(lambda: defaultdict(list))
    best_run = {}
    with open(a.timings, encoding="utf-8") as f:
        for line in f:
            tool, phase, run, secs = line.rstrip("\n").split("\t")
            timings[tool][phase].append(float(secs))
            if phase == "full" and (tool not in best_run or float(secs) < best_run[tool][1]):
                best_run[tool] = (run, float(secs))

    tools = []
    for spec in a.tool:
        name, _, rest = spec.partition("=")
        kind, out_path, err_path, *ver = rest.split(":", 3)
        err_path = err_path.replace("{run}", best_run.get(name, ("1",))[0])
        per_label, flagged, by_source = read_output(out_path, kind, corpus)
        full = timings[name]["full"]
        startup = timings[name]["startup"]
        if not full:
            die(f"no timings for {name}")
        best = min(full)
        best_start = min(startup) if startup else None
        n = len(corpus)
        t = {
            "tool": name,
            "version": ver[0] if ver else None,
            "domains": n,
            "seconds": round(best, 4),
            "seconds_runs": [round(x, 4) for x in full],
            "startup_seconds": round(best_start, 4) if best_start is not None else None,
            "startup_seconds_runs": [round(x, 4) for x in startup],
            "processing_seconds": round(best - best_start, 4) if best_start is not None else None,
            "domains_per_s": round(n / best, 1),
            "processing_domains_per_s": (round(n / (best - best_start), 1)
                                         if best_start is not None and best > best_start else None),
            "flagged_impersonation": flagged["impersonation"],
            "flagged_legitimate": flagged["legitimate"],
            "flagged_impersonation_share": round(flagged["impersonation"] / labels["impersonation"], 6)
            if labels["impersonation"] else None,
            "flagged_legitimate_share": round(flagged["legitimate"] / labels["legitimate"], 6)
            if labels["legitimate"] else None,
            "results_by_label": {l: dict(sorted(c.items())) for l, c in sorted(per_label.items())},
            "flagged_share_by_source": {
                s: {"n": c["n"], "flagged": c["flagged"], "share": round(c["flagged"] / c["n"], 6)}
                for s, c in sorted(by_source.items())
            },
            "stderr_tail": tail(err_path),
        }
        if kind == "peer":
            t["self_reported"] = parse_peer_stderr(err_path)
        tools.append(t)

    cg = next((t for t in tools if t["tool"] == "contactguard"), None)
    peer = next((t for t in tools if t["tool"] != "contactguard"), None)
    ratio = None
    if cg and peer:
        ratio = {
            "domains_per_s": round(cg["domains_per_s"] / peer["domains_per_s"], 3),
            "processing_domains_per_s": (round(cg["processing_domains_per_s"] / peer["processing_domains_per_s"], 3)
                                         if cg["processing_domains_per_s"] and peer["processing_domains_per_s"] else None),
        }
        cg["ratio_vs_peer"] = ratio["domains_per_s"]
        peer["ratio_vs_peer"] = 1.0

    result = {
        "generated_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"nproc": os.cpu_count(), "cpu": cpu_model(), "platform": platform.platform()},
        "best_run": {t: int(r) for t, (r, _) in sorted(best_run.items())},
        "timing": f"wall clock of the whole process, best of {a.runs}; startup = same command on empty input",
        "flagged": {"contactguard": "status == impersonation",
                    "eth-phishing-detect": "result blocked (blocklist or fuzzy)"},
        "corpus": {"path": os.path.abspath(a.corpus), "sha256": sha256(a.corpus),
                   "domains": len(corpus), "labels": dict(sorted(labels.items())),
                   "sources": dict(sorted(sources.items()))},
        "runs": a.runs,
        "ratio_contactguard_over_peer": ratio,
        "tools": tools,
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")

    # ---- table
    head = ["tool", "version", "domains", "seconds", "startup s", "domains/s",
            "ratio cg/peer", "flagged impersonation", "flagged legitimate"]
    rows = []
    for t in tools:
        rows.append([
            t["tool"], t["version"] or "?", f"{t['domains']:,}", f"{t['seconds']:.3f}",
            f"{t['startup_seconds']:.3f}" if t["startup_seconds"] is not None else "-",
            f"{t['domains_per_s']:,.0f}",
            f"{t['ratio_vs_peer']:.2f}" if t.get("ratio_vs_peer") is not None else "-",
            f"{100 * t['flagged_impersonation_share']:.2f}%",
            f"{100 * t['flagged_legitimate_share']:.2f}%",
        ])
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    print(f"corpus: {len(corpus):,} domains ({labels['impersonation']:,} impersonation, "
          f"{labels['legitimate']:,} legitimate), sha256 {result['corpus']['sha256'][:16]}")
    print(f"time: whole process, wall clock, best of {a.runs} (startup: same command on empty input)")
    print(fmt(head))
    print(fmt(["-" * w for w in widths]))
    for r in rows:
        print(fmt(r))
    for t in tools:
        sr = t.get("self_reported") or {}
        if "boot_ms" in sr:
            print(f"{t['tool']} self-reported: node boot {sr['boot_ms']:.0f} ms, "
                  f"package load {sr['load_ms']:.0f} ms, checks {sr['check_ms']:.0f} ms (best run)")
    if ratio:
        print(f"ratio cg/peer = contactguard domains/s / peer domains/s (whole process); "
              f"processing only: {ratio['processing_domains_per_s']}")
    print(f"json: {os.path.abspath(a.out)}")


if __name__ == "__main__":
    main()
