#!/usr/bin/env python3
"""Writes the bad norm-table cases under engine/src/test/resources/norms/bad/.

Each case is one of the good synthetic demo tables with one defect. expected_errors.txt files are
golden: written by BadNormGoldenTest with -Dpsyscreen.updateGolden=true, reviewed, then compared.
"""
import pathlib

RES = pathlib.Path(__file__).resolve().parent.parent / "resources" / "norms"
LOOKUP = (RES / "good" / "demo-lookup.yaml").read_text(encoding="utf-8")
PARAM = (RES / "good" / "demo-parametric.yaml").read_text(encoding="utf-8")


def sub(base, old, new):
    assert old in base, old
    return base.replace(old, new, 1)


CASES = {
    "n01-gap": sub(LOOKUP, "      - {raw: 4, t: 55, percentile: 69}\n", ""),
    "n02-overlap": sub(LOOKUP, "      - {from: 3, to: 4, t: 52, percentile: 58}", "      - {from: 2, to: 4, t: 52, percentile: 58}"),
    "n03-range-short": sub(LOOKUP, "      - {from: 5, to: 9, t: 62, percentile: 88}", "      - {from: 5, to: 8, t: 62, percentile: 88}"),
    "n03-range-beyond": sub(LOOKUP, "      - {from: 6, to: 9, t: 70, percentile: 98}", "      - {from: 6, to: 12, t: 70, percentile: 98}"),
    "n04-t-goes-down": sub(LOOKUP, "      - {raw: 5, t: 60, percentile: 84}", "      - {raw: 5, t: 54, percentile: 84}"),
    "n04-percentile-goes-down": sub(LOOKUP, "      - {from: 5, to: 9, t: 66, percentile: 95}", "      - {from: 5, to: 9, t: 66, percentile: 50}"),
    "n05-percentile-out-of-range": sub(LOOKUP, "      - {from: 6, to: 9, t: 70, percentile: 98}", "      - {from: 6, to: 9, t: 70, percentile: 101}"),
    "n06-group-without-rows": sub(LOOKUP, "  - id: all_7_9\n    grades: {from: \"7\", to: \"9\"}\n    rows:\n      - {from: 0, to: 4, t: 45, percentile: 31}\n      - {from: 5, to: 9, t: 62, percentile: 88}\n",
                                  "  - id: all_7_9\n    grades: {from: \"7\", to: \"9\"}\n"),
    "n07-duplicate-group-id": sub(LOOKUP, "  - id: m_4_6", "  - id: f_4_6"),
    "n08-unknown-scale": sub(LOOKUP, "scale: part_a", "scale: part_c"),
    "n08-other-instrument-version": sub(LOOKUP, 'instrument: {id: demo, version: "1.0.0"}', 'instrument: {id: demo, version: "2.0.0"}'),
    "n09-locale-number": sub(LOOKUP, "      - {raw: 3, t: 50, percentile: 50}", '      - {raw: 3, t: "52,5", percentile: 50}'),
    "n11-verified-without-table": sub(sub(PARAM, "synthetic: true", "synthetic: false"), "verified: false", "verified: true"),
    "sd-zero": sub(PARAM, "mean: 4.1, sd: 2.5", "mean: 4.1, sd: 0"),
    "groups-overlap": sub(PARAM, "{id: male, sex: male, ages: {from: 8, to: 16}", "{id: male, ages: {from: 14, to: 16}"),
    "lookup-group-with-mean": sub(LOOKUP, "  - id: all_7_9\n", "  - id: all_7_9\n    mean: 3\n"),
    "parametric-group-without-sd": sub(PARAM, ", mean: 4.1, sd: 2.5}", ", mean: 4.1}"),
    "synthetic-not-in-name": sub(PARAM, 'name: {en: "Demo total by sex, ages 8-16 (synthetic; not for decisions)"', 'name: {en: "Demo total by sex, ages 8-16"'),
    "real-table-named-synthetic": sub(PARAM, "synthetic: true", "synthetic: false"),
    "grade-band-backwards": sub(LOOKUP, 'grades: {from: "7", to: "9"}', 'grades: {from: "9", to: "7"}'),
    "grade-band-mixed-tracks": sub(LOOKUP, 'grades: {from: "7", to: "9"}', 'grades: {from: "9", to: "v1"}'),
    "unknown-grade": sub(LOOKUP, 'grades: {from: "7", to: "9"}', 'grades: {from: "7", to: "初三"}'),
    "age-band-backwards": sub(PARAM, "{id: male, sex: male, ages: {from: 8, to: 16}", "{id: male, sex: male, ages: {from: 16, to: 8}"),
    "row-raw-and-range": sub(LOOKUP, "      - {raw: 2, t: 45, percentile: 31}", "      - {raw: 2, from: 2, to: 2, t: 45, percentile: 31}"),
    "missing-population-and-kind": sub(sub(LOOKUP, "kind: lookup\n", ""), "population: {country: CN, region: none (made up), sampleSize: 1, description: numbers invented for tests}\n", ""),
    "unknown-field": sub(PARAM, "reporting: {tDecimals: 1, percentileDecimals: 1}", "reporting: {tDecimals: 1, percentileDecimal: 1}"),
    "unsupported-format": sub(PARAM, "format: psyscreen-norms/1", "format: psyscreen-norms/2"),
}


def main():
    for name, text in CASES.items():
        folder = RES / "bad" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "norm.yaml").write_text(text, encoding="utf-8")
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
