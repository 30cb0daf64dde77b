package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.List;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.DevicesClient;
import no.pasientsignal.console.client.DevicesClient.Device;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.devices.service.DevicesService.Gap;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * Asks before a device is taken out of service for good, and says what is lost: the residents whose care needs it
 * covers now, each need by name. Nothing happens until the technician confirms; a refusal stays in the dialog.
 */
final class DecommissionDialog extends Dialog {

    DecommissionDialog(
            Device device,
            List<Gap> reliant,
            DevicesClient client,
            SerializableSupplier<AccessToken> token,
            SerializableRunnable onDecommissioned) {
        setId("devices-decommission-dialog");
        setHeaderTitle(getTranslation("devices.decommission.title", device.deviceId()));
        add(new Paragraph(getTranslation("devices.decommission.permanent", device.deviceId())));
        Paragraph loss = new Paragraph();
        loss.setId("devices-decommission-loss");
        loss.addClassName("devices-warning");
        if (reliant.isEmpty()) {
            loss.setText(getTranslation("devices.decommission.nobody"));
            add(loss);
        } else {
            loss.setText(getTranslation("devices.decommission.loss", reliant.size()));
            UnorderedList residents = new UnorderedList();
            residents.setId("devices-decommission-residents");
            for (Gap gap : reliant) {
                residents.add(new ListItem(getTranslation(
                        "devices.decommission.resident",
                        ProtectionGapsView.resident(this, gap),
                        gap.roomName() == null ? "" : gap.roomName(),
                        DeviceTexts.type(this, gap.need().deviceType()),
                        DeviceTexts.location(this, gap.need().locationKind()))));
            }
            add(loss, residents);
        }
        Paragraph error = new Paragraph();
        error.setId("devices-decommission-error");
        error.addClassName("devices-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(error);

        Button confirm = new Button(getTranslation("devices.decommission.confirm"), e -> {
            try {
                client.decommission(device.deviceId(), token.get());
                close();
                onDecommissioned.run();
            } catch (SignalServerException ex) {
                error.setText(ServerErrors.sentence(this, ex));
                error.setVisible(true);
            }
        });
        confirm.setId("devices-decommission-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("devices.cancel"), e -> close());
        cancel.setId("devices-decommission-cancel");
        getFooter().add(cancel, confirm);
    }
}
