package org.psyscreen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psyscreen.batch.RunFileException;
import org.psyscreen.batch.ScoresJsonl;
import org.psyscreen.batch.SummaryJson;
import org.psyscreen.records.RecordStore;
import org.psyscreen.records.Scope;
import org.psyscreen.records.StudentHistory;

/**
 * The report's pages of single students: one per flagged student of the school, read from the run's
 * audit trail through {@link ScoresJsonl} (and the student's history from the records store when one
 * is given). Only a run scored with a key gets them: a page is named by the pseudonym, never an id.
 */
final class StudentPages {
    private StudentPages() {}

    /** One page per flagged student of the school, from the run's audit trail (and history from the store). */
    static void write(
            ReportWriter.Options o,
            SummaryJson summary,
            Path out,
            RecordStore store,
            Scope scope,
            List<String> labels,
            List<String> pages,
            Map<String, Object> view)
            throws IOException {
        if (!Files.isRegularFile(o.runDir().resolve(ScoresJsonl.FILE))) {
            view.put("studentNote", "逐生页面需要审计记录 Per-student pages need the run's audit trail (scores.jsonl).");
            return;
        }
        Files.createDirectories(out.resolve("students"));
        List<Map<String, Object>> list = new ArrayList<>();
        try (ScoresJsonl.Reader r = ScoresJsonl.open(o.runDir(), summary)) {
            for (ScoresJsonl.Entry n; (n = r.next()) != null; ) {
                studentPage(o, out, store, scope, pages, view, list, n, r.line());
                if (view.containsKey("studentNote")) {
                    return;
                }
            }
        } catch (RunFileException e) {
            throw new ReportInputException(e.getMessage());
        }
        view.put("students", list);
        view.put("hasStudents", !list.isEmpty());
    }

    /** The page of one record of the school (flagged students only); a run without pseudonyms gets a note. */
    private static void studentPage(
            ReportWriter.Options o,
            Path out,
            RecordStore store,
            Scope scope,
            List<String> pages,
            Map<String, Object> view,
            List<Map<String, Object>> list,
            ScoresJsonl.Entry n,
            long lineNo)
            throws IOException {
        if (!o.school().equals(n.school())
                || n.decision() == null
                || n.decision().tier() == null) {
            return;
        }
        String tier = n.decision().tier();
        if (o.policy().tier(tier).isEmpty()) {
            throw new ReportInputException("scores.jsonl line " + lineNo + ", decision.tier: not a tier of the"
                    + " run's policy (damaged or edited): score the file again");
        }
        String token = n.student();
        if (token.startsWith("ps1.") && !TOKEN.matcher(token).matches()) {
            throw new ReportInputException("scores.jsonl line " + lineNo + ", student: not a psyscreen pseudonym"
                    + " (damaged or edited): score the file again");
        }
        if (!token.startsWith("ps1.")) {
            view.put(
                    "studentNote",
                    "逐生页面需要化名 Per-student pages need a run scored with --key (pseudonyms):"
                            + " this run holds raw ids, so none were written.");
            deleteStudentPages(out);
            return;
        }
        String file = "students/" + token.substring(token.lastIndexOf('.') + 1, token.lastIndexOf('.') + 13) + ".html";
        Map<String, Object> page = studentView(n, store, scope, token, o);
        page.put("title", "学生 Student " + token);
        ReportWriter.write("student.html.mustache", page, out.resolve(file));
        pages.add(file);
        list.add(Map.of("token", token, "file", file, "tier", tier, "grade", n.grade(), "class", n.klass()));
    }

    /** A pseudonym as psyscreen writes it: {@code ps1.<key id>.<hex>}. */
    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("ps1\\.[0-9a-f]{8}\\.[0-9a-f]{16,64}");

    private static void deleteStudentPages(Path out) throws IOException {
        try (var s = Files.list(out.resolve("students"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, Object> studentView(
            ScoresJsonl.Entry n, RecordStore store, Scope scope, String token, ReportWriter.Options o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("token", token);
        v.put("school", n.school());
        v.put("grade", n.grade());
        v.put("class", n.klass());
        v.put("testDate", n.testDate() == null ? "" : n.testDate().toString());
        ScoresJsonl.Decision d = n.decision();
        String tier = d.tier();
        String label = o.policy()
                .tier(tier)
                .map(t -> t.label().zh() + " " + t.label().en())
                .orElse(tier);
        v.put("tier", label);
        v.put("policy", d.policy());
        List<String> follow = d.followUps().stream().map(Enum::name).toList();
        v.put("followUps", String.join(", ", follow));
        v.put("hasFollowUps", !follow.isEmpty());
        List<Map<String, Object>> fired = new ArrayList<>();
        for (ScoresJsonl.Firing f : d.fired()) {
            fired.add(Map.of("rule", f.rule(), "tier", f.tier(), "read", String.join("; ", f.read())));
        }
        v.put("fired", fired);
        List<Map<String, Object>> forms = new ArrayList<>();
        for (ScoresJsonl.Form f : n.forms().values()) {
            List<String> scales = new ArrayList<>();
            f.scales().forEach((scale, x) -> scales.add(scale + " " + (Double.isNaN(x) ? "—" : ReportWriter.clean(x))));
            forms.add(Map.of(
                    "instrument", f.instrument(), "status", f.status().name(), "scales", String.join(", ", scales)));
        }
        v.put("forms", forms);
        List<Map<String, Object>> norms = new ArrayList<>();
        for (ScoresJsonl.Norm x : n.norms().values()) {
            norms.add(Map.of(
                    "table",
                    x.table(),
                    "status",
                    x.status(),
                    "t",
                    Double.isNaN(x.t()) ? "—" : ReportWriter.clean(x.t()),
                    "percentile",
                    Double.isNaN(x.percentile()) ? "—" : ReportWriter.clean(x.percentile())));
        }
        v.put("norms", norms);
        if (store != null) {
            try {
                StudentHistory h = store.history(scope, token);
                List<Map<String, Object>> waves = new ArrayList<>();
                for (StudentHistory.Screening s : h.screenings()) {
                    List<String> changes = new ArrayList<>();
                    s.changes().stream()
                            .filter(c -> c.rci() != null)
                            .forEach(c ->
                                    changes.add(c.instrument() + "." + c.scale() + " " + ReportWriter.clean(c.change())
                                            + " (RCI " + String.format(Locale.ROOT, "%.2f", c.rci())
                                            + (c.reliable() ? ", 可靠变化 reliable" : "") + ")"));
                    waves.add(Map.of(
                            "wave", s.wave(),
                            "tier",
                                    s.decisions().isEmpty()
                                                    || s.decisions().get(0).tier() == null
                                            ? "—"
                                            : s.decisions().get(0).tier(),
                            "changes", String.join("; ", changes)));
                }
                v.put("history", waves);
                v.put("hasHistory", true);
                List<Map<String, Object>> timeline = ClosedLoopSection.timeline(h.cases(), o.policy());
                v.put("timeline", timeline);
                v.put("hasTimeline", !timeline.isEmpty());
            } catch (org.psyscreen.records.RecordStoreException e) {
                v.put("hasHistory", false);
            }
        }
        return v;
    }
}
