package no.pasientsignal.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.server.alarm.AlarmEngine;
import no.pasientsignal.server.alarm.AlarmSettings;
import no.pasientsignal.server.alarm.AlarmSignal;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Placement;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.RosterDispatcher;
import no.pasientsignal.server.routing.ShiftPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the alarm desk does for a patient call and its cancel at the device: {@link
 * AlarmEngine#raise} (dedup, chatter check, routing of the first escalation step over the roster)
 * and {@link AlarmEngine#cancelAtSource}. One engine, single-threaded, as each site's desk runs it.
 *
 * <p>The ward: 200 rooms in 8 zones of 25, two carers per zone by day (one primary), four at night
 * over merged pairs of zones, a shift lead per shift, a response centre. Rooms take turns and the
 * clock moves one second per call, so no device reaches the chatter limit (which would make the
 * engine skip the work being measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlarmEngineBenchmark {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final String WARD = "ward-1";
    static final int ROOMS = 200;
    static final int ZONES = 8;

    /** Time of day of the run: routing differs by shift (night merges zones). */
    @Param({"day", "night"})
    String shift;

    private SiteYear.MovingClock clock;
    private AlarmEngine engine;
    private Placement[] rooms;
    private String[] devices;
    private long sequence;

    @Setup
    public void setUp() {
        LocalDateTime start =
                shift.equals("night") ? LocalDateTime.of(2026, 11, 23, 23, 0) : LocalDateTime.of(2026, 11, 23, 10, 0);
        clock = new SiteYear.MovingClock(start.atZone(OSLO).toInstant());
        engine = new AlarmEngine(
                clock, AlarmSettings.defaults(), new RosterDispatcher(EscalationPolicy.defaults(), roster()));
        rooms = new Placement[ROOMS];
        devices = new String[ROOMS];
        for (int r = 0; r < ROOMS; r++) {
            String room = Integer.toString(101 + r);
            rooms[r] = new Placement(room, "Rom " + room, zone(r / (ROOMS / ZONES)), WARD, "BED");
            devices[r] = "call-" + room;
        }
    }

    static String zone(int z) {
        return "zone-" + (char) ('a' + z);
    }

    static Roster roster() {
        var assignments = new ArrayList<Assignment>();
        for (int z = 0; z < ZONES; z++) {
            assignments.add(new Assignment("day", "day-primary-" + z, WARD, Set.of(zone(z)), true, false));
            assignments.add(new Assignment("day", "day-carer-" + z, WARD, Set.of(zone(z)), false, false));
            assignments.add(new Assignment("evening", "evening-primary-" + z, WARD, Set.of(zone(z)), true, false));
        }
        assignments.add(new Assignment("day", "day-lead", WARD, Set.of(), false, true));
        assignments.add(new Assignment("evening", "evening-lead", WARD, Set.of(), false, true));
        var nightMerges = new ArrayList<Set<String>>();
        for (int z = 0; z < ZONES; z += 2) {
            Set<String> pair = Set.of(zone(z), zone(z + 1));
            nightMerges.add(pair);
            assignments.add(new Assignment("night", "night-carer-" + z, WARD, pair, true, false));
        }
        assignments.add(new Assignment("night", "night-lead", WARD, Set.of(), false, true));
        return new Roster(
                ShiftPlan.dayEveningNight(OSLO),
                List.copyOf(assignments),
                Map.of("night", List.copyOf(nightMerges)),
                Set.of(),
                "responssenter");
    }

    /** A patient presses the call button; then cancels at the device. */
    @Benchmark
    public void raiseAndCancel(Blackhole blackhole) {
        long n = sequence++;
        int r = (int) (n % ROOMS);
        clock.set(clock.instant().plusSeconds(1)); // one second per call
        blackhole.consume(
                engine.raise(new AlarmSignal(new UUID(n, 1), AlarmType.PATIENT_CALL, devices[r], rooms[r], null)));
        blackhole.consume(engine.cancelAtSource(new UUID(n, 2), devices[r], rooms[r]));
    }
}
