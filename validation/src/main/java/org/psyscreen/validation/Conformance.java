package org.psyscreen.validation;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psyscreen.tier.TierDecision;

/**
 * A vendor's scored file against psyscreen's scores of the same responses, record by record. The
 * vendor's file has a {@code record} column (1-based, the response file's record number) and any of
 * psyscreen's output columns ({@code <instrument>.status}, {@code <instrument>.<scale>}, {@code tier});
 * other columns are ignored. Numbers agree when equal to 1e-9 ({@code 8} and {@code 8.0} agree),
 * statuses and tiers case-blind, blank against blank (a tier of {@code none} is blank). Every disagreement is listed (up to
 * {@link #MAX_LISTED}) with what psyscreen did and the rule that explains it; records are named by
 * number, never by id.
 *
 * @param compared vendor rows matched to a record
 * @param columns the columns compared, with their agreement counts
 * @param disagreements the first {@link #MAX_LISTED} disagreements
 * @param disagreementsNotListed how many more there were
 * @param vendorRowsWithoutRecord vendor rows whose record number is not in the sample
 * @param recordsWithoutVendorRow sample records the vendor's file has no row for
 */
public record Conformance(
        long compared,
        Map<String, Agreement> columns,
        List<Disagreement> disagreements,
        long disagreementsNotListed,
        long vendorRowsWithoutRecord,
        long recordsWithoutVendorRow) {

    /** Disagreements listed one by one; the rest are counted. */
    public static final int MAX_LISTED = 1000;

    /** Agreement on one column. */
    public record Agreement(long agree, long disagree) {}

    /**
     * One disagreement.
     *
     * @param record the record number
     * @param column the column
     * @param vendor the vendor's value
     * @param psyscreen psyscreen's value
     * @param explanation what psyscreen did and why (keys, missing-data rule, fired rules)
     */
    public record Disagreement(long record, String column, String vendor, String psyscreen, String explanation) {}

    /** psyscreen's side of one record: its values by column, and an explanation per column. */
    public record Ours(Map<String, String> values, Map<String, String> explanations) {}

    /**
     * Compares the vendor's file with psyscreen's results by record number.
     *
     * @param vendorFile the vendor's scored file (CSV with a {@code record} column)
     * @param ours psyscreen's side of each record, by record number
     * @return the agreement per column and the disagreements
     * @throws IOException when the vendor's file cannot be read
     */
    public static Conformance compare(Path vendorFile, Map<Long, Ours> ours) throws IOException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<Disagreement> listed = new ArrayList<>();
        long notListed = 0;
        long compared = 0;
        long orphans = 0;
        Map<Long, Boolean> seen = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(vendorFile, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : csv) {
                String no = row.findField("record").orElse("").strip();
                if (!no.matches("[1-9][0-9]{0,12}")) {
                    throw new IOException("the vendor's file needs a 'record' column with the response file's record"
                            + " numbers (1, 2, …); line " + row.getStartingLineNumber() + " has none");
                }
                Ours o = ours.get(Long.parseLong(no));
                if (o == null) {
                    orphans++;
                    continue;
                }
                seen.put(Long.parseLong(no), true);
                compared++;
                for (String column : row.getHeader()) {
                    if (!o.values().containsKey(column)) {
                        continue;
                    }
                    String vendor = row.getField(column).strip();
                    if (column.equals("tier") && vendor.isEmpty()) {
                        vendor = TierDecision.NO_RISK_ID; // a blank tier is how some systems write "none"
                    }
                    String mine = o.values().get(column);
                    long[] c = counts.computeIfAbsent(column, k -> new long[2]);
                    if (same(vendor, mine)) {
                        c[0]++;
                    } else {
                        c[1]++;
                        if (listed.size() < MAX_LISTED) {
                            listed.add(new Disagreement(
                                    Long.parseLong(no),
                                    column,
                                    vendor,
                                    mine,
                                    o.explanations().get(column)));
                        } else {
                            notListed++;
                        }
                    }
                }
            }
        }
        Map<String, Agreement> columns = new LinkedHashMap<>();
        counts.forEach((k, v) -> columns.put(k, new Agreement(v[0], v[1])));
        return new Conformance(compared, columns, listed, notListed, orphans, ours.size() - (long) seen.size());
    }

    static boolean same(String vendor, String ours) {
        if (vendor.isEmpty() || ours.isEmpty()) {
            return vendor.isEmpty() && ours.isEmpty();
        }
        try {
            return Math.abs(Double.parseDouble(vendor) - Double.parseDouble(ours)) <= 1e-9;
        } catch (NumberFormatException e) {
            return vendor.toLowerCase(Locale.ROOT).equals(ours.toLowerCase(Locale.ROOT));
        }
    }
}
