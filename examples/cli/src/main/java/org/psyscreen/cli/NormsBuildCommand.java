package org.psyscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psyscreen.load.Bundle;
import org.psyscreen.load.MappingLoader;
import org.psyscreen.load.NormTableLoader;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.validation.NormBuilder;
import org.psyscreen.validation.NormTableWriter;
import org.psyscreen.validation.Validator;
import org.psyscreen.version.EngineVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psyscreen norms build}: a local lookup norm table from a sample of the region's own students. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a sample as psyscreen score does and writes a lookup norm table of one scale: per group"
                    + " (sex, grade bands) each raw score's percentile rank (mid-point) and normalised T-score."
                    + " Only SCORED forms count; groups below --min-group are left out, never filled in.",
            "The table is checked as every norm file is before it is written, and loads with --bundle."
        },
        footer = {
            "",
            "Example:",
            "  psyscreen norms build --instrument gad7 --scale total --by-sex --grades 4-6,7-9,10-12"
                    + " --min-group 100 --id region-x-gad7 --region \"Region X, 2026 autumn wave\" --out gad7-norms.yaml"
                    + " wave.csv"
        })
final class NormsBuildCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--instrument", required = true, description = "The instrument (id or id@version).")
    String instrument;

    @Option(names = "--scale", required = true, description = "The scale to norm: a sum of whole numbers.")
    String scale;

    @Option(
            names = "--by-sex",
            description = "Separate groups for girls and boys (students of unknown sex are left out).")
    boolean bySex;

    @Option(
            names = "--grades",
            split = ",",
            description = "Grade bands, e.g. 4-6,7-9,10-12,v1-v3 (default: one band of every grade).")
    List<String> grades = new ArrayList<>();

    @Option(names = "--min-group", required = true, description = "The smallest group written.")
    int minGroup;

    @Option(names = "--id", required = true, description = "The table's id (a synthetic sample's says 'synthetic').")
    String id;

    @Option(names = "--table-version", description = "The table's version [default: ${DEFAULT-VALUE}].")
    String version = "1.0.0";

    @Option(names = "--synthetic", description = "The sample is synthetic (a generated cohort): the table says so.")
    boolean synthetic;

    @Option(names = "--country", description = "ISO country code of the sample [default: ${DEFAULT-VALUE}].")
    String country = "CN";

    @Option(names = "--region", required = true, description = "Where the sample comes from (region, schools, wave).")
    String region;

    @Option(names = "--year", description = "The year the sample was screened.")
    Integer year;

    @Option(names = "--mapping", description = "The sample's mapping file (as for score).")
    Path mapping;

    @Option(names = "--out", required = true, description = "The norm file to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out file.")
    boolean overwrite;

    @Option(
            names = "--records",
            description = "A records store (file or jdbc:postgresql URL) whose --wave is the sample.")
    String records;

    @Option(names = "--wave", description = "The store's wave to build from (with --records).")
    String wave;

    @Parameters(paramLabel = "SAMPLE", arity = "0..1", description = "The response file (or --records).")
    Path sample;

    @Override
    public Integer call() throws IOException {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Bundle bundle = bundleOption.load("norms build", err);
        ScoringPlan plan =
                BundleOption.plan(bundle, instrument, "norms build", err).orElse(null);
        if (plan == null) {
            return 2;
        }
        if (Files.exists(out) && !overwrite) {
            err.println("psyscreen norms build: " + out + " exists; give --overwrite to replace it");
            return 2;
        }
        if ((sample == null) == (records == null) || (records == null) != (wave == null)) {
            err.println("psyscreen norms build: give the sample once: a response file, or --records with --wave");
            return 2;
        }
        if (records != null && mapping != null) {
            err.println("psyscreen norms build: --mapping reads a response file; a store's wave needs none");
            return 2;
        }
        if (sample != null && !Files.isRegularFile(sample)) {
            err.println("psyscreen norms build: cannot read " + sample + " (not a file)");
            return 2;
        }
        MappingLoader.HeaderMapping headerMapping = null;
        if (mapping != null) {
            var m = BundleOption.mapping(mapping, "norms build", err);
            if (m.isEmpty()) {
                return 2;
            }
            headerMapping = m.get();
        }
        NormBuilder.Built built;
        try {
            List<NormBuilder.Band> bands =
                    grades.stream().map(NormBuilder.Band::parse).toList();
            var grouping = new NormBuilder.Grouping(bySex, bands, minGroup);
            if (records != null) {
                List<NormBuilder.Observation> scores;
                try (var store = org.psyscreen.records.RecordStore.open(records)) {
                    scores = store.scores(org.psyscreen.records.Scope.everything(), wave, plan.key(), scale).stream()
                            .map(w -> new NormBuilder.Observation(w.value(), w.sex(), w.grade()))
                            .toList();
                } catch (org.psyscreen.records.RecordStoreException e) {
                    err.println("psyscreen norms build: " + e.getMessage());
                    return 2;
                }
                built = NormBuilder.build(plan.definition(), scale, grouping, scores);
            } else {
                built = NormBuilder.build(sample, plan, scale, grouping, headerMapping);
            }
        } catch (IllegalArgumentException e) {
            err.println("psyscreen norms build: " + e.getMessage());
            return 2;
        } catch (Validator.SampleRefused e) {
            err.println("psyscreen norms build: the sample cannot be read:");
            e.problems().all().forEach(p -> err.println("  " + p.format().replace("\n", "\n  ")));
            return 2;
        }
        String what = plan.definition().id() + " " + scale;
        String from = sample == null
                ? "wave " + wave + " of the records store"
                : sample.getFileName() + " (SHA-256 " + sha256(sample) + ")";
        String yaml;
        try {
            yaml = NormTableWriter.yaml(
                    built,
                    plan.definition(),
                    new NormTableWriter.Provenance(
                            id,
                            version,
                            what + ", local norms" + (synthetic ? " (SYNTHETIC sample)" : ""),
                            what + " 本地常模" + (synthetic ? "（合成样本）" : ""),
                            synthetic,
                            country,
                            region,
                            year,
                            built.used() + " students with a SCORED form in "
                                    + (built.groups().stream()
                                            .filter(NormBuilder.Group::written)
                                            .count()) + " groups of at least " + minGroup,
                            "built by psyscreen norms build " + EngineVersion.VALUE + " on "
                                    + LocalDate.now(ZoneOffset.UTC) + " from " + from));
        } catch (IllegalArgumentException e) {
            err.println("psyscreen norms build: " + e.getMessage());
            return 1;
        }
        // Checked as every norm file is, before anything is written.
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, ".norms-", ".yaml");
        try {
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            var loaded = NormTableLoader.load(tmp, bundle::instrument);
            if (!loaded.ok()) {
                err.println("psyscreen norms build: the table would not pass check; nothing written:");
                err.print(loaded.problems().format());
                return 1;
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        o.println("psyscreen norms build — " + what + " on " + (sample == null ? "wave " + wave : sample.getFileName())
                + ": " + built.used()
                + " students in the table");
        for (NormBuilder.Group g : built.groups()) {
            o.printf(
                    Locale.ROOT,
                    "  %-10s n %6d  mean %6.2f  SD %5.2f  quartiles %s / %s / %s  %s%n",
                    g.id(),
                    g.n(),
                    g.mean(),
                    g.sd(),
                    org.psyscreen.definition.Numbers.format(g.quartiles()[0]),
                    org.psyscreen.definition.Numbers.format(g.quartiles()[1]),
                    org.psyscreen.definition.Numbers.format(g.quartiles()[2]),
                    g.written() ? "written" : "LEFT OUT (fewer than " + minGroup + ")");
        }
        if (built.outside() > 0) {
            o.println("  " + built.outside()
                    + " scored students fall in no group (sex or grade unknown or outside the bands)");
        }
        o.println("wrote " + out);
        return 0;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
