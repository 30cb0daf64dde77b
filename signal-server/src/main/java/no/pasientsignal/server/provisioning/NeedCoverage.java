package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.Objects;
import no.pasientsignal.server.facility.CareNeed;

/**
 * One care need of a resident and how it is covered now.
 *
 * @param need what the resident's safety relies on
 * @param coverage covered, or why not
 * @param deviceId the device covering (or failing to cover) the need; null for {@link
 *     Coverage#NO_DEVICE} and {@link Coverage#NO_ROOM}
 * @param lastSeen when that device was last heard (this start or stored before it); null if never
 * @param batteryPercent its last reported battery; null if never reported
 */
public record NeedCoverage(
        CareNeed need, Coverage coverage, String deviceId, Instant lastSeen, Integer batteryPercent) {

    public NeedCoverage {
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(coverage, "coverage");
    }

    public boolean covered() {
        return coverage.isCovered();
    }

    /** For staff: "bed sensor at bed: device silent". */
    public String describe() {
        return need.describe() + ": " + coverage.explanation();
    }
}
