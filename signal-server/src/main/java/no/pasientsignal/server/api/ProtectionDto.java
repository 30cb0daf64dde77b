package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.pasientsignal.server.provisioning.ResidentProtection;

/**
 * A resident's protection view: each care need, covered or not and why. {@code complete} is true
 * when every need is covered. {@code displayName} only for viewers who may see names.
 */
@Serdeable
public record ProtectionDto(
        String residentId,
        String displayName,
        String roomId,
        String roomName,
        String responsibleNurse,
        boolean complete,
        List<NeedCoverageDto> needs) {

    static ProtectionDto of(ResidentProtection protection, String roomName, Viewer viewer) {
        var resident = protection.resident();
        return new ProtectionDto(
                resident.id(),
                viewer.name(resident.displayName()),
                resident.roomId(),
                roomName,
                resident.responsibleNurse(),
                protection.complete(),
                protection.needs().stream().map(NeedCoverageDto::of).toList());
    }
}
