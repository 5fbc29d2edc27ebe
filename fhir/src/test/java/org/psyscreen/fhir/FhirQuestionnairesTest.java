package org.psyscreen.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.psyscreen.load.Bundle;

class FhirQuestionnairesTest {
    static final Bundle BUNDLE = Bundle.classPath(FhirQuestionnairesTest.class.getClassLoader());

    @Test
    void everyBundledInstrumentIsAQuestionnaireThatValidates() {
        FhirValidation validation = new FhirValidation();
        for (String id : BUNDLE.instruments().keySet()) {
            var plan = BUNDLE.plan(id).orElseThrow();
            Questionnaire q = FhirQuestionnaires.of(plan);
            System.out.println(id + " " + validation.messages(q));
            assertThat(validation.errors(q)).as(id).isEmpty();
        }
    }
}
