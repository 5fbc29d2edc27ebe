package org.psyscreen.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psyscreen.definition.Aggregate;
import org.psyscreen.definition.Comparison;
import org.psyscreen.definition.CriticalItem;
import org.psyscreen.definition.InstrumentDefinition;
import org.psyscreen.definition.Rounding;
import org.psyscreen.definition.Scale;
import org.psyscreen.definition.ValidityCheck;
import org.psyscreen.definition.ValidityKind;
import org.psyscreen.definition.ValueBasis;
import org.psyscreen.internal.Ids;
import org.psyscreen.score.AnswerState;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.ExplanationSink;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ResponseRow;
import org.psyscreen.score.ScaleScore;
import org.psyscreen.score.ScaleStatus;
import org.psyscreen.score.ScoredResponse;
import org.psyscreen.score.StatusReason;

/**
 * An instrument definition compiled into flat tables. Immutable and thread-safe: one plan serves
 * every thread. Items, scales, critical items and validity checks are addressed by their index in
 * the definition.
 *
 * <p>{@link #describe()} prints a stable text of what the plan does; golden tests compare it so a
 * reviewer sees what a definition change did.
 */
public final class ScoringPlan {
    final InstrumentDefinition definition;
    final String sha256;

    // Items: answer codes and the values they score as, per item (short arrays, scanned linearly).
    final String[][] codes;
    final int[][] values;
    final String[][] special;
    final int[] min;
    final int[] max;
    final boolean[] reverse;

    // Scales in CSR form: members of scale s are members[memberStart[s] .. memberStart[s+1]).
    final int[] memberStart;
    final int[] members;
    /** Per member: keyed reversed in this scale only (the item is forward elsewhere). */
    final boolean[] memberFlip;

    final boolean[] derived;
    final int[] allowedMissing;
    /** Item scales first, then derived scales after their components. */
    final int[] evalOrder;

    final int[] criticalItem;
    final boolean[] criticalOnRaw;
    final Comparison[] criticalOp;
    final double[] criticalThreshold;

    /**
     * Per item, what each one-character ASCII answer is ({@link #oneCharAnswers}): answers are mostly
     * one digit, and comparing them with every code was a thirtieth of a batch's time.
     */
    private final byte[][] oneCharAnswer;

    private static final byte ONE_CHAR_INVALID = 0;
    private static final byte ONE_CHAR_SPECIAL = -1;

    /** For each item and ASCII character: 1 + the first code it equals, else special, else invalid. */
    private static byte[][] oneCharAnswers(String[][] codes, String[][] special) {
        byte[][] table = new byte[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            table[i] = new byte[128];
            for (int k = special[i].length - 1; k >= 0; k--) {
                if (special[i][k].length() == 1 && special[i][k].charAt(0) < 128) {
                    table[i][special[i][k].charAt(0)] = ONE_CHAR_SPECIAL;
                }
            }
            for (int k = Math.min(codes[i].length, Byte.MAX_VALUE) - 1; k >= 0; k--) {
                if (codes[i][k].length() == 1 && codes[i][k].charAt(0) < 128) {
                    table[i][codes[i][k].charAt(0)] = (byte) (k + 1);
                }
            }
        }
        return table;
    }

    // Per-scale rule flags, precomputed so the kernel does not consult the definition per row.
    final boolean[] mean;
    final boolean[] prorate;
    final boolean[] roundHalfUp;
    final boolean[] required;

    final ValidityKind[] validityKind;
    final Comparison[] validityOp;
    final double[] validityThreshold;
    final int[] validityMaxDifference;
    final int[] validityScale;
    /**
     * Per validity check: pairs flattened (a0, b0, a1, b1, ...), the items it reads, or (even-odd)
     * the scales it splits.
     */
    final int[][] validityItems;
    /** Per validity check: the Mahalanobis reference, factored once, or {@code null}. */
    final org.psyscreen.analysis.Mahalanobis[] validityDistance;

