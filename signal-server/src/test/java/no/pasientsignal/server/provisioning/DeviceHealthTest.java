package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.Room;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceHealthTest {

    private static final String DEVICE = "call-201";
    private static final HealthSettings SETTINGS = HealthSettings.defaults();
    private static final Duration SILENT_AFTER = SETTINGS.silentAfter(DeviceType.CALL_BUTTON);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final FacilityDirectory facility = new FacilityDirectory();
    private final List<TechnicalAlert> received = new ArrayList<>();
    private DeviceHealth health;

    @BeforeEach
    void setUp() {
        facility.register(new Device(
                DEVICE,
                DeviceType.CALL_BUTTON,
                new Room("201", "Rom 201", "Avdeling 2 Øst", "zone-1", "ward-1", "site-1")));
        // Runnable::run: listeners are called at once, so the test sees every alert in order.
        health = new DeviceHealth(clock, SETTINGS, facility, Runnable::run);
        health.subscribe(received::add);
    }

    @Test
    void default_silence_bound_is_three_missed_20_s_beats_well_under_100_s() {
        assertThat(SETTINGS.interval(DeviceType.CALL_BUTTON)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SILENT_AFTER).isEqualTo(Duration.ofSeconds(60));
        // Checked every 5 s, detection lags the bound by at most 5 s.
        assertThat(SILENT_AFTER.plusSeconds(5)).isLessThan(Duration.ofSeconds(100));
    }

    @Test
    void settings_that_would_report_silence_too_late_are_refused() {
        assertThatThrownBy(() -> new HealthSettings(Duration.ofSeconds(40), 3, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100");
        assertThatThrownBy(() -> new HealthSettings(Duration.ZERO, 3, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void silent_device_raises_device_silent_exactly_once_at_the_bound_and_not_before() {
        health.heartbeat(DEVICE, Heartbeat.ofBattery(90));

        clock.advance(SILENT_AFTER.minusMillis(1));
        health.check();
        assertThat(health.activeTechnicalAlerts()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        health.check();
        clock.advance(Duration.ofSeconds(5));
        health.check();
        clock.advance(Duration.ofMinutes(10));
        health.check();

        assertThat(received).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(TechnicalAlertKind.DEVICE_SILENT);
            assertThat(alert.deviceId()).isEqualTo(DEVICE);
            assertThat(alert.roomId()).isEqualTo("201");
            assertThat(alert.raisedAt()).isEqualTo(Instant.parse("2026-11-23T08:01:00Z"));
            assertThat(alert.isActive()).isTrue();
        });
        assertThat(kinds(health.activeTechnicalAlerts())).containsExactly(TechnicalAlertKind.DEVICE_SILENT);
    }

    @Test
    void hearing_a_silent_device_again_clears_device_silent_and_a_new_outage_raises_it_again() {
        health.heartbeat(DEVICE, Heartbeat.ofBattery(90));
        clock.advance(SILENT_AFTER);
        health.check();

        clock.advance(Duration.ofSeconds(3));
        health.heartbeat(DEVICE, Heartbeat.ofBattery(90));

        assertThat(health.activeTechnicalAlerts()).isEmpty();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).kind()).isEqualTo(TechnicalAlertKind.DEVICE_SILENT);
        assertThat(received.get(1).clearedAt()).isEqualTo(Instant.parse("2026-11-23T08:01:03Z"));

        clock.advance(SILENT_AFTER);
        health.check();
        assertThat(kinds(health.activeTechnicalAlerts())).containsExactly(TechnicalAlertKind.DEVICE_SILENT);
        assertThat(received).hasSize(3);
    }

    @Test
    void a_call_event_counts_as_heard() {
        clock.advance(SILENT_AFTER.minusSeconds(10));
        health.seen(DEVICE);
        clock.advance(Duration.ofSeconds(15));
        health.check();
        assertThat(health.activeTechnicalAlerts()).isEmpty();
        assertThat(health.status(DEVICE)).get().satisfies(status -> {
            assertThat(status.lastSeen()).isEqualTo(Instant.parse("2026-11-23T08:00:50Z"));
            assertThat(status.batteryPercent()).isNull();
        });
    }

    @Test
    void a_device_never_heard_counts_from_server_start() {
        clock.advance(SILENT_AFTER.minusSeconds(1));
        health.check();
        assertThat(health.activeTechnicalAlerts()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        health.check();
        assertThat(kinds(health.activeTechnicalAlerts())).containsExactly(TechnicalAlertKind.DEVICE_SILENT);
        assertThat(health.activeTechnicalAlerts().getFirst().detail()).contains("not heard");
    }

    @Test
    void a_device_registered_later_counts_from_when_it_was_first_listed() {
        health.check();
        clock.advance(Duration.ofMinutes(5));
        health.heartbeat(DEVICE, Heartbeat.ofBattery(90));
        facility.register(new Device(
                "call-202", DeviceType.CALL_BUTTON, new Room("202", "Rom 202", "Avd", "zone-1", "ward-1", "site-1")));

        health.check();
        assertThat(health.activeTechnicalAlerts()).isEmpty();

        clock.advance(SILENT_AFTER);
        health.check();
        assertThat(health.activeTechnicalAlerts())
                .extracting(TechnicalAlert::deviceId)
                .containsExactlyInAnyOrder(DEVICE, "call-202");
    }

    @Test
    void heartbeat_records_last_seen_battery_signal_firmware_and_tamper() {
        clock.advance(Duration.ofSeconds(7));
        health.heartbeat(DEVICE, new Heartbeat(77, -64, false, "1.4.2", 3600L));
        // A later heartbeat without fw keeps the firmware last reported.
        health.heartbeat(DEVICE, new Heartbeat(76, -66, false, null, 3620L));

        assertThat(health.status(DEVICE))
                .get()
                .isEqualTo(new DeviceStatus(DEVICE, Instant.parse("2026-11-23T08:00:07Z"), 76, -66, "1.4.2", false));
    }

    @Test
    void low_battery_raises_once_and_clears_only_above_threshold_plus_hysteresis() {
        int threshold = SETTINGS.lowBattery();
        health.heartbeat(DEVICE, Heartbeat.ofBattery(threshold + 1));
        assertThat(health.activeTechnicalAlerts()).isEmpty();

        health.heartbeat(DEVICE, Heartbeat.ofBattery(threshold));
        health.heartbeat(DEVICE, Heartbeat.ofBattery(threshold - 2));
        health.check();
        assertThat(kinds(received)).containsExactly(TechnicalAlertKind.BATTERY_LOW);
        assertThat(health.activeTechnicalAlerts().getFirst().detail()).contains(Integer.toString(threshold));

        // Hovering just above the threshold (a battery recovers a little when warm) does not clear.
        health.heartbeat(DEVICE, Heartbeat.ofBattery(threshold + HealthSettings.BATTERY_HYSTERESIS));
        assertThat(kinds(health.activeTechnicalAlerts())).containsExactly(TechnicalAlertKind.BATTERY_LOW);

        health.heartbeat(DEVICE, Heartbeat.ofBattery(threshold + HealthSettings.BATTERY_HYSTERESIS + 1));
        assertThat(health.activeTechnicalAlerts()).isEmpty();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).cleared()).isPresent();

        health.heartbeat(DEVICE, Heartbeat.ofBattery(threshold));
        assertThat(kinds(health.activeTechnicalAlerts())).containsExactly(TechnicalAlertKind.BATTERY_LOW);
    }

    @Test
    void tamper_raises_once_and_clears_when_the_device_reports_it_closed() {
        health.heartbeat(DEVICE, Heartbeat.ofBattery(90).withTamper(true));
        health.heartbeat(DEVICE, Heartbeat.ofBattery(90).withTamper(true));
        assertThat(kinds(health.activeTechnicalAlerts())).containsExactly(TechnicalAlertKind.TAMPER);
        assertThat(received).hasSize(1);

        health.heartbeat(DEVICE, Heartbeat.ofBattery(90));
        assertThat(health.activeTechnicalAlerts()).isEmpty();
        assertThat(received).hasSize(2);
    }

    @Test
    void heartbeat_from_an_unknown_device_is_ignored() {
        assertThat(health.heartbeat("call-999", Heartbeat.ofBattery(1).withTamper(true)))
                .isFalse();
        health.seen("call-999");
        assertThat(health.status("call-999")).isEmpty();
        assertThat(health.activeTechnicalAlerts()).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void technical_alerts_are_listed_oldest_first() {
        health.heartbeat(DEVICE, Heartbeat.ofBattery(5));
        clock.advance(Duration.ofSeconds(1));
        health.heartbeat(DEVICE, Heartbeat.ofBattery(5).withTamper(true));
        assertThat(kinds(health.activeTechnicalAlerts()))
                .containsExactly(TechnicalAlertKind.BATTERY_LOW, TechnicalAlertKind.TAMPER);
    }

    @Test
    void a_failing_listener_does_not_stop_the_others() {
        health.subscribe(alert -> {
            throw new IllegalStateException("broken");
        });
        var second = new ArrayList<TechnicalAlert>();
        health.subscribe(second::add);
        health.heartbeat(DEVICE, Heartbeat.ofBattery(3));
        assertThat(second).hasSize(1);
    }

    private static List<TechnicalAlertKind> kinds(List<TechnicalAlert> alerts) {
        return alerts.stream().map(TechnicalAlert::kind).toList();
    }

    /** A clock the test moves by hand: no sleeping, no flakiness. */
}
