package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.routing.Tier;
import no.pasientsignal.server.staff.Role;
import org.junit.jupiter.api.Test;

class ApiEnumsTest {

    @Test
    void request_patterns_accept_exactly_the_enum_values() {
        assertThat(alternatives(ApiEnums.DEVICE_TYPES)).containsExactlyInAnyOrderElementsOf(names(DeviceType.values()));
        assertThat(alternatives(ApiEnums.LOCATION_KINDS))
                .containsExactlyInAnyOrderElementsOf(names(LocationKind.values()));
        assertThat(alternatives(ApiEnums.ROLES)).containsExactlyInAnyOrderElementsOf(names(Role.values()));
        assertThat(alternatives(ApiEnums.PRIORITIES)).containsExactlyInAnyOrderElementsOf(names(Priority.values()));
        assertThat(alternatives(ApiEnums.TIERS)).containsExactlyInAnyOrderElementsOf(names(Tier.values()));
        assertThat(alternatives(ApiEnums.RULE_KINDS))
                .containsExactlyInAnyOrderElementsOf(names(PassiveRule.Kind.values()));
        assertThat(alternatives(ApiEnums.BASIS_KINDS))
                .containsExactlyInAnyOrderElementsOf(names(LegalBasis.Kind.values()));
    }

    private static List<String> alternatives(String pattern) {
        return List.of(pattern.split("\\|"));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
