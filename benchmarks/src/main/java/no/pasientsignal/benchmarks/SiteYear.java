package no.pasientsignal.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import no.pasientsignal.server.alarm.Alarm;
import no.pasientsignal.server.alarm.AlarmChange;
import no.pasientsignal.server.alarm.AlarmEngine;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmRefused;
import no.pasientsignal.server.alarm.AlarmSettings;
import no.pasientsignal.server.alarm.AlarmSignal;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.AlarmUpdate;
import no.pasientsignal.server.alarm.DeliveryStatus;
import no.pasientsignal.server.alarm.EventOutcome;
import no.pasientsignal.server.alarm.Placement;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.RosterDispatcher;

/**
 * A year of one 200-room site, written to a real journal in the shape the alarm desk writes it:
 * the real {@link AlarmEngine} and roster routing decide, on a clock moved from event to event,
 * and every device event, alarm change and presence change becomes a journal record.
 *
 * <p>Per room and day, in the site's time zone: about five patient calls (mostly by day), a
 * bathroom call, bed exits at night for half the rooms, a door opened at night now and then, a
 * fall every few months (more at night), and sensor readings that raise nothing. Staff see the
 * call on their handset within seconds, accept it after half a minute to a few minutes (some
 * calls escalate first), go in, and clear their presence when done; some calls are cancelled at
 * the device, some are resolved without anyone going in, and some passive alerts are resolved as
 * needing no action. Seeded: the same seed gives the same year.
 */
public final class SiteYear {

    static final String SITE = "site-bench";
    static final String WARD_PREFIX = "ward-";
    static final ZoneId OSLO = AlarmEngineBenchmark.OSLO;

    /** What was written. */
    public record Written(long records, long alarms, long falls, Duration took) {}

    private final SplittableRandom random;
    private final MovingClock clock;
    private final AlarmEngine engine;
    private final Journal journal;
    private final Placement[] beds;
    private final Placement[] bathrooms;
    private final String[] residents;
    private final PriorityQueue<Step> agenda = new PriorityQueue<>();
    private final List<CompletableFuture<Long>> inFlight = new ArrayList<>();
    private long order;
    private long records;
    private long alarms;
    private long falls;

