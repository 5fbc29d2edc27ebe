/**
 * psyscreen batch: response files in (CSV as schools and platforms export them), one output record
 * per input record out ({@code scores.csv}, {@code scores.jsonl}, {@code rollup.csv},
 * {@code summary.json}). Every record is screened by the engine's public {@code Screener}; nothing
 * here re-implements scoring, norms or tiers.
 */
module org.psyscreen.batch {
    requires transitive org.psyscreen.engine;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires de.siegmar.fastcsv;
    requires org.dhatim.fastexcel.reader;
    requires org.dhatim.fastexcel;
    requires org.apache.commons.compress;

    exports org.psyscreen.batch;
}
