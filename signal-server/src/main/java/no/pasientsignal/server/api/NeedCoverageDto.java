package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import no.pasientsignal.server.provisioning.NeedCoverage;

/**
 * One care need and how it is covered now. {@code coverage} is COVERED, SILENT, TAMPERED,
 * DECOMMISSIONED, NO_DEVICE or NO_ROOM; {@code lastSeen} is ISO-8601 UTC.
 */
@Serdeable
public record NeedCoverageDto(
        String deviceType,
        String locationKind,
        String description,
        boolean covered,
        String coverage,
        String explanation,
        String deviceId,
        String lastSeen,
        Integer batteryPercent) {

    static NeedCoverageDto of(NeedCoverage need) {
        return new NeedCoverageDto(
                need.need().deviceType().name(),
                need.need().locationKind().name(),
                need.need().describe(),
                need.covered(),
                need.coverage().name(),
                need.coverage().explanation(),
                need.deviceId(),
                need.lastSeen() == null ? null : need.lastSeen().toString(),
                need.batteryPercent());
    }
}
