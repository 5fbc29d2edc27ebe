#!/usr/bin/env python3
"""Writes the SYNTHETIC 问卷星-style export in this folder and the same students in psyscreen's own
columns and codes (the test's expected counterpart). Seeded: the same bytes every time.

    python3 examples/wjx/make_export.py

No real person: ids, names, schools and answers are invented. Question titles are our own short
labels (instrument and item number), never an instrument's item wording.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from synthetic_answers import GAD, PHQA, SCARED, answers, phqa_cells  # noqa: E402

OUT = "examples/wjx/"
STUDENTS = 120
rnd = random.Random(20261125)

titles = []
n = 1
for i, item in enumerate(PHQA):
    label = f"第{i + 1}题" if i < 9 else f"补充{i - 8}"
    titles.append((f"{n}、PHQ-A（{label}）", "phqa." + item)); n += 1
for i, item in enumerate(GAD):
    titles.append((f"{n}、GAD-7（第{i + 1}题）", "gad7." + item)); n += 1
for i, item in enumerate(SCARED):
    titles.append((f"{n}、SCARED（第{i + 1}题）：", "scared." + item)); n += 1

system = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "学号", "姓名", "学校", "班级", "年级", "性别", "出生日期"]
header = system + [t for t, _ in titles] + ["总分"]
canon_header = ["student_id", "school", "class", "grade", "sex", "birth_date", "test_date"] + [c for _, c in titles]

GRADE_FORMS = {7: ["初一", "初中一年级", "7年级"], 8: ["初二", "初中二年级", "初2"], 9: ["初三", "九年级", "初中三年级"]}
rows, canon = [], []
for s in range(STUDENTS):
    grade = 7 + s % 3
    sex = rnd.choice(["男生", "女生"])
    born = 2026 - (grade + 5) - (1 if rnd.random() < 0.3 else 0)
    month, day = rnd.randint(1, 12), rnd.randint(1, 28)
    birth_cell = rnd.choice([f"{born}年{month}月{day}日", f"{born}/{month}/{day}"])
    test_day = rnd.randint(10, 20)
    submitted = f"2026/9/{test_day} {rnd.randint(8, 16)}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
    phqa, gad, scared = answers(rnd)
    sid = f"W{2026000 + s}"
    answers_cells = phqa_cells(phqa) + [str(v + 1) for v in gad] + [str(v) for v in scared]
    rows.append([str(s + 1), submitted, f"{rnd.randint(120, 900)}秒", "微信", "N/A", f"192.0.2.{s % 250}(广东-示例)",
                 sid, f"示例学生{s + 1:03d}", "示例中学", f"{grade}-{1 + s % 4}", rnd.choice(GRADE_FORMS[grade]), sex,
                 birth_cell] + answers_cells + [str(sum(phqa[:9]) + sum(gad) + sum(scared))])
    canon.append([sid, "示例中学", f"{grade}-{1 + s % 4}", str(grade), "female" if sex == "女生" else "male",
                  f"{born}-{month:02d}-{day:02d}", f"2026-09-{test_day:02d}"]
                 + [str(v) for v in phqa] + [str(v) for v in gad] + [str(v) for v in scared])

def write(path, head, body, bom):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(",".join(head) + "\r\n" if bom else ",".join(head) + "\n")
        for r in body:
            f.write(",".join(r) + ("\r\n" if bom else "\n"))

write(OUT + "wjx-export.csv", header, rows, True)          # as 问卷星 hands it over: UTF-8 BOM, CRLF
write(OUT + "expected-canonical.csv", canon_header, canon, False)

with open(OUT + "wjx-mapping.yaml", "w", encoding="utf-8") as f:
    f.write("# Mapping for the 问卷星 layout of examples/wjx/wjx-export.csv (PHQ-A, GAD-7, SCARED).\n")
    f.write("# Copy it for your own export: change the question titles under 'columns' to yours.\n")
    f.write("format: psyscreen-mapping/1\ncolumns:\n")
    for k, v in [("学号", "student_id"), ("学校", "school"), ("班级", "class"), ("年级", "grade"), ("性别", "sex"),
                 ("出生日期", "birth_date"), ("提交答卷时间", "test_date"),
                 ("所用时间", "response_seconds")]:
        f.write(f'  "{k}": {v}\n')
    for t, c in titles:
        f.write(f'  "{t}": {c}\n')
    f.write('ignore: ["序号", "来源", "来源详情", "来自IP", "姓名", "总分"]\n')
    f.write("values:\n")
    f.write('  phqa: {"完全不会": "0", "好几天": "1", "一半以上的天数": "2", "几乎每天": "3", "否": "0", "是": "1",\n')
    f.write('         "没有困难": "0", "有些困难": "1", "非常困难": "2", "极其困难": "3"}\n')
    f.write("  gad7: {offset: -1}   # exported as option numbers 1..4 (按选项序号); the definition codes 0..3\n")
