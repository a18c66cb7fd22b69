#!/usr/bin/env python3
"""Evaluation 1: dnstwist permutations of every brand's domains (run by scripts/eval/dnstwist).

Must run under target/eval-cache/venv/bin/python (dnstwist pinned there by scripts/eval/setup).

Two target sets, reported separately:
  main   the main domain of each brand = its first `domain` channel in data/registry.json
  all    every registrable official domain (scope `subdomains`, name.tld; see
         common.registrable_official_domains)

For each target domain, dnstwist's Fuzzer (offline: generate() only, no DNS, WHOIS or HTTP) runs
with ALL its fuzzers, with scripts/eval/dictionary.txt (for `dictionary`) and scripts/eval/tlds.txt
(for `tld-swap`). Kept: every permutation except the original and any host that is an official
channel of the registry (those are correctly `official`, whichever brand owns them). Nothing is
removed by looking at contactguard's verdicts.

Unit of counting: one (target domain, permutation) pair. dnstwist can produce the same
permutation under two fuzzers; per-fuzzer tables count it under each, the overall numbers once.

Metrics
  recall          share of permutations with status `impersonation` (any brand)
  right brand     share flagged as impersonating the brand the permutation was made from
  recall excl.    recall without the permutations that are themselves established domains:
    established   present in the Tranco top-1M list or the wallet allowlist (the legit corpora
                  of evaluation 2). Such a name is a real site (or a brand's own defensive
                  registration, e.g. a ccTLD) that a lookalike detector cannot be expected to
                  flag — and flagging it would be a false positive in evaluation 2. The raw
                  recall is the headline; this one is the documented second number.

Outputs in target/eval-cache/dnstwist/ (or --out):
  corpus-{main,all}.tsv     brand, target, fuzzer, domain (punycode), unicode, established
  results-{main,all}.tsv    the corpus + status, technique, brand reported by contactguard
  misses-{main,all}.tsv     the permutations not flagged, grouped by brand, then fuzzer
  misses-{main,all}/B.tsv   the same, one file per brand B
  summary.json, summary.md  the tables
"""

import argparse
import os
import sys
from collections import defaultdict

sys.dont_write_bytecode = True  # no __pycache__ inside scripts/eval
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

try:
    import dnstwist
    import idna
except ImportError:
    common.die("dnstwist/idna not importable: run scripts/eval/setup and use target/eval-cache/venv/bin/python")

# Every fuzzer of dnstwist 20250130. `tld-swap` is the `_tld` method, `various` is inline in
# generate(). The check in fuzzer_names() fails if a newer dnstwist adds or drops one.
ALL_FUZZERS = [
    "addition", "bitsquatting", "cyrillic", "dictionary", "homoglyph", "hyphenation",
    "insertion", "omission", "plural", "repetition", "replacement", "subdomain",
    "transposition", "vowel-swap", "tld-swap", "various",
]


def fuzzer_names():
    methods = {m[1:].replace("_", "-") for m in dir(dnstwist.Fuzzer)
               if m.startswith("_") and not m.startswith("__") and callable(getattr(dnstwist.Fuzzer, m))}
    methods.discard("tld")
    methods |= {"tld-swap", "various"}
    if methods != set(ALL_FUZZERS):
        common.die(f"dnstwist {dnstwist.__version__} has fuzzers {sorted(methods)}, "
                   f"this script knows {sorted(ALL_FUZZERS)}: update ALL_FUZZERS")
    return list(ALL_FUZZERS)


def permutations(domain, words, tlds, fuzzers):
    """[(fuzzer, punycode domain)] for one target, sorted, without '*original'."""
    f = dnstwist.Fuzzer(domain, dictionary=list(words), tld_dictionary=list(tlds))
    f.generate(fuzzers=fuzzers)
    out = {(p["fuzzer"], p["domain"]) for p in f.domains if p["fuzzer"] != "*original"}
    return sorted(out)


def to_unicode(d):
    try:
        return idna.decode(d)
    except Exception:
        try:
            return d.encode("ascii").decode("idna")
        except Exception:
            return d


def build_corpus(targets, words, tlds, fuzzers, officials, established):
    """rows: dicts brand, target, fuzzer, domain, unicode, established — sorted, deterministic."""
    rows = []
    excluded = defaultdict(int)
    for brand, target in targets:
        for fz, dom in permutations(target, words, tlds, fuzzers):
            if dom == target:
                excluded["original"] += 1
                continue
            if officials.is_official(dom):
                excluded["official"] += 1
                continue
            rows.append(dict(brand=brand, target=target, fuzzer=fz, domain=dom,
                             unicode=to_unicode(dom), established=dom in established))
    return rows, dict(excluded)


