package org.psyscreen.examples.regionpolicy;

import java.util.ArrayList;
import java.util.List;
import org.psyscreen.definition.LocalizedText;
import org.psyscreen.definition.Numbers;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Reading;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.Tier;

/**
 * EXAMPLE — not any region's standard. A rule that the file format does not express directly:
 * count how many instruments are at or above their "mild" cut-off (PHQ-9 total 5, Kroenke 2001;
 * GAD-7 total 5, Spitzer 2006). Both mild → tier 2 (co-occurring symptoms); one → tier 3.
 *
 * <p>It explains itself the same way a declarative policy does: each fired rule with what it read.
 * Critical items, unscorable forms and failures are handled by the engine's guard, not here.
 */
public final class CountingPolicy implements CutoffPolicy {
    static final Tier URGENT = new Tier(
            "urgent",
            1,
            new LocalizedText("Tier 1: urgent", "一级（紧急）"),
            new LocalizedText("same-day safety assessment", "当日安全评估"));
    static final Tier HIGH = new Tier(
            "high",
            2,
            new LocalizedText("Tier 2: high", "二级（高风险）"),
            new LocalizedText("counsellor interview", "心理教师访谈"));
    static final Tier WATCH = new Tier(
            "watch",
            3,
            new LocalizedText("Tier 3: watch", "三级（关注）"),
            new LocalizedText("check-in and re-screen", "关注并复测"));

    private static final String SOURCE = "Kroenke et al. 2001 (PHQ-9 mild >= 5); Spitzer et al. 2006 (GAD-7 mild >= 5)";

    @Override
    public String id() {
        return "example-c-counting";
    }

    @Override
    public String version() {
        return "2026.1.0";
    }

    @Override
    public String region() {
        return "EXAMPLE-C";
    }

    @Override
    public List<Tier> tiers() {
        return List.of(URGENT, HIGH, WATCH);
    }

    @Override
    public List<String> instruments() {
        return List.of("phq9", "gad7");
    }

    @Override
    public Tier tierFor(FollowUp followUp) {
        return followUp == FollowUp.CRITICAL_UNKNOWN || followUp == FollowUp.POLICY_ERROR ? HIGH : WATCH;
    }

    @Override
    public Verdict evaluate(Screening screening) {
        List<Reading> readings = new ArrayList<>();
        int mild = 0;
        boolean unknown = false;
        for (String inst : instruments()) {
            ScoredResponse form = screening.forms().get(inst);
            double total = form == null ? Double.NaN : form.scale("total").value();
            if (Double.isNaN(total)) {
                unknown = true;
                readings.add(new Reading(inst + ".total", "unavailable", null));
            } else {
                readings.add(new Reading(inst + ".total", Numbers.format(total), null));
                mild += total >= 5 ? 1 : 0;
            }
        }
        if (mild == 2) {
            return verdict(
                    HIGH,
                    new RuleFiring("both_mild", HIGH.id(), "PHQ-9 and GAD-7 both at or above 5", SOURCE, readings));
        }
        if (mild == 1) {
            return verdict(
                    WATCH, new RuleFiring("one_mild", WATCH.id(), "PHQ-9 or GAD-7 at or above 5", SOURCE, readings));
        }
        return new Verdict(null, List.of(), unknown ? List.of("both_mild", "one_mild") : List.of(), List.of(), false);
    }

    private static Verdict verdict(Tier tier, RuleFiring firing) {
        return new Verdict(tier, List.of(firing), List.of(), List.of(), false);
    }
}
