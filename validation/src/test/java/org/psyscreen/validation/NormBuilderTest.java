package org.psyscreen.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.norm.NormResult;
import org.psyscreen.norm.NormTable;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;
import org.psyscreen.student.StudentProfile;

/**
 * A local norm table against R: every percentile rank, normalised T, mean, SD and quartile of
 * {@code src/test/resources/norms-build/expected.csv}, which {@code reference.R} (base R and stats)
 * computed from the same sample, to 1e-9; the written file loads, passes the norm rules and looks
 * scores up as it was built.
 */
class NormBuilderTest {
    static final Path DIR = Path.of("src/test/resources/norms-build");
    static final NormBuilder.Grouping GROUPING = new NormBuilder.Grouping(
            true,
            List.of("4-6", "7-9", "10-12", "v1").stream()
                    .map(NormBuilder.Band::parse)
                    .toList(),
            130);

    static List<NormBuilder.Observation> sample() throws Exception {
        List<NormBuilder.Observation> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("sample.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            out.add(new NormBuilder.Observation(
                    Double.parseDouble(c[0]), Sex.valueOf(c[1].toUpperCase(java.util.Locale.ROOT)), Grade.parse(c[2])));
        }
        return out;
    }

    static final Bundle BUNDLE =
            Bundle.builder().classPath(NormBuilderTest.class.getClassLoader()).build();

    static InstrumentDefinition gad7() {
        return BUNDLE.instrument("gad7").orElseThrow();
    }

    @Test
    void everyGroupsNumbersEqualR() throws Exception {
        NormBuilder.Built built = NormBuilder.build(gad7(), "total", GROUPING, sample());
        Map<String, NormBuilder.Group> groups =
                built.groups().stream().collect(Collectors.toMap(NormBuilder.Group::id, g -> g));
        List<String> lines = Files.readAllLines(DIR.resolve("expected.csv"), StandardCharsets.UTF_8);
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            NormBuilder.Group g = groups.get(c[0]);
            assertThat(g).as(c[0]).isNotNull();
            assertThat(g.n()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(g.mean()).isCloseTo(Double.parseDouble(c[2]), within(1e-9));
            assertThat(g.sd()).isCloseTo(Double.parseDouble(c[3]), within(1e-9));
            for (int q = 0; q < 3; q++) {
                assertThat(g.quartiles()[q]).isCloseTo(Double.parseDouble(c[4 + q]), within(1e-9));
            }
            if (!g.written()) {
                continue;
            }
            int raw = Integer.parseInt(c[7]);
            assertThat(g.percentiles()[raw]).as(c[0] + " raw " + raw).isCloseTo(Double.parseDouble(c[8]), within(1e-9));
            assertThat(g.tScores()[raw]).as(c[0] + " raw " + raw).isCloseTo(Double.parseDouble(c[9]), within(1e-9));
            compared++;
        }
        assertThat(compared).isEqualTo(7 * 22);
        // m_v1 has 121 students, below the minimum of 130: left out, never filled in
        assertThat(groups.get("m_v1").written()).isFalse();
        assertThat(groups.get("f_v1").written()).isTrue();
        // v2 and v3 are in no band
        assertThat(built.outside()).isEqualTo(137 + 122 + 113 + 127);
    }

    @Test
    void theWrittenTableLoadsAndLooksScoresUpAsBuilt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        NormBuilder.Built built = NormBuilder.build(gad7(), "total", GROUPING, sample());
        String yaml = NormTableWriter.yaml(
                built,
                gad7(),
                new NormTableWriter.Provenance(
                        "synthetic-local-gad7",
                        "1.0.0",
                        "GAD-7 total, local norms (SYNTHETIC sample)",
                        "GAD-7总分本地常模（合成样本）",
                        true,
                        "CN",
                        "generated cohort",
                        2026,
                        "psyscreen generate-cohort --seed 20261207",
                        "built by NormBuilderTest"));
        Path file = tmp.resolve("norm.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        var loaded = NormTableLoader.load(file, BUNDLE::instrument);
        assertThat(loaded.problems().format()).isEmpty();
        NormTable table = loaded.orThrow();
        NormBuilder.Group f7 = built.groups().stream()
                .filter(g -> g.id().equals("f_7_9"))
                .findFirst()
                .orElseThrow();
        NormResult r = table.lookup(9, new StudentProfile(Grade.parse("8"), Sex.FEMALE, null, null));
        assertThat(r).isInstanceOfSatisfying(NormResult.Normed.class, n -> {
            assertThat(n.t()).isEqualTo(NormBuilder.oneDecimal(f7.tScores()[9]));
            assertThat(n.percentile()).isEqualTo(NormBuilder.oneDecimal(f7.percentiles()[9]));
        });
        // a boy in v1 has no group: no norm, never a neighbour's
        assertThat(table.lookup(9, new StudentProfile(Grade.parse("v1"), Sex.MALE, null, null)))
                .isInstanceOf(NormResult.NoNorm.class);
    }

    @Test
    void aMeanScaleMakesNoLookupTable() {
        InstrumentDefinition scared = BUNDLE.instrument("scared").orElseThrow();
        assertThatThrownBy(() -> NormBuilder.range(gad7(), "nope")).hasMessageContaining("no scale 'nope'");
        assertThat(NormBuilder.range(scared, "total")).containsExactly(0, 82);
        assertThatThrownBy(() -> NormBuilder.Band.parse("9-4")).hasMessageContaining("upwards");
        assertThatThrownBy(() -> NormBuilder.Band.parse("6-v1")).hasMessageContaining("upwards");
    }
}
