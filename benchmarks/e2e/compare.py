#!/usr/bin/env python3
"""Checks that the comparison outputs agree with psyscreen's scores.csv on every record: every column
an output has besides `record` (phqa_total, scared_panic_somatic, tier, ...), read as psyscreen's
column of that name with its first '_' as '.' (phqa.total, scared.panic_somatic; tier stays).
Usage: compare.py PSYSCREEN_SCORES.csv OTHER.csv [OTHER.csv ...]"""
import csv
import sys


def columns(path):
    with open(path, encoding="utf-8") as f:
        return [c for c in next(csv.reader(f)) if c != "record"]


def load(path, names):
    with open(path, encoding="utf-8") as f:
        return [tuple(x[:-2] if x.endswith(".0") else x for x in (r[c] for c in names)) for r in csv.DictReader(f)]


ok = True
for other in sys.argv[2:]:
    names = columns(other)
    ref = load(sys.argv[1], [c.replace("_", ".", 1) if "_" in c else c for c in names])
    rows = load(other, names)
    diffs = [i + 1 for i, (a, b) in enumerate(zip(ref, rows)) if a != b]
    if len(rows) != len(ref) or diffs:
        ok = False
        print(f"DISAGREE {other}: {len(rows)} vs {len(ref)} records; first differing records {diffs[:5]}")
        for i in diffs[:3]:
            print("  psyscreen", ref[i - 1], "other", rows[i - 1])
    else:
        print(f"agree     {other}: {len(rows)} records, identical in {', '.join(names)}")
sys.exit(0 if ok else 1)
