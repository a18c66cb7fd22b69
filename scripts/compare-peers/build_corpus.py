#!/usr/bin/env python3
"""Build the labelled domain corpus for scripts/compare-peers/run.

Output: one `domain<TAB>label` line per domain, label in {impersonation, legitimate}.
Python 3 standard library only. Deterministic: fixed seed, every set is sorted before
it is sampled or shuffled, so the same inputs give byte-identical output on every run.

Sources
  impersonation
    shared:dnstwist:<fuzzer>   ../shared/corpora/dnstwist-*.txt (domain column, punycode)
    gen:<technique>            permutations of the registry's official domains:
                               typo, homoglyph (ASCII digit/letter swaps), combosquat,
                               tld-swap, hyphenation, embedding
  legitimate
    shared:wallet-allowlist    ../shared/corpora/wallet-allowlist.txt
    registry:official          the registry's own official domains
    builtin:popular            well-known sites (typed in below) and some of their subdomains
    builtin:crypto             well-known legitimate crypto sites (typed in below)
    gen:words                  seed words x common TLDs (single words, pairs, hyphenated
                               pairs, subdomains, digits, word+keyword)

Rules
  - Nothing that is an official domain (or under an official `subdomains`-scope domain)
    is labelled impersonation.
  - A domain that is in a legitimate source, or under one, is never labelled impersonation.
  - Generated legitimate domains contain no brand token (registry labels and names).
  - Each domain appears once.
"""

import argparse
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20261122
DEFAULT_SIZE = 100_000
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

# Share of the generated impersonation part per technique (the rest of the impersonation
# half comes from the shared dnstwist file). Short pools pass their remainder on.
GEN_SHARES = [
    ("combosquat", 0.40),
    ("typo", 0.20),
    ("homoglyph", 0.15),
    ("embedding", 0.12),
    ("tld-swap", 0.08),
    ("hyphenation", 0.05),
]

KEYWORDS = sorted(set("""
support help helpdesk service services customer care wallet wallets app apps login signin
connect claim airdrop official verify verification secure security recovery restore sync
validate rectify dapp dapps web3 bonus reward rewards refund unlock update download
extension team live online desk chat contact hotline swap bridge staking nft portal auth
account fix access migrate migration import kyc mint giveaway gift assist
""".split()))

TLDS = sorted(set("""
com net org io co app xyz info online site live top pro vip cc me us biz club shop tech
website cloud link dev ai finance network services support help world space store fun
""".split()))

# TLDs on which typo, homoglyph and hyphenation variants of distinctive labels are also made
SQUAT_TLDS = ["com", "net", "org", "io", "app", "xyz"]

QWERTY = ["1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"]

# ASCII lookalike substitutions (one source string -> replacements)
HOMOGLYPHS = {
    "o": ["0"], "0": ["o"], "i": ["1", "l"], "l": ["1", "i"], "1": ["l", "i"],
    "e": ["3"], "a": ["4"], "s": ["5"], "g": ["9", "q"], "q": ["g"], "t": ["7"],
    "b": ["6", "8"], "z": ["2"], "m": ["rn", "nn"], "rn": ["m"], "w": ["vv"],
    "vv": ["w"], "d": ["cl"], "cl": ["d"], "u": ["v"], "v": ["u"], "k": ["lc"],
}

