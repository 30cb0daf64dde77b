package no.pasientsignal.console.devices.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.DevicesClient;
import no.pasientsignal.console.client.DevicesClient.Device;
import no.pasientsignal.console.client.DevicesClient.InventoryFilter;
import no.pasientsignal.console.client.DevicesClient.Need;
import no.pasientsignal.console.client.DevicesClient.Protection;

/**
 * What the technicians' views ask of the server, shaped for showing: the inventory filtered by health too (the server
 * filters the rest), the protection gaps one row per missing need, and who would lose protection if a device went.
 * Stateless and thread-safe; failures pass through as {@code SignalServerException}.
 */
public final class DevicesService {

    /** One resident's need that is not covered now. {@code residentName} is null for roles that may not see names. */
    public record Gap(String residentId, String residentName, String roomId, String roomName, Need need) {}

    private final DevicesClient client;

    public DevicesService(DevicesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public DevicesClient client() {
        return client;
    }

    /** The devices that pass the server's filters and, when {@code health} is not null, are in that state. */
    public List<Device> inventory(InventoryFilter filter, HealthState health, AccessToken token) {
        return client.inventory(filter, token).stream()
                .filter(device -> health == null || HealthState.of(device) == health)
                .toList();
    }

    /** Every need not covered now, by room name (as staff walk the corridor), then resident, in the server's order. */
    public List<Gap> gaps(AccessToken token) {
        return gapsIn(client.protection(false, token));
    }

    /** The needs {@code deviceId} covers now: the protection residents lose if it goes out of service. */
    public List<Gap> reliantOn(String deviceId, AccessToken token) {
        List<Gap> reliant = new ArrayList<>();
        for (Protection protection : client.protection(true, token)) {
            for (Need need : protection.needs()) {
                if (need.covered() && deviceId.equals(need.deviceId())) {
                    reliant.add(gap(protection, need));
                }
            }
        }
        return reliant;
    }

    /** The uncovered needs of {@code protections}, in order; package-private for tests without a server. */
    static List<Gap> gapsIn(List<Protection> protections) {
        List<Gap> gaps = new ArrayList<>();
        // the server orders by room id, which is not what a technician reads; the sort is stable
        List<Protection> byRoom = protections.stream()
                .sorted(Comparator.comparing(Protection::roomName, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (Protection protection : byRoom) {
            for (Need need : protection.needs()) {
                if (!need.covered()) {
                    gaps.add(gap(protection, need));
                }
            }
        }
        return gaps;
    }

    private static Gap gap(Protection protection, Need need) {
        return new Gap(
                protection.residentId(), protection.displayName(), protection.roomId(), protection.roomName(), need);
    }
}
