package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Validate your instrument" commands, run as written (paths under {@code target/} moved
 * into a temporary folder): the demo cohort validates without findings, the mis-keyed CES-D copy is
 * named by its item, the vendor's two deliberate disagreements are found and explained.
 */
class ValidateReadmeTest {
    @Test
    void theReadmeCommandsValidateTheDemoAndNameTheMiskeyedItem(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## Validate your instrument");
        assertThat(commands).hasSize(6);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).err()).as(commands.get(i)).isEmpty();
        }
        assertThat(runs).extracting(MainTest.Run::exit).containsExactly(0, 0, 0, 1, 1, 0);
        assertThat(runs.get(0).out())
                .contains("信度 total", "常模 scared-total-cn-sex@1.0.0 (NOT verified)", "需要关注 findings: none");
        assertThat(runs.get(2).out()).contains("需要关注 findings: none");
        assertThat(runs.get(3).out())
                .contains("需要关注 findings (1):")
                .contains("item q8 in scale total: negative corrected item-total correlation");
        assertThat(Files.readString(tmp.resolve("target/validate-miskeyed/validation.html")))
                .contains("<tr class=\"flag\"><td>q8</td>");
        assertThat(runs.get(4).out())
                .contains("30 records compared")
                .contains("vendor scores: 1 disagreement(s) on gad7.total (of 30)")
                .contains("vendor scores: 1 disagreement(s) on tier (of 30)");
        assertThat(Files.readString(tmp.resolve("target/validate-vendor/validation.json")))
                .contains(
                        "\"record\":5,\"column\":\"gad7.total\"",
                        "\"record\":12,\"column\":\"tier\"",
                        "fired gad7_watch");
        assertThat(Files.readString(tmp.resolve("target/gad7-vectors.json")))
                .contains("\"schema\" : \"psyscreen-scoring-vectors/1\"");
    }

    @Test
    void conformanceChecksAVendorsAnswers(@TempDir Path tmp) throws Exception {
        Path answers = tmp.resolve("answers.json");
        Files.writeString(
                answers,
                "{\"format\": \"psyscreen-vector-answers/1\", \"instrument\": \"gad7@1.0.0\","
                        + " \"results\": [{\"tcId\": 1, \"status\": \"SCORED\", \"scales\": {\"total\": 0}}]}");
        MainTest.Run r = MainTest.run("conformance", "--instrument", "gad7", "--answers", answers.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("1 of ", "vectors passed", "FAIL tcId 2", "(no answer)", "rule SUM:");
    }
}
