package org.psyscreen.internal.rules;

import java.util.HashSet;
import java.util.Set;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.diagnostic.ProblemCode;

/** PSY-1216: a special code (refused, don't know) is not also an answer code, and is listed once. */
final class SpecialCodesMustNotCollide implements DefinitionRule {
    @Override
    public void check(InstrumentDefinition d, Facts facts, Report report) {
        for (int s = 0; s < d.responseSets().size(); s++) {
            ResponseSet set = d.responseSets().get(s);
            Set<String> codes = new HashSet<>();
            set.codes().stream().map(ResponseCode::code).forEach(codes::add);
            for (int i = 0; i < set.special().size(); i++) {
                String code = set.special().get(i).code();
                if (!codes.add(code)) {
                    report.error(
                            ProblemCode.SPECIAL_CODE_COLLISION,
                            "responseSets[" + s + "].special[" + i + "].code",
                            "special code '" + code + "' is also an answer code (or listed twice) in '" + set.id()
                                    + "'",
                            "choose a code that no answer uses, e.g. 9 or 'refused'");
                }
            }
        }
    }
}
