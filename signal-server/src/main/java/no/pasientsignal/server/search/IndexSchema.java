package no.pasientsignal.server.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.JournalRecord;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.AlarmHistoryProjector.Folded;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of the index and how a history or a journal record becomes a document.
 *
 * <p>Every value a report or a result page reads is a doc value, so reading a hit never loads
 * stored fields (only an entry's details are stored). Keyword fields are indexed as one term,
 * case kept, and have a sorted doc value (for facets and sorting); times are epoch microseconds
 * (the journal's precision) as points and numeric doc values; durations are milliseconds.
 */
final class IndexSchema {

    static final String KIND = "kind";
    static final String ID = "id";
    static final String ID_HI = "idHi";
    static final String ID_LO = "idLo";
    static final String SEQ = "seq";
    /** Raised (an alarm) or recorded (an entry): the field of {@code from}/{@code to}. */
    static final String TIME = "time";

    static final String SITE = "site";
    static final String WARD = "ward";
    static final String ZONE = "zone";
    static final String ROOM = "room";
    static final String LOCATION = "location";
    static final String RESIDENT = "resident";
    static final String TYPE = "type";
    static final String PRIORITY = "priority";
    static final String PRIORITY_RANK = "priorityRank";
    static final String OUTCOME = "outcome";
    static final String DEVICE = "device";
    static final String ACCEPTED_BY = "acceptedBy";
    static final String CLOSED_BY = "closedBy";
    /** Everyone it went to, in order, joined by {@link #SEPARATOR}. */
    static final String RECIPIENTS = "recipients";
    /**
     * Anyone who acted: an alarm's acceptor, closer and recipients; an entry's actor. Multi-valued
     * (a sorted-set doc value) for both kinds, since Lucene wants one doc value type per field.
     */
    static final String ACTOR = "actor";

    static final String RAISED_AT = "raisedAt";
    static final String NOTIFIED_AT = "notifiedAt";
    static final String ACCEPTED_AT = "acceptedAt";
    static final String PRESENT_AT = "presentAt";
    static final String CLOSED_AT = "closedAt";
    static final String TIME_TO_NOTIFY = "timeToNotify";
    static final String TIME_TO_ACCEPT = "timeToAccept";
    static final String TIME_TO_PRESENT = "timeToPresent";
    static final String TIME_TO_CLOSE = "timeToClose";
    static final String RETURNS = "returns";
    static final String REPEATS = "repeats";
    static final String ESCALATIONS = "escalations";
    static final String UNREACHABLE = "unreachable";

    static final String ACTION = "action";
    static final String SUBJECT = "subject";
    static final String DETAILS = "details";
    /** Everything above as words, for full-text queries. */
    static final String TEXT = "text";

    /** Fields a query may name as one exact term. */
    static final Set<String> KEYWORDS = Set.of(
            KIND,
            ID,
            SITE,
            WARD,
            ZONE,
            ROOM,
            LOCATION,
            RESIDENT,
            TYPE,
            PRIORITY,
            OUTCOME,
            DEVICE,
            ACCEPTED_BY,
            CLOSED_BY,
            ACTOR,
            ACTION,
            SUBJECT);

    /** The action of a presence entry that marks staff present (a visit), and of one that clears it. */
    static final String PRESENCE_MARKED = "presence.marked";

    static final String PRESENCE_CLEARED = "presence.cleared";

    static final char SEPARATOR = '\u001f';

    /** Commit user data: the last journal sequence in the commit. */
    static final String LAST_SEQUENCE = "lastSequence";
    /** Commit user data: "false" while the index is waiting for a rebuild to fill it. */
    static final String COMPLETE = "complete";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> DETAILS_TYPE = new TypeReference<>() {};

    private IndexSchema() {}

    static Document alarm(Folded folded) {
        AlarmHistory h = folded.history();
        var doc = new Document();
        var text = new StringJoiner(" ");
        keyword(doc, text, KIND, SearchHit.ALARM);
        keyword(doc, null, ID, h.alarmId().toString());
        doc.add(new NumericDocValuesField(ID_HI, h.alarmId().getMostSignificantBits()));
        doc.add(new NumericDocValuesField(ID_LO, h.alarmId().getLeastSignificantBits()));
        number(doc, SEQ, folded.lastSequence());
        number(doc, TIME, micros(h.raisedAt()));
        keyword(doc, text, SITE, h.siteId());
        keyword(doc, text, WARD, h.wardId());
        keyword(doc, text, ZONE, h.zoneId());
        keyword(doc, text, ROOM, h.roomId());
        keyword(doc, text, LOCATION, h.locationKind());
        keyword(doc, text, RESIDENT, h.residentId());
        keyword(doc, text, TYPE, h.type().name());
        text.add(h.type().label());
        keyword(doc, text, PRIORITY, h.priority().name());
        doc.add(new NumericDocValuesField(PRIORITY_RANK, h.priority().ordinal()));
        keyword(doc, text, OUTCOME, h.outcome().name());
        keyword(doc, text, DEVICE, h.deviceId());
        keyword(doc, null, ACCEPTED_BY, h.acceptedBy());
        keyword(doc, null, CLOSED_BY, h.closedBy());
        if (!h.recipients().isEmpty()) {
            doc.add(new SortedDocValuesField(
                    RECIPIENTS, new BytesRef(String.join(String.valueOf(SEPARATOR), h.recipients()))));
        }
        var actors = new LinkedHashSet<String>();
        if (h.acceptedBy() != null) {
            actors.add(h.acceptedBy());
        }
        if (h.closedBy() != null) {
            actors.add(h.closedBy());
        }
        actors.addAll(h.recipients());
        actors.forEach(actor -> actor(doc, text, actor));
        number(doc, RAISED_AT, micros(h.raisedAt()));
        number(doc, NOTIFIED_AT, micros(h.notifiedAt()));
        number(doc, ACCEPTED_AT, micros(h.acceptedAt()));
        number(doc, PRESENT_AT, micros(h.presentAt()));
        number(doc, CLOSED_AT, micros(h.closedAt()));
        number(doc, TIME_TO_NOTIFY, millisBetween(h.raisedAt(), h.notifiedAt()));
        number(doc, TIME_TO_ACCEPT, h.toAccepted().map(Duration::toMillis).orElse(null));
        number(doc, TIME_TO_PRESENT, h.toPresent().map(Duration::toMillis).orElse(null));
        number(doc, TIME_TO_CLOSE, h.toClosed().map(Duration::toMillis).orElse(null));
        doc.add(new NumericDocValuesField(RETURNS, h.returns()));
        doc.add(new NumericDocValuesField(REPEATS, h.repeats()));
        doc.add(new NumericDocValuesField(ESCALATIONS, h.escalations()));
        doc.add(new NumericDocValuesField(UNREACHABLE, h.unreachable() ? 1 : 0));
        doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        return doc;
    }

    static Document entry(JournalRecord record) {
        SearchHit.Entry e = describe(record);
        var doc = new Document();
        var text = new StringJoiner(" ");
        keyword(doc, text, KIND, SearchHit.ENTRY);
        keyword(doc, null, ID, Long.toString(record.sequence()));
        number(doc, SEQ, record.sequence());
        number(doc, TIME, micros(record.recordedAt()));
        keyword(doc, text, TYPE, e.type());
        keyword(doc, text, SITE, e.site());
        keyword(doc, text, ROOM, e.room());
        keyword(doc, text, DEVICE, e.device());
        if (e.actor() != null) {
            actor(doc, text, e.actor());
        }
        keyword(doc, text, ACTION, e.action());
        keyword(doc, text, SUBJECT, e.subject());
        if (!e.details().isEmpty()) {
            doc.add(new StoredField(DETAILS, JSON.writeValueAsString(e.details())));
            e.details().forEach((k, v) -> text.add(k).add(v));
        }
        doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        return doc;
    }

    /** What a journal record says, as an entry; a payload that cannot be read is kept as text. */
    static SearchHit.Entry describe(JournalRecord record) {
        String type = record.type();
        try {
            switch (type) {
                case AlarmRecords.DEVICE_EVENT -> {
                    var e = AlarmRecords.decodeDeviceEvent(record.payload());
                    var details = new TreeMap<String, String>();
                    put(details, "event", e.event());
                    put(details, "outcome", e.outcome());
                    return new SearchHit.Entry(
                            type, e.site(), e.room(), e.device(), e.device(), e.input(), e.room(), details);
                }
                case AlarmRecords.PRESENCE -> {
                    var p = AlarmRecords.decodePresence(record.payload());
                    String action = p.present() ? PRESENCE_MARKED : PRESENCE_CLEARED;
                    return new SearchHit.Entry(type, p.site(), p.room(), null, p.by(), action, p.room(), Map.of());
                }
                default -> {
                    AuditLog.Entry a = AuditLog.decode(record.payload());
                    return new SearchHit.Entry(
                            type,
                            a.siteId(),
                            null,
                            null,
                            a.actor(),
                            a.action(),
                            a.subject(),
                            new TreeMap<>(a.details()));
                }
            }
        } catch (RuntimeException unreadable) {
            return new SearchHit.Entry(
                    type,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new TreeMap<>(Map.of("payload", new String(record.payload(), StandardCharsets.UTF_8))));
        }
    }

    static Map<String, String> details(String json) {
        return json == null ? Map.of() : JSON.readValue(json, DETAILS_TYPE);
    }

    static List<String> recipients(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(String.valueOf(SEPARATOR)));
    }

    static Long micros(Instant at) {
        return at == null
                ? null
                : Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static Long millisBetween(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toMillis();
    }

    private static void put(Map<String, String> details, String key, Object value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    private static void keyword(Document doc, StringJoiner text, String field, String value) {
        if (value == null) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
        if (text != null) {
            text.add(value);
        }
    }

    private static void actor(Document doc, StringJoiner text, String actor) {
        doc.add(new StringField(ACTOR, actor, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(ACTOR, new BytesRef(actor)));
        text.add(actor);
    }

    private static void number(Document doc, String field, Long value) {
        if (value != null) {
            doc.add(new LongPoint(field, value));
            doc.add(new NumericDocValuesField(field, value));
        }
    }
}
