package no.pasientsignal.console.board.service;

import java.util.List;
import java.util.Objects;
import no.pasientsignal.console.board.service.BoardState.Connection;
import no.pasientsignal.console.client.ProtectionAlert;

/**
 * The protection alerts one user's board shows at one moment.
 *
 * @param version increases with every change, so a subscriber can ignore a state older than the one it shows
 * @param alerts the active alerts: the user's own residents first, then the oldest first
 * @param connection whether the user's protection alert stream is live
 */
public record ProtectionState(long version, List<ProtectionAlert> alerts, Connection connection) {

    public ProtectionState {
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(connection, "connection");
    }

    public boolean isLive() {
        return connection == Connection.LIVE;
    }
}
