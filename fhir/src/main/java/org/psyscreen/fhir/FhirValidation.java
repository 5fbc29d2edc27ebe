package org.psyscreen.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR's validator against the base R4 profiles, offline: the core structure definitions and
 * terminologies that ship with HAPI, and psyscreen's own code systems (which no server publishes) as
 * warnings, not errors. Made once per use (it loads the core profiles: a few seconds), then reused.
 */
public final class FhirValidation {
    private final FhirValidator validator;

    /** Loads the base R4 profiles. */
    public FhirValidation() {
        var ctx = Fhir.r4();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = ctx.newValidator().registerValidatorModule(module);
    }

    /**
     * {@return the errors and fatal problems the validator finds in {@code resource}, as
     * {@code location: message}; empty when it validates}
     *
     * @param resource a resource or a Bundle
     */
    public List<String> errors(IBaseResource resource) {
        return result(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::line)
                .toList();
    }

    /**
     * {@return every message the validator gives, warnings and information too}
     *
     * @param resource a resource or a Bundle
     */
    public List<String> messages(IBaseResource resource) {
        return result(resource).getMessages().stream()
                .map(m -> m.getSeverity() + " " + line(m))
                .toList();
    }

    private ca.uhn.fhir.validation.ValidationResult result(IBaseResource resource) {
        try {
            return validator.validateWithResult(resource);
        } catch (NoClassDefFoundError e) {
            // psyscreen leaves out the validator's support for FHIR versions other than R4 and DSTU3
            SingleValidationMessage m = new SingleValidationMessage();
            m.setSeverity(ResultSeverityEnum.FATAL);
            m.setLocationString(resource.fhirType());
            m.setMessage("this resource needs validator support psyscreen does not ship (another FHIR version)");
            return new ca.uhn.fhir.validation.ValidationResult(Fhir.r4(), List.of(m));
        }
    }

    private static String line(SingleValidationMessage m) {
        return m.getLocationString() + ": " + m.getMessage();
    }
}
