package org.psyscreen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.psyscreen.batch.ResponseFile;
import org.psyscreen.fhir.Fhir;
import org.psyscreen.fhir.FhirQuestionnaires;
import org.psyscreen.fhir.FhirResponses;
import org.psyscreen.fhir.FhirValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psyscreen fhir questionnaire | responses | validate}: HL7 FHIR R4. Scoring QuestionnaireResponses
 * and writing results as FHIR are {@code psyscreen score --fhir} and {@code --outputs …,fhir}.
 */
@Command(
        name = "fhir",
        mixinStandardHelpOptions = true,
        description = "HL7 FHIR R4: an instrument as a Questionnaire, a response file as QuestionnaireResponses,"
                + " and FHIR files checked with HAPI's validator. psyscreen score --fhir scores"
                + " QuestionnaireResponses; --outputs csv,fhir writes results.fhir.ndjson.",
        subcommands = {
            FhirCommand.QuestionnaireCommand.class,
            FhirCommand.ResponsesCommand.class,
            FhirCommand.ValidateCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  psyscreen fhir questionnaire phq9 --out phq9.questionnaire.json",
            "  psyscreen fhir responses --policy example-a-glad-pc --out responses.ndjson examples/demo/cohort.csv",
            "  psyscreen score --fhir --policy example-a-glad-pc --key psyscreen.key --outputs csv,fhir --out results"
                    + " responses.ndjson",
            "  psyscreen fhir validate results/results.fhir.ndjson"
        })
final class FhirCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(
            name = "questionnaire",
            mixinStandardHelpOptions = true,
            description = "Writes an instrument as an R4 Questionnaire (JSON): items with their answer options and"
                    + " scores, psyscreen's own labels, the definition's id, version and SHA-256.")
    static final class QuestionnaireCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        BundleOption bundleOption;

        @Parameters(paramLabel = "ID", description = "A loaded instrument, e.g. phq9 (psyscreen list shows them).")
        String id;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write it [default: standard output].")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            var bundle = bundleOption.load("fhir questionnaire", err);
            var plan = bundle.plan(id);
            if (plan.isEmpty()) {
                err.println("psyscreen fhir questionnaire: no instrument '" + id + "' (psyscreen list shows what is"
                        + " loaded)");
                return 2;
            }
            String json = FhirQuestionnaires.json(FhirQuestionnaires.of(plan.get()));
            if (out == null) {
                spec.commandLine().getOut().println(json);
                spec.commandLine().getOut().flush();
            } else {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
                spec.commandLine()
                        .getOut()
                        .println("问卷 Questionnaire " + plan.get().key() + ": " + out);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(
            name = "responses",
            mixinStandardHelpOptions = true,
            description = "Writes a response file (CSV, JSON Lines or .xlsx with psyscreen's column names) as"
                    + " QuestionnaireResponses, one per student and instrument answered, as NDJSON.")
    static final class ResponsesCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        BundleOption bundleOption;

        @Option(names = "--policy", description = "The policy whose instruments to write.")
        String policyId;

        @Option(names = "--instrument", description = "An instrument to write (repeatable).")
        List<String> instruments = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The NDJSON file to write.")
        Path out;

        @Parameters(paramLabel = "INPUT", description = "The response file.")
        Path input;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (policyId == null && instruments.isEmpty()) {
                err.println("psyscreen fhir responses: give --policy ID or --instrument ID");
                return 2;
            }
            var bundle = bundleOption.load("fhir responses", err);
            var plans = BundleOption.planSet(bundle, policyId, instruments, "fhir responses", err);
            if (plans.isEmpty()) {
                return 2;
            }
            if (!Files.isRegularFile(input)) {
                err.println("psyscreen fhir responses: cannot read " + input + " (not a file)");
                return 2;
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            long n = FhirResponses.write(ResponseFile.of(input), plans.get(), out);
            spec.commandLine().getOut().println("作答 QuestionnaireResponses: " + n + " written to " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Checks FHIR JSON (one resource, a Bundle, or NDJSON: one per line) with HAPI's validator"
                    + " against the base R4 profiles, offline. Exit 1 when a resource has an error.")
    static final class ValidateCommand implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A .json or .ndjson file.")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("psyscreen fhir validate: cannot read " + file + " (not a file)");
                return 2;
            }
            FhirValidation validation = new FhirValidation();
            var parser = Fhir.r4().newJsonParser();
            boolean ndjson = file.getFileName().toString().endsWith(".ndjson");
            List<String> texts = ndjson
                    ? Files.readAllLines(file, StandardCharsets.UTF_8)
                    : List.of(Files.readString(file, StandardCharsets.UTF_8));
            long resources = 0;
            long failed = 0;
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).isBlank()) {
                    continue;
                }
                String place = ndjson ? "line " + (i + 1) : file.getFileName().toString();
                resources++;
                List<String> errors;
                try {
                    IBaseResource r = parser.parseResource(texts.get(i));
                    errors = validation.errors(r);
                } catch (ca.uhn.fhir.parser.DataFormatException e) {
                    errors = List.of("not FHIR JSON");
                }
                if (!errors.isEmpty()) {
                    failed++;
                    errors.forEach(e -> out.println(place + ": " + e));
                }
            }
            out.println("FHIR: " + resources + " resource(s) checked, " + failed + " with errors");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
