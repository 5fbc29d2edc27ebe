package org.psyscreen.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
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
import org.psyscreen.tier.FollowUp;
import org.psyscreen.tier.Screening;
import org.psyscreen.tier.Tier;

/**
 * The closed loop on either database: a case's owner and plan, the overdue list by the policy's
 * follow-up interval per tier, the parents' notice and acknowledgement, home visits, and the district
 * statistics form with its small cells hidden. Bad requests are refused with their codes and change
 * nothing. {@link ClosedLoopOnSqliteTest} and {@link ClosedLoopOnPostgresTest} run it.
 */
abstract class ClosedLoopContract {
    @TempDir
    static Path dir;

    static Path run;
    static Path roster;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final Wave WAVE = new Wave("2026-autumn", "2026-2027", 1);
    private static final Scope SCH3 = Scope.school("", "SCH3");
    private static final String UNSCREENED = Runs.UNSCREENED;

    @BeforeAll
    static void scoredAndRoster() throws Exception {
        run = Runs.scored(dir, 2000, 1);
        roster = Runs.smallRoster(dir);
    }

    /** The location of a new, empty store. */
    abstract String location(String name);

    private RecordStore imported(String name) {
        RecordStore store = RecordStore.open(location(name), CLOCK);
        store.importRun(run, WAVE, Runs.BUNDLE, x -> {});
        return store;
    }

    private static WarningCase firstAt(RecordStore store, String tier) {
        return store.warnings(SCH3).stream()
                .filter(w -> w.tier().equals(tier))
                .findFirst()
                .orElseThrow();
    }

    private static LocalDate opened(WarningCase c) {
        return LocalDate.parse(c.events().get(0).date());
    }

    private static CaseDue due(RecordStore store, String token, LocalDate asOf) {
        return store.dueDates(SCH3, Runs.policy(), asOf).stream()
                .filter(d -> d.token().equals(token))
                .findFirst()
                .orElseThrow();
    }

