package org.psyscreen.records;

/**
 * One school's decisions in one wave, as decided then: for trend charts. Counts are raw; a front end
 * suppresses small cells before showing them.
 *
 * @param wave wave name
 * @param region region
 * @param school school
 * @param students students with a decision
 * @param flagged students in any tier
 */
public record WaveCount(String wave, String region, String school, long students, long flagged) {}
