package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;
import no.pasientsignal.server.provisioning.ProtectionAlert;

/**
 * A protection alert: a resident whose care needs are no longer covered because a device went
 * silent or was tampered with. {@code state} is RAISED, UPDATED or CLEARED; {@code message} is one
 * sentence for staff ("Astrid Hansen (Rom 201) is not protected: call button at bed: device
 * silent"); {@code onDuty} are the carers the roster puts on the room's zone now;
 * {@code addressedToYou} is true for the resident's responsible nurse and for those carers. Names
 * are left out for viewers who may not see them.
 */
@Serdeable
public record ProtectionAlertDto(
        String residentId,
        String displayName,
        String roomId,
        String roomName,
        String responsibleNurse,
        List<String> onDuty,
        boolean addressedToYou,
        String state,
        String message,
        List<NeedCoverageDto> uncovered,
        String raisedAt,
        String changedAt) {

    static ProtectionAlertDto of(ProtectionAlert alert, Viewer viewer, Set<String> onDuty) {
        String who = viewer.seesNames() ? alert.displayName() : "Resident " + alert.residentId();
        String where = alert.roomName() != null ? alert.roomName() : "room " + alert.roomId();
        String message = alert.isActive()
                ? who + " (" + where + ") is not protected: " + alert.whatIsUncovered()
                : who + " (" + where + ") is protected again";
        return new ProtectionAlertDto(
                alert.residentId(),
                viewer.name(alert.displayName()),
                alert.roomId(),
                alert.roomName(),
                alert.responsibleNurse(),
                onDuty.stream().sorted().toList(),
                viewer.username().equals(alert.responsibleNurse()) || onDuty.contains(viewer.username()),
                alert.state().name(),
                message,
                alert.uncovered().stream().map(NeedCoverageDto::of).toList(),
                alert.raisedAt().toString(),
                alert.changedAt().toString());
    }
}
