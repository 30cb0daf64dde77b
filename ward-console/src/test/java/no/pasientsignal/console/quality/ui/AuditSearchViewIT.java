package no.pasientsignal.console.quality.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByKey;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AuditClient;
import no.pasientsignal.console.client.AuditHit;
import no.pasientsignal.console.client.AuditQuery;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.quality.FallInOwnWard;
import no.pasientsignal.console.shell.NoAccessView;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quality lead's audit search against the real signal server, with a real fall from device-sim in it. */
class AuditSearchViewIT {

    private static FallInOwnWard fall;
    private KaribuConsole console;

    @BeforeAll
    static void raiseTheFall() {
        fall = FallInOwnWard.get();
    }

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("login");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void the_quality_lead_finds_the_fall_by_its_sensor_and_sees_all_of_it() {
        openAsQualityLead();
        _setValue(_get(TextField.class, spec -> spec.withId("audit-q")), FallInOwnWard.DEVICE_ID);
        _setValue(select("audit-kind"), "alarm");
        _click(_get(Button.class, spec -> spec.withId("audit-search")));

        Grid<AuditHit> grid = grid();
        assertThat(_size(grid)).isEqualTo(1);
        AuditHit hit = _get(grid, 0);
        assertThat(hit.type()).isEqualTo("FALL");
        assertThat(hit.resident()).isEqualTo(fall.residentId);
        assertThat(text("audit-total")).isEqualTo("1 treff");

        _selectRow(grid, 0);
        assertThat(_get(Span.class, spec -> spec.withId("audit-detail-type")).getText())
                .isEqualTo("FALL");
        assertThat(_get(Span.class, spec -> spec.withId("audit-detail-ward")).getText())
                .isEqualTo(FallInOwnWard.WARD_NAME);
        assertThat(_get(Span.class, spec -> spec.withId("audit-detail-device")).getText())
                .isEqualTo(FallInOwnWard.DEVICE_ID);
    }

