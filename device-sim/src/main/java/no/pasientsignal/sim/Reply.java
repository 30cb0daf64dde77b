package no.pasientsignal.sim;

/**
 * The server's answer to a request.
 *
 * @param code CoAP response code as text, e.g. {@code 2.04}
 * @param diagnostic the payload of an error response (plain text), empty on success
 * @param roundTripNanos time from sending the request to receiving the response
 * @param connectionId the DTLS Connection ID the server asked this device to use (hex), empty when
 *     the session has none
 * @param contentFormat the response's content format, -1 when it has none
 * @param payload the response payload (empty when there is none)
 */
public record Reply(
        String code, String diagnostic, long roundTripNanos, String connectionId, int contentFormat, byte[] payload) {

    /** A reply without payload (what events and heartbeats get). */
    public Reply(String code, String diagnostic, long roundTripNanos, String connectionId) {
        this(code, diagnostic, roundTripNanos, connectionId, -1, new byte[0]);
    }

    public boolean isSuccess() {
        return code.startsWith("2.");
    }
}
