package org.psyscreen.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.plan.ScoringPlan;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * A run's {@code summary.json}, as written and as read back: the run's manifest. It names the format
 * version of itself ({@code format}) and of every run file it lists ({@code formats}); a reader of
 * another version is refused with a clear message rather than misread. This class holds the file's
 * schema, its writer and its typed reader; no other module knows its keys.
 *
 * @param format this file's format version
 * @param formats each listed run file's format version, by file name
 * @param input the input file's name as given
 * @param inputSha256 SHA-256 of the input bytes
 * @param encoding the encoding read
 * @param recordsIn data records read
 * @param recordsOut output records written
 * @param countsMatch whether every record read produced exactly one output record
 * @param blankLines blank lines skipped
 * @param scored whether the file was scored (no file-level error)
 * @param fileProblems the first {@link BatchScorer#MAX_LISTED_PROBLEMS} file-level problems
 * @param fileProblemsNotListed how many more there were
 * @param statusCounts per instrument, records by form status
 * @param tierCounts records by outcome id
 * @param problemCounts records by problem code
 * @param problemMeanings what each code seen means
 * @param outputs the files of the run folder
 * @param policy the policy's {@code id@version}, or empty
 * @param keyId the pseudonymisation key's id, or empty
 * @param instruments each instrument's {@code id@version} and definition hash, by instrument id
 * @param engineVersion the engine version
 * @param millis the run's wall-clock duration
 */
public record SummaryJson(
        int format,
        Map<String, Integer> formats,
        String input,
        String inputSha256,
        String encoding,
        long recordsIn,
        long recordsOut,
        boolean countsMatch,
        long blankLines,
        boolean scored,
        List<String> fileProblems,
        long fileProblemsNotListed,
        Map<String, Map<String, Long>> statusCounts,
        Map<String, Long> tierCounts,
        Map<String, Long> problemCounts,
        Map<String, String> problemMeanings,
        List<String> outputs,
        String policy,
        String keyId,
        Map<String, Definition> instruments,
        String engineVersion,
        long millis) {

    /** The file's name in a run folder. */
    public static final String FILE = "summary.json";

    /** The format version this class writes and reads. */
    public static final int FORMAT = 1;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * An instrument definition a run used.
     *
     * @param key its {@code id@version}
     * @param sha256 the definition's content hash
     */
    public record Definition(String key, String sha256) {}

    /** Each plan's instrument {@code id@version} and definition hash, by instrument id, in plan order. */
    static Map<String, Definition> definitions(Map<String, ScoringPlan> plans) {
        Map<String, Definition> out = new LinkedHashMap<>();
        plans.forEach((id, p) -> out.put(id, new Definition(p.key(), p.sha256())));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Refuses a run file this summary does not list in {@code version}.
     *
     * @param file the run file's name
     * @param version the format version the caller reads
     * @throws RunFileException when the file is not listed, or in another version
     */
    public void requireFormat(String file, int version) {
        Integer written = formats.get(file);
        if (written == null) {
            throw new RunFileException(FILE + " does not list " + file + " (the run was scored without it, or the"
                    + " folder was edited)");
        }
        if (written != version) {
            throw new RunFileException(file + " is format " + written + " and this psyscreen reads format " + version
                    + ": score the input again with this version");
        }
    }

    /** {@return true when the run was scored and every record read produced one output record} */
    public boolean finished() {
        return scored && countsMatch && recordsOut >= 0;
    }

    /**
     * Reads the summary of the run folder {@code runDir}.
     *
     * @param runDir the folder {@code psyscreen score} wrote
     * @return the summary
     * @throws RunFileException when there is none, it is damaged, or it is of another format version
     */
    public static SummaryJson read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new RunFileException(runDir.getFileName() + " is not a finished psyscreen run (no " + FILE
                    + "): give the folder 'psyscreen score' wrote");
        }
        JsonNode s;
        try {
            s = JsonReading.MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw damaged("cannot be read");
        }
        if (!s.isObject()) {
            throw damaged("is not a JSON object");
        }
        JsonNode format = s.path("format");
        if (!format.isIntegralNumber()) {
            throw new RunFileException(FILE + " has no format version: it was written by a psyscreen before run"
                    + " files had one, or edited; score the input again");
        }
        if (format.asInt() != FORMAT) {
            throw new RunFileException(FILE + " is format " + format.asInt() + " and this psyscreen reads format "
                    + FORMAT + ": score the input again with this version");
        }
        try {
            Map<String, Map<String, Long>> status = new TreeMap<>();
            int statusAt = 0;
            for (var e : object(s, "statusCounts").properties()) {
                status.put(e.getKey(), counts(e.getValue(), "statusCounts entry " + ++statusAt));
            }
            Map<String, Definition> instruments = new LinkedHashMap<>();
            int instrumentAt = 0;
            for (var e : object(s, "instruments").properties()) {
                String where = "instruments entry " + ++instrumentAt;
                instruments.put(
                        e.getKey(),
                        new Definition(text(e.getValue(), where, "key"), text(e.getValue(), where, "sha256")));
            }
            Map<String, Integer> formats = new LinkedHashMap<>();
            int formatAt = 0;
            for (var e : object(s, "formats").properties()) {
                formatAt++;
                if (!e.getValue().isIntegralNumber()) {
                    throw damaged("formats entry " + formatAt + " is not a version number");
                }
                formats.put(e.getKey(), e.getValue().asInt());
            }
            Map<String, String> meanings = new TreeMap<>();
            int meaningAt = 0;
            for (var e : object(s, "problemMeanings").properties()) {
                meaningAt++;
                if (!e.getValue().isString()) {
                    throw damaged("problemMeanings entry " + meaningAt + " is not text");
                }
                meanings.put(e.getKey(), e.getValue().asString());
            }
            return new SummaryJson(
                    FORMAT,
                    Collections.unmodifiableMap(formats),
                    text(s, null, "input"),
                    text(s, null, "inputSha256"),
                    text(s, null, "encoding"),
                    whole(s, "recordsIn"),
                    whole(s, "recordsOut"),
                    flag(s, "countsMatch"),
                    whole(s, "blankLines"),
                    flag(s, "scored"),
                    texts(s, "fileProblems"),
                    whole(s, "fileProblemsNotListed"),
                    Collections.unmodifiableMap(status),
                    counts(s.path("tierCounts"), "tierCounts"),
                    counts(s.path("problemCounts"), "problemCounts"),
                    Collections.unmodifiableMap(meanings),
                    texts(s, "outputs"),
                    text(s, null, "policy"),
                    text(s, null, "keyId"),
                    Collections.unmodifiableMap(instruments),
                    text(s, null, "engineVersion"),
                    whole(s, "millis"));
        } catch (JacksonException e) {
            throw damaged("has a field of the wrong type");
        }
    }

    private static RunFileException damaged(String what) {
        return new RunFileException(FILE + " " + what + " (cut, damaged or edited): score the input again");
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isObject()) {
            throw damaged(field + " is not an object");
        }
        return v;
    }

    private static String text(JsonNode n, String where, String field) {
        JsonNode v = n.path(field);
        if (!v.isString()) {
            throw damaged((where == null ? "" : where + ", field ") + field + " is not text");
        }
        return v.asString();
    }

    private static long whole(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isIntegralNumber()) {
            throw damaged(field + " is not a whole number");
        }
        return v.asLong();
    }

    private static boolean flag(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isBoolean()) {
            throw damaged(field + " is not true or false");
        }
        return v.asBoolean();
    }

    private static List<String> texts(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isArray()) {
            throw damaged(field + " is not a list");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isString()) {
                throw damaged(field + " holds something that is not text");
            }
            out.add(x.asString());
        }
        return List.copyOf(out);
    }

    private static Map<String, Long> counts(JsonNode v, String field) {
        if (!v.isObject()) {
            throw damaged(field + " is not an object");
        }
        Map<String, Long> out = new TreeMap<>();
        int at = 0;
        for (var e : v.properties()) {
            at++;
            if (!e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
                throw damaged(field + ", entry " + at + " is not a count");
            }
            out.put(e.getKey(), e.getValue().asLong());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The format version of each run file psyscreen writes, by name ({@code null} for others). */
    static Integer formatOf(String file) {
        return switch (file) {
            case FILE -> FORMAT;
            case ScoresJsonl.FILE -> ScoresJsonl.FORMAT;
            case ScoresCsv.FILE -> ScoresCsv.FORMAT;
            case RollupTable.FILE -> RollupTable.FORMAT;
            default -> null;
        };
    }

    /** Writes {@code s} with the definitions of {@code plans}. */
    static void write(RunSummary s, Map<String, ScoringPlan> plans, OutputStream os) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), os)) {
            g.writeStartObject();
            g.writeNumberProperty("format", FORMAT);
            g.writeObjectPropertyStart("formats");
            for (String o : s.outputs()) {
                Integer v = formatOf(o);
                if (v != null) {
                    g.writeNumberProperty(o, v);
                }
            }
            g.writeEndObject();
            g.writeStringProperty("input", s.input());
            g.writeStringProperty("inputSha256", s.inputSha256());
            g.writeStringProperty("encoding", s.encoding());
            g.writeNumberProperty("recordsIn", s.recordsIn());
            g.writeNumberProperty("recordsOut", s.recordsOut());
            g.writeBooleanProperty("countsMatch", s.countsMatch());
            g.writeNumberProperty("blankLines", s.blankLines());
            g.writeBooleanProperty("scored", s.scored());
            g.writeArrayPropertyStart("fileProblems");
            List<Problem> all = s.fileProblems().all();
            for (Problem p : all.subList(0, Math.min(all.size(), BatchScorer.MAX_LISTED_PROBLEMS))) {
                g.writeString(p.format());
            }
            g.writeEndArray();
            g.writeNumberProperty("fileProblemsNotListed", Math.max(0, all.size() - BatchScorer.MAX_LISTED_PROBLEMS));
            g.writeObjectPropertyStart("statusCounts");
            for (var e : s.statusCounts().entrySet()) {
                writeCounts(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            writeCounts(g, "tierCounts", s.tierCounts());
            writeCounts(g, "problemCounts", s.codeCounts());
            // What each code seen means, so the summary reads without the documentation.
            Map<String, String> meanings = new TreeMap<>();
            s.codeCounts().keySet().forEach(c -> meanings.put(c, BatchScorer.meaning(c)));
            all.forEach(p -> meanings.put(p.code().id(), p.code().summary()));
            g.writeObjectPropertyStart("problemMeanings");
            for (var e : meanings.entrySet()) {
                g.writeStringProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayPropertyStart("outputs");
            for (String o : s.outputs()) {
                g.writeString(o);
            }
            g.writeEndArray();
            g.writeStringProperty("policy", s.policy());
            g.writeStringProperty("keyId", s.keyId());
            // Each instrument's version and definition hash, once per run (not on every record).
            g.writeObjectPropertyStart("instruments");
            for (var e : definitions(plans).entrySet()) {
                g.writeObjectPropertyStart(e.getKey());
                g.writeStringProperty("key", e.getValue().key());
                g.writeStringProperty("sha256", e.getValue().sha256());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeStringProperty("engineVersion", s.engineVersion());
            g.writeNumberProperty("millis", s.millis());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeCounts(JsonGenerator g, String name, Map<String, Long> counts) {
        g.writeObjectPropertyStart(name);
        for (var e : counts.entrySet()) {
            g.writeNumberProperty(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
