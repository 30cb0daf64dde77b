package no.pasientsignal.console.devices.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import no.pasientsignal.console.devices.service.DevicesService.Gap;
import no.pasientsignal.console.devices.ui.DevicesFixture.NewRoom;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The residents whose protection is incomplete, against the real signal server. */
class ProtectionGapsViewIT {

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
    void a_resident_whose_needed_device_is_not_installed_is_listed_until_it_is() {
        NewRoom room = fixture.newRoom();
        String resident = fixture.newResident(room, "BED_SENSOR");
        KaribuConsole.logInAsDemo("tekniker");
        UI.getCurrent().navigate("protection-gaps");

        assertThat(rowsOf(resident))
                .containsExactly(List.of(
                        room.name(),
                        "Beboer " + resident,
                        "Sengesensor",
                        "seng",
                        "ingen slik enhet installert",
                        "",
                        "",
                        ""));

        fixture.registerAtBed(DevicesFixture.uniqueId("karibu-bed"), "BED_SENSOR", room);
        _click(_get(Button.class, spec -> spec.withId("gaps-refresh")));
        assertThat(rowsOf(resident)).isEmpty();
    }

    @Test
    void the_view_follows_the_language_switch() {
        NewRoom room = fixture.newRoom();
        String resident = fixture.newResident(room, "FALL_SENSOR");
        KaribuConsole.logInAsDemo("tekniker");
        UI.getCurrent().navigate("protection-gaps");

        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withId("language-select"));
        _setValue(language, Locale.ENGLISH);

        assertThat(_get(H1.class, spec -> spec.withText("Protection gaps"))).isNotNull();
        assertThat(rowsOf(resident).getFirst())
                .contains("Resident " + resident, "Fall sensor", "no such device installed");
    }

    @Test
    void an_administrator_sees_the_residents_names() {
        NewRoom room = fixture.newRoom();
        String resident = fixture.newResident(room, "DOOR_SENSOR");
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("protection-gaps");

        assertThat(rowsOf(resident).getFirst()).contains("Testbeboer " + room.number());
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rowsOf(String residentId) {
        Grid<Gap> grid = _get(Grid.class, spec -> spec.withId("gaps-grid"));
        return grid.getListDataView()
                .getItems()
                .filter(gap -> gap.residentId().equals(residentId))
                .map(gap -> GridKt._getFormattedRow(grid, gap))
                .toList();
    }
}
