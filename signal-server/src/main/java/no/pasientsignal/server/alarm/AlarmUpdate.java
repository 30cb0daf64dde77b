package no.pasientsignal.server.alarm;

import java.util.Objects;
import java.util.UUID;

/**
 * One alarm change as the delivery channels and the journal see it: the change, the site it
 * belongs to, and the device event that caused it (null for staff actions and timers), so a
 * device's event can be followed to what staff received.
 */
public record AlarmUpdate(String siteId, AlarmChange change, UUID causeEventId) {
    public AlarmUpdate {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(change, "change");
    }

    public Alarm alarm() {
        return change.alarm();
    }
}
