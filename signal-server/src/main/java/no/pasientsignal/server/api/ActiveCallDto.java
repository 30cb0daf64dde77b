package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import no.pasientsignal.server.alarm.ActiveCall;

/** An active call as the API shows it. {@code raisedAt} is ISO-8601 UTC. */
@Serdeable
public record ActiveCallDto(
        String id,
        String eventId,
        String deviceId,
        String roomId,
        String roomName,
        String wardName,
        String callType,
        String raisedAt,
        String state) {

    static ActiveCallDto of(ActiveCall call) {
        return new ActiveCallDto(
                call.id().toString(),
                call.eventId().toString(),
                call.deviceId(),
                call.room().roomId(),
                call.room().name(),
                call.room().wardName(),
                call.type().name(),
                call.raisedAt().toString(),
                call.state().name());
    }
}
