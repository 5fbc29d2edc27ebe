#!/usr/bin/env python3
"""Checks that the comparison outputs agree with psyscreen's scores.csv on every record:
the three totals and the tier. Usage: compare.py PSYSCREEN_SCORES.csv OTHER.csv [OTHER.csv ...]"""
import csv
import sys


def load(path, psyscreen):
    rows = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if psyscreen:
                rows.append((r["phqa.total"], r["gad7.total"], r["scared.total"], r["tier"]))
            else:
                rows.append(tuple(x.replace(".0", "") if x.endswith(".0") else x
                                  for x in (r["phqa_total"], r["gad7_total"], r["scared_total"], r["tier"])))
    return rows


ref = load(sys.argv[1], True)
ok = True
for other in sys.argv[2:]:
    rows = load(other, False)
    diffs = [i + 1 for i, (a, b) in enumerate(zip(ref, rows)) if a != b]
    if len(rows) != len(ref) or diffs:
        ok = False
        print(f"DISAGREE {other}: {len(rows)} vs {len(ref)} records; first differing records {diffs[:5]}")
        for i in diffs[:3]:
            print("  psyscreen", ref[i - 1], "other", rows[i - 1])
    else:
        print(f"agree     {other}: {len(rows)} records, totals and tiers identical")
sys.exit(0 if ok else 1)
