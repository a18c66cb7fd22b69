#!/usr/bin/env python3
"""Labels blocklisted phishing domains with the registry brand they aim at — without contactguard.

Python 3 standard library only. Used by phishing_eval.py; can also be run alone:
    python3 scripts/eval/phishing_label.py DOMAIN...      # explain the label of each domain

The rule (also in README.md)
  1. Skeleton. Each label of the domain is IDNA-decoded (xn--…), NFKD-normalised with combining
     marks dropped (é → e), and folded: Cyrillic/Greek/IPA letters that look like Latin ones
     become those (а → a, ο → o, ɡ → g, …), then 0→o, 1/i/|→l, 3→e, 4→a, 5→s, rn→m, vv→w.
     Keywords are folded the same way, so the comparison is symmetric.
  2. Parts. The public-suffix part is dropped (the last label, and a second-to-last label
     co/com/net/org/gov/edu/ac/or/ne when there are three or more labels). From what is left:
     `words` = every dot- and hyphen-delimited word, plus every label with its hyphens removed;
     `joined` = all of it with dots and hyphens removed.
  3. Match, per keyword of scripts/eval/brand-keywords.tsv (brand names and official labels,
     written by hand):
       word   the keyword equals one of the words;
       sub    the keyword is a substring of `joined`;
       fuzzy  `sub`, or a word within Damerau-Levenshtein distance 1 (keyword of 5-9 letters)
              or 2 (10 or more) of the keyword (words shorter than 4 letters never match),
              or the keyword occurs in `joined` with at most 1 edit (8-11 letters) or 2 edits
              (12 or more) (approximate substring matching, Sellers' algorithm).
     Words listed as `stop` in brand-keywords.tsv (ordinary words such as "finance", one edit
     from "binance") never count as a fuzzy match.
  4. A domain gets every brand with a matching keyword (several brands are possible).
  5. Hand-reviewed exceptions (scripts/eval/phishing-exclusions.tsv) remove a brand from a
     domain where the keyword is plainly about something else (Power Ledger, "claimtokens", …).
     They were written by reading the labelled list, before contactguard was run on it.
"""

