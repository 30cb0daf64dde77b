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
    void instants_read_by_the_fast_parser_are_the_ones_instant_parse_reads() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
            assertThat(AlarmSummaryReader.instant(at.toString())).isEqualTo(at);
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
            assertThat(outcome(() -> AlarmSummaryReader.instant(odd)))
                    .as(odd)
                    .isEqualTo(outcome(() -> Instant.parse(odd)));
        }
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
