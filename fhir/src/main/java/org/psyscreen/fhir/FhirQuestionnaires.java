package org.psyscreen.fhir;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.ResponseSet;
import org.psyscreen.definition.SpecialCode;
import org.psyscreen.plan.ScoringPlan;

/**
 * An instrument definition as an R4 Questionnaire. Every item is a {@code choice} question whose
 * {@code linkId} is the item's id and whose answer options are the response set's codes, each with its
 * score in the core {@code ordinalValue} extension; special codes (refused, don't know, not applicable)
 * are options without a score. Texts are psyscreen's own short labels from the definition, never an
 * instrument's item wording. The definition's {@code id@version} is the Questionnaire's identifier, its
 * version the version, and its SHA-256 a {@code meta.tag}. Scales are not written: SDC's calculated
 * expressions cannot say an instrument's missing-item rules and prorating, so a Questionnaire that
 * claimed them would score differently from psyscreen.
 */
public final class FhirQuestionnaires {
    private FhirQuestionnaires() {}

    /**
     * {@return the plan's instrument as a Questionnaire}
     *
     * @param plan a compiled instrument (its definition and SHA-256)
     */
    public static Questionnaire of(ScoringPlan plan) {
        InstrumentDefinition d = plan.definition();
        Questionnaire q = new Questionnaire();
        q.setId(d.id());
        q.setUrl(Fhir.QUESTIONNAIRE + d.id());
        q.setVersion(d.version());
        q.addIdentifier(new Identifier().setSystem(Fhir.INSTRUMENT).setValue(d.key()));
        q.getMeta().addTag(new Coding(Fhir.SHA256, plan.sha256(), "SHA-256 of the definition file"));
        q.setName(computableName(d.id()));
        q.setTitle(d.name().en() + " / " + d.name().zh());
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setCopyright(d.licence().statement() + " (" + d.licence().source() + ")");
        for (Item item : d.items()) {
            ResponseSet set = d.responseSet(item.responses()).orElseThrow();
            QuestionnaireItemComponent qi =
                    q.addItem().setLinkId(item.id()).setText(item.label()).setType(QuestionnaireItemType.CHOICE);
            String system = system(d, set);
            for (ResponseCode c : set.codes()) {
                QuestionnaireItemAnswerOptionComponent o = qi.addAnswerOption();
                Coding coding = new Coding(system, c.code(), c.label() == null ? null : c.label());
                coding.addExtension(Fhir.ORDINAL_VALUE, new DecimalType(BigDecimal.valueOf(c.value())));
                o.setValue(coding);
            }
            for (SpecialCode c : set.special()) {
                qi.addAnswerOption()
                        .setValue(new Coding(system, c.code(), org.psyscreen.definition.Ids.word(c.meaning())));
            }
        }
        return q;
    }

    /** {@return the system of a response set's codes} */
    static String system(InstrumentDefinition d, ResponseSet set) {
        return Fhir.RESPONSES + d.id() + "." + set.id();
    }

    /**
     * {@return the Questionnaire as pretty JSON}
     *
     * @param q a Questionnaire
     */
    public static String json(Questionnaire q) {
        return Fhir.r4().newJsonParser().setPrettyPrint(true).encodeResourceToString(q);
    }

    private static String computableName(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char ch : id.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            } else {
                upper = true;
            }
        }
        return Character.isLetter(b.charAt(0)) ? b.toString() : "Q" + b;
    }
}
