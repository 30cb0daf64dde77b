package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import no.pasientsignal.console.client.DevicesClient.Credential;

/**
 * A one-time enrolment credential, shown once after registering, replacing or asking for a new one: the identity and
 * secret to give the device, with a copy button each, when it stops working, and what to do with it. Hiding it clears
 * it: the console keeps no copy, and the server shows it only once.
 */
final class CredentialPanel extends Div {

    private final H2 heading = new H2();
    private final Paragraph device = new Paragraph();
    private final TextField identity = new TextField();
    private final TextField secret = new TextField();
    private final Button copyIdentity = new Button();
    private final Button copySecret = new Button();
    private final Paragraph expires = new Paragraph();
    private final Paragraph instructions = new Paragraph();
    private final Paragraph replacesEarlier = new Paragraph();
    private final Button done = new Button();
    private Credential shown;

    CredentialPanel() {
        setId("devices-credential");
        addClassName("devices-credential");
        getElement().setAttribute("role", "status");
        setVisible(false);
        device.setId("devices-credential-device");
        identity.setId("devices-credential-identity");
        identity.setReadOnly(true);
        identity.addClassName("devices-credential-value");
        secret.setId("devices-credential-secret");
        secret.setReadOnly(true);
        secret.addClassName("devices-credential-value");
        copyIdentity.setId("devices-credential-copy-identity");
        copySecret.setId("devices-credential-copy-secret");
        copyIdentity.addClickListener(e -> copy(identity.getValue()));
        copySecret.addClickListener(e -> copy(secret.getValue()));
        expires.setId("devices-credential-expires");
        expires.addClassName("devices-credential-expires");
        instructions.addClassName("devices-help");
        replacesEarlier.addClassName("devices-help");
        done.setId("devices-credential-done");
        done.addClickListener(e -> hide());
        Div identityRow = new Div(identity, copyIdentity);
        identityRow.addClassName("devices-credential-row");
        Div secretRow = new Div(secret, copySecret);
        secretRow.addClassName("devices-credential-row");
        add(heading, device, identityRow, secretRow, expires, instructions, replacesEarlier, done);
    }

    /** Shows {@code credential}; {@code fresh} says it replaced an earlier unspent one. */
    void show(Credential credential, boolean fresh) {
        shown = credential;
        identity.setValue(credential.identity());
        secret.setValue(credential.secret());
        replacesEarlier.setVisible(fresh);
        updateTexts();
        setVisible(true);
    }

    void hide() {
        shown = null;
        identity.clear();
        secret.clear();
        setVisible(false);
    }

    private void copy(String value) {
        // the browser copies; over plain http (no secure context) it may refuse, and the field can still be selected
        getElement().executeJs("if (navigator.clipboard) { navigator.clipboard.writeText($0); }", value);
    }

    void updateTexts() {
        heading.setText(getTranslation("devices.credential.title"));
        identity.setLabel(getTranslation("devices.credential.identity"));
        secret.setLabel(getTranslation("devices.credential.secret"));
        copyIdentity.setText(getTranslation("devices.credential.copy"));
        copySecret.setText(getTranslation("devices.credential.copy"));
        copyIdentity.getElement().setAttribute("aria-label", getTranslation("devices.credential.copy.identity"));
        copySecret.getElement().setAttribute("aria-label", getTranslation("devices.credential.copy.secret"));
        replacesEarlier.setText(getTranslation("devices.credential.replaces"));
        done.setText(getTranslation("devices.credential.done"));
        if (shown != null) {
            device.setText(getTranslation("devices.credential.device", shown.deviceId()));
            expires.setText(getTranslation("devices.credential.expires", DeviceTexts.time(shown.expiresAt())));
            instructions.setText(getTranslation("devices.credential.instructions", shown.deviceId()));
        }
    }
}
