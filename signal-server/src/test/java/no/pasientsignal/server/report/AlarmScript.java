package no.pasientsignal.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.alarm.AlarmChange;
import no.pasientsignal.server.alarm.AlarmEngine;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmSettings;
import no.pasientsignal.server.alarm.AlarmSignal;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.AlarmUpdate;
import no.pasientsignal.server.alarm.Placement;
import no.pasientsignal.server.audit.JournalRecord;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.routing.Ward;

/**
 * Drives a real alarm engine on the test ward ({@link Ward}: Kari primary in zone A by day, Ola
 * with her, Lise leads) and writes what it does as the alarm desk would journal it: a device event,
 * then one record per alarm change, and presence records. Tests of the projector and the index
 * read exactly what the server writes.
 */
public final class AlarmScript {

    public static final String SITE = "site-1";

    /** Where the records go: an in-memory list, or a real journal. */
    @FunctionalInterface
    public interface Sink {
        void write(String type, byte[] payload);
    }

    public final MutableClock clock;
    private final AlarmEngine engine;
    private final Sink sink;

    public AlarmScript(MutableClock clock, Sink sink) {
        this.clock = clock;
        var routing = new RoutingTables(Ward.OSLO);
        routing.put(SITE, new SiteRouting(Ward.roster(), EscalationPolicy.defaults()));
        this.engine = new AlarmEngine(clock, AlarmSettings.defaults(), routing.dispatcher(SITE));
        this.sink = sink;
    }

    /** A Monday morning on the day shift. */
    public static MutableClock dayShift() {
        return new MutableClock(
                LocalDateTime.of(2026, 11, 23, 10, 0).atZone(Ward.OSLO).toInstant());
    }

    /** A script writing to {@link InMemory#records()}, numbered from 1. */
    public static InMemory inMemory() {
        return new InMemory(dayShift());
    }

    public static final class InMemory {
        private final List<JournalRecord> records = new ArrayList<>();
        public final AlarmScript script;

        private InMemory(MutableClock clock) {
            script = new AlarmScript(
                    clock,
                    (type, payload) -> records.add(new JournalRecord(
                            records.size() + 1,
                            clock.instant().truncatedTo(ChronoUnit.MICROS),
                            type,
                            payload,
                            new byte[32])));
        }

        public List<JournalRecord> records() {
            return List.copyOf(records);
        }
    }

    /** A device in the room raises an alarm of {@code type}; returns its id. */
    public UUID raise(AlarmType type, Placement place, String residentId) {
        String device = "dev-" + place.roomId() + "-" + place.locationKind();
        var eventId = UUID.randomUUID();
        var result = engine.raise(new AlarmSignal(eventId, type, device, place, residentId));
        write(
                AlarmRecords.DEVICE_EVENT,
                new AlarmRecords.DeviceEventRecord(
                        SITE, eventId, device, place.roomId(), type.name(), result.outcome()));
        journal(result.changes(), eventId);
        return result.changes().isEmpty()
                ? null
                : result.changes().getFirst().alarm().id();
    }

    public void accept(UUID alarm, String staff) {
        journal(engine.accept(alarm, staff), null);
    }

    public void reject(UUID alarm, String staff) {
        journal(engine.reject(alarm, staff), null);
    }

    public void resolve(UUID alarm, String staff, boolean notActionable) {
        journal(engine.resolve(alarm, staff, notActionable), null);
    }

    public void cancelAt(Placement place) {
        var eventId = UUID.randomUUID();
        String device = "dev-" + place.roomId() + "-" + place.locationKind();
        var result = engine.cancelAtSource(eventId, device, place);
        write(
                AlarmRecords.DEVICE_EVENT,
                new AlarmRecords.DeviceEventRecord(
                        SITE, eventId, device, place.roomId(), "CALL_CANCELLED", result.outcome()));
        journal(result.changes(), eventId);
    }

    public void presence(String staff, Placement place, boolean present) {
        var result = engine.presence(UUID.randomUUID(), staff, place, present);
        write(AlarmRecords.PRESENCE, new AlarmRecords.PresenceRecord(SITE, place.roomId(), staff, present));
        journal(result.changes(), null);
    }

    /** Moves the clock and fires the timers that fell due (escalations, returns). */
    public void after(Duration wait) {
        clock.advance(wait);
        journal(engine.tick(), null);
    }

    public Instant now() {
        return clock.instant();
    }

    private void journal(List<AlarmChange> changes, UUID cause) {
        for (AlarmChange c : changes) {
            write(AlarmRecords.ALARM, AlarmRecords.AlarmRecord.of(new AlarmUpdate(SITE, c, cause)));
        }
    }

    private void write(String type, Object record) {
        sink.write(type, AlarmRecords.encode(record));
    }
}
