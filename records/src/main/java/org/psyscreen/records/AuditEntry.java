package org.psyscreen.records;

/**
 * One entry of the store's audit log: who did what, when, on which pseudonym. Never a name or an answer.
 *
 * @param id its place in the log, 1 for the first
 * @param at when it was written (UTC instant)
 * @param principal who: the staff or operator code the store acted as ({@link RecordStore#actingAs})
 * @param role the role it was done in ({@code counsellor}, {@code class-teacher}, … or {@code operator})
 * @param action what ({@code import}, {@code roster}, {@code report}, {@code assess}, {@code plan}, a
 *     follow-up's kind, {@code visit}, {@code export}, {@code named-list}, {@code delete-student}, …)
 * @param scope the scope it was done in
 * @param subject the student's pseudonym, or {@code ""} (none, or the student was deleted since)
 * @param detail codes and counts
 */
public record AuditEntry(
        long id,
        String at,
        String principal,
        String role,
        String action,
        String scope,
        String subject,
        String detail) {}
