/**
 * psyscreen engine: loads, checks and compiles instrument definitions and scores responses.
 *
 * <p>Exported: the API packages. Not exported: {@code org.psyscreen.internal.*}.
 */
module org.psyscreen.engine {
    requires tools.jackson.core;
    requires tools.jackson.dataformat.yaml;
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.statistics.descriptive;
    requires java.logging; // only to quiet Hibernate Validator's start-up line

    exports org.psyscreen.diagnostic;
    exports org.psyscreen.definition;
    exports org.psyscreen.load;
    exports org.psyscreen.plan;
    exports org.psyscreen.score;
    exports org.psyscreen.explain;
    exports org.psyscreen.student;
    exports org.psyscreen.norm;
    exports org.psyscreen.tier;
    exports org.psyscreen.screening;
    exports org.psyscreen.spi;
    exports org.psyscreen.version;
    exports org.psyscreen.privacy;
    exports org.psyscreen.analysis; // the funnel plot, for reports

    uses org.psyscreen.spi.CutoffPolicyProvider;

    // Hibernate Validator reads the record components reflectively.
    opens org.psyscreen.definition to
            org.hibernate.validator;
}
