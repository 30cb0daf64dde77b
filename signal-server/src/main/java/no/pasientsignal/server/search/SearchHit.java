package no.pasientsignal.server.search;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import no.pasientsignal.server.report.AlarmHistory;

/**
 * One document of the index: an alarm's history, or another journal record.
 *
 * @param id the alarm id, or the journal sequence of an entry
 * @param sequence the last journal record folded into it (an entry: its own)
 * @param time when it was raised (an alarm) or recorded (an entry)
 * @param alarm the history, for an alarm; null for an entry
 * @param entry the record, for an entry; null for an alarm
 */
public record SearchHit(String kind, String id, long sequence, Instant time, AlarmHistory alarm, Entry entry) {

    public static final String ALARM = "alarm";
    public static final String ENTRY = "entry";

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }

    /**
     * A journal record other than an alarm change.
     *
     * @param type the journal record type (device-event, presence, login, config-change, search...)
     * @param actor the person or device that did it
     * @param action what was done
     * @param subject what it was done to (a room, a device, a pseudonymous resident id)
     * @param details further facts, as recorded
     */
    public record Entry(
            String type,
            String site,
            String room,
            String device,
            String actor,
            String action,
            String subject,
            Map<String, String> details) {
        public Entry {
            details = details == null ? Map.of() : details;
        }
    }
}