# Seed words for generated legitimate domains: plain English words, no brand names.
SEED_WORDS = sorted(set("""
able acorn acre actor adobe aerial agenda agile alarm album alpine amber anchor angle
ankle apple apricot arch arena armor arrow artist aspen atlas atom attic audio august
autumn avenue award bacon badge bagel baker balance balloon bamboo banana band banner
barley barn barrel basil basket beach beacon bean bear beaver bell bench berry bicycle
birch bird biscuit bishop blade blanket blossom blue board boat bold bolt bonfire book
boot border bottle boulder bounce bowl brave bread breeze brick bridge bright brook
broom brush bubble bucket buffalo bundle burger butter button cabin cable cactus cake
calm camel camera camp canal candle candy canoe canyon canvas captain carbon cargo
carpet carrot castle cedar cellar cereal chair chalk chapel charm cherry chess chief
cider cinema circle citrus city clay cliff clock cloud clover coast cobalt cocoa coffee
comet compass copper coral corner cotton cougar county cozy crane crater cream creek
crisp crown crystal cube cupcake curve cycle daisy dance dawn delta denim desert desk
diamond diner dolphin domino donkey dove dragon drift drum dune eagle earth easel echo
elder elm ember emerald engine epic equal escape estate evening falcon farm feather
fence fern ferry festival fiber field fig film finch fire fjord flag flame flint flora
flower flute focus forest fork fossil fountain fox frame fresh frog frost fruit garden
garlic gate gem giant ginger glacier glass globe glove goat golden goose grain granite
grape graph grass gravel green grove guide guitar gull habit halo hammer harbor harvest
hawk hazel heart hearth hedge helmet herb heron hill hive honey hood horizon horse
hotel house humble hunter husky icicle igloo indigo inkwell iris island ivory ivy jacket
jade jam jasmine jazz jelly jewel journal journey judge juice jungle juniper kayak kernel
kettle kiosk kite kitten kiwi knight koala lace ladder lagoon lake lamp lantern larch
laser lava lawn leaf lemon lens lily lime linen lion little lizard llama lobster lodge
lotus lucky lunar lunch lynx magnet magnolia mango maple marble market marsh meadow
melon mercury mesa meteor midnight mill mint mirror mist modern monkey moon moose mosaic
moss motor mountain muffin mural museum music nectar needle nest nickel noble noodle
north nova nutmeg oak oasis ocean olive onion orbit orchard orchid otter owl oyster
paddle palace palm panda paper parade park parrot pasta patio peach peak pear pebble
pelican pencil pepper petal piano pickle pigeon pillow pine pixel pizza planet plaza
plum polar pond poppy porch potato prairie prism pumpkin puzzle quail quartz quest quiet
quill rabbit radar radio rain rainbow ranch raven reef ridge river road robin rocket
rose ruby saddle saffron sage sail salmon salt sand sapphire scarf school scout sea
seed shadow shell shelter shore silver simple sky slate smile snow solar sonic sparrow
spice spider spring spruce square squirrel stable star stone storm story stream street
studio sugar summit sun sunset swan sweet table tango teal temple thistle thunder tiger
timber toast tomato topaz torch tower trail train travel tree tulip tundra turtle
twilight umbrella unicorn urban valley vanilla velvet venture violet violin vista
voyage walnut walrus water wave willow window winter wolf wonder wool yacht yard yellow
yoga zebra zenith zest zinc zone
""".split()))

GEN_LEGIT_TLDS = ["com", "net", "org", "io", "co", "de", "fr", "nl", "co.uk", "com.au",
                  "ca", "es", "it", "jp", "info", "app", "dev", "me", "us", "ch", "se", "pl"]
GEN_LEGIT_SUBS = ["www", "mail", "shop", "blog", "docs", "app", "api", "cdn", "m", "news",
                  "help", "support", "login", "status", "community", "store", "dev"]

