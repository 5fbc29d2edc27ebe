package org.psyscreen.tier;

import java.util.List;
import java.util.Locale;
import org.psyscreen.definition.Comparison;
import org.psyscreen.definition.Numbers;
import org.psyscreen.internal.Ids;
import org.psyscreen.norm.NormResult;
import org.psyscreen.score.CriticalState;
import org.psyscreen.score.FormStatus;
import org.psyscreen.score.ScoredResponse;

/**
 * A compiled policy condition. Evaluation is three-valued: a condition that reads a value that is
 * not there (incomplete scale, missing instrument, no norm) is UNKNOWN, never false-and-safe.
 */
public sealed interface Condition {
    /** Three-valued truth. */
    enum Truth {
        /** The condition holds. */
        TRUE,
        /** The condition does not hold. */
        FALSE,
        /** A value it reads is not there: never counted as false. */
        UNKNOWN
    }

    /**
     * {@return the scale comparisons a condition fires on: its own, or those inside {@code all} and {@code any}
     * (not under {@code not}, where the comparison is inverted)} What validation compares with norms
     * and reports draw as cut-offs.
     *
     * @param c a condition
     */
    static java.util.List<ScaleCompare> cutoffs(Condition c) {
        java.util.List<ScaleCompare> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Condition> todo = new java.util.ArrayDeque<>(java.util.List.of(c));
        while (!todo.isEmpty()) {
            Condition x = todo.pop();
            if (x instanceof ScaleCompare sc) {
                out.add(sc);
            } else if (x instanceof All a) {
                a.parts().forEach(todo::add);
            } else if (x instanceof Any a) {
                a.parts().forEach(todo::add);
            }
        }
        return out;
    }

    /**
     * Evaluates and records what was read.
     *
     * @param s the student's screening
     * @param trace where what was read is recorded
     * @return true, false, or unknown when a value it reads is missing
     */
    Truth eval(Screening s, Trace trace);

    /**
     * Readings, norm tables and missing norms of one rule's evaluation. A trace that does not record
     * keeps the norm tables and missing norms but no readings: a policy evaluates each rule without
     * them first and runs a rule that fired again with them (conditions read only the screening), so
     * the readings of the rules that do not fire — most rules for most students — are never built.
     */
    final class Trace {
        /** An empty trace that records readings. */
        public Trace() {
            this(true);
        }

        Trace(boolean recording) {
            this(recording, NO_TEXTS);
        }

        /** A trace whose readings take their names and tests from {@code texts} ({@link #textsOf}). */
        Trace(boolean recording, java.util.Map<Condition, String[]> texts) {
            this.recording = recording;
            this.readings = recording ? new java.util.ArrayList<>() : List.of();
            this.texts = texts;
        }

        private static final java.util.Map<Condition, String[]> NO_TEXTS = new java.util.IdentityHashMap<>();

        /** Variable and test of each condition of a policy, by identity (see {@link #textsOf}). */
        private final java.util.Map<Condition, String[]> texts;

        /**
         * The variable and test text of every condition under {@code roots}, built once per policy:
         * readings name them for every student a rule fires for, and building them per reading (or
         * finding them by the records' value hashes) was a visible share of a batch's time.
         */
        static java.util.Map<Condition, String[]> textsOf(java.util.Collection<Condition> roots) {
            java.util.Map<Condition, String[]> out = new java.util.IdentityHashMap<>();
            java.util.ArrayDeque<Condition> todo = new java.util.ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                Condition c = todo.pop();
                if (c instanceof All a) {
                    todo.addAll(a.parts());
                } else if (c instanceof Any a) {
                    todo.addAll(a.parts());
                } else if (c instanceof Not n) {
                    todo.add(n.part());
                } else {
                    out.put(c, new String[] {variableOf(c), c.toString()});
                }
            }
            return out;
        }

        /** What a reading of {@code c} names. */
        String variable(Condition c) {
            String[] t = texts.get(c);
            return t != null ? t[0] : variableOf(c);
        }

        /** The test a reading of {@code c} applied. */
        String test(Condition c) {
            String[] t = texts.get(c);
            return t != null ? t[1] : c.toString();
        }

        private static String variableOf(Condition c) {
            if (c instanceof ScaleCompare x) {
                return x.variable();
            } else if (c instanceof ItemCompare x) {
                return x.variable();
            } else if (c instanceof CriticalIs x) {
                return x.variable();
            } else if (c instanceof StatusIs x) {
                return x.variable();
            } else if (c instanceof AttributeIs x) {
                return x.variable();
            }
            return c.toString();
        }

        /** Whether readings are kept. */
        final boolean recording;

        /** Kept only when recording; a trace that does not record never allocates a list for them. */
        final List<Reading> readings;

