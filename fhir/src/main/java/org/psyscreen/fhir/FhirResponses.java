package org.psyscreen.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.batch.ResponseRows;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.plan.ScoringPlan;

/**
 * QuestionnaireResponses as the rows of a run, and a response file written as QuestionnaireResponses.
 *
 * <p>One QuestionnaireResponse is one student's answers to one instrument: {@code questionnaire} is the
 * instrument's canonical URL ({@code …/Questionnaire/<id>}, optionally {@code |version}),
 * {@code subject.identifier.value} the student's id, {@code authored} the test date, each answered item's
 * {@code linkId} the item's id and its one answer a {@code valueCoding} (the response code), a
 * {@code valueInteger} or a {@code valueString} (a cell as the file had it). The student's other
 * fields (school, class, grade, region, sex, birth date) are extensions
 * {@code …/StructureDefinition/<field>}. The responses of one student on one date become one row, in
 * the order the students first appear, with every instrument's items as columns; a second response to
 * the same instrument starts a second row, so the run's duplicate-id check sees it. The rows are then
 * scored as the same cells read from a CSV: the same record checks, problem codes and counts.
 *
 * <p>A file is NDJSON (one resource per line) or one JSON Bundle of QuestionnaireResponses. One it cannot
 * read is refused whole (PSY-2014), naming the line or entry and the element, never a value.
 */
public final class FhirResponses {
    private FhirResponses() {}

    /** The student's fields a row carries before the items, as a response file names them. */
    public static final List<String> STUDENT_FIELDS =
            List.of("student_id", "school", "class", "grade", "sex", "birth_date", "test_date", "region");

    /** The fields written as extensions (all but the id and the date). */
    private static final List<String> EXTENSION_FIELDS =
            List.of("school", "class", "grade", "region", "sex", "birth_date");

    private static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");

