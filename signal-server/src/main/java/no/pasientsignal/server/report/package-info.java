/**
 * Reports for quality leads, derived from the audit trail: one {@link AlarmHistory} per alarm (its
 * whole life, folded from the journal's alarm records), fall statistics, response times, alarm
 * load, alarm fatigue and the benefit follow-up that compares periods.
 *
 * <p>Pure domain: it reads histories through the {@link AlarmHistories} port and never sees the
 * index behind it (Lucene lives in the {@code search} adapter). Residents appear only by pseudonym.
 */
package no.pasientsignal.server.report;
