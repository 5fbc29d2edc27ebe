#!/usr/bin/env python3
"""Writes the bad-definition cases under engine/src/test/resources/definitions/bad/.

Each case is the good synthetic base (definitions/good/demo.yaml) with one defect introduced, or a
small file written out in full. The expected messages (expected_errors.txt) are golden files: they
are written by BadDefinitionGoldenTest with -Dpsyscreen.updateGolden=true, reviewed by a person,
and then compared exactly. Re-run this script only to add cases.
"""
import os
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
RES = HERE.parent / "resources" / "definitions"
BASE = (RES / "good" / "demo.yaml").read_text(encoding="utf-8")


def sub(old, new, count=1):
    def f(text):
        assert old in text, old
        return text.replace(old, new, count)
    return f


def chain(*fs):
    def f(text):
        for g in fs:
            text = g(text)
        return text
    return f


CASES = {
    # --- reading and syntax (RELIABILITY.md D01, D12-D14, D16, D19-D21)
    "d01-duplicate-key": sub("  - {id: q1, label: item one, responses: freq4}",
                             "  - {id: q1, label: item one, label: again, responses: freq4}"),
    "d12-yaml-alias": sub("    items: [q4, q5, q6]", "    items: &b [q4, q5, q6]\n    of: *b"),
    "d12-merge-key": sub("  - {id: q2, label: item two, responses: freq4}",
                         "  - &two {id: q2, label: item two, responses: freq4}\n  - {<<: *two, id: q2b}"),
    "d13-implicit-types": chain(sub("id: demo\n", "id: 012\n"),
                                sub("responses: freq4, reverse: true}", "responses: freq4, reverse: yes}")),
    "d14-non-finite-number": sub("maxMissingFraction: 0.34", "maxMissingFraction: 1e400"),
    "d14-nan": sub("maxMissingFraction: 0.34", "maxMissingFraction: .nan"),
    "d15-wrong-types": chain(sub("    items: [q1, q2, q3]\n", "    items: {first: q1}\n"),
                             sub('      - {code: "1", value: 1}\n      - {code: "2"', '      - {code: "1", value: "1"}\n      - {code: "2"')),
    "d16-too-deep": lambda t: t + "deep: " + "[" * 70 + "]" * 70 + "\n",
    "d17-unknown-field-typo": sub("responses: freq4, reverse: true}", "responses: freq4, revrese: true}"),
    "d18-confusable-id": sub("  - {id: q6, label: item six", "  - {id: ｑ6, label: item six"),
    "d19-multiple-documents": lambda t: t + "---\nid: second\n",
    "d20-yaml-tag": sub('version: "1.0.0"', 'version: !!str 1.0.0'),
    "d22-missing-id-and-version": chain(sub("id: demo\n", ""), sub('version: "1.0.0"\n', "")),
    "format-unsupported": sub("format: psyscreen-instrument/1", "format: psyscreen-instrument/9"),
    "format-missing": sub("format: psyscreen-instrument/1\n", ""),
    "empty-file": lambda t: "",
    "root-not-a-mapping": lambda t: "- just\n- a list\n",
    "syntax-unclosed-quote": sub('text: "psyscreen test suite (synthetic)."', 'text: "psyscreen test suite'),
    "unknown-enum-value": sub("    aggregate: mean", "    aggregate: average"),
    "bad-version-and-doi": chain(sub('version: "1.0.0"', 'version: "v1"'),
                                 sub('text: "psyscreen test suite (synthetic)."}',
                                     'text: "psyscreen test suite (synthetic).", doi: "https://doi.org/10.1/x"}')),
    "blank-and-missing-fields": chain(sub("label: item four,", 'label: "",'),
                                      sub("  - {id: q5, label: item five, responses: freq4}",
                                          "  - {id: q5, label: item five}")),
    "negative-max-missing": sub("missing: {maxMissing: 0}\n    required: false", "missing: {maxMissing: -1}\n    required: false"),
    "number-leading-zero": sub("maxDifference: 2", "maxDifference: 02"),
    "condition-bad-operator": sub('invalidWhen: {op: ">=", value: 3}', 'invalidWhen: {op: "=>", value: 3}'),
    # --- semantics (PSY-12xx)
    "d02-duplicate-item-id": sub("  - {id: q6, label: item six", "  - {id: q5, label: item six"),
    "d03-unknown-item": sub("    items: [q1, q2, q3]", "    items: [q1, q2, q33]"),
    "d04-unused-item": sub("  - {id: danger,", "  - {id: q7, label: item seven, responses: freq4}\n  - {id: danger,"),
    "d06-reverse-gapped-range": chain(sub('      - {code: "1", value: 1}\n      - {code: "2", value: 2}\n      - {code: "3", value: 3}\n    special',
                                          '      - {code: "1", value: 1}\n      - {code: "2", value: 2}\n      - {code: "3", value: 5}\n    special')),
    "d07-single-value-response-set": sub('      - {code: "0", value: 0}\n      - {code: "1", value: 1}\nitems',
                                         '      - {code: "0", value: 1}\n      - {code: "1", value: 1}\nitems'),
    "d08-empty-scale": sub("    items: [q4, q5, q6]\n", "    items: []\n"),
    "d09-critical-unreachable": sub('when: {op: ">=", value: 1}', 'when: {op: ">=", value: 4}'),
    "d09-critical-always": sub('when: {op: ">=", value: 1}', 'when: {op: ">=", value: 0}'),
    "d09-critical-unknown-item": sub("    item: danger", "    item: dangr"),
    "d10-critical-basis-missing": sub("    on: raw\n", ""),
    "d11-missing-allows-everything": sub("missing: {maxMissingFraction: 0.34}", "missing: {maxMissingFraction: 1.0}"),
    "d11-prorate-without-rounding": sub("prorate: true, rounding: half-up,", "prorate: true,"),
    "d11-rounding-without-prorate": sub("missing: {maxMissing: 0}\n    required", "missing: {maxMissing: 0, rounding: half-up}\n    required"),
    "missing-both-limits": sub("missing: {maxMissingFraction: 0.34}", "missing: {maxMissing: 1, maxMissingFraction: 0.34}"),
    "derived-cycle": chain(sub("    of: [part_a, part_b]", "    of: [part_a, part_b, total2]"),
                           lambda t: t.replace("  - id: lie\n",
                                               "  - id: total2\n    name: {en: T2, zh: T2}\n    of: [total]\n    aggregate: sum\n    missing: {maxMissing: 0}\n  - id: lie\n", 1)),
    "derived-unknown-component": sub("    of: [part_a, part_b]", "    of: [part_a, part_c]"),
    "derived-prorate": sub("    of: [part_a, part_b]\n    aggregate: sum\n    missing: {maxMissing: 0}",
                           "    of: [part_a, part_b]\n    aggregate: sum\n    missing: {maxMissing: 1, prorate: true, rounding: half-up}"),
    "scale-items-and-components": sub("    of: [part_a, part_b]\n", "    of: [part_a, part_b]\n    items: [q1]\n"),
    "scale-repeats-member": sub("    items: [q1, q2, q3]", "    items: [q1, q2, q3, q2]"),
    "duplicate-response-code": sub('      - {code: "2", value: 2}\n      - {code: "3", value: 3}',
                                   '      - {code: "2", value: 2}\n      - {code: "2", value: 3}'),
    "special-code-collision": sub('      - {code: "9", meaning: refused}', '      - {code: "3", meaning: refused}'),
    "unknown-citation": sub("rounding: half-up, source: demo_src}", "rounding: half-up, source: demo_source}"),
    "unknown-response-set": sub("  - {id: q4, label: item four, responses: freq4}", "  - {id: q4, label: item four, responses: freq5}"),
    "validity-fields-mismatch": chain(sub("    scale: lie\n", ""), sub("    maxDifference: 2\n", "")),
    "validity-lie-unreachable": sub('invalidWhen: {op: ">=", value: 3}', 'invalidWhen: {op: ">=", value: 4}'),
    "validity-run-always": sub('invalidWhen: {op: ">=", value: 6}', 'invalidWhen: {op: ">=", value: 1}'),
    "validity-unknown-lie-scale": sub("    scale: lie\n", "    scale: lies\n"),
    "pair-compares-item-with-itself": sub("pairs: [[q1, q4], [q2, q5]]", "pairs: [[q1, q4], [q2, q2]]"),
    "pair-not-a-pair": sub("pairs: [[q1, q4], [q2, q5]]", "pairs: [[q1, q4, q5], q2]"),
    # careless-responding checks (issue 32): a reference that is no sample, fields that do not fit,
    # a threshold the measure cannot reach
    "validity-reference-not-positive-definite": sub("critical:\n", (
        "  - id: distance\n    kind: mahalanobis\n    items: [q1, q2]\n"
        "    reference: {n: 50, mean: [1.5, 1.5], covariance: [[1, 2], [2, 1]]}\n"
        '    invalidWhen: {op: ">=", value: 13.8}\n    source: demo_src\n'
        "critical:\n")),
    "validity-reference-sizes": sub("critical:\n", (
        "  - id: distance\n    kind: mahalanobis\n    items: [q1, q2]\n"
        "    reference: {n: 2, mean: [1.5, 1.5, 1.5], covariance: [[1, 0], [0, 1]]}\n"
        '    invalidWhen: {op: ">=", value: 13.8}\n    source: demo_src\n'
        "critical:\n")),
    "validity-careless-fields": sub("critical:\n", (
        "  - id: halves\n    kind: even-odd\n    scales: [part_a]\n    items: [q1]\n"
        '    invalidWhen: {op: ">", value: -0.3}\n    source: demo_src\n'
        "  - id: synonyms\n    kind: synonyms\n    pairs: [[q1, q4], [q2, q5]]\n"
        '    invalidWhen: {op: "<", value: 0}\n    source: demo_src\n'
        "  - id: distance\n    kind: mahalanobis\n    items: [q1, q2]\n"
        '    invalidWhen: {op: ">=", value: 13.8}\n    source: demo_src\n'
        "critical:\n")),
    "validity-even-odd-derived-scale": sub("critical:\n", (
        "  - id: halves\n    kind: even-odd\n    scales: [part_a, total]\n"
        '    invalidWhen: {op: ">", value: -0.3}\n    source: demo_src\n'
        "critical:\n")),
    "validity-variability-unreachable": sub("critical:\n", (
        "  - id: variability\n    kind: response-variability\n    items: [q1, q2, q3, q4, q5, q6]\n"
        '    invalidWhen: {op: ">", value: 2}\n    source: demo_src\n'
        "critical:\n")),
    # severity levels (issue 32): they must cover the scale, rise, and cite a source
    "bands-do-not-cover-the-scale": sub("    source: demo_src\n    missing: {maxMissing: 1, prorate: true, rounding: half-up, source: demo_src}\n", (
        "    source: demo_src\n    missing: {maxMissing: 1, prorate: true, rounding: half-up, source: demo_src}\n"
        "    bands:\n      source: demo_src\n      levels:\n"
        "        - {id: low, from: 1, label: {en: low, zh: 低}}\n"
        "        - {id: high, from: 12, label: {en: high, zh: 高}}\n")),
    "bands-not-rising": sub("    source: demo_src\n    missing: {maxMissing: 1, prorate: true, rounding: half-up, source: demo_src}\n", (
        "    source: demo_src\n    missing: {maxMissing: 1, prorate: true, rounding: half-up, source: demo_src}\n"
        "    bands:\n      source: nowhere\n      levels:\n"
        "        - {id: low, from: 0, label: {en: low, zh: 低}}\n"
        "        - {id: low, from: 0, label: {en: also low, zh: 也低}}\n")),
    "mixed-ranges-warning-only": sub("    items: [q4, q5, q6]", "    items: [q4, q5, q6, l1]"),
}


def main():
    bad = RES / "bad"
    for name, make in CASES.items():
        folder = bad / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "definition.yaml").write_text(make(BASE), encoding="utf-8")
    # Bytes that are not UTF-8 (GBK-encoded Chinese), written as bytes so the case is reviewable here.
    folder = bad / "encoding-gbk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "definition.yaml").write_bytes(BASE.replace("演示量表（合成）", "演示量表").encode("gbk"))
    # JSON with a comment and a trailing comma (strict JSON refuses both).
    folder = bad / "d21-json-comment"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "definition.json").write_text('{\n  "format": "psyscreen-instrument/1", // comment\n  "id": "demo",\n}\n', encoding="utf-8")
    print(len(CASES) + 2, "cases")


if __name__ == "__main__":
    main()
