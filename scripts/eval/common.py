"""Shared helpers for the evaluations in scripts/eval/ (Python 3 standard library only).

Used by dnstwist_eval.py, legit_eval.py, phishing_eval.py and report.py:
  - paths (repository root, cache folder under target/eval-cache),
  - the registry: brands, their official domain channels, "is this host official?",
  - the dev / held-out split (SHA-256 of the domain),
  - running `contactguard batch --format tsv` on a list and reading its rows back,
  - small formatting helpers for the markdown tables.

Nothing in here looks at contactguard's output to decide what goes into a corpus: corpora are
built first, from their sources and the registry only, and the tool is run on them afterwards.
"""

import hashlib
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
CACHE = os.environ.get("EVAL_CACHE", os.path.join(ROOT, "target", "eval-cache"))
REGISTRY = os.path.join(ROOT, "data", "registry.json")
SHARED = os.environ.get("SHARED", os.path.abspath(os.path.join(ROOT, "..", "shared")))
CONTACTGUARD = os.environ.get("CONTACTGUARD", os.path.join(ROOT, "target", "release", "contactguard"))


def die(msg):
    """Stop with a clear message (exit 1)."""
    print(f"[eval] error: {msg}", file=sys.stderr)
    sys.exit(1)


def log(msg):
    print(f"[eval] {msg}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- registry

def load_registry(path=REGISTRY):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        die(f"cannot read the registry {path}: {e}")


TEMPLATE_ROLES = (None, "support", "community")


def brand_domains(registry, with_owned=True):
    """{brand id: [(domain, scope), ...]} for every `domain` channel, in registry order.

    with_owned=False keeps only the channels lookalikes are measured against: no role, or
    `support` or `community` (src/registry/model.rs, `Role::is_template`). Infrastructure
    (`owned`: CDNs, API hosts) and a parent company's, developers' or security team's domains
    are official when matched exactly, but nobody is sent there for help.
    """
    out = {}
    for b in registry["brands"]:
        out[b["id"]] = [
            (c["value"].lower().rstrip("."), c.get("scope", "host"))
            for c in b["channels"]
            if c["kind"] == "domain" and (with_owned or c.get("role") in TEMPLATE_ROLES)
        ]
    return out


def main_domains(registry):
    """{brand id: first domain channel} — the brand's main domain, as the brief defines it."""
    return {bid: doms[0][0] for bid, doms in brand_domains(registry).items() if doms}


def registrable_official_domains(registry):
    """[(brand, domain)] for every official domain that is itself a registrable domain.

    A domain channel counts when its scope is `subdomains` (the brand owns the whole name) and it
    has exactly two labels (all of the registry's registrable domains are name.tld; a channel
    such as help.tokenpocket.pro is a host under one of them and is skipped). `host`-scope channels
    on other companies' platforms (tphelp.gitbook.io, metamask.zendesk.com, metamask.app.link,
    myetherwallet.github.io) are not the brand's registrable domains and are skipped too, and so
    are channels whose role is not a template (see brand_domains: tpstatic.net, consensys.io).
    """
    out, seen = [], set()
    for bid, doms in brand_domains(registry, with_owned=False).items():
        for d, scope in doms:
            if scope == "subdomains" and d.count(".") == 1 and d not in seen:
                seen.add(d)
                out.append((bid, d))
    return out


class Officials:
    """Answers "is this host an official channel of the registry?" without contactguard.

    A host is official when it equals a `domain` channel, or lies under one whose scope is
    `subdomains` (help.binance.com under binance.com). Hosts are compared in ASCII (punycode)
    lower case, without a trailing dot.
    """

    def __init__(self, registry):
        self.exact = set()
        self.suffixes = set()
        for doms in brand_domains(registry).values():
            for d, scope in doms:
                self.exact.add(d)
                if scope == "subdomains":
                    self.suffixes.add(d)

    def is_official(self, host):
        h = host.lower().rstrip(".")
        if h in self.exact:
            return True
        parts = h.split(".")
        for i in range(1, len(parts) - 1):
            if ".".join(parts[i:]) in self.suffixes:
                return True
        return False

    def in_registry(self, host):
        """Official, or a registry domain's subdomain whatever the scope (used for the legit corpus,
        which must contain nothing the registry speaks for)."""
        h = host.lower().rstrip(".")
        if self.is_official(h):
            return True
        parts = h.split(".")
        return any(".".join(parts[i:]) in self.exact for i in range(1, len(parts) - 1))


# ----------------------------------------------------------------------------- split

def split_of(domain):
    """'dev' or 'holdout': parity of the SHA-256 of the lower-case ASCII domain (even → dev).

    Stable across runs, machines and Python versions, and independent of the detector."""
    digest = hashlib.sha256(domain.lower().encode("utf-8")).digest()
    return "dev" if digest[-1] % 2 == 0 else "holdout"


# ----------------------------------------------------------------------------- contactguard

def contactguard_version(binary=CONTACTGUARD):
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def run_contactguard(inputs, workdir, name, binary=CONTACTGUARD, jobs=2):
    """Run `contactguard batch --format tsv` on `inputs` (a list of strings, one per line).

    Returns (rows, seconds): rows[i] = dict(input, kind, status, technique, brand) for inputs[i].
    Fails loudly if the binary is missing, exits with an unexpected code, or its output does not
    line up with the input (count and input column).
    """
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        die(f"contactguard binary not found at {binary}: run `cargo build --release` "
            "(or set CONTACTGUARD=/path/to/contactguard)")
    for s in inputs:
        if "\n" in s or "\r" in s or "\t" in s:
            die(f"input with a tab or line break cannot be fed to batch: {s!r}")
    os.makedirs(workdir, exist_ok=True)
    src = os.path.join(workdir, f"{name}.input.txt")
    dst = os.path.join(workdir, f"{name}.contactguard.tsv")
    err = os.path.join(workdir, f"{name}.contactguard.err")
    with open(src, "w", encoding="utf-8") as f:
        for s in inputs:
            f.write(s + "\n")
    t0 = time.monotonic()
    with open(dst, "w", encoding="utf-8") as out, open(err, "w", encoding="utf-8") as e:
        rc = subprocess.run(
            [binary, "batch", "--format", "tsv", "--jobs", str(jobs), "--quiet", src],
            stdout=out, stderr=e,
        ).returncode
    secs = time.monotonic() - t0
    # Exit codes: 0 all official, 1 some unknown, 2 some invalid, 3 some impersonation.
    # A usage error is also 2; the row check below tells the two apart.
    if rc not in (0, 1, 2, 3):
        die(f"contactguard batch exited {rc} on {src}; see {err}")
    rows = []
    with open(dst, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n == 0 and line.startswith("input\tkind\tstatus"):
                continue  # the header line
            cols = line.rstrip("\n").split("\t")[:5]  # the sixth, the reason, is not used
            if len(cols) != 5:
                die(f"unexpected TSV row from contactguard ({len(cols)} columns): {line!r}")
            rows.append(dict(zip(("input", "kind", "status", "technique", "brand"), cols)))
    if len(rows) != len(inputs):
        die(f"contactguard wrote {len(rows)} rows for {len(inputs)} inputs (exit {rc}); see {err}")
    for i, (s, r) in enumerate(zip(inputs, rows)):
        if r["input"] != s:
            die(f"row {i + 1}: contactguard echoed {r['input']!r} for input {s!r}")
    return rows, secs


# ----------------------------------------------------------------------------- formatting

def pct(k, n):
    """k/n as a percentage: two decimals, or four below 0.1% (false-positive rates are small)."""
    if not n:
        return "n/a"
    v = 100.0 * k / n
    return f"{v:.4f}%" if 0 < v < 0.1 else f"{v:.2f}%"


def md_table(headers, rows, align=None):
    """A GitHub markdown table. align: string of 'l'/'r' per column (default: first l, rest r)."""
    align = align or ("l" + "r" * (len(headers) - 1))
    sep = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(sep) + " |"]
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(lines)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ----------------------------------------------------------------------------- data sources

def misp_list(name):
    """(entries, metadata) of one MISP warning list shipped by the pinned pymispwarninglists.

    name: 'tranco' (Tranco top 1M), 'google-chrome-crux-1million' (CrUX top 1M), ...
    Must run under the venv's python (scripts/eval/setup installs it)."""
    import importlib.util
    spec = importlib.util.find_spec("pymispwarninglists")
    if spec is None or not spec.submodule_search_locations:
        die("pymispwarninglists is not installed: run scripts/eval/setup (and use the venv's python)")
    base = list(spec.submodule_search_locations)[0]
    path = os.path.join(base, "data", "misp-warninglists", "lists", name, "list.json")
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except OSError as e:
        die(f"pymispwarninglists has no list {name!r} ({e})")
    meta = {k: v for k, v in d.items() if k != "list"}
    meta["path"] = path
    return d["list"], meta


def clean_host(s):
    """Lower-case ASCII host from a list entry, or None when it is not a plain host name
    (entries with a scheme, path, port, wildcard, space or no dot are dropped)."""
    s = s.strip().lower().rstrip(".")
    if not s or "." not in s or any(c in s for c in "/:*@ \t?#[]") or s.startswith("."):
        return None
    try:
        s.encode("ascii")
    except UnicodeEncodeError:
        try:
            s = s.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return s


def wallet_allowlist():
    """The legitimate crypto domains of ../shared/corpora/wallet-allowlist.txt."""
    path = os.path.join(SHARED, "corpora", "wallet-allowlist.txt")
    try:
        with open(path, encoding="utf-8") as f:
            return [h for h in (clean_host(l) for l in f) if h], path
    except OSError as e:
        die(f"cannot read {path}: {e} (set SHARED=/path/to/shared)")


def eth_phishing_config():
    """(config dict, path) of eth-phishing-detect's bundled src/config.json (installed by setup)."""
    path = os.path.join(CACHE, "npm", "node_modules", "eth-phishing-detect", "src", "config.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f), path
    except OSError as e:
        die(f"cannot read {path}: {e}: run scripts/eval/setup first")


def read_word_file(path):
    """Non-empty lines that are not '#' comments, stripped, in file order, without duplicates."""
    out, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith("#") and w not in seen:
                seen.add(w)
                out.append(w)
    return out
