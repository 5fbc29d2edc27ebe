package org.psyscreen.internal.tree;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML or JSON document into a {@link Node} tree, refusing everything that parsers
 * otherwise accept silently: duplicate keys (last wins), anchors and aliases (billion laughs),
 * tags, several documents in one file, invalid UTF-8, and input beyond fixed size limits.
 *
 * <p>Thread-safe: the factories are immutable and shared.
 */
public final class StrictTreeReader {
    /** Largest definition, norm or policy file accepted. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final int MAX_DEPTH = 64;
    private static final int MAX_STRING = 64 * 1024;
    private static final int MAX_NUMBER = 64;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING)
            .maxNumberLength(MAX_NUMBER)
            .maxNameLength(1024)
            .maxDocumentLength(MAX_BYTES)
            .build();

    private static final TokenStreamFactory YAML =
            YAMLFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final TokenStreamFactory JSON =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    /** The result: a tree when reading succeeded, and the problems met on the way. */
    public record Result(Optional<Node> root, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private YAMLParser yamlParser;

    private StrictTreeReader(String file) {
        this.file = file;
    }

    /**
     * Reads {@code content}. JSON when the name ends in {@code .json}, YAML otherwise.
     *
     * @param file the name used in problem locations
     * @param content the file's bytes
     */
    public static Result read(String file, byte[] content) {
        return new StrictTreeReader(file).run(content);
    }

    private Result run(byte[] content) {
        if (content.length > MAX_BYTES) {
            error(
                    ProblemCode.FILE_TOO_LARGE,
                    SourceLocation.ofFile(file),
                    "file has " + content.length + " bytes; at most " + MAX_BYTES + " are read",
                    "split the file or remove what it does not need");
            return new Result(Optional.empty(), problems);
        }
        int start = hasUtf8Bom(content) ? 3 : 0;
        if (!validUtf8(content, start)) {
            return new Result(Optional.empty(), problems);
        }
        // The YAML parser builds a long scalar before any limit sees it (seconds and hundreds of MB
        // for one 3-million-character label): refuse an over-long line before parsing.
        int line = 1;
        int lineStart = start;
        for (int i = start; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i - lineStart > MAX_STRING) {
                    error(
                            ProblemCode.LIMIT_EXCEEDED,
                            new SourceLocation(file, line, 1),
                            "line " + line + " has " + (i - lineStart) + " bytes; a line has at most " + MAX_STRING,
                            "strings are at most " + MAX_STRING + " characters: shorten the value on this line");
                    return new Result(Optional.empty(), problems);
                }
                line++;
                lineStart = i + 1;
            }
        }
        boolean json = file.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        TokenStreamFactory factory = json ? JSON : YAML;
        Reader reader = new InputStreamReader(
                new ByteArrayInputStream(content, start, content.length - start), StandardCharsets.UTF_8);
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), reader)) {
            yamlParser = parser instanceof YAMLParser y ? y : null;
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    error(
                            ProblemCode.SYNTAX,
                            new SourceLocation(file, 1, 1),
                            "the file is empty",
                            "write the definition as a mapping, starting with 'format:'");
                    return new Result(Optional.empty(), problems);
                }
                Node root = readValue(parser, first);
                JsonToken after = parser.nextToken();
                if (after != null) {
                    error(
                            ProblemCode.MULTIPLE_DOCUMENTS,
                            location(parser),
                            "a second document follows the first",
                            "keep one document per file: remove '---' and what follows, or split the file");
                }
                return new Result(Optional.ofNullable(root), problems);
            } catch (StreamConstraintsException e) {
                error(
                        ProblemCode.LIMIT_EXCEEDED,
                        location(e, parser),
                        describeLimit(e),
                        "nest at most " + MAX_DEPTH + " levels; strings at most " + MAX_STRING
                                + " characters; numbers at most " + MAX_NUMBER + " digits");
            } catch (JacksonException e) {
                error(
                        ProblemCode.SYNTAX,
                        location(e, parser),
                        syntaxMessage(e.getOriginalMessage()),
                        "fix the syntax at this place (check indentation, quotes and brackets)");
            }
        } catch (JacksonException e) {
            error(
                    ProblemCode.SYNTAX,
                    SourceLocation.ofFile(file),
                    syntaxMessage(e.getOriginalMessage()),
                    "fix the syntax at this place (check indentation, quotes and brackets)");
        }
        return new Result(Optional.empty(), problems);
    }

    private Node readValue(JsonParser p, JsonToken token) {
        SourceLocation loc = location(p);
        if (yamlParser != null) {
            if (yamlParser.isCurrentAlias()) {
                error(
                        ProblemCode.YAML_ALIAS,
                        loc,
                        "YAML aliases ('*name') and merge keys are not allowed",
                        "write the value out in full; definitions must not use anchors or aliases");
                return new ScalarNode(loc, ScalarNode.Type.NULL, null);
            }
            String tag = yamlParser.getTypeId();
            if (tag != null) {
                error(
                        ProblemCode.YAML_TAG,
                        loc,
                        "YAML tags ('!!type' or '!tag') are not allowed",
                        "remove the tag; quote the value if it must be text");
            }
        }
        switch (token) {
            case START_OBJECT:
                return readMap(p, loc);
            case START_ARRAY:
                return readList(p, loc);
            case VALUE_STRING:
                return new ScalarNode(loc, ScalarNode.Type.STRING, p.getString());
            case VALUE_NUMBER_INT:
                return new ScalarNode(loc, ScalarNode.Type.INTEGER, p.getString());
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(loc, ScalarNode.Type.DECIMAL, p.getString());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(loc, ScalarNode.Type.BOOLEAN, p.getString());
            case VALUE_NULL:
                return new ScalarNode(loc, ScalarNode.Type.NULL, null);
            default:
                error(ProblemCode.SYNTAX, loc, "unexpected " + token, "fix the syntax at this place");
                return new ScalarNode(loc, ScalarNode.Type.NULL, null);
        }
    }

    private MapNode readMap(JsonParser p, SourceLocation loc) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t == null) {
                throw new IllegalStateException("parser ended inside a mapping");
            }
            String key = p.currentName();
            SourceLocation keyLoc = location(p);
            if (yamlParser != null && yamlParser.isCurrentAlias()) {
                error(
                        ProblemCode.YAML_ALIAS,
                        keyLoc,
                        "YAML aliases and merge keys are not allowed",
                        "write the key out in full");
            }
            Node value = readValue(p, p.nextToken());
            SourceLocation earlier = keys.get(key);
            if (earlier != null) {
                error(
                        ProblemCode.DUPLICATE_KEY,
                        keyLoc,
                        "key '" + key + "' appears twice in this mapping (first at line " + earlier.line() + ")",
                        "keep one '" + key + "' entry; parsers silently keep only the last one");
                continue;
            }
            entries.put(key, value);
            keys.put(key, keyLoc);
        }
        return new MapNode(loc, entries, keys);
    }

    private ListNode readList(JsonParser p, SourceLocation loc) {
        List<Node> elements = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IllegalStateException("parser ended inside a list");
            }
            elements.add(readValue(p, t));
        }
        return new ListNode(loc, elements);
    }

    private boolean validUtf8(byte[] content, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(content.length + 1), true);
        if (!result.isError()) {
            return true;
        }
        int bad = in.position();
        int line = 1;
        for (int i = start; i < bad; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        error(
                ProblemCode.ENCODING,
                new SourceLocation(file, line, 0),
                "byte offset " + bad + " is not valid UTF-8",
                "save the file as UTF-8 (GBK/GB18030 definitions are not read)");
        return false;
    }

    private static boolean hasUtf8Bom(byte[] c) {
        return c.length >= 3 && (c[0] & 0xFF) == 0xEF && (c[1] & 0xFF) == 0xBB && (c[2] & 0xFF) == 0xBF;
    }

    private SourceLocation location(JsonParser p) {
        return toLocation(p.currentTokenLocation());
    }

    /** The exception's location, or the parser's when the exception has none (limit checks). */
    private SourceLocation location(JacksonException e, JsonParser p) {
        TokenStreamLocation l = e.getLocation();
        if (l == null || l.getLineNr() <= 0) {
            l = p.currentLocation();
        }
        return l == null ? SourceLocation.ofFile(file) : toLocation(l);
    }

    private SourceLocation toLocation(TokenStreamLocation l) {
        return new SourceLocation(file, Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
    }

    private static String describeLimit(StreamConstraintsException e) {
        // Jackson names its own API in the message ("from `StreamReadConstraints...`"); drop that part.
        String m = firstLine(e.getOriginalMessage()).replaceAll(",? from `[^`]*`", "");
        return m.isEmpty() ? "a size limit was exceeded" : m;
    }

    /**
     * The parser's own words without its source excerpts: SnakeYAML writes "while parsing X", a
     * location line, a quoted excerpt, then what it expected. Keep the sentences, drop the rest.
     */
    private static String syntaxMessage(String s) {
        if (s == null) {
            return "syntax error";
        }
        List<String> kept = new ArrayList<>();
        for (String line : s.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || line.startsWith(" ") || t.startsWith("in reader") || t.equals("^")) {
                continue;
            }
            kept.add(t);
        }
        return kept.isEmpty() ? "syntax error" : String.join("; ", kept);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private void error(ProblemCode code, SourceLocation loc, String message, String fix) {
        problems.add(new Problem(code, Severity.ERROR, loc, "", message, fix));
    }
}
