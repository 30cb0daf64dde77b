package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import no.pasientsignal.server.alarm.Alarm;

/**
 * An open (or just closed) alarm as the API shows it. Times are ISO-8601 UTC. The resident is the
 * pseudonymous id only; a console that may show names looks it up in {@code /api/residents}.
 *
 * @param vkpCode the national VKP alert code, when the code system has one for the type
 * @param recipients everyone the alarm went to, with what their channel last reported (SENT,
 *     DELIVERED, SEEN, ACCEPTED, REJECTED)
 * @param unreachable some escalation step found nobody on the roster: shown flagged
 * @param notActionable resolved by staff as needing no action
 */
@Serdeable
public record AlarmDto(
        String id,
        String originEventId,
        String type,
        String typeLabel,
        @Nullable String vkpCode,
        String priority,
        String state,
        String roomId,
        String roomName,
        String zoneId,
        String wardId,
        String locationKind,
        String deviceId,
        @Nullable String residentId,
        String raisedAt,
        String updatedAt,
        boolean silenced,
        @Nullable String acceptedBy,
        @Nullable String acceptedAt,
        int repeats,
        int returns,
        int escalationStep,
        @Nullable String nextEscalationAt,
        boolean unreachable,
        Map<String, String> recipients,
        boolean notActionable) {

    static AlarmDto of(Alarm a) {
        var recipients = new TreeMap<String, String>();
        a.recipients().forEach((who, status) -> recipients.put(who, status.name()));
        return new AlarmDto(
                a.id().toString(),
                a.originEventId() == null ? null : a.originEventId().toString(),
                a.type().name(),
                a.type().label(),
                a.type().vkpCode().orElse(null),
                a.priority().name(),
                a.state().name(),
                a.place().roomId(),
                a.place().roomName(),
                a.place().zoneId(),
                a.place().wardId(),
                a.place().locationKind(),
                a.deviceId(),
                a.residentId(),
                a.raisedAt().toString(),
                a.updatedAt().toString(),
                a.silenced(),
                a.acceptedBy(),
                text(a.acceptedAt()),
                a.repeats(),
                a.returns(),
                a.escalationStep(),
                text(a.nextEscalationAt()),
                a.unreachable(),
                recipients,
                a.notActionable());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