POPULAR = """
google.com youtube.com facebook.com wikipedia.org amazon.com twitter.com x.com instagram.com
linkedin.com reddit.com netflix.com microsoft.com apple.com yahoo.com bing.com baidu.com
qq.com taobao.com tmall.com jd.com weibo.com vk.com yandex.ru mail.ru ok.ru live.com
office.com outlook.com github.com gitlab.com bitbucket.org stackoverflow.com medium.com
wordpress.com wordpress.org tumblr.com pinterest.com twitch.tv tiktok.com zoom.us adobe.com
dropbox.com paypal.com ebay.com aliexpress.com alibaba.com booking.com airbnb.com
spotify.com imdb.com cnn.com bbc.co.uk bbc.com nytimes.com theguardian.com
washingtonpost.com forbes.com bloomberg.com reuters.com wsj.com espn.com weather.com
accuweather.com quora.com salesforce.com oracle.com ibm.com intel.com nvidia.com amd.com
samsung.com sony.com lg.com huawei.com xiaomi.com mozilla.org python.org rust-lang.org
crates.io npmjs.com nodejs.org debian.org ubuntu.com kernel.org cloudflare.com akamai.com
fastly.com digitalocean.com heroku.com vercel.com netlify.com godaddy.com namecheap.com
wix.com squarespace.com shopify.com etsy.com walmart.com target.com bestbuy.com
homedepot.com ikea.com costco.com craigslist.org indeed.com glassdoor.com yelp.com
tripadvisor.com expedia.com uber.com lyft.com doordash.com discord.com slack.com
telegram.org whatsapp.com signal.org skype.com duckduckgo.com archive.org w3.org mit.edu
stanford.edu harvard.edu berkeley.edu ox.ac.uk cam.ac.uk nasa.gov who.int un.org
europa.eu gov.uk canada.ca google.de google.co.uk google.fr google.co.jp google.com.br
google.co.in google.es google.it amazon.co.uk amazon.de amazon.co.jp amazon.in amazon.fr
rakuten.co.jp naver.com daum.net globo.com uol.com.br mercadolibre.com.ar
mercadolivre.com.br zillow.com realtor.com nih.gov cdc.gov irs.gov usps.com ups.com
fedex.com dhl.com chase.com bankofamerica.com wellsfargo.com citi.com hsbc.com
barclays.co.uk americanexpress.com visa.com mastercard.com stripe.com squareup.com
wise.com revolut.com intuit.com hubspot.com zendesk.com atlassian.com notion.so
figma.com canva.com trello.com asana.com mailchimp.com twilio.com okta.com docker.com
kubernetes.io apache.org gnu.org php.net java.com openai.com anthropic.com huggingface.co
kaggle.com coursera.org udemy.com khanacademy.org duolingo.com quizlet.com chegg.com
nature.com sciencedirect.com springer.com wiley.com arxiv.org researchgate.net
nationalgeographic.com time.com economist.com ft.com lemonde.fr spiegel.de elpais.com
corriere.it asahi.com nhk.or.jp yomiuri.co.jp abc.net.au smh.com.au cbc.ca nbcnews.com
foxnews.com cbsnews.com usatoday.com npr.org apnews.com theverge.com wired.com
techcrunch.com arstechnica.com engadget.com cnet.com zdnet.com slashdot.org
ycombinator.com producthunt.com steampowered.com epicgames.com roblox.com minecraft.net
ea.com ubisoft.com playstation.com xbox.com nintendo.com hulu.com disneyplus.com hbo.com
primevideo.com vimeo.com dailymotion.com soundcloud.com bandcamp.com deezer.com
pandora.com flickr.com imgur.com giphy.com deviantart.com behance.net dribbble.com
unsplash.com pexels.com shutterstock.com gettyimages.com nike.com adidas.com zara.com
hm.com uniqlo.com gap.com macys.com nordstrom.com sephora.com ulta.com wayfair.com
overstock.com chewy.com instacart.com grubhub.com opentable.com kayak.com skyscanner.net
hotels.com agoda.com trivago.com delta.com united.com aa.com southwest.com
britishairways.com lufthansa.com emirates.com qatarairways.com ryanair.com easyjet.com
marriott.com hilton.com hyatt.com ihg.com accor.com weather.gov bom.gov.au metoffice.gov.uk
""".split()

POPULAR_SUBS = {
    "google.com": ["mail", "docs", "drive", "maps", "accounts", "support", "play", "news"],
    "microsoft.com": ["support", "learn", "login", "account", "azure"],
    "apple.com": ["support", "developer", "appleid", "music"],
    "github.com": ["docs", "gist", "api", "support"],
    "amazon.com": ["aws", "smile", "sellercentral"],
    "yahoo.com": ["mail", "finance", "news"],
    "wikipedia.org": ["en", "de", "fr", "ja", "es", "zh"],
    "reddit.com": ["old", "www"],
    "paypal.com": ["www", "developer"],
    "stackoverflow.com": ["meta", "www"],
    "zendesk.com": ["support", "developer"],
    "mozilla.org": ["developer", "support", "addons"],
}

