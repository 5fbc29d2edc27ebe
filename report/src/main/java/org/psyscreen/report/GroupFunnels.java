package org.psyscreen.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psyscreen.privacy.CountTable;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import org.psyscreen.tier.CutoffPolicy;
import tools.jackson.databind.node.ObjectNode;

/**
 * Funnel plots of the special groups and dormitories the rosters declare (留守、单亲… and each
 * dormitory): every school's group is a point, its flagged rate (screened students less those with no
 * risk identified) against the rate of all the schools' groups, from the store's group roll-ups,
 * which have already hidden small cells; a point with a hidden count is left off, as in the school
 * funnel.
 */
final class GroupFunnels {
    private GroupFunnels() {}

    /**
     * Draws one funnel per dimension of the latest wave into {@code charts} ({@code funnelGroup-N}) and
     * lists them in {@code view} ({@code groupFunnels}); nothing when the wave has no roster.
     */
    static void draw(
            RecordStore store,
            Scope scope,
            List<String> waves,
            CutoffPolicy policy,
            int k,
            ObjectNode charts,
            Map<String, Object> view) {
        if (waves.isEmpty()) {
            return;
        }
        String wave = waves.get(waves.size() - 1);
        Map<String, CountTable> tables = store.groups(scope, wave, policy, k);
        List<Map<String, Object>> drawn = new ArrayList<>();
        int notScreened = -1;
        int none = -1;
        for (var e : tables.entrySet()) {
            CountTable t = e.getValue();
            notScreened = t.columns().indexOf("not-screened");
            none = t.columns().indexOf(org.psyscreen.tier.TierDecision.NO_RISK_ID);
            ReportWriter.Table table = new ReportWriter.Table();
            long students = 0;
            long noRisk = 0;
            boolean whole = true;
            String school = "";
            for (CountTable.Unit u : t.units()) {
                Long total = u.publishedTotal();
                Long missed = u.published(notScreened);
                Long no = u.published(none);
                Long screened = total == null || missed == null ? null : total - missed;
                if (u.parent() < 0) { // a school: its screened students and those with no risk make the target
                    school = u.id();
                    if (screened == null || no == null) {
                        whole = false;
                    } else {
                        students += screened;
                        noRisk += no;
                    }
                } else {
                    table.units.put(school + " · " + u.id(), new ReportWriter.Table.Row(screened, new Long[] {no}));
                }
            }
            if (!whole || students == 0) {
                continue; // a school's own counts are hidden: no honest target to draw against
            }
            table.regionTotal = students;
            table.region = new Long[] {noRisk};
            String id = "funnelGroup-" + drawn.size();
            ReportWriter.funnel(
                    table, 0, e.getKey() + " ", charts, id, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            drawn.add(Map.of("id", id, "dimension", e.getKey(), "wave", wave));
        }
        view.put("groupFunnels", drawn);
        view.put("hasGroupFunnels", !drawn.isEmpty());
    }
}