    /**
     * Reads QuestionnaireResponses as rows to score.
     *
     * @param file NDJSON ({@code .ndjson}) or a JSON Bundle
     * @param plans the run's instruments, in the order their columns are written
     * @return the rows: those of {@link #STUDENT_FIELDS} any response carries (the id and the test date
     *     always), then {@code <instrument>.<item>} for every item
     * @throws IOException PSY-2014 when a response cannot be read; when the file cannot be read
     */
    public static ResponseRows read(Path file, Map<String, ScoringPlan> plans) throws IOException {
        List<String> header = new ArrayList<>(STUDENT_FIELDS);
        Map<String, Integer> column = new HashMap<>();
        for (ScoringPlan plan : plans.values()) {
            for (Item item : plan.definition().items()) {
                column.put(plan.definition().id() + "." + item.id(), header.size());
                header.add(plan.definition().id() + "." + item.id());
            }
        }
        List<String[]> rows = new ArrayList<>();
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>(); // student + date -> rows, newest last
        Map<Integer, java.util.Set<String>> instrumentsOf = new HashMap<>();
        Map<Integer, Integer> cut = new HashMap<>(); // rows the file had cut or run on: their cell count
        String name = file.getFileName().toString();
        forEach(file, (place, qr) -> {
            String id = qr.getSubject().getIdentifier().getValue();
            if (id == null || id.isBlank()) {
                throw refused(name, place, "subject.identifier.value", "has no student id");
            }
            String instrument = instrument(qr, plans, name, place);
            Extension asWritten = qr.getExtensionByUrl(Fhir.STUDENT_FIELD + "test_date");
            String date = qr.hasAuthored()
                    ? qr.getAuthoredElement().getValueAsString()
                    : asWritten != null && asWritten.getValue() != null
                            ? asWritten.getValue().primitiveValue()
                            : "";
            if (qr.hasAuthored() && date.length() > 10) {
                date = date.substring(0, 10); // the day a dateTime names
            }
            String sitting = qr.getEncounter().getIdentifier().getValue();
            List<Integer> candidates = rowsOf.computeIfAbsent(
                    sitting != null ? "\u0001" + sitting : id + "\u0000" + date, k -> new ArrayList<>());
            Integer row = candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
            if (row == null || !instrumentsOf.get(row).add(instrument)) {
                String[] cells = new String[header.size()];
                cells[STUDENT_FIELDS.indexOf("student_id")] = id;
                cells[STUDENT_FIELDS.indexOf("test_date")] = date;
                rows.add(cells);
                row = rows.size() - 1;
                candidates.add(row);
                instrumentsOf.put(row, new java.util.HashSet<>(List.of(instrument)));
            }
            String[] cells = rows.get(row);
            for (String field : EXTENSION_FIELDS) {
                Extension e = qr.getExtensionByUrl(Fhir.STUDENT_FIELD + field);
                if (e != null && e.getValue() != null) {
                    cells[STUDENT_FIELDS.indexOf(field)] = e.getValue().primitiveValue();
                }
            }
            answers(qr.getItem(), instrument, column, cells, name, place);
            Extension count = qr.getExtensionByUrl(Fhir.STUDENT_FIELD + "cells");
            if (count != null
                    && count.getValue() instanceof org.hl7.fhir.r4.model.IntegerType n
                    && n.getValue() != null) {
                cut.put(row, n.getValue());
            }
        });
        // The student's fields no response carries are left out, as a file without those columns would be
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            final int col = c;
            if (c >= STUDENT_FIELDS.size()
                    || header.get(c).equals("student_id")
                    || header.get(c).equals("test_date")
                    || rows.stream().anyMatch(r -> r[col] != null)) {
                keep.add(c);
            }
        }
        List<String> kept = keep.stream().map(header::get).toList();
        List<List<String>> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String[] full = rows.get(r);
            String[] cells = new String[keep.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = full[keep.get(c)];
            }
            Integer n = cut.get(r);
            out.add(n == null ? Arrays.asList(cells) : Arrays.asList(Arrays.copyOf(cells, n)));
        }
        return ResponseRows.of(name, kept, out);
    }

    private static void answers(
            List<QuestionnaireResponseItemComponent> items,
            String instrument,
            Map<String, Integer> column,
            String[] cells,
            String file,
            String place) {
        for (QuestionnaireResponseItemComponent item : items) {
            if (item.hasItem()) {
                answers(item.getItem(), instrument, column, cells, file, place); // a group's questions
            }
            if (!item.hasAnswer()) {
                continue;
            }
            Integer c = column.get(instrument + "." + item.getLinkId());
            if (c == null) {
                throw refused(file, place, itemName(item.getLinkId()), "is not an item of " + instrument);
            }
            if (item.getAnswer().size() > 1) {
                throw refused(file, place, "item " + item.getLinkId(), "has more than one answer");
            }
            Type v = item.getAnswer().get(0).getValue();
            String cell = v instanceof Coding coding ? coding.getCode() : v == null ? null : v.primitiveValue();
            if (cell == null) {
                throw refused(
                        file, place, "item " + item.getLinkId(), "has an answer that is not a code, number or text");
            }
            cells[c] = cell;
        }
    }

    /** An unknown linkId is named only when it looks like an item id: a file's text is never echoed. */
    private static String itemName(String linkId) {
        return linkId != null && ITEM_ID.matcher(linkId).matches() ? "item " + linkId : "an item's linkId";
    }

    private static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private static String instrument(
            QuestionnaireResponse qr, Map<String, ScoringPlan> plans, String file, String place) {
        String canonical = qr.getQuestionnaire();
        if (canonical == null || !canonical.startsWith(Fhir.QUESTIONNAIRE)) {
            throw refused(file, place, "questionnaire", "is not a psyscreen instrument's Questionnaire");
        }
        String rest = canonical.substring(Fhir.QUESTIONNAIRE.length());
        int bar = rest.indexOf('|');
        String id = bar < 0 ? rest : rest.substring(0, bar);
        for (ScoringPlan plan : plans.values()) {
            InstrumentDefinition d = plan.definition();
            if (d.id().equals(id) && (bar < 0 || d.version().equals(rest.substring(bar + 1)))) {
                return id;
            }
        }
        throw refused(file, place, "questionnaire", "names an instrument (or version) the run does not score");
    }

    /** What {@link #forEach} hands over: a response and where it was. */
    @FunctionalInterface
    private interface Each {
        void accept(String place, QuestionnaireResponse qr);
    }

    private static void forEach(Path file, Each each) throws IOException {
        IParser parser = Fhir.r4().newJsonParser();
        String name = file.getFileName().toString();
        if (name.endsWith(".ndjson")) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                long line = 0;
                while (true) {
                    String text;
                    try {
                        text = in.readLine();
                    } catch (java.nio.charset.CharacterCodingException e) {
                        throw refused(name, "line " + (line + 1), "the text", "is not UTF-8");
                    }
                    if (text == null) {
                        break;
                    }
                    line++;
                    if (!text.isBlank()) {
                        each.accept("line " + line, response(parser, text, name, "line " + line));
                    }
                }
            }
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw refused(name, "the file", "the text", "is not UTF-8");
        }
        IBaseResource r = parse(parser, text, name, "the file");
        if (!(r instanceof Bundle bundle)) {
            throw refused(name, "the file", "resourceType", "is neither NDJSON nor a Bundle");
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            String place = "entry " + i;
            if (!(bundle.getEntry().get(i).getResource() instanceof QuestionnaireResponse qr)) {
                throw refused(name, place, "resource", "is not a QuestionnaireResponse");
            }
            each.accept(place, qr);
        }
    }

    private static QuestionnaireResponse response(IParser parser, String text, String file, String place) {
        if (parse(parser, text, file, place) instanceof QuestionnaireResponse qr) {
            return qr;
        }
        throw refused(file, place, "resourceType", "is not a QuestionnaireResponse");
    }

    private static IBaseResource parse(IParser parser, String text, String file, String place) {
        try {
            return parser.parseResource(text);
        } catch (RuntimeException e) {
            // HAPI's parser on untrusted text throws DataFormatException, and on some shapes other runtime
            // exceptions (an index out of range: FhirFuzzTest's seeds); its message may quote the text: name the place
            // only
            throw refused(file, place, "the resource", "is not FHIR JSON");
        }
    }

    private static FhirSourceException refused(String file, String place, String element, String what) {
        return new FhirSourceException(ProblemCode.FILE_NOT_QUESTIONNAIRE_RESPONSES.id() + " " + file + ", " + place
                + ": " + element + " " + what + "; nothing was scored");
    }

    /** A FHIR input refused: its message names the place, never a value. */
    public static final class FhirSourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FhirSourceException(String message) {
            super(message);
        }
    }

    /**
     * Writes a response file's records as QuestionnaireResponses, one per student and instrument that
     * has an answer (a student with none gets one empty response, so that no student is lost), as NDJSON.
     *
     * @param file a response file whose header names the student's fields and {@code <instrument>.<item>}
     *     columns, as psyscreen's own files do
     * @param plans the instruments to write
     * @param out the NDJSON file to write
     * @return how many responses were written
     * @throws IOException when the file cannot be read or the output written
     */
    public static long write(ResponseFile file, Map<String, ScoringPlan> plans, Path out) throws IOException {
        IParser parser = Fhir.r4().newJsonParser();
        long[] written = {0};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            IOException[] failed = {null};
            file.read(new ResponseFile.Visitor() {
                Map<String, Integer> at = new HashMap<>();
                int width;
                long sitting;

                @Override
                public void header(List<String> columns) {
                    width = columns.size();
                    for (int i = 0; i < columns.size(); i++) {
                        at.putIfAbsent(columns.get(i), i);
                    }
                }

                @Override
                public void record(long line, List<String> cells) {
                    if (failed[0] != null) {
                        return;
                    }
                    List<QuestionnaireResponse> responses = new ArrayList<>();
                    boolean cutOrLong = cells.size() != width;
                    for (ScoringPlan plan : plans.values()) {
                        QuestionnaireResponse qr = cutOrLong ? null : response(plan, cells, at);
                        if (qr != null) {
                            responses.add(qr);
                        }
                    }
                    if (responses.isEmpty()) {
                        QuestionnaireResponse empty =
                                start(plans.values().iterator().next(), cells, at);
                        empty.setStatus(QuestionnaireResponseStatus.INPROGRESS);
                        responses.add(empty);
                    }
                    sitting++;
                    for (QuestionnaireResponse qr : responses) {
                        // one sitting: the record's responses belong together, even for a repeated id
                        qr.setEncounter(new Reference()
                                .setIdentifier(
                                        new Identifier().setSystem(Fhir.SITTING).setValue("record-" + sitting)));
                        if (cutOrLong) {
                            // a cut or run-on record keeps its cell count: the run refuses to read it by position
                            qr.addExtension(
                                    Fhir.STUDENT_FIELD + "cells", new org.hl7.fhir.r4.model.IntegerType(cells.size()));
                        }
                    }
                    try {
                        for (QuestionnaireResponse qr : responses) {
                            w.write(parser.encodeResourceToString(qr));
                            w.write('\n');
                            written[0]++;
                        }
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return written[0];
    }

    private static String cell(List<String> cells, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        String v = i == null || i >= cells.size() ? null : cells.get(i);
        return v == null || v.isEmpty() ? null : v;
    }

    private static QuestionnaireResponse start(ScoringPlan plan, List<String> cells, Map<String, Integer> at) {
        InstrumentDefinition d = plan.definition();
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setQuestionnaire(Fhir.QUESTIONNAIRE + d.id() + "|" + d.version());
        qr.setStatus(QuestionnaireResponseStatus.COMPLETED);
        String id = cell(cells, at, "student_id");
        qr.setSubject(new Reference().setIdentifier(new Identifier().setValue(id == null ? "" : id)));
        String date = cell(cells, at, "test_date");
        if (date != null) {
            try {
                qr.setAuthoredElement(new DateTimeType(date));
            } catch (DataFormatException e) {
                qr.addExtension(Fhir.STUDENT_FIELD + "test_date", new StringType(date)); // kept as the file had it
            }
        }
        for (String field : EXTENSION_FIELDS) {
            String v = cell(cells, at, field);
            if (v != null) {
                qr.addExtension(Fhir.STUDENT_FIELD + field, new StringType(v));
            }
        }
        return qr;
    }

    private static QuestionnaireResponse response(ScoringPlan plan, List<String> cells, Map<String, Integer> at) {
        InstrumentDefinition d = plan.definition();
        QuestionnaireResponse qr = null;
        for (Item item : d.items()) {
            String v = cell(cells, at, d.id() + "." + item.id());
            if (v == null) {
                continue;
            }
            if (qr == null) {
                qr = start(plan, cells, at);
            }
            QuestionnaireResponseItemAnswerComponent a =
                    qr.addItem().setLinkId(item.id()).addAnswer();
            String system =
                    FhirQuestionnaires.system(d, d.responseSet(item.responses()).orElseThrow());
            a.setValue(CODE.matcher(v).matches() ? new Coding(system, v, null) : new StringType(v));
        }
        return qr;
    }
}
