#!/usr/bin/env python3
"""Combines the three evaluations' summaries into one markdown report (run by scripts/eval/all).

Reads target/eval-cache/{dnstwist,legit,phishing}/summary.{json,md} and the run times that `all`
recorded, prints the report and writes it to target/eval-cache/results.md. Standard library only.
"""

import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside scripts/eval
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def load(name):
    base = os.path.join(common.CACHE, name)
    try:
        with open(os.path.join(base, "summary.json"), encoding="utf-8") as f:
            js = json.load(f)
        with open(os.path.join(base, "summary.md"), encoding="utf-8") as f:
            md = f.read()
    except OSError as e:
        common.die(f"missing results of the {name} evaluation ({e}); run scripts/eval/{name}")
    return js, md


def main():
    times = {}
    tpath = os.path.join(common.CACHE, "times.tsv")
    if os.path.exists(tpath):
        with open(tpath, encoding="utf-8") as f:
            for line in f:
                k, v = line.rstrip("\n").split("\t")
                times[k] = float(v)
    d, d_md = load("dnstwist")
    lg, lg_md = load("legit")
    ph, ph_md = load("phishing")
    P = common.pct
    try:
        commit = subprocess.run(["git", "-C", common.ROOT, "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", common.ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        commit += " (with uncommitted changes)" if dirty else ""
    except OSError:
        commit = "unknown"

    rows = []
    for name in ("main", "all"):
        s = d["sets"].get(name)
        if s:
            o = s["overall"]
            rows.append([f"dnstwist, {'main domains' if name == 'main' else 'all registrable official domains'}",
                         "recall", f"**{P(o['flagged'], o['n'])}** ({o['flagged']:,}/{o['n']:,})",
                         f"min over brands {100 * s['min_brand']['recall']:.2f}% ({s['min_brand']['brand']}); "
                         f"mean over brands {100 * s['macro_brand_recall']:.2f}%; "
                         f"excl. established {P(o['flagged_excl'], o['n_excl'])}"])
    o = ph["overall"]
    rows.append(["phishing (eth-phishing-detect blocklist, brand-labelled)", "recall",
                 f"**{P(o['flagged'], o['n'])}** ({o['flagged']:,}/{o['n']:,})",
                 f"dev {P(o['flagged_dev'], o['n_dev'])}, holdout {P(o['flagged_holdout'], o['n_holdout'])}"])
    for name in sorted(lg["sets"], key=lambda k: ["tranco", "crux", "allowlist"].index(k)):
        s = lg["sets"][name]
        rows.append([f"legit, {name}", "false impersonations", f"**{P(s['flagged'], s['n'])}** ({s['flagged']:,}/{s['n']:,})",
                     f"dev {P(s['dev']['flagged'], s['dev']['n'])}, holdout {P(s['holdout']['flagged'], s['holdout']['n'])}"])

    out = ["# contactguard evaluation", ""]
    out.append(f"{d['contactguard']} at commit {commit}. Produced by `scripts/eval/all`; "
               "see scripts/eval/README.md for how each corpus is built.")
    out.append("")
    out.append(common.md_table(["evaluation", "metric", "value", "also"], rows, "llrl"))
    out.append("")
    if times:
        out.append("Run times (s): " + ", ".join(f"{k} {v:.0f}" for k, v in times.items()) + ".")
        out.append("")
    out.append("## 1. dnstwist permutations")
    out.append("")
    out.append(d_md.strip())
    out.append("")
    out.append("Missed permutations: target/eval-cache/dnstwist/misses-{main,all}.tsv, "
               "and per brand in target/eval-cache/dnstwist/misses-{main,all}/BRAND.tsv.")
    out.append("")
    out.append("## 2. Legitimate domains")
    out.append("")
    out.append(lg_md.strip())
    out.append("")
    out.append("## 3. Real phishing domains")
    out.append("")
    out.append(ph_md.strip())
    out.append("")
    text = "\n".join(out)
    path = os.path.join(common.CACHE, "results.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    common.log(f"wrote {path}")


if __name__ == "__main__":
    main()
