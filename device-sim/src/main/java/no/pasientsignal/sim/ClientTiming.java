package no.pasientsignal.sim;

import java.time.Duration;

/**
 * CoAP and DTLS retransmission settings of a device.
 *
 * <p>RFC 7252's defaults (2 s ACK timeout, 4 retransmissions, timeout doubling) give up only after
 * about 45 s, far beyond the 5 s button-to-staff budget. With 300 ms, a 1.5 backoff and 4
 * retransmissions a lost datagram is retried after 0.3-0.45 s and the last try goes out about
 * 2.5-3.7 s after the first, so a call still arrives inside the budget on a lossy link.
 *
 * @param ackTimeout first CoAP retransmission timeout
 * @param ackRandomFactor randomisation of the first timeout (spreads retries of many devices)
 * @param ackTimeoutScale backoff factor between retransmissions
 * @param maxRetransmit CoAP retransmissions before giving up
 * @param dtlsRetransmission first DTLS handshake flight retransmission timeout
 * @param dtlsMaxRetransmissions DTLS flight retransmissions before the handshake fails
 */
public record ClientTiming(
        Duration ackTimeout,
        float ackRandomFactor,
        float ackTimeoutScale,
        int maxRetransmit,
        Duration dtlsRetransmission,
        int dtlsMaxRetransmissions) {

    public static final ClientTiming CALL =
            new ClientTiming(Duration.ofMillis(300), 1.5f, 1.5f, 4, Duration.ofMillis(500), 4);

    public ClientTiming {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be positive");
        }
        if (ackRandomFactor < 1.0f || ackTimeoutScale < 1.0f) {
            throw new IllegalArgumentException("random factor and scale must be at least 1.0");
        }
        if (maxRetransmit < 0 || dtlsMaxRetransmissions < 0) {
            throw new IllegalArgumentException("retransmission counts must not be negative");
        }
    }

    /**
     * How long to wait for a response before giving up: a full DTLS handshake with all its flight
     * retransmissions (Scandium doubles the timeout each time), then all CoAP retransmissions.
     */
    public long totalTimeoutMillis() {
        double coap = 0;
        for (int i = 0; i <= maxRetransmit; i++) {
            coap += ackTimeout.toMillis() * ackRandomFactor * Math.pow(ackTimeoutScale, i);
        }
        double dtls = 0;
        for (int i = 0; i <= dtlsMaxRetransmissions; i++) {
            dtls += dtlsRetransmission.toMillis() * Math.pow(2, i);
        }
        return (long) Math.ceil(coap + dtls);
    }
}
