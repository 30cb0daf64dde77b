/**
 * The audit search index: a Lucene index in {@code <dataDir>/index} derived from the journal, for
 * quality leads' searches and the reports ({@link no.pasientsignal.server.report.AlarmHistories}).
 *
 * <p>Derived, never the record: {@link AuditIndex} follows the journal (the journal hands it each
 * group of records after the fsync; it never sits between a button and its acknowledgement), can
 * always be thrown away and rebuilt from the journal, and is rebuilt by itself when found missing
 * or damaged. One document per alarm (its whole history, folded by {@link
 * no.pasientsignal.server.report.AlarmHistoryProjector} and replaced as the alarm changes) and one
 * per other journal record (device events, presence, logins, configuration changes, searches).
 *
 * <p>Residents are pseudonymous here: documents carry the resident's pseudonymous id exactly as
 * the journal does, and the index never looks up or stores a name, so a search or an export
 * cannot reveal one.
 */
package no.pasientsignal.server.search;
