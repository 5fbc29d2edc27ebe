package org.psyscreen.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psyscreen.records.CaseEvent;
import org.psyscreen.records.DistrictForm;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import org.psyscreen.records.WarningCase;
import org.psyscreen.tier.CutoffPolicy;

/**
 * What the records store says about the closed loop, for the report: on the school page, the latest
 * wave's coverage and the cases' follow-up counts from the district form (so the same numbers, with
 * the same small cells hidden, as the form the school sends up); on a student's page, the case's
 * timeline: sources, assessments, plans, the parents' notice and follow-ups, oldest first.
 */
final class ClosedLoopSection {
    /** The district form's columns the school page shows, with their labels. */
    private static final Map<String, String> SHOWN = new LinkedHashMap<>();

    static {
        SHOWN.put("students", "学生 students (roster or screened)");
        SHOWN.put("not-screened", "未筛查 on the roster, not screened");
        SHOWN.put("cases", "在案 open cases");
        SHOWN.put("referred", "转介 referred");
        SHOWN.put("notified", "家长已告知 parents notified");
        SHOWN.put("acknowledged", "家长已确认 parents acknowledged");
        SHOWN.put("overdue", "逾期未跟进 overdue");
        SHOWN.put("visited", "已家访 visited at home (school year)");
    }

    private ClosedLoopSection() {}

    /**
     * Puts the school's coverage and follow-up counts in {@code view} ({@code hasLoop}, {@code loopWave},
     * {@code loop}) when the store has a wave.
     *
     * @param waves the store's waves in order, the latest last
     */
    static void school(
            RecordStore store, Scope scope, List<String> waves, CutoffPolicy policy, int k, Map<String, Object> view) {
        if (waves.isEmpty() || scope.school() == null) {
            return;
        }
        String wave = waves.get(waves.size() - 1);
        LocalDate today = LocalDate.now();
        DistrictForm form = store.districtForm(scope, wave, policy, today, k);
        List<String> row = form.rows().stream()
                .filter(r -> r.get(1).equals(scope.school()))
                .findFirst()
                .orElse(null);
        if (row == null) {
            return;
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        SHOWN.forEach((column, label) -> {
            int c = form.columns().indexOf(column);
            String value = c < 0 ? "—" : row.get(c);
            cells.add(Map.of("label", label, "value", value.startsWith("<") ? "*" : value));
        });
        if (form.columns().stream().noneMatch("overdue"::equals)) {
            cells.add(Map.of("label", "逾期 overdue", "value", "— (the policy declares no follow-up intervals)"));
        }
        view.put("hasLoop", true);
        view.put("loopWave", wave);
        view.put("loopDay", today.toString());
        view.put("loop", cells);
    }

    /** The student's case under {@code policy} as timeline rows, oldest first; empty when none. */
    static List<Map<String, Object>> timeline(List<WarningCase> cases, CutoffPolicy policy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WarningCase c : cases) {
            if (!c.policyId().equals(policy.id())) {
                continue;
            }
            for (CaseEvent e : c.events()) {
                String detail = e.outcome()
                        + (e.owner().isEmpty() ? "" : "; 负责人 owner " + e.owner())
                        + (e.nextContact().isEmpty() ? "" : "; 下次 next contact " + e.nextContact());
                rows.add(Map.of(
                        "date",
                        e.date(),
                        "kind",
                        e.kind().zh() + " " + e.kind().word(),
                        "role",
                        e.role().word(),
                        "detail",
                        detail));
            }
        }
        return rows;
    }
}
