package no.pasientsignal.console.devices.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import no.pasientsignal.console.client.DevicesClient.Device;
import no.pasientsignal.console.client.DevicesClient.Location;
import no.pasientsignal.console.client.DevicesClient.Room;
import no.pasientsignal.console.devices.service.HealthState;
import no.pasientsignal.console.devices.ui.DevicesFixture.NewRoom;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.shell.NoAccessView;
import no.pasientsignal.console.testsupport.KaribuConsole;
import no.pasientsignal.console.testsupport.RealSignalServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device inventory and a device's life cycle in the console, against the real signal server and device-sim. */
class DevicesViewIT {

    private KaribuConsole console;
    private DevicesFixture fixture;

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        fixture = new DevicesFixture();
        UI.getCurrent().navigate("");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void a_registered_device_appears_in_the_inventory_with_its_one_time_credential_shown() {
        NewRoom room = fixture.newRoom();
        openAsTechnician();
        String deviceId = DevicesFixture.uniqueId("karibu-call");

        register(deviceId, "CALL_BUTTON", "SN-" + deviceId, room);

        assertThat(_find(Paragraph.class, spec -> spec.withId("devices-register-error")))
                .isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("devices-credential-identity"))
                        .getValue())
                .isNotBlank();
        assertThat(_get(TextField.class, spec -> spec.withId("devices-credential-secret"))
                        .getValue())
                .matches("[0-9a-f]{64}");
        assertThat(_get(Paragraph.class, spec -> spec.withId("devices-credential-expires"))
                        .getText())
                .startsWith("Gyldig til ");
        Device shown = row(deviceId);
        assertThat(shown.roomName()).isEqualTo(room.name());
        assertThat(shown.state()).isEqualTo("REGISTERED");
        assertThat(healthText(deviceId)).isEqualTo("Venter på signal");

        // once hidden it is gone: the server shows a credential once, and the console keeps no copy
        CredentialPanel panel = _get(CredentialPanel.class);
        _click(_get(Button.class, spec -> spec.withId("devices-credential-done")));
        assertThat(_find(CredentialPanel.class)).isEmpty();
        assertThat(panel.getChildren()
                        .flatMap(c -> c.getChildren())
                        .filter(TextField.class::isInstance)
                        .map(c -> ((TextField) c).getValue()))
                .hasSize(2)
                .allMatch(String::isEmpty);
    }

    @Test
    void device_sim_enrols_with_the_credential_shown_and_its_heartbeat_shows_it_online() {
        NewRoom room = fixture.newRoom();
        openAsTechnician();
        String deviceId = DevicesFixture.uniqueId("karibu-enrol");
        register(deviceId, "CALL_BUTTON", "SN-" + deviceId, room);
        String identity = _get(TextField.class, spec -> spec.withId("devices-credential-identity"))
                .getValue();
        String secret = _get(TextField.class, spec -> spec.withId("devices-credential-secret"))
                .getValue();

        RealSignalServer sim = RealSignalServer.shared();
        assertThat(sim.sim("enrol", room.number(), "--device", deviceId, "--identity", identity, "--secret", secret))
                .isZero();
        assertThat(sim.sim(
                        "heartbeat",
                        room.number(),
                        "--device",
                        deviceId,
                        "--battery",
                        "64",
                        "--rssi=-70",
                        "--fw",
                        "2.1.0"))
                .isZero();

        _click(_get(Button.class, spec -> spec.withId("devices-refresh")));
        assertThat(healthText(deviceId)).isEqualTo("Tilkoblet");
        List<String> cells = GridKt._getFormattedRow(grid(), row(deviceId));
        assertThat(cells).contains("64 %", "-70 dBm", "2.1.0", "Rom " + room.number() + ", seng");
        assertThat(row(deviceId).lastSeen()).isNotNull();

        // the health filter finds it among the online devices
        ComboBox<HealthState> health = comboBox("devices-filter-health");
        _setValue(health, HealthState.ONLINE);
        assertThat(shownIds()).contains(deviceId);
        _setValue(health, HealthState.SILENT);
        assertThat(shownIds()).doesNotContain(deviceId);
    }

    @Test
    void a_new_credential_can_be_issued_for_a_device_in_service() {
        NewRoom room = fixture.newRoom();
        String deviceId = DevicesFixture.uniqueId("karibu-again");
        fixture.registerAtBed(deviceId, "CALL_BUTTON", room);
        openAsTechnician();
        search(deviceId);
        grid().select(row(deviceId));

        _click(_get(Button.class, spec -> spec.withId("devices-enrol")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("devices-credential-device"))
                        .getText())
                .isEqualTo("Enhet: " + deviceId);
        assertThat(_get(TextField.class, spec -> spec.withId("devices-credential-secret"))
                        .getValue())
                .matches("[0-9a-f]{64}");
    }

    @Test
    void decommissioning_asks_first_names_the_protection_lost_and_then_the_gap_appears() {
        NewRoom room = fixture.newRoom();
        String deviceId = DevicesFixture.uniqueId("karibu-old");
        fixture.registerAtBed(deviceId, "CALL_BUTTON", room);
        String resident = fixture.newResident(room, "CALL_BUTTON");
        openAsTechnician();
        search(deviceId);
        grid().select(row(deviceId));

        _click(_get(Button.class, spec -> spec.withId("devices-decommission")));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("devices-decommission-residents"))
                        .getElement()
                        .getChild(0)
                        .getTextRecursively())
                .isEqualTo("Beboer " + resident + " (" + room.name() + "): Anropsknapp ved seng");
        // cancelling changes nothing
        _click(_get(Button.class, spec -> spec.withId("devices-decommission-cancel")));
        assertThat(fixture.stateOf(deviceId)).isEqualTo("REGISTERED");

        _click(_get(Button.class, spec -> spec.withId("devices-decommission")));
        _click(_get(Button.class, spec -> spec.withId("devices-decommission-confirm")));

        assertThat(fixture.stateOf(deviceId)).isEqualTo("DECOMMISSIONED");
        assertThat(row(deviceId).state()).isEqualTo("DECOMMISSIONED");
        assertThat(healthText(deviceId)).isEqualTo("Ute av drift");

        UI.getCurrent().navigate("protection-gaps");
        Grid<?> gaps = _get(Grid.class, spec -> spec.withId("gaps-grid"));
        Awaitility.await("the gap of " + resident)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    _click(_get(Button.class, spec -> spec.withId("gaps-refresh")));
                    assertThat(formattedRows(gaps))
                            .contains(List.of(
                                    room.name(),
                                    "Beboer " + resident,
                                    "Anropsknapp",
                                    "seng",
                                    // the server unmounts a decommissioned device: the bed has none now
                                    "ingen slik enhet installert",
                                    "",
                                    "",
                                    ""));
                });
    }

    @Test
    void replacing_takes_a_new_id_keeps_it_on_refusal_and_shows_the_new_devices_credential() {
        NewRoom room = fixture.newRoom();
        String oldId = DevicesFixture.uniqueId("karibu-broken");
        String newId = DevicesFixture.uniqueId("karibu-new");
        fixture.registerAtBed(oldId, "CALL_BUTTON", room);
        openAsTechnician();
        search(oldId);
        grid().select(row(oldId));

        _click(_get(Button.class, spec -> spec.withId("devices-replace")));
        _setValue(textField("devices-replace-id"), "call-201");
        _setValue(textField("devices-replace-serial"), "SN-" + newId);
        _click(_get(Button.class, spec -> spec.withId("devices-replace-confirm")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("devices-replace-error"))
                        .getText())
                .startsWith("Signalserveren godtok det ikke: ")
                .contains("Nothing was saved");
        assertThat(textField("devices-replace-serial").getValue()).isEqualTo("SN-" + newId);
        assertThat(fixture.stateOf(oldId)).isEqualTo("REGISTERED");

        _setValue(textField("devices-replace-id"), newId);
        _click(_get(Button.class, spec -> spec.withId("devices-replace-confirm")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("devices-credential-device"))
                        .getText())
                .isEqualTo("Enhet: " + newId);
        assertThat(fixture.stateOf(oldId)).isEqualTo("REPLACED");
        assertThat(fixture.stateOf(newId)).isEqualTo("REGISTERED");
        assertThat(row(oldId).state()).isEqualTo("REPLACED");
    }

    @Test
    void a_refused_registration_shows_the_servers_sentence_and_keeps_what_was_typed() {
        NewRoom room = fixture.newRoom();
        openAsTechnician();

        // call-201 is the demo ward's: the id is taken
        register("call-201", "CALL_BUTTON", "SN-dup-" + room.number(), room);
        Paragraph error = _get(Paragraph.class, spec -> spec.withId("devices-register-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .startsWith("Signalserveren godtok det ikke: ")
                .contains("Nothing was saved");
        assertThat(textField("devices-register-id").getValue()).isEqualTo("call-201");
        assertThat(textField("devices-register-serial").getValue()).isEqualTo("SN-dup-" + room.number());
        assertThat(DevicesViewIT.<String>comboBox("devices-register-type").getValue())
                .isEqualTo("CALL_BUTTON");
        assertThat(DevicesViewIT.<Room>comboBox("devices-register-room")
                        .getValue()
                        .id())
                .isEqualTo(room.id());
        assertThat(DevicesViewIT.<Location>comboBox("devices-register-location")
                        .getValue()
                        .id())
                .isEqualTo(room.bedLocationId());
        assertThat(_find(CredentialPanel.class))
                .as("no credential after a refusal")
                .isEmpty();

        // an id the server does not accept: its own sentence names the field
        _setValue(textField("devices-register-id"), "bad id!");
        _click(_get(Button.class, spec -> spec.withId("devices-register-save")));
        assertThat(error.getText()).contains("deviceId").contains("must be 1-64");
        assertThat(textField("devices-register-id").getValue()).isEqualTo("bad id!");
        assertThat(shownIds()).doesNotContain("bad id!");
    }

    @Test
    void an_administrator_may_open_the_inventory() {
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("devices");
        assertThat(shownIds()).contains("call-201");

        search("CALL-201");
        assertThat(shownIds()).containsExactly("call-201");
        assertThat(_get(Paragraph.class, spec -> spec.withId("devices-summary")).getText())
                .isEqualTo("1 enhet vises.");
    }

    @Test
    void nurses_and_quality_leads_are_refused() {
        for (String user : List.of("sykepleier", "kvalitet")) {
            UI.getCurrent().navigate("");
            KaribuConsole.logInAsDemo(user);
            UI.getCurrent().navigate("devices");
            _get(NoAccessView.class);
            assertThat(_find(DevicesView.class)).isEmpty();
            UI.getCurrent().navigate("protection-gaps");
            _get(NoAccessView.class);
            assertThat(_find(ProtectionGapsView.class)).isEmpty();
            console.services().authentication().logout();
        }
    }

    private static void openAsTechnician() {
        KaribuConsole.logInAsDemo("tekniker");
        UI.getCurrent().navigate("devices");
        _get(DevicesView.class);
    }

    @SuppressWarnings("unchecked")
    private static void register(String deviceId, String type, String serial, NewRoom room) {
        _click(_get(Button.class, spec -> spec.withId("devices-register")));
        _setValue(textField("devices-register-id"), deviceId);
        ComboBox<String> types = comboBox("devices-register-type");
        _setValue(types, type);
        _setValue(textField("devices-register-serial"), serial);
        ComboBox<Room> rooms = comboBox("devices-register-room");
        Room chosen = rooms.getListDataView()
                .getItems()
                .filter(r -> r.id().equals(room.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(room.name() + " not offered"));
        _setValue(rooms, chosen);
        ComboBox<Location> locations = comboBox("devices-register-location");
        Location bed = locations
                .getListDataView()
                .getItems()
                .filter(l -> l.id().equals(room.bedLocationId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bed offered in " + room.name()));
        _setValue(locations, bed);
        _click(_get(Button.class, spec -> spec.withId("devices-register-save")));
    }

    private static void search(String text) {
        _setValue(textField("devices-filter-text"), text);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Device> grid() {
        return _get(Grid.class, spec -> spec.withId("devices-grid"));
    }

    private static Device row(String deviceId) {
        return grid().getListDataView()
                .getItems()
                .filter(d -> d.deviceId().equals(deviceId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deviceId + " not in the inventory: " + shownIds()));
    }

    private static List<String> shownIds() {
        return grid().getListDataView().getItems().map(Device::deviceId).toList();
    }

    private static String healthText(String deviceId) {
        Grid<Device> grid = grid();
        int index =
                grid.getListDataView().getItems().map(Device::deviceId).toList().indexOf(deviceId);
        return ((Span) GridKt._getCellComponent(grid, index, "health")).getText();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<List<String>> formattedRows(Grid gaps) {
        return ((Grid<Object>) gaps)
                .getListDataView()
                .getItems()
                .map(item -> GridKt._getFormattedRow((Grid<Object>) gaps, item))
                .toList();
    }

    private static TextField textField(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }
}
