package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import no.pasientsignal.server.facility.DeviceType;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

    @Test
    void every_device_type_has_a_default_interval_and_is_reported_silent_well_under_100_s() {
        var defaults = HealthSettings.defaults();
        for (DeviceType type : DeviceType.values()) {
            assertThat(defaults.interval(type)).as(type.name()).isPositive();
            // Plus the 5 s check period: still under the bound.
            assertThat(defaults.silentAfter(type).plusSeconds(5))
                    .as(type.name())
                    .isLessThan(HealthSettings.MAX_SILENCE);
        }
        assertThat(defaults.interval(DeviceType.CALL_BUTTON)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.interval(DeviceType.BED_SENSOR)).isLessThan(defaults.interval(DeviceType.CALL_BUTTON));
    }

    @Test
    void a_per_type_interval_overrides_the_default_whichever_way_the_type_is_spelt() {
        var settings = new HealthSettings(
                null, Map.of("bed-sensor", Duration.ofSeconds(10), "SMOKE_DETECTOR", Duration.ofSeconds(30)), 3, 20);

        assertThat(settings.interval(DeviceType.BED_SENSOR)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.interval(DeviceType.SMOKE_DETECTOR)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.silentAfter(DeviceType.SMOKE_DETECTOR)).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.interval(DeviceType.CALL_BUTTON))
                .isEqualTo(HealthSettings.DEFAULT_INTERVALS.get(DeviceType.CALL_BUTTON));
    }

    @Test
    void one_heartbeat_interval_applies_to_every_type_not_listed() {
        var settings = new HealthSettings(Duration.ofSeconds(25), Map.of("camera", Duration.ofSeconds(5)), 2, 20);

        assertThat(settings.interval(DeviceType.BED_SENSOR)).isEqualTo(Duration.ofSeconds(25));
        assertThat(settings.interval(DeviceType.CAMERA)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void an_interval_that_would_report_silence_at_or_after_100_s_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new HealthSettings(null, Map.of("call-button", Duration.ofSeconds(40)), 3, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signal.health.intervals.call-button")
                .hasMessageContaining("signal.health.missed-beats")
                .hasMessageContaining("100 s")
                .hasMessageContaining("120 s");
        assertThatThrownBy(() -> new HealthSettings(Duration.ofSeconds(50), null, 2, 20))
                .hasMessageContaining("signal.health.heartbeat-interval");
        // Fine with one missed beat, refused with three: the product is what counts.
        assertThat(new HealthSettings(null, Map.of("pull-cord", Duration.ofSeconds(90)), 1, 20)
                        .silentAfter(DeviceType.PULL_CORD))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void zero_negative_and_unknown_types_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> new HealthSettings(null, Map.of("door-sensor", Duration.ZERO), 3, 20))
                .hasMessageContaining("signal.health.intervals.door-sensor")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new HealthSettings(null, Map.of("toaster", Duration.ofSeconds(10)), 3, 20))
                .hasMessageContaining("signal.health.intervals.toaster")
                .hasMessageContaining("bed-sensor");
        assertThatThrownBy(() -> new HealthSettings(null, null, 0, 20))
                .hasMessageContaining("signal.health.missed-beats");
    }
}
