"""What the SYNTHETIC platform exports in examples/wjx and examples/tencent share: the instruments'
item ids, the option texts the exports write, and invented answers around a latent severity (one
seeded generator, consumed in the same order by every export, so each keeps its bytes)."""

FREQ = ["完全不会", "好几天", "一半以上的天数", "几乎每天"]
YESNO = ["否", "是"]
DIFF = ["没有困难", "有些困难", "非常困难", "极其困难"]
PHQA = [f"q{i}" for i in range(1, 10)] + ["s_down_past_year", "s_difficulty", "s_ideation_month", "s_attempt_ever"]
GAD = [f"q{i}" for i in range(1, 8)]
SCARED = [f"q{i}" for i in range(1, 42)]


def answers(rnd):
    """One invented student's codes: PHQ-A (9 items, then the 4 supplementary ones), GAD-7, SCARED."""
    severity = rnd.random() ** 2

    def level(top):
        return max(0, min(top, round(severity * top + rnd.gauss(0, 0.6))))

    phqa = [level(3) for _ in range(8)] + [level(3) if severity > 0.7 else 0]
    phqa += [level(1), level(3), 1 if rnd.random() < 0.04 else 0, 1 if rnd.random() < 0.02 else 0]
    gad = [level(3) for _ in range(7)]
    scared = [level(2) for _ in range(41)]
    return phqa, gad, scared


def phqa_cells(phqa):
    """PHQ-A's codes as the option texts an export writes."""
    return [FREQ[v] for v in phqa[:9]] + [YESNO[phqa[9]], DIFF[phqa[10]], YESNO[phqa[11]], YESNO[phqa[12]]]
