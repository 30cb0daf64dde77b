package no.pasientsignal.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/** The first checks every device payload passes: present, within its limit, a CBOR map. */
final class CborPayloads {

    static final CBORMapper MAPPER = CBORMapper.builder().build();

    private CborPayloads() {}

    /**
     * @param expected what the map must hold, for the diagnostic (e.g. "eid, evt, ts")
     */
    static JsonNode readMap(byte[] payload, int maxBytes, String expected) throws MalformedPayloadException {
        if (payload == null || payload.length == 0) {
            throw new MalformedPayloadException("empty payload: expected a CBOR map with " + expected);
        }
        if (payload.length > maxBytes) {
            throw new MalformedPayloadException("payload of " + payload.length + " bytes exceeds " + maxBytes);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedPayloadException("not valid CBOR: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("expected a CBOR map with " + expected);
        }
        return root;
    }
}
