package org.psyscreen.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.psyscreen.definition.Aggregate;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Item;
import org.psyscreen.definition.ResponseCode;
import org.psyscreen.definition.Scale;
import org.psyscreen.norm.NormRow;
import org.psyscreen.student.Grade;
import org.psyscreen.student.Sex;

/**
 * Builds a local lookup norm table from a sample of scored students: per group (sex, and grade bands),
 * each raw score's percentile rank and normalised T-score, and groups smaller than a minimum left
 * out, never filled in.
 *
 * <ul>
 *   <li>Percentile rank, mid-point definition (Crocker and Algina 1986, ch. 19): {@code PR(x) = 100 ·
 *       (#{v < x} + #{v = x} / 2) / n}; in R, {@code 100 * (mean(v < x) + mean(v == x) / 2)}.
 *   <li>Normalised T: {@code 50 + 10 · Φ⁻¹(PR / 100)}, the area transformation. A raw score no one in
 *       the group scored beyond the sample's ends would give PR 0 or 100 and an infinite T, so PR
 *       is held within half a student of the ends ({@code 50 / n .. 100 − 50 / n}) for T only.
 *   <li>Both are written to one decimal, half-up. They never fall as the raw score rises.
 *   <li>Each group's description (n, mean, SD and the quartiles, the quartiles as R's default
 *       {@code quantile(v)}, type 7, Commons Statistics' {@code HF7}) is reported beside the table.
 * </ul>
 *
 * <p>Only whole-number scales (sums of items) make lookup tables: a mean scale is refused.
 */
public final class NormBuilder {
    private NormBuilder() {}

    /**
     * A band of grades, both ends included.
     *
     * @param from first grade
     * @param to last grade
     */
    public record Band(Grade from, Grade to) {
        /**
         * {@return the band written {@code 4-6} or {@code 7} (one grade)}
         *
         * @param text the band as written
         * @throws IllegalArgumentException when it is not one or two grades in order
         */
        public static Band parse(String text) {
            String[] ends = text.strip().split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("a grade band is 'from-to', e.g. 4-6: '" + text + "'");
            }
            Grade from = Grade.parse(ends[0].strip());
            Grade to = Grade.parse(ends[ends.length - 1].strip());
            if (from == null || to == null) {
                throw new IllegalArgumentException("not a grade band (grades 1..12, v1..v3): '" + text + "'");
            }
            if (from.vocational() != to.vocational() || from.compareTo(to) > 0) {
                throw new IllegalArgumentException(
                        "a grade band runs upwards within one kind of school: '" + text + "'");
            }
            return new Band(from, to);
        }

        boolean holds(Grade g) {
            return g != null && g.vocational() == from.vocational() && g.compareTo(from) >= 0 && g.compareTo(to) <= 0;
        }

