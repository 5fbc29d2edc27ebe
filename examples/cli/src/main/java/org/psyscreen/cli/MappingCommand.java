package org.psyscreen.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.student.Cells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psyscreen mapping}: writes a starting mapping for an export's header — platform columns it
 * knows under {@code ignore}, the student's fields it recognises, and the question columns assigned
 * in order to the instruments' items when their number matches — for the user to check and fill in.
 * Reads only the header row: no student's data is read or printed.
 */
@Command(
        name = "mapping",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a starting mapping (YAML) for an export's header: known platform columns under 'ignore', the"
                    + " student's fields it recognises (学号, 年级, 性别, 提交答卷时间 ...), and the question columns in"
                    + " order against the instruments' items. Check every line, add 'values' if answers are option"
                    + " text or numbered options, then give it to psyscreen score --mapping.",
            "Only the header row is read."
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen mapping --policy example-a-glad-pc export.csv > mapping.yaml",
            "  psyscreen mapping --instrument phq9 --sheet 数据 export.xlsx > mapping.yaml"
        })
final class MappingCommand implements Callable<Integer> {
    /**
     * Platform columns that are not data psyscreen reads (names, user ids and IPs are personal data):
     * 问卷星's (序号, 来源, 来自IP …), 腾讯问卷's (编号, 用户类型, 用户标识, 开始答题时间, 地理位置…,
     * 自定义字段, UA, Referrer, 清洗数据结果 …; see examples/tencent/README.md) and the empty header of a
     * trailing empty column.
     */
    static final List<String> PLATFORM = List.of(
            "序号",
            "来源",
            "来源详情",
            "来自ip",
            "ip",
            "ip地址",
            "总分",
            "姓名",
            "名字",
            "微信昵称",
            "昵称",
            "手机号",
            "手机",
            "设备",
            "浏览器",
            "操作系统",
            "用户id",
            "答卷编号",
            "编号",
            "用户类型",
            "用户标识",
            "开始答题时间",
            "地理位置国家和地区",
            "地理位置省",
            "地理位置市",
            "自定义字段",
            "ua",
            "referrer",
            "清洗数据结果",
            "智能清洗数据无效概率",
            "语言",
            "");

    /** A question number before a title, as platforms write it: {@code 1.学号}, {@code 1、学号}. */
    static final java.util.regex.Pattern QUESTION_NUMBER = java.util.regex.Pattern.compile("^\\d+\\s*[.、:]\\s*");

