package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import no.pasientsignal.server.alarm.CallChange;

/** One change on the call stream: {@code change} is RAISED or CANCELLED. */
@Serdeable
public record CallChangeDto(String change, ActiveCallDto call) {
    static CallChangeDto of(CallChange change) {
        return new CallChangeDto(change.kind().name(), ActiveCallDto.of(change.call()));
    }
}