        String id() {
            return from.code() + (from.equals(to) ? "" : "_" + to.code());
        }
    }

    /**
     * One scored student in the sample.
     *
     * @param raw the scale's score
     * @param sex the student's sex, or {@code null}
     * @param grade the student's grade, or {@code null}
     */
    public record Observation(double raw, Sex sex, Grade grade) {}

    /**
     * How the sample is grouped.
     *
     * @param bySex groups by sex (female, male); students of unknown sex are then left out
     * @param grades grade bands, or empty for one band of every grade
     * @param minGroup the smallest group written (a group with fewer is left out and reported)
     */
    public record Grouping(boolean bySex, List<Band> grades, int minGroup) {
        /**
         * Copies the bands.
         *
         * @param bySex groups by sex (female, male); students of unknown sex are then left out
         * @param grades grade bands, or empty for one band of every grade
         * @param minGroup the smallest group written (a group with fewer is left out and reported)
         */
        public Grouping {
            grades = List.copyOf(grades);
            if (minGroup < 2) {
                throw new IllegalArgumentException("a norm group needs at least 2 students");
            }
        }
    }

    /**
     * One group of the table, or one left out.
     *
     * @param id the group's id
     * @param sex its sex, or {@code null} for both
     * @param band its grades, or {@code null} for every grade
     * @param n students in the sample
     * @param mean mean raw score
     * @param sd standard deviation (n − 1)
     * @param quartiles the 25th, 50th and 75th percentiles of the raw score (R type 7)
     * @param rows one row per raw score, rounded as written, or empty when the group is left out (too
     *     small)
     * @param percentiles each raw score's percentile rank before rounding (empty when left out)
     * @param tScores each raw score's normalised T before rounding (empty when left out)
     */
    public record Group(
            String id,
            Sex sex,
            Band band,
            int n,
            double mean,
            double sd,
            double[] quartiles,
            List<NormRow> rows,
            double[] percentiles,
            double[] tScores) {
        /** {@return whether the group is in the table} */
        public boolean written() {
            return !rows.isEmpty();
        }
    }

    /**
     * The groups built from a sample.
     *
     * @param scale the scale
     * @param lowest lowest raw score of the scale
     * @param highest highest raw score of the scale
     * @param groups every group, written or left out, in table order
     * @param outside students with a score who fall in no group (unknown sex or grade, a grade outside
     *     every band)
     */
    public record Built(String scale, int lowest, int highest, List<Group> groups, long outside) {
        /** {@return the number of students in written groups} */
        public int used() {
            return groups.stream().filter(Group::written).mapToInt(Group::n).sum();
        }
    }

    /**
     * Groups the sample and computes each group's rows.
     *
     * @param definition the instrument
     * @param scale the scale, a sum of whole numbers
     * @param grouping how to group
     * @param sample the scored students (a score of {@code NaN} is not in the sample)
     * @return the groups
     * @throws IllegalArgumentException when the scale is not a whole-number scale of the instrument
     */
    public static Built build(
            InstrumentDefinition definition, String scale, Grouping grouping, Iterable<Observation> sample) {
        int[] range = range(definition, scale);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, Object[]> keys = new LinkedHashMap<>();
        List<Sex> sexes = grouping.bySex() ? List.of(Sex.FEMALE, Sex.MALE) : Arrays.asList((Sex) null);
        List<Band> bands = grouping.grades().isEmpty() ? Arrays.asList((Band) null) : grouping.grades();
        for (Sex s : sexes) {
            for (Band b : bands) {
                String id =
                        (s == null ? "all" : s.name().toLowerCase(Locale.ROOT).substring(0, 1))
                                + (b == null ? "" : "_" + b.id());
                values.put(id, new ArrayList<>());
                keys.put(id, new Object[] {s, b});
            }
        }
        long outside = 0;
        for (Observation o : sample) {
            if (Double.isNaN(o.raw())) {
                continue;
            }
            String id = null;
            for (var e : keys.entrySet()) {
                Sex s = (Sex) e.getValue()[0];
                Band b = (Band) e.getValue()[1];
                if ((s == null || s == o.sex()) && (b == null || b.holds(o.grade()))) {
                    id = e.getKey();
                    break;
                }
            }
            if (id == null) {
                outside++;
            } else {
                values.get(id).add(o.raw());
            }
        }
        List<Group> groups = new ArrayList<>();
        for (var e : values.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            Object[] k = keys.get(e.getKey());
            groups.add(group(e.getKey(), (Sex) k[0], (Band) k[1], v, range, grouping.minGroup()));
        }
        return new Built(scale, range[0], range[1], List.copyOf(groups), outside);
    }

    /**
     * Scores a sample file exactly as {@code psyscreen score} reads it (encodings, the mapping, every
     * file check) and builds the groups from the students whose form is SCORED.
     *
     * @param sample the response file
     * @param plan the instrument
     * @param scale the scale, a sum of whole numbers
     * @param grouping how to group
     * @param mapping the export's mapping, or {@code null}
     * @return the groups
     * @throws java.io.IOException when the file cannot be read
     * @throws Validator.SampleRefused when the file cannot be scored (its problems say where and why)
     */
    public static Built build(
            java.nio.file.Path sample,
            org.psyscreen.plan.ScoringPlan plan,
            String scale,
            Grouping grouping,
            org.psyscreen.load.MappingLoader.HeaderMapping mapping)
            throws java.io.IOException, Validator.SampleRefused {
        range(plan.definition(), scale); // refuse a scale that makes no lookup table before reading
        String id = plan.definition().id();
        var b = org.psyscreen.batch.BatchOptions.builder(Map.of(id, plan), null).threads(1);
        if (mapping != null) {
            b = b.mapping(mapping);
        }
        List<Observation> sampleRows = new ArrayList<>();
        var problems = new org.psyscreen.batch.BatchScorer(b.build()).screenEach(sample, rec -> {
            var form = rec.result().forms().get(id);
            if (form != null && form.status() == org.psyscreen.score.FormStatus.SCORED) {
                sampleRows.add(new Observation(
                        form.scaleValue(scale),
                        rec.result().profile().sex(),
                        rec.result().profile().grade()));
            }
        });
        if (problems.hasErrors()) {
            throw new Validator.SampleRefused(problems);
        }
        return build(plan.definition(), scale, grouping, sampleRows);
    }

    private static Group group(String id, Sex sex, Band band, double[] v, int[] range, int minGroup) {
        int n = v.length;
        double mean = Double.NaN;
        double sd = Double.NaN;
        double[] quartiles = {Double.NaN, Double.NaN, Double.NaN};
        if (n >= 2) {
            mean = org.apache.commons.statistics.descriptive.Mean.of(v).getAsDouble();
            sd = org.apache.commons.statistics.descriptive.StandardDeviation.of(v)
                    .getAsDouble();
            quartiles =
                    Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(v.clone(), 0.25, 0.5, 0.75);
        }
        if (n < minGroup) {
            return new Group(id, sex, band, n, mean, sd, quartiles, List.of(), new double[0], new double[0]);
        }
        int[] count = new int[range[1] - range[0] + 1];
        for (double x : v) {
            if (x != Math.rint(x) || x < range[0] || x > range[1]) {
                throw new IllegalArgumentException("a score of group '" + id + "' is not a whole number within "
                        + range[0] + ".." + range[1] + " (a prorated sum without rounding?)");
            }
            count[(int) x - range[0]]++;
        }
        NormalDistribution z = NormalDistribution.of(0, 1);
        List<NormRow> rows = new ArrayList<>();
        double[] percentiles = new double[count.length];
        double[] tScores = new double[count.length];
        long below = 0;
        double edge = 50.0 / n;
        for (int raw = range[0]; raw <= range[1]; raw++) {
            int here = count[raw - range[0]];
            double pr = 100.0 * (below + here / 2.0) / n;
            double held = Math.min(Math.max(pr, edge), 100 - edge);
            double t = 50 + 10 * z.inverseCumulativeProbability(held / 100);
            rows.add(new NormRow(raw, raw, oneDecimal(t), oneDecimal(pr)));
            percentiles[raw - range[0]] = pr;
            tScores[raw - range[0]] = t;
            below += here;
        }
        return new Group(id, sex, band, n, mean, sd, quartiles, List.copyOf(rows), percentiles, tScores);
    }

    /** {@code x} to one decimal, half-up (as the norm tables print). */
    static double oneDecimal(double x) {
        return new java.math.BigDecimal(Double.toString(x))
                .setScale(1, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The whole-number range of a sum scale: the sums of its members' lowest and highest values. */
    static int[] range(InstrumentDefinition d, String scaleId) {
        Scale scale = d.scales().stream()
                .filter(s -> s.id().equals(scaleId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(d.id() + " has no scale '" + scaleId + "'"));
        if (scale.aggregate() == Aggregate.MEAN) {
            throw new IllegalArgumentException(
                    "scale '" + scaleId + "' is a mean; a lookup table needs a sum of" + " whole numbers");
        }
        int lo = 0;
        int hi = 0;
        if (scale.derived()) {
            for (String c : scale.of()) {
                int[] r = range(d, c);
                lo += r[0];
                hi += r[1];
            }
            return new int[] {lo, hi};
        }
        for (String itemId : scale.items()) {
            Item item = d.items().stream()
                    .filter(i -> i.id().equals(itemId))
                    .findFirst()
                    .orElseThrow();
            var set = d.responseSets().stream()
                    .filter(s -> s.id().equals(item.responses()))
                    .findFirst()
                    .orElseThrow();
            lo += set.codes().stream().mapToInt(ResponseCode::value).min().orElseThrow();
            hi += set.codes().stream().mapToInt(ResponseCode::value).max().orElseThrow();
        }
        return new int[] {lo, hi};
    }
}