    @Test
    void facets_count_the_fall_and_clicking_one_filters_by_it() {
        openAsQualityLead();
        _setValue(_get(TextField.class, spec -> spec.withId("audit-q")), FallInOwnWard.DEVICE_ID);
        _click(_get(Button.class, spec -> spec.withId("audit-search")));
        // the sensor's own records (registration, enrolment, the event) match its id too
        assertThat(_size(grid())).isGreaterThan(1);

        Button fallFacet = _get(Button.class, spec -> spec.withId("audit-facet-type-FALL"));
        assertThat(fallFacet.getText()).isEqualTo("FALL (1)");
        Button wardFacet =
                _get(Button.class, spec -> spec.withId("audit-facet-ward-" + AuditSearchView.safeId(fall.wardId)));
        assertThat(wardFacet.getText()).isEqualTo(FallInOwnWard.WARD_NAME + " (1)");

        _click(fallFacet);
        assertThat(_get(TextField.class, spec -> spec.withId("audit-type")).getValue())
                .isEqualTo("FALL");
        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_get(grid(), 0).type()).isEqualTo("FALL");
    }

    @Test
    void pages_go_through_the_server_one_page_at_a_time() {
        openAsQualityLead();
        _setValue(select("audit-page-size"), 25);
        // every search is journaled, so these make sure there are more than two pages of records
        for (int i = 0; i < 60; i++) {
            _click(_get(Button.class, spec -> spec.withId("audit-search")));
        }
        // oldest first: the records these searches add go to the end, so the first pages stay put
        _sortByKey(grid(), "time", SortDirection.ASCENDING);
        assertThat(_size(grid())).isEqualTo(25);
        var firstPage = new HashSet<>(ids());
        assertThat(_get(Button.class, spec -> spec.withId("audit-previous")).isEnabled())
                .isFalse();

        _click(_get(Button.class, spec -> spec.withId("audit-next")));
        assertThat(text("audit-page")).startsWith("Side 2 av ");
        assertThat(_size(grid())).isEqualTo(25);
        assertThat(ids()).doesNotContainAnyElementsOf(firstPage);

        _click(_get(Button.class, spec -> spec.withId("audit-previous")));
        assertThat(new HashSet<>(ids())).isEqualTo(firstPage);
    }

    @Test
    void sorting_a_column_asks_the_server_for_that_order() {
        openAsQualityLead();
        _setValue(_get(TextField.class, spec -> spec.withId("audit-q")), FallInOwnWard.DEVICE_ID);
        _click(_get(Button.class, spec -> spec.withId("audit-search")));
        Grid<AuditHit> grid = grid();
        _sortByKey(grid, "time", SortDirection.ASCENDING);
        List<AuditHit> ascending = hits();
        assertThat(ascending).extracting(AuditHit::time).isSorted();
        _sortByKey(grid, "time", SortDirection.DESCENDING);
        List<AuditHit> descending = hits();
        assertThat(descending).extracting(AuditHit::time).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the searches themselves are journaled with the sensor's id in them, so only the other records are
        // the same in both answers: the sensor's registration, enrolment, event and the fall, in reverse
        List<String> ascendingIds = notSearches(ascending);
        assertThat(ascendingIds).contains(fallAlarmId(ascending)).hasSizeGreaterThan(2);
        assertThat(notSearches(descending)).containsExactlyElementsOf(ascendingIds.reversed());
    }

    @Test
    void the_csv_export_holds_the_same_search_with_the_fall() {
        openAsQualityLead();
        _setValue(_get(TextField.class, spec -> spec.withId("audit-q")), FallInOwnWard.DEVICE_ID);
        _setValue(select("audit-kind"), "alarm");
        _click(_get(Button.class, spec -> spec.withId("audit-search")));
        _click(_get(Button.class, spec -> spec.withId("audit-csv")));

        byte[] csv = DownloadKt.download(_get(Anchor.class, spec -> spec.withId("audit-csv-download")));
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2); // the header and the one fall
        assertThat(lines.get(1)).contains("FALL", FallInOwnWard.DEVICE_ID, fall.residentId);
    }

    @Test
    void a_query_the_server_cannot_read_is_refused_with_its_sentence_and_the_query_stays() {
        openAsQualityLead();
        TextField query = _get(TextField.class, spec -> spec.withId("audit-q"));
        _setValue(query, "type:(FALL");
        _click(_get(Button.class, spec -> spec.withId("audit-search")));

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("audit-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Signalserveren godtok det ikke: q could not be read");
        assertThat(query.getValue()).isEqualTo("type:(FALL");
    }

    @Test
    void nurses_and_technicians_are_refused_the_audit_search() {
        for (String user : List.of("sykepleier", "tekniker")) {
            UI.getCurrent().navigate("login");
            KaribuConsole.logInAsDemo(user);
            UI.getCurrent().navigate("audit");
            _get(NoAccessView.class);
            assertThat(_find(AuditSearchView.class)).isEmpty();
            _click(_get(Button.class, spec -> spec.withId("logout-button")));
        }
    }

    @Test
    void the_server_itself_refuses_the_audit_trail_to_a_nurse() {
        KaribuConsole.logInAsDemo("sykepleier");
        ConsoleServices services = ConsoleServices.current();
        var nurse = services.authentication().currentUser().orElseThrow();

        assertThatThrownBy(() -> new AuditClient(services.api()).search(AuditQuery.everything(), 0, 10, nurse.token()))
                .isInstanceOfSatisfying(
                        SignalServerException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignalServerException.Reason.FORBIDDEN));
    }

    private static void openAsQualityLead() {
        KaribuConsole.logInAsDemo("kvalitet");
        UI.getCurrent().navigate("audit");
        _get(AuditSearchView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditHit> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }

    private static List<AuditHit> hits() {
        Grid<AuditHit> grid = grid();
        return java.util.stream.IntStream.range(0, _size(grid))
                .mapToObj(i -> _get(grid, i))
                .toList();
    }

    private static List<String> notSearches(List<AuditHit> hits) {
        return hits.stream()
                .filter(h -> !"search".equals(h.type()))
                .map(AuditHit::id)
                .toList();
    }

    private static String fallAlarmId(List<AuditHit> hits) {
        return hits.stream()
                .filter(h -> "FALL".equals(h.type()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static List<String> ids() {
        return hits().stream().map(AuditHit::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .getElement()
                .getText();
    }
}
