"""Checks a pandas DataFrame column of contacts and adds the verdict beside it.

    python examples/dataframe.py

`check_many` takes the column as it is (any iterable of strings) and judges it on every core.
"""

import pandas as pd

import contactguard


def with_verdicts(df, column):
    checker = contactguard.Checker()
    verdicts = checker.check_many(df[column].astype(str))
    out = df.copy()
    out["status"] = [v["status"] for v in verdicts]
    out["brand"] = [(v.get("brand") or {}).get("id") for v in verdicts]
    out["technique"] = [(v.get("findings") or [{}])[0].get("technique") for v in verdicts]
    return out


if __name__ == "__main__":
    df = pd.DataFrame({"contact": ["tokenpocket.pro", "tokenp0cket.pro", "+1 888 908 7930", "example.org"]})
    print(with_verdicts(df, "contact").to_string(index=False))