    ScoringPlan(
            InstrumentDefinition definition,
            String sha256,
            String[][] codes,
            int[][] values,
            String[][] special,
            int[] min,
            int[] max,
            boolean[] reverse,
            int[] memberStart,
            int[] members,
            boolean[] memberFlip,
            boolean[] derived,
            int[] allowedMissing,
            int[] evalOrder,
            int[] criticalItem,
            int[] validityScale,
            int[][] validityItems) {
        this.definition = definition;
        this.sha256 = sha256;
        this.codes = codes;
        this.values = values;
        this.special = special;
        this.oneCharAnswer = oneCharAnswers(codes, special);
        this.min = min;
        this.max = max;
        this.reverse = reverse;
        this.memberStart = memberStart;
        this.members = members;
        this.memberFlip = memberFlip;
        this.derived = derived;
        this.allowedMissing = allowedMissing;
        this.evalOrder = evalOrder;
        this.criticalItem = criticalItem;
        this.validityScale = validityScale;
        this.validityItems = validityItems;
        int c = definition.critical().size();
        this.criticalOnRaw = new boolean[c];
        this.criticalOp = new Comparison[c];
        this.criticalThreshold = new double[c];
        for (int k = 0; k < c; k++) {
            CriticalItem ci = definition.critical().get(k);
            criticalOnRaw[k] = ci.on() == ValueBasis.RAW;
            criticalOp[k] = ci.when().op();
            criticalThreshold[k] = ci.when().value();
        }
        int sc = definition.scales().size();
        this.mean = new boolean[sc];
        this.prorate = new boolean[sc];
        this.roundHalfUp = new boolean[sc];
        this.required = new boolean[sc];
        for (int s = 0; s < sc; s++) {
            Scale scale = definition.scales().get(s);
            mean[s] = scale.aggregate() == Aggregate.MEAN;
            prorate[s] = scale.missing().prorate();
            roundHalfUp[s] = scale.missing().rounding() == Rounding.HALF_UP;
            required[s] = scale.required();
        }
        int v = definition.validity().size();
        this.validityKind = new ValidityKind[v];
        this.validityOp = new Comparison[v];
        this.validityThreshold = new double[v];
        this.validityMaxDifference = new int[v];
        this.validityDistance = new org.psyscreen.analysis.Mahalanobis[v];
        for (int k = 0; k < v; k++) {
            ValidityCheck check = definition.validity().get(k);
            validityKind[k] = check.kind();
            validityOp[k] = check.invalidWhen().op();
            validityThreshold[k] = check.invalidWhen().value();
            validityMaxDifference[k] = check.maxDifference() == null ? 0 : check.maxDifference();
            validityDistance[k] =
                    check.reference() == null ? null : check.reference().measure();
        }
        this.key = definition.key();
        // interned, as policy conditions' ids are: a lookup by id compares references
        this.itemIds = definition.items().stream().map(i -> Ids.of(i.id())).toList();
        this.scaleIds = definition.scales().stream().map(x -> Ids.of(x.id())).toList();
        this.criticalIds =
                definition.critical().stream().map(x -> Ids.of(x.id())).toList();
        this.validityIds =
                definition.validity().stream().map(x -> Ids.of(x.id())).toList();
        this.bands = java.util.Collections.unmodifiableList(java.util.Arrays.asList(
                definition.scales().stream().map(Scale::bands).toArray(org.psyscreen.definition.SeverityBands[]::new)));
    }

    private static final byte ANSWERED = (byte) AnswerState.ANSWERED.ordinal();
    private static final byte INVALID = (byte) AnswerState.INVALID.ordinal();

    /** {@code id@version}, built once: every result carries it. */
    private final String key;

    /** Id lists shared by every result (immutable). */
    private final List<String> itemIds;

    private final List<String> scaleIds;
    private final List<String> criticalIds;
    private final List<String> validityIds;
    /** Per scale, its severity levels or {@code null} (a list that holds nulls, never changed). */
    private final List<org.psyscreen.definition.SeverityBands> bands;

    /** {@return the checked definition this plan was compiled from} */
    public InstrumentDefinition definition() {
        return definition;
    }

    /** {@return {@code id@version} of the instrument} */
    public String key() {
        return key;
    }

    /** {@return SHA-256 of the definition file, or empty for a definition built in code} */
    public String sha256() {
        return sha256;
    }

    /** {@return number of items} */
    public int itemCount() {
        return codes.length;
    }

    /** {@return item ids in form order; index i is item i} */
    public List<String> itemIds() {
        return itemIds;
    }

    /** {@return scale ids in declaration order; index s is scale s} */
    public List<String> scaleIds() {
        return scaleIds;
    }

    /** {@return critical-item ids in declaration order} */
    public List<String> criticalIds() {
        return criticalIds;
    }

