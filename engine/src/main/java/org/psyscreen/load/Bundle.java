package org.psyscreen.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.diagnostic.DefinitionException;
import org.psyscreen.diagnostic.Problem;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.diagnostic.Problems;
import org.psyscreen.diagnostic.Severity;
import org.psyscreen.diagnostic.SourceLocation;
import org.psyscreen.internal.resources.ResourceIndex;
import org.psyscreen.internal.tree.StrictTreeReader;
import org.psyscreen.norm.NormTable;
import org.psyscreen.norm.NormTableDefinition;
import org.psyscreen.plan.PlanCompiler;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.screening.Screener;
import org.psyscreen.spi.CutoffPolicyProvider;
import org.psyscreen.tier.CutoffPolicy;
import org.psyscreen.tier.DeclarativePolicy;

/**
 * Everything a run may use: instrument definitions, norm tables and tier policies, from the data
 * jars on a class path (bundled) and from users' folders and files, each recognised by its
 * {@code format:} line in any folder layout. Policies may also come from Java
 * {@link CutoffPolicyProvider}s. Loaded once, immutable afterwards.
 *
 * <p>Nothing is dropped silently: every file that does not load is an {@link Entry} with its
 * problems, and {@link #problems()} lists them all. References resolve exactly by
 * {@code id@version}: a policy that pins {@code phq9@2.0.0} gets that version or a load error,
 * never another version that happens to share the id.
 */
public final class Bundle {
    /** What a file is, from its {@code format:} line. */
    public enum Kind {
        /** An instrument definition ({@value InstrumentDefinition#FORMAT}). */
        INSTRUMENT(InstrumentDefinition.FORMAT),
        /** A norm table ({@value NormTableDefinition#FORMAT}). */
        NORMS(NormTableDefinition.FORMAT),
        /** A tier policy ({@value DeclarativePolicy#FORMAT}). */
        POLICY(DeclarativePolicy.FORMAT);

        private final String format;

        Kind(String format) {
            this.format = format;
        }

        /** {@return the {@code format:} value that marks this kind} */
        public String format() {
            return format;
        }
    }

    /**
     * One file (or Java policy) the bundle saw.
     *
     * @param kind what it is
     * @param key {@code id@version} when it loaded, else empty
     * @param origin {@code bundled <resource>}, the file's path, or {@code java <class>}
     * @param problems everything found while loading it (warnings included)
     */
    public record Entry(Kind kind, String key, String origin, Problems problems) {
        /** {@return true when it loaded without errors} */
        public boolean ok() {
            return !key.isEmpty() && !problems.hasErrors();
        }
    }

    private static final Pattern FORMAT_LINE =
            Pattern.compile("(?m)^\\s*\"?format\"?\\s*:\\s*[\"']?(psyscreen-[A-Za-z0-9-]+/[0-9]+)");

    private final Map<String, InstrumentDefinition> instruments;
    private final Map<String, String> instrumentSha;
    private final Map<String, NormTable> norms;
    private final Map<String, List<CutoffPolicy>> policies;
    private final List<Entry> entries;
    private final Problems problems;
    private final Map<String, ScoringPlan> compiled = new ConcurrentHashMap<>();

