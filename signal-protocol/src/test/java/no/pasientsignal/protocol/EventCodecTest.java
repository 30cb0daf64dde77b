package no.pasientsignal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final CBORMapper cbor = CBORMapper.builder().build();

    @Test
    void event_round_trips_and_fits_well_inside_the_limit() throws Exception {
        var event = new DeviceEvent(UUID.randomUUID(), EventKind.CALL_PRESSED, 1_764_000_000_000L);
        byte[] bytes = codec.encode(event);
        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(bytes.length).isLessThan(DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES / 2);
    }

    @Test
    void unknown_fields_from_newer_firmware_are_ignored() throws Exception {
        var map = valid();
        map.put("fw", "2.1.0");
        assertThat(codec.decode(cbor.writeValueAsBytes(map)).kind()).isEqualTo(EventKind.CALL_CANCELLED);
    }

    @Test
    void garbage_is_refused_with_a_diagnostic() {
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xff, 0x13, 0x37}))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(42))).hasMessageContaining("CBOR map");
    }

    @Test
    void oversized_payload_is_refused_before_decoding() {
        assertThatThrownBy(() -> codec.decode(new byte[DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES + 1]))
                .hasMessageContaining("exceeds");
    }

    @Test
    void each_bad_field_is_named() {
        var noId = valid();
        noId.remove("eid");
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(noId))).hasMessageContaining("eid");

        var badId = valid();
        badId.put("eid", "not-a-uuid");
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(badId))).hasMessageContaining("eid");

        var badKind = valid();
        badKind.put("evt", "explode");
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(badKind))).hasMessageContaining("evt");

        var negativeTs = valid();
        negativeTs.put("ts", -5);
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(negativeTs)))
                .hasMessageContaining("ts");

        var textTs = valid();
        textTs.put("ts", "yesterday");
        assertThatThrownBy(() -> codec.decode(cbor.writeValueAsBytes(textTs))).hasMessageContaining("ts");
    }

    private static Map<String, Object> valid() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("eid", UUID.randomUUID().toString());
        map.put("evt", "cancel");
        map.put("ts", 1_764_000_000_000L);
        return map;
    }
}
