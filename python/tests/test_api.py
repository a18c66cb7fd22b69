"""The module's API: dicts of the JSON contract, options and their errors, check_many on every
core in order, scans with byte spans, the registry that answers, and the examples."""

import io
import json
import pathlib
import subprocess
import sys

import pytest

import contactguard

HERE = pathlib.Path(__file__).resolve().parent
CHECKER = contactguard.Checker()


def test_check_answers_with_the_json_contract():
    v = CHECKER.check("tokenp0cket.pro")
    assert v["status"] == "impersonation"
    assert v["kind"] == "domain"
    assert v["brand"]["id"] == "tokenpocket"
    assert v["findings"][0]["technique"] == "homoglyph"
    assert any(c["value"] == "tokenpocket.pro" for c in v["official_channels"])
    assert CHECKER.check("tokenpocket.pro")["status"] == "official"
    assert CHECKER.check("example.org")["status"] == "unknown"


def test_options_and_what_they_refuse():
    v = CHECKER.check("400-123-4567", brand="tokenpocket", region="CN")
    assert v["findings"][0]["technique"] == "no_such_channel"
    assert CHECKER.check("tokenpocket_en", platform="telegram")["status"] == "official"
    with pytest.raises(ValueError, match="kind is one of"):
        CHECKER.check("x", kind="fax")
    with pytest.raises(ValueError, match="no platform 'myspace'"):
        CHECKER.check("x", platform="myspace")


def test_check_many_keeps_order_and_matches_check_on_any_number_of_threads():
    inputs = ["tokenpocket.pro", "tokenp0cket.pro", "+1 888 908 7930", "example.org", "@TokenPocket_TP_"] * 2000
    one = [CHECKER.check(i)["status"] for i in inputs[:5]]
    for threads in (1, 3, None):
        got = CHECKER.check_many(iter(inputs), threads=threads)
        assert len(got) == len(inputs)
        assert [v["status"] for v in got[:5]] == one
        assert [v["input"] for v in got] == inputs
    assert CHECKER.check_many([]) == []
    # Lean like `contactguard batch` unless asked: no stamp, no sources; the verdict is the same.
    lean, full = CHECKER.check_many(["tokenp0cket.pro"])[0], CHECKER.check_many(["tokenp0cket.pro"], provenance=True)[0]
    assert "registry" not in lean and lean["official_channels"][0].get("source", "") == ""
    assert full == CHECKER.check("tokenp0cket.pro")
    assert lean["status"] == full["status"] and lean["findings"][0]["technique"] == full["findings"][0]["technique"]
    with pytest.raises(TypeError, match="item 1 is int"):
        CHECKER.check_many(["tokenpocket.pro", 42])
    with pytest.raises(TypeError, match="iterable of strings"):
        CHECKER.check_many(42)


def test_scan_gives_byte_spans():
    text = "TP钱包官方客服热线：400-123-4567，官网 tokenp0cket.pro"
    r = CHECKER.scan(text)
    assert r["status"] == "impersonation"
    raw = text.encode("utf-8")
    spans = [raw[i["span"]["start"]:i["span"]["end"]].decode("utf-8") for i in r["items"]]
    assert spans == ["400-123-4567", "tokenp0cket.pro"]


def test_registry_names_the_version_and_expiry():
    r = CHECKER.registry
    assert r["version"] >= 1 and r["brands"] >= 30
    assert r["issued_at"].endswith("Z") and r["expires"].endswith("Z")
    assert contactguard.__version__


def test_feed_example_flags_lookalikes_and_skips_junk():
    sys.path.insert(0, str(HERE.parent / "examples"))
    import feed

    lines = [
        json.dumps({"all_domains": ["tokenp0cket.pro", "*.tokenpocket-support.com", "example.org"]}),
        "not json",
        json.dumps({"data": {"leaf_cert": {"all_domains": ["metamask-wallet-support.top"]}}}),
        json.dumps({"domain": "tokenpocket.pro"}),
    ]
    out, err = io.StringIO(), io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        feed.main(io.StringIO("\n".join(lines) + "\n"), out)
    finally:
        sys.stderr = old
    flagged = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [f["domain"] for f in flagged] == ["tokenp0cket.pro", "tokenpocket-support.com", "metamask-wallet-support.top"]
    assert {f["brand"] for f in flagged} == {"tokenpocket", "metamask"}
    assert "skipped 1 lines" in err.getvalue()


def test_dataframe_example():
    pd = pytest.importorskip("pandas")
    sys.path.insert(0, str(HERE.parent / "examples"))
    import dataframe

    df = pd.DataFrame({"contact": ["tokenpocket.pro", "tokenp0cket.pro", "example.org"]})
    out = dataframe.with_verdicts(df, "contact")
    assert list(out["status"]) == ["official", "impersonation", "unknown"]
    assert list(out["brand"])[:2] == ["tokenpocket", "tokenpocket"]
    run = subprocess.run([sys.executable, str(HERE.parent / "examples" / "dataframe.py")], capture_output=True, text=True, check=True)
    assert "impersonation" in run.stdout