    private Bundle(Builder b) {
        List<Entry> seen = new ArrayList<>();
        List<Problem> global = new ArrayList<>(b.problems);
        Map<String, InstrumentDefinition> defs = new LinkedHashMap<>();
        Map<String, String> sha = new LinkedHashMap<>();
        for (Source s : b.sources(Kind.INSTRUMENT)) {
            LoadResult<InstrumentDefinition> r = s.stamped
                    ? DefinitionLoader.loadStamped(s.name, s.content)
                    : DefinitionLoader.load(s.name, s.content);
            Problems p = r.problems();
            String key = "";
            if (r.ok()) {
                InstrumentDefinition d = r.value().orElseThrow();
                String earlier = sha.get(d.key());
                if (earlier != null && !earlier.equals(r.sha256())) {
                    p = Problems.of(List.of(duplicate(s.name, d.key(), "instrument")));
                } else if (earlier == null) {
                    defs.put(d.key(), d);
                    sha.put(d.key(), r.sha256());
                    key = d.key();
                } else {
                    key = d.key(); // the same file seen twice (e.g. a folder that holds a bundled copy)
                }
            }
            seen.add(new Entry(Kind.INSTRUMENT, key, s.origin, p));
        }
        this.instruments = Collections.unmodifiableMap(defs);
        this.instrumentSha = Map.copyOf(sha);

        Map<String, NormTable> tables = new LinkedHashMap<>();
        for (Source s : b.sources(Kind.NORMS)) {
            LoadResult<NormTable> r = NormTableLoader.load(s.name, s.content, this::instrument);
            Problems p = r.problems();
            String key = "";
            if (r.ok()) {
                NormTable t = r.value().orElseThrow();
                NormTable earlier = tables.get(t.key());
                if (earlier != null && !earlier.sha256().equals(t.sha256())) {
                    p = Problems.of(List.of(duplicate(s.name, t.key(), "norm table")));
                } else {
                    tables.putIfAbsent(t.key(), t);
                    key = t.key();
                }
            }
            seen.add(new Entry(Kind.NORMS, key, s.origin, p));
        }
        this.norms = Collections.unmodifiableMap(tables);

        Map<String, List<CutoffPolicy>> byId = new LinkedHashMap<>();
        Map<String, DeclarativePolicy> files = new LinkedHashMap<>();
        for (Source s : b.sources(Kind.POLICY)) {
            LoadResult<DeclarativePolicy> r = PolicyLoader.load(s.name, s.content, this::instrument, this::norm);
            String key = "";
            if (r.ok()) {
                DeclarativePolicy p = r.value().orElseThrow();
                if (byId.getOrDefault(p.id(), List.of()).stream()
                        .noneMatch(x -> x.key().equals(p.key()))) {
                    files.put(s.name, p);
                    byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
                }
                key = p.key();
            }
            seen.add(new Entry(Kind.POLICY, key, s.origin, r.problems()));
        }
        global.addAll(PolicyLoader.checkTogether(files).all());
        for (ClassLoader cl : b.providers) {
            for (CutoffPolicyProvider provider : ServiceLoader.load(CutoffPolicyProvider.class, cl)) {
                for (CutoffPolicy p : provider.policies()) {
                    if (!byId.containsKey(p.id())) {
                        byId.put(p.id(), new ArrayList<>(List.of(p)));
                        seen.add(new Entry(
                                Kind.POLICY,
                                p.key(),
                                "java " + provider.getClass().getName(),
                                Problems.none()));
                    }
                }
            }
        }
        byId.replaceAll((k, v) -> List.copyOf(v));
        this.policies = Collections.unmodifiableMap(byId);
        this.entries = List.copyOf(seen);
        List<Problem> all = new ArrayList<>(global);
        seen.forEach(e -> all.addAll(e.problems().all()));
        this.problems = Problems.of(all);
    }

