package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.DevicesClient;
import no.pasientsignal.console.client.DevicesClient.Credential;
import no.pasientsignal.console.client.DevicesClient.Device;
import no.pasientsignal.console.client.DevicesClient.InventoryFilter;
import no.pasientsignal.console.client.DevicesClient.Room;
import no.pasientsignal.console.client.DevicesClient.Ward;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.devices.service.DevicesService;
import no.pasientsignal.console.devices.service.HealthState;
import no.pasientsignal.console.login.service.AuthenticationService;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * The device inventory for technicians: every device with its health (online, battery, signal, last seen, firmware),
 * filtered by type, ward, room, health and a piece of id or serial; and the life-cycle actions: register a device,
 * give it a fresh one-time enrolment credential, replace it, decommission it. A credential is shown once, in {@link
 * CredentialPanel}; the console keeps it nowhere.
 */
@Route(value = "devices", layout = MainLayout.class)
@AllowedRoles({StaffRole.TECHNICIAN, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "devices.menu", order = 20)
public final class DevicesView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    private final transient DevicesService devices;
    private final transient AuthenticationService authentication;

    private final H1 title = new H1();
    private final ComboBox<String> typeFilter = new ComboBox<>();
    private final ComboBox<Ward> wardFilter = new ComboBox<>();
    private final ComboBox<Room> roomFilter = new ComboBox<>();
    private final ComboBox<HealthState> healthFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final Button refresh = new Button();
    private final Paragraph loadError = new Paragraph();
    private final Paragraph summary = new Paragraph();
    private final Button registerButton = new Button();
    private final Button enrolButton = new Button();
    private final Button replaceButton = new Button();
    private final Button decommissionButton = new Button();
    private final Paragraph actionError = new Paragraph();
    private final Grid<Device> grid = new Grid<>(Device.class, false);
    private final List<Grid.Column<Device>> columns = new ArrayList<>();
    private final RegistrationForm registration;
    private final CredentialPanel credentialPanel = new CredentialPanel();

    private List<Room> rooms = List.of();

    public DevicesView() {
        this(ConsoleServices.current());
    }

    private DevicesView(ConsoleServices services) {
        this(new DevicesService(new DevicesClient(services.api())), services.authentication());
    }

    DevicesView(DevicesService devices, AuthenticationService authentication) {
        this.devices = devices;
        this.authentication = authentication;
        addClassName("devices-view");

        typeFilter.setId("devices-filter-type");
        typeFilter.setItems(DeviceTexts.DEVICE_TYPES);
        typeFilter.setItemLabelGenerator(type -> DeviceTexts.type(this, type));
        typeFilter.setClearButtonVisible(true);
        wardFilter.setId("devices-filter-ward");
        wardFilter.setItemLabelGenerator(Ward::name);
        wardFilter.setClearButtonVisible(true);
        roomFilter.setId("devices-filter-room");
        roomFilter.setItemLabelGenerator(Room::name);
        roomFilter.setClearButtonVisible(true);
        healthFilter.setId("devices-filter-health");
        healthFilter.setItems(HealthState.values());
        healthFilter.setItemLabelGenerator(health -> DeviceTexts.health(this, health));
        healthFilter.setClearButtonVisible(true);
        search.setId("devices-filter-text");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        refresh.setId("devices-refresh");
        typeFilter.addValueChangeListener(e -> reload());
        wardFilter.addValueChangeListener(e -> {
            roomFilter.clear();
            showRoomsOf(e.getValue());
            reload();
        });
        roomFilter.addValueChangeListener(e -> reload());
        healthFilter.addValueChangeListener(e -> reload());
        search.addValueChangeListener(e -> reload());
        refresh.addClickListener(e -> reload());
        Div filters = new Div(typeFilter, wardFilter, roomFilter, healthFilter, search, refresh);
        filters.addClassName("devices-filters");

        loadError.setId("devices-load-error");
        loadError.addClassName("devices-error");
        loadError.getElement().setAttribute("role", "alert");
        loadError.setVisible(false);
        summary.setId("devices-summary");
        summary.addClassName("devices-summary");
        summary.getElement().setAttribute("role", "status");

        registerButton.setId("devices-register");
        registerButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enrolButton.setId("devices-enrol");
        replaceButton.setId("devices-replace");
        decommissionButton.setId("devices-decommission");
        decommissionButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        enrolButton.addClickListener(e -> selected().ifPresent(this::issueCredential));
        replaceButton.addClickListener(e -> selected().ifPresent(this::openReplace));
        decommissionButton.addClickListener(e -> selected().ifPresent(this::openDecommission));
        Div actions = new Div(registerButton, enrolButton, replaceButton, decommissionButton);
        actions.addClassName("devices-actions");
        actionError.setId("devices-action-error");
        actionError.addClassName("devices-error");
        actionError.getElement().setAttribute("role", "alert");
        actionError.setVisible(false);

        registration = new RegistrationForm(devices.client(), this::token, this::registered);
        registerButton.addClickListener(e -> registration.open(rooms));

        grid.setId("devices-grid");
        grid.addClassName("devices-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.setAllRowsVisible(false);
        columns.add(
                grid.addColumn(Device::deviceId).setKey("id").setSortable(true).setAutoWidth(true));
        columns.add(grid.addColumn(d -> DeviceTexts.type(this, d.type()))
                .setKey("type")
                .setSortable(true)
                .setAutoWidth(true));
        columns.add(grid.addColumn(Device::serial).setKey("serial").setAutoWidth(true));
        columns.add(
                grid.addColumn(this::place).setKey("place").setSortable(true).setAutoWidth(true));
        columns.add(grid.addComponentColumn(this::healthBadge)
                .setKey("health")
                .setComparator(d -> HealthState.of(d).ordinal())
                .setSortable(true)
                .setAutoWidth(true));
        columns.add(grid.addColumn(d -> d.batteryPercent() == null ? "" : d.batteryPercent() + " %")
                .setKey("battery")
                .setComparator(d -> d.batteryPercent() == null ? -1 : d.batteryPercent())
                .setSortable(true)
                .setAutoWidth(true));
        columns.add(grid.addColumn(d -> d.rssiDbm() == null ? "" : d.rssiDbm() + " dBm")
                .setKey("signal")
                .setAutoWidth(true));
        columns.add(grid.addColumn(d -> DeviceTexts.time(d.lastSeen()))
                .setKey("lastSeen")
                .setComparator(d -> d.lastSeen() == null ? 0L : d.lastSeen().toEpochMilli())
                .setSortable(true)
                .setAutoWidth(true));
        columns.add(grid.addColumn(d -> d.firmware() == null ? "" : d.firmware())
                .setKey("firmware")
                .setAutoWidth(true));
        columns.add(grid.addColumn(d -> DeviceTexts.state(this, d.state()))
                .setKey("state")
                .setAutoWidth(true));
        columns.add(grid.addColumn(d ->
                        d.alerts().stream().map(a -> DeviceTexts.alert(this, a)).collect(Collectors.joining(", ")))
                .setKey("alerts")
                .setAutoWidth(true));
        grid.addSelectionListener(e -> updateActions());

        add(title, filters, actions, actionError, credentialPanel, registration, loadError, summary, grid);
        updateTexts();
        updateActions();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        loadWards();
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("devices.title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        grid.getDataProvider().refreshAll();
    }

    /** Loads the inventory for the filters as they stand; a failure is shown above the grid, the old rows kept. */
    void reload() {
        InventoryFilter filter = new InventoryFilter(
                typeFilter.getValue(),
                Optional.ofNullable(wardFilter.getValue()).map(Ward::id).orElse(null),
                Optional.ofNullable(roomFilter.getValue()).map(Room::id).orElse(null),
                search.getValue());
        try {
            List<Device> shown = devices.inventory(filter, healthFilter.getValue(), token());
            String keep = selected().map(Device::deviceId).orElse(null);
            grid.setItems(shown);
            // auto widths are measured on the rows first shown; a new, longer id must not be cut off
            grid.recalculateColumnWidths();
            shown.stream().filter(d -> d.deviceId().equals(keep)).findFirst().ifPresent(grid::select);
            summary.setText(getTranslation("devices.summary", shown.size()));
            loadError.setVisible(false);
        } catch (SignalServerException e) {
            loadError.setText(ServerErrors.sentence(this, e));
            loadError.setVisible(true);
        }
        updateActions();
    }

    private void loadWards() {
        try {
            List<Ward> wards = devices.client().wards(token());
            List<Room> all = new ArrayList<>();
            for (Ward ward : wards) {
                all.addAll(devices.client().rooms(ward, token()));
            }
            rooms = List.copyOf(all);
            wardFilter.setItems(wards);
            showRoomsOf(wardFilter.getValue());
        } catch (SignalServerException e) {
            loadError.setText(ServerErrors.sentence(this, e));
            loadError.setVisible(true);
        }
    }

    private void showRoomsOf(Ward ward) {
        roomFilter.setItems(rooms.stream()
                .filter(room -> ward == null || room.wardId().equals(ward.id()))
                .toList());
    }

    private void registered(DevicesClient.RegisteredDevice device) {
        credentialPanel.show(device.enrolment(), false);
        search.clear();
        reload();
        grid.getListDataView()
                .getItems()
                .filter(d -> d.deviceId().equals(device.deviceId()))
                .findFirst()
                .ifPresent(grid::select);
    }

    private void issueCredential(Device device) {
        try {
            Credential credential = devices.client().issueCredential(device.deviceId(), token());
            actionError.setVisible(false);
            credentialPanel.show(credential, true);
        } catch (SignalServerException e) {
            showActionError(e);
        }
    }

    private void openReplace(Device device) {
        new ReplaceDialog(device, devices.client(), this::token, replaced -> {
                    credentialPanel.show(replaced.enrolment(), false);
                    reload();
                })
                .open();
    }

    private void openDecommission(Device device) {
        try {
            var reliant = devices.reliantOn(device.deviceId(), token());
            actionError.setVisible(false);
            new DecommissionDialog(device, reliant, devices.client(), this::token, this::reload).open();
        } catch (SignalServerException e) {
            showActionError(e);
        }
    }

    private void showActionError(SignalServerException e) {
        actionError.setText(ServerErrors.sentence(this, e));
        actionError.setVisible(true);
    }

    private Optional<Device> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    /** Registered or active: what the server lets a technician enrol, replace or decommission (in stock too). */
    private static boolean inLifeCycle(Device device) {
        return "REGISTERED".equals(device.state()) || "ACTIVE".equals(device.state());
    }

    private void updateActions() {
        boolean inService = selected().map(DevicesView::inLifeCycle).orElse(false);
        enrolButton.setEnabled(inService);
        replaceButton.setEnabled(inService);
        decommissionButton.setEnabled(inService);
    }

    private String place(Device device) {
        if (device.roomName() == null) {
            // the server unmounts a device it takes out of service: only one in service is in stock
            return inLifeCycle(device) ? getTranslation("devices.place.stock") : "";
        }
        return device.roomName() + ", " + DeviceTexts.location(this, device.locationKind());
    }

    private Span healthBadge(Device device) {
        HealthState health = HealthState.of(device);
        Span badge = new Span(DeviceTexts.health(this, health));
        badge.addClassNames("devices-health", "devices-health-" + health.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    private void updateTexts() {
        title.setText(getTranslation("devices.title"));
        typeFilter.setLabel(getTranslation("devices.filter.type"));
        wardFilter.setLabel(getTranslation("devices.filter.ward"));
        roomFilter.setLabel(getTranslation("devices.filter.room"));
        healthFilter.setLabel(getTranslation("devices.filter.health"));
        search.setLabel(getTranslation("devices.filter.text"));
        search.setPlaceholder(getTranslation("devices.filter.text.placeholder"));
        refresh.setText(getTranslation("devices.refresh"));
        registerButton.setText(getTranslation("devices.action.register"));
        enrolButton.setText(getTranslation("devices.action.enrol"));
        replaceButton.setText(getTranslation("devices.action.replace"));
        decommissionButton.setText(getTranslation("devices.action.decommission"));
        grid.getElement().setAttribute("aria-label", getTranslation("devices.grid.label"));
        for (Grid.Column<Device> column : columns) {
            column.setHeader(getTranslation("devices.column." + column.getKey()));
        }
        // keep the filters' shown labels in the new language
        typeFilter.getListDataView().refreshAll();
        healthFilter.getListDataView().refreshAll();
        registration.updateTexts();
        credentialPanel.updateTexts();
    }

    private AccessToken token() {
        return authentication
                .currentUser()
                .map(ConsoleUser::token)
                .orElseThrow(() -> new SignalServerException(
                        SignalServerException.Reason.UNAUTHORIZED, "No one is logged in.", null));
    }
}
