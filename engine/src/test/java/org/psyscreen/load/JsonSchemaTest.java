package org.psyscreen.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON Schema shipped for editors must accept what the loader accepts and refuse the
 * structural mistakes the loader refuses; otherwise vendors' editors would mislead them.
 */
public class JsonSchemaTest {
    static final String SCHEMA = "/org/psyscreen/schema/instrument-definition.schema.json";

    /** The shipped schema, for reuse by the instruments module's tests. */
    public static Schema schema() throws Exception {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream(SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    static JsonNode yaml(Path p) throws Exception {
        return YAMLMapper.builder().build().readTree(Files.readString(p));
    }

    @Test
    void acceptsTheGoodBase() throws Exception {
        assertThat(schema().validate(yaml(DefinitionLoaderTest.DEMO))).isEmpty();
    }

    @Test
    void refusesStructuralMistakesTheLoaderRefuses() throws Exception {
        for (String c : new String[] {
            "d17-unknown-field-typo", "d22-missing-id-and-version", "d18-confusable-id", "format-unsupported",
            "d10-critical-basis-missing", "unknown-enum-value", "missing-both-limits", "d13-implicit-types"
        }) {
            Path file = BadDefinitionGoldenTest.BAD.resolve(c).resolve("definition.yaml");
            assertThat(schema().validate(yaml(file))).as(c).isNotEmpty();
        }
    }
}