        final List<String> normTables = new java.util.ArrayList<>();
        boolean normMissing;
    }

    /** Which value of a scale. */
    enum Basis {
        /** The scale's raw score. */
        RAW,
        /** The T-score from the named norm table. */
        T,
        /** The percentile from the named norm table. */
        PERCENTILE
    }

    /** {@code instrument.scale op value}, on the raw score, or on T or percentile from a norm table. */
    record ScaleCompare(String instrument, String scale, Basis basis, String normId, Comparison op, double value)
            implements Condition {
        /**
         * Ids interned: the plans' and screeners' ids are too, so finding the form and the scale compares
         * references, not text, for every student.
         *
         * @param instrument the instrument's id
         * @param scale the scale's id
         * @param basis raw, T or percentile
         * @param normId the norm table read for T or percentile, or {@code null}
         * @param op the comparison
         * @param value the cut-off
         */
        public ScaleCompare {
            instrument = Ids.of(instrument);
            scale = Ids.of(scale);
            normId = Ids.of(normId);
        }

        /** The variable a reading names, built only when the trace records. */
        private String variable() {
            return instrument + "." + scale
                    + (basis == Basis.RAW ? "" : ":" + basis.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public Truth eval(Screening s, Trace trace) {
            ScoredResponse form = s.forms().get(instrument);
            if (form == null) {
                if (trace.recording) {
                    trace.readings.add(new Reading(trace.variable(this), "unavailable: instrument not given", null));
                }
                return Truth.UNKNOWN;
            }
            double raw = form.scaleValue(scale);
            if (Double.isNaN(raw)) {
                if (trace.recording) {
                    trace.readings.add(new Reading(trace.variable(this), "unavailable: scale incomplete", null));
                }
                return Truth.UNKNOWN;
            }
            double x = raw;
            String table = null;
            if (basis != Basis.RAW) {
                var norm = s.norm(normId, instrument);
                if (norm.isEmpty()) {
                    trace.normMissing = true;
                    if (trace.recording) {
                        trace.readings.add(new Reading(
                                trace.variable(this), "unavailable: norm table " + normId + " not supplied", null));
                    }
                    return Truth.UNKNOWN;
                }
                table = norm.get().tableKey();
                if (!trace.normTables.contains(table)) {
                    trace.normTables.add(table);
                }
                if (norm.get() instanceof NormResult.NoNorm no) {
                    trace.normMissing = true;
                    if (trace.recording) {
                        trace.readings.add(
                                new Reading(trace.variable(this), "unavailable: NO_NORM " + no.reason(), table));
                    }
                    return Truth.UNKNOWN;
                }
                NormResult.Normed n = (NormResult.Normed) norm.get();
                x = basis == Basis.T ? n.t() : n.percentile();
            }
            boolean met = op.test(x, value);
            if (trace.recording) {
                trace.readings.add(new Reading(trace.variable(this), Numbers.format(x), table, trace.test(this), met));
            }
            return met ? Truth.TRUE : Truth.FALSE;
        }

        @Override
        public String toString() {
            return instrument + "." + scale
                    + (basis == Basis.RAW ? "" : ":" + basis.name().toLowerCase(Locale.ROOT)) + " " + op.symbol() + " "
                    + Numbers.format(value);
        }
    }

    /** {@code instrument.item op value} on the item's raw answer value. */
    record ItemCompare(String instrument, String item, Comparison op, double value) implements Condition {
        /**
         * Ids interned, as {@link ScaleCompare}'s.
         *
         * @param instrument the instrument's id
         * @param item the item's id
         * @param op the comparison
         * @param value the cut-off
         */
        public ItemCompare {
            instrument = Ids.of(instrument);
            item = Ids.of(item);
        }

        /** The variable a reading names, built only when the trace records. */
        private String variable() {
            return instrument + "." + item;
        }

        @Override
        public Truth eval(Screening s, Trace trace) {
            ScoredResponse form = s.forms().get(instrument);
            if (form == null || form.rawValue(item).isEmpty()) {
                if (trace.recording) {
                    trace.readings.add(new Reading(
                            trace.variable(this),
                            "unavailable: "
                                    + (form == null
                                            ? "instrument not given"
                                            : form.answerState(item).name().toLowerCase(Locale.ROOT)),
                            null));
                }
                return Truth.UNKNOWN;
            }
            int v = form.rawValue(item).getAsInt();
            boolean met = op.test(v, value);
            if (trace.recording) {
                trace.readings.add(new Reading(trace.variable(this), Integer.toString(v), null, trace.test(this), met));
            }
            return met ? Truth.TRUE : Truth.FALSE;
        }

        @Override
        public String toString() {
            return instrument + "." + item + " " + op.symbol() + " " + Numbers.format(value);
        }
    }

    /** A critical item's state. */
    record CriticalIs(String instrument, String critical, CriticalState state) implements Condition {
        /**
         * Ids interned, as {@link ScaleCompare}'s.
         *
         * @param instrument the instrument's id
         * @param critical the critical item's id
         * @param state the state it must have
         */
        public CriticalIs {
            instrument = Ids.of(instrument);
            critical = Ids.of(critical);
        }

        /** The variable a reading names, built only when the trace records. */
        private String variable() {
            return "critical " + instrument + "." + critical;
        }

        @Override
        public Truth eval(Screening s, Trace trace) {
            ScoredResponse form = s.forms().get(instrument);
            if (form == null) {
                if (trace.recording) {
                    trace.readings.add(new Reading(trace.variable(this), "unavailable: instrument not given", null));
                }
                return Truth.UNKNOWN;
            }
            CriticalState st = form.critical(critical);
            if (trace.recording) {
                trace.readings.add(new Reading(trace.variable(this), st.name(), null, trace.test(this), st == state));
            }
            return st == state ? Truth.TRUE : Truth.FALSE;
        }

        @Override
        public String toString() {
            return "critical " + instrument + "." + critical + " is " + state;
        }
    }

    /** A form's status. */
    record StatusIs(String instrument, FormStatus status) implements Condition {
        /**
         * Ids interned, as {@link ScaleCompare}'s.
         *
         * @param instrument the instrument's id
         * @param status the status it must have
         */
        public StatusIs {
            instrument = Ids.of(instrument);
        }

        /** The variable a reading names, built only when the trace records. */
        private String variable() {
            return "status " + instrument;
        }

        @Override
        public Truth eval(Screening s, Trace trace) {
            ScoredResponse form = s.forms().get(instrument);
            if (form == null) {
                if (trace.recording) {
                    trace.readings.add(new Reading(trace.variable(this), "unavailable: instrument not given", null));
                }
                return Truth.UNKNOWN;
            }
            if (trace.recording) {
                trace.readings.add(new Reading(
                        trace.variable(this), form.status().name(), null, trace.test(this), form.status() == status));
            }
            return form.status() == status ? Truth.TRUE : Truth.FALSE;
        }

        @Override
        public String toString() {
            return "status " + instrument + " is " + status;
        }
    }

    /** A region-supplied attribute; absent (not supplied, blank or unreadable) is UNKNOWN, never false. */
    record AttributeIs(String name, boolean value) implements Condition {
        /** The variable a reading names, built only when the trace records. */
        private String variable() {
            return "attribute " + name;
        }

        @Override
        public Truth eval(Screening s, Trace trace) {
            Boolean v = s.attributes().get(name);
            if (v == null) {
                if (trace.recording) {
                    trace.readings.add(new Reading(trace.variable(this), "unknown", null, trace.test(this), null));
                }
                return Truth.UNKNOWN;
            }
            if (trace.recording) {
                trace.readings.add(
                        new Reading(trace.variable(this), Boolean.toString(v), null, trace.test(this), v == value));
            }
            return v == value ? Truth.TRUE : Truth.FALSE;
        }

        @Override
        public String toString() {
            return "attribute " + name + " is " + value;
        }
    }

    /** Every part true; any false makes it false; otherwise unknown if any is unknown. */
    record All(List<Condition> parts) implements Condition {
        @Override
        public Truth eval(Screening s, Trace trace) {
            Truth out = Truth.TRUE;
            for (Condition c : parts) {
                Truth t = c.eval(s, trace);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    out = Truth.UNKNOWN;
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "all("
                    + String.join(", ", parts.stream().map(Object::toString).toList()) + ")";
        }
    }

    /**
     * Any part true; otherwise unknown if any is unknown; otherwise false. Every part is evaluated,
     * so an explanation reports every branch that met its cut-off, not only the first.
     */
    record Any(List<Condition> parts) implements Condition {
        @Override
        public Truth eval(Screening s, Trace trace) {
            Truth out = Truth.FALSE;
            for (Condition c : parts) {
                Truth t = c.eval(s, trace);
                if (t == Truth.TRUE) {
                    out = Truth.TRUE;
                } else if (t == Truth.UNKNOWN && out == Truth.FALSE) {
                    out = Truth.UNKNOWN;
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "any("
                    + String.join(", ", parts.stream().map(Object::toString).toList()) + ")";
        }
    }

    /** Negation; unknown stays unknown. */
    record Not(Condition part) implements Condition {
        @Override
        public Truth eval(Screening s, Trace trace) {
            Truth t = part.eval(s, trace);
            return t == Truth.UNKNOWN ? t : t == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
        }

        @Override
        public String toString() {
            return "not(" + part + ")";
        }
    }
}
