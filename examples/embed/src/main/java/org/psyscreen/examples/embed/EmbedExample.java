package org.psyscreen.examples.embed;

import java.util.List;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.explain.DecisionExplanation;
import org.psyscreen.load.Bundle;
import org.psyscreen.screening.Screener;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.screening.StudentField;

/**
 * The smallest embedding: load what is bundled, build a {@link Screener} for a policy once, screen
 * one SYNTHETIC student, print the decision. Prints only what it decides to print; the library
 * itself prints nothing.
 *
 * <p>Run on the module path: {@code java -p <engine, its dependencies, the data jars, this jar>
 * --add-modules org.psyscreen.instruments,org.psyscreen.norms,org.psyscreen.policies -m
 * org.psyscreen.examples.embed/org.psyscreen.examples.embed.EmbedExample}. The data jars hold no code,
 * so no module requires them: name them with {@code --add-modules} (or {@code requires} them). Forget
 * them and the bundle says so (PSY-1017) instead of being silently empty.
 */
public final class EmbedExample {
    private EmbedExample() {}

    public static void main(String[] args) {
        Bundle bundle = Bundle.classPath(EmbedExample.class.getClassLoader());
        for (Problem p : bundle.problems().all()) {
            if (p.code().name().equals("NO_BUNDLED_DATA")) {
                System.out.println("bundle: " + p.code().id() + " " + p.message() + "; fix: " + p.fix());
            }
        }
        Screener screener; // once: the policy, every version of it, the plans it pins, the norm tables
        try {
            screener = bundle.screener("example-a-glad-pc").build();
        } catch (DefinitionException e) {
            System.out.println(e.getMessage()); // names the code and the fix; no student data
            System.exit(2);
            return;
        }
        List<String> phqa = List.of("2", "2", "1", "2", "1", "2", "1", "1", "0");
        ScreeningResult r = screener.screen(
                in -> { // a fresh input: nothing of another student
                    in.set(StudentField.STUDENT_ID, "SYNTH-EMBED-1")
                            .set(StudentField.GRADE, "初二")
                            .set(StudentField.SEX, "女")
                            .set(StudentField.BIRTH_DATE, "2012/4/2")
                            .set(StudentField.TEST_DATE, "2026-09-15");
                    for (int i = 0; i < phqa.size(); i++) {
                        in.answer("phqa", "q" + (i + 1), phqa.get(i));
                    }
                });
        DecisionExplanation e = DecisionExplanation.of(r);
        System.out.println("module: " + Screener.class.getModule().getName());
        System.out.println("phqa: " + r.forms().get("phqa").status() + " total "
                + r.forms().get("phqa").scale("total").value());
        System.out.println(
                "tier: " + e.outcome().tierId() + " " + e.outcome().label().en());
        e.fired().forEach(f -> System.out.println("fired: " + f.ruleId()));
        e.followUps().forEach(f -> System.out.println("follow-up: " + f.code()));
    }
}
