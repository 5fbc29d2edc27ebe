package org.psyscreen.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Numbers;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.ExplanationSink;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScaleScore;
import org.psyscreen.score.ScoredResponse;

/**
 * The result of scoring one form together with every step the scorer took, in order.
 *
 * @param result the same result the fast path gives
 * @param steps one line per step, in the order the scorer took them
 */
public record ScoringExplanation(ScoredResponse result, List<String> steps) {

    /**
     * Copies the collections.
     *
     * @param result the same result the fast path gives
     * @param steps one line per step, in the order the scorer took them
     */
    public ScoringExplanation {
        steps = List.copyOf(steps);
    }

    /**
     * Scores {@code row} with {@code plan}, recording each step.
     *
     * @param plan the instrument's compiled plan
     * @param row the form's answers
     * @return every step, in the order the scorer took it, with the result
     */
    public static ScoringExplanation explain(ScoringPlan plan, ResponseRow row) {
        Recorder recorder = new Recorder(plan.definition());
        ScoredResponse result = plan.score(row, recorder);
        return new ScoringExplanation(result, recorder.lines);
    }

    /** {@return the steps as text, one per line} */
    public String text() {
        return String.join("\n", steps) + "\n";
    }

    /** Turns sink calls into readable lines. */
    private static final class Recorder implements ExplanationSink {
        private final InstrumentDefinition d;
        private final List<String> lines = new ArrayList<>();
        private final List<String> pendingMembers = new ArrayList<>();

        Recorder(InstrumentDefinition d) {
            this.d = d;
        }

        @Override
        public void answer(int item, AnswerState state, int raw, int keyed) {
            String id = d.items().get(item).id();
            String what = switch (state) {
                case ANSWERED ->
                    d.items().get(item).reverse()
                            ? "answered " + raw + ", reverse-keyed to " + keyed
                            : "answered " + raw;
                case BLANK -> "blank (missing; never counted as 0)";
                case SPECIAL -> "declared non-answer (missing)";
                case INVALID -> "not an allowed code (item invalid; not scored)";
            };
            lines.add("item " + id + ": " + what);
        }

        @Override
        public void critical(int critical, CriticalState state) {
            var ci = d.critical().get(critical);
            lines.add("critical " + ci.id() + " (" + ci.item() + " "
                    + ci.on().name().toLowerCase(Locale.ROOT) + " " + ci.when() + "): " + state
                    + (state == CriticalState.UNKNOWN ? " (cannot be ruled out)" : ""));
        }

        @Override
        public void member(int scale, int member, boolean present, double value) {
            boolean derived = d.scales().get(scale).derived();
            String id = derived
                    ? d.scales().get(member).id()
                    : d.items().get(member).id();
            pendingMembers.add(present ? id + "=" + Numbers.format(value) : id + "=missing");
        }

        @Override
        public void scale(int scale, ScaleScore score) {
            var s = d.scales().get(scale);
            String rule =
                    "at most " + allowed(scale) + " missing" + (s.missing().prorate() ? ", prorated" : "");
            String outcome = score.scored()
                    ? "= " + format(score.value())
                            + (score.prorated()
                                    ? " (prorated from " + score.answered() + " of "
                                            + (score.answered() + score.missing()) + ")"
                                    : "")
                    : "INCOMPLETE: " + score.missing() + " missing, " + rule;
            lines.add("scale " + s.id() + " " + s.aggregate().name().toLowerCase(Locale.ROOT) + "("
                    + String.join(" ", pendingMembers) + ") " + outcome);
            pendingMembers.clear();
        }

        @Override
        public void validity(int check, double measure, boolean fired) {
            var c = d.validity().get(check);
            lines.add("validity " + c.id() + ": measure " + (Double.isNaN(measure) ? "not evaluable" : format(measure))
                    + ", invalid when " + c.invalidWhen() + " -> " + (fired ? "FIRED" : "passed"));
        }

        @Override
        public void status(FormStatus status) {
            lines.add("status " + status);
        }

        private String allowed(int scale) {
            var m = d.scales().get(scale).missing();
            return m.maxMissing() != null
                    ? m.maxMissing().toString()
                    : Numbers.format(m.maxMissingFraction()) + " of members";
        }

        private static String format(double v) {
            return Double.isNaN(v) ? "NaN" : Numbers.format(Math.round(v * 1e6) / 1e6);
        }
    }
}