    /** {@return validity-check ids in declaration order} */
    public List<String> validityIds() {
        return validityIds;
    }

    /**
     * {@return the item indices of item scale {@code scale} (its members in declaration order); empty for a
     * derived scale} With {@link #keyedValue} this is how an analysis sees a scale exactly as the
     * scorer sums it (validation's item statistics).
     *
     * @param scale the scale's index
     */
    public int[] scaleItems(int scale) {
        if (derived[scale]) {
            return new int[0];
        }
        return java.util.Arrays.copyOfRange(members, memberStart[scale], memberStart[scale + 1]);
    }

    /**
     * {@return what raw value {@code raw} of the {@code member}-th item of item scale {@code scale} counts as
     * in that scale: {@code min + max − raw} for an item keyed reversed (by the item, or by this scale
     * alone), {@code raw} otherwise}
     *
     * @param scale the item scale's index
     * @param member the member's position in the scale
     * @param raw the raw answer
     */
    public int keyedValue(int scale, int member, int raw) {
        int m = memberStart[scale] + member;
        if (derived[scale] || m >= memberStart[scale + 1]) {
            throw new IndexOutOfBoundsException("scale " + scale + " has no item member " + member);
        }
        return keyed(members[m], raw, memberFlip[m]);
    }

    /**
     * {@return index of an item id, or -1}
     *
     * @param id an item's id
     */
    public int itemIndex(String id) {
        return itemIds.indexOf(id);
    }

    /**
     * {@return the result for a record whose answers cannot be read by position (its fields do not line up
     * with its header): INVALID with reason {@link StatusReason.Code#RECORD_UNSCORABLE}, every item
     * INVALID, every scale unscored, every critical item UNKNOWN — never NEGATIVE, so a tier policy
     * sees a follow-up, not a student without risk}
     */
    public ScoredResponse unscorable() {
        return withoutAnswers(
                INVALID,
                FormStatus.INVALID,
                List.of(new StatusReason(StatusReason.Code.RECORD_UNSCORABLE, definition.id())),
                Map.of(),
                Map.of());
    }

    /**
     * A form as a run's audit trail recorded it — status, scale values and critical items, no answers —
     * so that a decision read back from a file can be re-derived rather than believed. Every item is
     * BLANK (answers are not recorded), so a rule that reads an item is UNKNOWN on it, never false;
     * a scale absent from {@code scales} (or NaN) is unscored.
     *
     * @param status the recorded form status
     * @param reasons the recorded reasons (none exactly when the status is SCORED)
     * @param scales recorded scale values by scale id
     * @param critical recorded critical-item states by critical id (absent: UNKNOWN)
     * @return the form as recorded
     * @throws IllegalArgumentException when the status and the reasons contradict each other
     */
    public ScoredResponse recorded(
            FormStatus status,
            List<StatusReason> reasons,
            Map<String, Double> scales,
            Map<String, CriticalState> critical) {
        return withoutAnswers((byte) AnswerState.BLANK.ordinal(), status, reasons, scales, critical);
    }

    /**
     * A result with no answer read: every item in {@code itemState}, the given scale values (others
     * unscored), critical states (others UNKNOWN) and no validity measure.
     */
    private ScoredResponse withoutAnswers(
            byte itemState,
            FormStatus status,
            List<StatusReason> reasons,
            Map<String, Double> scales,
            Map<String, CriticalState> critical) {
        int n = codes.length;
        byte[] state = new byte[n];
        java.util.Arrays.fill(state, itemState);
        int sc = derived.length;
        double[] value = new double[sc];
        for (int s = 0; s < sc; s++) {
            Double v = scales.get(scaleIds.get(s));
            value[s] = v == null ? Double.NaN : v;
        }
        byte[] crit = new byte[criticalItem.length];
        for (int k = 0; k < crit.length; k++) {
            crit[k] = (byte) critical.getOrDefault(criticalIds.get(k), CriticalState.UNKNOWN)
                    .ordinal();
        }
        int vc = validityItems.length;
        double[] measure = new double[vc];
        java.util.Arrays.fill(measure, Double.NaN);
        return org.psyscreen.internal.access.Construct.scoredResponses()
                .create(
                        key,
                        itemIds,
                        scaleIds,
                        criticalIds,
                        validityIds,
                        state,
                        new int[n],
                        value,
                        new int[sc],
                        new int[sc],
                        new boolean[sc],
                        crit,
                        measure,
                        new boolean[vc],
                        status,
                        reasons,
                        bands);
    }

