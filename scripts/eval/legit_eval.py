#!/usr/bin/env python3
"""Evaluation 2: false impersonations on legitimate domains (run by scripts/eval/legit).

Must run under target/eval-cache/venv/bin/python (pymispwarninglists pinned there).

Corpora (each reported on its own; none is built by looking at contactguard's output)
  tranco     Tranco top-1M research ranking (registrable domains), as shipped in the MISP warning
             list `tranco` of the PyPI package pymispwarninglists 1.7.0 (list version 20250115).
             The largest popularity list found in any package registry (see README.md).
  crux       Chrome UX Report top 1M origins' host names, MISP list
             `google-chrome-crux-1million` (version 20251223) of the same package: real Chrome
             traffic, and host names with subdomains (www., shop., m., ...), which Tranco lacks.
  allowlist  ../shared/corpora/wallet-allowlist.txt: legitimate crypto domains (MetaMask's
             eth-phishing-detect allowlist), the crypto-legit set.

Each corpus: entries lower-cased, cleaned (plain host names only; see common.clean_host),
de-duplicated, sorted, and stripped of everything the registry speaks for: official domains and
any host under a registry domain (common.Officials.in_registry). What remains is assumed
legitimate; a flag on it is counted as a false impersonation. The lists are not hand-cleaned:
a popularity list can contain real lookalike or scam sites, and brands' own domains that are not
in the registry (binance.us, a ccTLD). They are all counted, and all listed for review.

Split: every domain is dev or holdout by the parity of its SHA-256 (common.split_of); tune on
dev, report holdout.

Outputs in target/eval-cache/legit/ (or --out):
  corpus-<set>.tsv     domain, split
  results-<set>.tsv    domain, split, kind, status, technique, brand
  flagged-<set>.tsv    the domains reported `impersonation`, with technique and brand
  summary.json, summary.md
"""

import argparse
import os
import sys
from collections import Counter, defaultdict

sys.dont_write_bytecode = True  # no __pycache__ inside scripts/eval
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SETS = {
    "tranco": ("misp", "tranco"),
    "crux": ("misp", "google-chrome-crux-1million"),
    "allowlist": ("allowlist", None),
}


def load_set(name, officials):
    kind, arg = SETS[name]
    if kind == "misp":
        raw, meta = common.misp_list(arg)
        source = f"pymispwarninglists 1.7.0 list '{arg}' version {meta.get('version')}"
    else:
        raw, path = common.wallet_allowlist()
        source = os.path.relpath(path, common.ROOT)
    hosts, dropped_bad, dropped_registry = set(), 0, 0
    for x in raw:
        h = common.clean_host(x)
        if h is None:
            dropped_bad += 1
            continue
        if officials.in_registry(h):
            dropped_registry += 1
            continue
        hosts.add(h)
    return sorted(hosts), dict(source=source, raw=len(raw), dropped_not_a_host=dropped_bad,
                               dropped_registry=dropped_registry)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(common.CACHE, "legit"))
    ap.add_argument("--sets", default="tranco,crux,allowlist")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    officials = common.Officials(common.load_registry())

    summary = dict(contactguard=common.contactguard_version(), sets={})
    md = ["### False impersonations on legitimate domains", ""]
    table = []
    lists_md = []
    for name in args.sets.split(","):
        if name not in SETS:
            common.die(f"unknown set {name!r}; use {','.join(SETS)}")
        hosts, info = load_set(name, officials)
        splits = {h: common.split_of(h) for h in hosts}
        with open(os.path.join(args.out, f"corpus-{name}.tsv"), "w", encoding="utf-8") as f:
            for h in hosts:
                f.write(f"{h}\t{splits[h]}\n")
        common.log(f"legit {name}: {len(hosts):,} domains ({info})")
        rows, secs = common.run_contactguard(hosts, args.out, f"batch-{name}", jobs=args.jobs)
        status = Counter(r["status"] for r in rows)
        flagged = [r for r in rows if r["status"] == "impersonation"]
        n_split = Counter(splits.values())
        f_split = Counter(splits[r["input"]] for r in flagged)
        by_tech = Counter(r["technique"] for r in flagged)
        by_brand = Counter(r["brand"] for r in flagged)
        with open(os.path.join(args.out, f"results-{name}.tsv"), "w", encoding="utf-8") as f:
            f.write("domain\tsplit\tkind\tstatus\ttechnique\tbrand\n")
            for r in rows:
                f.write(f"{r['input']}\t{splits[r['input']]}\t{r['kind']}\t{r['status']}\t{r['technique']}\t{r['brand']}\n")
        flagged.sort(key=lambda r: (r["brand"], r["technique"], r["input"]))
        with open(os.path.join(args.out, f"flagged-{name}.tsv"), "w", encoding="utf-8") as f:
            f.write("domain\tsplit\ttechnique\tbrand\n")
            for r in flagged:
                f.write(f"{r['input']}\t{splits[r['input']]}\t{r['technique']}\t{r['brand']}\n")
        res = dict(info, n=len(hosts), flagged=len(flagged), fp_rate=len(flagged) / len(hosts) if hosts else None,
                   dev=dict(n=n_split["dev"], flagged=f_split["dev"]),
                   holdout=dict(n=n_split["holdout"], flagged=f_split["holdout"]),
                   status_counts=dict(sorted(status.items())),
                   by_technique=dict(by_tech.most_common()), by_brand=dict(by_brand.most_common()),
                   flagged_list=[[r["input"], splits[r["input"]], r["technique"], r["brand"]] for r in flagged],
                   contactguard_seconds=round(secs, 2))
        summary["sets"][name] = res
        P = common.pct
        table.append([name, f"{len(hosts):,}", f"{len(flagged):,}", P(len(flagged), len(hosts)),
                      f"{P(f_split['dev'], n_split['dev'])} ({f_split['dev']}/{n_split['dev']:,})",
                      f"{P(f_split['holdout'], n_split['holdout'])} ({f_split['holdout']}/{n_split['holdout']:,})",
                      ", ".join(f"{k} {v}" for k, v in by_tech.most_common()) or "-"])
        lists_md.append(f"#### Flagged in `{name}` ({len(flagged)}; source: {info['source']})\n")
        if flagged:
            lists_md.append(common.md_table(
                ["domain", "split", "technique", "brand"],
                [[f"`{r['input']}`", splits[r["input"]], r["technique"], r["brand"]] for r in flagged], "llll"))
        else:
            lists_md.append("(none)")
        lists_md.append("")
    md.append(common.md_table(["set", "domains", "flagged", "FP rate", "dev", "holdout", "flagged by technique"],
                              table, "lrrrrrl"))
    md.append("")
    sources = "; ".join(f"{k}: {v['source']} ({v['raw']:,} entries, {v['dropped_not_a_host']:,} not plain hosts, "
                        f"{v['dropped_registry']:,} registry domains removed)" for k, v in summary["sets"].items())
    md.append(f"Sources — {sources}. {summary['contactguard']}.")
    md.append("")
    md.extend(lists_md)
    text = "\n".join(md)
    common.write_json(os.path.join(args.out, "summary.json"), summary)
    with open(os.path.join(args.out, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
