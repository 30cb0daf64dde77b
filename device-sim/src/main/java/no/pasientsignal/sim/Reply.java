package no.pasientsignal.sim;

/**
 * The server's answer to a request.
 *
 * @param code CoAP response code as text, e.g. {@code 2.04}
 * @param diagnostic the payload of an error response (plain text), empty on success
 * @param roundTripNanos time from sending the request to receiving the response
 * @param connectionId the DTLS Connection ID the server asked this device to use (hex), empty when
 *     the session has none
 */
public record Reply(String code, String diagnostic, long roundTripNanos, String connectionId) {
    public boolean isSuccess() {
        return code.startsWith("2.");
    }
}
