package no.pasientsignal.server.alarm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The care plans in force, by resident: what the passive rules evaluate. Filled from storage at
 * start and on every saved change; the alarm service listens and hands each change to the rules
 * on the site's ordered executor.
 */
public final class CarePlanBook {

    private final Map<String, CarePlan> byResident = new ConcurrentHashMap<>();
    private final List<Consumer<CarePlan>> listeners = new CopyOnWriteArrayList<>();

    public Optional<CarePlan> plan(String residentId) {
        return Optional.ofNullable(byResident.get(residentId));
    }

    public Collection<CarePlan> all() {
        return List.copyOf(byResident.values());
    }

    /** Puts a plan in force (replacing the resident's earlier one). A plan with no rules turns them off. */
    public void put(CarePlan plan) {
        byResident.put(Objects.requireNonNull(plan, "plan").residentId(), plan);
        listeners.forEach(l -> l.accept(plan));
    }

    /** Told of every change, on the thread that made it. */
    public void onChange(Consumer<CarePlan> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
