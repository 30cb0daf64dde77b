package no.pasientsignal.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void filters_go_in_the_apis_order_and_blank_ones_are_left_out() {
        var filters = new LinkedHashMap<String, String>();
        filters.put("kind", "alarm");
        filters.put("type", " FALL ");
        filters.put("room", "");
        filters.put("actor", null);
        var query = new AuditQuery("fall natt", filters, null, null, null, true);

        assertThat(query.toQuery().toQueryString()).isEqualTo("?q=fall+natt&type=FALL&kind=alarm&order=desc");
    }

    @Test
    void the_time_range_is_sent_with_its_offset_and_the_sort_with_its_direction() {
        var query = new AuditQuery(
                "",
                Map.of(),
                OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)),
                "timeToAccept",
                false);

        assertThat(query.toQuery().toQueryString())
                .isEqualTo(
                        "?from=2026-03-01T00%3A00%2B01%3A00&to=2026-04-01T00%3A00%2B02%3A00&sort=timeToAccept&order=asc");
    }

    @Test
    void a_field_the_server_does_not_filter_on_is_refused_before_asking() {
        assertThatThrownBy(() -> new AuditQuery("", Map.of("name", "Kari"), null, null, null, true))
                .hasMessageContaining("name is not a filter");
    }
}
