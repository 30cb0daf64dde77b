package no.pasientsignal.server.search;

import static no.pasientsignal.server.search.IndexSchema.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.AlarmHistoryProjector.Folded;
import no.pasientsignal.server.report.Visit;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Reads documents of one index segment from their doc values, for documents visited in increasing
 * doc id order (doc values are forward-only iterators). Values of keyword fields are decoded once
 * per segment ordinal, so reading a year of alarms builds few strings.
 */
final class LeafDocs {

    private final LeafReader reader;
    private final Map<String, Keyword> keywords = new HashMap<>();
    private final Map<String, NumericDocValues> numbers = new HashMap<>();
    private final Map<String, List<String>> splitRecipients = new HashMap<>();
    private SortedSetDocValues actors;

    LeafDocs(LeafReader reader) {
        this.reader = reader;
    }

    /** Called for each matching document, in increasing doc id order within a segment. */
    interface Visitor {
        void visit(LeafDocs docs, int doc) throws IOException;
    }

    /** Visits every live document matching {@code query}, segment by segment, on this thread. */
    static void scan(IndexSearcher searcher, Query query, Visitor visitor) throws IOException {
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new SimpleCollector() {
                    private LeafDocs docs;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) {
                        docs = new LeafDocs(context.reader());
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        visitor.visit(docs, doc);
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                };
            }

            @Override
            public Void reduce(Collection<Collector> collectors) {
                return null;
            }
        });
    }

    /** The history of the alarm document {@code doc}, and the last sequence folded into it. */
    Folded folded(int doc) {
        var id = new UUID(number(ID_HI, doc), number(ID_LO, doc));
        var history = new AlarmHistory(
                id,
                string(SITE, doc),
                string(WARD, doc),
                string(ZONE, doc),
                string(ROOM, doc),
                string(LOCATION, doc),
                string(RESIDENT, doc),
                AlarmType.valueOf(string(TYPE, doc)),
                Priority.valueOf(string(PRIORITY, doc)),
                string(DEVICE, doc),
                time(RAISED_AT, doc),
                time(NOTIFIED_AT, doc),
                time(ACCEPTED_AT, doc),
                time(PRESENT_AT, doc),
                time(CLOSED_AT, doc),
                AlarmHistory.Outcome.valueOf(string(OUTCOME, doc)),
                string(ACCEPTED_BY, doc),
                string(CLOSED_BY, doc),
                (int) number(REPEATS, doc),
                (int) number(RETURNS, doc),
                (int) number(ESCALATIONS, doc),
                number(UNREACHABLE, doc) == 1,
                recipients(doc));
        return new Folded(history, number(SEQ, doc));
    }

    /** A presence entry as a visit. */
    Visit visit(int doc) {
        return new Visit(string(SITE, doc), string(ROOM, doc), firstActor(doc), time(TIME, doc));
    }

    /** Any document, as a result line; an entry's details come from its stored field. */
    SearchHit hit(int doc) {
        String kind = string(KIND, doc);
        long sequence = number(SEQ, doc);
        Instant time = time(TIME, doc);
        if (SearchHit.ALARM.equals(kind)) {
            Folded f = folded(doc);
            return new SearchHit(kind, f.history().alarmId().toString(), sequence, time, f.history(), null);
        }
        String details;
        try {
            details = reader.storedFields()
                    .document(doc, java.util.Set.of(DETAILS))
                    .get(DETAILS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var entry = new SearchHit.Entry(
                string(TYPE, doc),
                string(SITE, doc),
                string(ROOM, doc),
                string(DEVICE, doc),
                firstActor(doc),
                string(ACTION, doc),
                string(SUBJECT, doc),
                IndexSchema.details(details));
        return new SearchHit(kind, Long.toString(sequence), sequence, time, null, entry);
    }

    String string(String field, int doc) {
        return keyword(field).value(doc);
    }

    /** An entry's one actor. */
    private String firstActor(int doc) {
        try {
            if (actors == null) {
                actors = DocValues.getSortedSet(reader, ACTOR);
            }
            return actors.advanceExact(doc) ? actors.lookupOrd(actors.nextOrd()).utf8ToString() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> recipients(int doc) {
        String joined = string(RECIPIENTS, doc);
        return joined == null ? List.of() : splitRecipients.computeIfAbsent(joined, IndexSchema::recipients);
    }

    private Instant time(String field, int doc) {
        NumericDocValues values = numeric(field);
        try {
            return values.advanceExact(doc) ? IndexSchema.instant(values.longValue()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long number(String field, int doc) {
        NumericDocValues values = numeric(field);
        try {
            return values.advanceExact(doc) ? values.longValue() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NumericDocValues numeric(String field) {
        return numbers.computeIfAbsent(field, f -> {
            try {
                return DocValues.getNumeric(reader, f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Keyword keyword(String field) {
        return keywords.computeIfAbsent(field, f -> {
            try {
                return new Keyword(DocValues.getSorted(reader, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A sorted doc value with its values decoded once per ordinal. */
    private static final class Keyword {
        private final SortedDocValues values;
        private final String[] decoded;

        Keyword(SortedDocValues values) {
            this.values = values;
            this.decoded = new String[Math.max(0, values.getValueCount())];
        }

        String value(int doc) {
            try {
                if (!values.advanceExact(doc)) {
                    return null;
                }
                int ord = values.ordValue();
                String v = decoded[ord];
                if (v == null) {
                    v = values.lookupOrd(ord).utf8ToString();
                    decoded[ord] = v;
                }
                return v;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
