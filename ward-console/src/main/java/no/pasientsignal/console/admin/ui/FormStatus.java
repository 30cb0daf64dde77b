package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * The line next to a form that says how the last save went: the server's refusal as a sentence (announced as an
 * alert), a hint that some field needs fixing, or that the change was saved (announced politely). Re-labelled when the
 * language changes.
 */
final class FormStatus extends Div implements LocaleChangeObserver {

    private final Paragraph error = new Paragraph();
    private final Paragraph saved = new Paragraph();
    private SignalServerException lastError;
    private String errorKey;
    private String savedKey;

    FormStatus(String id) {
        addClassName("admin-status");
        error.setId(id + "-error");
        error.addClassName("admin-error");
        error.getElement().setAttribute("role", "alert");
        saved.setId(id + "-saved");
        saved.addClassName("admin-saved");
        saved.getElement().setAttribute("role", "status");
        add(error, saved);
        clear();
    }

    /** The server refused or failed: its sentence, next to the form. */
    void failed(SignalServerException e) {
        show(e, null, null);
    }

    /** A field of the form is not valid (the field itself says which and why). */
    void invalid() {
        show(null, "admin.form.invalid", null);
    }

    void saved(String key) {
        show(null, null, key);
    }

    void clear() {
        show(null, null, null);
    }

    String errorText() {
        return error.getText();
    }

    private void show(SignalServerException e, String invalidKey, String okKey) {
        lastError = e;
        errorKey = invalidKey;
        savedKey = okKey;
        updateTexts();
    }

    private void updateTexts() {
        String text = lastError != null
                ? ServerErrors.sentence(this, lastError)
                : errorKey != null ? getTranslation(errorKey) : "";
        error.setText(text);
        error.setVisible(!text.isEmpty());
        saved.setText(savedKey == null ? "" : getTranslation(savedKey));
        saved.setVisible(savedKey != null);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }
}
