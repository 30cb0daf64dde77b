package no.pasientsignal.console.client;

/**
 * The audit search index: {@code state} READY, REBUILDING or FAILED; {@code complete} false while it is being filled
 * from the journal; {@code recordsDone} of {@code recordsTotal} read by the running rebuild.
 */
public record AuditIndexStatus(String state, boolean complete, long recordsDone, long recordsTotal, String problem) {}
