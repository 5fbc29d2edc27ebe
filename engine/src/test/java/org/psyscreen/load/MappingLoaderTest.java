package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.testing.EngineFiles;

/** Issue 27, case 10: a mapping that gives one column two sources, or swaps two items, is not taken in silence. */
class MappingLoaderTest {
    private static LoadResult<MappingLoader.HeaderMapping> load(String yaml) {
        return MappingLoader.load("m.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoHeadersForOneColumnAreRefused() {
        var r = load("format: psyscreen-mapping/1\ncolumns:\n  \"学号\": student_id\n  \"编号\": student_id\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().all()).extracting(Problem::code).containsExactly(ProblemCode.MAPPING_DUPLICATE_TARGET);
        assertThat(r.problems().format()).contains("PSY-1018", "m.yaml:4");
    }

    @Test
    void aHeaderWhoseItemNumberDiffersFromItsItemIsFlagged() {
        var r = load("format: psyscreen-mapping/1\ncolumns:\n  \"1、GAD-7（第1题）\": gad7.q2\n  \"2、GAD-7（第2题）\": gad7.q1\n"
                + "  \"3、GAD-7（第3题）\": gad7.q3\n");
        assertThat(r.ok())
                .as("a warning: the mapping is used, and the warning printed")
                .isTrue();
        assertThat(r.problems().all())
                .allSatisfy(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCode.MAPPING_ITEM_NUMBER);
                    assertThat(p.severity()).isEqualTo(Severity.WARNING);
                })
                .hasSize(2);
    }

    @Test
    void theShippedPlatformMappingsHaveNoProblem() {
        for (String m : new String[] {"wjx/wjx-mapping.yaml", "tencent/tencent-mapping.yaml"}) {
            var r = MappingLoader.load(EngineFiles.path("../examples/" + m));
            assertThat(r.problems().all()).as(m).isEmpty();
        }
    }
}
