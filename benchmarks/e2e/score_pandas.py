#!/usr/bin/env python3
"""The end-to-end job of benchmarks/e2e/run.sh in pandas + numpy, for comparison (same rules as
score_datatable.R). Usage: /usr/bin/python3 score_pandas.py INPUT.csv OUTPUT.csv"""
import sys

import numpy as np
import pandas as pd

d = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, na_filter=False, engine="c")
FULL = str.maketrans("０１２３", "0123")


def codes(prefix, items, allowed):
    m = d[[f"{prefix}.{i}" for i in items]].to_numpy(dtype=str)
    m = np.char.strip(np.char.translate(m, FULL))
    blank = m == ""
    ok = np.isin(m, allowed)
    v = np.full(m.shape, np.nan)
    v[ok] = m[ok].astype(float)
    return v, blank, ~ok & ~blank


def status(blank, invalid, v):
    all_blank = (~blank).sum(axis=1) == 0
    return np.where(all_blank, "NOT_ADMINISTERED", np.where(invalid.any(axis=1), "INVALID",
                    np.where(np.isnan(v).any(axis=1), "INCOMPLETE", "SCORED")))


f03, yn, f02 = ["0", "1", "2", "3"], ["0", "1"], ["0", "1", "2"]
pv, pb, pi = codes("phqa", [f"q{i}" for i in range(1, 10)], f03)
sup = [codes("phqa", [s], a) for s, a in (("s_down_past_year", yn), ("s_difficulty", f03), ("s_ideation_month", yn),
                                           ("s_attempt_ever", yn))]
gv, gb, gi = codes("gad7", [f"q{i}" for i in range(1, 8)], f03)
sv, sb, si = codes("scared", [f"q{i}" for i in range(1, 42)], f02)
phqa_total = pv.sum(axis=1)
gad7_total = gv.sum(axis=1)


def sub(items):
    return sv[:, [i - 1 for i in items]].sum(axis=1)


pn, gd = sub([1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38]), sub([5, 7, 14, 21, 23, 28, 33, 35, 37])
sp, so, sh = sub([4, 8, 13, 16, 20, 25, 29, 31]), sub([3, 10, 26, 32, 39, 40, 41]), sub([2, 11, 17, 36])
scared_total = pn + gd + sp + so + sh
st_p = status(np.hstack([pb] + [s[1] for s in sup]), np.hstack([pi] + [s[2] for s in sup]), pv)
st_g, st_s = status(gb, gi, gv), status(sb, si, sv)
q9, idea, att = pv[:, 8], sup[2][0][:, 0], sup[3][0][:, 0]
critical = (q9 >= 1) | (idea == 1) | (att == 1)
unknown = np.isnan(q9) | np.isnan(idea) | np.isnan(att)
high = (phqa_total >= 11) | (gad7_total >= 10) | (scared_total >= 25) | unknown
watch = ((phqa_total >= 5) | (gad7_total >= 5) | (pn >= 7) | (gd >= 9) | (sp >= 5) | (so >= 8) | (sh >= 3)
         | (st_p != "SCORED") | (st_g != "SCORED") | (st_s != "SCORED"))
tier = np.where(critical, "urgent", np.where(high, "high", np.where(watch, "watch", "")))
out = pd.DataFrame({"record": np.arange(1, len(d) + 1), "phqa_total": phqa_total, "gad7_total": gad7_total,
                    "scared_total": scared_total, "tier": tier})
out.to_csv(sys.argv[2], index=False, float_format="%.0f")
