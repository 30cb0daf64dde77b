package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.facility.Room;
import no.pasientsignal.server.provisioning.ProtectionAlert.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtectionMonitorTest {

    private static final Room ROOM_201 =
            new Room("room-201", "Rom 201", "Avdeling 2 Øst", "zone-1", "ward-1", "site-1");
    private static final CareNeed CALL_AT_BED = new CareNeed(DeviceType.CALL_BUTTON, LocationKind.BED);
    private static final CareNeed DOOR = new CareNeed(DeviceType.DOOR_SENSOR, LocationKind.DOOR);
    private static final Duration SILENT_AFTER = HealthSettings.defaults().silentAfter(DeviceType.CALL_BUTTON);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T22:00:00Z"));
    private final FacilityDirectory facility = new FacilityDirectory();
    private final ResidentDirectory residents = new ResidentDirectory();
    private final List<ProtectionAlert> received = new ArrayList<>();
    private final List<DeviceRegister.MountedDevice> outOfService = new ArrayList<>();
    private DeviceHealth health;
    private ProtectionMonitor monitor;

    @BeforeEach
    void setUp() {
        facility.register(new Device("call-201", DeviceType.CALL_BUTTON, ROOM_201, LocationKind.BED));
        residents.put(new Resident("r-201", "Astrid Hansen", "room-201", "sykepleier", false, List.of(CALL_AT_BED)));
        // Runnable::run: listeners are called at once, in order.
        health = new DeviceHealth(clock, HealthSettings.defaults(), facility, Runnable::run);
        monitor = ProtectionMonitor.following(clock, facility, residents, health, register(), Runnable::run);
        monitor.subscribe(received::add);
    }

    @Test
    void a_silent_device_raises_a_protection_alert_naming_the_resident_the_need_and_the_nurse() {
        health.heartbeat("call-201", Heartbeat.ofBattery(80));
        clock.advance(SILENT_AFTER);
        health.check();

        assertThat(received).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(State.RAISED);
            assertThat(alert.residentId()).isEqualTo("r-201");
            assertThat(alert.displayName()).isEqualTo("Astrid Hansen");
            assertThat(alert.roomName()).isEqualTo("Rom 201");
            assertThat(alert.responsibleNurse()).isEqualTo("sykepleier");
            assertThat(alert.whatIsUncovered()).isEqualTo("call button at bed: device silent");
            assertThat(alert.raisedAt()).isEqualTo(clock.instant());
            assertThat(alert.toString()).contains("r-201").doesNotContain("Astrid");
        });
        assertThat(monitor.activeAlerts()).hasSize(1);
        assertThat(monitor.protection("r-201").orElseThrow().complete()).isFalse();
    }

    @Test
    void hearing_the_device_again_clears_the_alert() {
        health.heartbeat("call-201", Heartbeat.ofBattery(80));
        clock.advance(SILENT_AFTER);
        health.check();
        health.heartbeat("call-201", Heartbeat.ofBattery(80));

        assertThat(received).extracting(ProtectionAlert::state).containsExactly(State.RAISED, State.CLEARED);
        assertThat(monitor.activeAlerts()).isEmpty();
        assertThat(monitor.protection("r-201").orElseThrow().complete()).isTrue();
    }

    @Test
    void tamper_raises_it_and_a_low_battery_does_not() {
        health.heartbeat("call-201", Heartbeat.ofBattery(5));
        assertThat(received).isEmpty();

        health.heartbeat("call-201", Heartbeat.ofBattery(80).withTamper(true));
        assertThat(received)
                .singleElement()
                .satisfies(alert ->
                        assertThat(alert.whatIsUncovered()).isEqualTo("call button at bed: device tampered with"));
    }

    @Test
    void a_need_nothing_was_ever_installed_for_raises_no_alert_but_shows_in_the_view() {
        residents.put(
                new Resident("r-201", "Astrid Hansen", "room-201", "sykepleier", false, List.of(CALL_AT_BED, DOOR)));
        monitor.update("r-201");
        health.heartbeat("call-201", Heartbeat.ofBattery(80));

        assertThat(received).isEmpty();
        assertThat(monitor.protection("r-201").orElseThrow().gaps())
                .extracting(NeedCoverage::coverage)
                .containsExactly(Coverage.NO_DEVICE);
        assertThat(monitor.overview()).hasSize(1);
    }

    @Test
    void a_silent_device_taken_out_of_service_keeps_the_alert_until_a_replacement_covers_the_need() {
        health.heartbeat("call-201", Heartbeat.ofBattery(80));
        clock.advance(SILENT_AFTER);
        health.check();

        // The technician decommissions it: the tracker drops its alerts on the next check.
        facility.remove("call-201");
        outOfService.add(new DeviceRegister.MountedDevice("call-201", DeviceType.CALL_BUTTON, LocationKind.BED, false));
        health.check();

        assertThat(received).extracting(ProtectionAlert::state).containsExactly(State.RAISED, State.UPDATED);
        assertThat(received.getLast().uncovered())
                .extracting(NeedCoverage::coverage)
                .containsExactly(Coverage.DECOMMISSIONED);

        // A replacement is registered at the bed (no technical alert tells the monitor).
        facility.register(new Device("call-201b", DeviceType.CALL_BUTTON, ROOM_201, LocationKind.BED));
        monitor.reevaluate();

        assertThat(received.getLast().state()).isEqualTo(State.CLEARED);
        assertThat(monitor.activeAlerts()).isEmpty();
    }

    @Test
    void a_resident_who_moves_out_has_the_alert_cleared_and_residents_of_other_rooms_are_not_affected() {
        residents.put(new Resident("r-202", "Bjørn Olsen", "room-202", null, false, List.of(CALL_AT_BED)));
        health.heartbeat("call-201", Heartbeat.ofBattery(80));
        clock.advance(SILENT_AFTER);
        health.check();

        assertThat(received).extracting(ProtectionAlert::residentId).containsExactly("r-201");

        residents.put(new Resident("r-201", "Astrid Hansen", "room-201", "sykepleier", true, List.of(CALL_AT_BED)));
        monitor.update("r-201");
        assertThat(received.getLast().state()).isEqualTo(State.CLEARED);
        assertThat(monitor.overview()).extracting(p -> p.resident().id()).containsExactly("r-202");
    }

    @Test
    void a_device_registered_without_its_location_kind_is_looked_up() {
        facility.register(new Device("call-201", DeviceType.CALL_BUTTON, ROOM_201));

        assertThat(monitor.protection("r-201").orElseThrow().complete()).isTrue();
    }

    private DeviceRegister register() {
        return new DeviceRegister() {
            @Override
            public Optional<LocationKind> locationKind(String deviceId) {
                return deviceId.startsWith("call-") ? Optional.of(LocationKind.BED) : Optional.empty();
            }

            @Override
            public List<MountedDevice> outOfServiceIn(String roomId) {
                return List.copyOf(outOfService);
            }

            @Override
            public Optional<String> roomName(String roomId) {
                return Optional.of("Rom " + roomId);
            }
        };
    }
}
