#!/usr/bin/env python3
"""Turns a generated cohort (psyscreen's own column names) into a wide survey-platform export of the
same students, the shape benchmarks/e2e/run.sh's COHORT=wide measures: every header renamed the way
a platform writes it (学号, 学校, ..., "PHQA第1题", "SCARED_Q12", "CESD-20", "PHQA_s_attempt_ever"), no test date column,
and the mapping file that names psyscreen's columns for those headers. Answers are not touched.
Usage: /usr/bin/python3 wide_export.py COHORT.csv EXPORT.csv MAPPING.yaml"""
import csv
import sys

STUDENT = {"student_id": "学号", "school": "学校", "class": "班级", "grade": "年级", "sex": "性别",
           "birth_date": "出生日期"}
DROPPED = {"test_date"}


def platform_header(column):
    """The platform's header for one of psyscreen's columns: each instrument in its own style."""
    if column in STUDENT:
        return STUDENT[column]
    instrument, item = column.split(".", 1)
    if not item.startswith("q"):
        return f"{instrument.upper()}_{item}"  # PHQ-A's supplementary questions
    number = item[1:]
    return {"phqa": f"PHQA第{number}题", "gad7": f"GAD7_{number}", "scared": f"SCARED_Q{number}",
            "cesd": f"CESD-{number}"}[instrument]


with open(sys.argv[1], encoding="utf-8", newline="") as src, \
        open(sys.argv[2], "w", encoding="utf-8", newline="") as dst:
    rows = csv.reader(src)
    header = next(rows)
    keep = [i for i, c in enumerate(header) if c not in DROPPED]
    out = csv.writer(dst, lineterminator="\n")
    out.writerow([platform_header(header[i]) for i in keep])
    for row in rows:
        out.writerow([row[i] for i in keep if i < len(row)])  # a short record stays short

with open(sys.argv[3], "w", encoding="utf-8") as m:
    m.write("# Mapping of the SYNTHETIC wide export written by benchmarks/e2e/wide_export.py\n")
    m.write("columns:\n")
    for c in header:
        if c not in DROPPED:
            m.write(f'  "{platform_header(c)}": {c}\n')
