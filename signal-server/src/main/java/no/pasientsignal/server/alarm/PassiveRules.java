package no.pasientsignal.server.alarm;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns sensor facts into alarms by each resident's care plan, in the server, not in the devices:
 * the plan can change without touching a sensor, and every decision is explained in one place.
 *
 * <ul>
 *   <li>A rule runs only while its plan has a valid legal basis and only inside its time window.
 *   <li>Smoke needs no plan: fire safety is not a care measure about one person.
 *   <li>Timed rules (not back in bed, no movement) fire from {@link #tick()}, once per episode.
 *   <li>Signal ids are derived from the reading's event id (or the episode), so a retransmitted
 *       reading or a repeated tick produces the same id and the engine drops the duplicate.
 * </ul>
 *
 * <p>Single-threaded like the engine: run on the site's ordered executor.
 */
public final class PassiveRules {

    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final Map<String, List<CarePlan>> plansByRoom = new HashMap<>();
    /** Per resident: when they left the bed (cleared when they are back), and where. */
    private final Map<String, SensorReading> outOfBed = new HashMap<>();
    /** Per room: the last movement (or bed event) seen. */
    private final Map<String, SensorReading> lastMovement = new HashMap<>();

    private final Map<String, Instant> timerFired = new HashMap<>();

    public PassiveRules(Clock clock, ZoneId zone) {
        this(clock, () -> zone);
        Objects.requireNonNull(zone, "zone");
    }

    /** @param zone the site's time zone as it is now (a site's routing may change it while running) */
    public PassiveRules(Clock clock, Supplier<ZoneId> zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Sets (or replaces) a resident's care plan. */
    public void plan(CarePlan plan) {
        removePlan(plan.residentId());
        plansByRoom.computeIfAbsent(plan.roomId(), r -> new ArrayList<>()).add(plan);
    }

    public void removePlan(String residentId) {
        plansByRoom.values().forEach(plans -> plans.removeIf(p -> p.residentId().equals(residentId)));
        outOfBed.remove(residentId);
    }

    /** A sensor reading arrives: the alarms it raises now (often none). */
    public List<AlarmSignal> onReading(SensorReading reading) {
        var signals = new ArrayList<AlarmSignal>();
        String roomId = reading.place().roomId();
        if (reading.kind() == SensorKind.SMOKE) {
            signals.add(new AlarmSignal(reading.eventId(), AlarmType.SMOKE, reading.deviceId(), reading.place(), null));
            return signals;
        }
        if (reading.kind() == SensorKind.MOTION
                || reading.kind() == SensorKind.BED_EXIT
                || reading.kind() == SensorKind.BED_ENTER
                || reading.kind() == SensorKind.DOOR_OPEN) {
            lastMovement.put(roomId, reading);
        }
        for (CarePlan plan : plansByRoom.getOrDefault(roomId, List.of())) {
            if (reading.kind() == SensorKind.BED_EXIT) {
                outOfBed.put(plan.residentId(), reading);
            } else if (reading.kind() == SensorKind.BED_ENTER) {
                outOfBed.remove(plan.residentId());
            }
            if (!plan.allowedAt(reading.at())) {
                continue;
            }
            LocalTime local = reading.at().atZone(zone.get()).toLocalTime();
            for (PassiveRule rule : plan.rules()) {
                if (rule.kind().timed() || !rule.window().contains(local) || !triggers(rule.kind(), reading.kind())) {
                    continue;
                }
                signals.add(new AlarmSignal(
                        derivedId(reading.eventId() + "/" + plan.residentId() + "/" + rule.kind()),
                        rule.kind().raises(),
                        reading.deviceId(),
                        reading.place(),
                        plan.residentId()));
            }
        }
        return signals;
    }

    /** Fires timed rules that fell due: not back in bed, no movement. */
    public List<AlarmSignal> tick() {
        Instant now = clock.instant();
        LocalTime local = now.atZone(zone.get()).toLocalTime();
        var signals = new ArrayList<AlarmSignal>();
        for (List<CarePlan> plans : plansByRoom.values()) {
            for (CarePlan plan : plans) {
                if (!plan.allowedAt(now)) {
                    continue;
                }
                for (PassiveRule rule : plan.rules()) {
                    if (!rule.kind().timed() || !rule.window().contains(local)) {
                        continue;
                    }
                    SensorReading since = rule.kind() == PassiveRule.Kind.OUT_OF_BED_TOO_LONG
                            ? outOfBed.get(plan.residentId())
                            : lastMovement.get(plan.roomId());
                    if (since == null || now.isBefore(since.at().plus(rule.threshold()))) {
                        continue;
                    }
                    String episode = plan.residentId() + "/" + rule.kind() + "/" + since.eventId();
                    if (timerFired.putIfAbsent(episode, now) != null) {
                        continue; // once per episode: the next one needs a new exit or new movement
                    }
                    signals.add(new AlarmSignal(
                            derivedId(episode),
                            rule.kind().raises(),
                            since.deviceId(),
                            since.place(),
                            plan.residentId()));
                }
            }
        }
        timerFired.values().removeIf(firedAt -> firedAt.isBefore(now.minus(java.time.Duration.ofDays(2))));
        return signals;
    }

    private static boolean triggers(PassiveRule.Kind rule, SensorKind sensor) {
        return switch (rule) {
            case BED_EXIT -> sensor == SensorKind.BED_EXIT;
            case DOOR_OPENED -> sensor == SensorKind.DOOR_OPEN;
            case FALL -> sensor == SensorKind.FALL;
            case INCONTINENCE -> sensor == SensorKind.WET;
            case EPILEPSY -> sensor == SensorKind.SEIZURE;
            case OUT_OF_BED_TOO_LONG, INACTIVITY -> false;
        };
    }

    private static UUID derivedId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