    private static Problem duplicate(String file, String key, String what) {
        return new Problem(
                ProblemCode.DUPLICATE_DEFINITION,
                Severity.ERROR,
                SourceLocation.ofFile(file),
                "",
                "another " + what + " with the same id and version (" + key + ") but different content is loaded",
                "give the changed file a new version; a version names exactly one content");
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return everything bundled on {@code loader}'s class path (data jars and Java policy providers)}
     *
     * @param loader the class loader whose data jars and services are read
     */
    public static Bundle classPath(ClassLoader loader) {
        return builder().classPath(loader).build();
    }

    /** {@return every file and Java policy seen, in load order} */
    public List<Entry> entries() {
        return entries;
    }

    /** {@return every problem of every file, and those between files (two versions in force on one day)} */
    public Problems problems() {
        return problems;
    }

    /**
     * {@return an instrument by {@code id@version} (exactly), or by bare id: then the highest version loaded}
     *
     * @param idOrKey {@code id@version}, or a bare id
     */
    public Optional<InstrumentDefinition> instrument(String idOrKey) {
        if (idOrKey.contains("@")) {
            return Optional.ofNullable(instruments.get(idOrKey));
        }
        return latest(instruments.values().stream()
                .filter(d -> d.id().equals(idOrKey))
                .map(d -> Map.entry(d.version(), d)));
    }

    /** {@return every loaded instrument by {@code id@version}, in load order} */
    public Map<String, InstrumentDefinition> instruments() {
        return instruments;
    }

    /**
     * {@return the compiled plan of {@link #instrument(String)}, compiled once with its file's hash}
     *
     * @param idOrKey {@code id@version}, or a bare id
     */
    public Optional<ScoringPlan> plan(String idOrKey) {
        return instrument(idOrKey)
                .map(d -> compiled.computeIfAbsent(d.key(), k -> PlanCompiler.compile(d, instrumentSha.get(k))));
    }

    /**
     * {@return a norm table by {@code id@version} (exactly), or by bare id: then the highest version}
     *
     * @param idOrKey {@code id@version}, or a bare id
     */
    public Optional<NormTable> norm(String idOrKey) {
        if (idOrKey.contains("@")) {
            return Optional.ofNullable(norms.get(idOrKey));
        }
        return latest(norms.values().stream()
                .filter(t -> t.definition().id().equals(idOrKey))
                .map(t -> Map.entry(t.definition().version(), t)));
    }

    /** {@return the highest version of every loaded norm table, by table id (what a run may look up)} */
    public Map<String, NormTable> norms() {
        Map<String, NormTable> out = new LinkedHashMap<>();
        norms.values()
                .forEach(t -> out.merge(
                        t.definition().id(),
                        t,
                        (a, c) -> compareVersions(
                                                c.definition().version(),
                                                a.definition().version())
                                        > 0
                                ? c
                                : a));
        return Collections.unmodifiableMap(out);
    }

    /** {@return ids of every policy} */
    public List<String> policyIds() {
        return List.copyOf(policies.keySet());
    }

    /**
     * {@return every loaded version of a policy; each decides the test dates it is in force on}
     *
     * @param id the policy's id
     */
    public List<CutoffPolicy> policyVersions(String id) {
        return policies.getOrDefault(id, List.of());
    }

    /**
     * {@return the loaded version of a policy that {@code key} names ({@code id@version}), or empty
     * when none is loaded or {@code key} names no version}
     *
     * @param key {@code id@version}, as a run's summary and its decisions name the policy
     */
    public Optional<CutoffPolicy> policyVersion(String key) {
        return policyVersions(org.psyscreen.definition.IdVersion.idOf(key)).stream()
                .filter(p -> p.key().equals(key))
                .findFirst();
    }

    /**
     * {@return a policy by id: of several versions, the one that came into force last}
     *
     * @param id the policy's id
     */
    public Optional<CutoffPolicy> policy(String id) {
        return policyVersions(id).stream()
                .max(Comparator.comparing(
                        p -> p instanceof DeclarativePolicy d ? d.effectiveFrom() : java.time.LocalDate.MIN));
    }

    /**
     * {@return the plans a policy needs, by instrument id, resolved exactly as it pins them
     * ({@code id@version})}
     *
     * @param policy the policy
     * @throws DefinitionException ({@code PSY-1401}) naming every pinned instrument that is not loaded
     */
    public Map<String, ScoringPlan> plansFor(CutoffPolicy policy) {
        Map<String, ScoringPlan> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : policy.instrumentKeys()) {
            Optional<ScoringPlan> p = plan(key);
            if (p.isEmpty()) {
                missing.add(key);
            } else {
                out.put(p.get().definition().id(), p.get());
            }
        }
        if (!missing.isEmpty()) {
            throw new DefinitionException(
                    Problems.of(
                            List.of(
                                    new Problem(
                                            ProblemCode.POLICY_UNKNOWN_INSTRUMENT,
                                            Severity.ERROR,
                                            SourceLocation.ofFile(policy.key()),
                                            "instruments",
                                            "policy " + policy.key() + " expects instrument(s) "
                                                    + String.join(", ", missing) + ", which are not loaded",
                                            "add the definitions to the bundle (Bundle.builder().folder(...), or --bundle on the command line)"))));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@return a screener builder for the policy {@code policyId} as loaded here: the plans it pins, every
     * norm table, and every version of the policy (each decides the test dates it is in force on),
     * the latest in force chosen} Add a {@linkplain Screener.Builder#stage stage} if needed, then
     * {@code build()}.
     *
     * @param policyId the policy's id
     * @throws DefinitionException ({@code PSY-1502}) when no policy has that id, ({@code PSY-1401}) when
     * an instrument it pins is not loaded
     */
    public Screener.Builder screener(String policyId) {
        CutoffPolicy policy = policy(policyId)
                .orElseThrow(
                        () -> new DefinitionException(
                                Problems.of(
                                        List.of(
                                                new Problem(
                                                        ProblemCode.UNKNOWN_POLICY,
                                                        Severity.ERROR,
                                                        SourceLocation.ofFile(policyId),
                                                        "",
                                                        "no policy with this id is loaded (loaded: "
                                                                + String.join(", ", policyIds()) + ")",
                                                        "load its file (Bundle.builder().folder(...)) or put psyscreen-policies on the class or module path")))));
        return Screener.builder()
                .instruments(plansFor(policy))
                .norms(norms())
                .policy(policy)
                .policyVersions(policyVersions(policyId));
    }

    private static <T> Optional<T> latest(Stream<Map.Entry<String, T>> versions) {
        return versions.max((a, b) -> compareVersions(a.getKey(), b.getKey())).map(Map.Entry::getValue);
    }

    /** Compares MAJOR.MINOR.PATCH numerically (1.10.0 after 1.9.0). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long u = i < x.length ? parse(x[i]) : 0;
            long v = i < y.length ? parse(y[i]) : 0;
            if (u != v) {
                return Long.compare(u, v);
            }
        }
        return a.compareTo(b);
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * {@return the kind a file declares on its {@code format:} line, if it is a psyscreen format}
     *
     * @param content a file's bytes
     */
    public static Optional<String> declaredFormat(byte[] content) {
        Matcher m = FORMAT_LINE.matcher(new String(content, StandardCharsets.UTF_8));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A file to load; {@code stamped}: a bundled definition this engine checked when its jar was built. */
    private record Source(Kind kind, String name, byte[] content, String origin, boolean stamped) {
        Source(Kind kind, String name, byte[] content, String origin) {
            this(kind, name, content, origin, false);
        }
    }

    /** Collects what a bundle loads. */
    public static final class Builder {
        private final List<Source> sources = new ArrayList<>();
        private final List<ClassLoader> providers = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        private Builder() {}

        /**
         * Adds the data jars and Java policy providers on {@code loader}'s class path.
         *
         * @param loader the class loader whose resources and services are read
         * @return this builder
         */
        public Builder classPath(ClassLoader loader) {
            int before = sources.size();
            index(loader, InstrumentCatalog.INDEX, Kind.INSTRUMENT);
            index(loader, NormCatalog.INDEX, Kind.NORMS);
            index(loader, PolicyCatalog.INDEX, Kind.POLICY);
            providers.add(loader);
            if (sources.size() == before) {
                // Not an error (an embedder may bring only its own files), but never a silent empty bundle.
                problems.add(new Problem(
                        ProblemCode.NO_BUNDLED_DATA,
                        Severity.WARNING,
                        SourceLocation.ofFile("class path"),
                        "",
                        "no bundled instruments, norm tables or policies were found (no " + InstrumentCatalog.INDEX
                                + " on the class or module path)",
                        "on the class path, add the data jars org.psyscreen:psyscreen-instruments, psyscreen-norms"
                                + " and psyscreen-policies; on the module path they hold no code, so no module reads"
                                + " them until named: --add-modules org.psyscreen.instruments,org.psyscreen.norms,"
                                + "org.psyscreen.policies (or 'requires' them in module-info)"));
            }
            return this;
        }

        private void index(ClassLoader loader, String index, Kind kind) {
            Map<String, String> stamped =
                    kind == Kind.INSTRUMENT ? org.psyscreen.internal.check.BundleStamps.trusted(loader) : Map.of();
            for (ResourceIndex.Resource r : ResourceIndex.read(loader, index)) {
                String sha = stamped.get(r.path());
                sources.add(new Source(
                        kind,
                        r.path(),
                        r.content(),
                        "bundled " + r.path(),
                        sha != null && sha.equals(DefinitionLoader.sha256(r.content()))));
            }
        }

        /**
         * Adds every psyscreen file under {@code folder}, in any layout (YAML or JSON, recognised by its
         * {@code format:} line; other files are not psyscreen's and are passed over).
         *
         * @param folder the folder to walk
         * @return this builder
         */
        public Builder folder(Path folder) {
            if (!Files.isDirectory(folder)) {
                problems.add(unreadable(folder.toString(), "not a folder", "give a folder of psyscreen files"));
                return this;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(folder, 16, new FileVisitOption[0])) {
                files = s.filter(Files::isRegularFile)
                        .filter(Builder::dataFile)
                        .sorted()
                        .toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(unreadable(folder.toString(), "the folder cannot be read", "check its permissions"));
                return this;
            }
            for (Path f : files) {
                add(f, false);
            }
            return this;
        }

        /**
         * Adds one file; a file without a psyscreen {@code format:} line is a problem.
         *
         * @param file the file
         * @return this builder
         */
        public Builder file(Path file) {
            add(file, true);
            return this;
        }

        private static boolean dataFile(Path p) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
        }

        private void add(Path file, boolean named) {
            String name = file.toString();
            byte[] content;
            try {
                if (!Files.isRegularFile(file)) {
                    problems.add(unreadable(name, "not a regular file (a folder, a device or missing)", "give a file"));
                    return;
                }
                if (Files.size(file) > StrictTreeReader.MAX_BYTES) {
                    // In a folder, a large file that is not psyscreen's is passed over as other files are;
                    // one that declares a psyscreen format is an error, never skipped in silence.
                    if (named
                            || declaredFormat(head(file))
                                    .flatMap(Builder::kindOf)
                                    .isPresent()) {
                        problems.add(new Problem(
                                ProblemCode.FILE_TOO_LARGE,
                                Severity.ERROR,
                                SourceLocation.ofFile(name),
                                "",
                                "the file is larger than " + StrictTreeReader.MAX_BYTES + " bytes; it was not read",
                                "a definition, norm table or policy is a small text file: check the path"));
                    }
                    return;
                }
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                problems.add(unreadable(name, "cannot read the file", "check that it exists and is readable"));
                return;
            }
            if (utf16(content)) {
                Optional<String> declared = declaredFormat(new String(
                                content,
                                content.length > 1 && (content[0] & 0xFF) == 0xFE
                                        ? StandardCharsets.UTF_16BE
                                        : StandardCharsets.UTF_16LE)
                        .getBytes(StandardCharsets.UTF_8));
                if (named || declared.flatMap(Builder::kindOf).isPresent()) {
                    problems.add(new Problem(
                            ProblemCode.ENCODING,
                            Severity.ERROR,
                            SourceLocation.ofFile(name),
                            "",
                            "the file is UTF-16, not UTF-8",
                            "save it as UTF-8 (in most editors: Save As, encoding UTF-8)"));
                }
                return;
            }
            Optional<String> format = declaredFormat(content);
            Kind kind = format.flatMap(Builder::kindOf).orElse(null);
            if (kind != null) {
                sources.add(new Source(kind, name, content, name));
            } else if (format.isPresent() || named) {
                problems.add(new Problem(
                        ProblemCode.UNSUPPORTED_FORMAT,
                        Severity.ERROR,
                        SourceLocation.ofFile(name),
                        "format",
                        format.map(f -> "format '" + f + "' is not read by this version")
                                .orElse("no 'format:' line: not a psyscreen instrument, norm table or policy"),
                        "start the file with one of: format: " + InstrumentDefinition.FORMAT + ", "
                                + NormTableDefinition.FORMAT + ", " + DeclarativePolicy.FORMAT));
            }
        }

        /** A byte-order mark of UTF-16, or NUL bytes at every other place of the first line. */
        private static boolean utf16(byte[] c) {
            if (c.length >= 2
                    && ((c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE
                            || (c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF)) {
                return true;
            }
            int n = Math.min(c.length, 64);
            int nulOdd = 0;
            int nulEven = 0;
            for (int i = 0; i < n; i++) {
                if (c[i] == 0) {
                    if (i % 2 == 0) {
                        nulEven++;
                    } else {
                        nulOdd++;
                    }
                }
            }
            return n >= 8 && (nulOdd >= n / 2 - 1 || nulEven >= n / 2 - 1);
        }

        /** The first 4 KiB of a file (where its {@code format:} line is). */
        private static byte[] head(Path file) throws IOException {
            try (var in = Files.newInputStream(file)) {
                return in.readNBytes(4096);
            }
        }

        private static Optional<Kind> kindOf(String format) {
            for (Kind k : Kind.values()) {
                if (k.format.equals(format)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        private static Problem unreadable(String name, String message, String fix) {
            return new Problem(
                    ProblemCode.FILE_UNREADABLE, Severity.ERROR, SourceLocation.ofFile(name), "", message, fix);
        }

        List<Source> sources(Kind kind) {
            return sources.stream().filter(s -> s.kind == kind).toList();
        }

        /** {@return the bundle} */
        public Bundle build() {
            return new Bundle(this);
        }
    }
}
