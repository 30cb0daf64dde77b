package no.pasientsignal.server.alarm;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import no.pasientsignal.server.audit.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm desks: one {@link AlarmEngine} and one set of {@link PassiveRules} per site, each run
 * on the site's own single thread, so a site's alarms change in one order with no locks, and a
 * busy site never holds up another.
 *
 * <p>Acknowledge first, then fan out, but never acknowledge what could be lost: for each input the
 * desk decides (microseconds), hands the changes to the fan-out thread at once (so staff get the
 * call without waiting for the disk) and appends them to the journal. The returned future
 * completes when the journal has them on disk; only then does the device get its 2.04.
 *
 * <p>Readers on other threads (the API) see a concurrent view of the open alarms that each desk
 * updates after every change.
 */
public final class AlarmService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmService.class);

    /** Event ids kept in a checkpoint, so re-sends just after a restart are still recognised. */
    static final int CHECKPOINT_EVENT_IDS = 20_000;

    private final Clock clock;
    private final AlarmSettings settings;
    private final Function<String, Dispatcher> dispatchers;
    private final Function<String, ZoneId> zones;
    private final CarePlanBook plans;
    private final Journal journal;
    private final ExecutorService fanout;
    private final Map<String, Desk> desks = new ConcurrentHashMap<>();
    private final Map<UUID, Alarm> openView = new ConcurrentHashMap<>();
    private final Map<UUID, String> siteOfAlarm = new ConcurrentHashMap<>();
    private final Map<String, String> presenceView = new ConcurrentHashMap<>();
    private final List<AlarmListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param dispatchers the routing of each site (asked once per site, when its desk opens)
     * @param zones each site's time zone, for the time windows of care plans
     */
    public AlarmService(
            Clock clock,
            AlarmSettings settings,
            Function<String, Dispatcher> dispatchers,
            Function<String, ZoneId> zones,
            CarePlanBook plans,
            Journal journal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatchers = Objects.requireNonNull(dispatchers, "dispatchers");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.fanout = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("alarm-fanout").daemon(true).factory());
        plans.onChange(this::planChanged);
    }

    /**
     * Handles an input from a room of {@code siteId}. The future completes with what was done once
     * it is durable, or exceptionally if the journal could not write it (the alarm is routed all
     * the same).
     */
    public CompletableFuture<EventOutcome> handle(String siteId, AlarmInput input) {
        Objects.requireNonNull(input, "input");
        Desk desk = desk(siteId);
        return desk.run(() -> desk.handle(input)).thenCompose(Function.identity());
    }

    /** A recipient takes the alarm. */
    public CompletableFuture<Alarm> accept(UUID alarmId, String staff) {
        return act(alarmId, staff, e -> e.accept(alarmId, staff));
    }

    /** A recipient declines it (busy); when all have declined, escalation moves on at once. */
    public CompletableFuture<Alarm> reject(UUID alarmId, String staff) {
        return act(alarmId, staff, e -> e.reject(alarmId, staff));
    }

    /** Sound off; the alarm stays open and visible. */
    public CompletableFuture<Alarm> silence(UUID alarmId, String staff) {
        return act(alarmId, staff, e -> e.silence(alarmId, staff));
    }

    /** Staff close it (not a bathroom call: that one only at the device in the bathroom). */
    public CompletableFuture<Alarm> resolve(UUID alarmId, String staff) {
        return resolve(alarmId, staff, false);
    }

    /** Staff close it, saying whether it needed any action (alarm-fatigue figures). */
    public CompletableFuture<Alarm> resolve(UUID alarmId, String staff, boolean notActionable) {
        return act(alarmId, staff, e -> e.resolve(alarmId, staff, notActionable));
    }

    /** A recipient's channel reports the alarm delivered to, or seen by, them. */
    public CompletableFuture<Alarm> delivered(UUID alarmId, String staff, DeliveryStatus status) {
        return act(alarmId, staff, e -> e.delivered(alarmId, staff, status));
    }

    /** Fires due timers on every desk: escalation, returns, timed care-plan rules. */
    public CompletableFuture<Void> tick() {
        var ticks = desks.values().stream()
                .map(desk -> desk.run(desk::tick).thenCompose(Function.identity()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(ticks);
    }

    /** Open alarms of every site, most urgent first, then oldest first. */
    public List<Alarm> openAlarms() {
        var alarms = new ArrayList<>(openView.values());
        alarms.sort(Comparator.comparing(Alarm::priority).thenComparing(Alarm::raisedAt));
        return alarms;
    }

    public Optional<Alarm> alarm(UUID alarmId) {
        return Optional.ofNullable(openView.get(alarmId));
    }

    /** Who is marked present in a room, if anyone. */
    public Optional<String> presence(String roomId) {
        return Optional.ofNullable(presenceView.get(roomId));
    }

    /** Registers a listener; close the handle to stop. */
    public AutoCloseable subscribe(AlarmListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /**
     * Takes back what a restart found: open alarms, presence and recent event ids per site. Call
     * before the first input. Each restored alarm is journaled as RESTORED and published.
     */
    public CompletableFuture<Void> restore(Map<String, AlarmCheckpoint.SiteState> sites) {
        var done = sites.entrySet().stream()
                .map(e -> {
                    Desk desk = desk(e.getKey());
                    return desk.run(() -> desk.restore(e.getValue())).thenCompose(Function.identity());
                })
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(done);
    }

    /**
     * A consistent picture for a checkpoint: the journal sequence first, then each desk's state,
     * taken on its own thread. Every record up to the sequence is reflected in the state (a desk
     * changes its state before it appends), so replaying the journal after it completes the picture.
     */
    public CompletableFuture<AlarmCheckpoint> checkpoint() {
        long sequence = journal.lastSequence();
        Map<String, AlarmCheckpoint.SiteState> states = new ConcurrentHashMap<>();
        var taken = desks.values().stream()
                .map(desk -> desk.run(() -> states.put(desk.siteId, desk.state())))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(taken).thenApply(v -> new AlarmCheckpoint(sequence, states));
    }

    @Override
    public void close() {
        desks.values().forEach(d -> d.executor.shutdown());
        for (Desk d : desks.values()) {
            try {
                d.executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fanout.shutdown();
    }

    private CompletableFuture<Alarm> act(UUID alarmId, String staff, Function<AlarmEngine, List<AlarmChange>> action) {
        Objects.requireNonNull(staff, "staff");
        String siteId = siteOfAlarm.get(alarmId);
        if (siteId == null) {
            return CompletableFuture.failedFuture(
                    new AlarmRefused(AlarmRefused.Reason.NOT_FOUND, "no open alarm " + alarmId));
        }
        Desk desk = desk(siteId);
        return desk.run(() -> {
                    List<AlarmChange> changes = action.apply(desk.engine);
                    Alarm after = changes.isEmpty()
                            ? desk.engine.alarm(alarmId).orElseThrow()
                            : changes.getLast().alarm();
                    return desk.record(null, changes, null).thenApply(seq -> after);
                })
                .thenCompose(Function.identity());
    }

    private Desk desk(String siteId) {
        Objects.requireNonNull(siteId, "siteId");
        return desks.computeIfAbsent(siteId, Desk::new);
    }

    private void planChanged(CarePlan plan) {
        desks.values()
                .forEach(desk -> desk.run(() -> {
                    desk.applyPlan(plan);
                    return null;
                }));
    }

    private void publish(List<AlarmUpdate> updates) {
        if (updates.isEmpty() || listeners.isEmpty()) {
            return;
        }
        fanout.execute(() -> {
            for (AlarmUpdate update : updates) {
                for (AlarmListener listener : listeners) {
                    try {
                        listener.onUpdate(update);
                    } catch (RuntimeException e) {
                        // One broken subscriber must not stop delivery to the others.
                        LOG.warn(
                                "Alarm listener {} failed on {}",
                                listener,
                                update.change().kind(),
                                e);
                    }
                }
            }
        });
    }

    /** One site's engine and rules, and the single thread everything about them runs on. */
    private final class Desk {
        final String siteId;
        final ExecutorService executor;
        final AlarmEngine engine;
        final PassiveRules rules;

        Desk(String siteId) {
            this.siteId = siteId;
            this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                    .name("alarm-desk-" + siteId)
                    .daemon(true)
                    .factory());
            this.engine = new AlarmEngine(clock, settings, dispatchers.apply(siteId));
            this.rules = new PassiveRules(clock, () -> zones.apply(siteId));
            // Read on this thread's first task would race with planChanged; the executor orders them.
            executor.execute(() -> plans.all().forEach(this::applyPlan));
        }

        <T> CompletableFuture<T> run(java.util.function.Supplier<T> task) {
            return CompletableFuture.supplyAsync(task, executor);
        }

        CompletableFuture<EventOutcome> handle(AlarmInput input) {
            EventOutcome outcome;
            List<AlarmChange> changes;
            AlarmRecords.PresenceRecord presenceRecord = null;
            switch (input) {
                case AlarmInput.Call call -> {
                    var result = engine.raise(new AlarmSignal(
                            call.eventId(), call.type(), call.deviceId(), call.place(), call.residentId()));
                    outcome = result.outcome();
                    changes = result.changes();
                }
                case AlarmInput.Cancel cancel -> {
                    var result = engine.cancelAtSource(cancel.eventId(), cancel.deviceId(), cancel.place());
                    outcome = result.outcome();
                    changes = result.changes();
                }
                case AlarmInput.Presence presence -> {
                    var result =
                            engine.presence(presence.eventId(), presence.by(), presence.place(), presence.present());
                    outcome = result.outcome();
                    changes = result.changes();
                    if (outcome != EventOutcome.DUPLICATE) {
                        presenceRecord = new AlarmRecords.PresenceRecord(
                                siteId, presence.place().roomId(), presence.by(), presence.present());
                        if (presence.present()) {
                            presenceView.put(presence.place().roomId(), presence.by());
                        } else {
                            presenceView.remove(presence.place().roomId());
                        }
                    }
                }
                case AlarmInput.Reading reading -> {
                    var all = new ArrayList<AlarmChange>();
                    outcome = EventOutcome.RECORDED;
                    for (AlarmSignal signal : rules.onReading(reading.reading())) {
                        var result = engine.raise(signal);
                        all.addAll(result.changes());
                        if (outcome == EventOutcome.RECORDED || result.outcome() == EventOutcome.RAISED) {
                            outcome = result.outcome();
                        }
                    }
                    changes = all;
                }
            }
            // A duplicate is recorded too (a re-send is worth seeing in the audit trail), and is
            // answered only once that record is durable, so a re-send of an event whose first
            // write failed is not acknowledged on the strength of the failed write.
            var event = new AlarmRecords.DeviceEventRecord(
                    siteId,
                    input.eventId(),
                    input.deviceId(),
                    input.place().roomId(),
                    input.getClass().getSimpleName(),
                    outcome);
            EventOutcome done = outcome;
            return record(event, changes, input.eventId(), presenceRecord).thenApply(seq -> done);
        }

        CompletableFuture<Void> tick() {
            var changes = new ArrayList<AlarmChange>();
            for (AlarmSignal signal : rules.tick()) {
                changes.addAll(engine.raise(signal).changes());
            }
            changes.addAll(engine.tick());
            if (changes.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return record(null, changes, null).thenApply(seq -> null);
        }

        CompletableFuture<Void> restore(AlarmCheckpoint.SiteState state) {
            engine.remember(state.recentEventIds());
            state.presence().forEach(presenceView::put);
            List<AlarmChange> changes = engine.restore(state.openAlarms(), state.presence());
            LOG.info("Site {}: {} open alarm(s) restored", siteId, changes.size());
            return record(null, changes, null).thenApply(seq -> null);
        }

        AlarmCheckpoint.SiteState state() {
            return new AlarmCheckpoint.SiteState(
                    engine.openAlarms(), engine.presenceByRoom(), engine.recentEventIds(CHECKPOINT_EVENT_IDS));
        }

        void applyPlan(CarePlan plan) {
            if (plan.rules().isEmpty()) {
                rules.removePlan(plan.residentId());
            } else {
                rules.plan(plan);
            }
        }

        CompletableFuture<Long> record(Object event, Collection<AlarmChange> changes, UUID cause) {
            return record(event, changes, cause, null);
        }

        /** Updates the view, fans out, then journals: routing never waits for the disk. */
        CompletableFuture<Long> record(Object event, Collection<AlarmChange> changes, UUID cause, Object presence) {
            var updates = new ArrayList<AlarmUpdate>(changes.size());
            for (AlarmChange change : changes) {
                Alarm alarm = change.alarm();
                if (alarm.isOpen()) {
                    openView.put(alarm.id(), alarm);
                    siteOfAlarm.put(alarm.id(), siteId);
                } else {
                    openView.remove(alarm.id());
                    siteOfAlarm.remove(alarm.id());
                }
                updates.add(new AlarmUpdate(siteId, change, cause));
            }
            publish(updates);
            var writes = new ArrayList<CompletableFuture<Long>>(updates.size() + 2);
            if (event != null) {
                writes.add(journal.append(AlarmRecords.DEVICE_EVENT, AlarmRecords.encode(event)));
            }
            if (presence != null) {
                writes.add(journal.append(AlarmRecords.PRESENCE, AlarmRecords.encode(presence)));
            }
            for (AlarmUpdate update : updates) {
                writes.add(
                        journal.append(AlarmRecords.ALARM, AlarmRecords.encode(AlarmRecords.AlarmRecord.of(update))));
            }
            if (writes.isEmpty()) {
                return CompletableFuture.completedFuture(journal.lastSequence());
            }
            CompletableFuture<Long> last = writes.getLast();
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(v -> last);
        }
    }
}
