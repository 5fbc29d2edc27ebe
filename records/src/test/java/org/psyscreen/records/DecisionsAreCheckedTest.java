package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 27, case 6: an import checks every decision in {@code scores.jsonl} against its policy and
 * its own record, and the run's tier counts against the decisions; an edited run is refused naming
 * the record, and nothing of it is stored.
 */
class DecisionsAreCheckedTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void score() throws Exception {
        run = Runs.scored(dir, 400, 1);
    }

    /** A copy of the run with the first record {@code which} selects edited by {@code edit}. */
    private static Path edited(
            String name, java.util.function.Predicate<JsonNode> which, UnaryOperator<ObjectNode> edit)
            throws Exception {
        Path copy = copyOfRun(name);
        List<String> out = new ArrayList<>();
        boolean done = false;
        for (String line : Files.readAllLines(copy.resolve("scores.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            if (!done && which.test(n)) {
                line = JSON.writeValueAsString(edit.apply((ObjectNode) n));
                done = true;
            }
            out.add(line);
        }
        assertThat(done).as("the run has a record to edit for %s", name).isTrue();
        Files.write(copy.resolve("scores.jsonl"), out, StandardCharsets.UTF_8);
        return copy;
    }

    /** A copy of the scored run's folder, to edit. */
    private static Path copyOfRun(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        return copy;
    }

    private static boolean positiveCritical(JsonNode n) {
        return n.path("forms").toString().contains("POSITIVE");
    }

    private static void refused(Path folder, String... says) {
        try (RecordStore store =
                RecordStore.open(dir.resolve(folder.getFileName() + ".db").toString())) {
            assertThatThrownBy(() -> store.importRun(folder, Wave.named("w1"), Runs.BUNDLE, x -> {}))
                    .isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("scores.jsonl")
                    .hasMessageContaining(says.length > 0 ? says[0] : "")
                    .hasMessageNotContaining("ps1.");
            assertThat(store.warnings(Scope.everything()))
                    .as("nothing of the run is kept")
                    .isEmpty();
        }
    }

    @Test
    void anUntouchedRunImports() {
        try (RecordStore store = RecordStore.open(dir.resolve("clean.db").toString())) {
            ImportResult r = store.importRun(run, Wave.named("w1"), Runs.BUNDLE, x -> {});
            assertThat(r.stored()).isEqualTo(400);
        }
    }

    @Test
    void anUrgentDecisionEditedToNoneIsRefusedWhileItsCriticalItemIsPositive() throws Exception {
        Path folder = edited("urgent-to-none", DecisionsAreCheckedTest::positiveCritical, n -> {
            ObjectNode d = (ObjectNode) n.path("decision");
            d.putNull("tier");
            d.putArray("fired");
            d.putArray("followUps");
            return n;
        });
        refused(folder, "positive critical item");
    }

    @Test
    void anUnknownTierIsRefused() throws Exception {
        refused(
                edited("bogus", n -> n.path("decision").path("tier").isString(), n -> {
                    ((ObjectNode) n.path("decision")).put("tier", "bogus");
                    return n;
                }),
                "tier the policy does not have");
    }

    @Test
    void aLoweredTierIsRefused() throws Exception {
        // a record in the most severe tier for a reason other than a critical item, lowered one step
        refused(
                edited(
                        "lowered",
                        n -> n.path("decision").path("tier").asString("").equals("high"),
                        n -> {
                            ((ObjectNode) n.path("decision")).put("tier", "watch");
                            return n;
                        }),
                "tier other than");
    }

    @Test
    void aMissingFollowUpIsRefused() throws Exception {
        refused(
                edited(
                        "no-follow-up",
                        n -> !n.path("decision").path("followUps").isEmpty(),
                        n -> {
                            ((ObjectNode) n.path("decision")).putArray("followUps");
                            return n;
                        }),
                "follow-up");
    }

    @Test
    void tierCountsThatDisagreeWithTheDecisionsAreRefused() throws Exception {
        Path folder = copyOfRun("counts");
        ObjectNode summary =
                (ObjectNode) JSON.readTree(folder.resolve("summary.json").toFile());
        ObjectNode counts = (ObjectNode) summary.path("tierCounts");
        String first = counts.propertyNames().iterator().next();
        counts.put(first, counts.path(first).asLong() + 1);
        Files.writeString(folder.resolve("summary.json"), JSON.writeValueAsString(summary));
        refused(folder, "tierCounts");
    }

    /**
     * Re-derived, not only consistent: a record's firing removed and its tier lowered to match, with
     * summary.json's counts edited to match too, is still refused — its own scale score fires the rule.
     */
    @Test
    void aRemovedFiringIsFoundByRunningTheRulesAgain() throws Exception {
        Path folder = edited(
                "unfired",
                n -> n.path("decision").path("tier").asString("").equals("watch")
                        && n.path("decision").path("followUps").isEmpty()
                        && n.path("decision").path("fired").size() == 1,
                n -> {
                    ObjectNode d = (ObjectNode) n.path("decision");
                    d.putNull("tier");
                    d.putArray("fired");
                    return n;
                });
        ObjectNode summary =
                (ObjectNode) JSON.readTree(folder.resolve("summary.json").toFile());
        ObjectNode counts = (ObjectNode) summary.path("tierCounts");
        counts.put("watch", counts.path("watch").asLong() - 1);
        counts.put("none", counts.path("none").asLong() + 1);
        Files.writeString(folder.resolve("summary.json"), JSON.writeValueAsString(summary));
        refused(folder, "its own scores fire");
    }
}
