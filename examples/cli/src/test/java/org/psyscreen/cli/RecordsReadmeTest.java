package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Records across years and the warning list" commands, run as written (paths under
 * {@code target/} moved into a temporary folder), and run a second time: every step can be repeated.
 */
class RecordsReadmeTest {
    static final Path ROOT = Readme.ROOT;

    private static List<MainTest.Run> runAll(List<String> commands, Path tmp) {
        List<MainTest.Run> runs = Readme.run(commands, tmp);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exit())
                    .as(commands.get(i) + "\n" + runs.get(i).out() + runs.get(i).err())
                    .isZero();
            assertThat(runs.get(i).err()).as(commands.get(i)).isEmpty();
        }
        return runs;
    }

    @Test
    void theReadmeCommandsScoreTwoWavesAndPrintAHistoryAndTheWarningList(@TempDir Path tmp) throws Exception {
        List<String> commands = Readme.commands("## Records across years and the warning list");
        assertThat(commands).hasSize(6);
        List<MainTest.Run> runs = runAll(commands, tmp);
        assertThat(runs.get(0).out()).startsWith("made a new key");
        assertThat(runs.get(1).out())
                .isEqualTo("wrote 1955 synthetic students to " + tmp.resolve("target/cohort-wave2.csv") + "\n");
        assertThat(runs.get(2).out()).contains("2000 in, 2000 out", "波次 wave 2026-autumn", "2000 in = 2000 stored");
        assertThat(runs.get(3).out()).contains("1955 in, 1955 out", "波次 wave 2027-spring", "escalated");
        String history = runs.get(4).out();
        assertThat(history)
                .contains("波次 wave 2026-autumn (2026-2027 term 1) — SCH3 9-1 grade 9, tested 2026-09-15")
                .contains("波次 wave 2027-spring (2026-2027 term 2) — SCH3 9-1 grade 9, tested 2027-03-15")
                .containsPattern("变化 change gad7\\.total: \\d+ → \\d+ \\([+-]\\d+\\.\\d\\); RCI -?\\d+\\.\\d\\d")
                .contains("RCI not available (scared@1.0.0 cites no reliability and SD for it)")
                .contains("lowe2008 = Löwe B")
                .doesNotContain("G4401000001"); // the raw id is never printed
        assertThat(runs.get(5).out())
                .startsWith("预警名单 warning list (school 'SCH3'): ")
                .contains("urgent   open")
                .doesNotContain("SCH1", "SCH2", "SCH4", "SCH5", "SCH6");

        // Again, as a user re-running the README would: the key is kept, the imports add nothing.
        List<MainTest.Run> again = runAll(commands, tmp);
        assertThat(again.get(0).out()).startsWith("kept the existing key");
        assertThat(again.get(2).out()).contains("this input under this policy is in the store already; nothing added");
        assertThat(again.get(4).out()).isEqualTo(history);
        assertThat(again.get(5).out()).isEqualTo(runs.get(5).out());
    }

    @Test
    void theRosterCommandsGiveTheSchoolsCoverageAndItsNamedLists(@TempDir Path tmp) throws Exception {
        runAll(Readme.commands("## Records across years and the warning list"), tmp);
        List<String> commands = Readme.commands("### A school's roster, coverage and named lists");
        assertThat(commands).hasSize(5);
        List<MainTest.Run> runs = runAll(commands, tmp);
        assertThat(runs.get(0).out()).contains("SCH3, wave 2026-autumn: 326 students");
        // 326 on the roster, 323 of them screened, 3 missed, 2 screened without being on it, 1 screened
        // twice (an id the cohort writes on two records, one of them at SCH3)
        assertThat(runs.get(1).out()).containsPattern("SCH3 +all +all +326 +323 +3 +2 +1 +99\\.1%");
        assertThat(runs.get(2).out())
                .contains("预警名单（仅限本校）warning list, for SCH3 only")
                .contains("合成学生")
                .contains("未筛查 not screened in 2026-autumn: 3", "合成未测1", "合成未测3");
        assertThat(runs.get(2).out()).doesNotContain("SCH1", "SCH4");
        // a teacher's report opens a case for a student never screened; the counsellor raises it
        assertThat(runs.get(3).out())
                .startsWith("  watch    open")
                .contains("opened by a report", "source teacher", "opened (预警建档) by system: watch (teacher report)");
        assertThat(runs.get(4).out())
                .startsWith("  high     open")
                .contains("assessed (screened watch)")
                .contains("assessed (二次评估定级) by system: high raised (interview-confirmed, counsellor)");
        // again: the roster replaces itself, the numbers stay
        List<MainTest.Run> again = runAll(commands.subList(0, 3), tmp);
        assertThat(again.get(0).out()).contains("replaced the earlier roster");
        assertThat(again.get(1).out()).isEqualTo(runs.get(1).out());
    }

    @Test
    void theClosedLoopCommandsPlanNotifyListOverdueAndWriteTheDistrictForm(@TempDir Path tmp) throws Exception {
        runAll(Readme.commands("## Records across years and the warning list"), tmp);
        runAll(Readme.commands("### A school's roster, coverage and named lists"), tmp);
        List<String> commands =
                Readme.commands("### Closing the loop: an owner, the parents, the overdue list, the district form");
        assertThat(commands).hasSize(9);
        List<MainTest.Run> runs = runAll(commands, tmp);
        assertThat(runs.get(0).out())
                .startsWith("  high     open")
                .contains("2026-10-10 planned (专人专案) by counsellor: weekly-interview; owner counsellor-02");
        assertThat(runs.get(1).out()).contains("2026-10-10 parent-notified (家长知情告知) by class-teacher: phone");
        assertThat(runs.get(2).out()).contains("2026-10-11 parent-acknowledged (家长知情确认) by class-teacher: signed-form");
        // the high case, last contacted on 11 October, is due 14 days later: 7 days overdue on 1 November;
        // the screened cases uncontacted since 15 September are overdue too, the urgent ones first
        String overdue = runs.get(3).out();
        assertThat(overdue)
                .startsWith("逾期未跟进 overdue on 2026-11-01 (school 'SCH3'): ")
                .containsPattern("high +open +ps1\\.\\S+ SCH3 grade 7  owner counsellor-02  last contact 2026-10-11,"
                        + " due 2026-10-25, 7 day\\(s\\) overdue")
                .containsPattern("urgent +open .* last contact 2026-09-15, due 2026-09-22, 40 day\\(s\\) overdue")
                .doesNotContain("G44", "合成");
        assertThat(overdue.indexOf("urgent")).isLessThan(overdue.indexOf("high "));
        assertThat(runs.get(4).out())
                .contains("逾期未跟进 overdue on 2026-11-01: ")
                .containsPattern("high +open +合成未测1 G4401900000 SCH3 grade 7  owner counsellor-02");
        assertThat(runs.get(5).out()).contains("2026-11-02 referral (转介就医) by counsellor: green-channel");
        assertThat(runs.get(6).out()).contains("2026-11-20 return-to-school (复学评估) by counsellor: cleared-by-doctor");
        assertThat(runs.get(7).out()).isEqualTo("家访 home visit recorded: 2026-11-21, special, by class-teacher\n");
        assertThat(runs.get(8).out()).contains("排查统计表 district form, wave 2026-autumn (everything), 7 row(s)");

        Path form = tmp.resolve("target/district-form.xlsx");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(form.toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(8);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("region");
            assertThat(rows.get(0).getCellText(2)).isEqualTo("students");
            int visited = rows.get(0).getCellCount() - 1;
            assertThat(rows.get(0).getCellText(visited)).isEqualTo("visited");
            for (var row : rows.subList(1, rows.size())) {
                for (int c = 2; c < row.getCellCount(); c++) {
                    String v = row.getCellText(c);
                    assertThat(v).as("row %d column %d", row.getRowNum(), c).matches("<10|0|[1-9][0-9]+");
                }
            }
            // the school row with the teacher-reported case: 326 on the roster and 2 screened off it
            var sch3 = rows.stream()
                    .filter(r -> r.getCellText(1).equals("SCH3"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sch3.getCellText(2)).isEqualTo("328");
            assertThat(sch3.getCellText(visited)).as("one visit: a small cell").isEqualTo("<10");
        }
    }

    /** Runs the README's sections up to the closed loop, as the later sections continue from them. */
    private static void loopClosed(Path tmp) throws Exception {
        runAll(Readme.commands("## Records across years and the warning list"), tmp);
        runAll(Readme.commands("### A school's roster, coverage and named lists"), tmp);
        runAll(
                Readme.commands("### Closing the loop: an owner, the parents, the overdue list, the district form"),
                tmp);
    }

    @Test
    void theAuditLogAnswersWhoDidWhatForOneStudentAndItsChainHolds(@TempDir Path tmp) throws Exception {
        loopClosed(tmp);
        List<String> commands = Readme.commands("### Who did what: the audit log");
        assertThat(commands).hasSize(2);
        List<MainTest.Run> runs = runAll(commands, tmp);
        String trail = runs.get(0).out();
        assertThat(trail)
                .startsWith("审计记录 audit trail (school 'SCH3'): 8 entries")
                .containsSubsequence(
                        " report ",
                        " assess ",
                        "counsellor-02    counsellor     plan ",
                        "teacher-7        class-teacher  parent-notified ",
                        "teacher-7        class-teacher  parent-acknowledged ",
                        " referral ",
                        " return-to-school ",
                        " visit ")
                .doesNotContain("G4401900000", "合成");
        // 倒查 against the policy's intervals (high: 14 days): the referral came 8 days after the contact due
        // 14 days after the parents' acknowledgement, as the closed-loop section's overdue list says
        assertThat(trail)
                .contains("按时 on time, under example-a-glad-pc (each tier's follow-up interval): 2 of 8 steps late")
                .containsPattern("2026-11-02 referral +counsellor +high +LATE by 8 d \\(due 2026-10-25\\)")
                .containsPattern("2026-11-20 return-to-school +counsellor +high +LATE by 4 d \\(due 2026-11-16\\)")
                .containsPattern("2026-11-21 home-visit +class-teacher +high +on time \\(due 2026-12-04\\)")
                .contains("next contact due 2026-12-05 (as of 2026-11-30)");
        assertThat(runs.get(1).out()).containsPattern("审计日志 audit log: \\d+ entries, the chain holds");
    }

    @Test
    void aPurgeDeletesWhoLeftKeepsOpenCasesAndListsEarlierExports(@TempDir Path tmp) throws Exception {
        loopClosed(tmp);
        List<String> commands = Readme.commands("### How long a student is kept: retention and purge");
        assertThat(commands).hasSize(3);
        List<MainTest.Run> runs = runAll(commands, tmp);
        assertThat(runs.get(0).out()).isEqualTo("保存期限 retention: 2 school year(s) after leaving school\n");
        assertThat(runs.get(1).out())
                .containsPattern("清除 purged: [1-9]\\d* student\\(s\\) who left before 2027-2028 \\(\\d+ rows\\); kept"
                        + " [1-9]\\d* with an open case")
                .contains("made earlier, may hold them too", "named-list", "district-form")
                .doesNotContain("G4401", "合成");
        assertThat(runs.get(2).out()).containsPattern("审计日志 audit log: \\d+ entries, the chain holds");
        // nothing more has left: a second purge deletes no one
        assertThat(Readme.run(List.of(commands.get(1)), tmp).get(0).out()).startsWith("清除 purged: 0 student(s)");
    }

    @Test
    void aKeyRotationKeepsEveryHistoryUnderTheNewKey(@TempDir Path tmp) throws Exception {
        List<MainTest.Run> first = runAll(Readme.commands("## Records across years and the warning list"), tmp);
        runAll(Readme.commands("### A school's roster, coverage and named lists"), tmp);
        runAll(
                Readme.commands("### Closing the loop: an owner, the parents, the overdue list, the district form"),
                tmp);
        List<String> commands = Readme.commands("### A new key: rotating the pseudonyms");
        assertThat(commands).hasSize(3);
        List<MainTest.Run> runs = runAll(commands, tmp);
        assertThat(runs.get(1).out())
                .containsPattern("换钥 key rotated: [1-9]\\d* student\\(s\\) and [1-9]\\d* audit entries from key \\S+ to"
                        + " key \\S+;")
                .doesNotContain("G4401");
        // the same history as before the rotation, read with the new key: only the pseudonym differs
        String before = first.get(4).out();
        String after = runs.get(2).out();
        assertThat(after).startsWith("学生 student ps1.").isNotEqualTo(before);
        assertThat(after.substring(after.indexOf('\n'))).isEqualTo(before.substring(before.indexOf('\n')));
        // the old key no longer reads the store's students; the chain was sealed again
        assertThat(Readme.run(List.of(commands.get(1)), tmp).get(0).err()).contains("PSY-3204");
        String verify = Readme.commands("### Who did what: the audit log").get(1);
        MainTest.Run checked = Readme.run(List.of(verify), tmp).get(0);
        assertThat(checked.out()).as(checked.err()).contains("the chain holds");
    }
}