def evaluate(rows, verdicts):
    """Attach verdicts (by domain) and compute every table."""
    for r in rows:
        v = verdicts[r["domain"]]
        r["status"], r["technique"], r["got_brand"] = v["status"], v["technique"], v["brand"]
        r["flagged"] = r["status"] == "impersonation"
        r["right"] = r["flagged"] and r["got_brand"] == r["brand"]

    def agg(items):
        # items: rows (one per (target, fuzzer, domain)); unique by (target, domain) for totals
        n = len(items)
        k = sum(r["flagged"] for r in items)
        kr = sum(r["right"] for r in items)
        ex = [r for r in items if not r["established"]]
        return dict(n=n, flagged=k, right_brand=kr, recall=k / n if n else None,
                    n_excl=len(ex), flagged_excl=sum(r["flagged"] for r in ex),
                    recall_excl=(sum(r["flagged"] for r in ex) / len(ex)) if ex else None)

    uniq = {}
    for r in rows:
        uniq.setdefault((r["target"], r["domain"]), r)
    uniq_rows = list(uniq.values())

    by_brand, by_fuzzer, by_bf, by_target = (defaultdict(list) for _ in range(4))
    for r in uniq_rows:
        by_brand[r["brand"]].append(r)
        by_target[(r["brand"], r["target"])].append(r)
    for r in rows:
        by_fuzzer[r["fuzzer"]].append(r)
        by_bf[(r["brand"], r["fuzzer"])].append(r)

    status_counts = defaultdict(int)
    tech_counts = defaultdict(int)
    for r in uniq_rows:
        status_counts[r["status"]] += 1
        if r["flagged"]:
            tech_counts[r["technique"]] += 1

    brands = {b: agg(v) for b, v in sorted(by_brand.items())}
    recalls = [v["recall"] for v in brands.values()]
    fz = {f: agg(v) for f, v in sorted(by_fuzzer.items())}
    min_brand = min(brands, key=lambda b: (brands[b]["recall"], b))
    return dict(
        overall=agg(uniq_rows),
        macro_brand_recall=sum(recalls) / len(recalls),
        # homoglyph permutations are ~3/4 of the rows, so the overall number is mostly theirs;
        # the unweighted mean over fuzzers gives every technique the same say
        macro_fuzzer_recall=sum(v["recall"] for v in fz.values()) / len(fz),
        min_brand=dict(brand=min_brand, recall=brands[min_brand]["recall"]),
        per_brand=brands,
        per_target={f"{b} {t}": agg(v) for (b, t), v in sorted(by_target.items())},
        per_fuzzer=fz,
        per_brand_fuzzer={f"{b}\t{f}": agg(v) for (b, f), v in sorted(by_bf.items())},
        status_counts=dict(sorted(status_counts.items())),
        flagged_techniques=dict(sorted(tech_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def write_tsv(path, rows, cols):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(str(r[c]) for c in cols) + "\n")


def markdown(name, res, fuzzers):
    """Markdown tables for one target set."""
    P = common.pct
    o = res["overall"]
    out = [f"### dnstwist — {name}", ""]
    out.append(f"Overall recall **{P(o['flagged'], o['n'])}** ({o['flagged']:,} / {o['n']:,}); "
               f"right brand {P(o['right_brand'], o['n'])}; "
               f"excluding established domains {P(o['flagged_excl'], o['n_excl'])} "
               f"({o['flagged_excl']:,} / {o['n_excl']:,}). "
               f"Mean of per-brand recalls {100 * res['macro_brand_recall']:.2f}%, "
               f"of per-fuzzer recalls {100 * res['macro_fuzzer_recall']:.2f}%; "
               f"minimum over brands **{100 * res['min_brand']['recall']:.2f}%** ({res['min_brand']['brand']}).")
    out.append("")
    rows = [[b, f"{v['n']:,}", f"{v['flagged']:,}", P(v["flagged"], v["n"]), P(v["right_brand"], v["n"]),
             P(v["flagged_excl"], v["n_excl"])] for b, v in res["per_brand"].items()]
    out.append(common.md_table(["brand", "permutations", "flagged", "recall", "right brand", "recall excl. established"], rows))
    out.append("")
    if name.startswith("all"):
        rows = [[t, f"{v['n']:,}", P(v["flagged"], v["n"])] for t, v in res["per_target"].items()]
        out.append(common.md_table(["brand / official domain", "permutations", "recall"], rows))
        out.append("")
    rows = [[f, f"{v['n']:,}", f"{v['flagged']:,}", P(v["flagged"], v["n"]), P(v["flagged_excl"], v["n_excl"])]
            for f, v in res["per_fuzzer"].items()]
    out.append(common.md_table(["fuzzer", "permutations", "flagged", "recall", "recall excl. established"], rows))
    out.append("")
    # brand x fuzzer matrix of recall (%), '' when the fuzzer produced nothing for that brand
    used = [f for f in fuzzers if f in res["per_fuzzer"]]
    matrix = []
    for b in res["per_brand"]:
        line = [b]
        for f in used:
            v = res["per_brand_fuzzer"].get(f"{b}\t{f}")
            line.append(f"{100 * v['recall']:.0f}" if v else "")
        matrix.append(line)
    out.append("Recall (%) per brand × fuzzer:")
    out.append("")
    out.append(common.md_table(["brand"] + used, matrix))
    out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(common.CACHE, "dnstwist"))
    ap.add_argument("--sets", default="main,all", help="main, all or both (default main,all)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    fuzzers = fuzzer_names()
    words = common.read_word_file(os.path.join(common.HERE, "dictionary.txt"))
    tlds = common.read_word_file(os.path.join(common.HERE, "tlds.txt"))
    registry = common.load_registry()
    officials = common.Officials(registry)
    tranco, tranco_meta = common.misp_list("tranco")
    allow, _ = common.wallet_allowlist()
    established = {h for h in (common.clean_host(x) for x in tranco) if h} | set(allow)

    sets = {}
    if "main" in args.sets.split(","):
        sets["main"] = sorted(common.main_domains(registry).items())
    if "all" in args.sets.split(","):
        sets["all"] = sorted(common.registrable_official_domains(registry))
    if not sets:
        common.die("--sets must name main and/or all")

    summary = dict(
        dnstwist_version=dnstwist.__version__, idna_version=idna.__version__,
        fuzzers=fuzzers, dictionary_words=len(words), tlds=len(tlds),
        established_source=f"tranco {tranco_meta.get('version')} ({len(tranco):,}) + wallet allowlist ({len(allow):,})",
        contactguard=common.contactguard_version(), sets={},
    )
    md = []
    for name, targets in sets.items():
        rows, excluded = build_corpus(targets, words, tlds, fuzzers, officials, established)
        write_tsv(os.path.join(args.out, f"corpus-{name}.tsv"), rows,
                  ["brand", "target", "fuzzer", "domain", "unicode", "established"])
        domains = sorted({r["domain"] for r in rows})
        common.log(f"dnstwist {name}: {len(targets)} targets, {len(rows):,} permutation rows, "
                   f"{len(domains):,} distinct domains; excluded {excluded}")
        out, secs = common.run_contactguard(domains, args.out, f"batch-{name}", jobs=args.jobs)
        verdicts = {r["input"]: r for r in out}
        res = evaluate(rows, verdicts)
        res["targets"] = [f"{b} {t}" for b, t in targets]
        res["excluded"] = excluded
        res["distinct_domains"] = len(domains)
        res["contactguard_seconds"] = round(secs, 2)
        summary["sets"][name] = res
        cols = ["brand", "target", "fuzzer", "domain", "unicode", "established", "status", "technique", "got_brand"]
        write_tsv(os.path.join(args.out, f"results-{name}.tsv"), rows, cols)
        misses = sorted((r for r in rows if not r["flagged"]),
                        key=lambda r: (r["brand"], r["fuzzer"], r["target"], r["domain"]))
        write_tsv(os.path.join(args.out, f"misses-{name}.tsv"), misses, cols)
        # and one file per brand: misses-<set>/<brand>.tsv (empty brands get an empty file)
        bdir = os.path.join(args.out, f"misses-{name}")
        os.makedirs(bdir, exist_ok=True)
        for b in sorted({t[0] for t in targets}):
            write_tsv(os.path.join(bdir, f"{b}.tsv"), [r for r in misses if r["brand"] == b], cols)
        title = "main domain of each brand" if name == "main" else "every registrable official domain"
        md.append(markdown(f"{name} ({title})", res, fuzzers))

    common.write_json(os.path.join(args.out, "summary.json"), summary)
    header = (f"dnstwist {summary['dnstwist_version']} (idna {summary['idna_version']}), all {len(fuzzers)} fuzzers, "
              f"{summary['dictionary_words']} dictionary words, {summary['tlds']} TLDs; "
              f"established = {summary['established_source']}; {summary['contactguard']}.\n")
    text = header + "\n" + "\n".join(md)
    with open(os.path.join(args.out, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
