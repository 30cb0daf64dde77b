package no.pasientsignal.server.facility;

import java.util.Objects;

/** A room staff can be sent to. No resident data here: rooms are what calls and logs name. */
public record Room(String roomId, String name, String wardName) {
    public Room {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wardName, "wardName");
    }
}
