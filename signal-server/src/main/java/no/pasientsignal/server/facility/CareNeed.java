package no.pasientsignal.server.facility;

import java.util.Locale;
import java.util.Objects;

/**
 * Something a resident's safety relies on: a device of {@code deviceType} at a location of {@code
 * locationKind} in the resident's room (a bed sensor at the bed, a call button in the bathroom).
 */
public record CareNeed(DeviceType deviceType, LocationKind locationKind) {

    public CareNeed {
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(locationKind, "locationKind");
    }

    /** For staff: "bed sensor at bed", "call button at bathroom". */
    public String describe() {
        return deviceType.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " at " + locationKind.label();
    }

    /** Whether {@code device} is of the type at the kind of location this need asks for. */
    public boolean isMetBy(DeviceType type, LocationKind kind) {
        return deviceType == type && locationKind == kind;
    }
}
