package no.pasientsignal.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    @Test
    void event_with_name_and_data_is_dispatched_at_the_blank_line() {
        parser.feed("event: call\ndata: {\"change\":\"RAISED\"}\n");
        assertThat(events).isEmpty();

        parser.feed("\n");

        assertThat(events).containsExactly(new SseEvent("call", "{\"change\":\"RAISED\"}", null));
    }

    @Test
    void multi_line_data_is_joined_with_newlines() {
        parser.feed("event: call\ndata: first\ndata: second\ndata:\ndata: fourth\n\n");

        assertThat(events).singleElement().extracting(SseEvent::data).isEqualTo("first\nsecond\n\nfourth");
    }

    @Test
    void comments_and_keep_alives_are_skipped() {
        parser.feed(": connected\n\n:keep-alive\n\nevent: call\n: a comment inside an event\ndata: x\n\n:ping\n\n");

        assertThat(events).containsExactly(new SseEvent("call", "x", null));
        assertThat(parser.comments()).isEqualTo(4);
    }

    @ParameterizedTest(name = "line ending {index}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void every_line_ending_is_understood(String eol) {
        parser.feed("event: call" + eol + "data: a" + eol + "data: b" + eol + eol + "data: c" + eol + eol);

        assertThat(events).containsExactly(new SseEvent("call", "a\nb", null), new SseEvent("message", "c", null));
    }

    @Test
    void crlf_split_between_chunks_is_one_line_ending() {
        parser.feed("data: a\r");
        parser.feed("\n\r");
        parser.feed("\ndata: b\r\n\r\n");

        assertThat(events).extracting(SseEvent::data).containsExactly("a", "b");
    }

    @Test
    void text_fed_one_character_at_a_time_gives_the_same_events() {
        String stream =
                ": hello\r\nevent: call\r\ndata: {\"change\":\"RAISED\",\r\ndata: \"room\":\"Rom 201 – Øst\"}\r\n\r\n"
                        + "event: call\ndata: second\n\n";
        List<SseEvent> whole = new ArrayList<>();
        new SseParser(whole::add).feed(stream);

        for (char c : stream.toCharArray()) {
            parser.feed(String.valueOf(c));
        }

        assertThat(events).hasSize(2).isEqualTo(whole);
        assertThat(events.getFirst().data()).isEqualTo("{\"change\":\"RAISED\",\n\"room\":\"Rom 201 – Øst\"}");
    }

    @Test
    void chunks_from_a_reader_buffer_are_parsed_by_offset_and_length() {
        char[] buffer = "xxdata: a\n\nyy".toCharArray();

        parser.feed(buffer, 2, buffer.length - 4);

        assertThat(events).extracting(SseEvent::data).containsExactly("a");
    }

    @Test
    void event_without_data_is_not_dispatched_and_its_name_does_not_leak() {
        parser.feed("event: call\n\ndata: plain\n\n");

        assertThat(events).containsExactly(new SseEvent("message", "plain", null));
    }

    @Test
    void only_one_space_after_the_colon_is_removed() {
        parser.feed("data:no-space\n\ndata:  two-spaces\n\n");

        assertThat(events).extracting(SseEvent::data).containsExactly("no-space", " two-spaces");
    }

    @Test
    void field_without_colon_is_a_field_with_an_empty_value() {
        parser.feed("data\n\n");

        assertThat(events).containsExactly(new SseEvent("message", "", null));
    }

    @Test
    void id_is_remembered_and_retry_is_read_while_unknown_fields_are_ignored() {
        parser.feed("id: 7\nretry: 2500\nfoo: bar\ndata: a\n\ndata: b\n\nretry: soon\n\n");

        assertThat(events).containsExactly(new SseEvent("message", "a", "7"), new SseEvent("message", "b", "7"));
        assertThat(parser.lastEventId()).isEqualTo("7");
        assertThat(parser.retryMillis()).hasValue(2500);
    }

    @Test
    void byte_order_mark_at_the_start_is_dropped() {
        parser.feed("\uFEFFevent: call\ndata: a\n\n");

        assertThat(events).containsExactly(new SseEvent("call", "a", null));
    }

    @Test
    void an_unfinished_event_is_never_dispatched() {
        parser.feed("event: call\ndata: cut off");

        assertThat(events).isEmpty();
    }
}
