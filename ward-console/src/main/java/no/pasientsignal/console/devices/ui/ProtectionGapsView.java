package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.DevicesClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.devices.service.DevicesService;
import no.pasientsignal.console.devices.service.DevicesService.Gap;
import no.pasientsignal.console.login.service.AuthenticationService;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * The residents whose protection is incomplete right now, one row per missing piece: which device type at which place
 * in the room, and why (silent, tampered, not installed, decommissioned). Refreshed every {@link #POLL_MILLIS} while
 * open (over the push connection) and on the refresh button, so a technician sees a gap close as the device is fixed.
 */
@Route(value = "protection-gaps", layout = MainLayout.class)
@AllowedRoles({StaffRole.TECHNICIAN, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "devices.menu.gaps", order = 25)
public final class ProtectionGapsView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    /** How often an open view asks again; the server raises silence within seconds, so this is what the eye sees. */
    static final int POLL_MILLIS = 10_000;

    private final transient DevicesService devices;
    private final transient AuthenticationService authentication;
    private final transient Clock clock = Clock.systemUTC();

    private final H1 title = new H1();
    private final Paragraph intro = new Paragraph();
    private final Button refresh = new Button();
    private final Paragraph updated = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Paragraph empty = new Paragraph();
    private final Grid<Gap> grid = new Grid<>(Gap.class, false);
    private final List<Grid.Column<Gap>> columns = new ArrayList<>();
    private Instant lastUpdate;
    private int gapCount;
    private Registration polling;

    public ProtectionGapsView() {
        this(ConsoleServices.current());
    }

    private ProtectionGapsView(ConsoleServices services) {
        this(new DevicesService(new DevicesClient(services.api())), services.authentication());
    }

    ProtectionGapsView(DevicesService devices, AuthenticationService authentication) {
        this.devices = devices;
        this.authentication = authentication;
        addClassName("devices-view");
        addClassName("protection-gaps-view");
        intro.addClassName("devices-help");
        refresh.setId("gaps-refresh");
        refresh.addClickListener(e -> reload());
        updated.setId("gaps-updated");
        updated.getElement().setAttribute("role", "status");
        updated.addClassName("devices-summary");
        error.setId("gaps-error");
        error.addClassName("devices-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        empty.setId("gaps-empty");
        empty.addClassName("gaps-empty");
        empty.setVisible(false);

        grid.setId("gaps-grid");
        grid.addClassName("devices-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        columns.add(grid.addColumn(g -> g.roomName() == null ? "" : g.roomName())
                .setKey("room")
                .setSortable(true)
                .setAutoWidth(true));
        columns.add(grid.addColumn(g -> resident(this, g)).setKey("resident").setAutoWidth(true));
        columns.add(grid.addColumn(g -> DeviceTexts.type(this, g.need().deviceType()))
                .setKey("deviceType")
                .setAutoWidth(true));
        columns.add(grid.addColumn(g -> DeviceTexts.location(this, g.need().locationKind()))
                .setKey("location")
                .setAutoWidth(true));
        columns.add(grid.addColumn(g ->
                        DeviceTexts.coverage(this, g.need().coverage(), g.need().explanation()))
                .setKey("why")
                .setAutoWidth(true));
        columns.add(
                grid.addColumn(g -> g.need().deviceId() == null ? "" : g.need().deviceId())
                        .setKey("device")
                        .setAutoWidth(true));
        columns.add(grid.addColumn(g -> DeviceTexts.time(g.need().lastSeen()))
                .setKey("lastSeen")
                .setAutoWidth(true));
        columns.add(grid.addColumn(
                        g -> g.need().batteryPercent() == null ? "" : g.need().batteryPercent() + " %")
                .setKey("battery")
                .setAutoWidth(true));

        Div bar = new Div(refresh, updated);
        bar.addClassName("devices-actions");
        add(title, intro, bar, error, empty, grid);
        updateTexts();
    }

    /** The resident as this user may see them: the name, or for roles that see no names the pseudonym. */
    static String resident(Component where, Gap gap) {
        return gap.residentName() != null
                ? gap.residentName()
                : where.getTranslation("devices.gaps.pseudonym", gap.residentId());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(e -> reload());
        reload();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("devices.gaps.title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        grid.getDataProvider().refreshAll();
    }

    /** Asks the server again; on failure the rows shown stay, under a sentence saying they may be stale. */
    void reload() {
        try {
            List<Gap> gaps = devices.gaps(authentication
                    .currentUser()
                    .map(ConsoleUser::token)
                    .orElseThrow(() -> new SignalServerException(
                            SignalServerException.Reason.UNAUTHORIZED, "No one is logged in.")));
            grid.setItems(gaps);
            gapCount = gaps.size();
            lastUpdate = clock.instant();
            empty.setVisible(gaps.isEmpty());
            error.setVisible(false);
        } catch (SignalServerException e) {
            error.setText(ServerErrors.sentence(this, e) + " " + getTranslation("devices.gaps.stale"));
            error.setVisible(true);
        }
        updateTexts();
    }

    private void updateTexts() {
        title.setText(getTranslation("devices.gaps.title"));
        intro.setText(getTranslation("devices.gaps.intro"));
        refresh.setText(getTranslation("devices.refresh"));
        empty.setText(getTranslation("devices.gaps.none"));
        grid.getElement().setAttribute("aria-label", getTranslation("devices.gaps.title"));
        updated.setText(
                lastUpdate == null
                        ? ""
                        : getTranslation("devices.gaps.updated", gapCount, DeviceTexts.time(lastUpdate)));
        for (Grid.Column<Gap> column : columns) {
            column.setHeader(getTranslation("devices.gaps.column." + column.getKey()));
        }
    }
}
