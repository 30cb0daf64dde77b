package no.pasientsignal.console.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.ArrayDeque;
import java.util.List;
import no.pasientsignal.console.admin.ui.FacilityView.Kind;
import no.pasientsignal.console.admin.ui.FacilityView.Node;
import no.pasientsignal.console.client.AdminClient.Location;
import no.pasientsignal.console.client.AdminClient.NewLocation;
import no.pasientsignal.console.client.AdminClient.NewRoom;
import no.pasientsignal.console.client.AdminClient.Room;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.AdminClient.Ward;
import no.pasientsignal.console.client.AdminClient.Zone;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sites, wards, zones and rooms through the tree view, against the real server, read back over the API. */
class FacilityAdminIT {

    private KaribuConsole console;
    private final AdminApi api = new AdminApi();

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("admin/facility");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void a_site_ward_zone_and_room_with_its_locations_are_created_down_the_tree() {
        String siteName = AdminApi.unique("Solsiden");
        assertThat(_get(H2.class, spec -> spec.withText("Ny institusjon"))).isNotNull();
        create(siteName);
        assertThat(selected()).extracting(Node::kind, Node::name).containsExactly(Kind.SITE, siteName);
        assertThat(_get(H2.class, spec -> spec.withText("Ny avdeling i " + siteName)))
                .isNotNull();
        create("Avdeling 1 Vest");
        create("Korridor B");
        assertThat(selected().kind()).isEqualTo(Kind.ZONE);

        _setValue(field("admin-facility-room-number"), "101");
        _setValue(field("admin-facility-room-name"), "Enkeltrom");
        // a bed comes with the form; add the bathroom
        assertThat(field("admin-location-0-label").getValue()).isEqualTo("Seng");
        _click(_get(Button.class, spec -> spec.withId("admin-location-add")));
        _setValue(kind("admin-location-1-kind"), "BATHROOM");
        _setValue(field("admin-location-1-label"), "Bad");
        _click(_get(Button.class, spec -> spec.withId("admin-facility-create-room")));

        assertThat(text("admin-facility-status-saved")).isEqualTo("Opprettet.");
        assertThat(selected()).extracting(Node::kind, Node::name).containsExactly(Kind.ROOM, "101 Enkeltrom");
        @SuppressWarnings("unchecked")
        Grid<Location> locations = _get(Grid.class, spec -> spec.withId("admin-facility-locations"));
        assertThat(GridKt._size(locations)).isEqualTo(2);

        // read back from the server
        Site site = api.client.sites(api.token).stream()
                .filter(s -> s.name().equals(siteName))
                .findFirst()
                .orElseThrow();
        Ward ward = api.client.wards(api.token, site.id()).getFirst();
        assertThat(ward.name()).isEqualTo("Avdeling 1 Vest");
        Zone zone = api.client.zones(api.token, ward.id()).getFirst();
        assertThat(zone.name()).isEqualTo("Korridor B");
        Room room = api.client.rooms(api.token, zone.id()).getFirst();
        assertThat(room).extracting(Room::number, Room::name).containsExactly("101", "Enkeltrom");
        assertThat(api.client.locations(api.token, room.id()))
                .extracting(Location::kind, Location::label)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("BED", "Seng"),
                        org.assertj.core.groups.Tuple.tuple("BATHROOM", "Bad"));
    }

    @Test
    void a_refused_room_shows_the_servers_sentence_and_keeps_the_form_as_typed() {
        AdminApi.OwnSite own = api.ownSite("Avvist");
        UI.getCurrent().navigate("admin/facility"); // to show the site made over the API
        tree().select(node(own.zones().getFirst().id()));

        _setValue(field("admin-facility-room-number"), "7");
        _setValue(field("admin-facility-room-name"), "Dobbeltrom");
        _click(_get(Button.class, spec -> spec.withId("admin-location-add")));
        _setValue(kind("admin-location-1-kind"), "BED");
        // the same label twice: only the database knows labels are unique in a room
        _setValue(field("admin-location-1-label"), "Seng");
        _click(_get(Button.class, spec -> spec.withId("admin-facility-create-room")));

        assertThat(text("admin-facility-status-error"))
                .startsWith("Signalserveren godtok det ikke:")
                .contains("Nothing was saved");
        assertThat(field("admin-facility-room-number").getValue()).isEqualTo("7");
        assertThat(field("admin-facility-room-name").getValue()).isEqualTo("Dobbeltrom");
        assertThat(field("admin-location-0-label").getValue()).isEqualTo("Seng");
        assertThat(kind("admin-location-1-kind").getValue()).isEqualTo("BED");
        assertThat(field("admin-location-1-label").getValue()).isEqualTo("Seng");
        assertThat(api.client.rooms(api.token, own.zones().getFirst().id())).isEmpty();
    }

    @Test
    void a_site_and_a_zone_are_renamed_and_a_room_gets_another_location() {
        AdminApi.OwnSite own = api.ownSite("Gammelt navn");
        Room room = api.client.createRoom(
                api.token,
                own.zones().getFirst().id(),
                new NewRoom("3", "Rom 3", List.of(new NewLocation("BED", "Seng"))));
        UI.getCurrent().navigate("admin/facility");

        tree().select(node(own.site().id()));
        String siteName = AdminApi.unique("Nytt navn");
        _setValue(field("admin-facility-rename"), siteName);
        _click(_get(Button.class, spec -> spec.withId("admin-facility-rename-save")));
        assertThat(text("admin-facility-status-saved")).isEqualTo("Lagret.");
        assertThat(api.client.sites(api.token)).extracting(Site::name).contains(siteName);

        tree().select(node(own.zones().getFirst().id()));
        _setValue(field("admin-facility-rename"), "Nordfløyen");
        _click(_get(Button.class, spec -> spec.withId("admin-facility-rename-save")));
        assertThat(api.client.zones(api.token, own.ward().id()))
                .extracting(Zone::name)
                .contains("Nordfløyen");
        assertThat(selected().name()).isEqualTo("Nordfløyen");

        tree().select(node(room.id()));
        _setValue(kind("admin-facility-new-location-kind"), "BATHROOM");
        _setValue(field("admin-facility-new-location-label"), "Bad");
        _click(_get(Button.class, spec -> spec.withId("admin-facility-add-location")));
        assertThat(api.client.locations(api.token, room.id()))
                .extracting(Location::label)
                .containsExactlyInAnyOrder("Seng", "Bad");
        @SuppressWarnings("unchecked")
        Grid<Location> locations = _get(Grid.class, spec -> spec.withId("admin-facility-locations"));
        assertThat(GridKt._size(locations)).isEqualTo(2);

        // a label the room has already: refused, and the form keeps it
        _setValue(kind("admin-facility-new-location-kind"), "BED");
        _setValue(field("admin-facility-new-location-label"), "Seng");
        _click(_get(Button.class, spec -> spec.withId("admin-facility-add-location")));
        assertThat(text("admin-facility-status-error")).startsWith("Signalserveren godtok det ikke:");
        assertThat(kind("admin-facility-new-location-kind").getValue()).isEqualTo("BED");
        assertThat(field("admin-facility-new-location-label").getValue()).isEqualTo("Seng");
        assertThat(api.client.locations(api.token, room.id())).hasSize(2);
    }

    @Test
    void an_empty_name_is_caught_in_the_form() {
        _click(_get(Button.class, spec -> spec.withId("admin-facility-create")));
        assertThat(field("admin-facility-name").isInvalid()).isTrue();
        assertThat(text("admin-facility-status-error")).contains("Noen felt må rettes");
    }

    private void create(String name) {
        _setValue(field("admin-facility-name"), name);
        _click(_get(Button.class, spec -> spec.withId("admin-facility-create")));
        assertThat(text("admin-facility-status-saved")).isEqualTo("Opprettet.");
    }

    private static Node selected() {
        return _get(FacilityView.class).selected().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<Node> tree() {
        return _get(TreeGrid.class, spec -> spec.withId("admin-facility-tree"));
    }

    private static Node node(String id) {
        TreeData<Node> data = ((TreeDataProvider<Node>) tree().getDataProvider()).getTreeData();
        var queue = new ArrayDeque<>(data.getRootItems());
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (n.id().equals(id)) {
                return n;
            }
            queue.addAll(data.getChildren(n));
        }
        throw new AssertionError("no node " + id + " in the tree");
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<String> kind(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
