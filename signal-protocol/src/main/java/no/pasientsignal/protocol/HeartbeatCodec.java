package no.pasientsignal.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * CBOR encoding of {@link Heartbeat}: a map with the text keys {@code bat} (unsigned integer
 * 0-100, required), {@code rssi} (negative integer, dBm), {@code tmp} (boolean, default false),
 * {@code fw} (text, at most 32 characters) and {@code up} (unsigned integer, seconds). Optional
 * keys are omitted, not sent as null. Unknown keys are ignored so newer firmware can add fields;
 * missing or mistyped keys are refused with a diagnostic naming the field. Thread-safe.
 */
public final class HeartbeatCodec {

    private static final CBORMapper MAPPER = CborPayloads.MAPPER;
    /** Below any radio's sensitivity: a value this low is a firmware bug, not a weak link. */
    private static final int LOWEST_RSSI_DBM = -200;

    public byte[] encode(Heartbeat heartbeat) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bat", heartbeat.batteryPercent());
        if (heartbeat.rssiDbm() != null) {
            map.put("rssi", heartbeat.rssiDbm());
        }
        if (heartbeat.tamper()) {
            map.put("tmp", true);
        }
        if (heartbeat.firmware() != null) {
            map.put("fw", heartbeat.firmware());
        }
        if (heartbeat.uptimeSeconds() != null) {
            map.put("up", heartbeat.uptimeSeconds());
        }
        return MAPPER.writeValueAsBytes(map);
    }

    public Heartbeat decode(byte[] payload) throws MalformedPayloadException {
        JsonNode root = CborPayloads.readMap(payload, DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES, "at least bat");
        JsonNode bat = root.get("bat");
        if (bat == null || !bat.isIntegralNumber() || !bat.canConvertToInt() || bat.asInt() < 0 || bat.asInt() > 100) {
            throw new MalformedPayloadException("field bat: expected an unsigned integer 0-100 (battery percent)");
        }
        Integer rssi = null;
        JsonNode rssiNode = root.get("rssi");
        if (rssiNode != null) {
            if (!rssiNode.isIntegralNumber()
                    || !rssiNode.canConvertToInt()
                    || rssiNode.asInt() >= 0
                    || rssiNode.asInt() < LOWEST_RSSI_DBM) {
                throw new MalformedPayloadException(
                        "field rssi: expected a negative integer (dBm, " + LOWEST_RSSI_DBM + " to -1)");
            }
            rssi = rssiNode.asInt();
        }
        boolean tamper = false;
        JsonNode tmp = root.get("tmp");
        if (tmp != null) {
            if (!tmp.isBoolean()) {
                throw new MalformedPayloadException("field tmp: expected true or false");
            }
            tamper = tmp.booleanValue();
        }
        String firmware = null;
        JsonNode fw = root.get("fw");
        if (fw != null) {
            if (!fw.isString() || fw.asString().length() > DeviceProtocol.MAX_FIRMWARE_CHARS) {
                throw new MalformedPayloadException(
                        "field fw: expected text of at most " + DeviceProtocol.MAX_FIRMWARE_CHARS + " characters");
            }
            firmware = fw.asString();
        }
        Long uptime = null;
        JsonNode up = root.get("up");
        if (up != null) {
            if (!up.isIntegralNumber() || !up.canConvertToLong() || up.asLong() < 0) {
                throw new MalformedPayloadException("field up: expected an unsigned integer (seconds)");
            }
            uptime = up.asLong();
        }
        return new Heartbeat(bat.asInt(), rssi, tamper, firmware, uptime);
    }
}
