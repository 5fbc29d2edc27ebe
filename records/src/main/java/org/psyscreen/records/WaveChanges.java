package org.psyscreen.records;

import java.util.List;
import java.util.Map;

/**
 * Year over year between two waves, within a scope: every student screened in both with each
 * scale's change and reliable change index and the tier transition (as decided then), and coverage —
 * who was screened in the earlier wave and not in the later one.
 *
 * @param fromWave the earlier wave
 * @param toWave the later wave
 * @param students students screened in both waves
 * @param transitions how many students made each transition
 * @param seenBefore students screened in the earlier wave
 * @param seenNow students screened in the later wave
 * @param missingTokens students screened in the earlier wave and not in the later (left, absent,
 *     or moved to a school outside the scope)
 */
public record WaveChanges(
        String fromWave,
        String toWave,
        List<StudentChange> students,
        Map<Transition, Long> transitions,
        long seenBefore,
        long seenNow,
        List<String> missingTokens) {

    /** How a student's tier moved between the two waves. */
    public enum Transition {
        /** No tier before, a tier now. */
        NEWLY_FLAGGED,
        /** A more severe tier than before. */
        ESCALATED,
        /** A less severe tier than before, or none now. */
        IMPROVED,
        /** The same tier (or none) both times. */
        UNCHANGED,
        /** Either decision was undetermined: no comparison is claimed. */
        UNDETERMINED
    }

    /**
     * One student in both waves.
     *
     * @param token pseudonym
     * @param school school in the later wave
     * @param fromTier tier in the earlier wave, or {@code null}
     * @param toTier tier in the later wave, or {@code null}
     * @param transition how it moved
     * @param scales every scale's change
     */
    public record StudentChange(
            String token,
            String school,
            String fromTier,
            String toTier,
            Transition transition,
            List<ScaleChange> scales) {}
}
