package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;

/**
 * Decides, for each of a resident's care needs, whether a device covers it. Pure: everything it
 * looks at is passed in, so the rules are tested without a server.
 *
 * <p>A need is covered by a device of its type at a location of its kind in the resident's room
 * that is in service and has no active DEVICE_SILENT or TAMPER alert. When several could cover it,
 * the most recently heard one is named. When none does, the reason names the worst candidate: a
 * silent device, else a tampered one, else one taken out of service, else there is none.
 */
public final class ProtectionEvaluator {

    /**
     * A device in (or recorded in) the resident's room as the evaluation sees it.
     *
     * @param locationKind where in the room it is mounted; null if unknown (it then covers nothing)
     * @param inService false for devices decommissioned or replaced but still recorded there
     * @param alerts its active technical alerts
     * @param lastKnown what was last heard from it, null if never
     */
    public record DeviceCondition(
            String deviceId,
            DeviceType type,
            LocationKind locationKind,
            boolean inService,
            Set<TechnicalAlertKind> alerts,
            DeviceStatus lastKnown) {

        public DeviceCondition {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(type, "type");
            alerts = Set.copyOf(alerts);
        }

        boolean healthy() {
            return inService
                    && !alerts.contains(TechnicalAlertKind.DEVICE_SILENT)
                    && !alerts.contains(TechnicalAlertKind.TAMPER);
        }

        Instant lastSeen() {
            return lastKnown == null ? null : lastKnown.lastSeen();
        }
    }

    private static final Comparator<DeviceCondition> MOST_RECENTLY_HEARD_FIRST = Comparator.comparing(
                    DeviceCondition::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DeviceCondition::deviceId);

    private ProtectionEvaluator() {}

    /** Evaluates every need of {@code resident} against the devices of their room. */
    public static ResidentProtection evaluate(Resident resident, List<DeviceCondition> devicesInRoom) {
        var needs = new ArrayList<NeedCoverage>(resident.needs().size());
        for (CareNeed need : resident.needs()) {
            needs.add(
                    resident.roomId() == null
                            ? new NeedCoverage(need, Coverage.NO_ROOM, null, null, null)
                            : coverage(need, devicesInRoom));
        }
        return new ResidentProtection(resident, needs);
    }

    private static NeedCoverage coverage(CareNeed need, List<DeviceCondition> devices) {
        List<DeviceCondition> candidates = devices.stream()
                .filter(d -> d.locationKind() != null && need.isMetBy(d.type(), d.locationKind()))
                .sorted(MOST_RECENTLY_HEARD_FIRST)
                .toList();
        for (DeviceCondition d : candidates) {
            if (d.healthy()) {
                return of(need, Coverage.COVERED, d);
            }
        }
        for (DeviceCondition d : candidates) {
            if (d.inService() && d.alerts().contains(TechnicalAlertKind.DEVICE_SILENT)) {
                return of(need, Coverage.SILENT, d);
            }
        }
        for (DeviceCondition d : candidates) {
            if (d.inService() && d.alerts().contains(TechnicalAlertKind.TAMPER)) {
                return of(need, Coverage.TAMPERED, d);
            }
        }
        if (!candidates.isEmpty()) {
            return of(need, Coverage.DECOMMISSIONED, candidates.getFirst());
        }
        return new NeedCoverage(need, Coverage.NO_DEVICE, null, null, null);
    }

    private static NeedCoverage of(CareNeed need, Coverage coverage, DeviceCondition device) {
        DeviceStatus status = device.lastKnown();
        return new NeedCoverage(
                need,
                coverage,
                device.deviceId(),
                status == null ? null : status.lastSeen(),
                status == null ? null : status.batteryPercent());
    }
}
