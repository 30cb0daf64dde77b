package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.List;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.DevicesClient;
import no.pasientsignal.console.client.DevicesClient.Location;
import no.pasientsignal.console.client.DevicesClient.RegisteredDevice;
import no.pasientsignal.console.client.DevicesClient.Registration;
import no.pasientsignal.console.client.DevicesClient.Room;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * Registering a device: id, type, serial, and where it is mounted (room, then a place in the room; neither keeps it in
 * stock). The server checks everything; a refusal is shown under the form in the server's words and every field keeps
 * what was typed.
 */
final class RegistrationForm extends Div {

    private final transient DevicesClient client;
    private final SerializableSupplier<AccessToken> token;
    private final SerializableConsumer<RegisteredDevice> onRegistered;

    private final H2 heading = new H2();
    private final TextField deviceId = new TextField();
    private final ComboBox<String> type = new ComboBox<>();
    private final TextField serial = new TextField();
    private final ComboBox<Room> room = new ComboBox<>();
    private final ComboBox<Location> location = new ComboBox<>();
    private final Paragraph help = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Button save = new Button();
    private final Button cancel = new Button();

    RegistrationForm(
            DevicesClient client,
            SerializableSupplier<AccessToken> token,
            SerializableConsumer<RegisteredDevice> onRegistered) {
        this.client = client;
        this.token = token;
        this.onRegistered = onRegistered;
        setId("devices-register-form");
        addClassName("devices-form");
        setVisible(false);

        deviceId.setId("devices-register-id");
        deviceId.setMaxLength(64);
        type.setId("devices-register-type");
        type.setItems(DeviceTexts.DEVICE_TYPES);
        type.setItemLabelGenerator(t -> DeviceTexts.type(this, t));
        serial.setId("devices-register-serial");
        serial.setMaxLength(100);
        room.setId("devices-register-room");
        room.setItemLabelGenerator(Room::name);
        room.setClearButtonVisible(true);
        location.setId("devices-register-location");
        location.setItemLabelGenerator(l -> DeviceTexts.location(this, l.kind()) + " (" + l.label() + ")");
        location.setClearButtonVisible(true);
        room.addValueChangeListener(e -> showLocationsOf(e.getValue()));
        help.addClassName("devices-help");
        error.setId("devices-register-error");
        error.addClassName("devices-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        save.setId("devices-register-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setId("devices-register-cancel");
        cancel.addClickListener(e -> setVisible(false));

        Div fields = new Div(deviceId, type, serial, room, location);
        fields.addClassName("devices-form-fields");
        Div buttons = new Div(save, cancel);
        buttons.addClassName("devices-form-buttons");
        add(heading, help, fields, error, buttons);
    }

    /** Shows the form with {@code rooms} to choose from; what was typed before stays. */
    void open(List<Room> rooms) {
        Room chosen = room.getValue();
        room.setItems(rooms);
        if (chosen != null && rooms.contains(chosen)) {
            room.setValue(chosen);
        }
        setVisible(true);
        deviceId.focus();
    }

    private void showLocationsOf(Room chosen) {
        location.clear();
        if (chosen == null) {
            location.setItems(List.of());
            return;
        }
        try {
            location.setItems(client.locations(chosen.id(), token.get()));
            error.setVisible(false);
        } catch (SignalServerException e) {
            showError(e);
        }
    }

    private void save() {
        var request = new Registration(
                deviceId.getValue().strip(),
                type.getValue(),
                serial.getValue(),
                location.getValue() == null ? null : location.getValue().id());
        try {
            RegisteredDevice device = client.register(request, token.get());
            error.setVisible(false);
            deviceId.clear();
            serial.clear();
            location.clear();
            setVisible(false);
            onRegistered.accept(device);
        } catch (SignalServerException e) {
            // everything typed stays, so the technician corrects only what the server named
            showError(e);
        }
    }

    private void showError(SignalServerException e) {
        error.setText(ServerErrors.sentence(this, e));
        error.setVisible(true);
    }

    void updateTexts() {
        heading.setText(getTranslation("devices.register.title"));
        help.setText(getTranslation("devices.register.help"));
        deviceId.setLabel(getTranslation("devices.register.id"));
        deviceId.setHelperText(getTranslation("devices.register.id.help"));
        type.setLabel(getTranslation("devices.register.type"));
        serial.setLabel(getTranslation("devices.register.serial"));
        room.setLabel(getTranslation("devices.register.room"));
        location.setLabel(getTranslation("devices.register.location"));
        location.setHelperText(getTranslation("devices.register.location.help"));
        save.setText(getTranslation("devices.register.save"));
        cancel.setText(getTranslation("devices.cancel"));
    }
}
