package no.pasientsignal.server.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the health of every device the site knows and raises technical alerts.
 *
 * <ul>
 *   <li>{@link #heartbeat} records a heartbeat (server time from the clock) and at once raises or
 *       clears BATTERY_LOW and TAMPER; {@link #seen} records any other sign of life (an event).
 *       Both clear DEVICE_SILENT.
 *   <li>{@link #check()}, called every few seconds, raises DEVICE_SILENT once per outage for a
 *       device unheard for {@link HealthSettings#silentAfter}. A device never heard counts from
 *       when the tracker started (or, if registered later, from when a check first listed it).
 * </ul>
 *
 * <p>Alerts about the server itself (its journal) come from outside, through {@link
 * #raiseServerAlert} and {@link #clearServerAlert}, and travel with the device alerts, so
 * technicians see them where they see the rest.
 *
 * <p>Each alert is raised once and stays until cleared; listeners get it on raise and on clear, on
 * {@code fanout}, so a slow listener never delays a device's acknowledgement. Thread-safe.
 *
 * <p>Nothing here touches the database: {@link #drainChangedStatuses()} hands what devices reported
 * to a writer that stores it behind their backs, and {@link #restorePersisted} gives back what was
 * stored before a restart, for display only ({@link #lastKnown}).
 */
public final class DeviceHealth {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHealth.class);

    /** What an alert about the server itself names in place of a device. */
    public static final String SERVER = "signal-server";

    private final Clock clock;
    private final HealthSettings settings;
    private final FacilityDirectory facility;
    private final Executor fanout;
    private final Instant startedAt;
    private final Map<String, DeviceStatus> statuses = new HashMap<>();
    /** When a never-heard device started counting towards silence. */
    private final Map<String, Instant> expectedSince = new HashMap<>();

    private final Map<String, Map<TechnicalAlertKind, TechnicalAlert>> active = new HashMap<>();
    /** Kept apart from {@link #active}, which {@link #check()} prunes to the devices the site knows. */
    private final Map<TechnicalAlertKind, TechnicalAlert> serverAlerts = new EnumMap<>(TechnicalAlertKind.class);
    /** Devices heard since the last {@link #drainChangedStatuses()}: what is still to be stored. */
    private final Set<String> changed = new HashSet<>();
    /** What was stored before this start: shown until the device is heard, never counted for silence. */
    private final Map<String, DeviceStatus> persisted = new HashMap<>();

    private final List<TechnicalAlertListener> listeners = new CopyOnWriteArrayList<>();
    private Instant lastCheck;

    public DeviceHealth(Clock clock, HealthSettings settings, FacilityDirectory facility, Executor fanout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.facility = Objects.requireNonNull(facility, "facility");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
        this.startedAt = clock.instant();
    }

    /**
     * Records a heartbeat from a device. Returns false, recording nothing, when the site does not
     * know the device (the CoAP resource refuses those before they get here).
     */
    public boolean heartbeat(String deviceId, Heartbeat heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Optional<Device> device = facility.device(deviceId);
        if (device.isEmpty()) {
            LOG.debug("Heartbeat from unknown device {} ignored", deviceId);
            return false;
        }
        var changes = new ArrayList<TechnicalAlert>();
        synchronized (this) {
            Instant now = clock.instant();
            DeviceStatus previous = statuses.get(deviceId);
            String firmware =
                    heartbeat.firmware() != null ? heartbeat.firmware() : previous != null ? previous.firmware() : null;
            statuses.put(
                    deviceId,
                    new DeviceStatus(
                            deviceId,
                            now,
                            heartbeat.batteryPercent(),
                            heartbeat.rssiDbm(),
                            firmware,
                            heartbeat.tamper()));
            changed.add(deviceId);
            clear(deviceId, TechnicalAlertKind.DEVICE_SILENT, now, changes);
            evaluateBattery(device.get(), heartbeat.batteryPercent(), now, changes);
            if (heartbeat.tamper()) {
                raise(device.get(), TechnicalAlertKind.TAMPER, "enclosure opened or device removed", now, changes);
            } else {
                clear(deviceId, TechnicalAlertKind.TAMPER, now, changes);
            }
        }
        publish(changes);
        return true;
    }

    /** Any other sign of life from a device (a call or cancel event). Unknown devices: ignored. */
    public void seen(String deviceId) {
        if (facility.device(deviceId).isEmpty()) {
            return;
        }
        var changes = new ArrayList<TechnicalAlert>();
        synchronized (this) {
            Instant now = clock.instant();
            DeviceStatus previous = statuses.get(deviceId);
            statuses.put(
                    deviceId,
                    previous == null
                            ? new DeviceStatus(deviceId, now, null, null, null, false)
                            : new DeviceStatus(
                                    deviceId,
                                    now,
                                    previous.batteryPercent(),
                                    previous.rssiDbm(),
                                    previous.firmware(),
                                    previous.tamper()));
            changed.add(deviceId);
            clear(deviceId, TechnicalAlertKind.DEVICE_SILENT, now, changes);
        }
        publish(changes);
    }

    /**
     * Raises DEVICE_SILENT for every known device unheard for its silence bound (once per outage),
     * and drops alerts of devices the site no longer knows. Call every few seconds; detection lags
     * the bound by at most the calling period.
     */
    public void check() {
        var changes = new ArrayList<TechnicalAlert>();
        synchronized (this) {
            Instant now = clock.instant();
            Instant baseline = lastCheck != null ? now : startedAt;
            lastCheck = now;
            Set<String> known = new HashSet<>();
            for (Device device : facility.devices()) {
                known.add(device.deviceId());
                DeviceStatus status = statuses.get(device.deviceId());
                Instant lastHeard = status != null
                        ? status.lastSeen()
                        : expectedSince.computeIfAbsent(device.deviceId(), id -> baseline);
                Instant silentAt = lastHeard.plus(settings.silentAfter(device.type()));
                if (!now.isBefore(silentAt)) {
                    String detail = status != null
                            ? "last heard " + lastHeard
                            : "not heard since " + lastHeard + " (server start or registration)";
                    raise(device, TechnicalAlertKind.DEVICE_SILENT, detail, now, changes);
                }
            }
            for (String deviceId : List.copyOf(active.keySet())) {
                if (!known.contains(deviceId)) {
                    for (TechnicalAlertKind kind :
                            List.copyOf(active.get(deviceId).keySet())) {
                        clear(deviceId, kind, now, changes);
                    }
                }
            }
            statuses.keySet().retainAll(known);
            expectedSince.keySet().retainAll(known);
            changed.retainAll(known);
        }
        publish(changes);
    }

    /** Active technical alerts, oldest first. */
    public synchronized List<TechnicalAlert> activeTechnicalAlerts() {
        var alerts = new ArrayList<TechnicalAlert>();
        active.values().forEach(byKind -> alerts.addAll(byKind.values()));
        alerts.addAll(serverAlerts.values());
        alerts.sort(Comparator.comparing(TechnicalAlert::raisedAt)
                .thenComparing(TechnicalAlert::deviceId)
                .thenComparing(TechnicalAlert::kind));
        return alerts;
    }

    /**
     * Raises an alert about the server itself ({@link TechnicalAlertKind#aboutServer()}), once
     * until cleared; {@code detail} is the sentence technicians read.
     */
    public void raiseServerAlert(TechnicalAlertKind kind, String detail) {
        if (!kind.aboutServer()) {
            throw new IllegalArgumentException(kind + " is about a device");
        }
        TechnicalAlert alert;
        synchronized (this) {
            if (serverAlerts.containsKey(kind)) {
                return;
            }
            alert = new TechnicalAlert(kind, SERVER, null, detail, clock.instant(), null);
            serverAlerts.put(kind, alert);
        }
        LOG.warn("Technical alert {} raised for the server: {}", kind, detail);
        publish(List.of(alert));
    }

    /** Clears an alert about the server; nothing happens if it is not active. */
    public void clearServerAlert(TechnicalAlertKind kind) {
        TechnicalAlert alert;
        synchronized (this) {
            alert = serverAlerts.remove(kind);
            if (alert == null) {
                return;
            }
            alert = alert.clear(clock.instant());
        }
        LOG.info("Technical alert {} cleared for the server", kind);
        publish(List.of(alert));
    }

    /** When {@link #check()} last ran: shows that silence detection is alive. */
    public synchronized Optional<Instant> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /** What was last heard from a device; empty if nothing since the server started. */
    public synchronized Optional<DeviceStatus> status(String deviceId) {
        return Optional.ofNullable(statuses.get(deviceId));
    }

    /** The kinds of technical alert active for a device now; empty if it is healthy. */
    public synchronized Set<TechnicalAlertKind> activeAlertKinds(String deviceId) {
        var byKind = active.get(deviceId);
        return byKind == null ? Set.of() : Set.copyOf(byKind.keySet());
    }

    /**
     * What is known of a device: heard since this start, else what was stored before it (see
     * {@link #restorePersisted}); empty if it was never heard.
     */
    public synchronized Optional<DeviceStatus> lastKnown(String deviceId) {
        DeviceStatus live = statuses.get(deviceId);
        return Optional.ofNullable(live != null ? live : persisted.get(deviceId));
    }

    /**
     * Remembers statuses stored before this start, for {@link #lastKnown} only: silence still
     * counts from this start, so a restart after an outage does not raise every device at once.
     */
    public synchronized void restorePersisted(Collection<DeviceStatus> stored) {
        stored.forEach(status -> persisted.put(status.deviceId(), status));
    }

    /**
     * The statuses of devices heard since the last call, for writing behind (never on a device's
     * request path). Each is taken once; a caller that fails to store them should offer them again.
     */
    public synchronized List<DeviceStatus> drainChangedStatuses() {
        var drained = new ArrayList<DeviceStatus>(changed.size());
        for (String deviceId : changed) {
            DeviceStatus status = statuses.get(deviceId);
            if (status != null) {
                drained.add(status);
            }
        }
        changed.clear();
        return drained;
    }

    /** Registers a listener; close the returned handle to stop receiving alerts. */
    public AutoCloseable subscribe(TechnicalAlertListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    private void evaluateBattery(Device device, int battery, Instant now, List<TechnicalAlert> changes) {
        if (battery <= settings.lowBattery()) {
            raise(device, TechnicalAlertKind.BATTERY_LOW, "battery " + battery + " %", now, changes);
        } else if (battery > settings.lowBattery() + HealthSettings.BATTERY_HYSTERESIS) {
            clear(device.deviceId(), TechnicalAlertKind.BATTERY_LOW, now, changes);
        }
        // In between: a battery hovering at the threshold neither re-raises nor clears.
    }

    private void raise(
            Device device, TechnicalAlertKind kind, String detail, Instant now, List<TechnicalAlert> changes) {
        var byKind = active.computeIfAbsent(device.deviceId(), id -> new EnumMap<>(TechnicalAlertKind.class));
        if (byKind.containsKey(kind)) {
            return;
        }
        var alert = new TechnicalAlert(kind, device.deviceId(), device.room().roomId(), detail, now, null);
        byKind.put(kind, alert);
        changes.add(alert);
        LOG.info("Technical alert {} raised for {} in room {}: {}", kind, device.deviceId(), alert.roomId(), detail);
    }

    private void clear(String deviceId, TechnicalAlertKind kind, Instant now, List<TechnicalAlert> changes) {
        var byKind = active.get(deviceId);
        if (byKind == null) {
            return;
        }
        TechnicalAlert alert = byKind.remove(kind);
        if (byKind.isEmpty()) {
            active.remove(deviceId);
        }
        if (alert != null) {
            changes.add(alert.clear(now));
            LOG.info("Technical alert {} cleared for {}", kind, deviceId);
        }
    }

    private void publish(List<TechnicalAlert> changes) {
        if (changes.isEmpty()) {
            return;
        }
        fanout.execute(() -> {
            for (TechnicalAlert alert : changes) {
                for (TechnicalAlertListener listener : listeners) {
                    try {
                        listener.onAlert(alert);
                    } catch (RuntimeException e) {
                        LOG.warn("Technical alert listener {} failed on {}", listener, alert.kind(), e);
                    }
                }
            }
        });
    }
}
