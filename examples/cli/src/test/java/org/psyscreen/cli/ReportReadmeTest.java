package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Reports" commands, run as written after those of "Records across years". */
class ReportReadmeTest {
    @Test
    void theReadmeCommandsWriteARegionAndASchoolReport(@TempDir Path tmp) throws Exception {
        List<String> commands = new ArrayList<>(Readme.commands("## Records across years and the warning list"));
        List<String> reports = Readme.commands("## Reports");
        assertThat(reports).hasSize(2);
        commands.addAll(reports);
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exit())
                    .as(commands.get(i) + "\n" + runs.get(i).err())
                    .isZero();
            assertThat(runs.get(i).err()).as(commands.get(i)).isEmpty();
        }
        int n = runs.size();
        assertThat(runs.get(n - 2).out()).startsWith("报告 report: ").contains("(1 page(s); counts under 10 hidden)");
        assertThat(runs.get(n - 1).out()).containsPattern("\\(\\d{2,} page\\(s\\)");
        String region = Files.readString(tmp.resolve("target/report/index.html"));
        assertThat(region).contains("data-chart=\"funnel\"", "data-chart=\"trends\"", "2026-autumn → 2027-spring");
        assertThat(tmp.resolve("target/report/echarts.min.js")).exists();
        assertThat(Files.list(tmp.resolve("target/report-sch3/students")).count())
                .isGreaterThan(10);

        // Issue 26/27: another school's report into the same folder needs --overwrite, and then no page of
        // SCH3's students is left beside SCH1's.
        List<String> sch3Pages;
        try (var pages = Files.list(tmp.resolve("target/report-sch3/students"))) {
            sch3Pages = pages.map(p -> p.getFileName().toString()).toList();
        }
        String sch1 = reports.get(1).replace("--school SCH3", "--school SCH1");
        MainTest.Run refused = Readme.run(List.of(sch1), tmp).get(0);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--overwrite");
        MainTest.Run replaced = Readme.run(List.of(sch1 + " --overwrite"), tmp).get(0);
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        try (var pages = Files.list(tmp.resolve("target/report-sch3/students"))) {
            assertThat(pages.map(p -> p.getFileName().toString())).isNotEmpty().doesNotContainAnyElementsOf(sch3Pages);
        }
        assertThat(Files.readString(tmp.resolve("target/report-sch3/index.html")))
                .contains("SCH1")
                .doesNotContain("SCH3");
    }
}
