package no.pasientsignal.protocol;

/** Resource paths, content formats and limits of the device protocol (see docs/protocol.md). */
public final class DeviceProtocol {

    /** Default UDP port for CoAP over DTLS (RFC 7252 "coaps"). */
    public static final int DEFAULT_COAPS_PORT = 5684;

    /** Resource devices POST their events to (call pressed, call cancelled). */
    public static final String EVENTS_PATH = "events";

    /** CoAP content format for application/cbor (RFC 7049 / RFC 8949, IANA number 60). */
    public static final int CONTENT_FORMAT_CBOR = 60;

    /**
     * Largest event payload the server accepts. An event is a handful of short fields; anything
     * larger is a faulty or hostile device and is refused before decoding.
     */
    public static final int MAX_EVENT_PAYLOAD_BYTES = 256;

    /** Resource devices POST their periodic heartbeat to (battery, signal, tamper, firmware). */
    public static final String HEARTBEAT_PATH = "hb";

    /** Largest heartbeat payload the server accepts (a few short fields, like an event). */
    public static final int MAX_HEARTBEAT_PAYLOAD_BYTES = 256;

    /** Longest firmware version text a heartbeat may carry. */
    public static final int MAX_FIRMWARE_CHARS = 32;

    /** Where the EST-coaps (RFC 9148) resources live; enrolment talks to these only. */
    public static final String EST_PATH = ".well-known/est";

    /** EST-coaps CA certificates: {@code GET /.well-known/est/crts}. */
    public static final String EST_CA_CERTIFICATES = "crts";

    /** EST-coaps simple enrolment: {@code POST /.well-known/est/sen} with a PKCS#10 request. */
    public static final String EST_SIMPLE_ENROL = "sen";

    /** {@code application/pkcs7-mime; smime-type=certs-only} (RFC 9148, IANA number 281). */
    public static final int CONTENT_FORMAT_PKCS7_CERTS_ONLY = 281;

    /** {@code application/pkcs10}, a DER PKCS#10 certificate request (RFC 9148, IANA number 286). */
    public static final int CONTENT_FORMAT_PKCS10 = 286;

    /** {@code application/pkix-cert}, one DER X.509 certificate (RFC 9148, IANA number 287). */
    public static final int CONTENT_FORMAT_PKIX_CERT = 287;

    private DeviceProtocol() {}
}
