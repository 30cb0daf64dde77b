package no.pasientsignal.console.devices.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.pasientsignal.console.client.DevicesClient.Device;
import org.junit.jupiter.api.Test;

class HealthStateTest {

    @Test
    void a_device_heard_without_alerts_is_online() {
        assertThat(HealthState.of(device(true, true, List.of()))).isEqualTo(HealthState.ONLINE);
    }

    @Test
    void a_device_in_service_but_not_heard_since_the_server_started_is_not_heard_yet() {
        assertThat(HealthState.of(device(true, false, List.of()))).isEqualTo(HealthState.NOT_HEARD);
    }

    @Test
    void a_device_out_of_service_is_that_whatever_else_is_known() {
        assertThat(HealthState.of(device(false, false, List.of("DEVICE_SILENT", "TAMPER"))))
                .isEqualTo(HealthState.OUT_OF_SERVICE);
    }

    @Test
    void the_worst_alert_wins_tamper_then_silence_then_battery() {
        assertThat(HealthState.of(device(true, true, List.of("BATTERY_LOW", "TAMPER"))))
                .isEqualTo(HealthState.TAMPERED);
        assertThat(HealthState.of(device(true, false, List.of("BATTERY_LOW", "DEVICE_SILENT"))))
                .isEqualTo(HealthState.SILENT);
        assertThat(HealthState.of(device(true, true, List.of("BATTERY_LOW")))).isEqualTo(HealthState.BATTERY_LOW);
    }

    private static Device device(boolean inService, boolean online, List<String> alerts) {
        return new Device(
                "call-1",
                "CALL_BUTTON",
                "S1",
                inService ? "ACTIVE" : "DECOMMISSIONED",
                inService,
                online,
                "loc",
                "room",
                "Rom 1",
                "ward",
                "Avdeling",
                "BED",
                online ? Instant.EPOCH : null,
                50,
                -60,
                "1.0",
                online ? "LIVE" : "NONE",
                alerts);
    }
}
