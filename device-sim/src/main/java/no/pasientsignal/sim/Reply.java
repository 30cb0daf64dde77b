package no.pasientsignal.sim;

/**
 * The server's answer to a request.
 *
 * @param code CoAP response code as text, e.g. {@code 2.04}
 * @param diagnostic the payload of an error response (plain text), empty on success
 * @param roundTripNanos time from sending the request to receiving the response
 */
public record Reply(String code, String diagnostic, long roundTripNanos) {
    public boolean isSuccess() {
        return code.startsWith("2.");
    }
}
