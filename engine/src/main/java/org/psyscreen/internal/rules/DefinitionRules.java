package org.psyscreen.internal.rules;

import java.util.List;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.internal.tree.Binder;

/** Runs every semantic rule over a definition and reports through the binder. */
public final class DefinitionRules {
    private static final List<DefinitionRule> ALL = List.of(
            new IdsMustBeUnique(),
            new ItemsMustUseDeclaredResponseSets(),
            new ResponseCodesMustBeDistinct(),
            new ResponseSetsMustSpanARange(),
            new ReferencedItemsMustExist(),
            new ScalesMustHaveOneSource(),
            new ScalesMustNotRepeatMembers(),
            new ReferencedScalesMustExist(),
            new DerivedScalesMustNotFormCycle(),
            new MissingRulesMustBeSatisfiable(),
            new ProrationNeedsRounding(),
            new CriticalConditionsMustBeReachable(),
            new CriticalConditionsMustNotAlwaysFire(),
            new ValidityThresholdsMustBeReachable(),
            new ValidityFieldsMustMatchKind(),
            new MahalanobisReferenceMustBeUsable(),
            new SeverityBandsMustCoverTheScale(),
            new SpecialCodesMustNotCollide(),
            new SourcesMustNameCitations(),
            new EveryItemMustBeUsed(),
            new DerivedScalesMustNotProrate(),
            new ReverseKeysMustMirrorTheRange(),
            new ScaleReversalsMustNameForwardMembers(),
            new ScaleItemsShouldShareARange(),
            new PairsMustCompareTwoItems());

    private DefinitionRules() {}

    /** Checks {@code def}; problems go to {@code binder}, located by the paths it recorded. */
    public static void check(InstrumentDefinition def, Binder binder) {
        Facts facts = new Facts(def);
        Report report = new Report(binder);
        for (DefinitionRule rule : ALL) {
            rule.check(def, facts, report);
        }
    }

    /** Number of rules, for tests that prove each has a case. */
    public static int count() {
        return ALL.size();
    }
}