import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# Look-alike letters from other scripts → Latin (hand-written, a subset of Unicode's confusables)
CONFUSABLE = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i",
    "ј": "j", "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "г": "r",
    "ѕ": "s", "т": "t", "ц": "u", "џ": "u", "ѵ": "v", "ԝ": "w", "х": "x", "у": "y", "ү": "y",
    "ʏ": "y", "ь": "b", "ы": "bl", "ш": "w", "п": "n", "л": "n", "ɩ": "l",
    # Greek
    "α": "a", "β": "b", "ϲ": "c", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "μ": "u",
    # Latin extensions and IPA that NFKD does not reduce
    "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ȷ": "j", "ŀ": "l", "ɑ": "a", "ɡ": "g",
    "ɢ": "g", "ɛ": "e", "ɔ": "c", "ɖ": "d", "ɗ": "d", "ɦ": "h", "ɪ": "i", "ʟ": "l", "ɴ": "n",
    "ɵ": "o", "ʀ": "r", "ʙ": "b", "ʜ": "h", "ʋ": "v", "ʉ": "u", "ƅ": "b", "ƙ": "k", "ƚ": "l",
    "ƿ": "p", "ɾ": "r", "ʂ": "s", "ʐ": "z", "ȥ": "z", "ȿ": "s", "ɓ": "b", "ɕ": "c", "ɟ": "j",
    "ɠ": "g", "ɲ": "n", "ɳ": "n", "ɱ": "m", "ɽ": "r", "ʈ": "t", "ʠ": "q", "ƈ": "c", "ƒ": "f",
    "ß": "b", "þ": "p", "ð": "d", "æ": "ae", "œ": "oe",
}
DIGITS = {"0": "o", "1": "l", "i": "l", "|": "l", "3": "e", "4": "a", "5": "s"}
SUFFIX2 = {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne"}


def decode_label(label):
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            try:
                return label[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                return label
    return label


def skeleton(text):
    """Fold one label (or keyword) to its look-alike skeleton."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = "".join(CONFUSABLE.get(c, c) for c in t)
    t = "".join(DIGITS.get(c, c) for c in t)
    return t.replace("rn", "m").replace("vv", "w")


def parts(domain):
    labels = [decode_label(l) for l in domain.lower().rstrip(".").split(".") if l]
    if len(labels) >= 2:
        labels = labels[:-1]
        if len(labels) >= 2 and labels[-1] in SUFFIX2:
            labels = labels[:-1]
    sk = [skeleton(l) for l in labels]
    words = set()
    for l in sk:
        words.add(l.replace("-", ""))
        words.update(w for w in l.split("-") if w)
    joined = "".join(l.replace("-", "") for l in sk)
    return words, joined


def damerau(a, b, cap):
    """Optimal-string-alignment distance, or cap+1 when it exceeds cap."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


def approx_substring(pattern, text):
    """Fewest edits to turn `pattern` into some substring of `text` (Sellers' algorithm)."""
    prev = list(range(len(pattern) + 1))
    best = prev[-1]
    for c in text:
        cur = [0]
        for i, p in enumerate(pattern, 1):
            cur.append(min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (p != c)))
        best = min(best, cur[-1])
        prev = cur
    return best


STOP = set()  # skeletons of the stop words of brand-keywords.tsv (filled by load_keywords)


def load_keywords(path=os.path.join(HERE, "brand-keywords.tsv")):
    kws = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            brand, kw, mode = line.rstrip("\n").split("\t")
            if mode == "stop":
                STOP.add(skeleton(kw))
                continue
            assert mode in ("fuzzy", "sub", "word"), line
            kws.append((brand, kw, skeleton(kw), mode))
    return kws


def load_exclusions(path=os.path.join(HERE, "phishing-exclusions.tsv")):
    """{(domain, brand): reason}"""
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                domain, brand, reason = line.rstrip("\n").split("\t")
                out[(domain, brand)] = reason
    return out


def match(domain, keywords):
    """{brand: 'mode:keyword[:detail]'} for every brand whose keyword matches (first reason kept)."""
    words, joined = parts(domain)
    hits = {}
    for brand, kw, sk, mode in keywords:
        if brand in hits:
            continue
        why = None
        if mode == "word":
            if sk in words:
                why = f"word:{kw}"
        elif sk in joined:
            why = f"sub:{kw}"
        elif mode == "fuzzy":
            n = len(sk)
            cap = 1 if n <= 9 else 2
            if n >= 5:
                for w in sorted(words):
                    if len(w) >= 4 and w not in STOP and damerau(w, sk, cap) <= cap:
                        why = f"fuzzy-word:{kw}~{w}"
                        break
            if why is None and n >= 8:
                cap = 1 if n < 12 else 2
                d = approx_substring(sk, joined)
                if d <= cap:
                    why = f"fuzzy-sub:{kw}~{d}"
        if why:
            hits[brand] = why
    return hits


def label(domains, keywords=None, exclusions=None):
    """[(domain, {brand: reason})] for the domains that aim at at least one brand, in input order,
    plus the list of (domain, brand, reason) removed by the exclusions."""
    keywords = keywords if keywords is not None else load_keywords()
    exclusions = exclusions if exclusions is not None else load_exclusions()
    out, removed = [], []
    for d in domains:
        hits = match(d, keywords)
        for b in list(hits):
            if (d, b) in exclusions:
                removed.append((d, b, exclusions[(d, b)]))
                del hits[b]
        if hits:
            out.append((d, hits))
    return out, removed


if __name__ == "__main__":
    kws = load_keywords()
    for d in sys.argv[1:]:
        print(d, parts(d), match(d, kws))
