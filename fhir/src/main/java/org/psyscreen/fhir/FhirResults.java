package org.psyscreen.fhir;

import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.psyscreen.batch.ResultRow;
import org.psyscreen.batch.ResultSink;
import org.psyscreen.batch.RunSummary;
import org.psyscreen.definition.Numbers;
import org.psyscreen.definition.Scale;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.score.ScaleScore;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;
import org.psyscreen.screening.ScreeningResult;
import org.psyscreen.tier.RuleFiring;
import org.psyscreen.tier.TierDecision;

/**
 * A run's results as FHIR R4, written beside the run's other files as {@value #FILE}: one Bundle (a
 * {@code collection}) per student, in input order, holding
 *
 * <ul>
 *   <li>an Observation per scale of every form, its value the score as {@code scores.csv} prints it (the
 *       scale's decimals), or no value with a {@code dataAbsentReason} and the reasons in {@code note}
 *       when the scale was not scored; its {@code method} the instrument's {@code id@version} and
 *       definition SHA-256;
 *   <li>an Observation per critical item, its value {@code positive}, {@code negative} or
 *       {@code unknown} (never left out: unknown is not negative);
 *   <li>a RiskAssessment with the policy's decision: the outcome (a tier, {@code none} or
 *       {@code unevaluated}), the policy's {@code id@version} and SHA-256 as its {@code method}, and each
 *       rule that fired in {@code prediction.rationale}; its {@code basis} the Observations.
 * </ul>
 *
 * <p>The subject is the student's keyed pseudonym under the run's key (system
 * {@code …/student/<keyId>}). A run without a key is refused: results name no raw id unless the caller
 * asks for them ({@link #withRawIds()}). Each record gives one Bundle, so counts in equal counts out.
 */
public final class FhirResults implements ResultSink {
    /** The file written into the run's folder. */
    public static final String FILE = "results.fhir.ndjson";

    private final Map<String, ScoringPlan> plans;
    private final boolean rawIds;
    private IParser parser;
    private BufferedWriter out;
    private String studentSystem;
    private long written;

    private FhirResults(Map<String, ScoringPlan> plans, boolean rawIds) {
        this.plans = Map.copyOf(plans);
        this.rawIds = rawIds;
    }

    /**
     * {@return a sink for a run of these plans, whose students are keyed pseudonyms}
     *
     * @param plans the run's plans by instrument id (for each scale's decimals and names)
     */
    public static FhirResults of(Map<String, ScoringPlan> plans) {
        return new FhirResults(plans, false);
    }

    /** {@return the same sink, which also writes a run without a key (its students' raw ids)} */
    public FhirResults withRawIds() {
        return new FhirResults(plans, true);
    }

    @Override
    public void open(Start start) throws IOException {
        if (start.keyId().isEmpty() && !rawIds) {
            throw new IOException("FHIR results name students by their keyed pseudonym: score with a key (--key),"
                    + " or ask for raw ids explicitly");
        }
        studentSystem = Fhir.STUDENT + (start.keyId().isEmpty() ? "raw" : start.keyId());
        parser = Fhir.r4().newJsonParser();
        out = Files.newBufferedWriter(start.folder().resolve(FILE), StandardCharsets.UTF_8);
    }

    @Override
    public void accept(ResultRow row) throws IOException {
        out.write(parser.encodeResourceToString(
                bundle(row.screened().student(), row.screened().result())));
        out.write('\n');
        written++;
    }

