package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;

/**
 * A care need: a device of {@code deviceType} at a location of {@code locationKind} in the
 * resident's room. {@code description} ("bed sensor at bed") is filled in answers and ignored in
 * requests.
 */
@Serdeable
public record NeedDto(
        @NotNull @Pattern(regexp = ApiEnums.DEVICE_TYPES, message = ApiEnums.DEVICE_TYPE_MESSAGE)
        String deviceType,

        @NotNull @Pattern(regexp = ApiEnums.LOCATION_KINDS, message = ApiEnums.LOCATION_KIND_MESSAGE)
        String locationKind,

        String description) {

    static NeedDto of(CareNeed need) {
        return new NeedDto(need.deviceType().name(), need.locationKind().name(), need.describe());
    }

    /** The need; call only on a validated request. */
    CareNeed need() {
        return new CareNeed(DeviceType.valueOf(deviceType), LocationKind.valueOf(locationKind));
    }
}