    /** Student fields by the names platforms and schools give them. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("学号", "student_id"),
            Map.entry("学籍号", "student_id"),
            Map.entry("考号", "student_id"),
            Map.entry("学生编号", "student_id"),
            Map.entry("学校", "school"),
            Map.entry("学校名称", "school"),
            Map.entry("班级", "class"),
            Map.entry("年级", "grade"),
            Map.entry("性别", "sex"),
            Map.entry("出生日期", "birth_date"),
            Map.entry("生日", "birth_date"),
            Map.entry("提交答卷时间", "test_date"),
            Map.entry("提交时间", "test_date"),
            Map.entry("结束答题时间", "test_date"),
            Map.entry("答题时间", "test_date"),
            Map.entry("测评日期", "test_date"),
            Map.entry("所用时间", "response_seconds"),
            Map.entry("答题时长", "response_seconds"),
            Map.entry("地区", "region"),
            Map.entry("区县", "region"));

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", description = "Policy whose instruments the export answers.")
    String policyId;

    @Option(names = "--instrument", paramLabel = "ID", description = "An instrument the export answers; repeatable.")
    List<String> instruments = new ArrayList<>();

    @Option(
            names = "--sheet",
            paramLabel = "NAME|N",
            description = "For an .xlsx export: the sheet [default: the first].")
    String sheet;

    @Mixin
    BundleOption bundleOption;

    @Parameters(paramLabel = "EXPORT", description = "The export (CSV or .xlsx); only its header row is read.")
    Path export;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (policyId == null && instruments.isEmpty()) {
            err.println("psyscreen mapping: give --policy ID or --instrument ID (what the export answers)");
            return 2;
        }
        Bundle bundle = bundleOption.load("mapping", err);
        var chosen = BundleOption.planSet(bundle, policyId, instruments, "mapping", err);
        if (chosen.isEmpty()) {
            return 2;
        }
        Map<String, ScoringPlan> plans = chosen.get();
        List<String> header;
        try {
            header = header(export, sheet);
        } catch (IOException e) {
            err.println("psyscreen mapping: " + export + ": " + e.getMessage());
            return 2;
        }
        List<String> items = new ArrayList<>();
        plans.forEach((id, plan) -> plan.itemIds().forEach(i -> items.add(id + "." + i)));

        List<String> ignore = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> questions = new ArrayList<>();
        for (String h : header) {
            String key = Cells.header(h); // as the batch compares it: a proposal it then matches the same way
            String title = QUESTION_NUMBER.matcher(key).replaceFirst(""); // 腾讯问卷 numbers every question
            if (PLATFORM.contains(key)) {
                ignore.add(h);
            } else if (FIELDS.containsKey(title) && !fields.containsValue(FIELDS.get(title))) {
                fields.put(h, FIELDS.get(title));
            } else if (items.contains(key) || key.equals("student_id")) {
                fields.put(h, key);
            } else {
                questions.add(h);
            }
        }
        boolean inOrder = questions.size() == items.size();
        out.println("# Starting mapping for " + export.getFileName() + " (" + header.size() + " columns), written by"
                + " psyscreen mapping.");
        out.println("# Check every line. "
                + (inOrder
                        ? "The " + questions.size() + " question columns were assigned in order to the " + items.size()
                                + " items of " + String.join(", ", plans.keySet()) + ": check the order."
                        : "There are " + questions.size() + " other columns and " + items.size() + " items: map each"
                                + " question column ('?') to its item, or list it under 'ignore'."));
        out.println("format: psyscreen-mapping/1");
        out.println("columns:");
        fields.forEach((h, f) -> out.println("  " + quote(h) + ": " + f));
        for (int q = 0; q < questions.size(); q++) {
            out.println("  " + quote(questions.get(q)) + ": " + (inOrder ? items.get(q) : "\"?\""));
        }
        out.println("ignore: ["
                + String.join(", ", ignore.stream().map(MappingCommand::quote).toList()) + "]");
        out.println("# values: how the answers were written, if not as the definitions' codes:");
        out.println("#   option text -> code, per instrument (or per column, e.g. phqa.q9):");
        for (var e : plans.entrySet()) {
            InstrumentDefinition d = e.getValue().definition();
            List<String> sets = new ArrayList<>();
            for (ResponseSet set : d.responseSets()) {
                List<String> codes = new ArrayList<>();
                set.codes()
                        .forEach(c -> codes.add("\"<text for " + (c.label() == null ? c.code() : c.label()) + ">\": \""
                                + c.code() + "\""));
                sets.add(String.join(", ", codes));
            }
            out.println("# " + e.getKey() + ": {" + String.join(", ", sets) + "}");
        }
        out.println("#   options numbered from 1 where a definition codes from 0: <instrument>: {offset: -1}");
        out.println("#   sex: {\"1\": male, \"2\": female}   # only if the export codes sex");
        out.println("# stage: junior   # primary, junior, senior or vocational: reads 2024级 cohorts");
        out.flush();
        return 0;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The header row of a CSV (UTF-8, else GB18030) or of an .xlsx sheet. */
    static List<String> header(Path file, String sheet) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a file");
        }
        String line;
        ResponseFile input = ResponseFile.of(file);
        if (input.format() == ResponseFile.Format.XLSX) {
            return input.withSheet(sheet).readHeader(); // read directly: no converted copy on disk
        }
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        try {
            line = firstLine(head, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            line = firstLine(head, Charset.forName("GB18030"));
        }
        return parse(line);
    }

    private static String firstLine(byte[] bytes, Charset cs) throws CharacterCodingException {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        String s = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes, 0, end))
                .toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static List<String> parse(String line) throws IOException {
        try (Reader r = new StringReader(line.strip());
                CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(r)) {
            return csv.stream().findFirst().map(CsvRecord::getFields).orElse(List.of());
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            // FastCSV stops at 16,384 fields (and at a quote left open): say which, never "failed".
            throw new IOException(
                    line.chars().filter(c -> c == ',').count() >= 16_384
                            ? "the header has more than 16,384 columns: not a survey export"
                            : "the header line cannot be read as CSV (a quote left open?)");
        }
    }
}
