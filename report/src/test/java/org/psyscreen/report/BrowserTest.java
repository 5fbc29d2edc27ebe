package org.psyscreen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of a region report and a school report, opened from disk in headless Chromium (Debian's
 * package, which {@code .ci/run} installs): no script error, no console error, every chart drawn
 * (ECharts' "finished" event marks its container), and a screenshot of each kept in
 * {@code target/screenshots}. Runs with {@code -Pbrowser}.
 */
@Tag("browser")
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    static Path dir;

    @BeforeAll
    static void reports() throws Exception {
        assertThat(CHROMIUM)
                .as("headless Chromium: .ci/run installs Debian's chromium package; apt-get install chromium")
                .exists();
        Reports.twoWaves(dir);
        Files.createDirectories(SHOTS);
    }

    /** Runs Chromium headless on a page; returns its DOM after scripts ran, and its console log. */
    static String[] open(Path page, Path screenshot) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> common = List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=15000",
                "--window-size=1280,3600",
                "--enable-logging=stderr",
                "--v=0");
        List<String> dom = new ArrayList<>(common);
        dom.add("--dump-dom");
        dom.add(page.toUri().toString());
        Process p = new ProcessBuilder(dom).redirectErrorStream(false).start();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String log = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> shot = new ArrayList<>(common);
        shot.add("--screenshot=" + screenshot.toAbsolutePath());
        shot.add(page.toUri().toString());
        Process s = new ProcessBuilder(shot).redirectErrorStream(true).start();
        s.getInputStream().readAllBytes();
        assertThat(s.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String[] {html, log};
    }

    static void drawnWithoutErrors(Path page, String name) throws Exception {
        String[] r = open(page, SHOTS.resolve(name + ".png"));
        String dom = r[0];
        assertThat(dom).as(name + ": the page loaded").contains("</body>");
        int charts = count(dom, "data-chart=\"");
        assertThat(count(dom, "data-drawn=\"yes\""))
                .as(name + ": every chart drew")
                .isEqualTo(charts);
        Matcher errors = Pattern.compile("<div id=\"errors\">([^<]*)</div>").matcher(dom);
        if (charts > 0) {
            assertThat(errors.find())
                    .as(name + ": the error panel is on the page")
                    .isTrue();
            assertThat(errors.group(1)).as(name + ": script errors").isEmpty();
        }
        assertThat(r[1]).as(name + ": console").doesNotContain("Uncaught", ":ERROR:CONSOLE");
        assertThat(SHOTS.resolve(name + ".png")).isNotEmptyFile();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theRegionReportDrawsEveryChart() throws Exception {
        Path out = dir.resolve("region");
        ReportWriter.write(
                new ReportWriter.Options(
                        dir.resolve("wave2"),
                        Reports.POLICY,
                        null,
                        dir.resolve("school.db").toString(),
                        10),
                out);
        drawnWithoutErrors(out.resolve("index.html"), "region");
    }

    @Test
    void theSchoolReportAndItsStudentPagesOpen() throws Exception {
        Path out = dir.resolve("school");
        ReportWriter.Written w = ReportWriter.write(
                new ReportWriter.Options(
                        dir.resolve("wave2"),
                        Reports.POLICY,
                        "SCH3",
                        dir.resolve("school.db").toString(),
                        10),
                out);
        drawnWithoutErrors(out.resolve("index.html"), "school-SCH3");
        drawnWithoutErrors(out.resolve(w.pages().get(1)), "student-page");
    }

    @Test
    void theSimulationPageDrawsItsChart() throws Exception {
        var bundle = org.psyscreen.load.Bundle.builder()
                .classPath(BrowserTest.class.getClassLoader())
                .file(Path.of("../examples/simulate/policy.yaml"))
                .build();
        var a = bundle.policy("example-a-glad-pc").orElseThrow();
        var b = bundle.policy("example-a-phqa-watch-6").orElseThrow();
        var sim = org.psyscreen.batch.PolicySimulation.run(
                org.psyscreen.batch.ResponseFile.of(dir.resolve("wave1.csv")),
                List.of(
                        new org.psyscreen.batch.PolicySimulation.Arm(a, bundle.plansFor(a)),
                        new org.psyscreen.batch.PolicySimulation.Arm(b, bundle.plansFor(b))),
                bundle.norms(),
                Reports.KEYS,
                null,
                10);
        Path page = SimulationPage.write(sim, dir.resolve("simulation"), 10);
        drawnWithoutErrors(page, "simulation");
    }
}
