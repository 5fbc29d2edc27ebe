#!/usr/bin/env python3
"""Writes the SYNTHETIC 腾讯问卷-style export in this folder, its mapping, and the same students in
psyscreen's own columns and codes (the test's expected counterpart). Seeded: the same bytes every time.

    python3 examples/tencent/make_export.py

The layout follows what is known of 腾讯问卷's answer export (see README.md in this folder): platform
columns first (编号, 用户类型, 用户标识, 昵称, 开始答题时间, 结束答题时间, 答题时长, 地理位置…, 自定义字段, IP,
UA, Referrer, 清洗数据结果, 智能清洗数据无效概率), then one column per question titled "N.题目", a matrix
question as one column per row titled "N.题目:行", option text as the answers, and an empty last column.

No real person: ids, nicknames, schools and answers are invented. Question titles are our own short
labels (instrument and item number), never an instrument's item wording.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from synthetic_answers import FREQ, GAD, PHQA, SCARED, answers, phqa_cells  # noqa: E402

OUT = "examples/tencent/"
STUDENTS = 120
rnd = random.Random(20261202)
TRUE3 = ["从不或几乎不", "有时", "经常"]

PLATFORM = ["编号", "用户类型", "用户标识", "昵称", "开始答题时间", "结束答题时间", "答题时长", "地理位置国家和地区",
            "地理位置省", "地理位置市", "自定义字段", "IP", "UA", "Referrer", "清洗数据结果", "智能清洗数据无效概率"]
STUDENT = [("1.学号", "student_id"), ("2.学校", "school"), ("3.班级", "class"), ("4.年级", "grade"),
           ("5.性别", "sex"), ("6.出生日期", "birth_date")]

titles = []  # (header, psyscreen column)
for i, item in enumerate(PHQA[:9]):                   # a matrix question: one column per row
    titles.append((f"7.PHQ-A（过去两周）:第{i + 1}题", "phqa." + item))
for i, item in enumerate(PHQA[9:]):                   # four single-choice questions
    titles.append((f"{8 + i}.PHQ-A（补充{i + 1}）", "phqa." + item))
for i, item in enumerate(GAD):
    titles.append((f"12.GAD-7（过去两周）:第{i + 1}题", "gad7." + item))
for i, item in enumerate(SCARED):
    titles.append((f"13.SCARED（过去三个月）:第{i + 1}题", "scared." + item))

header = PLATFORM + [h for h, _ in STUDENT] + [t for t, _ in titles] + [""]
canon_header = ["student_id", "school", "class", "grade", "sex", "birth_date", "test_date"] + [c for _, c in titles]

GRADE_FORMS = {7: ["初一", "初中一年级", "七年级"], 8: ["初二", "初中二年级", "八年级"], 9: ["初三", "九年级", "初中三年级"]}
rows, canon = [], []
for s in range(STUDENTS):
    grade = 7 + s % 3
    sex = rnd.choice(["男", "女"])
    born = 2026 - (grade + 5) - (1 if rnd.random() < 0.3 else 0)
    month, day = rnd.randint(1, 12), rnd.randint(1, 28)
    test_day = rnd.randint(10, 20)
    hour, minute = rnd.randint(8, 16), rnd.randint(0, 50)
    started = f"2026-09-{test_day:02d} {hour:02d}:{minute:02d}:{rnd.randint(0, 59):02d}"
    spent = rnd.randint(180, 540)
    ended = f"2026-09-{test_day:02d} {hour:02d}:{minute + spent // 60:02d}:{rnd.randint(0, 59):02d}"
    phqa, gad, scared = answers(rnd)
    sid = f"T{2026000 + s}"
    answers_cells = phqa_cells(phqa) + [FREQ[v] for v in gad] + [TRUE3[v] for v in scared]
    platform = [str(100000 + s), "微信", f"o{s:05d}示例", f"示例昵称{s + 1:03d}", started, ended, f"{spent}秒", "中国",
                "广东", "示例市", "", f"198.51.100.{s % 250}", "Mozilla/5.0 (SYNTHETIC)", "", "有效", "0.01"]
    rows.append(platform + [sid, "示例二中", f"{grade}-{1 + s % 4}", rnd.choice(GRADE_FORMS[grade]), sex,
                            f"{born}-{month:02d}-{day:02d}"] + answers_cells + [""])
    canon.append([sid, "示例二中", f"{grade}-{1 + s % 4}", str(grade), "female" if sex == "女" else "male",
                  f"{born}-{month:02d}-{day:02d}", f"2026-09-{test_day:02d}"]
                 + [str(v) for v in phqa] + [str(v) for v in gad] + [str(v) for v in scared])

def write(path, head, body, bom):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        end = "\r\n" if bom else "\n"
        for r in [head] + body:
            f.write(",".join(r) + end)

write(OUT + "tencent-export.csv", header, rows, True)
write(OUT + "expected-canonical.csv", canon_header, canon, False)

with open(OUT + "tencent-mapping.yaml", "w", encoding="utf-8") as f:
    f.write("# Mapping for the 腾讯问卷 layout of examples/tencent/tencent-export.csv (PHQ-A, GAD-7, SCARED).\n")
    f.write("# Copy it for your own export: change the question titles under 'columns' to yours. A platform\n")
    f.write("# column that is not under 'ignore' refuses the file, naming the header: add it there once you\n")
    f.write("# have checked it holds no answers.\n")
    f.write("format: psyscreen-mapping/1\ncolumns:\n")
    for k, v in STUDENT + [("结束答题时间", "test_date"), ("答题时长", "response_seconds")]:
        f.write(f'  "{k}": {v}\n')
    for t, c in titles:
        f.write(f'  "{t}": {c}\n')
    f.write("# 编号 .. 智能清洗数据无效概率: the platform's own columns (nicknames, user ids, IP addresses are\n")
    f.write('# personal data: never read, never copied). "": the empty last column of the export.\n')
    f.write("ignore: [" + ", ".join(f'"{p}"' for p in PLATFORM if p not in ("结束答题时间", "答题时长")) + ', "语言", ""]\n')
    f.write("values:\n")
    f.write('  phqa: {"完全不会": "0", "好几天": "1", "一半以上的天数": "2", "几乎每天": "3", "否": "0", "是": "1",\n')
    f.write('         "没有困难": "0", "有些困难": "1", "非常困难": "2", "极其困难": "3"}\n')
    f.write('  gad7: {"完全不会": "0", "好几天": "1", "一半以上的天数": "2", "几乎每天": "3"}\n')
    f.write('  scared: {"从不或几乎不": "0", "有时": "1", "经常": "2"}\n')
