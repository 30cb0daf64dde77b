package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.provisioning.ProtectionEvaluator.DeviceCondition;
import org.junit.jupiter.api.Test;

class ProtectionEvaluatorTest {

    private static final Instant T = Instant.parse("2026-11-23T22:00:00Z");
    private static final CareNeed CALL_AT_BED = new CareNeed(DeviceType.CALL_BUTTON, LocationKind.BED);
    private static final CareNeed BED_SENSOR_AT_BED = new CareNeed(DeviceType.BED_SENSOR, LocationKind.BED);
    private static final CareNeed CALL_IN_BATHROOM = new CareNeed(DeviceType.CALL_BUTTON, LocationKind.BATHROOM);

    private static final Resident RESIDENT =
            new Resident("r-1", "Astrid Hansen", "room-201", "sykepleier", false, List.of(CALL_AT_BED));

    @Test
    void a_healthy_device_of_the_type_at_the_kind_of_location_covers_the_need_and_names_itself() {
        var protection = ProtectionEvaluator.evaluate(
                RESIDENT, List.of(device("call-201", DeviceType.CALL_BUTTON, LocationKind.BED, 80)));

        assertThat(protection.complete()).isTrue();
        assertThat(protection.needs()).singleElement().satisfies(need -> {
            assertThat(need.coverage()).isEqualTo(Coverage.COVERED);
            assertThat(need.deviceId()).isEqualTo("call-201");
            assertThat(need.lastSeen()).isEqualTo(T);
            assertThat(need.batteryPercent()).isEqualTo(80);
        });
    }

    @Test
    void the_right_type_at_the_wrong_location_or_the_wrong_type_at_the_right_location_covers_nothing() {
        var protection = ProtectionEvaluator.evaluate(
                RESIDENT,
                List.of(
                        device("call-bath", DeviceType.CALL_BUTTON, LocationKind.BATHROOM, 80),
                        device("bed-1", DeviceType.BED_SENSOR, LocationKind.BED, 80),
                        device("call-unknown", DeviceType.CALL_BUTTON, null, 80)));

        assertThat(protection.complete()).isFalse();
        assertThat(protection.gaps()).singleElement().satisfies(need -> {
            assertThat(need.coverage()).isEqualTo(Coverage.NO_DEVICE);
            assertThat(need.deviceId()).isNull();
        });
    }

    @Test
    void a_silent_or_tampered_device_leaves_the_need_uncovered_and_says_which_device() {
        var silent = ProtectionEvaluator.evaluate(
                RESIDENT,
                List.of(withAlerts(
                        device("call-201", DeviceType.CALL_BUTTON, LocationKind.BED, 80),
                        TechnicalAlertKind.DEVICE_SILENT)));
        var tampered = ProtectionEvaluator.evaluate(
                RESIDENT,
                List.of(withAlerts(
                        device("call-201", DeviceType.CALL_BUTTON, LocationKind.BED, 80), TechnicalAlertKind.TAMPER)));

        assertThat(silent.gaps()).singleElement().satisfies(need -> {
            assertThat(need.coverage()).isEqualTo(Coverage.SILENT);
            assertThat(need.deviceId()).isEqualTo("call-201");
            assertThat(need.describe()).isEqualTo("call button at bed: device silent");
        });
        assertThat(tampered.gaps())
                .singleElement()
                .satisfies(need -> assertThat(need.coverage()).isEqualTo(Coverage.TAMPERED));
    }

    @Test
    void a_low_battery_still_covers_the_need() {
        var protection = ProtectionEvaluator.evaluate(
                RESIDENT,
                List.of(withAlerts(
                        device("call-201", DeviceType.CALL_BUTTON, LocationKind.BED, 9),
                        TechnicalAlertKind.BATTERY_LOW)));

        assertThat(protection.complete()).isTrue();
    }

    @Test
    void a_second_healthy_device_covers_for_a_silent_one() {
        var protection = ProtectionEvaluator.evaluate(
                RESIDENT,
                List.of(
                        withAlerts(
                                device("call-a", DeviceType.CALL_BUTTON, LocationKind.BED, 80),
                                TechnicalAlertKind.DEVICE_SILENT),
                        device("call-b", DeviceType.CALL_BUTTON, LocationKind.BED, 70)));

        assertThat(protection.needs()).singleElement().satisfies(need -> {
            assertThat(need.coverage()).isEqualTo(Coverage.COVERED);
            assertThat(need.deviceId()).isEqualTo("call-b");
        });
    }

    @Test
    void silence_is_reported_before_tamper_and_tamper_before_decommissioned() {
        var decommissioned =
                new DeviceCondition("call-old", DeviceType.CALL_BUTTON, LocationKind.BED, false, Set.of(), null);
        var tampered =
                withAlerts(device("call-t", DeviceType.CALL_BUTTON, LocationKind.BED, 80), TechnicalAlertKind.TAMPER);
        var silent = withAlerts(
                device("call-s", DeviceType.CALL_BUTTON, LocationKind.BED, 80), TechnicalAlertKind.DEVICE_SILENT);

        assertThat(coverage(List.of(decommissioned, tampered, silent))).isEqualTo(Coverage.SILENT);
        assertThat(coverage(List.of(decommissioned, tampered))).isEqualTo(Coverage.TAMPERED);
        assertThat(coverage(List.of(decommissioned))).isEqualTo(Coverage.DECOMMISSIONED);
    }

    @Test
    void each_need_is_judged_on_its_own_and_a_resident_without_a_room_has_none_covered() {
        var resident = new Resident(
                "r-2",
                "Bjørn Olsen",
                "room-202",
                null,
                false,
                List.of(CALL_AT_BED, BED_SENSOR_AT_BED, CALL_IN_BATHROOM));
        var protection = ProtectionEvaluator.evaluate(
                resident,
                List.of(
                        device("call-202", DeviceType.CALL_BUTTON, LocationKind.BED, 80),
                        withAlerts(
                                device("bath-202", DeviceType.CALL_BUTTON, LocationKind.BATHROOM, 80),
                                TechnicalAlertKind.DEVICE_SILENT)));

        assertThat(protection.needs())
                .extracting(NeedCoverage::coverage)
                .containsExactly(Coverage.COVERED, Coverage.NO_DEVICE, Coverage.SILENT);

        var unplaced = new Resident("r-3", "Kari", null, null, false, List.of(CALL_AT_BED));
        assertThat(ProtectionEvaluator.evaluate(unplaced, List.of()).needs())
                .extracting(NeedCoverage::coverage)
                .containsExactly(Coverage.NO_ROOM);
    }

    @Test
    void a_resident_without_needs_is_completely_protected_and_never_named_in_to_string() {
        var resident = new Resident("r-4", "Ola Larsen", "room-204", null, false, List.of());
        assertThat(ProtectionEvaluator.evaluate(resident, List.of()).complete()).isTrue();
        assertThat(resident.toString()).contains("r-4").doesNotContain("Ola");
    }

    private static Coverage coverage(List<DeviceCondition> devices) {
        return ProtectionEvaluator.evaluate(RESIDENT, devices)
                .needs()
                .getFirst()
                .coverage();
    }

    private static DeviceCondition device(String id, DeviceType type, LocationKind kind, int battery) {
        return new DeviceCondition(id, type, kind, true, Set.of(), new DeviceStatus(id, T, battery, -60, "1.0", false));
    }

    private static DeviceCondition withAlerts(DeviceCondition device, TechnicalAlertKind... alerts) {
        return new DeviceCondition(
                device.deviceId(),
                device.type(),
                device.locationKind(),
                device.inService(),
                Set.of(alerts),
                device.lastKnown());
    }
}
