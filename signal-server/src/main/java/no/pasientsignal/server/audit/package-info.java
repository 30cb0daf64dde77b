/**
 * The audit trail. The journal is the system of record: append-only segment files, gap-free
 * sequence numbers, a hash chain and group commit with fsync, so an acknowledged event survives a
 * crash and an edit is detectable. Pure Java I/O: no Lucene types here (the search index is a
 * derived view built elsewhere from the journal).
 */
package no.pasientsignal.server.audit;
