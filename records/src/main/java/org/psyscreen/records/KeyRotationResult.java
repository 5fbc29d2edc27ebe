package org.psyscreen.records;

/**
 * What a key rotation did ({@link RecordStore#rotateKey}). Key ids are the keys' public ids, safe to print.
 *
 * @param oldKeyId the key the store held students under
 * @param newKeyId the key it holds them under now
 * @param students students re-keyed: every student of the store
 * @param auditEntries audit log entries whose pseudonym was re-keyed (the chain is sealed again)
 */
public record KeyRotationResult(String oldKeyId, String newKeyId, long students, long auditEntries) {}
