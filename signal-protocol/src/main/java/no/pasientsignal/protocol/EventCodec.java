package no.pasientsignal.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * CBOR encoding of {@link DeviceEvent}: a map with the text keys {@code eid} (UUID as text),
 * {@code evt} (see {@link EventKind#wireCode()}) and {@code ts} (unsigned integer, epoch ms).
 * Unknown keys are ignored so newer firmware can add fields; missing or mistyped keys are
 * refused with a diagnostic naming the field. Thread-safe.
 */
public final class EventCodec {

    private static final CBORMapper MAPPER = CborPayloads.MAPPER;

    public byte[] encode(DeviceEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("eid", event.eventId().toString());
        map.put("evt", event.kind().wireCode());
        map.put("ts", event.deviceTimeMillis());
        return MAPPER.writeValueAsBytes(map);
    }

    public DeviceEvent decode(byte[] payload) throws MalformedPayloadException {
        JsonNode root = CborPayloads.readMap(payload, DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES, "eid, evt, ts");
        UUID eventId = parseEventId(root.get("eid"));
        EventKind kind = parseKind(root.get("evt"));
        JsonNode ts = root.get("ts");
        if (ts == null || !ts.isIntegralNumber() || !ts.canConvertToLong() || ts.asLong() < 0) {
            throw new MalformedPayloadException("field ts: expected an unsigned integer (epoch ms)");
        }
        return new DeviceEvent(eventId, kind, ts.asLong());
    }

    private static UUID parseEventId(JsonNode eid) throws MalformedPayloadException {
        if (eid == null || !eid.isString()) {
            throw new MalformedPayloadException("field eid: expected a UUID as text");
        }
        try {
            return UUID.fromString(eid.asString());
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("field eid: not a UUID");
        }
    }

    private static EventKind parseKind(JsonNode evt) throws MalformedPayloadException {
        if (evt == null || !evt.isString()) {
            throw new MalformedPayloadException("field evt: expected text");
        }
        return EventKind.fromWire(evt.asString())
                .orElseThrow(() -> new MalformedPayloadException("field evt: unknown event '" + evt.asString() + "'"));
    }
}