    private record Step(Instant at, long order, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** The journal must run on {@code clock}, so records carry the simulated time. */
    SiteYear(long seed, MovingClock clock, Journal journal) {
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.journal = journal;
        this.engine = new AlarmEngine(
                clock,
                AlarmSettings.defaults(),
                new RosterDispatcher(EscalationPolicy.defaults(), AlarmEngineBenchmark.roster()));
        int rooms = AlarmEngineBenchmark.ROOMS;
        beds = new Placement[rooms];
        bathrooms = new Placement[rooms];
        residents = new String[rooms];
        for (int r = 0; r < rooms; r++) {
            String room = Integer.toString(101 + r);
            String zone = AlarmEngineBenchmark.zone(r / (rooms / AlarmEngineBenchmark.ZONES));
            // The roster covers one ward; wards here are reporting units of 50 rooms within it.
            String ward = AlarmEngineBenchmark.WARD;
            beds[r] = new Placement(room, "Rom " + room, zone, ward, "BED");
            bathrooms[r] = new Placement(room, "Rom " + room, zone, ward, "BATHROOM");
            residents[r] = new UUID(seed, r).toString();
        }
    }

    /** A clock the generator moves; the engine and the journal read it. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void set(Instant at) {
            if (at.isAfter(now)) {
                now = at;
            }
        }

        @Override
        public ZoneId getZone() {
            return OSLO;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Writes {@code days} days from the clock's start; returns when every record is durable. */
    Written run(int days) {
        long began = System.nanoTime();
        Instant start = clock.instant();
        Instant end = start.plus(Duration.ofDays(days));
        for (int r = 0; r < beds.length; r++) {
            scheduleRoom(r, start, end);
        }
        while (!agenda.isEmpty()) {
            Step step = agenda.poll();
            fireTimersUntil(step.at());
            clock.set(step.at());
            step.action().run();
            if (inFlight.size() >= 8192) {
                drain();
            }
        }
        drain();
        return new Written(records, alarms, falls, Duration.ofNanos(System.nanoTime() - began));
    }

    private void scheduleRoom(int room, Instant start, Instant end) {
        poisson(room, start, end, AlarmType.PATIENT_CALL, 5.0, false);
        poisson(room, start, end, AlarmType.BATHROOM_CALL, 0.8, false);
        if (room % 2 == 0) {
            poisson(room, start, end, AlarmType.BED_EXIT, 0.7, true);
        }
        poisson(room, start, end, AlarmType.DOOR_OPENED_AT_NIGHT, 0.15, true);
        poisson(room, start, end, AlarmType.FALL, 0.012, false);
        // Sensor readings that raise nothing (motion in the room by day).
        double perDay = 12;
        for (Instant t = next(start, perDay); t.isBefore(end); t = next(t, perDay)) {
            Instant at = t;
            later(at, () -> reading(room));
        }
    }

    private void poisson(int room, Instant start, Instant end, AlarmType type, double perDay, boolean nightOnly) {
        for (Instant t = next(start, perDay * (nightOnly ? 3 : 1)); t.isBefore(end); t = next(t, perDay)) {
            int hour = ZonedDateTime.ofInstant(t, OSLO).getHour();
            boolean night = hour >= 22 || hour < 7;
            if (nightOnly && !night) {
                continue;
            }
            // Calls come mostly by day; falls more often at night.
            if (type == AlarmType.PATIENT_CALL && night && random.nextDouble() < 0.6) {
                continue;
            }
            if (type == AlarmType.FALL && !night && random.nextDouble() < 0.4) {
                continue;
            }
            Instant at = t;
            later(at, () -> raise(room, type));
        }
    }

    private Instant next(Instant from, double perDay) {
        double meanSeconds = 86_400 / perDay;
        long seconds = (long) (-Math.log(1 - random.nextDouble()) * meanSeconds) + 1;
        return from.plusSeconds(seconds);
    }

    private void later(Instant at, Runnable action) {
        agenda.add(new Step(at, order++, action));
    }

    private void reading(int room) {
        UUID event = UUID.randomUUID();
        deviceEvent(event, "motion-" + beds[room].roomId(), beds[room].roomId(), "Reading", EventOutcome.RECORDED);
    }

    private void raise(int room, AlarmType type) {
        Placement place = type == AlarmType.BATHROOM_CALL ? bathrooms[room] : beds[room];
        String device = type.name().toLowerCase() + "-" + place.roomId();
        UUID event = UUID.randomUUID();
        var result = engine.raise(new AlarmSignal(event, type, device, place, residents[room]));
        deviceEvent(event, device, place.roomId(), "Call", result.outcome());
        record(result.changes(), event);
        if (result.outcome() != EventOutcome.RAISED) {
            return;
        }
        alarms++;
        if (type == AlarmType.FALL) {
            falls++;
        }
        Alarm alarm = result.changes().getFirst().alarm();
        UUID id = alarm.id();
        Instant now = clock.instant();
        later(now.plusMillis(300 + random.nextInt(2500)), () -> deliver(id, DeliveryStatus.DELIVERED));
        if (type == AlarmType.PATIENT_CALL && random.nextDouble() < 0.08) {
            // The resident changed their mind and cancelled at the button.
            later(now.plusSeconds(5 + random.nextInt(40)), () -> cancel(id, device, place));
            return;
        }
        double urgency = type.defaultPriority().ordinal() <= 1 ? 0.3 : 1.0;
        long toAccept = (long) ((15 + random.nextInt(120)) * urgency) + (random.nextDouble() < 0.1 ? 90 : 0);
        later(now.plusSeconds(toAccept), () -> accept(id));
        long toPresent = toAccept + 20 + random.nextInt(150);
        boolean notActionable = type.kind() == no.pasientsignal.server.alarm.AlarmKind.PASSIVE
                && type != AlarmType.FALL
                && random.nextDouble() < 0.15;
        if (notActionable || (type == AlarmType.PATIENT_CALL && random.nextDouble() < 0.05)) {
            // Looked into from the corridor or the handset: resolved without going in.
            later(now.plusSeconds(toPresent), () -> resolve(id, notActionable));
            return;
        }
        later(now.plusSeconds(toPresent), () -> presence(room, id, true));
        long stay = 60 + random.nextInt(type == AlarmType.FALL ? 1500 : 480);
        later(now.plusSeconds(toPresent + stay), () -> presence(room, id, false));
    }

    private void deliver(UUID id, DeliveryStatus status) {
        engine.alarm(id).ifPresent(a -> {
            for (String who : a.recipients().keySet()) {
                record(engine.delivered(id, who, status), null);
            }
            if (status == DeliveryStatus.DELIVERED) {
                later(clock.instant().plusSeconds(3 + random.nextInt(15)), () -> deliver(id, DeliveryStatus.SEEN));
            }
        });
    }

    private void accept(UUID id) {
        engine.alarm(id).filter(a -> a.state().awaitsResponse()).ifPresent(a -> {
            String who = a.recipients().keySet().stream().sorted().findFirst().orElse("night-lead");
            tryRecord(() -> engine.accept(id, who));
        });
    }

    private void resolve(UUID id, boolean notActionable) {
        engine.alarm(id).ifPresent(a -> {
            String who = a.acceptedBy() != null ? a.acceptedBy() : "night-lead";
            tryRecord(() -> engine.resolve(id, who, notActionable));
        });
    }

    private void cancel(UUID id, String device, Placement place) {
        if (engine.alarm(id).isEmpty()) {
            return;
        }
        UUID event = UUID.randomUUID();
        var result = engine.cancelAtSource(event, device, place);
        deviceEvent(event, device, place.roomId(), "Cancel", result.outcome());
        record(result.changes(), event);
    }

    private void presence(int room, UUID alarmId, boolean present) {
        Placement place = beds[room];
        String who = engine.alarm(alarmId).map(Alarm::acceptedBy).orElse(null);
        if (who == null) {
            who = present ? "night-lead" : engine.presence(place.roomId()).orElse("night-lead");
        }
        if (!present && engine.presence(place.roomId()).isEmpty()) {
            return;
        }
        UUID event = UUID.randomUUID();
        var result = engine.presence(event, who, place, present);
        deviceEvent(event, "presence-" + place.roomId(), place.roomId(), "Presence", result.outcome());
        append(AlarmRecords.PRESENCE, new AlarmRecords.PresenceRecord(SITE, place.roomId(), who, present));
        record(result.changes(), event);
    }

    private void tryRecord(java.util.function.Supplier<List<AlarmChange>> action) {
        try {
            record(action.get(), null);
        } catch (AlarmRefused e) {
            // Already taken or closed meanwhile, as on a real ward.
        }
    }

    private void fireTimersUntil(Instant until) {
        for (var due = engine.nextDeadline();
                due.isPresent() && !due.get().isAfter(until);
                due = engine.nextDeadline()) {
            clock.set(due.get());
            List<AlarmChange> changes = engine.tick();
            if (changes.isEmpty()) {
                return;
            }
            record(changes, null);
        }
    }

    private void deviceEvent(UUID event, String device, String room, String input, EventOutcome outcome) {
        append(
                AlarmRecords.DEVICE_EVENT,
                new AlarmRecords.DeviceEventRecord(SITE, event, device, room, input, outcome));
    }

    private void record(Collection<AlarmChange> changes, UUID cause) {
        for (AlarmChange change : changes) {
            append(AlarmRecords.ALARM, AlarmRecords.AlarmRecord.of(new AlarmUpdate(SITE, change, cause)));
        }
    }

    private void append(String type, Object record) {
        inFlight.add(journal.append(type, AlarmRecords.encode(record)));
        records++;
    }

    private void drain() {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        inFlight.clear();
    }
}
