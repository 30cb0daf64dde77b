package no.pasientsignal.console.board.service;

import java.util.List;
import java.util.Objects;

/**
 * What the board shows at one moment.
 *
 * @param version increases with every change, so a subscriber can ignore a state older than the one it shows
 * @param rooms rooms with active calls, the room that has waited longest first
 * @param connection whether the board is live
 */
public record BoardState(long version, List<RoomStatus> rooms, Connection connection) {

    /** Whether the board is connected to the signal server's call stream. */
    public enum Connection {
        /** Not connected yet (nobody has logged in since the console started, or the first attempt is running). */
        CONNECTING,
        /** Live: changes arrive as they happen. */
        LIVE,
        /** The connection broke; retrying. What is shown may be out of date. */
        RECONNECTING,
        /** The server refused the access token (expired); someone has to log in again. */
        LOGIN_REQUIRED
    }

    public BoardState {
        rooms = List.copyOf(rooms);
        Objects.requireNonNull(connection, "connection");
    }

    public boolean isLive() {
        return connection == Connection.LIVE;
    }
}