CRYPTO_LEGIT = """
coingecko.com coinmarketcap.com etherscan.io bscscan.com polygonscan.com arbiscan.io
kraken.com gemini.com bitstamp.net bitfinex.com kucoin.com bybit.com gate.io htx.com
crypto.com blockstream.com bitcoin.org ethereum.org solana.com polygon.technology
arbitrum.io optimism.io chain.link aave.com compound.finance curve.fi lido.fi
makerdao.com sushi.com pancakeswap.finance 1inch.io opensea.io rarible.com rainbow.me
zerion.io zapper.xyz debank.com safe.global argent.xyz walletconnect.com rabby.io
keplr.app coinomi.com atomicwallet.io guarda.com electrum.org sparrowwallet.com
bitpay.com blockchair.com mempool.space defillama.com dune.com messari.io theblock.co
coindesk.com cointelegraph.com decrypt.co ens.domains etherscan.com tronscan.org
solscan.io avax.network cosmos.network polkadot.network cardano.org near.org
aptosfoundation.org sui.io tether.to circle.com paxos.com chainalysis.com
""".split()


def valid_host(d):
    if len(d) > 253 or "." not in d:
        return False
    return all(LABEL_RE.match(p) for p in d.split("."))


def ascii_tokens(name):
    """'Trust Wallet' -> ['trust', 'wallet']; drops non-ASCII and a '.com'-style suffix."""
    name = re.sub(r"\.(com|info|io|org|net)\b", " ", name.lower())
    return re.findall(r"[a-z0-9]+", name)


class Registry:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.official = {}          # value -> scope
        self.targets = []           # (brand, label, suffix, tenant, common)
        self.tokens = defaultdict(set)  # brand -> combosquat tokens
        self.all_tokens = set()     # every brand token (for filtering generated legit)
        seen = set()
        for b in data["brands"]:
            bid = b["id"]
            common = {w.lower() for w in b.get("common_words", [])}
            for ch in b["channels"]:
                if ch["kind"] != "domain":
                    continue
                v = ch["value"].lower().rstrip(".")
                self.official[v] = ch.get("scope", "host")
                labels = v.split(".")
                if ch.get("scope") == "host" and len(labels) >= 3:
                    t = (bid, labels[0], ".".join(labels[1:]), True)
                else:
                    t = (bid, labels[-2], labels[-1], False)
                if t not in seen:
                    seen.add(t)
                    self.targets.append(t + (t[1] in common,))
                self.all_tokens.add(t[1])
                if not t[3] and t[1] not in common and len(t[1]) >= 3:
                    self.tokens[bid].add(t[1])
            for name in b.get("names", []):
                toks = ascii_tokens(name)
                if not toks:
                    continue
                for form in ("".join(toks), "-".join(toks)):
                    if form in common or len(form.replace("-", "")) < 4:
                        continue
                    self.tokens[bid].add(form)
                    self.all_tokens.add(form.replace("-", ""))
        self.targets.sort()

    def is_official(self, d):
        if d in self.official:
            return True
        parts = d.split(".")
        for i in range(1, len(parts) - 1):
            if self.official.get(".".join(parts[i:])) == "subdomains":
                return True
        return False


# ---------------------------------------------------------------- generators

def neighbours(c):
    out = []
    for row in QWERTY:
        i = row.find(c)
        if i >= 0:
            if i > 0:
                out.append(row[i - 1])
            if i + 1 < len(row):
                out.append(row[i + 1])
    return out


def typos(label):
    out = set()
    n = len(label)
    for i in range(n):
        out.add(label[:i] + label[i + 1:])                      # omission
        out.add(label[:i] + label[i] + label[i:])               # repetition
        for c in neighbours(label[i]):
            out.add(label[:i] + c + label[i + 1:])              # replacement
            out.add(label[:i] + c + label[i:])                  # insertion before
            out.add(label[:i + 1] + c + label[i + 1:])          # insertion after
        if label[i] in "aeiou":
            for v in "aeiou":
                out.add(label[:i] + v + label[i + 1:])          # vowel swap
        if i + 1 < n:
            out.add(label[:i] + label[i + 1] + label[i] + label[i + 2:])  # transposition
    for c in "abcdefghijklmnopqrstuvwxyz0123456789":
        out.add(label + c)                                      # addition
    out.discard(label)
    return out


