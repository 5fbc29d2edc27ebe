package org.psyscreen.records;

/**
 * What importing a school's roster did.
 *
 * @param wave the wave the roster is for
 * @param school the school
 * @param students the students on it
 * @param replaced true when it replaced the school's earlier roster for the wave
 */
public record RosterResult(String wave, String school, int students, boolean replaced) {}
