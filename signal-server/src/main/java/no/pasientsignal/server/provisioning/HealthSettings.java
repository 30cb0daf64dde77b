package no.pasientsignal.server.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import no.pasientsignal.server.facility.DeviceType;

/**
 * Device health settings ({@code signal.health.*}).
 *
 * <p>A device type's heartbeat interval (the interval its firmware is configured with) is, first
 * found: {@code signal.health.intervals.<type>} (for example {@code intervals.bed-sensor: 15s});
 * else {@code signal.health.heartbeat-interval} when set (one interval for every type); else the
 * built-in default of the type ({@link #DEFAULT_INTERVALS}). Every type's interval x {@code
 * missed-beats} must stay under {@link #MAX_SILENCE}; the server refuses to start otherwise, naming
 * the setting.
 *
 * @param heartbeatInterval one interval for every type not listed in {@code intervals}; null (the
 *     default) to use the built-in per-type defaults
 * @param intervals per-type intervals keyed by device type ({@code bed-sensor}, {@code
 *     BED_SENSOR}); after construction: the effective interval of every type, keyed by enum name
 * @param missedBeats after this many intervals without a heartbeat or event a device is silent
 * @param lowBattery battery percent at or below which BATTERY_LOW is raised; it clears above
 *     {@code lowBattery + }{@link #BATTERY_HYSTERESIS}
 */
@ConfigurationProperties("signal.health")
public record HealthSettings(
        @Nullable Duration heartbeatInterval,
        @Nullable Map<String, Duration> intervals,
        @Bindable(defaultValue = "3") @Min(1) @Max(20) int missedBeats,
        @Bindable(defaultValue = "20") @Min(0) @Max(90) int lowBattery) {

    /** Percentage points a battery must recover above the threshold before BATTERY_LOW clears. */
    public static final int BATTERY_HYSTERESIS = 5;

    /**
     * Silence longer than this must be reported: a call button that cannot reach the server is a
     * resident who cannot call for help.
     */
    public static final Duration MAX_SILENCE = Duration.ofSeconds(100);

    /**
     * Built-in heartbeat intervals. With 3 missed beats every type is reported silent within 60 s
     * (plus the check period), well under {@link #MAX_SILENCE}. Sensors whose silence matters most
     * at night (bed exit, falls) beat faster; mains-powered cameras can afford to beat fastest.
     */
    public static final Map<DeviceType, Duration> DEFAULT_INTERVALS = defaultIntervals();

    @Creator
    public HealthSettings {
        if (missedBeats < 1 || missedBeats > 20) {
            throw new IllegalArgumentException("signal.health.missed-beats must be 1-20, was " + missedBeats);
        }
        if (lowBattery < 0 || lowBattery > 90) {
            throw new IllegalArgumentException("signal.health.low-battery must be 0-90, was " + lowBattery);
        }
        if (heartbeatInterval != null) {
            requireValid("signal.health.heartbeat-interval", heartbeatInterval, missedBeats);
        }
        var effective = new EnumMap<DeviceType, Duration>(DeviceType.class);
        for (DeviceType type : DeviceType.values()) {
            effective.put(type, heartbeatInterval != null ? heartbeatInterval : DEFAULT_INTERVALS.get(type));
        }
        if (intervals != null) {
            intervals.forEach((key, interval) -> {
                DeviceType type = deviceType(key);
                requireValid("signal.health.intervals." + settingName(type), interval, missedBeats);
                effective.put(type, interval);
            });
        }
        var byName = new LinkedHashMap<String, Duration>();
        effective.forEach((type, interval) -> byName.put(type.name(), interval));
        intervals = Map.copyOf(byName);
    }

    /** One interval for every device type (as before per-type intervals existed). */
    public HealthSettings(Duration heartbeatInterval, int missedBeats, int lowBattery) {
        this(requirePresent(heartbeatInterval), null, missedBeats, lowBattery);
    }

    /** The defaults: the built-in per-type intervals, silent after 3 missed, low battery at 20 %. */
    public static HealthSettings defaults() {
        return new HealthSettings(null, null, 3, 20);
    }

    /** Heartbeat interval of a device type. */
    public Duration interval(DeviceType type) {
        return intervals.get(type.name());
    }

    /** How long a device of this type may stay unheard before it counts as silent. */
    public Duration silentAfter(DeviceType type) {
        return interval(type).multipliedBy(missedBeats);
    }

    /** {@code BED_SENSOR} as its setting key is written: {@code bed-sensor}. */
    static String settingName(DeviceType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Duration requirePresent(Duration interval) {
        if (interval == null) {
            throw new IllegalArgumentException("signal.health.heartbeat-interval must be positive");
        }
        return interval;
    }

    private static void requireValid(String setting, Duration interval, int missedBeats) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, was " + interval);
        }
        Duration bound = interval.multipliedBy(missedBeats);
        if (bound.compareTo(MAX_SILENCE) >= 0) {
            throw new IllegalArgumentException(setting + " x signal.health.missed-beats must stay under "
                    + MAX_SILENCE.toSeconds() + " s, was " + interval.toSeconds() + " s x " + missedBeats + " = "
                    + bound.toSeconds() + " s");
        }
    }

    /** Accepts {@code bed-sensor}, {@code bed_sensor}, {@code BED_SENSOR}, {@code bedSensor}. */
    private static DeviceType deviceType(String key) {
        String wanted = key.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return Arrays.stream(DeviceType.values())
                .filter(type -> type.name().replace("_", "").equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("signal.health.intervals." + key
                        + " names no device type; known types: "
                        + Arrays.stream(DeviceType.values())
                                .map(HealthSettings::settingName)
                                .collect(Collectors.joining(", "))));
    }

    private static Map<DeviceType, Duration> defaultIntervals() {
        var defaults = new EnumMap<DeviceType, Duration>(DeviceType.class);
        defaults.put(DeviceType.CALL_BUTTON, Duration.ofSeconds(20));
        defaults.put(DeviceType.PULL_CORD, Duration.ofSeconds(20));
        defaults.put(DeviceType.BED_SENSOR, Duration.ofSeconds(15));
        defaults.put(DeviceType.DOOR_SENSOR, Duration.ofSeconds(20));
        defaults.put(DeviceType.MOTION_SENSOR, Duration.ofSeconds(20));
        defaults.put(DeviceType.FALL_SENSOR, Duration.ofSeconds(15));
        defaults.put(DeviceType.SMOKE_DETECTOR, Duration.ofSeconds(20));
        defaults.put(DeviceType.CAMERA, Duration.ofSeconds(10));
        for (DeviceType type : DeviceType.values()) {
            if (!defaults.containsKey(type)) {
                throw new IllegalStateException("No default heartbeat interval for " + type);
            }
        }
        return Collections.unmodifiableMap(defaults);
    }
}