def homoglyph_variants(label):
    spots = []  # (start, length, replacement)
    for i in range(len(label)):
        for src, reps in HOMOGLYPHS.items():
            if label.startswith(src, i):
                for r in reps:
                    spots.append((i, len(src), r))

    def apply(subs):
        s, last = [], 0
        for i, ln, r in sorted(subs):
            if i < last:
                return None
            s.append(label[last:i])
            s.append(r)
            last = i + ln
        s.append(label[last:])
        return "".join(s)

    out = set()
    for a in range(len(spots)):
        v = apply([spots[a]])
        if v:
            out.add(v)
        for b in range(a + 1, len(spots)):
            v = apply([spots[a], spots[b]])
            if v:
                out.add(v)
    out.discard(label)
    return out


def generate_impersonation(reg):
    """technique -> brand -> set(domains)"""
    pools = defaultdict(lambda: defaultdict(set))
    for bid, label, suffix, tenant, common in reg.targets:
        flat = suffix.replace(".", "")
        # typo, homoglyph and hyphenation on the same suffix (also for common-word
        # labels), and on a few popular TLDs as well for distinctive labels
        ty_tlds = [suffix] if (common or tenant) else sorted({suffix, *SQUAT_TLDS})
        for tl in ty_tlds:
            if len(label) >= 4:
                for t in typos(label):
                    pools["typo"][bid].add(f"{t}.{tl}")
            for h in homoglyph_variants(label):
                pools["homoglyph"][bid].add(f"{h}.{tl}")
        for i in range(1, len(label)):
            for tl in ty_tlds:
                pools["hyphenation"][bid].add(f"{label[:i]}-{label[i:]}.{tl}")
        if len(label) >= 4:
            pools["hyphenation"][bid].add("-".join(label) + "." + suffix)
        # embedding of the official domain in a foreign host
        for tl in TLDS:
            pools["embedding"][bid].add(f"{label}-{flat}.{tl}")
            pools["embedding"][bid].add(f"{label}{flat}.{tl}")
            for kw in KEYWORDS:
                pools["embedding"][bid].add(f"{label}.{suffix}.{kw}-{tl}.com")
                pools["embedding"][bid].add(f"{label}.{suffix}-{kw}.{tl}")
                pools["embedding"][bid].add(f"{kw}.{label}-{flat}.{tl}")
        if tenant or common:
            continue
        # TLD swap, plus keyword subdomains on a swapped TLD
        for tl in TLDS:
            if tl != suffix:
                pools["tld-swap"][bid].add(f"{label}.{tl}")
                for kw in KEYWORDS:
                    pools["tld-swap"][bid].add(f"{kw}.{label}.{tl}")
    # combosquats from the brand tokens
    for bid in sorted(reg.tokens):
        for tok in sorted(reg.tokens[bid]):
            for kw in KEYWORDS:
                for tl in TLDS:
                    for form in (f"{tok}-{kw}", f"{kw}-{tok}", f"{tok}{kw}", f"{kw}{tok}"):
                        pools["combosquat"][bid].add(f"{form}.{tl}")
    return pools


def generate_legit_words(rng, n, reg):
    words = [w for w in SEED_WORDS if not any(t in w for t in reg.all_tokens if len(t) >= 3)]
    out = set()
    kinds = ["single", "pair", "hyphen", "sub", "digits", "keyword"]
    weights = [10, 40, 20, 15, 7, 8]
    guard = 0
    while len(out) < n:
        guard += 1
        if guard > n * 50:
            raise SystemExit("cannot generate enough legitimate word domains")
        kind = rng.choices(kinds, weights)[0]
        tld = rng.choice(GEN_LEGIT_TLDS)
        w1, w2 = rng.choice(words), rng.choice(words)
        if kind == "single":
            d = f"{w1}.{tld}"
        elif kind == "pair":
            d = f"{w1}{w2}.{tld}"
        elif kind == "hyphen":
            d = f"{w1}-{w2}.{tld}"
        elif kind == "sub":
            d = f"{rng.choice(GEN_LEGIT_SUBS)}.{w1}{w2}.{tld}"
        elif kind == "digits":
            d = f"{w1}{rng.randrange(1, 1000)}.{tld}"
        else:
            d = f"{w1}-{rng.choice(KEYWORDS)}.{tld}"
        core = d.replace("-", "").replace(".", "")
        if any(t in core for t in reg.all_tokens if len(t) >= 3):
            continue
        out.add(d)
    return out


