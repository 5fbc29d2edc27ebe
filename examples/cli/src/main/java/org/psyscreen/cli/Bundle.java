package org.psyscreen.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.psyscreen.load.InstrumentCatalog;
import org.psyscreen.load.NormCatalog;
import org.psyscreen.load.PolicyCatalog;
import org.psyscreen.norm.NormTable;

/** Everything bundled on the class path, loaded once: instruments, norm tables, policies. */
final class Bundle {
    final InstrumentCatalog instruments;
    final Map<String, NormTable> norms = new LinkedHashMap<>();
    final PolicyCatalog policies;

    Bundle(ClassLoader cl) {
        instruments = InstrumentCatalog.fromClassPath(cl);
        NormCatalog normCatalog = NormCatalog.fromClassPath(cl);
        for (String id : normCatalog.ids()) {
            normCatalog.load(id, instruments::resolve).flatMap(r -> r.value()).ifPresent(t -> norms.put(id, t));
        }
        policies = PolicyCatalog.fromClassPath(cl, instruments::resolve, this::norm);
    }

    Optional<NormTable> norm(String key) {
        return norms.values().stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
