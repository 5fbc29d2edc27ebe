package org.psyscreen.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psyscreen.load.DefinitionLoader;
import org.psyscreen.testing.EngineFiles;

/** {@link InstrumentDefinition#hashCode} keeps the contract with the record's {@code equals}. */
class InstrumentDefinitionHashTest {
    private static InstrumentDefinition load() {
        return DefinitionLoader.load(EngineFiles.path("src/test/resources/definitions/good/timed.yaml"))
                .orThrow();
    }

    @Test
    void equalDefinitionsHashAlikeAndAnyComponentStillTellsThemApart() {
        InstrumentDefinition a = load();
        InstrumentDefinition b = load();
        assertThat(a).isNotSameAs(b).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        // same id and version, one item fewer: not equal (equals still compares every component)
        InstrumentDefinition fewer = new InstrumentDefinition(
                a.id(),
                a.version(),
                a.name(),
                a.licence(),
                a.citations(),
                a.responseSets(),
                a.items().subList(0, a.items().size() - 1),
                a.scales(),
                a.validity(),
                a.critical());
        assertThat(fewer).isNotEqualTo(a);
        InstrumentDefinition otherVersion = new InstrumentDefinition(
                a.id(),
                "9.9.9",
                a.name(),
                a.licence(),
                a.citations(),
                a.responseSets(),
                a.items(),
                a.scales(),
                a.validity(),
                a.critical());
        assertThat(otherVersion).isNotEqualTo(a);
        assertThat(otherVersion.hashCode()).isNotEqualTo(a.hashCode());
        assertThat(List.of(a)).contains(b);
        assertThat(new java.util.HashSet<>(List.of(a))).contains(b).doesNotContain(fewer, otherVersion);
    }
}
