package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records commands' refusals: each one line on stderr, exit code 2, nothing changed, no id echoed. */
class RecordsCommandTest {
    @TempDir
    static Path tmp;

    static String db;
    static String key;

    @BeforeAll
    static void oneWave() {
        key = tmp.resolve("k.key").toString();
        db = tmp.resolve("school.db").toString();
        assertThat(MainTest.run("key", key).exit()).isZero();
        var r = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                key,
                "--records",
                db,
                "--wave",
                "w1",
                "--out",
                tmp.resolve("run").toString(),
                Readme.ROOT.resolve("examples/demo/cohort.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static MainTest.Run refused(String... args) {
        MainTest.Run r = MainTest.run(args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("G4401", "Exception");
        return r;
    }

    @Test
    void everyQuerySaysWhoseRecords() {
        assertThat(refused("records", "warnings", "--db", db).err())
                .contains("say whose records: --school S (one school), --region R (a region) or --all");
        assertThat(refused("records", "warnings", "--db", db, "--all", "--school", "SCH1")
                        .err())
                .contains("--all or --school/--region, not both");
    }

    @Test
    void aStudentIsATokenOrAnIdWithTheKey() {
        assertThat(refused("records", "history", "--db", db, "--all", "--student", "G4401000001")
                        .err())
                .contains("--student needs --key");
        assertThat(refused("records", "history", "--db", db, "--all").err())
                .contains("give --token T, or --student ID with --key FILE");
    }

    @Test
    void anUnknownWaveNamesTheWavesThereAre() {
        assertThat(refused("records", "changes", "--db", db, "--all", "--from", "w1", "--to", "w9")
                        .err())
                .contains("no wave named 'w9'", "(waves: w1)");
    }

    @Test
    void followUpsTakeListedWordsAndCodes() {
        String token = "ps1.x";
        assertThat(refused(
                                "records",
                                "follow-up",
                                "--policy",
                                "example-a-glad-pc",
                                "--db",
                                db,
                                "--school",
                                "SCH1",
                                "--token",
                                token,
                                "--kind",
                                "chat",
                                "--date",
                                "2026-09-20",
                                "--role",
                                "counsellor",
                                "--outcome",
                                "ok")
                        .err())
                .contains("--kind chat is not one of the listed words");
        assertThat(refused(
                                "records",
                                "follow-up",
                                "--policy",
                                "example-a-glad-pc",
                                "--db",
                                db,
                                "--school",
                                "SCH1",
                                "--key",
                                key,
                                "--student",
                                "G4401000001",
                                "--kind",
                                "interview",
                                "--date",
                                "2026-09-20",
                                "--role",
                                "counsellor",
                                "--outcome",
                                "Zhang San came")
                        .err())
                .contains("never free text or a name");
    }

    @Test
    void scoreWithRecordsNeedsAKeyAndAWave() {
        String in = Readme.ROOT.resolve("examples/demo/cohort.csv").toString();
        assertThat(refused(
                                "score",
                                "--policy",
                                "example-a-glad-pc",
                                "--records",
                                db,
                                "--wave",
                                "w2",
                                "--out",
                                tmp.resolve("nokey").toString(),
                                in)
                        .err())
                .contains("--records needs --key");
        assertThat(refused(
                                "score",
                                "--policy",
                                "example-a-glad-pc",
                                "--key",
                                key,
                                "--records",
                                db,
                                "--out",
                                tmp.resolve("nowave").toString(),
                                in)
                        .err())
                .contains("--records and --wave go together");
    }

    @Test
    void deleteIsOneStudentOrOldWavesNotBoth() {
        assertThat(refused("records", "delete", "--db", db, "--older-than", "3", "--token", "ps1.x")
                        .err())
                .contains("not both");
        MainTest.Run none = MainTest.run("records", "delete", "--db", db, "--all", "--token", "ps1.nobody");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("nothing (no records of this student in everything)");
    }

    @Test
    void principalsNeedAServerAndAPurgeNeedsARetentionPeriod() {
        assertThat(refused("records", "grant", "--db", db, "--login", "sch3_staff", "--school", "SCH3")
                        .err())
                .contains("PSY-3206", "the file is the boundary");
        assertThat(refused("records", "grant", "--db", db, "--login", "sch3_staff")
                        .err())
                .contains("--login needs --school, --region or --province");
        assertThat(refused("records", "purge", "--db", db).err()).contains("PSY-3202");
        assertThat(refused("records", "retention", "--db", db, "--years", "40").err())
                .contains("PSY-3203");
        MainTest.Run none = MainTest.run("records", "grant", "--db", db, "--list");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEmpty();
    }
}
