package no.pasientsignal.server.alarm;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the alarm desks write to the journal, as JSON: one record per device event, per alarm
 * change and per presence change. Enough to rebuild the open alarms after a restart and to answer
 * "who did what when" from the audit trail. Residents appear only by their pseudonymous id.
 */
public final class AlarmRecords {

    public static final String DEVICE_EVENT = "device-event";
    public static final String ALARM = "alarm";
    public static final String PRESENCE = "presence";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A device event as received, and what the desk did with it. */
    public record DeviceEventRecord(
            String site, UUID event, String device, String room, String input, EventOutcome outcome) {}

    /** One alarm change, with the full snapshot after it. */
    public record AlarmRecord(
            String site, AlarmChange.Kind change, String actor, UUID cause, List<String> newRecipients, Alarm alarm) {
        public static AlarmRecord of(AlarmUpdate update) {
            AlarmChange c = update.change();
            return new AlarmRecord(
                    update.siteId(), c.kind(), c.actor(), update.causeEventId(), c.newRecipients(), c.alarm());
        }
    }

    /** Staff presence marked or cleared in a room. */
    public record PresenceRecord(String site, String room, String by, boolean present) {}

    private AlarmRecords() {}

    public static byte[] encode(Object record) {
        return JSON.writeValueAsBytes(record);
    }

    public static <T> T decode(byte[] payload, Class<T> type) {
        return JSON.readValue(payload, type);
    }

    /**
     * What an {@link AlarmRecord} says about the alarm's life, read without decoding the whole
     * snapshot. Fails as {@code decode(payload, AlarmRecord.class)} would on a payload that is not
     * an alarm record.
     */
    public static AlarmSummary decodeSummary(byte[] payload) {
        try {
            return AlarmSummaryReader.summary(payload);
        } catch (JsonScanner.NotSimple e) {
            // Not in the shape encode writes: the full decoder reads it, or says what is wrong.
            return AlarmSummary.of(decode(payload, AlarmRecord.class));
        }
    }

    /** As {@code decode(payload, DeviceEventRecord.class)}, several times faster for a record as written. */
    public static DeviceEventRecord decodeDeviceEvent(byte[] payload) {
        try {
            return AlarmSummaryReader.deviceEvent(payload);
        } catch (JsonScanner.NotSimple e) {
            return decode(payload, DeviceEventRecord.class);
        }
    }

    /** As {@code decode(payload, PresenceRecord.class)}, several times faster for a record as written. */
    public static PresenceRecord decodePresence(byte[] payload) {
        try {
            return AlarmSummaryReader.presence(payload);
        } catch (JsonScanner.NotSimple e) {
            return decode(payload, PresenceRecord.class);
        }
    }
}
