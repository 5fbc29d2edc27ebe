#!/usr/bin/env python3
"""Writes the bad policy cases under engine/src/test/resources/policies/bad/.

Each case is the synthetic demo policy with one defect (the overlap case has a second file). The
expected_errors.txt files are golden: written by BadPolicyGoldenTest with -Dpsyscreen.updateGolden=true,
reviewed, then compared exactly.
"""
import pathlib

RES = pathlib.Path(__file__).resolve().parent.parent / "resources" / "policies"
BASE = (RES / "good" / "demo-policy.yaml").read_text(encoding="utf-8")
T3 = '  - {id: t3, severity: 3, label: {en: "Tier 3 (watch)", zh: "三级（关注）"}, action: {en: class-teacher check-in, zh: 班主任关注}}\n'


def sub(old, new, base=BASE):
    assert old in base, old
    return base.replace(old, new, 1)


def add_rule(text):
    return BASE + text


CASES = {
    "p01-two-tiers": sub(T3, "").replace("t3", "t2"),
    "p01-duplicate-severity": sub("{id: t3, severity: 3,", "{id: t3, severity: 2,"),
    "p02-rule-unknown-tier": sub("    tier: t3\n    description: {en: part A", "    tier: t4\n    description: {en: part A"),
    "p06-critical-not-most-severe": sub("critical: {tier: t1}", "critical: {tier: t2}"),
    "p07-incomplete-without-tier": sub("  incomplete: t3\n", ""),
    "p07-no-follow-up-at-all": sub("followUp:\n  incomplete: t3\n  invalid: t3\n  notAdministered: t3\n  noNorm: t3\n  criticalUnknown: t2\n  missingInstrument: t3\n  policyError: t1\n", ""),
    "p03-threshold-above-maximum": sub("when: {scale: demo.total, op: \">=\", value: 9}", "when: {scale: demo.total, op: \">=\", value: 99}"),
    "p03-threshold-always-true": sub("when: {scale: demo.part_a, op: \">=\", value: 5}", "when: {scale: demo.part_a, op: \">=\", value: 0}"),
    "p03-item-code-unreachable": sub("when: {item: demo.q6, op: \"==\", value: 3}", "when: {item: demo.q6, op: \"==\", value: 4}"),
    "p03-shadowed-rule": add_rule("  - id: total_higher\n    tier: t2\n    description: {en: total at or above 12, zh: 总分不低于12}\n    source: demo_src\n    when: {scale: demo.total, op: \">=\", value: 12}\n"),
    "duplicate-rule-id": add_rule("  - id: total_high\n    tier: t1\n    description: {en: item six at 2, zh: 第6题为2}\n    source: demo_src\n    when: {item: demo.q6, op: \"==\", value: 2}\n"),
    "p09-t-score-without-norm": sub(", on: t, norm: synthetic-demo-total-sex-age,", ", on: t,"),
    "p09-t-threshold-out-of-range": sub("norm: synthetic-demo-total-sex-age, op: \">=\", value: 70}", "norm: synthetic-demo-total-sex-age, op: \">=\", value: 170}"),
    "p09-norm-on-raw-score": sub("when: {scale: demo.total, op: \">=\", value: 9}", "when: {scale: demo.total, norm: synthetic-demo-total-sex-age, op: \">=\", value: 9}"),
    "norm-not-listed": sub("norms:\n  - {id: synthetic-demo-total-sex-age, version: \"1.0.0\"}\n", ""),
    "synthetic-norm-in-a-real-policy": sub("synthetic: true\n", ""),
    "effective-dates-reversed": sub('effective: {from: "2026-09-01", to: "2027-08-31"}', 'effective: {from: "2027-09-01", to: "2026-08-31"}'),
    "unknown-citation": sub("    source: demo_src\n    when: {item: demo.q6", "    source: demo_srcs\n    when: {item: demo.q6"),
    "condition-tests-two-things": sub('when: {item: demo.q6, op: "==", value: 3}', 'when: {item: demo.q6, scale: demo.total, op: "==", value: 3}'),
    "condition-tests-nothing": sub('when: {item: demo.q6, op: "==", value: 3}', 'when: {op: "==", value: 3}'),
    "undeclared-attribute": sub("{attribute: left_behind}", "{attribute: single_parent}"),
    "unknown-scale": sub("when: {scale: demo.part_a, op:", "when: {scale: demo.part_c, op:"),
    "instrument-not-listed": sub("when: {scale: demo.total, op: \">=\", value: 9}", "when: {scale: gad7.total, op: \">=\", value: 9}"),
    "unknown-instrument-version": sub('  - {id: demo, version: "1.0.0"}', '  - {id: demo, version: "9.0.0"}'),
    "bad-operator": sub('when: {scale: demo.total, op: ">=", value: 9}', 'when: {scale: demo.total, op: "≥", value: 9}'),
    "follow-up-days-out-of-range": sub('action: {en: same-day safety assessment, zh: 当日安全评估}}', 'action: {en: same-day safety assessment, zh: 当日安全评估}, followUpDays: 0}'),
    "follow-up-days-not-a-number": sub('action: {en: counsellor interview, zh: 心理老师访谈}}', 'action: {en: counsellor interview, zh: 心理老师访谈}, followUpDays: weekly}'),
    "case-roles-empty-list": sub("rules:\n", "caseRoles:\n  closure: []\nrules:\n"),
    "case-roles-not-words": sub("rules:\n", "caseRoles:\n  Closure: [counsellor]\n  assessed: [counsellor, 3, counsellor]\nrules:\n"),
    "hit-policy-first": sub("hitPolicy: most-severe", "hitPolicy: first"),
    "bad-date": sub('effective: {from: "2026-09-01"', 'effective: {from: "2026/09/01"'),
    "unknown-field": sub("    description: {en: total at or above 9", "    descripton: {en: total at or above 9"),
    "critical-state-word": add_rule("  - id: danger_unknown\n    tier: t2\n    description: {en: critical unknown, zh: 关键条目未知}\n    source: demo_src\n    when: {critical: demo.danger_positive, is: maybe}\n"),
    "critical-reference-unknown": add_rule("  - id: danger_unknown\n    tier: t2\n    description: {en: critical unknown, zh: 关键条目未知}\n    source: demo_src\n    when: {critical: demo.danger, is: unknown}\n"),
}


def main():
    for name, text in CASES.items():
        folder = RES / "bad" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "policy.yaml").write_text(text, encoding="utf-8")
    folder = RES / "bad" / "p10-two-versions-in-force"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.yaml").write_text(BASE, encoding="utf-8")
    (folder / "policy-v2.yaml").write_text(BASE.replace('version: "1.0.0"\nname', 'version: "1.1.0"\nname').replace(
        'effective: {from: "2026-09-01", to: "2027-08-31"}', 'effective: {from: "2027-03-01", to: "2028-02-28"}'), encoding="utf-8")
    print(len(CASES) + 1, "cases")


if __name__ == "__main__":
    main()