# ---------------------------------------------------------------- assembly

def read_dnstwist(shared):
    out = []  # (domain, fuzzer)
    cdir = os.path.join(shared, "corpora")
    for fn in sorted(os.listdir(cdir)) if os.path.isdir(cdir) else []:
        if not (fn.startswith("dnstwist-") and fn.endswith(".txt")):
            continue
        with open(os.path.join(cdir, fn), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or parts[0] in ("fuzzer", "*original"):
                    continue
                out.append((parts[1].strip().lower().rstrip("."), parts[0]))
    return out


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [l.strip().lower().rstrip(".") for l in f if l.strip() and not l.startswith("#")]


def round_robin(rng, by_brand, quota, taken):
    """Take up to `quota` domains not in `taken`, alternating between brands."""
    queues = []
    for bid in sorted(by_brand):
        items = sorted(by_brand[bid] - taken)
        rng.shuffle(items)
        queues.append(items)
    out = []
    idx = [0] * len(queues)
    while len(out) < quota:
        progressed = False
        for qi, q in enumerate(queues):
            while idx[qi] < len(q) and q[idx[qi]] in taken:
                idx[qi] += 1
            if idx[qi] < len(q) and len(out) < quota:
                d = q[idx[qi]]
                idx[qi] += 1
                taken.add(d)
                out.append(d)
                progressed = True
        if not progressed:
            break
    return out


def allocate(total, shares, sizes):
    """Split `total` by `shares`, capping each at its pool size and handing the excess
    to the uncapped techniques in proportion to their shares."""
    quotas = {t: 0 for t, _ in shares}
    open_ = [t for t, _ in shares if sizes[t] > 0]
    share = dict(shares)
    left = total
    while left > 0 and open_:
        weight = sum(share[t] for t in open_)
        capped = False
        step = {}
        for t in open_:
            step[t] = int(left * share[t] / weight)
        step[open_[0]] += left - sum(step.values())  # rounding remainder
        for t in list(open_):
            room = sizes[t] - quotas[t]
            if step[t] >= room:
                quotas[t] += room
                left -= room
                open_.remove(t)
                capped = True
        if not capped:
            for t in open_:
                quotas[t] += step[t]
            left = 0
    return quotas


def build(size, registry_path, shared, seed, share=0.5):
    rng = random.Random(seed)
    reg = Registry(registry_path)
    half_imp = round(size * share)
    half_leg = size - half_imp
    rows = {}  # domain -> (label, source)

    def add(d, label, source):
        if d not in rows and valid_host(d):
            rows[d] = (label, source)
            return True
        return False

    # ---- legitimate: fixed sources first (they take precedence over impersonation)
    legit_fixed = []
    for d in read_lines(os.path.join(shared, "corpora", "wallet-allowlist.txt")):
        legit_fixed.append((d, "shared:wallet-allowlist"))
    for d in sorted(reg.official):
        legit_fixed.append((d, "registry:official"))
    for d in POPULAR:
        legit_fixed.append((d, "builtin:popular"))
        for s in POPULAR_SUBS.get(d, []):
            legit_fixed.append((f"{s}.{d}", "builtin:popular"))
    for d in CRYPTO_LEGIT:
        legit_fixed.append((d, "builtin:crypto"))
    legit_names = set()
    for d, src in legit_fixed:
        if len(legit_names) >= half_leg:
            break
        if add(d, "legitimate", src):
            legit_names.add(d)

    # ---- impersonation
    def under_legit(d):  # a subdomain of a legitimate domain belongs to its owner
        parts = d.split(".")
        return any(".".join(parts[i:]) in legit_names for i in range(1, len(parts) - 1))

    def imp_ok(d):
        return valid_host(d) and d not in rows and not reg.is_official(d) and not under_legit(d)

    dn = [(d, fz) for d, fz in read_dnstwist(shared) if imp_ok(d)]
    dn = sorted(set(dn))
    if len(dn) > half_imp // 2:  # never let one brand's file be more than half the subset
        rng.shuffle(dn)
        dn = sorted(dn[: half_imp // 2])
    for d, fz in dn:
        add(d, "impersonation", f"shared:dnstwist:{fz}")
    imp_count = sum(1 for v in rows.values() if v[0] == "impersonation")

    pools = generate_impersonation(reg)
    for tech in pools:
        for bid in pools[tech]:
            pools[tech][bid] = {d for d in pools[tech][bid] if imp_ok(d)}
    remaining = half_imp - imp_count
    taken = set(rows)
    sizes = {t: len(set().union(*pools[t].values()) - taken) if pools[t] else 0
             for t, _ in GEN_SHARES}
    quotas = allocate(remaining, GEN_SHARES, sizes)
    for tech, _ in GEN_SHARES:
        got = round_robin(rng, pools[tech], quotas[tech], taken)
        for d in got:
            add(d, "impersonation", f"gen:{tech}")
        remaining -= len(got)
    if remaining > 0:  # pools overlap a little: top up in technique order
        for tech, _ in GEN_SHARES:
            got = round_robin(rng, pools[tech], remaining, taken)
            for d in got:
                add(d, "impersonation", f"gen:{tech}")
            remaining -= len(got)
    if remaining > 0:
        raise SystemExit(f"impersonation pools exhausted, {remaining} short")

    # ---- legitimate: generated words fill the rest
    need = half_leg - len(legit_names)
    if need > 0:
        gen = generate_legit_words(rng, need * 2, reg)
        gen = sorted(d for d in gen if d not in rows and not reg.is_official(d))
        rng.shuffle(gen)
        for d in gen:
            if need == 0:
                break
            if add(d, "legitimate", "gen:words"):
                need -= 1
        if need:
            raise SystemExit(f"legitimate pool exhausted, {need} short")

    out = sorted(rows.items())
    rng.shuffle(out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default="/tmp/compare-peers/corpus.tsv",
                    help="output TSV (domain<TAB>label); '-' for stdout")
    ap.add_argument("--size", type=int, default=DEFAULT_SIZE)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--impersonations", type=float, default=0.5, metavar="SHARE",
                    help="share of impersonations, 0..1 (default 0.5; a realistic feed: 0.03)")
    ap.add_argument("--registry", default=os.path.join(ROOT, "data", "registry.json"))
    ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--sources", metavar="FILE",
                    help="also write domain<TAB>label<TAB>source to FILE")
    a = ap.parse_args()

    if not 0.0 <= a.impersonations <= 1.0:
        raise SystemExit("--impersonations must be a share between 0 and 1, such as 0.03")
    rows = build(a.size, a.registry, a.shared, a.seed, a.impersonations)

    def write(path, with_source):
        if path == "-":
            f = sys.stdout
        else:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            f = open(path, "w", encoding="utf-8", newline="\n")
        for d, (label, src) in rows:
            f.write(f"{d}\t{label}\t{src}\n" if with_source else f"{d}\t{label}\n")
        if f is not sys.stdout:
            f.close()

    write(a.out, False)
    if a.sources:
        write(a.sources, True)

    by_label = Counter(l for _, (l, _) in rows)
    by_src = Counter((l, s.split(":")[0] + ":" + s.split(":")[1]) for _, (l, s) in rows)
    print(f"corpus: {len(rows)} domains -> {a.out}", file=sys.stderr)
    for l in sorted(by_label):
        print(f"  {l:14} {by_label[l]:6}", file=sys.stderr)
        for (l2, s), n in sorted(by_src.items()):
            if l2 == l:
                print(f"    {s:28} {n:6}", file=sys.stderr)


if __name__ == "__main__":
    main()
