package no.pasientsignal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

class HeartbeatCodecTest {

    private final HeartbeatCodec codec = new HeartbeatCodec();
    private final CBORMapper cbor = CBORMapper.builder().build();

    @Test
    void full_heartbeat_round_trips_and_fits_well_inside_the_limit() throws Exception {
        var heartbeat = new Heartbeat(87, -67, true, "2.1.0-rc.3", 86_400L);
        byte[] bytes = codec.encode(heartbeat);
        assertThat(codec.decode(bytes)).isEqualTo(heartbeat);
        assertThat(bytes.length).isLessThan(DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES / 4);
    }

    @Test
    void only_battery_is_required_and_tamper_defaults_to_false() throws Exception {
        var decoded = codec.decode(cbor.writeValueAsBytes(Map.of("bat", 42)));
        assertThat(decoded).isEqualTo(Heartbeat.ofBattery(42));
        assertThat(decoded.tamper()).isFalse();
        assertThat(decoded.rssi()).isEmpty();
        assertThat(decoded.firmwareVersion()).isEmpty();
        assertThat(decoded.uptime()).isEmpty();
        assertThat(codec.decode(codec.encode(Heartbeat.ofBattery(0)))).isEqualTo(Heartbeat.ofBattery(0));
    }

    @Test
    void unknown_fields_from_newer_firmware_are_ignored() throws Exception {
        var map = valid();
        map.put("temp", 21);
        assertThat(codec.decode(cbor.writeValueAsBytes(map)).batteryPercent()).isEqualTo(80);
    }

    @Test
    void garbage_is_refused_with_a_diagnostic() {
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xff, 0x13, 0x37}))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("CBOR");
        assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(42))).hasMessageContaining("CBOR map");
    }

    @Test
    void missing_or_out_of_range_battery_is_named() {
        assertRefused(Map.of("rssi", -60), "field bat");
        assertRefused(Map.of("bat", 101), "field bat");
        assertRefused(Map.of("bat", -1), "field bat");
        assertRefused(Map.of("bat", "80"), "field bat");
        assertRefused(Map.of("bat", 80.5), "field bat");
    }

    @Test
    void non_negative_or_mistyped_rssi_is_named() {
        assertRefused(with("rssi", 0), "field rssi");
        assertRefused(with("rssi", 12), "field rssi");
        assertRefused(with("rssi", -500), "field rssi");
        assertRefused(with("rssi", "-60"), "field rssi");
    }

    @Test
    void mistyped_tamper_is_named() {
        assertRefused(with("tmp", 1), "field tmp");
        assertRefused(with("tmp", "yes"), "field tmp");
    }

    @Test
    void long_or_mistyped_firmware_is_named() {
        assertRefused(with("fw", "x".repeat(DeviceProtocol.MAX_FIRMWARE_CHARS + 1)), "field fw");
        assertRefused(with("fw", 2), "field fw");
    }

    @Test
    void negative_or_mistyped_uptime_is_named() {
        assertRefused(with("up", -1), "field up");
        assertRefused(with("up", "1h"), "field up");
    }

    @Test
    void oversized_payload_is_refused_before_decoding() {
        assertThatThrownBy(() -> codec.decode(new byte[DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES + 1]))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining(Integer.toString(DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES));
    }

    @Test
    void record_refuses_values_the_wire_format_cannot_carry() {
        assertThatThrownBy(() -> Heartbeat.ofBattery(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Heartbeat(50, 3, false, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Heartbeat(50, null, false, "y".repeat(33), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(Map<String, Object> map, String diagnostic) {
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(map)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining(diagnostic);
    }

    private static Map<String, Object> with(String key, Object value) {
        var map = valid();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> valid() {
        var map = new LinkedHashMap<String, Object>();
        map.put("bat", 80);
        map.put("rssi", -71);
        map.put("tmp", false);
        map.put("fw", "1.4.2");
        map.put("up", 3600L);
        return map;
    }
}