    /**
     * Scores one form on the fast path. Thread-safe; allocates only the result.
     *
     * @param row the form's answers
     * @return the scored form
     */
    public ScoredResponse score(ResponseRow row) {
        return score(row, ExplanationSink.NONE);
    }

    /**
     * Scores one form and reports every step to {@code sink}. Order: answers are classified;
     * critical items are evaluated next, on their own, whatever the rest of the form holds; then
     * scales in evaluation order, validity checks, and the status.
     *
     * @param row the form's answers
     * @param sink told every step
     * @return the scored form
     */
    public ScoredResponse score(ResponseRow row, ExplanationSink sink) {
        final boolean explain = sink != ExplanationSink.NONE;
        final int n = codes.length;
        byte[] state = new byte[n];
        int[] raw = new int[n];
        boolean anyInvalid = false;
        boolean allBlank = true;
        for (int i = 0; i < n; i++) {
            CharSequence a = row.answer(i);
            AnswerState st;
            if (a == null || a.length() == 0) {
                st = AnswerState.BLANK;
            } else {
                allBlank = false;
                int k;
                if (a.length() == 1 && a.charAt(0) < 128 && codes[i].length <= Byte.MAX_VALUE) {
                    byte b = oneCharAnswer[i][a.charAt(0)];
                    k = b > 0 ? b - 1 : -1;
                    if (b == ONE_CHAR_SPECIAL) {
                        st = AnswerState.SPECIAL;
                    } else if (b == ONE_CHAR_INVALID) {
                        st = AnswerState.INVALID;
                        anyInvalid = true;
                    } else {
                        st = AnswerState.ANSWERED;
                        raw[i] = values[i][k];
                    }
                } else if ((k = indexOf(codes[i], a)) >= 0) {
                    st = AnswerState.ANSWERED;
                    raw[i] = values[i][k];
                } else if (indexOf(special[i], a) >= 0) {
                    st = AnswerState.SPECIAL;
                } else {
                    st = AnswerState.INVALID;
                    anyInvalid = true;
                }
            }
            state[i] = (byte) st.ordinal();
            if (explain) {
                sink.answer(i, st, raw[i], st == AnswerState.ANSWERED ? keyed(i, raw[i]) : 0);
            }
        }

        // Critical items first and independently: never gated by totals, validity or completeness.
        final int c = criticalItem.length;
        byte[] crit = new byte[c];
        for (int k = 0; k < c; k++) {
            int i = criticalItem[k];
            CriticalState cs;
            if (state[i] == ANSWERED) {
                int v = criticalOnRaw[k] ? raw[i] : keyed(i, raw[i]);
                cs = criticalOp[k].test(v, criticalThreshold[k]) ? CriticalState.POSITIVE : CriticalState.NEGATIVE;
            } else {
                cs = CriticalState.UNKNOWN;
            }
            crit[k] = (byte) cs.ordinal();
            if (explain) {
                sink.critical(k, cs);
            }
        }

        final int sc = derived.length;
        double[] value = new double[sc];
        int[] answered = new int[sc];
        int[] missing = new int[sc];
        boolean[] prorated = new boolean[sc];
        for (int s : evalOrder) {
            long sum = 0;
            double dsum = 0;
            int present = 0;
            int absent = 0;
            for (int m = memberStart[s]; m < memberStart[s + 1]; m++) {
                int member = members[m];
                if (derived[s]) {
                    double v = value[member];
                    boolean ok = !Double.isNaN(v);
                    if (ok) {
                        dsum += v;
                        present++;
                    } else {
                        absent++;
                    }
                    if (explain) {
                        sink.member(s, member, ok, v);
                    }
                } else {
                    boolean ok = state[member] == ANSWERED;
                    int v = ok ? keyed(member, raw[member], memberFlip[m]) : 0;
                    if (ok) {
                        sum += v;
                        present++;
                    } else {
                        absent++;
                    }
                    if (explain) {
                        sink.member(s, member, ok, ok ? v : Double.NaN);
                    }
                }
            }
            answered[s] = present;
            missing[s] = absent;
            int size = present + absent;
            if (absent > allowedMissing[s] || present == 0) {
                value[s] = Double.NaN;
            } else if (derived[s]) {
                value[s] = mean[s] ? dsum / present : dsum;
            } else if (mean[s]) {
                value[s] = (double) sum / present;
            } else if (absent > 0 && prorate[s]) {
                prorated[s] = true;
                value[s] = roundHalfUp[s]
                        ? (double) Math.floorDiv(2 * sum * size + present, 2L * present)
                        : (double) (sum * size) / present;
            } else {
                value[s] = sum;
            }
            if (explain) {
                sink.scale(
                        s,
                        new ScaleScore(
                                definition.scales().get(s).id(),
                                Double.isNaN(value[s]) ? ScaleStatus.INCOMPLETE : ScaleStatus.SCORED,
                                value[s],
                                present,
                                absent,
                                prorated[s]));
            }
        }

        final int vc = validityItems.length;
        double[] measure = new double[vc];
        boolean[] fired = new boolean[vc];
        for (int k = 0; k < vc; k++) {
            double m = ValidityMeasures.measure(this, k, state, raw, value, row);
            measure[k] = m;
            fired[k] = !Double.isNaN(m) && validityOp[k].test(m, validityThreshold[k]);
            if (explain) {
                sink.validity(k, m, fired[k]);
            }
        }

        FormStatus status;
        // Allocated only when there is a reason: a SCORED form allocates nothing beyond its result.
        List<StatusReason> reasons = null;
        if (allBlank) {
            status = FormStatus.NOT_ADMINISTERED;
            reasons = List.of(new StatusReason(StatusReason.Code.ALL_BLANK, definition.id()));
        } else {
            if (anyInvalid) {
                reasons = new ArrayList<>(4);
                for (int i = 0; i < n; i++) {
                    if (state[i] == INVALID) {
                        reasons.add(new StatusReason(StatusReason.Code.INVALID_ANSWER, itemIds.get(i)));
                    }
                }
            }
            boolean anyFired = false;
            boolean incomplete = false;
            for (int k = 0; k < vc; k++) {
                if (fired[k] || Double.isNaN(measure[k])) {
                    reasons = reasons == null ? new ArrayList<>(4) : reasons;
                    if (fired[k]) {
                        anyFired = true;
                        reasons.add(new StatusReason(StatusReason.Code.VALIDITY_FAILED, validityIds.get(k)));
                    } else {
                        incomplete = true;
                        reasons.add(new StatusReason(StatusReason.Code.VALIDITY_NOT_EVALUATED, validityIds.get(k)));
                    }
                }
            }
            for (int s = 0; s < sc; s++) {
                if (required[s] && Double.isNaN(value[s])) {
                    incomplete = true;
                    reasons = reasons == null ? new ArrayList<>(4) : reasons;
                    reasons.add(new StatusReason(StatusReason.Code.SCALE_INCOMPLETE, scaleIds.get(s)));
                }
            }
            status = anyInvalid || anyFired
                    ? FormStatus.INVALID
                    : incomplete ? FormStatus.INCOMPLETE : FormStatus.SCORED;
        }
        if (explain) {
            sink.status(status);
        }
        return org.psyscreen.internal.access.Construct.scoredResponses()
                .create(
                        key,
                        itemIds,
                        scaleIds,
                        criticalIds,
                        validityIds,
                        state,
                        raw,
                        value,
                        answered,
                        missing,
                        prorated,
                        crit,
                        measure,
                        fired,
                        status,
                        reasons == null ? List.of() : reasons,
                        bands);
    }

    /** Index of {@code answer} among {@code options}, or -1. Linear: answer sets are a handful of short codes. */
    private static int indexOf(String[] options, CharSequence answer) {
        for (int k = 0; k < options.length; k++) {
            if (options[k].contentEquals(answer)) {
                return k;
            }
        }
        return -1;
    }

    /** Keyed value of a raw value of item i. */
    int keyed(int item, int raw) {
        return reverse[item] ? min[item] + max[item] - raw : raw;
    }

    /** The keyed value of an item inside one scale, which may reverse it. */
    int keyed(int item, int raw, boolean flip) {
        return reverse[item] != flip ? min[item] + max[item] - raw : raw;
    }

    /**
     * {@return a stable, readable text of the compiled plan: items with their codes and keying, scales in
     * evaluation order with their missing-data rules, validity checks and critical items} Uses no
     * locale-dependent formatting.
     */
    public String describe() {
        return PlanText.describe(this);
    }
}
