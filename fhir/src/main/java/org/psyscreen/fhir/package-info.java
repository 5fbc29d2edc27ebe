/**
 * HL7 FHIR R4 for psyscreen, on the engine's public API: {@link org.psyscreen.fhir.FhirQuestionnaires}
 * writes an instrument definition as a Questionnaire, {@link org.psyscreen.fhir.FhirResponses} reads
 * QuestionnaireResponses as the rows of a run (and writes them from a response file), and
 * {@link org.psyscreen.fhir.FhirResults} is a result sink that writes each student's scale scores and
 * critical items as Observations and the tier decision as a RiskAssessment. HAPI FHIR's R4 structures
 * and parser do the FHIR; {@link org.psyscreen.fhir.FhirValidation} is HAPI's validator against the base
 * R4 profiles.
 */
package org.psyscreen.fhir;
