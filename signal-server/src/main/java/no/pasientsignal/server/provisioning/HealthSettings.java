package no.pasientsignal.server.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import no.pasientsignal.server.facility.DeviceType;

/**
 * Device health settings ({@code signal.health.*}).
 *
 * @param heartbeatInterval how often devices send a heartbeat (the interval device firmware is
 *     configured with); today every device type uses it, see {@link #interval(DeviceType)}
 * @param missedBeats after this many intervals without a heartbeat or event a device is silent
 * @param lowBattery battery percent at or below which BATTERY_LOW is raised; it clears above
 *     {@code lowBattery + }{@link #BATTERY_HYSTERESIS}
 */
@ConfigurationProperties("signal.health")
public record HealthSettings(
        @Bindable(defaultValue = "20s") @NotNull Duration heartbeatInterval,
        @Bindable(defaultValue = "3") @Min(1) @Max(20) int missedBeats,
        @Bindable(defaultValue = "20") @Min(0) @Max(90) int lowBattery) {

    /** Percentage points a battery must recover above the threshold before BATTERY_LOW clears. */
    public static final int BATTERY_HYSTERESIS = 5;

    /**
     * Silence longer than this must be reported: a call button that cannot reach the server is a
     * resident who cannot call for help.
     */
    public static final Duration MAX_SILENCE = Duration.ofSeconds(100);

    public HealthSettings {
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("signal.health.heartbeat-interval must be positive");
        }
        if (missedBeats < 1) {
            throw new IllegalArgumentException("signal.health.missed-beats must be at least 1");
        }
        if (heartbeatInterval.multipliedBy(missedBeats).compareTo(MAX_SILENCE) >= 0) {
            throw new IllegalArgumentException("signal.health.heartbeat-interval x missed-beats must stay under "
                    + MAX_SILENCE.toSeconds() + " s, was " + heartbeatInterval.multipliedBy(missedBeats));
        }
        if (lowBattery < 0 || lowBattery > 90) {
            throw new IllegalArgumentException("signal.health.low-battery must be 0-90");
        }
    }

    /** The defaults: 20 s heartbeats, silent after 3 missed (60 s), low battery at 20 %. */
    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofSeconds(20), 3, 20);
    }

    /** Heartbeat interval of a device type. One value for all types until types need their own. */
    public Duration interval(DeviceType type) {
        return heartbeatInterval;
    }

    /** How long a device of this type may stay unheard before it counts as silent. */
    public Duration silentAfter(DeviceType type) {
        return interval(type).multipliedBy(missedBeats);
    }
}
