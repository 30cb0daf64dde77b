package no.pasientsignal.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The summary read straight from the JSON is the summary of the fully decoded record, whatever the payload. */
class AlarmSummaryTest {

    private static final Placement BED = new Placement("201", "Rom 201", "zone-a", "ward-1", "BED");

    private static Alarm alarm(
            AlarmState state,
            Instant raised,
            Instant updated,
            String acceptedBy,
            Instant acceptedAt,
            Map<String, DeliveryStatus> recipients) {
        return new Alarm(
                UUID.randomUUID(),
                UUID.randomUUID(),
                AlarmType.BED_EXIT,
                Priority.HIGH,
                BED,
                "bed-201",
                "R-201",
                state,
                raised,
                updated,
                false,
                acceptedBy,
                acceptedAt,
                2,
                1,
                0,
                updated.plusSeconds(60),
                true,
                recipients,
                state == AlarmState.RESOLVED);
    }

    private static byte[] json(AlarmRecords.AlarmRecord record) {
        return AlarmRecords.encode(record);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static AlarmSummary full(byte[] payload) {
        return AlarmSummary.of(AlarmRecords.decode(payload, AlarmRecords.AlarmRecord.class));
    }

    private static final Instant RAISED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void a_record_as_written_reads_as_its_full_decoding() {
        var records = List.of(
                new AlarmRecords.AlarmRecord(
                        "site-1",
                        AlarmChange.Kind.RAISED,
                        "bed-201",
                        UUID.randomUUID(),
                        List.of(),
                        alarm(AlarmState.RAISED, RAISED, RAISED, null, null, Map.of())),
                new AlarmRecords.AlarmRecord(
                        "site-1",
                        AlarmChange.Kind.NOTIFIED,
                        "system",
                        null,
                        List.of("kari", "ola"),
                        alarm(
                                AlarmState.NOTIFIED,
                                RAISED,
                                RAISED.plusMillis(1),
                                null,
                                null,
                                Map.of("ola", DeliveryStatus.SENT, "kari", DeliveryStatus.SENT))),
                new AlarmRecords.AlarmRecord(
                        "site-1",
                        AlarmChange.Kind.RESOLVED,
                        "kari \"K\" Nordmann\u00e6",
                        null,
                        null,
                        alarm(
                                AlarmState.RESOLVED,
                                RAISED.plusNanos(123_456_789),
                                RAISED.plusNanos(1_000),
                                "kari",
                                RAISED.plusSeconds(30),
                                Map.of("kari", DeliveryStatus.ACCEPTED))));
        for (var record : records) {
            byte[] payload = json(record);
            AlarmSummary summary = AlarmRecords.decodeSummary(payload);
            assertThat(summary).isEqualTo(full(payload)).isEqualTo(AlarmSummary.of(record));
        }
        assertThat(AlarmRecords.decodeSummary(json(records.get(1))).recipients())
                .containsExactly("kari", "ola");
    }

    @Test
    void a_payload_in_another_shape_reads_as_the_full_decoder_reads_it() {
        String written = new String(
                json(new AlarmRecords.AlarmRecord(
                        "site-1",
                        AlarmChange.Kind.ACCEPTED,
                        "kari",
                        null,
                        List.of(),
                        alarm(
                                AlarmState.ACCEPTED,
                                RAISED,
                                RAISED.plusSeconds(30),
                                "kari",
                                RAISED.plusSeconds(30),
                                Map.of("kari", DeliveryStatus.ACCEPTED)))),
                StandardCharsets.UTF_8);
        var variants = List.of(
                written.replace("\"site\":\"site-1\",", "") + "", // a property missing
                written.replace("\"repeats\":2", "\"repeats\":\"2\""), // a number as text
                written.replace("{\"site\"", "{\"later\":{\"x\":[1,2,{}]},\"site\""), // a property added
                written.replace("\"newRecipients\":[]", "\"newRecipients\":null"),
                written.replace("\"actor\":\"kari\",", "\"actor\":\"kari\",\"actor\":\"ola\","), // twice
                written.replace("{\"kari\":\"ACCEPTED\"}", "{\"kari\":\"ACCEPTED\",\"kari\":\"SEEN\"}"),
                written.replace(",", " ,\n\t"), // white space
                written.replace("\"raisedAt\":\"2026-11-23T10:00:00Z\"", "\"raisedAt\":\"2026-11-23T10:00:00.5Z\""),
                written.replace("\"raisedAt\":\"2026-11-23T10:00:00Z\"", "\"raisedAt\":1795428000.000000000"));
        for (String variant : variants) {
            assertThat(AlarmRecords.decodeSummary(json(variant))).as(variant).isEqualTo(full(json(variant)));
        }
    }

    @Test
    void a_payload_that_is_not_an_alarm_record_fails_as_the_full_decoder_fails() {
        for (String bad : List.of(
                "not json",
                "{\"site\":\"site-1\"}",
                "{\"site\":\"site-1\",\"change\":\"EXPLODED\"}",
                "[1,2]",
                "{\"actor\":\"kari\",\"alarm\":{\"id\":\"not a uuid\"}}")) {
            Class<? extends Throwable> expected = failure(() -> full(json(bad)));
            assertThatThrownBy(() -> AlarmRecords.decodeSummary(json(bad)))
                    .as(bad)
                    .isInstanceOf(expected);
        }
    }

    @Test
    void device_events_and_presence_read_as_their_full_decoding() {
        var event = new AlarmRecords.DeviceEventRecord(
                "site-1", UUID.randomUUID(), "bed-201", "201", "Call", EventOutcome.RAISED);
        var presence = new AlarmRecords.PresenceRecord("site-1", "201", "kari", true);
        assertThat(AlarmRecords.decodeDeviceEvent(AlarmRecords.encode(event))).isEqualTo(event);
        assertThat(AlarmRecords.decodePresence(AlarmRecords.encode(presence))).isEqualTo(presence);
        var withNulls = new AlarmRecords.DeviceEventRecord("site-1", null, null, null, null, null);
        assertThat(AlarmRecords.decodeDeviceEvent(AlarmRecords.encode(withNulls)))
                .isEqualTo(withNulls);
    }

    /**
     * Payloads as written, with a byte deleted, inserted or replaced at random: whatever the fast
     * reader reads (rather than leaving to the full decoder), the full decoder reads alike.
     */
    @Test
    void whatever_the_fast_reader_reads_the_full_decoder_reads_alike() {
        var random = new SplittableRandom(11);
        var alarm = alarm(
                AlarmState.ACCEPTED,
                RAISED,
                RAISED.plusMillis(1500),
                "kari",
                RAISED.plusSeconds(30),
                Map.of("kari", DeliveryStatus.ACCEPTED, "ola", DeliveryStatus.SEEN));
        byte[] alarmRecord = json(
                new AlarmRecords.AlarmRecord("site-1", AlarmChange.Kind.ACCEPTED, "kari", null, List.of("ola"), alarm));
        byte[] deviceEvent = AlarmRecords.encode(new AlarmRecords.DeviceEventRecord(
                "site-1", UUID.randomUUID(), "bed-201", "201", "Call", EventOutcome.RAISED));
        byte[] presence = AlarmRecords.encode(new AlarmRecords.PresenceRecord("site-1", "201", "kari", false));
        byte[] tokens = json("\"{}[],:\\ 0123456789-.eEaAfFtrunlTZ\u00e6");
        int fastReads = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] m = mutate(random, i % 3 == 0 ? alarmRecord : i % 3 == 1 ? deviceEvent : presence, tokens);
            Object fast;
            Object full;
            if (i % 3 == 0) {
                fast = outcome(() -> AlarmSummaryReader.summary(m));
                full = outcome(() -> full(m));
            } else if (i % 3 == 1) {
                fast = outcome(() -> AlarmSummaryReader.deviceEvent(m));
                full = outcome(() -> AlarmRecords.decode(m, AlarmRecords.DeviceEventRecord.class));
            } else {
                fast = outcome(() -> AlarmSummaryReader.presence(m));
                full = outcome(() -> AlarmRecords.decode(m, AlarmRecords.PresenceRecord.class));
            }
            if (fast != JsonScanner.NotSimple.class) {
                fastReads++;
                assertThat(fast).as(new String(m, StandardCharsets.UTF_8)).isEqualTo(full);
            }
        }
        assertThat(fastReads).as("mutations the fast reader read itself").isGreaterThan(1_000);
    }

    private static byte[] mutate(SplittableRandom random, byte[] payload, byte[] tokens) {
        int at = random.nextInt(payload.length);
        byte token = tokens[random.nextInt(tokens.length)];
        return switch (random.nextInt(3)) {
            case 0 -> { // delete
                byte[] m = new byte[payload.length - 1];
                System.arraycopy(payload, 0, m, 0, at);
                System.arraycopy(payload, at + 1, m, at, payload.length - at - 1);
                yield m;
            }
            case 1 -> { // insert
                byte[] m = new byte[payload.length + 1];
                System.arraycopy(payload, 0, m, 0, at);
                m[at] = token;
                System.arraycopy(payload, at, m, at + 1, payload.length - at);
                yield m;
            }
            default -> { // replace
                byte[] m = payload.clone();
                m[at] = token;
                yield m;
            }
        };
    }

    @Test
    void instants_read_by_the_fast_parser_are_the_ones_instant_parse_reads() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            // 1900 to 2200, with 0, 3, 6 or 9 digits of fraction as Instant.toString writes them
            Instant at = Instant.ofEpochSecond(
                    random.nextLong(-2_208_988_800L, 7_258_118_400L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
            assertThat(fastInstant(at.toString())).isEqualTo(at);
        }
        for (String odd : List.of(
                "2026-11-23T10:00:00.1Z",
                "2026-11-23T10:00:00.123456789Z",
                "2026-12-31T23:59:60Z",
                "2026-11-23T10:00:00.Z",
                "+12026-11-23T10:00:00Z",
                "2026-02-30T10:00:00Z",
                "2026-11-23T25:00:00Z",
                "2026-1a-23T10:00:00Z",
                "2026-11-23T10:00:00+01:00")) {
            Object fast = outcome(() -> fastInstant(odd));
            // What the fast parser does not read goes to the general decoder.
            assertThat(fast).as(odd).isIn(outcome(() -> Instant.parse(odd)), JsonScanner.NotSimple.class);
        }
    }

    private static Instant fastInstant(String text) {
        return new JsonScanner(json("\"" + text + "\"")).instant();
    }

    /** The value, or the class of the exception. */
    private static Object outcome(java.util.function.Supplier<Object> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static Class<? extends Throwable> failure(Runnable decode) {
        try {
            decode.run();
        } catch (RuntimeException e) {
            return e.getClass();
        }
        throw new AssertionError("expected a failure");
    }
}
