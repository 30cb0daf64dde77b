package no.pasientsignal.server.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.server.alarm.AlarmChange;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmSummary;
import no.pasientsignal.server.audit.JournalRecord;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.AlarmHistoryProjector;
import no.pasientsignal.server.report.AlarmHistoryProjector.Folded;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Writes journal records, in order, into one index (the live one, or a rebuild's): an entry
 * document per record, and per alarm one document replaced as its history grows.
 *
 * <p>Alarm changes are coalesced: {@link #apply} only folds them in memory, and {@link #flush}
 * writes each changed alarm once, however many records it got since the last flush. The fold of
 * every open alarm stays in memory (so the next record needs no read of the index); closed alarms
 * get no more records, so only the most recent are kept, and a miss reads the document back.
 * Not thread-safe: one thread owns an updater.
 */
final class IndexUpdater {

    private static final int RECENTLY_CLOSED = 10_000;

    private final IndexWriter writer;
    private final Map<UUID, Folded> open;
    private final Map<UUID, Folded> closed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Folded> eldest) {
            return size() > RECENTLY_CLOSED;
        }
    };
    private final Map<UUID, Folded> dirty = new HashMap<>();
    private long lastIndexed;

    IndexUpdater(IndexWriter writer, long lastIndexed, Map<UUID, Folded> open) {
        this.writer = writer;
        this.lastIndexed = lastIndexed;
        this.open = new HashMap<>(open);
    }

    /** Continues an index from its last commit: the sequence it reached and its open alarms. */
    static IndexUpdater resume(IndexWriter writer) throws IOException {
        var open = new HashMap<UUID, Folded>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Query stillOpen = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.KIND, SearchHit.ALARM)), BooleanClause.Occur.FILTER)
                    .add(
                            new TermQuery(new Term(IndexSchema.OUTCOME, AlarmHistory.Outcome.OPEN.name())),
                            BooleanClause.Occur.FILTER)
                    .build();
            LeafDocs.scan(new IndexSearcher(reader), stillOpen, (docs, doc) -> {
                Folded f = docs.folded(doc);
                open.put(f.history().alarmId(), f);
            });
        }
        return new IndexUpdater(writer, commitData(writer, IndexSchema.LAST_SEQUENCE, 0), open);
    }

    /** The same folds, continued into another writer (a rebuild swapped into the live index). */
    IndexUpdater into(IndexWriter other) {
        var moved = new IndexUpdater(other, lastIndexed, open);
        moved.closed.putAll(closed);
        moved.dirty.putAll(dirty);
        return moved;
    }

    static long commitData(IndexWriter writer, String key, long otherwise) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(key)) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return otherwise;
    }

    long lastIndexed() {
        return lastIndexed;
    }

    /** Folds one record in; a record at or before {@link #lastIndexed()} is ignored. */
    void apply(JournalRecord record) throws IOException {
        if (record.sequence() <= lastIndexed) {
            return;
        }
        AlarmSummary alarm = AlarmRecords.ALARM.equals(record.type()) ? decode(record) : null;
        if (alarm == null) {
            writer.addDocument(IndexSchema.entry(record));
        } else {
            UUID id = alarm.alarmId();
            Folded folded = AlarmHistoryProjector.apply(
                    current(id, alarm.change() != AlarmChange.Kind.RAISED), record.sequence(), alarm);
            dirty.put(id, folded);
            if (folded.history().outcome() == AlarmHistory.Outcome.OPEN) {
                open.put(id, folded);
            } else {
                open.remove(id);
                closed.put(id, folded);
            }
        }
        lastIndexed = record.sequence();
    }

    /** Alarms changed since the last flush. */
    int changedAlarms() {
        return dirty.size();
    }

    /** Writes every alarm changed since the last flush, once. */
    void flush() throws IOException {
        for (Folded f : dirty.values()) {
            writer.updateDocument(new Term(IndexSchema.ID, f.history().alarmId().toString()), IndexSchema.alarm(f));
        }
        dirty.clear();
    }

    /** Flushes and commits, recording how far into the journal the commit reaches. */
    void commit(boolean complete) throws IOException {
        flush();
        writer.setLiveCommitData(Map.of(
                        IndexSchema.LAST_SEQUENCE, Long.toString(lastIndexed),
                        IndexSchema.COMPLETE, Boolean.toString(complete))
                .entrySet());
        writer.commit();
    }

    /** @param mayBeIndexed false for a new alarm: nothing to read back */
    private Folded current(UUID id, boolean mayBeIndexed) throws IOException {
        Folded f = dirty.get(id);
        if (f == null) {
            f = open.get(id);
        }
        if (f == null) {
            f = closed.get(id);
        }
        return f != null || !mayBeIndexed ? f : readBack(id);
    }

    /** A record for an alarm not in memory (closed long ago, or unknown): its document, if any. */
    private Folded readBack(UUID id) throws IOException {
        Folded[] found = {null};
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            LeafDocs.scan(
                    new IndexSearcher(reader),
                    new TermQuery(new Term(IndexSchema.ID, id.toString())),
                    (docs, doc) -> found[0] = docs.folded(doc));
        }
        return found[0];
    }

    private static AlarmSummary decode(JournalRecord record) {
        try {
            return AlarmHistoryProjector.decodeAlarm(record);
        } catch (RuntimeException unreadable) {
            return null; // kept as an entry with its text, rather than lost
        }
    }
}
