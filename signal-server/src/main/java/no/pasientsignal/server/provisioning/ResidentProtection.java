package no.pasientsignal.server.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.Resident;

/** How each of a resident's care needs is covered now. */
public record ResidentProtection(Resident resident, List<NeedCoverage> needs) {

    public ResidentProtection {
        Objects.requireNonNull(resident, "resident");
        needs = List.copyOf(needs);
    }

    /** Every need is covered (true for a resident without needs). */
    public boolean complete() {
        return needs.stream().allMatch(NeedCoverage::covered);
    }

    /** The needs not covered now, in the resident's order. */
    public List<NeedCoverage> gaps() {
        return needs.stream().filter(n -> !n.covered()).toList();
    }

    public Optional<NeedCoverage> coverageOf(CareNeed need) {
        return needs.stream().filter(n -> n.need().equals(need)).findFirst();
    }
}
