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
    private final Map<String, Numeric> numbers = new HashMap<>();
    private AlarmColumns alarm;
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
        if (alarm == null) {
            alarm = new AlarmColumns();
        }
        AlarmColumns c = alarm;
        var history = new AlarmHistory(
                new UUID(c.idHi.get(doc), c.idLo.get(doc)),
                c.site.value(doc),
                c.ward.value(doc),
                c.zone.value(doc),
                c.room.value(doc),
                c.location.value(doc),
                c.resident.value(doc),
                c.type.as(doc, AlarmType::valueOf),
                c.priority.as(doc, Priority::valueOf),
                c.device.value(doc),
                c.raisedAt.time(doc),
                c.notifiedAt.time(doc),
                c.acceptedAt.time(doc),
                c.presentAt.time(doc),
                c.closedAt.time(doc),
                c.outcome.as(doc, AlarmHistory.Outcome::valueOf),
                c.acceptedBy.value(doc),
                c.closedBy.value(doc),
                (int) c.repeats.get(doc),
                (int) c.returns.get(doc),
                (int) c.escalations.get(doc),
                c.unreachable.get(doc) == 1,
                recipients(c.recipients.as(doc, IndexSchema::recipients)));
        return new Folded(history, c.seq.get(doc));
    }

    /** The columns an alarm is read from, looked up once per segment (not per document). */
    private final class AlarmColumns {
        final Numeric idHi = numeric(ID_HI);
        final Numeric idLo = numeric(ID_LO);
        final Numeric seq = numeric(SEQ);
        final Keyword site = keyword(SITE);
        final Keyword ward = keyword(WARD);
        final Keyword zone = keyword(ZONE);
        final Keyword room = keyword(ROOM);
        final Keyword location = keyword(LOCATION);
        final Keyword resident = keyword(RESIDENT);
        final Keyword type = keyword(TYPE);
        final Keyword priority = keyword(PRIORITY);
        final Keyword device = keyword(DEVICE);
        final Numeric raisedAt = numeric(RAISED_AT);
        final Numeric notifiedAt = numeric(NOTIFIED_AT);
        final Numeric acceptedAt = numeric(ACCEPTED_AT);
        final Numeric presentAt = numeric(PRESENT_AT);
        final Numeric closedAt = numeric(CLOSED_AT);
        final Keyword outcome = keyword(OUTCOME);
        final Keyword acceptedBy = keyword(ACCEPTED_BY);
        final Keyword closedBy = keyword(CLOSED_BY);
        final Numeric repeats = numeric(REPEATS);
        final Numeric returns = numeric(RETURNS);
        final Numeric escalations = numeric(ESCALATIONS);
        final Numeric unreachable = numeric(UNREACHABLE);
        final Keyword recipients = keyword(RECIPIENTS);
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

    private Instant time(String field, int doc) {
        return numeric(field).time(doc);
    }

    private long number(String field, int doc) {
        return numeric(field).get(doc);
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

    private static List<String> recipients(List<String> list) {
        return list == null ? List.of() : list;
    }

    private Numeric numeric(String field) {
        return numbers.computeIfAbsent(field, f -> {
            try {
                return new Numeric(DocValues.getNumeric(reader, f));
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

    /** A numeric doc value; 0 (or a null time) where a document has none. */
    private record Numeric(NumericDocValues values) {
        long get(int doc) {
            try {
                return values.advanceExact(doc) ? values.longValue() : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Instant time(int doc) {
            try {
                return values.advanceExact(doc) ? IndexSchema.instant(values.longValue()) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A sorted doc value with its values decoded once per ordinal: as strings, and (for the enum and
     * list fields of an alarm, each always read with the same conversion) converted.
     */
    private static final class Keyword {
        private final SortedDocValues values;
        private final String[] decoded;
        private Object[] converted;
        private int lastOrd;

        Keyword(SortedDocValues values) {
            this.values = values;
            this.decoded = new String[Math.max(0, values.getValueCount())];
        }

        @SuppressWarnings("unchecked")
        <T> T as(int doc, java.util.function.Function<String, T> convert) {
            String value = value(doc);
            if (value == null) {
                return null;
            }
            if (converted == null) {
                converted = new Object[decoded.length];
            }
            Object v = converted[lastOrd];
            if (v == null) {
                v = convert.apply(value);
                converted[lastOrd] = v;
            }
            return (T) v;
        }

        String value(int doc) {
            try {
                if (!values.advanceExact(doc)) {
                    return null;
                }
                int ord = values.ordValue();
                lastOrd = ord;
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
