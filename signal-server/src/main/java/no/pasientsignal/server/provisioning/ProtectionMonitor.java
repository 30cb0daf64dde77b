package no.pasientsignal.server.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.provisioning.ProtectionEvaluator.DeviceCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protection view of every resident, and protection alerts for the responsible nurse.
 *
 * <p>Subscribed to {@link DeviceHealth}: when a device goes silent or reports tamper (or recovers),
 * the residents living in its room are evaluated ({@link ProtectionEvaluator}). A resident whose
 * needs were covered and now are not because of a device fault gets a {@link ProtectionAlert}
 * naming them and what is no longer covered. The alert keeps those needs until each is covered
 * again (a silent device that is then decommissioned still leaves the resident unprotected), then
 * clears. Needs never covered (nothing installed yet) show in the overview but raise no alert: no
 * protection silently stopped.
 *
 * <p>Listeners run on {@code fanout}; logs name residents by pseudonym only. Thread-safe.
 */
public final class ProtectionMonitor implements TechnicalAlertListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectionMonitor.class);

    private final Clock clock;
    private final FacilityDirectory facility;
    private final ResidentDirectory residents;
    private final DeviceHealth health;
    private final DeviceRegister register;
    private final Executor fanout;
    private final List<ProtectionAlertListener> listeners = new CopyOnWriteArrayList<>();

    /** Active alerts by resident id, with the needs each one is about. */
    private final Map<String, Active> active = new HashMap<>();

    private record Active(ProtectionAlert alert, Set<CareNeed> lost) {}

    private ProtectionMonitor(
            Clock clock,
            FacilityDirectory facility,
            ResidentDirectory residents,
            DeviceHealth health,
            DeviceRegister register,
            Executor fanout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.facility = Objects.requireNonNull(facility, "facility");
        this.residents = Objects.requireNonNull(residents, "residents");
        this.health = Objects.requireNonNull(health, "health");
        this.register = Objects.requireNonNull(register, "register");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
    }

    /** A monitor following {@code health}'s technical alerts from now on. */
    public static ProtectionMonitor following(
            Clock clock,
            FacilityDirectory facility,
            ResidentDirectory residents,
            DeviceHealth health,
            DeviceRegister register,
            Executor fanout) {
        var monitor = new ProtectionMonitor(clock, facility, residents, health, register, fanout);
        health.subscribe(monitor);
        return monitor;
    }

    /** How the resident's needs are covered now; empty for an unknown resident. */
    public Optional<ResidentProtection> protection(String residentId) {
        return residents.resident(residentId).map(this::evaluate);
    }

    /** Every resident living in a room (not moved out), ordered by room then id. */
    public List<ResidentProtection> overview() {
        return residents.all().stream()
                .filter(Resident::isPlaced)
                .map(this::evaluate)
                .toList();
    }

    /** Active protection alerts, oldest first. */
    public synchronized List<ProtectionAlert> activeAlerts() {
        return active.values().stream()
                .map(Active::alert)
                .sorted(Comparator.comparing(ProtectionAlert::raisedAt).thenComparing(ProtectionAlert::residentId))
                .toList();
    }

    /** Registers a listener; close the returned handle to stop receiving alerts. */
    public AutoCloseable subscribe(ProtectionAlertListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    @Override
    public void onAlert(TechnicalAlert alert) {
        if (alert.kind() != TechnicalAlertKind.DEVICE_SILENT && alert.kind() != TechnicalAlertKind.TAMPER) {
            return; // a low battery still covers the need
        }
        for (Resident resident : residents.livingIn(alert.roomId())) {
            update(resident.id());
        }
    }

    /**
     * Re-evaluates a resident after their record changed (room, needs, nurse, moved out) or after
     * something that raises no technical alert (a device registered or decommissioned).
     */
    public void update(String residentId) {
        var changes = new ArrayList<ProtectionAlert>();
        synchronized (this) {
            Optional<Resident> resident = residents.resident(residentId);
            Active current = active.get(residentId);
            if (resident.isEmpty() || !resident.get().isPlaced()) {
                if (current != null) {
                    clear(current, changes);
                }
            } else {
                apply(resident.get(), evaluate(resident.get()), current, changes);
            }
        }
        publish(changes);
    }

    /**
     * Re-evaluates every resident with an active alert, for changes no technical alert reports
     * (a replacement device registered at the location). Call every few seconds.
     */
    public void reevaluate() {
        List<String> alerted;
        synchronized (this) {
            alerted = List.copyOf(active.keySet());
        }
        alerted.forEach(this::update);
    }

    // --- evaluation ----------------------------------------------------------------------------

    private ResidentProtection evaluate(Resident resident) {
        if (resident.roomId() == null) {
            return ProtectionEvaluator.evaluate(resident, List.of());
        }
        var devices = new ArrayList<DeviceCondition>();
        for (Device device : facility.devicesInRoom(resident.roomId())) {
            devices.add(new DeviceCondition(
                    device.deviceId(),
                    device.type(),
                    locationKind(device),
                    true,
                    health.activeAlertKinds(device.deviceId()),
                    health.lastKnown(device.deviceId()).orElse(null)));
        }
        ResidentProtection protection = ProtectionEvaluator.evaluate(resident, devices);
        if (protection.needs().stream().noneMatch(n -> n.coverage() == Coverage.NO_DEVICE)) {
            return protection;
        }
        // Only now ask the database whether something was there before.
        Set<String> inService = new HashSet<>();
        devices.forEach(d -> inService.add(d.deviceId()));
        try {
            for (var retired : register.outOfServiceIn(resident.roomId())) {
                if (!inService.contains(retired.deviceId())) {
                    devices.add(new DeviceCondition(
                            retired.deviceId(),
                            retired.type(),
                            retired.locationKind(),
                            false,
                            Set.of(),
                            health.lastKnown(retired.deviceId()).orElse(null)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read out-of-service devices of room {}: {}", resident.roomId(), e.getMessage());
            return protection;
        }
        return ProtectionEvaluator.evaluate(resident, devices);
    }

    private LocationKind locationKind(Device device) {
        if (device.locationKind() != null) {
            return device.locationKind();
        }
        try {
            return register.locationKind(device.deviceId()).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Could not read where device {} is mounted: {}", device.deviceId(), e.getMessage());
            return null;
        }
    }

    // --- alert state (called holding the monitor's lock) ---------------------------------------

    private void apply(Resident resident, ResidentProtection protection, Active current, List<ProtectionAlert> out) {
        var lost = new LinkedHashSet<CareNeed>();
        for (NeedCoverage need : protection.needs()) {
            boolean stillLost = current != null && current.lost().contains(need.need()) && !need.covered();
            if (need.coverage().isDeviceFault() || stillLost) {
                lost.add(need.need());
            }
        }
        if (lost.isEmpty()) {
            if (current != null) {
                clear(current, out);
            }
            return;
        }
        List<NeedCoverage> uncovered =
                protection.needs().stream().filter(n -> lost.contains(n.need())).toList();
        Instant now = clock.instant();
        String roomName = roomName(resident.roomId(), current);
        ProtectionAlert alert;
        if (current == null) {
            alert = new ProtectionAlert(
                    resident.id(),
                    resident.displayName(),
                    resident.roomId(),
                    roomName,
                    resident.responsibleNurse(),
                    uncovered,
                    ProtectionAlert.State.RAISED,
                    now,
                    now);
            LOG.warn(
                    "Protection alert raised for resident {} in room {} (nurse {}): {}",
                    resident.id(),
                    resident.roomId(),
                    resident.responsibleNurse(),
                    alert.whatIsUncovered());
        } else {
            ProtectionAlert was = current.alert();
            boolean same = was.uncovered().equals(uncovered)
                    && was.displayName().equals(resident.displayName())
                    && was.roomId().equals(resident.roomId())
                    && Objects.equals(was.responsibleNurse(), resident.responsibleNurse());
            if (same) {
                return;
            }
            alert = new ProtectionAlert(
                    resident.id(),
                    resident.displayName(),
                    resident.roomId(),
                    roomName,
                    resident.responsibleNurse(),
                    uncovered,
                    ProtectionAlert.State.UPDATED,
                    was.raisedAt(),
                    now);
            LOG.info(
                    "Protection alert updated for resident {} in room {}: {}",
                    resident.id(),
                    resident.roomId(),
                    alert.whatIsUncovered());
        }
        active.put(resident.id(), new Active(alert, Set.copyOf(lost)));
        out.add(alert);
    }

    private void clear(Active current, List<ProtectionAlert> out) {
        ProtectionAlert was = current.alert();
        active.remove(was.residentId());
        var cleared = new ProtectionAlert(
                was.residentId(),
                was.displayName(),
                was.roomId(),
                was.roomName(),
                was.responsibleNurse(),
                was.uncovered(),
                ProtectionAlert.State.CLEARED,
                was.raisedAt(),
                clock.instant());
        LOG.info("Protection alert cleared for resident {} in room {}", was.residentId(), was.roomId());
        out.add(cleared);
    }

    private String roomName(String roomId, Active current) {
        if (current != null
                && current.alert().roomId().equals(roomId)
                && current.alert().roomName() != null) {
            return current.alert().roomName();
        }
        for (Device device : facility.devicesInRoom(roomId)) {
            return device.room().name();
        }
        try {
            return register.roomName(roomId).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void publish(List<ProtectionAlert> changes) {
        if (changes.isEmpty()) {
            return;
        }
        fanout.execute(() -> {
            for (ProtectionAlert alert : changes) {
                for (ProtectionAlertListener listener : listeners) {
                    try {
                        listener.onProtectionAlert(alert);
                    } catch (RuntimeException e) {
                        LOG.warn("Protection alert listener {} failed on resident {}", listener, alert.residentId(), e);
                    }
                }
            }
        });
    }
}
