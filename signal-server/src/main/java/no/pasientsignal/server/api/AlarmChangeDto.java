package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.pasientsignal.server.alarm.AlarmUpdate;

/**
 * One change on an alarm stream.
 *
 * @param change RAISED, NOTIFIED, ESCALATED, REPEATED, SILENCED, DELIVERY, ACCEPTED, PRESENT,
 *     RETURNED, RESOLVED, CANCELLED or RESTORED
 * @param eventId the device event that caused the change, if a device did (so a device's press can
 *     be followed to what staff received)
 * @param actor who made the change: a staff member, a device id, or "system" for timers
 * @param newRecipients who the change is addressed to now (on NOTIFIED, ESCALATED, RETURNED)
 * @param forYou the receiving staff member is among the alarm's recipients
 */
@Serdeable
public record AlarmChangeDto(
        String change,
        @Nullable String eventId,
        String actor,
        List<String> newRecipients,
        AlarmDto alarm,
        boolean forYou) {

    static AlarmChangeDto of(AlarmUpdate update, String viewer) {
        var c = update.change();
        return new AlarmChangeDto(
                c.kind().name(),
                update.causeEventId() == null ? null : update.causeEventId().toString(),
                c.actor(),
                c.newRecipients(),
                AlarmDto.of(c.alarm()),
                c.alarm().recipients().containsKey(viewer) || c.newRecipients().contains(viewer));
    }
}
