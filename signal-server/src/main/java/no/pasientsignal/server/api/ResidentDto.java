package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.pasientsignal.server.facility.Resident;

/**
 * A resident as the API shows them. {@code id} is the pseudonym; {@code displayName} is left out
 * for viewers who may not see names (technicians, quality leads).
 */
@Serdeable
public record ResidentDto(
        String id, String displayName, String roomId, String responsibleNurse, boolean movedOut, List<NeedDto> needs) {

    static ResidentDto of(Resident resident, Viewer viewer) {
        return new ResidentDto(
                resident.id(),
                viewer.name(resident.displayName()),
                resident.roomId(),
                resident.responsibleNurse(),
                resident.movedOut(),
                resident.needs().stream().map(NeedDto::of).toList());
    }
}