    /** 倒查: each step with the tier it was at, when a contact was due before it, and how late it came. */
    @Test
    void aCaseCheckedBackSaysWhichStepsCameLateAndByHowManyDays() {
        try (RecordStore store = imported("timeline.db")) {
            WarningCase c = firstAt(store, "high");
            LocalDate d = opened(c);
            // interview on day 10 (due day 14: on time), parents on day 30 (due day 24: 6 days late), a
            // plan on day 31 naming day 35, a visit on day 40 (5 days past the plan's day), closure on day 41
            store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.INTERVIEW, d.plusDays(10), Role.COUNSELLOR, "attended"));
            store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.PARENT_CONTACT, d.plusDays(30), Role.CLASS_TEACHER, "phone"));
            store.plan(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new CasePlan("counsellor-02", "weekly", d.plusDays(31), d.plusDays(35), Role.COUNSELLOR));
            store.visit(SCH3, c.token(), new HomeVisit(d.plusDays(40), HomeVisit.Kind.SPECIAL, Role.CLASS_TEACHER));
            CaseTimeline open = store.timeline(SCH3, c.token(), Runs.policy(), d.plusDays(50))
                    .orElseThrow();
            assertThat(open.steps())
                    .extracting(
                            CaseTimeline.Step::what,
                            CaseTimeline.Step::tier,
                            CaseTimeline.Step::due,
                            CaseTimeline.Step::daysLate)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("opened", "high", null, 0L),
                            org.assertj.core.groups.Tuple.tuple("interview", "high", d.plusDays(14), 0L),
                            org.assertj.core.groups.Tuple.tuple("parent-contact", "high", d.plusDays(24), 6L),
                            org.assertj.core.groups.Tuple.tuple("planned", "high", d.plusDays(44), 0L),
                            org.assertj.core.groups.Tuple.tuple("home-visit", "high", d.plusDays(35), 5L));
            assertThat(open.lateSteps())
                    .extracting(CaseTimeline.Step::what)
                    .containsExactly("parent-contact", "home-visit");
            // where it stands is the overdue list's answer
            CaseDue listed = due(store, c.token(), d.plusDays(50));
            assertThat(open.due()).isEqualTo(listed.due()).isEqualTo(d.plusDays(54));
            assertThat(open.daysOverdue()).isEqualTo(listed.daysOverdue());

            store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(EventKind.CLOSURE, d.plusDays(41), Role.COUNSELLOR, "resolved"));
            CaseTimeline closed = store.timeline(SCH3, c.token(), Runs.policy(), d.plusDays(400))
                    .orElseThrow();
            assertThat(closed.due()).as("a closed case is due nothing").isNull();
            assertThat(closed.steps()).last().satisfies(x -> {
                assertThat(x.what()).isEqualTo("closure");
                assertThat(x.late()).isFalse();
            });
            assertThat(store.timeline(SCH3, Runs.token("Q7SENTINEL"), Runs.policy(), d))
                    .isEmpty();
        }
    }

    @Test
    void aCaseIsDueItsTiersIntervalAfterItsLastContactOrAtItsPlansNextContact() {
        try (RecordStore store = imported("due.db")) {
            WarningCase c = firstAt(store, "high");
            LocalDate d = opened(c);
            CaseDue fresh = due(store, c.token(), d);
            assertThat(fresh.lastContact()).isEqualTo(d);
            assertThat(fresh.due()).as("high: 14 days in the example policy").isEqualTo(d.plusDays(14));
            assertThat(fresh.owner()).isEmpty();
            assertThat(store.overdue(SCH3, Runs.policy(), d.plusDays(14)))
                    .extracting(CaseDue::token)
                    .doesNotContain(c.token());
            assertThat(store.overdue(SCH3, Runs.policy(), d.plusDays(15)))
                    .filteredOn(x -> x.token().equals(c.token()))
                    .singleElement()
                    .satisfies(x -> assertThat(x.daysOverdue()).isEqualTo(1));

            // an interview is a contact: the interval restarts
            store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.INTERVIEW, d.plusDays(10), Role.COUNSELLOR, "attended"));
            assertThat(due(store, c.token(), d.plusDays(15)).due()).isEqualTo(d.plusDays(24));

            // a plan names the owner and can bring the next contact forward, never push it back
            WarningCase planned = store.plan(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new CasePlan("counsellor-02", "weekly-interview", d.plusDays(10), d.plusDays(12), Role.COUNSELLOR));
            assertThat(planned.events()).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.PLANNED);
                assertThat(e.owner()).isEqualTo("counsellor-02");
                assertThat(e.nextContact()).isEqualTo(d.plusDays(12).toString());
                assertThat(e.outcome()).isEqualTo("weekly-interview");
            });
            CaseDue after = due(store, c.token(), d.plusDays(15));
            assertThat(after.owner()).isEqualTo("counsellor-02");
            assertThat(after.due()).isEqualTo(d.plusDays(12));
            assertThat(after.daysOverdue()).isEqualTo(3);
            store.plan(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new CasePlan("counsellor-02", "monthly-check", d.plusDays(11), d.plusDays(60), Role.COUNSELLOR));
            assertThat(due(store, c.token(), d.plusDays(15)).due())
                    .as("a plan's later date does not stretch the tier's interval")
                    .isEqualTo(d.plusDays(24));

            // a home visit to the student is a contact too
            store.visit(SCH3, c.token(), new HomeVisit(d.plusDays(20), HomeVisit.Kind.SPECIAL, Role.CLASS_TEACHER));
            assertThat(due(store, c.token(), d.plusDays(21)).due()).isEqualTo(d.plusDays(34));

            // the list is most severe first
            List<CaseDue> all = store.overdue(SCH3, Runs.policy(), d.plusDays(400));
            assertThat(all).isNotEmpty();
            assertThat(all).extracting(x -> Runs.policy().rank(x.tier())).isSorted();
        }
    }

    @Test
    void badPlansAndAPolicyWithoutIntervalsAreRefusedWithTheirCodes() {
        assertThatThrownBy(() ->
                        new CasePlan(" ", "weekly-interview", LocalDate.parse("2026-10-01"), null, Role.COUNSELLOR))
                .hasMessageStartingWith("PSY-3106");
        assertThatThrownBy(() -> new CasePlan(
                        "counsellor-02",
                        "plan",
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-09-01"),
                        Role.COUNSELLOR))
                .hasMessageContaining("before the plan");
        assertThatThrownBy(() -> new org.psyscreen.records.FollowUp(
                        EventKind.PLANNED, LocalDate.parse("2026-10-01"), Role.COUNSELLOR, "x"))
                .hasMessageContaining("CasePlan");
        try (RecordStore store = imported("refusals.db")) {
            WarningCase c = firstAt(store, "high");
            LocalDate d = opened(c);
            int events = c.events().size();
            assertThatThrownBy(() -> store.plan(
                            SCH3,
                            c.token(),
                            Runs.policy(),
                            new CasePlan("counsellor-02", "p", d.minusDays(1), null, Role.COUNSELLOR)))
                    .hasMessageStartingWith("PSY-3103")
                    .hasMessageContaining("nothing was recorded");
            assertThatThrownBy(() -> store.plan(
                            SCH3,
                            Runs.token("NOBODY"),
                            Runs.policy(),
                            new CasePlan("c1", "p", d, null, Role.COUNSELLOR)))
                    .hasMessageStartingWith("PSY-3104");
            assertThat(store.history(SCH3, c.token())).isNotNull();
            assertThat(store.warnings(SCH3).stream()
                            .filter(w -> w.token().equals(c.token()))
                            .findFirst()
                            .orElseThrow()
                            .events())
                    .hasSize(events);

            CutoffPolicy without = withoutIntervals(Runs.policy());
            assertThatThrownBy(() -> store.overdue(SCH3, without, d))
                    .hasMessageStartingWith("PSY-3108")
                    .hasMessageContaining("urgent, high, watch");
            assertThat(store.districtForm(SCH3, WAVE.name(), without, d, 10).columns())
                    .contains("overdue (no intervals in the policy)");
        }
    }

    @Test
    void theParentsAreNotifiedBeforeTheyAcknowledgeAndAClosedCaseTakesNoEvents() {
        try (RecordStore store = imported("parents.db")) {
            WarningCase c = firstAt(store, "high");
            LocalDate d = opened(c);
            assertThatThrownBy(() -> store.followUp(
                            SCH3,
                            c.token(),
                            Runs.policy(),
                            new org.psyscreen.records.FollowUp(
                                    EventKind.PARENT_ACKNOWLEDGED, d.plusDays(1), Role.CLASS_TEACHER, "signed-form")))
                    .hasMessageStartingWith("PSY-3107");
            assertThatThrownBy(() -> new org.psyscreen.records.FollowUp(
                            EventKind.PARENT_NOTIFIED, d, Role.CLASS_TEACHER, "email"))
                    .hasMessageContaining("phone, in-person");
            store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.PARENT_NOTIFIED, d.plusDays(1), Role.CLASS_TEACHER, "phone"));
            WarningCase acknowledged = store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.PARENT_ACKNOWLEDGED, d.plusDays(2), Role.CLASS_TEACHER, "signed-form"));
            assertThat(acknowledged.events())
                    .extracting(CaseEvent::kind)
                    .containsSubsequence(EventKind.OPENED, EventKind.PARENT_NOTIFIED, EventKind.PARENT_ACKNOWLEDGED);
            // dated before the case's known opening it is kept: a wave imported later may show the case open
            WarningCase early = store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.INTERVIEW, d.minusDays(3), Role.COUNSELLOR, "attended"));
            assertThat(early.events()).extracting(CaseEvent::kind).first().isEqualTo(EventKind.INTERVIEW);

            store.followUp(
                    SCH3,
                    c.token(),
                    Runs.policy(),
                    new org.psyscreen.records.FollowUp(
                            EventKind.CLOSURE, d.plusDays(30), Role.COUNSELLOR, "recovered"));
            assertThatThrownBy(() -> store.followUp(
                            SCH3,
                            c.token(),
                            Runs.policy(),
                            new org.psyscreen.records.FollowUp(
                                    EventKind.INTERVIEW, d.plusDays(31), Role.COUNSELLOR, "attended")))
                    .hasMessageStartingWith("PSY-3104");
            assertThat(store.dueDates(SCH3, Runs.policy(), d.plusDays(31)))
                    .extracting(CaseDue::token)
                    .as("a closed case is due nothing")
                    .doesNotContain(c.token());
        }
    }

    @Test
    void homeVisitsAreForStudentsTheSchoolHasAndGoWithADeletedStudent() {
        try (RecordStore store = imported("visits.db")) {
            store.importRoster(WAVE, Roster.read(roster, Runs.PSEUDONYMS, "", "SCH3"));
            String never = Runs.token(UNSCREENED);
            store.visit(
                    SCH3,
                    never,
                    new HomeVisit(LocalDate.parse("2026-10-02"), HomeVisit.Kind.ROUTINE, Role.CLASS_TEACHER));
            assertThatThrownBy(() -> store.visit(
                            Scope.school("", "SCH1"),
                            never,
                            new HomeVisit(LocalDate.parse("2026-10-02"), HomeVisit.Kind.ROUTINE, Role.CLASS_TEACHER)))
                    .hasMessageStartingWith("PSY-3101");
            DistrictForm form = store.districtForm(SCH3, WAVE.name(), Runs.policy(), LocalDate.parse("2026-11-23"), 2);
            assertThat(cell(form, "SCH3", "visited")).isEqualTo("<2"); // one of two roster students: hidden
            store.visit(
                    SCH3,
                    Runs.token("G4401000001"),
                    new HomeVisit(LocalDate.parse("2026-10-03"), HomeVisit.Kind.ROUTINE, Role.CLASS_TEACHER));
            form = store.districtForm(SCH3, WAVE.name(), Runs.policy(), LocalDate.parse("2026-11-23"), 2);
            assertThat(cell(form, "SCH3", "visited")).isEqualTo("2");

            store.deleteStudent(SCH3, never);
            form = store.districtForm(SCH3, WAVE.name(), Runs.policy(), LocalDate.parse("2026-11-23"), 2);
            assertThat(cell(form, "SCH3", "visited"))
                    .as("the deleted student's visit went with them")
                    .isEqualTo("<2");
        }
    }

    @Test
    void theDistrictFormCountsEachSchoolAndPublishesNoSmallCell() throws Exception {
        try (RecordStore store = imported("form.db")) {
            // three notified cases at SCH3, two acknowledged
            List<WarningCase> cases = store.warnings(SCH3);
            for (WarningCase c : cases.subList(0, 3)) {
                LocalDate d = opened(c);
                store.followUp(
                        SCH3,
                        c.token(),
                        Runs.policy(),
                        new org.psyscreen.records.FollowUp(EventKind.PARENT_NOTIFIED, d, Role.CLASS_TEACHER, "phone"));
            }
            for (WarningCase c : cases.subList(0, 2)) {
                store.followUp(
                        SCH3,
                        c.token(),
                        Runs.policy(),
                        new org.psyscreen.records.FollowUp(
                                EventKind.PARENT_ACKNOWLEDGED, opened(c), Role.CLASS_TEACHER, "signed-form"));
            }
            LocalDate asOf = LocalDate.parse("2026-11-23");
            DistrictForm school = store.districtForm(SCH3, WAVE.name(), Runs.policy(), asOf, 2);
            assertThat(cell(school, "SCH3", "cases")).isEqualTo(String.valueOf(cases.size()));
            assertThat(cell(school, "SCH3", "notified")).isEqualTo("3");
            assertThat(cell(school, "SCH3", "acknowledged")).isEqualTo("2");
            long overdue = store.overdue(SCH3, Runs.policy(), asOf).size();
            assertThat(cell(school, "SCH3", "overdue")).isEqualTo(String.valueOf(overdue));
            long screenedCases =
                    cases.stream().filter(c -> c.source().equals("screening")).count();
            assertThat(cell(school, "SCH3", "cases.screening")).isEqualTo(String.valueOf(screenedCases));

            DistrictForm all = store.districtForm(Scope.everything(), WAVE.name(), Runs.policy(), asOf, 10);
            int students = all.columns().indexOf("students");
            long sum = 0;
            for (List<String> row : all.rows()) {
                for (String v : row.subList(2, row.size())) {
                    assertThat(v).matches("<10|0|[1-9][0-9]+|");
                    if (v.matches("[0-9]+")) {
                        assertThat(Long.parseLong(v))
                                .satisfiesAnyOf(
                                        n -> assertThat(n).isZero(),
                                        n -> assertThat(n).isGreaterThanOrEqualTo(10));
                    }
                }
                if (!row.get(1).equals("(all schools)")) {
                    sum += Long.parseLong(row.get(students));
                }
            }
            assertThat(sum)
                    .as("every screened student is counted at one school")
                    .isEqualTo(2000);
            StringWriter csv = new StringWriter();
            all.writeCsv(csv);
            assertThat(csv.toString()).startsWith("region,school,students,urgent,high,watch");
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            all.writeXlsx(xlsx);
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                    new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
                List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
                assertThat(rows).hasSize(all.rows().size() + 1);
                assertThat(rows.get(1).getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
                assertThat(rows.get(1).getCellRawValue(2))
                        .hasValue(all.rows().get(0).get(2));
            }
        }
    }

    private static String cell(DistrictForm form, String school, String column) {
        int c = form.columns().indexOf(column);
        return form.rows().stream()
                .filter(r -> r.get(1).equals(school))
                .findFirst()
                .orElseThrow()
                .get(c);
    }

    /** The policy with no follow-up interval on any tier. */
    static CutoffPolicy withoutIntervals(CutoffPolicy p) {
        List<Tier> tiers = p.tiers().stream()
                .map(t -> new Tier(t.id(), t.severity(), t.label(), t.action()))
                .toList();
        return new CutoffPolicy() {
            public String id() {
                return p.id();
            }

            public String version() {
                return p.version();
            }

            public String region() {
                return p.region();
            }

            public List<Tier> tiers() {
                return tiers;
            }

            public List<String> instruments() {
                return p.instruments();
            }

            public Verdict evaluate(Screening screening) {
                return p.evaluate(screening);
            }

            public Tier tierFor(FollowUp followUp) {
                return p.tierFor(followUp);
            }
        };
    }
}
