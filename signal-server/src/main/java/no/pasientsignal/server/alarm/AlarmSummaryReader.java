package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.alarm.JsonScanner.NotSimple;

/**
 * Reads the journal's records straight from their JSON bytes ({@link JsonScanner}), building only
 * what the audit trail keeps: an {@link AlarmSummary} (the snapshot's other fields are skipped),
 * a device event, a presence change.
 *
 * <p>It reads records in the shape {@link AlarmRecords#encode} writes them: every property
 * present, of its written type. For anything else it throws {@link NotSimple} and the caller
 * decodes the record in full, so what is read never depends on which way it was read.
 */
final class AlarmSummaryReader {

    // Every property the full decoder reads is read (or at least checked as it would check it),
    // even those a summary does not keep: otherwise a value it refuses could pass here.
    private static final byte[][] RECORD =
            JsonScanner.names("site", "change", "actor", "newRecipients", "alarm", "cause");
    private static final byte[][] SNAPSHOT = JsonScanner.names(
            "id",
            "type",
            "priority",
            "place",
            "deviceId",
            "residentId",
            "state",
            "raisedAt",
            "updatedAt",
            "acceptedBy",
            "acceptedAt",
            "repeats",
            "returns",
            "unreachable",
            "recipients",
            "notActionable",
            "originEventId",
            "silenced",
            "escalationStep",
            "nextEscalationAt");
    private static final byte[][] PLACE = JsonScanner.names("wardId", "zoneId", "roomId", "locationKind", "roomName");
    private static final byte[][] DEVICE_EVENT =
            JsonScanner.names("site", "event", "device", "room", "input", "outcome");
    private static final byte[][] PRESENCE = JsonScanner.names("site", "room", "by", "present");

    private static final AlarmChange.Kind[] KINDS = AlarmChange.Kind.values();
    private static final AlarmType[] TYPES = AlarmType.values();
    private static final Priority[] PRIORITIES = Priority.values();
    private static final AlarmState[] STATES = AlarmState.values();
    private static final DeliveryStatus[] STATUSES = DeliveryStatus.values();
    private static final EventOutcome[] OUTCOMES = EventOutcome.values();
    private static final byte[][] KIND_NAMES = JsonScanner.names(KINDS);
    private static final byte[][] TYPE_NAMES = JsonScanner.names(TYPES);
    private static final byte[][] PRIORITY_NAMES = JsonScanner.names(PRIORITIES);
    private static final byte[][] STATE_NAMES = JsonScanner.names(STATES);
    private static final byte[][] STATUS_NAMES = JsonScanner.names(STATUSES);
    private static final byte[][] OUTCOME_NAMES = JsonScanner.names(OUTCOMES);

    private AlarmSummaryReader() {}

    static AlarmSummary summary(byte[] payload) {
        var in = new JsonScanner(payload);
        String site = null;
        AlarmChange.Kind change = null;
        String actor = null;
        List<String> newRecipients = null;
        Snapshot alarm = null;
        int seen = 0;
        in.startObject();
        for (int name = in.name(RECORD); name != JsonScanner.END; name = in.name(RECORD)) {
            switch (name) {
                case 0 -> site = in.string();
                case 1 -> change = in.constant(KIND_NAMES, KINDS);
                case 2 -> actor = in.string();
                case 3 -> newRecipients = strings(in);
                case 4 -> alarm = snapshot(in);
                case 5 -> in.uuid();
                default -> in.skipValue(); // a property a later version added
            }
            seen = mark(seen, name);
        }
        if (seen != (1 << RECORD.length) - 1 || change == null || alarm == null || !in.atEnd()) {
            throw NotSimple.INSTANCE; // as written, every property is there and nothing follows
        }
        return new AlarmSummary(
                site,
                change,
                actor,
                newRecipients,
                alarm.id,
                alarm.type,
                alarm.priority,
                alarm.wardId,
                alarm.zoneId,
                alarm.roomId,
                alarm.locationKind,
                alarm.deviceId,
                alarm.residentId,
                alarm.state,
                alarm.raisedAt,
                alarm.updatedAt,
                alarm.acceptedBy,
                alarm.acceptedAt,
                alarm.repeats,
                alarm.returns,
                alarm.unreachable,
                alarm.notActionable,
                alarm.recipients);
    }

    /** The snapshot's fields a summary keeps. */
    private static final class Snapshot {
        UUID id;
        AlarmType type;
        Priority priority;
        String wardId;
        String zoneId;
        String roomId;
        String locationKind;
        String deviceId;
        String residentId;
        AlarmState state;
        Instant raisedAt;
        Instant updatedAt;
        String acceptedBy;
        Instant acceptedAt;
        int repeats;
        int returns;
        boolean unreachable;
        boolean notActionable;
        List<String> recipients;
    }

