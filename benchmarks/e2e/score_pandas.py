#!/usr/bin/env python3
"""The end-to-end job of benchmarks/e2e/run.sh in pandas + numpy, for comparison (same rules as
score_datatable.R, written the same way: read_csv with its own types, one pass per column, string
clean-up only for cells that are not already a plain code).
With "wide" the input is run.sh's COHORT=wide platform export: headers renamed back first, then
CES-D's total (4, 8, 12 and 16 reverse-keyed) and SCARED's five subscales in the output as well.
Usage: /usr/bin/python3 score_pandas.py INPUT.csv OUTPUT.csv [wide]"""
import re
import sys

import numpy as np
import pandas as pd

d = pd.read_csv(sys.argv[1], engine="c", low_memory=False)
n = len(d)
wide = len(sys.argv) > 3 and sys.argv[3] == "wide"
if wide:
    renames = [(r"^PHQA第(.*)题$", r"phqa.q\1"), (r"^PHQA_(.*)$", r"phqa.\1"), (r"^GAD7_(.*)$", r"gad7.q\1"),
               (r"^SCARED_Q(.*)$", r"scared.q\1"), (r"^CESD-(.*)$", r"cesd.q\1")]
    names = list(d.columns)
    for pattern, to in renames:
        names = [re.sub(pattern, to, c) for c in names]
    d.columns = names
FULL = str.maketrans("０１２３４５６７８９", "0123456789")


def one(x, allowed):
    """Item values (NaN when blank or not a declared code), blank, invalid."""
    if x.dtype == object:
        codes = {str(a): float(a) for a in allowed}
        v = x.map(codes)
        odd = v.isna() & x.notna()  # not a plain code: full-width digits, spaces, text
        cleaned = x[odd].astype(str).str.translate(FULL).str.strip()
        v[odd] = cleaned.map(codes)
        blank = x.isna().to_numpy().copy()
        blank[odd.to_numpy()] = (cleaned == "").to_numpy()
        v = v.to_numpy(dtype=float)
    else:
        v = x.where(x.isin(allowed)).to_numpy(dtype=float)
        blank = x.isna().to_numpy()
    return v, blank, np.isnan(v) & ~blank


def form(prefix, items, allowed, extra=()):
    answered, invalid, missing, v = np.zeros(n, int), np.zeros(n, int), np.zeros(n, int), {}
    for it, a, required in [(i, allowed, True) for i in items] + [(i, a, False) for i, a in extra]:
        v[it], blank, bad = one(d[f"{prefix}.{it}"], a)
        answered += ~blank
        invalid += bad
        if required:
            missing += np.isnan(v[it])
    return v, (answered > 0) & (invalid == 0) & (missing == 0)


def total(v, items):
    return sum(v[i] for i in items)  # NaN when any item is NaN: every item required


pv, p_ok = form("phqa", [f"q{i}" for i in range(1, 10)], [0, 1, 2, 3],
                [("s_down_past_year", [0, 1]), ("s_difficulty", [0, 1, 2, 3]), ("s_ideation_month", [0, 1]),
                 ("s_attempt_ever", [0, 1])])
gv, g_ok = form("gad7", [f"q{i}" for i in range(1, 8)], [0, 1, 2, 3])
sv, s_ok = form("scared", [f"q{i}" for i in range(1, 42)], [0, 1, 2])
phqa_total = total(pv, [f"q{i}" for i in range(1, 10)])
gad7_total = total(gv, [f"q{i}" for i in range(1, 8)])


def sub(items):
    return total(sv, [f"q{i}" for i in items])


pn, gd = sub([1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38]), sub([5, 7, 14, 21, 23, 28, 33, 35, 37])
sp, so, sh = sub([4, 8, 13, 16, 20, 25, 29, 31]), sub([3, 10, 26, 32, 39, 40, 41]), sub([2, 11, 17, 36])
scared_total = pn + gd + sp + so + sh
q9, idea, att = pv["q9"], pv["s_ideation_month"], pv["s_attempt_ever"]
critical = (q9 >= 1) | (idea == 1) | (att == 1)
unknown = np.isnan(q9) | np.isnan(idea) | np.isnan(att)
high = (phqa_total >= 11) | (gad7_total >= 10) | (scared_total >= 25) | unknown
watch = ((phqa_total >= 5) | (gad7_total >= 5) | (pn >= 7) | (gd >= 9) | (sp >= 5) | (so >= 8) | (sh >= 3)
         | ~p_ok | ~g_ok | ~s_ok)
tier = np.full(n, "none", dtype=object)  # scores.csv writes "none" for no risk identified
tier[watch] = "watch"
tier[high] = "high"
tier[critical] = "urgent"
out = pd.DataFrame({"record": np.arange(1, n + 1), "phqa_total": phqa_total, "gad7_total": gad7_total,
                    "scared_total": scared_total, "tier": tier})
if wide:
    cv, _ = form("cesd", [f"q{i}" for i in range(1, 21)], [0, 1, 2, 3])
    for r in ("q4", "q8", "q12", "q16"):
        cv[r] = 3 - cv[r]
    out = out.assign(scared_panic_somatic=pn, scared_generalized_anxiety=gd, scared_separation_anxiety=sp,
                     scared_social_anxiety=so, scared_school_avoidance=sh,
                     cesd_total=total(cv, [f"q{i}" for i in range(1, 21)]))
out.to_csv(sys.argv[2], index=False, float_format="%.0f")
