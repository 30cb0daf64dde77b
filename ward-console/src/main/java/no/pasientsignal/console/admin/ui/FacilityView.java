package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.admin.service.AdminValues;
import no.pasientsignal.console.client.AdminClient.Location;
import no.pasientsignal.console.client.AdminClient.NewLocation;
import no.pasientsignal.console.client.AdminClient.NewRoom;
import no.pasientsignal.console.client.AdminClient.Room;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.AdminClient.Ward;
import no.pasientsignal.console.client.AdminClient.Zone;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;

/**
 * The facility model as a tree (site, ward, zone, room) with a detail panel: pick a node to add what goes under it (a
 * ward to a site, a zone to a ward, a room with its locations to a zone), or see a room's locations. With nothing
 * picked the panel adds a site. The server's API creates these but has no rename or delete.
 */
@Route(value = "admin/facility", layout = MainLayout.class)
@AllowedRoles(StaffRole.ADMINISTRATOR)
@MenuEntry(key = "admin.menu.facility", order = 40)
public final class FacilityView extends Div implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    enum Kind {
        SITE,
        WARD,
        ZONE,
        ROOM
    }

    /** One node of the tree; {@code id} is the server's. */
    record Node(Kind kind, String id, String name) {}

    static final class NameForm {
        String name = "";
    }

    static final class RoomForm {
        String number = "";
        String name = "";
    }

    static final class LocationForm {
        String kind;
        String label = "";
    }

    static final class LocationRow extends EditableRow<LocationForm> {
        private final Select<String> kind = new Select<>();
        private final TextField label = new TextField();

        LocationRow(LocationForm form) {
            super(form);
            kind.setItems(AdminValues.LOCATION_KINDS);
            label.setMaxLength(100);
            label.setRequiredIndicatorVisible(true);
            binder.forField(kind)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.kind, (f, v) -> f.kind = v);
            binder.forField(label)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.label, (f, v) -> f.label = v);
            finish(kind, label);
        }

        @Override
        protected void name(String prefix) {
            kind.setId(prefix + "-kind");
            label.setId(prefix + "-label");
        }

        @Override
        protected void updateTexts() {
            kind.setLabel(getTranslation("admin.facility.location.kind"));
            kind.setItemLabelGenerator(k -> getTranslation("admin.location." + k));
            label.setLabel(getTranslation("admin.facility.location.label"));
        }
    }

    private final transient AdminService admin;
    private final H1 heading = new H1();
    private final Button newSite = new Button();
    private final TreeGrid<Node> tree = new TreeGrid<>();
    private final FormStatus treeStatus = new FormStatus("admin-facility-tree-status");
    private final H2 detailHeading = new H2();
    // a site, ward or zone: just a name
    private final Div nameSection = new Div();
    private final TextField name = new TextField();
    private final Button createNamed = new Button();
    private final Binder<NameForm> nameBinder = new Binder<>();
    // a room and its locations
    private final Div roomSection = new Div();
    private final TextField roomNumber = new TextField();
    private final TextField roomName = new TextField();
    private final RowList<LocationForm, LocationRow> locations =
            new RowList<>("admin-location", "admin.facility.location.add", () -> new LocationRow(new LocationForm()));
    private final Button createRoom = new Button();
    private final Binder<RoomForm> roomBinder = new Binder<>();
    // renaming a site or a zone (the server renames only these: ward and room names travel with the devices)
    private final Div renameSection = new Div();
    private final TextField rename = new TextField();
    private final Button renameSave = new Button();
    private final Binder<NameForm> renameBinder = new Binder<>();
    // the locations of a room, and adding one
    private final Grid<Location> roomLocations = new Grid<>();
    private final Div addLocationSection = new Div();
    private final Select<String> newLocationKind = new Select<>();
    private final TextField newLocationLabel = new TextField();
    private final Button addLocation = new Button();
    private final Binder<LocationForm> locationBinder = new Binder<>();
    private final FormStatus status = new FormStatus("admin-facility-status");
    private Node selected;

    public FacilityView() {
        this(AdminService.current());
    }

    FacilityView(AdminService admin) {
        this.admin = admin;
        addClassNames("admin-view", "admin-facility");

        newSite.setId("admin-facility-new-site");
        newSite.addClickListener(e -> tree.deselectAll());
        tree.setId("admin-facility-tree");
        tree.addClassName("admin-grid");
        tree.addHierarchyColumn(n -> n.name()).setKey("name").setFlexGrow(1);
        tree.addColumn(n -> getTranslation("admin.facility.kind." + n.kind()))
                .setKey("kind")
                .setAutoWidth(true);
        tree.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));

        name.setId("admin-facility-name");
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        nameBinder
                .forField(name)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.name, (f, v) -> f.name = v);
        nameBinder.setBean(new NameForm());
        createNamed.setId("admin-facility-create");
        createNamed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createNamed.addClickListener(e -> createNamed());
        nameSection.add(name, createNamed);

        roomNumber.setId("admin-facility-room-number");
        roomNumber.setMaxLength(20);
        roomNumber.setRequiredIndicatorVisible(true);
        roomName.setId("admin-facility-room-name");
        roomName.setMaxLength(200);
        roomName.setRequiredIndicatorVisible(true);
        roomBinder
                .forField(roomNumber)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.number, (f, v) -> f.number = v);
        roomBinder
                .forField(roomName)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.name, (f, v) -> f.name = v);
        roomBinder.setBean(new RoomForm());
        createRoom.setId("admin-facility-create-room");
        createRoom.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createRoom.addClickListener(e -> createRoom());
        roomSection.add(roomNumber, roomName, locations, createRoom);

        rename.setId("admin-facility-rename");
        rename.setMaxLength(200);
        rename.setRequiredIndicatorVisible(true);
        renameBinder
                .forField(rename)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.name, (f, v) -> f.name = v);
        renameBinder.setBean(new NameForm());
        renameSave.setId("admin-facility-rename-save");
        renameSave.addClickListener(e -> rename());
        renameSection.add(rename, renameSave);
        renameSection.addClassName("admin-inline-form");

        newLocationKind.setId("admin-facility-new-location-kind");
        newLocationKind.setItems(AdminValues.LOCATION_KINDS);
        newLocationLabel.setId("admin-facility-new-location-label");
        newLocationLabel.setMaxLength(100);
        newLocationLabel.setRequiredIndicatorVisible(true);
        locationBinder
                .forField(newLocationKind)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.kind, (f, v) -> f.kind = v);
        locationBinder
                .forField(newLocationLabel)
                .asRequired(ctx -> getTranslation("admin.required"))
                .bind(f -> f.label, (f, v) -> f.label = v);
        locationBinder.setBean(new LocationForm());
        addLocation.setId("admin-facility-add-location");
        addLocation.addClickListener(e -> addLocation());
        addLocationSection.add(newLocationKind, newLocationLabel, addLocation);
        addLocationSection.addClassName("admin-inline-form");

        roomLocations.setId("admin-facility-locations");
        roomLocations.addClassName("admin-grid");
        roomLocations
                .addColumn(l -> getTranslation("admin.location." + l.kind()))
                .setKey("kind");
        roomLocations.addColumn(Location::label).setKey("label");
        roomLocations.setAllRowsVisible(true);

        Div master = new Div(newSite, tree, treeStatus);
        master.addClassName("admin-master");
        Div detail = new Div(
                detailHeading, renameSection, nameSection, roomSection, roomLocations, addLocationSection, status);
        detail.addClassNames("admin-detail", "admin-form");
        detail.setId("admin-facility-detail");
        Div split = new Div(master, detail);
        split.addClassName("admin-split");
        add(heading, split);

        updateTexts();
    }

    /** Every time the view is opened (also from the menu while it shows) the tree is read again. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload(null);
        select(null);
    }

    /** Reads the whole tree again (a care home has tens of rooms, not thousands) and selects {@code focus}. */
    private void reload(Node focus) {
        TreeData<Node> data = new TreeData<>();
        List<Node> path = new ArrayList<>();
        try {
            for (Site site : admin.call((c, t) -> c.sites(t))) {
                Node siteNode = new Node(Kind.SITE, site.id(), site.name());
                data.addItem(null, siteNode);
                for (Ward ward : admin.call((c, t) -> c.wards(t, site.id()))) {
                    Node wardNode = new Node(Kind.WARD, ward.id(), ward.name());
                    data.addItem(siteNode, wardNode);
                    for (Zone zone : admin.call((c, t) -> c.zones(t, ward.id()))) {
                        Node zoneNode = new Node(Kind.ZONE, zone.id(), zone.name());
                        data.addItem(wardNode, zoneNode);
                        for (Room room : admin.call((c, t) -> c.rooms(t, zone.id()))) {
                            data.addItem(zoneNode, roomNode(room));
                        }
                    }
                }
            }
            treeStatus.clear();
        } catch (SignalServerException e) {
            treeStatus.failed(e);
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        if (focus != null && data.contains(focus)) {
            for (Node n = data.getParent(focus); n != null; n = data.getParent(n)) {
                path.add(n);
            }
            tree.expand(path);
            tree.select(focus);
        } else {
            // a care home has a handful of wards: show them down to the rooms
            tree.expandRecursively(data.getRootItems(), 3);
        }
    }

    private void select(Node node) {
        selected = node;
        status.clear();
        nameBinder.setBean(new NameForm());
        Kind kind = node == null ? null : node.kind();
        nameSection.setVisible(kind != Kind.ZONE && kind != Kind.ROOM);
        roomSection.setVisible(kind == Kind.ZONE);
        roomLocations.setVisible(kind == Kind.ROOM);
        addLocationSection.setVisible(kind == Kind.ROOM);
        renameSection.setVisible(kind == Kind.SITE || kind == Kind.ZONE);
        NameForm current = new NameForm();
        current.name = node == null ? "" : node.name();
        renameBinder.setBean(current);
        locationBinder.setBean(new LocationForm());
        if (kind == Kind.ZONE) {
            roomBinder.setBean(new RoomForm());
            LocationForm bed = new LocationForm();
            bed.kind = "BED";
            bed.label = getTranslation("admin.facility.location.defaultBed");
            locations.setRows(List.of(new LocationRow(bed)));
        }
        if (kind == Kind.ROOM) {
            try {
                List<Location> inRoom = admin.call((c, t) -> c.locations(t, node.id()));
                roomLocations.setItems(inRoom);
            } catch (SignalServerException e) {
                roomLocations.setItems(List.of());
                status.failed(e);
            }
        }
        updateTexts();
    }

    private void createNamed() {
        if (!nameBinder.validate().isOk()) {
            status.invalid();
            return;
        }
        String value = nameBinder.getBean().name.strip();
        Node parent = selected;
        try {
            Node created;
            if (parent == null) {
                Site site = admin.call((c, t) -> c.createSite(t, value));
                created = new Node(Kind.SITE, site.id(), site.name());
            } else if (parent.kind() == Kind.SITE) {
                Ward ward = admin.call((c, t) -> c.createWard(t, parent.id(), value));
                created = new Node(Kind.WARD, ward.id(), ward.name());
            } else {
                Zone zone = admin.call((c, t) -> c.createZone(t, parent.id(), value));
                created = new Node(Kind.ZONE, zone.id(), zone.name());
            }
            reload(created);
            status.saved("admin.facility.created");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void createRoom() {
        boolean valid = roomBinder.validate().isOk() & locations.validate();
        Node zone = selected;
        if (zone == null || zone.kind() != Kind.ZONE || !valid) {
            status.invalid();
            return;
        }
        RoomForm form = roomBinder.getBean();
        var request = new NewRoom(
                form.number.strip(),
                form.name.strip(),
                locations.beans().stream()
                        .map(l -> new NewLocation(l.kind, l.label.strip()))
                        .toList());
        try {
            Room room = admin.call((c, t) -> c.createRoom(t, zone.id(), request));
            reload(roomNode(room));
            status.saved("admin.facility.created");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void rename() {
        Node node = selected;
        if (node == null || !renameBinder.validate().isOk()) {
            status.invalid();
            return;
        }
        String value = renameBinder.getBean().name.strip();
        try {
            Node renamed;
            if (node.kind() == Kind.SITE) {
                Site site = admin.call((c, t) -> c.renameSite(t, node.id(), value));
                renamed = new Node(Kind.SITE, site.id(), site.name());
            } else {
                Zone zone = admin.call((c, t) -> c.renameZone(t, node.id(), value));
                renamed = new Node(Kind.ZONE, zone.id(), zone.name());
            }
            reload(renamed);
            status.saved("admin.saved");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void addLocation() {
        Node room = selected;
        if (room == null
                || room.kind() != Kind.ROOM
                || !locationBinder.validate().isOk()) {
            status.invalid();
            return;
        }
        LocationForm form = locationBinder.getBean();
        try {
            admin.call((c, t) -> c.addLocation(t, room.id(), new NewLocation(form.kind, form.label.strip())));
            select(room);
            status.saved("admin.facility.created");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    /** A room as the tree shows it: its name, with the number in front unless the name has it ("Rom 203"). */
    private static Node roomNode(Room room) {
        String label = room.name().contains(room.number()) ? room.name() : room.number() + " " + room.name();
        return new Node(Kind.ROOM, room.id(), label);
    }

    /** The node picked in the tree, if any. */
    Optional<Node> selected() {
        return Optional.ofNullable(selected);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        tree.getDataProvider().refreshAll();
        roomLocations.getDataProvider().refreshAll();
    }

    private void updateTexts() {
        heading.setText(getTranslation("admin.facility.heading"));
        newSite.setText(getTranslation("admin.facility.newSite"));
        tree.getColumnByKey("name").setHeader(getTranslation("admin.facility.name"));
        tree.getColumnByKey("kind").setHeader(getTranslation("admin.facility.kind"));
        tree.setAriaLabel(getTranslation("admin.facility.tree"));
        roomLocations.getColumnByKey("kind").setHeader(getTranslation("admin.facility.location.kind"));
        roomLocations.getColumnByKey("label").setHeader(getTranslation("admin.facility.location.label"));
        roomLocations.setAriaLabel(getTranslation("admin.facility.locations"));
        Kind kind = selected == null ? null : selected.kind();
        String parent = selected == null ? "" : selected.name();
        detailHeading.setText(
                kind == null
                        ? getTranslation("admin.facility.new.SITE")
                        : switch (kind) {
                            case SITE -> getTranslation("admin.facility.new.WARD", parent);
                            case WARD -> getTranslation("admin.facility.new.ZONE", parent);
                            case ZONE -> getTranslation("admin.facility.new.ROOM", parent);
                            case ROOM -> getTranslation("admin.facility.locationsOf", parent);
                        });
        name.setLabel(getTranslation("admin.facility.name"));
        createNamed.setText(getTranslation("admin.facility.create"));
        roomNumber.setLabel(getTranslation("admin.facility.room.number"));
        roomName.setLabel(getTranslation("admin.facility.room.name"));
        createRoom.setText(getTranslation("admin.facility.createRoom"));
        rename.setLabel(
                getTranslation(kind == Kind.ZONE ? "admin.facility.rename.ZONE" : "admin.facility.rename.SITE"));
        renameSave.setText(getTranslation("admin.facility.rename"));
        newLocationKind.setLabel(getTranslation("admin.facility.location.kind"));
        newLocationKind.setItemLabelGenerator(k -> getTranslation("admin.location." + k));
        newLocationLabel.setLabel(getTranslation("admin.facility.location.label"));
        addLocation.setText(getTranslation("admin.facility.location.addToRoom"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.facility.title");
    }
}
