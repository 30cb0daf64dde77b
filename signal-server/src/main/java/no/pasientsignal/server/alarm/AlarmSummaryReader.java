package no.pasientsignal.server.alarm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads an {@link AlarmSummary} from an alarm record's JSON token by token, building only what the
 * summary keeps (the snapshot's other fields are skipped, their strings never decoded).
 *
 * <p>It reads records in the shape {@link AlarmRecords#encode} writes them: every property
 * present, of its written type. For anything else it returns null and the caller decodes the
 * record in full, so the summary of a record never depends on which way it was read.
 */
final class AlarmSummaryReader {

    // Bits of the properties read; a record missing any is left to the full decoder.
    private static final int SITE = 1;
    private static final int CHANGE = 1 << 1;
    private static final int ACTOR = 1 << 2;
    private static final int NEW_RECIPIENTS = 1 << 3;
    private static final int ALARM = 1 << 4;
    private static final int RECORD = SITE | CHANGE | ACTOR | NEW_RECIPIENTS | ALARM;

    private static final int ID = 1;
    private static final int TYPE = 1 << 1;
    private static final int PRIORITY = 1 << 2;
    private static final int PLACE = 1 << 3;
    private static final int DEVICE = 1 << 4;
    private static final int RESIDENT = 1 << 5;
    private static final int STATE = 1 << 6;
    private static final int RAISED_AT = 1 << 7;
    private static final int UPDATED_AT = 1 << 8;
    private static final int ACCEPTED_BY = 1 << 9;
    private static final int ACCEPTED_AT = 1 << 10;
    private static final int REPEATS = 1 << 11;
    private static final int RETURNS = 1 << 12;
    private static final int UNREACHABLE = 1 << 13;
    private static final int RECIPIENTS = 1 << 14;
    private static final int NOT_ACTIONABLE = 1 << 15;
    private static final int SNAPSHOT = (1 << 16) - 1;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final JsonParser in;
    private String site;
    private AlarmChange.Kind change;
    private String actor;
    private List<String> newRecipients;
    private UUID id;
    private AlarmType type;
    private Priority priority;
    private String wardId;
    private String zoneId;
    private String roomId;
    private String locationKind;
    private String deviceId;
    private String residentId;
    private AlarmState state;
    private Instant raisedAt;
    private Instant updatedAt;
    private String acceptedBy;
    private Instant acceptedAt;
    private int repeats;
    private int returns;
    private boolean unreachable;
    private boolean notActionable;
    private List<String> recipients;

    private AlarmSummaryReader(JsonParser in) {
        this.in = in;
    }

    /** The summary, or null when the record is not in the shape this reader knows. */
    static AlarmSummary read(JsonParser in) {
        var reader = new AlarmSummaryReader(in);
        try {
            return reader.record() ? reader.summary() : null;
        } catch (NotTheWrittenShape e) {
            return null;
        }
    }

    private AlarmSummary summary() {
        return new AlarmSummary(
                site,
                change,
                actor,
                newRecipients,
                id,
                type,
                priority,
                wardId,
                zoneId,
                roomId,
                locationKind,
                deviceId,
                residentId,
                state,
                raisedAt,
                updatedAt,
                acceptedBy,
                acceptedAt,
                repeats,
                returns,
                unreachable,
                notActionable,
                recipients);
    }

    private boolean record() {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        int seen = 0;
        for (String name = in.nextName(); name != null; name = in.nextName()) {
            JsonToken value = in.nextToken();
            switch (name) {
                case "site" -> {
                    site = string(value);
                    seen |= SITE;
                }
                case "change" -> {
                    change = value == JsonToken.VALUE_STRING ? AlarmChange.Kind.valueOf(in.getString()) : null;
                    seen |= CHANGE;
                }
                case "actor" -> {
                    actor = string(value);
                    seen |= ACTOR;
                }
                case "newRecipients" -> {
                    if (value == JsonToken.START_ARRAY) {
                        newRecipients = strings();
                        seen |= NEW_RECIPIENTS;
                    } else if (value == JsonToken.VALUE_NULL) {
                        seen |= NEW_RECIPIENTS;
                    }
                }
                case "alarm" -> {
                    if (value != JsonToken.START_OBJECT || !snapshot()) {
                        return false;
                    }
                    seen |= ALARM;
                }
                default -> in.skipChildren(); // "cause", or a property a later version added
            }
        }
        // As the full decoder: nothing may follow the record.
        return seen == RECORD && change != null && in.nextToken() == null;
    }

    private boolean snapshot() {
        int seen = 0;
        for (String name = in.nextName(); name != null; name = in.nextName()) {
            JsonToken value = in.nextToken();
            switch (name) {
                case "id" -> {
                    id = value == JsonToken.VALUE_STRING ? UUID.fromString(in.getString()) : null;
                    seen |= ID;
                }
                case "type" -> {
                    type = value == JsonToken.VALUE_STRING ? AlarmType.valueOf(in.getString()) : null;
                    seen |= TYPE;
                }
                case "priority" -> {
                    priority = value == JsonToken.VALUE_STRING ? Priority.valueOf(in.getString()) : null;
                    seen |= PRIORITY;
                }
                case "place" -> {
                    if (value != JsonToken.START_OBJECT || !place()) {
                        return false;
                    }
                    seen |= PLACE;
                }
                case "deviceId" -> {
                    deviceId = string(value);
                    seen |= DEVICE;
                }
                case "residentId" -> {
                    residentId = string(value);
                    seen |= RESIDENT;
                }
                case "state" -> {
                    state = value == JsonToken.VALUE_STRING ? AlarmState.valueOf(in.getString()) : null;
                    seen |= STATE;
                }
                case "raisedAt" -> {
                    raisedAt = instant(value);
                    seen |= RAISED_AT;
                }
                case "updatedAt" -> {
                    updatedAt = instant(value);
                    seen |= UPDATED_AT;
                }
                case "acceptedBy" -> {
                    acceptedBy = string(value);
                    seen |= ACCEPTED_BY;
                }
                case "acceptedAt" -> {
                    acceptedAt = instant(value);
                    seen |= ACCEPTED_AT;
                }
                case "repeats" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        return false;
                    }
                    repeats = in.getIntValue();
                    seen |= REPEATS;
                }
                case "returns" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        return false;
                    }
                    returns = in.getIntValue();
                    seen |= RETURNS;
                }
                case "unreachable" -> {
                    if (!value.isBoolean()) {
                        return false;
                    }
                    unreachable = value == JsonToken.VALUE_TRUE;
                    seen |= UNREACHABLE;
                }
                case "notActionable" -> {
                    if (!value.isBoolean()) {
                        return false;
                    }
                    notActionable = value == JsonToken.VALUE_TRUE;
                    seen |= NOT_ACTIONABLE;
                }
                case "recipients" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return false;
                    }
                    recipients = new ArrayList<>(4);
                    for (String who = in.nextName(); who != null; who = in.nextName()) {
                        if (in.nextToken() != JsonToken.VALUE_STRING) {
                            return false;
                        }
                        DeliveryStatus.valueOf(in.getString()); // as the full decoder, refuse an unknown one
                        recipients.add(who);
                    }
                    seen |= RECIPIENTS;
                }
                default -> in.skipChildren(); // escalation, sound, the raising event, "open"
            }
        }
        return seen == SNAPSHOT && id != null && type != null && priority != null && state != null;
    }

    private boolean place() {
        int seen = 0;
        for (String name = in.nextName(); name != null; name = in.nextName()) {
            JsonToken value = in.nextToken();
            switch (name) {
                case "wardId" -> {
                    wardId = string(value);
                    seen |= 1;
                }
                case "zoneId" -> {
                    zoneId = string(value);
                    seen |= 2;
                }
                case "roomId" -> {
                    roomId = string(value);
                    seen |= 4;
                }
                case "locationKind" -> {
                    locationKind = string(value);
                    seen |= 8;
                }
                case "roomName" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return false; // required of a placement: let the full decoder refuse it
                    }
                }
                default -> in.skipChildren();
            }
        }
        return seen == 15 && wardId != null && zoneId != null && roomId != null && locationKind != null;
    }

    private List<String> strings() {
        var list = new ArrayList<String>(2);
        for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
            list.add(string(t));
        }
        return list;
    }

    /** A string or null; any other value is refused (the full decoder decides what it means). */
    private String string(JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return in.getString();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new NotTheWrittenShape();
    }

    private Instant instant(JsonToken value) {
        String s = string(value);
        return s == null ? null : instant(s);
    }

    /**
     * Parses what {@link Instant#toString()} writes ({@code 2025-01-01T12:00:00Z}, with 0 to 9
     * digits of fraction) without the general ISO parser; anything else goes to {@link
     * Instant#parse}, which reads or refuses it as the full decoder would.
     */
    static Instant instant(String s) {
        int n = s.length();
        if (n < 20
                || n > 30
                || n == 21
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z'
                || (n > 20 && s.charAt(19) != '.')) {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int fraction = n > 20 ? digits(s, 20, n - 21) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 59) {
            return Instant.parse(s); // a leap second, a sign, a bad field: the general parser decides
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return Instant.parse(s); // the 30th of February: refused as the general parser refuses it
        }
        int nanos = n > 20 ? fraction * POWERS_OF_TEN[9 - (n - 21)] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The decimal number of {@code length} digits at {@code from}, or -1 if they are not all digits. */
    private static int digits(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** A value of another type than the record is written with. */
    private static final class NotTheWrittenShape extends RuntimeException {
        NotTheWrittenShape() {
            super(null, null, false, false);
        }
    }
}
