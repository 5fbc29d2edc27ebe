package org.psyscreen.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report's pages: what they hold, and that no small count reaches a page or its chart data. */
class ReportWriterTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void waves() throws Exception {
        Reports.twoWaves(dir);
    }

    private static ReportWriter.Written write(String school, int k, Path out) throws Exception {
        return ReportWriter.write(
                new ReportWriter.Options(
                        dir.resolve("wave2"),
                        Reports.POLICY,
                        school,
                        dir.resolve("school.db").toString(),
                        k),
                out);
    }

    /** Every count a page shows: table cells marked as counts, and the tier, histogram and transition data. */
    static List<String> counts(Path page) throws Exception {
        String html = Files.readString(page);
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"count\">([^<]*)</td>").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        Matcher d = Pattern.compile(
                        "<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(d.find()).isTrue();
        JsonNode charts = JsonMapper.builder().build().readTree(d.group(1));
        for (var c : charts.properties()) {
            if (c.getKey().startsWith("funnel") || c.getKey().equals("trends")) {
                continue; // rates and limits, from published counts only
            }
            for (JsonNode s : c.getValue().path("series")) {
                s.path("data").forEach(v -> out.add(v.isNull() ? "*" : v.asString()));
            }
        }
        return out;
    }

    @Test
    void noCountUnderKReachesThePageOrItsData() throws Exception {
        for (int k : new int[] {10, 40}) {
            Path out = dir.resolve("report-k" + k);
            write(null, k, out);
            List<String> counts = counts(out.resolve("index.html"));
            assertThat(counts).isNotEmpty();
            for (String c : counts) {
                assertThat(c.equals("*") || c.equals("0") || Long.parseLong(c) >= k)
                        .as("a published count is hidden, 0, or at least " + k + ": " + c)
                        .isTrue();
            }
            if (k == 40) {
                assertThat(counts)
                        .as("k = 40 hides the schools' urgent counts (about 25 each)")
                        .contains("*");
            }
        }
    }

    @Test
    void aSeverityLevelThatDoesNotFollowFromItsScoreIsRefused() throws Exception {
        Path run = dir.resolve("edited-level");
        Files.createDirectories(run);
        try (var files = Files.list(dir.resolve("wave2"))) {
            for (Path f : files.toList()) {
                Files.copy(f, run.resolve(f.getFileName()));
            }
        }
        List<String> lines = Files.readAllLines(run.resolve("scores.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int band = header.indexOf("gad7.band.total");
        assertThat(band).isPositive();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells[band].equals("minimal")) {
                cells[band] = "severe"; // a same-length lie would be as wrong: the score decides
                lines.set(i, String.join(",", cells));
                break;
            }
        }
        Files.write(run.resolve("scores.csv"), lines);
        assertThatThrownBy(() -> ReportWriter.write(
                        new ReportWriter.Options(run, Reports.POLICY, null, null, 10), dir.resolve("edited-out")))
                .isInstanceOf(ReportInputException.class)
                .hasMessageContaining("column gad7.band.total: the severity level does not follow from the score");
    }

    @Test
    void theRegionReportHasEveryPanel() throws Exception {
        Path out = dir.resolve("report");
        ReportWriter.Written w = write(null, 10, out);
        assertThat(w.pages()).containsExactly("index.html");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html)
                .contains("预警分布 Tiers by 学校 school", "高发单位 High-incidence", "Spiegelhalter 2005")
                .contains("data-chart=\"tiersByUnit\"", "data-chart=\"funnel\"", "data-chart=\"dist-gad7-total\"")
                .contains("data-chart=\"funnelGrade\"")
                .contains("重点群体 Special groups and dormitories (records store)", "attr.left_behind · 2027-spring")
                .contains("dormitory · 2027-spring", "data-chart=\"funnelGroup-0\"", "data-chart=\"funnelGroup-1\"")
                .contains("data-chart=\"trends\"", "2026-autumn → 2027-spring")
                .contains("一级（紧急） Tier 1: urgent")
                .doesNotContain("https://", "http://"); // opens offline: no CDN
        assertThat(out.resolve("echarts.min.js")).exists();
        assertThat(Files.readString(out.resolve("ECHARTS-LICENSE.txt"))).contains("Apache License");
        // The cut-off of example policy A on GAD-7 (>= 10 high, >= 5 watch) is drawn on its distribution.
        assertThat(html).contains("划界 cut-off ≥ 5", "划界 cut-off ≥ 10");
        // The published severity levels of the bundled PHQ-A and GAD-7 totals, per school.
        assertThat(html)
                .contains("严重程度 Severity levels", "<h3>gad7.total</h3>", "<h3>phqa.total</h3>")
                .contains("<th>moderately_severe</th>", "<th>(无分数 no score)</th>");
    }

    @Test
    void aSchoolReportHasAPagePerFlaggedStudentAndNoRawId() throws Exception {
        // a case the counsellor took on, with the parents told: its timeline is on the student's page
        String token;
        try (var store =
                org.psyscreen.records.RecordStore.open(dir.resolve("school.db").toString())) {
            var scope = org.psyscreen.records.Scope.school("", "SCH3");
            var c = store.warnings(scope).get(0);
            token = c.token();
            var day = java.time.LocalDate.parse(
                    c.events().get(c.events().size() - 1).date());
            store.plan(
                    scope,
                    token,
                    Reports.POLICY,
                    new org.psyscreen.records.CasePlan(
                            "counsellor-02", "weekly-interview", day, null, org.psyscreen.records.Role.COUNSELLOR));
            store.followUp(
                    scope,
                    token,
                    Reports.POLICY,
                    new org.psyscreen.records.FollowUp(
                            org.psyscreen.records.EventKind.PARENT_NOTIFIED,
                            day,
                            org.psyscreen.records.Role.CLASS_TEACHER,
                            "phone"));
        }
        Path out = dir.resolve("report-sch3");
        ReportWriter.Written w = write("SCH3", 10, out);
        assertThat(w.pages()).hasSizeGreaterThan(10);
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index)
                .contains("学校心理筛查报告 School report: SCH3", "逐生页面 Students for counsellors")
                .contains("普查与闭环 Coverage and the closed loop (records store)", "波次 wave 2027-spring")
                .contains("家长已告知 parents notified", "逾期未跟进 overdue");
        for (String c : counts(out.resolve("index.html"))) {
            assertThat(c.equals("*") || c.equals("0") || Long.parseLong(c) >= 10)
                    .as("a published count on the school page is hidden, 0, or at least 10: " + c)
                    .isTrue();
        }
        String page = null;
        for (String p : w.pages()) {
            String html = Files.readString(out.resolve(p));
            if (html.contains("学生 Student " + token)) {
                page = html;
            }
        }
        assertThat(page)
                .as("the page of the student whose case has a plan")
                .isNotNull()
                .contains("个案进程 Case timeline (records store)", "预警建档 opened")
                .contains("专人专案 planned", "weekly-interview; 负责人 owner counsellor-02")
                .contains("家长知情告知 parent-notified", "<td>class-teacher</td><td>phone</td>");
        Path student = out.resolve(w.pages().get(1));
        assertThat(Files.readString(student))
                .contains("学生 Student ps1.", "预警 Tier:", "历次测评 History (records store)", "2026-autumn");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("G4401", "SCH1", "SCH2");
            }
        }
    }
}
