#!/usr/bin/env python3
"""Evaluation 3: recall on real wallet-phishing domains aimed at registry brands
(run by scripts/eval/phishing).

Python 3 standard library only (runs under the venv's python like the others).

Source
  eth-phishing-detect 1.2.0 (npm, pinned in scripts/eval/npm/package-lock.json): the `blacklist`
  of its bundled src/config.json — 13,752 domains MetaMask blocked as phishing against Web3
  users up to the package's release (2022). The only crypto-phishing blocklist found shipped as
  data in a package registry (see README.md for what was searched).

Corpus
  Every blocklist entry, cleaned (common.clean_host), minus entries that are also on the
  package's own allowlist, on ../shared/corpora/wallet-allowlist.txt, or that the registry speaks
  for (common.Officials.in_registry). Each domain is labelled with the registry brands it aims at
  by phishing_label.py — keyword/skeleton/edit-distance rules plus hand-reviewed exceptions,
  computed without contactguard (the rule is in that file's docstring and in README.md).
  The labelled list is kept in scripts/eval/phishing-labelled.tsv; the script checks that it
  regenerates identically (--write-labels rewrites it after a deliberate rule change).

Metrics
  recall        share of the domains labelled with a brand that contactguard reports
                `impersonation` (any brand); per brand a domain with two brands counts for both
  right brand   ... and names (one of) the labelled brand(s)
  dev/holdout   the same on the two halves of common.split_of
  Unlabelled blocklist domains (aimed at other targets) are reported only as a flag rate, for
  context: they are neither hits nor misses.

Outputs in target/eval-cache/phishing/ (or --out):
  labelled.tsv   domain, brands, rule, split                       (== scripts/eval/phishing-labelled.tsv)
  results.tsv    every corpus domain with its labels and contactguard's verdict
  misses.tsv     labelled domains not reported `impersonation`, by brand
  spotcheck.tsv  a fixed pseudo-random sample of 40 labelled domains, for review by hand
  summary.json, summary.md
"""

import argparse
import hashlib
import os
import sys
from collections import Counter, defaultdict

sys.dont_write_bytecode = True  # no __pycache__ inside scripts/eval
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import phishing_label  # noqa: E402

SHIPPED = os.path.join(common.HERE, "phishing-labelled.tsv")


def build(cfg, officials, allow):
    raw = cfg["blacklist"]
    allowed = set(cfg.get("whitelist", [])) | set(allow)
    hosts, dropped = set(), Counter()
    for x in raw:
        h = common.clean_host(x)
        if h is None:
            dropped["not a plain host"] += 1
        elif h in allowed:
            dropped["also allowlisted"] += 1
        elif officials.in_registry(h):
            dropped["registry domain"] += 1
        else:
            hosts.add(h)
    return sorted(hosts), dict(raw=len(raw), dropped=dict(dropped))


