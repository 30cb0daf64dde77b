package no.pasientsignal.server.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm lifecycle of one site: raise, deliver, escalate, accept, presence, resolve, cancel at
 * source, return. Deterministic and single-threaded by design: the caller runs every method on
 * the site's one ordered executor, so there are no locks and a replay of the same inputs with the
 * same clock gives the same changes. Time comes from the injected clock; {@link #tick()} fires
 * whatever timers are due.
 *
 * <p>Every method returns the changes it made, in order, for the caller to journal and fan out.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>One open alarm per room and type: a further trigger is a repeat of it (and turns the sound
 *       back on), never a second tile.
 *   <li>A trigger from a room where staff presence is marked becomes a staff-assist call: the
 *       carer in the room is asking for help.
 *   <li>A bathroom call cancels only at a device in the bathroom, and staff cannot resolve it from a
 *       console: someone has to go in.
 *   <li>Silencing stops the sound and nothing else: the alarm stays on every board and keeps
 *       escalating until someone accepts it.
 *   <li>An accepted alarm not resolved within {@link AlarmSettings#returnAfter()} comes back as a new
 *       call, escalation from the first step.
 *   <li>A sensor chattering over {@link AlarmSettings#chatterLimit()} triggers per window is dropped
 *       for the rest of the window, except emergency- and high-priority types, which always get through.
 * </ul>
 */
public final class AlarmEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmEngine.class);
    private static final String SYSTEM = "system";

    /** What a device event did, and the changes it caused. */
    public record Result(EventOutcome outcome, List<AlarmChange> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private final Clock clock;
    private final AlarmSettings settings;
    private final Dispatcher dispatcher;
    private final Map<UUID, Alarm> open = new LinkedHashMap<>();
    private final Map<String, Set<UUID>> openByRoom = new HashMap<>();
    private final Map<String, String> presentInRoom = new HashMap<>();
    private final Map<String, Deque<Instant>> recentTriggers = new HashMap<>();
    private final Map<UUID, Boolean> seenEvents;
    private long suppressed;
    // The board flags these on every alarm; the log needs only a summary, and writing a line per
    // alarm on the desk thread would slow the call path exactly when a roster is empty.
    private final ThrottledLog unreachable =
            new ThrottledLog(LOG, "alarms with no recipient on some escalation step (roster empty?)");
    private final ThrottledLog chatter = new ThrottledLog(LOG, "triggers dropped as sensor chatter");

    public AlarmEngine(Clock clock, AlarmSettings settings, Dispatcher dispatcher) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        int capacity = settings.rememberedEventIds();
        this.seenEvents = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A device or rule asks for an alarm. */
    public Result raise(AlarmSignal signal) {
        Objects.requireNonNull(signal, "signal");
        if (!firstSight(signal.eventId())) {
            return new Result(EventOutcome.DUPLICATE, List.of());
        }
        Instant now = clock.instant();
        String roomId = signal.place().roomId();
        AlarmType type = signal.type().kind() == AlarmKind.CALL
                        && signal.type() != AlarmType.EMERGENCY
                        && presentInRoom.containsKey(roomId)
                ? AlarmType.STAFF_ASSIST
                : signal.type();
        if (chattering(signal.deviceId(), type, now)) {
            suppressed++;
            chatter.note(now, type + " from " + signal.deviceId());
            return new Result(EventOutcome.SUPPRESSED, List.of());
        }
        Optional<Alarm> same =
                openInRoom(roomId).stream().filter(a -> a.type() == type).findFirst();
        if (same.isPresent()) {
            Alarm repeated = same.get().repeated(now);
            store(repeated);
            return new Result(
                    EventOutcome.REPEATED,
                    List.of(AlarmChange.of(AlarmChange.Kind.REPEATED, repeated, signal.deviceId())));
        }
        var alarm = new Alarm(
                UUID.randomUUID(),
                signal.eventId(),
                type,
                type.defaultPriority(),
                signal.place(),
                signal.deviceId(),
                signal.residentId(),
                AlarmState.RAISED,
                now,
                now,
                false,
                null,
                null,
                0,
                0,
                -1,
                null,
                false,
                Map.of(),
                false);
        store(alarm);
        var changes = new ArrayList<AlarmChange>();
        changes.add(AlarmChange.of(AlarmChange.Kind.RAISED, alarm, signal.deviceId()));
        dispatchFrom(alarm, 0, now, AlarmChange.Kind.NOTIFIED, changes);
        return new Result(EventOutcome.RAISED, changes);
    }

    /** The resident or a carer cancelled at a device in the room. */
    public Result cancelAtSource(UUID eventId, String deviceId, Placement at) {
        if (!firstSight(eventId)) {
            return new Result(EventOutcome.DUPLICATE, List.of());
        }
        Instant now = clock.instant();
        var changes = new ArrayList<AlarmChange>();
        boolean refused = false;
        for (Alarm alarm : openInRoom(at.roomId())) {
            if (alarm.type().kind() != AlarmKind.CALL) {
                continue; // sensors clear their own alerts through their rules, not a cancel button
            }
            if (bathroomOnly(alarm) && !at.inBathroom()) {
                refused = true;
                continue;
            }
            close(alarm.with(AlarmState.CANCELLED, now), AlarmChange.Kind.CANCELLED, deviceId, changes);
        }
        EventOutcome outcome = !changes.isEmpty()
                ? EventOutcome.CANCELLED
                : refused ? EventOutcome.CANCEL_REFUSED_NOT_IN_BATHROOM : EventOutcome.NOTHING_TO_CANCEL;
        return new Result(outcome, changes);
    }

    /**
     * Staff presence marked ({@code present}) or cleared in a room, by a presence button or the
     * handset. Marking moves the room's waiting alarms to PRESENT; clearing resolves them, except a
     * bathroom call, which comes back: nobody cancelled it in the bathroom.
     */
    public Result presence(UUID eventId, String who, Placement at, boolean present) {
        if (!firstSight(eventId)) {
            return new Result(EventOutcome.DUPLICATE, List.of());
        }
        Instant now = clock.instant();
        var changes = new ArrayList<AlarmChange>();
        if (present) {
            presentInRoom.put(at.roomId(), who);
            for (Alarm alarm : openInRoom(at.roomId())) {
                if (alarm.state() != AlarmState.PRESENT) {
                    Alarm updated = alarm.with(AlarmState.PRESENT, now).escalationStopped();
                    store(updated);
                    changes.add(AlarmChange.of(AlarmChange.Kind.PRESENT, updated, who));
                }
            }
            return new Result(EventOutcome.PRESENCE_MARKED, changes);
        }
        presentInRoom.remove(at.roomId());
        for (Alarm alarm : openInRoom(at.roomId())) {
            if (alarm.state() != AlarmState.PRESENT) {
                continue;
            }
            if (bathroomOnly(alarm)) {
                returnAlarm(alarm, now, changes);
            } else {
                close(alarm.with(AlarmState.RESOLVED, now), AlarmChange.Kind.RESOLVED, who, changes);
            }
        }
        return new Result(EventOutcome.PRESENCE_CLEARED, changes);
    }

    /** A console or handset silenced the sound. The alarm stays open, visible and escalating. */
    public List<AlarmChange> silence(UUID alarmId, String staff) {
        Alarm alarm = openAlarm(alarmId);
        if (alarm.silenced()) {
            return List.of();
        }
        Alarm updated = alarm.silenced(clock.instant());
        store(updated);
        return List.of(AlarmChange.of(AlarmChange.Kind.SILENCED, updated, staff));
    }

    /** A carer takes the alarm: escalation stops and the return timer starts. */
    public List<AlarmChange> accept(UUID alarmId, String staff) {
        Alarm alarm = openAlarm(alarmId);
        if (alarm.state() == AlarmState.ACCEPTED && staff.equals(alarm.acceptedBy())) {
            return List.of();
        }
        if (!alarm.state().awaitsResponse()) {
            throw new AlarmRefused(
                    AlarmRefused.Reason.RULE,
                    alarm.state() == AlarmState.ACCEPTED
                            ? "already accepted by " + alarm.acceptedBy()
                            : "staff are already present in the room");
        }
        Instant now = clock.instant();
        Alarm updated =
                withRecipient(alarm, staff, DeliveryStatus.ACCEPTED, now).accepted(staff, now);
        store(updated);
        return List.of(AlarmChange.of(AlarmChange.Kind.ACCEPTED, updated, staff));
    }

    /**
     * A recipient declines (busy with another resident). When everyone it was sent to has
     * declined, the next escalation step goes out at once instead of waiting for its timer.
     */
    public List<AlarmChange> reject(UUID alarmId, String staff) {
        Alarm alarm = openAlarm(alarmId);
        Instant now = clock.instant();
        Alarm updated = withRecipient(alarm, staff, DeliveryStatus.REJECTED, now);
        store(updated);
        var changes = new ArrayList<AlarmChange>();
        changes.add(AlarmChange.of(AlarmChange.Kind.DELIVERY, updated, staff));
        boolean allDeclined = !updated.recipients().isEmpty()
                && updated.recipients().values().stream().allMatch(s -> s == DeliveryStatus.REJECTED);
        if (allDeclined && updated.state().awaitsResponse() && updated.nextEscalationAt() != null) {
            dispatchFrom(updated, updated.escalationStep() + 1, now, AlarmChange.Kind.ESCALATED, changes);
        }
        return changes;
    }

    /** A delivery channel reports that a recipient's device got, or a person saw, the alarm. */
    public List<AlarmChange> delivered(UUID alarmId, String recipient, DeliveryStatus status) {
        if (status != DeliveryStatus.DELIVERED && status != DeliveryStatus.SEEN) {
            throw new IllegalArgumentException("use accept or reject for " + status);
        }
        Alarm alarm = open.get(alarmId);
        if (alarm == null) {
            return List.of(); // a late receipt for a closed alarm changes nothing
        }
        DeliveryStatus previous = alarm.recipients().get(recipient);
        if (previous != null && previous.ordinal() >= status.ordinal()) {
            return List.of();
        }
        Alarm updated = withRecipient(alarm, recipient, status, clock.instant());
        store(updated);
        return List.of(AlarmChange.of(AlarmChange.Kind.DELIVERY, updated, recipient));
    }

    /** Staff close the alarm from a console or handset. */
    public List<AlarmChange> resolve(UUID alarmId, String staff) {
        return resolve(alarmId, staff, false);
    }

    /**
     * Staff close the alarm; {@code notActionable} records that it needed no action (a false or
     * unnecessary alert), which feeds the alarm-fatigue figures.
     */
    public List<AlarmChange> resolve(UUID alarmId, String staff, boolean notActionable) {
        Alarm alarm = openAlarm(alarmId);
        if (bathroomOnly(alarm)) {
            throw new AlarmRefused(
                    AlarmRefused.Reason.RULE, "a bathroom call can only be cancelled at the device in the bathroom");
        }
        var changes = new ArrayList<AlarmChange>();
        close(alarm.resolved(clock.instant(), notActionable), AlarmChange.Kind.RESOLVED, staff, changes);
        return changes;
    }

    /** Fires due timers: escalation steps and returns of accepted alarms. */
    public List<AlarmChange> tick() {
        Instant now = clock.instant();
        var changes = new ArrayList<AlarmChange>();
        for (Alarm alarm : List.copyOf(open.values())) {
            if (alarm.state().awaitsResponse()
                    && alarm.nextEscalationAt() != null
                    && !now.isBefore(alarm.nextEscalationAt())) {
                // Scheduled from when the step was due, not from this tick: a late tick (or a restart)
                // must not push every later step back.
                dispatchFrom(
                        alarm,
                        alarm.escalationStep() + 1,
                        now,
                        alarm.nextEscalationAt(),
                        AlarmChange.Kind.ESCALATED,
                        changes);
            } else if (alarm.state() == AlarmState.ACCEPTED
                    && !now.isBefore(alarm.acceptedAt().plus(settings.returnAfter()))) {
                returnAlarm(alarm, now, changes);
            }
        }
        return changes;
    }

    /** When {@link #tick()} next has something to do, if anything. */
    public Optional<Instant> nextDeadline() {
        Instant next = null;
        for (Alarm alarm : open.values()) {
            Instant due = null;
            if (alarm.state().awaitsResponse()) {
                due = alarm.nextEscalationAt();
            } else if (alarm.state() == AlarmState.ACCEPTED) {
                due = alarm.acceptedAt().plus(settings.returnAfter());
            }
            if (due != null && (next == null || due.isBefore(next))) {
                next = due;
            }
        }
        return Optional.ofNullable(next);
    }

    /** Open alarms, most urgent first, then oldest first. */
    public List<Alarm> openAlarms() {
        var alarms = new ArrayList<>(open.values());
        alarms.sort(Comparator.comparing(Alarm::priority).thenComparing(Alarm::raisedAt));
        return alarms;
    }

    public Optional<Alarm> alarm(UUID alarmId) {
        return Optional.ofNullable(open.get(alarmId));
    }

    /** Who is marked present in a room, if anyone. */
    public Optional<String> presence(String roomId) {
        return Optional.ofNullable(presentInRoom.get(roomId));
    }

    /** Everyone marked present, by room. */
    public Map<String, String> presenceByRoom() {
        return Map.copyOf(presentInRoom);
    }

    /** The most recent event ids seen, oldest first, at most {@code max}: kept across a restart. */
    public List<UUID> recentEventIds(int max) {
        var ids = new ArrayList<>(seenEvents.keySet());
        return List.copyOf(ids.subList(Math.max(0, ids.size() - max), ids.size()));
    }

    /** Marks event ids as seen (after a restart), so a device re-sending one is not handled twice. */
    public void remember(Collection<UUID> eventIds) {
        eventIds.forEach(this::firstSight);
    }

    /** Triggers dropped as chatter since start. */
    public long suppressedCount() {
        return suppressed;
    }

    /**
     * Takes back open alarms and room presence recorded before a restart. Their timers continue
     * from what was recorded: an escalation that fell due while the server was down fires on the
     * next {@link #tick()}.
     */
    public List<AlarmChange> restore(Collection<Alarm> alarms, Map<String, String> presence) {
        var changes = new ArrayList<AlarmChange>();
        presentInRoom.putAll(presence);
        for (Alarm alarm : alarms) {
            if (!alarm.isOpen() || open.containsKey(alarm.id())) {
                continue;
            }
            store(alarm);
            if (alarm.originEventId() != null) {
                firstSight(alarm.originEventId());
            }
            changes.add(AlarmChange.of(AlarmChange.Kind.RESTORED, alarm, SYSTEM));
        }
        return changes;
    }

    private void dispatchFrom(Alarm alarm, int firstStep, Instant now, AlarmChange.Kind kind, List<AlarmChange> out) {
        dispatchFrom(alarm, firstStep, now, now, kind, out);
    }

    /** @param due when this step was due; the following step's time counts from it */
    private void dispatchFrom(
            Alarm alarm, int firstStep, Instant now, Instant due, AlarmChange.Kind kind, List<AlarmChange> out) {
        Map<String, DeliveryStatus> recipients = new LinkedHashMap<>(alarm.recipients());
        List<String> added = new ArrayList<>();
        boolean nobody = false;
        int step = firstStep;
        Instant next;
        while (true) {
            Dispatcher.Step plan = dispatcher.step(alarm, step, now);
            for (String recipient : plan.recipients()) {
                if (!recipients.containsKey(recipient)) {
                    recipients.put(recipient, DeliveryStatus.SENT);
                    added.add(recipient);
                }
            }
            next = plan.nextAt() == null ? null : plan.nextAt().minus(java.time.Duration.between(due, now));
            if (!plan.recipients().isEmpty() || plan.isLast()) {
                nobody |= plan.recipients().isEmpty();
                break;
            }
            // Nobody on the roster for this step: do not make the resident wait for its timer.
            nobody = true;
            step++;
        }
        if (nobody) {
            unreachable.note(now, alarm.type() + " in room " + alarm.place().roomId() + " (step " + step + ")");
        }
        Alarm updated = alarm.dispatched(step, next, recipients, nobody, now);
        store(updated);
        out.add(new AlarmChange(kind, updated, SYSTEM, added));
    }

    private void returnAlarm(Alarm alarm, Instant now, List<AlarmChange> out) {
        Alarm back = alarm.returned(now);
        store(back);
        dispatchFrom(back, 0, now, AlarmChange.Kind.RETURNED, out);
    }

    private void close(Alarm closed, AlarmChange.Kind kind, String actor, List<AlarmChange> out) {
        open.remove(closed.id());
        Set<UUID> inRoom = openByRoom.get(closed.place().roomId());
        if (inRoom != null) {
            inRoom.remove(closed.id());
            if (inRoom.isEmpty()) {
                openByRoom.remove(closed.place().roomId());
            }
        }
        out.add(AlarmChange.of(kind, closed, actor));
    }

    private void store(Alarm alarm) {
        open.put(alarm.id(), alarm);
        openByRoom
                .computeIfAbsent(alarm.place().roomId(), r -> new LinkedHashSet<>())
                .add(alarm.id());
    }

    private List<Alarm> openInRoom(String roomId) {
        Set<UUID> ids = openByRoom.get(roomId);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(open::get).toList();
    }

    private Alarm openAlarm(UUID alarmId) {
        Alarm alarm = open.get(alarmId);
        if (alarm == null) {
            throw new AlarmRefused(AlarmRefused.Reason.NOT_FOUND, "no open alarm " + alarmId);
        }
        return alarm;
    }

    private static Alarm withRecipient(Alarm alarm, String recipient, DeliveryStatus status, Instant now) {
        var recipients = new LinkedHashMap<>(alarm.recipients());
        recipients.put(recipient, status);
        return alarm.delivery(recipients, now);
    }

    private static boolean bathroomOnly(Alarm alarm) {
        return alarm.type() == AlarmType.BATHROOM_CALL
                || (alarm.type().kind() == AlarmKind.CALL && alarm.place().inBathroom());
    }

    private boolean firstSight(UUID eventId) {
        return seenEvents.putIfAbsent(eventId, Boolean.TRUE) == null;
    }

    private boolean chattering(String deviceId, AlarmType type, Instant now) {
        Deque<Instant> recent = recentTriggers.computeIfAbsent(deviceId + '|' + type, k -> new ArrayDeque<>());
        Instant windowStart = now.minus(settings.chatterWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
            recent.pollFirst();
        }
        recent.addLast(now);
        return recent.size() > settings.chatterLimit()
                && !type.defaultPriority().neverSuppressed();
    }
}
