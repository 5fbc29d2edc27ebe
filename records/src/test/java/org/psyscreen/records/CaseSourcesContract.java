package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.tier.CutoffPolicy;

/**
 * Warning cases from every source, on either database: a teacher's report puts a student the school
 * has on its roster (never screened) on the warning list; a peer's report on a flagged student adds
 * to the case; a counsellor's assessment lowers or raises the tier that then drives the case, and the
 * screening's decision stays; the same facts recorded in another order give the same cases; bad
 * requests are refused with their codes and change nothing. {@link CaseSourcesOnSqliteTest} and
 * {@link CaseSourcesOnPostgresTest} run it.
 */
abstract class CaseSourcesContract {
    @TempDir
    static Path dir;

    static Path run;
    static Path roster;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final Wave WAVE = new Wave("2026-autumn", "2026-2027", 1);
    private static final String UNSCREENED = Runs.UNSCREENED;

    @BeforeAll
    static void scoredAndRoster() throws Exception {
        run = Runs.scored(dir, 2000, 1);
        roster = Runs.smallRoster(dir);
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private RecordStore fresh(String name) {
        return RecordStore.open(location(name), CLOCK);
    }

    private static final Scope SCH3 = Scope.school("", "SCH3");

    private static CaseReport teacher(String tier, String date) {
        return new CaseReport(ReportSource.TEACHER, tier, LocalDate.parse(date), Role.CLASS_TEACHER, "7");
    }

    @Test
    void aTeachersReportPutsAStudentNeverScreenedOnTheWarningList() {
        try (RecordStore store = fresh("teacher.db")) {
            store.importRoster(WAVE, Roster.read(roster, Runs.PSEUDONYMS, "", "SCH3"));
            String token = Runs.token(UNSCREENED);
            WarningCase c = store.report(SCH3, token, Runs.policy(), teacher("watch", "2026-10-08"));
            assertThat(c.source()).isEqualTo("teacher");
            assertThat(c.tier()).isEqualTo("watch").isEqualTo(c.screenedTier());
            assertThat(c.state()).isEqualTo(CaseState.OPEN);
            assertThat(c.events()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.OPENED);
                assertThat(e.outcome()).isEqualTo("watch (teacher report)");
            });
            assertThat(store.warnings(SCH3)).extracting(WarningCase::token).contains(token);
            assertThat(store.warnings(Scope.school("", "SCH1")))
                    .extracting(WarningCase::token)
                    .doesNotContain(token);
        }
    }

    @Test
    void anAssessmentDrivesTheCaseAndTheScreeningsDecisionStays() {
        try (RecordStore store = fresh("assess.db")) {
            store.importRun(run, WAVE, Runs.BUNDLE, x -> {});
            WarningCase flagged = store.warnings(SCH3).stream()
                    .filter(w -> w.tier().equals("high"))
                    .findFirst()
                    .orElseThrow();
            String token = flagged.token();
            WarningCase lowered = store.assess(
                    SCH3,
                    token,
                    Runs.policy(),
                    new Assessment("watch", "interview-no-risk-signs", LocalDate.parse("2026-10-10"), Role.COUNSELLOR));
            assertThat(lowered.tier()).isEqualTo("watch");
            assertThat(lowered.screenedTier()).isEqualTo("high");
            assertThat(lowered.events()).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.ASSESSED);
                assertThat(e.outcome()).isEqualTo("watch lowered (interview-no-risk-signs, counsellor)");
            });
            // the screening's decision is never overwritten
            StudentHistory h = store.history(SCH3, token);
            assertThat(h.screenings())
                    .singleElement()
                    .satisfies(s -> assertThat(s.decisions())
                            .extracting(StudentHistory.Decision::tier)
                            .containsExactly("high"));

            WarningCase raised = store.assess(
                    SCH3,
                    token,
                    Runs.policy(),
                    new Assessment("urgent", "crisis-disclosed", LocalDate.parse("2026-10-20"), Role.COUNSELLOR));
            assertThat(raised.tier()).isEqualTo("urgent");
            assertThat(raised.tierRank()).isZero();
            // a peer's report on the case adds to it without changing its tier
            WarningCase reported = store.report(
                    SCH3,
                    token,
                    Runs.policy(),
                    new CaseReport(ReportSource.PEER, "watch", LocalDate.parse("2026-10-21"), Role.CLASS_TEACHER, "9"));
            assertThat(reported.tier()).isEqualTo("urgent");
            assertThat(reported.events()).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.REPORTED);
                assertThat(e.outcome()).isEqualTo("watch (peer report)");
            });
        }
    }

    @Test
    void theSameFactsInAnotherOrderGiveTheSameCases() {
        String token = Runs.token("G4401000001");
        try (RecordStore a = fresh("order-a.db");
                RecordStore b = fresh("order-b.db")) {
            // a: roster, report dated before the screening, then the screening
            a.importRoster(WAVE, Roster.read(roster, Runs.PSEUDONYMS, "", "SCH3"));
            a.report(SCH3, token, Runs.policy(), teacher("watch", "2026-09-01"));
            a.importRun(run, WAVE, Runs.BUNDLE, x -> {});
            // b: the screening first, then the roster and the same report
            b.importRun(run, WAVE, Runs.BUNDLE, x -> {});
            b.importRoster(WAVE, Roster.read(roster, Runs.PSEUDONYMS, "", "SCH3"));
            b.report(SCH3, token, Runs.policy(), teacher("watch", "2026-09-01"));
            List<WarningCase> inA = a.warnings(Scope.everything());
            assertThat(inA).isEqualTo(b.warnings(Scope.everything()));
            assertThat(inA)
                    .filteredOn(w -> w.token().equals(token))
                    .singleElement()
                    .satisfies(w -> {
                        assertThat(w.source()).isEqualTo("teacher"); // the report came first
                        assertThat(w.events().get(0).date()).isEqualTo("2026-09-01");
                    });
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirCodesAndChangeNothing() {
        try (RecordStore store = fresh("bad.db")) {
            store.importRun(run, WAVE, Runs.BUNDLE, x -> {});
            List<WarningCase> before = store.warnings(Scope.everything());
            String flagged = store.warnings(SCH3).get(0).token();
            String stranger = Runs.token("Q7SENTINEL");
            assertThatThrownBy(() -> store.report(SCH3, stranger, Runs.policy(), teacher("watch", "2026-10-01")))
                    .hasMessageStartingWith("PSY-3101")
                    .hasMessageNotContaining(stranger)
                    .hasMessageNotContaining("Q7SENTINEL");
            assertThatThrownBy(() -> store.report(SCH3, flagged, Runs.policy(), teacher("very-high", "2026-10-01")))
                    .hasMessageStartingWith("PSY-3102");
            assertThatThrownBy(() -> store.assess(
                            SCH3,
                            flagged,
                            Runs.policy(),
                            new Assessment("watch", "early", LocalDate.parse("2026-01-01"), Role.COUNSELLOR)))
                    .hasMessageStartingWith("PSY-3103");
            assertThatThrownBy(() -> store.assess(
                            SCH3,
                            stranger,
                            Runs.policy(),
                            new Assessment("watch", "none", LocalDate.parse("2026-10-01"), Role.COUNSELLOR)))
                    .hasMessageStartingWith("PSY-3104");
            assertThatThrownBy(() -> store.assess(
                            SCH3,
                            flagged,
                            Runs.policy(),
                            new Assessment(
                                    "watch", "teacher-thinks", LocalDate.parse("2026-10-01"), Role.CLASS_TEACHER)))
                    .hasMessageStartingWith("PSY-3105");
            assertThat(store.warnings(Scope.everything())).isEqualTo(before);
        }
    }

    /** The bundled policy with other case roles: everything else as it is. */
    private static CutoffPolicy withCaseRoles(java.util.Map<String, List<String>> roles) {
        CutoffPolicy p = Runs.policy();
        return new CutoffPolicy() {
            @Override
            public String id() {
                return p.id();
            }

            @Override
            public String version() {
                return p.version();
            }

            @Override
            public String region() {
                return p.region();
            }

            @Override
            public List<org.psyscreen.tier.Tier> tiers() {
                return p.tiers();
            }

            @Override
            public List<String> instruments() {
                return p.instruments();
            }

            @Override
            public Verdict evaluate(org.psyscreen.tier.Screening screening) {
                return p.evaluate(screening);
            }

            @Override
            public org.psyscreen.tier.Tier tierFor(org.psyscreen.tier.FollowUp followUp) {
                return p.tierFor(followUp);
            }

            @Override
            public java.util.Map<String, List<String>> caseRoles() {
                return roles;
            }
        };
    }

    @Test
    void onlyTheRolesThePolicyNamesMayCloseACase() {
        try (RecordStore store = fresh("roles.db")) {
            store.importRun(run, WAVE, Runs.BUNDLE, x -> {});
            String flagged = store.warnings(SCH3).get(0).token();
            List<WarningCase> before = store.warnings(Scope.everything());
            int logged = store.audit(SCH3, flagged).size();
            LocalDate day = LocalDate.parse("2026-10-20");
            assertThat(Runs.policy().caseRoles())
                    .as("the bundled example declares who closes")
                    .containsEntry("closure", List.of("counsellor", "school-leader", "regional-centre"));
            assertThatThrownBy(() -> store.followUp(
                            SCH3,
                            flagged,
                            Runs.policy(),
                            new FollowUp(EventKind.CLOSURE, day, Role.CLASS_TEACHER, "resolved")))
                    .hasMessageStartingWith("PSY-3105")
                    .hasMessageContaining("class-teacher may not record 'closure'")
                    .hasMessageContaining("counsellor, school-leader, regional-centre do (the policy's caseRoles)")
                    .hasMessageNotContaining(flagged);
            // a misspelt role is refused, never read as "anyone may"
            CutoffPolicy misspelt = withCaseRoles(java.util.Map.of("closure", List.of("councellor")));
            assertThatThrownBy(() -> store.followUp(
                            SCH3, flagged, misspelt, new FollowUp(EventKind.CLOSURE, day, Role.COUNSELLOR, "resolved")))
                    .hasMessageStartingWith("PSY-3109")
                    .hasMessageContaining("caseRoles.closure[0] is not a role");
            CutoffPolicy unknownAction = withCaseRoles(java.util.Map.of("opened", List.of("counsellor")));
            assertThatThrownBy(() -> store.followUp(
                            SCH3,
                            flagged,
                            unknownAction,
                            new FollowUp(EventKind.INTERVIEW, day, Role.COUNSELLOR, "ok")))
                    .hasMessageStartingWith("PSY-3109")
                    .hasMessageContaining("caseRoles.opened is not an action");
            assertThat(store.warnings(Scope.everything()))
                    .as("nothing recorded")
                    .isEqualTo(before);
            assertThat(store.audit(SCH3, flagged)).as("nothing logged").hasSize(logged);

            // the same policy without case roles keeps the store's defaults: anyone closes, assessors assess
            CutoffPolicy none = withCaseRoles(java.util.Map.of());
            assertThatThrownBy(() -> store.assess(
                            SCH3, flagged, none, new Assessment("watch", "teacher-thinks", day, Role.CLASS_TEACHER)))
                    .hasMessageStartingWith("PSY-3105")
                    .hasMessageContaining("(the store's default");
            WarningCase closed = store.followUp(
                    SCH3, flagged, Runs.policy(), new FollowUp(EventKind.CLOSURE, day, Role.COUNSELLOR, "resolved"));
            assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
            assertThat(store.audit(SCH3, flagged)).hasSize(logged + 1);
        }
    }

    @Test
    void aDeletedStudentsReportsAndAssessmentsGoWithTheirCase() {
        try (RecordStore store = fresh("delete.db")) {
            store.importRoster(WAVE, Roster.read(roster, Runs.PSEUDONYMS, "", "SCH3"));
            String token = Runs.token(UNSCREENED);
            store.report(SCH3, token, Runs.policy(), teacher("high", "2026-10-08"));
            store.assess(
                    SCH3,
                    token,
                    Runs.policy(),
                    new Assessment("watch", "interview", LocalDate.parse("2026-10-09"), Role.COUNSELLOR));
            assertThat(store.deleteStudent(Scope.everything(), token)).isPositive();
            assertThat(store.warnings(Scope.everything())).isEmpty();
            // nothing is left to replay the case from: a new report opens a new case
            assertThatThrownBy(() -> store.report(SCH3, token, Runs.policy(), teacher("watch", "2026-10-10")))
                    .hasMessageStartingWith("PSY-3101");
        }
    }
}
