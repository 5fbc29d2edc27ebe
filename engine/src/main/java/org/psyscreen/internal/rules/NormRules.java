package org.psyscreen.internal.rules;

import java.util.List;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.internal.tree.Binder;
import org.psyscreen.norm.NormTableDefinition;

/** Runs every norm-table rule and reports through the binder. */
public final class NormRules {
    private static final List<NormRule> ALL = List.of(
            new NormScaleMustExist(),
            new NormGroupIdsMustBeUnique(),
            new NormGroupsMustFitTheKind(),
            new StandardDeviationsMustBePositive(),
            new NormRowsMustTileTheScaleRange(),
            new NormValuesMustRiseWithRawScore(),
            new NormValuesMustBeInRange(),
            new NormBandsMustBeOrdered(),
            new NormGroupsMustNotOverlap(),
            new SyntheticTablesMustSaySo(),
            new CitationsMustReachTheTable());

    private NormRules() {}

    /** Checks {@code table} against {@code instrument}. */
    public static void check(NormTableDefinition table, InstrumentDefinition instrument, Binder binder) {
        Facts facts = new Facts(instrument);
        Report report = new Report(binder);
        for (NormRule rule : ALL) {
            rule.check(table, instrument, facts, report);
        }
    }
}
