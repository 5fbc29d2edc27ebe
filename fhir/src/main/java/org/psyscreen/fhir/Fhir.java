package org.psyscreen.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The names psyscreen writes into FHIR resources, and the one R4 context. The systems and canonical
 * URLs are identifiers in psyscreen's own namespace: they name psyscreen's codes (instruments, items,
 * response codes, scales, critical items, tiers), not a page to fetch.
 */
public final class Fhir {
    private Fhir() {}

    /** The namespace every psyscreen system and canonical URL starts with. */
    public static final String BASE = "http://psyscreen.org/fhir";

    /** Canonical URL of an instrument's Questionnaire: {@code BASE/Questionnaire/<id>}. */
    public static final String QUESTIONNAIRE = BASE + "/Questionnaire/";

    /** System of an instrument's {@code id@version} identifier. */
    public static final String INSTRUMENT = BASE + "/instrument";

    /** System of a definition's SHA-256 (a {@code meta.tag}). */
    public static final String SHA256 = BASE + "/sha256";

    /** System of a response set's codes: {@code BASE/responses/<instrument>.<set>}. */
    public static final String RESPONSES = BASE + "/responses/";

    /** System of scale codes ({@code phqa.total}). */
    public static final String SCALE = BASE + "/scale";

    /** System of critical item codes ({@code phqa.self_harm}). */
    public static final String CRITICAL = BASE + "/critical";

    /** System of a critical item's three states: {@code positive}, {@code negative}, {@code unknown}. */
    public static final String CRITICAL_STATE = BASE + "/critical-state";

    /** System of policy outcomes: a tier id, {@code none} or {@code unevaluated}, per policy. */
    public static final String OUTCOME = BASE + "/outcome/";

    /** System of policy ids (a RiskAssessment's method). */
    public static final String POLICY = BASE + "/policy";

    /** System of why a form or scale has no score ({@code StatusReason} codes). */
    public static final String REASON = BASE + "/status-reason";

    /** System of students' ids: the keyed pseudonym of the run's key ({@code BASE/student/<keyId>}). */
    public static final String STUDENT = BASE + "/student/";

    /** System of a sitting's identifier (a QuestionnaireResponse's {@code encounter}): responses given together. */
    public static final String SITTING = BASE + "/sitting";

    /** Extension of a response's school, class, grade or region: {@code BASE/StructureDefinition/<field>}. */
    public static final String STUDENT_FIELD = BASE + "/StructureDefinition/";

    /** The core extension that carries an answer option's score. */
    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /** {@return HAPI's R4 context, made once on first use (it is expensive and thread-safe)} */
    public static FhirContext r4() {
        return R4.CONTEXT;
    }

    private static final class R4 {
        static final FhirContext CONTEXT = FhirContext.forR4();
    }
}