def labelled_lines(labelled):
    lines = ["domain\tbrands\trule\tsplit"]
    for d, hits in labelled:
        brands = ",".join(sorted(hits))
        rule = ";".join(f"{b}={hits[b]}" for b in sorted(hits))
        lines.append(f"{d}\t{brands}\t{rule}\t{common.split_of(d)}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(common.CACHE, "phishing"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write-labels", action="store_true",
                    help="rewrite scripts/eval/phishing-labelled.tsv from the current rule")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    cfg, cfg_path = common.eth_phishing_config()
    officials = common.Officials(common.load_registry())
    allow, _ = common.wallet_allowlist()
    hosts, info = build(cfg, officials, allow)
    labelled, removed = phishing_label.label(hosts)
    labels = {d: hits for d, hits in labelled}

    # ---- the labelled list: written, and checked against the shipped copy
    text = labelled_lines(labelled)
    with open(os.path.join(args.out, "labelled.tsv"), "w", encoding="utf-8") as f:
        f.write(text)
    if args.write_labels:
        with open(SHIPPED, "w", encoding="utf-8") as f:
            f.write(text)
        common.log(f"wrote {SHIPPED}")
    elif not os.path.exists(SHIPPED) or open(SHIPPED, encoding="utf-8").read() != text:
        common.die(f"the labels computed now differ from {SHIPPED} (rule, keyword, exclusion or source "
                   f"changed?). Compare {os.path.join(args.out, 'labelled.tsv')} with it; if the change "
                   "is deliberate, rerun with --write-labels")

    # ---- spot-check sample: the 40 labelled domains with the smallest SHA-256 of 'spot:'+domain
    sample = sorted(labels, key=lambda d: hashlib.sha256(b"spot:" + d.encode()).hexdigest())[:40]
    with open(os.path.join(args.out, "spotcheck.tsv"), "w", encoding="utf-8") as f:
        f.write("domain\tbrands\trule\n")
        for d in sorted(sample):
            f.write(f"{d}\t{','.join(sorted(labels[d]))}\t{';'.join(labels[d].values())}\n")

    # ---- run contactguard on every corpus domain (labelled or not)
    common.log(f"phishing: {len(hosts):,} blocklisted domains, {len(labelled):,} aimed at registry brands")
    rows, secs = common.run_contactguard(hosts, args.out, "batch", jobs=args.jobs)
    verdict = {r["input"]: r for r in rows}

    P = common.pct
    per_brand = defaultdict(lambda: Counter())
    overall = Counter()
    by_rule = defaultdict(Counter)
    techniques = Counter()
    misses = []
    for d, hits in labelled:
        v = verdict[d]
        s = common.split_of(d)
        flagged = v["status"] == "impersonation"
        right = flagged and v["brand"] in hits
        overall["n"] += 1
        overall[f"n_{s}"] += 1
        overall["flagged"] += flagged
        overall[f"flagged_{s}"] += flagged
        overall["right"] += right
        if flagged:
            techniques[v["technique"]] += 1
        for b, why in hits.items():
            c = per_brand[b]
            c["n"] += 1
            c[f"n_{s}"] += 1
            c["flagged"] += flagged
            c[f"flagged_{s}"] += flagged
            c["right"] += (flagged and v["brand"] == b)
            kind = why.split(":")[0]
            by_rule[kind]["n"] += 1
            by_rule[kind]["flagged"] += flagged
        if not flagged:
            misses.append((",".join(sorted(hits)), d, s, v["status"], v["technique"], v["brand"]))
    unl = [d for d in hosts if d not in labels]
    unl_flagged = [d for d in unl if verdict[d]["status"] == "impersonation"]

    with open(os.path.join(args.out, "results.tsv"), "w", encoding="utf-8") as f:
        f.write("domain\tbrands\tsplit\tstatus\ttechnique\tgot_brand\n")
        for d in hosts:
            v = verdict[d]
            f.write(f"{d}\t{','.join(sorted(labels.get(d, {}))) or '-'}\t{common.split_of(d)}\t"
                    f"{v['status']}\t{v['technique']}\t{v['brand']}\n")
    misses.sort()
    with open(os.path.join(args.out, "misses.tsv"), "w", encoding="utf-8") as f:
        f.write("brands\tdomain\tsplit\tstatus\ttechnique\tgot_brand\n")
        for m in misses:
            f.write("\t".join(m) + "\n")

    def rec(c, sfx=""):
        return c[f"flagged{sfx}"] / c[f"n{sfx}"] if c[f"n{sfx}"] else None

    summary = dict(
        source=f"eth-phishing-detect {cfg_path.split('node_modules/')[-1]} (npm 1.2.0), blacklist",
        contactguard=common.contactguard_version(), corpus=dict(info, domains=len(hosts)),
        labelled=len(labelled), exclusions_applied=len(removed),
        overall=dict(overall, recall=rec(overall), recall_dev=rec(overall, "_dev"),
                     recall_holdout=rec(overall, "_holdout")),
        per_brand={b: dict(c, recall=rec(c), recall_dev=rec(c, "_dev"), recall_holdout=rec(c, "_holdout"))
                   for b, c in sorted(per_brand.items())},
        per_rule={k: dict(v) for k, v in sorted(by_rule.items())},
        flagged_techniques=dict(techniques.most_common()),
        unlabelled=dict(n=len(unl), flagged=len(unl_flagged)),
        misses=len(misses), contactguard_seconds=round(secs, 2),
    )
    common.write_json(os.path.join(args.out, "summary.json"), summary)

    o = overall
    md = ["### Real wallet-phishing domains (eth-phishing-detect 1.2.0 blocklist)", ""]
    md.append(f"{len(hosts):,} blocklisted domains after cleaning ({info['raw']:,} listed; dropped {info['dropped']}); "
              f"**{len(labelled):,}** aimed at registry brands by the labelling rule "
              f"({len(removed)} brand labels removed by hand-reviewed exceptions).")
    md.append("")
    md.append(f"Recall **{P(o['flagged'], o['n'])}** ({o['flagged']:,} / {o['n']:,}); right brand {P(o['right'], o['n'])}; "
              f"dev {P(o['flagged_dev'], o['n_dev'])} ({o['flagged_dev']:,} / {o['n_dev']:,}); "
              f"holdout **{P(o['flagged_holdout'], o['n_holdout'])}** ({o['flagged_holdout']:,} / {o['n_holdout']:,}).")
    md.append("")
    rows_md = [[b, f"{c['n']:,}", f"{c['flagged']:,}", P(c["flagged"], c["n"]), P(c["right"], c["n"]),
                f"{P(c['flagged_dev'], c['n_dev'])} (n={c['n_dev']})",
                f"{P(c['flagged_holdout'], c['n_holdout'])} (n={c['n_holdout']})"]
               for b, c in sorted(per_brand.items())]
    absent = sorted(set(common.main_domains(common.load_registry())) - set(per_brand))
    md.append(common.md_table(["brand", "labelled", "flagged", "recall", "right brand", "dev", "holdout"], rows_md))
    md.append("")
    if absent:
        md.append(f"No labelled domain for: {', '.join(absent)} (the 2022 list predates most of their phishing).")
        md.append("")
    md.append("By labelling rule: " + "; ".join(
        f"{k} {P(v['flagged'], v['n'])} ({v['flagged']}/{v['n']})" for k, v in sorted(by_rule.items())) + ". "
        "Flagged by technique: " + ", ".join(f"{k} {v}" for k, v in techniques.most_common()) + ".")
    md.append("")
    md.append(f"Context only: of the {len(unl):,} blocklisted domains aimed at other targets, "
              f"{len(unl_flagged):,} ({P(len(unl_flagged), len(unl))}) are flagged. Misses: "
              f"{len(misses):,}, listed in target/eval-cache/phishing/misses.tsv.")
    md.append("")
    text = "\n".join(md)
    with open(os.path.join(args.out, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