    /** {@return one student's results as a Bundle} */
    Bundle bundle(String student, ScreeningResult result) {
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Reference subject = new Reference()
                .setIdentifier(new Identifier().setSystem(studentSystem).setValue(student));
        DateTimeType when = result.profile().testDate() == null
                ? null
                : new DateTimeType(result.profile().testDate().toString());
        List<Reference> basis = new ArrayList<>();
        for (Map.Entry<String, ScoredResponse> f : result.forms().entrySet()) {
            ScoringPlan plan = plans.get(f.getKey());
            ScoredResponse form = f.getValue();
            CodeableConcept method = new CodeableConcept(new Coding(Fhir.INSTRUMENT, form.instrumentKey(), null))
                    .setText(form.instrumentKey() + (plan == null ? "" : " sha256:" + plan.sha256()));
            for (int s = 0; s < form.scaleIds().size(); s++) {
                ScaleScore score = form.scale(s);
                Observation o = observation(subject, when, method, Fhir.SCALE, f.getKey() + "." + score.id());
                if (score.scored()) {
                    Integer decimals = plan == null ? null : decimals(plan, score.id());
                    o.setValue(new Quantity()
                            .setValue(new BigDecimal(Numbers.format(score.value(), decimals)))
                            .setUnit("score"));
                } else {
                    o.setDataAbsentReason(new CodeableConcept(
                            new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "error", "Error")));
                    o.addNote()
                            .setText("not scored: " + score.status().name().toLowerCase(java.util.Locale.ROOT)
                                    + "; form " + form.status().name().toLowerCase(java.util.Locale.ROOT)
                                    + reasons(form.reasons()));
                }
                basis.add(add(b, o));
            }
            for (String critical : form.criticalIds()) {
                Observation o = observation(subject, when, method, Fhir.CRITICAL, f.getKey() + "." + critical);
                String state = form.critical(critical).name().toLowerCase(java.util.Locale.ROOT);
                o.setValue(new CodeableConcept(new Coding(Fhir.CRITICAL_STATE, state, state)));
                basis.add(add(b, o));
            }
        }
        result.decision().ifPresent(d -> add(b, risk(subject, when, d, basis)));
        return b;
    }

    /** The reasons as {@code scores.csv} spells them ({@code INVALID_ANSWER(q24)}), after a separator. */
    private static String reasons(List<StatusReason> reasons) {
        return reasons.isEmpty()
                ? ""
                : "; reasons: "
                        + String.join(
                                " ", reasons.stream().map(Object::toString).toList());
    }

    private static Integer decimals(ScoringPlan plan, String scale) {
        return plan.definition().scale(scale).map(Scale::decimals).orElse(null);
    }

    private static Observation observation(
            Reference subject, DateTimeType when, CodeableConcept method, String system, String code) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        o.setCode(new CodeableConcept(new Coding(system, code, null)));
        o.setSubject(subject);
        if (when != null) {
            o.setEffective(when);
        }
        o.setMethod(method);
        return o;
    }

    private static RiskAssessment risk(Reference subject, DateTimeType when, TierDecision d, List<Reference> basis) {
        RiskAssessment r = new RiskAssessment();
        r.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        r.setSubject(subject);
        if (when != null) {
            r.setOccurrence(when);
        }
        String policyId = d.policyKey().contains("@")
                ? d.policyKey().substring(0, d.policyKey().indexOf('@'))
                : d.policyKey();
        r.setMethod(new CodeableConcept(new Coding(Fhir.POLICY, policyId, null))
                .setText(d.policyKey() + " sha256:" + d.policySha256()));
        r.setBasis(basis);
        Coding outcome = new Coding(
                Fhir.OUTCOME + policyId, d.outcomeId(), d.outcomeLabel().en());
        RiskAssessment.RiskAssessmentPredictionComponent p = r.addPrediction()
                .setOutcome(new CodeableConcept(outcome))
                .setQualitativeRisk(new CodeableConcept(outcome.copy()));
        StringBuilder why = new StringBuilder();
        for (RuleFiring f : d.fired()) {
            why.append(why.length() == 0 ? "" : "; ")
                    .append(f.ruleId())
                    .append(" -> ")
                    .append(f.tierId());
        }
        for (var f : d.followUps()) {
            why.append(why.length() == 0 ? "" : "; ").append("follow-up: ").append(f.name()); // as scores.csv spells it
        }
        if (!d.unevaluated().isEmpty()) {
            why.append(why.length() == 0 ? "" : "; ")
                    .append("not evaluated: ")
                    .append(String.join(", ", d.unevaluated()));
        }
        if (why.length() > 0) {
            p.setRationale(why.toString());
        }
        return r;
    }

    private static Reference add(Bundle b, Resource r) {
        String url = "urn:uuid:" + UUID.randomUUID();
        b.addEntry().setFullUrl(url).setResource(r);
        return new Reference(url);
    }

    @Override
    public List<String> finish(RunSummary summary) throws IOException {
        out.close();
        if (written != summary.recordsIn()) {
            throw new IOException(written + " FHIR Bundles for " + summary.recordsIn() + " records");
        }
        return List.of(FILE);
    }

    @Override
    public void abandon() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // the folder is discarded with the run
        }
    }
}
