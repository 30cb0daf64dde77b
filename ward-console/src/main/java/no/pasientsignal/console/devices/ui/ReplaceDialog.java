package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.DevicesClient;
import no.pasientsignal.console.client.DevicesClient.Device;
import no.pasientsignal.console.client.DevicesClient.RegisteredDevice;
import no.pasientsignal.console.client.DevicesClient.Replacement;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * Replacing a broken device by a new one of the same type at the same place: the new device's id and serial. The old
 * one's certificates are revoked; the new one enrols with the credential shown afterwards. A refusal stays in the
 * dialog, with what was typed.
 */
final class ReplaceDialog extends Dialog {

    ReplaceDialog(
            Device device,
            DevicesClient client,
            SerializableSupplier<AccessToken> token,
            SerializableConsumer<RegisteredDevice> onReplaced) {
        setId("devices-replace-dialog");
        setHeaderTitle(getTranslation("devices.replace.title", device.deviceId()));
        Paragraph explanation = new Paragraph(getTranslation("devices.replace.explanation", device.deviceId()));
        TextField newId = new TextField(getTranslation("devices.replace.newId"));
        newId.setId("devices-replace-id");
        newId.setMaxLength(64);
        TextField serial = new TextField(getTranslation("devices.replace.serial"));
        serial.setId("devices-replace-serial");
        serial.setMaxLength(100);
        Paragraph error = new Paragraph();
        error.setId("devices-replace-error");
        error.addClassName("devices-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(explanation, newId, serial, error);

        Button replace = new Button(getTranslation("devices.replace.confirm"), e -> {
            try {
                RegisteredDevice replaced = client.replace(
                        device.deviceId(), new Replacement(newId.getValue().strip(), serial.getValue()), token.get());
                close();
                onReplaced.accept(replaced);
            } catch (SignalServerException ex) {
                error.setText(ServerErrors.sentence(this, ex));
                error.setVisible(true);
            }
        });
        replace.setId("devices-replace-confirm");
        replace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("devices.cancel"), e -> close());
        cancel.setId("devices-replace-cancel");
        getFooter().add(cancel, replace);
    }
}