    private static Snapshot snapshot(JsonScanner in) {
        var a = new Snapshot();
        int seen = 0;
        in.startObject();
        for (int name = in.name(SNAPSHOT); name != JsonScanner.END; name = in.name(SNAPSHOT)) {
            switch (name) {
                case 0 -> a.id = in.uuid();
                case 1 -> a.type = in.constant(TYPE_NAMES, TYPES);
                case 2 -> a.priority = in.constant(PRIORITY_NAMES, PRIORITIES);
                case 3 -> place(in, a);
                case 4 -> a.deviceId = in.string();
                case 5 -> a.residentId = in.string();
                case 6 -> a.state = in.constant(STATE_NAMES, STATES);
                case 7 -> a.raisedAt = in.instant();
                case 8 -> a.updatedAt = in.instant();
                case 9 -> a.acceptedBy = in.string();
                case 10 -> a.acceptedAt = in.instant();
                case 11 -> a.repeats = in.integer();
                case 12 -> a.returns = in.integer();
                case 13 -> a.unreachable = in.bool();
                case 14 -> {
                    a.recipients = new ArrayList<>(4);
                    in.startObject();
                    for (String who = in.key(); who != null; who = in.key()) {
                        if (in.constant(STATUS_NAMES, STATUSES) == null || a.recipients.contains(who)) {
                            throw NotSimple.INSTANCE;
                        }
                        a.recipients.add(who);
                    }
                }
                case 15 -> a.notActionable = in.bool();
                case 16 -> in.uuid();
                case 17 -> in.bool();
                case 18 -> in.integer();
                case 19 -> in.instant();
                default -> in.skipValue(); // "open", or a property a later version added
            }
            seen = mark(seen, name);
        }
        if (seen != (1 << SNAPSHOT.length) - 1
                || a.id == null
                || a.type == null
                || a.priority == null
                || a.state == null
                || a.raisedAt == null
                || a.updatedAt == null) {
            throw NotSimple.INSTANCE;
        }
        return a;
    }

    private static void place(JsonScanner in, Snapshot a) {
        int seen = 0;
        in.startObject();
        for (int name = in.name(PLACE); name != JsonScanner.END; name = in.name(PLACE)) {
            switch (name) {
                case 0 -> a.wardId = in.requiredString();
                case 1 -> a.zoneId = in.requiredString();
                case 2 -> a.roomId = in.requiredString();
                case 3 -> a.locationKind = in.requiredString();
                case 4 -> in.requiredString();
                default -> in.skipValue();
            }
            seen = mark(seen, name);
        }
        if (seen != (1 << PLACE.length) - 1) {
            throw NotSimple.INSTANCE;
        }
    }

    static AlarmRecords.DeviceEventRecord deviceEvent(byte[] payload) {
        var in = new JsonScanner(payload);
        String site = null;
        UUID event = null;
        String device = null;
        String room = null;
        String input = null;
        EventOutcome outcome = null;
        int seen = 0;
        in.startObject();
        for (int name = in.name(DEVICE_EVENT); name != JsonScanner.END; name = in.name(DEVICE_EVENT)) {
            switch (name) {
                case 0 -> site = in.string();
                case 1 -> event = in.uuid();
                case 2 -> device = in.string();
                case 3 -> room = in.string();
                case 4 -> input = in.string();
                case 5 -> outcome = in.constant(OUTCOME_NAMES, OUTCOMES);
                default -> in.skipValue();
            }
            seen = mark(seen, name);
        }
        if (seen != (1 << DEVICE_EVENT.length) - 1 || !in.atEnd()) {
            throw NotSimple.INSTANCE;
        }
        return new AlarmRecords.DeviceEventRecord(site, event, device, room, input, outcome);
    }

    static AlarmRecords.PresenceRecord presence(byte[] payload) {
        var in = new JsonScanner(payload);
        String site = null;
        String room = null;
        String by = null;
        boolean present = false;
        int seen = 0;
        in.startObject();
        for (int name = in.name(PRESENCE); name != JsonScanner.END; name = in.name(PRESENCE)) {
            switch (name) {
                case 0 -> site = in.string();
                case 1 -> room = in.string();
                case 2 -> by = in.string();
                case 3 -> present = in.bool();
                default -> in.skipValue();
            }
            seen = mark(seen, name);
        }
        if (seen != (1 << PRESENCE.length) - 1 || !in.atEnd()) {
            throw NotSimple.INSTANCE;
        }
        return new AlarmRecords.PresenceRecord(site, room, by, present);
    }

    /**
     * {@code seen} with the bit of the property just read; a property read twice is left to the
     * full decoder (which keeps one of them).
     */
    private static int mark(int seen, int name) {
        if (name < 0) {
            return seen;
        }
        if ((seen & 1 << name) != 0) {
            throw NotSimple.INSTANCE;
        }
        return seen | 1 << name;
    }

    /** An array of strings (or null), as a list. */
    private static List<String> strings(JsonScanner in) {
        if (!in.startArray()) {
            return null;
        }
        var list = new ArrayList<String>(2);
        while (in.hasNext()) {
            list.add(in.requiredString());
        }
        return list;
    }
}
